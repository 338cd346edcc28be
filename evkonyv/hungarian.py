"""Hungarian vocabulary the parser relies on: month names, date phrases and given names."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "január": 1,
    "február": 2,
    "március": 3,
    "április": 4,
    "május": 5,
    "június": 6,
    "július": 7,
    "augusztus": 8,
    "szeptember": 9,
    "október": 10,
    "november": 11,
    "december": 12,
}
MONTH_NAMES: dict[int, str] = {number: name for name, number in MONTHS.items()}

# Phrases that stand where a date would and name a part of the year.
# Values: (precision, first (month, day), last (month, day)); the bounds are the
# documented reading of each phrase (see README, "Dates").
SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "tavasszal": ((3, 1), (5, 31)),
    "tavaszán": ((3, 1), (5, 31)),
    "nyáron": ((6, 1), (8, 31)),
    "nyarán": ((6, 1), (8, 31)),
    "ősszel": ((9, 1), (11, 30)),
    "őszén": ((9, 1), (11, 30)),
    # Winter straddles the turn of the year: without more context it can be
    # either end of the article's year, so the whole year is the honest bound.
    "télen": ((1, 1), (12, 31)),
    "telén": ((1, 1), (12, 31)),
}
APPROXIMATE_PHRASES: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "az év elején": ((1, 1), (4, 30)),
    "az év közepén": ((5, 1), (8, 31)),
    "az év végén": ((9, 1), (12, 31)),
    "az év végefelé": ((9, 1), (12, 31)),
    "karácsony körül": ((12, 17), (12, 31)),
    "karácsonykor": ((12, 24), (12, 26)),
    "húsvétkor": ((3, 22), (4, 25)),
}
WHOLE_YEAR_PHRASES: tuple[str, ...] = ("az év folyamán", "az év során", "egész évben")

# Hungarian determiners: a capitalised one after a name starts the description.
ARTICLES: frozenset[str] = frozenset({"A", "Az", "Egy"})

# Lower-case name particles of other languages ("Gerd von Rundstedt").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"von", "van", "de", "der", "den", "di", "da", "del", "della", "du", "dos", "das", "le", "la", "ibn", "bin", "ter", "zu", "y"}
)

# Case endings of inflected Hungarian nouns: a capitalised word carrying one after
# a name ("Stan Sakai Amerikában élő ...") is description, not name.
CASE_SUFFIXES: tuple[str, ...] = (
    "ban", "ben", "ból", "ből", "ról", "ről", "nak", "nek", "val", "vel",
    "tól", "től", "hoz", "hez", "höz", "ként", "ba", "be",
)

# Common Hungarian given names. In Hungarian name order the family name comes
# first, so a name ends after its given names ("Gundel Károly Gundel János fia").
GIVEN_NAMES: frozenset[str] = frozenset(
    """
    Ábel Ábrahám Ádám Adorján Ágoston Ákos Aladár Alajos Albert Alfréd Amadé András Andor
    Antal Árpád Artúr Attila Balázs Bálint Barnabás Béla Bence Benedek Bertalan Boldizsár
    Botond Csaba Dániel Dávid Dénes Dezső Domokos Donát Ede Elek Elemér Emil Endre Ernő
    Ervin Félix Ferenc Flórián Frigyes Gábor Gáspár Gedeon Gellért Gergely Géza Győző
    György Gyula Henrik Hugó Ignác Imre István Iván Jakab Jancsi János Jenő Jónás József
    Kálmán Károly Kristóf Kornél Lajos László Levente Lőrinc Lukács Márk Márton Máté
    Mátyás Menyhért Mihály Miklós Nándor Norbert Ödön Oszkár Ottó Pál Péter Rezső Richárd
    Róbert Roland Rudolf Sámuel Sándor Sebestyén Szabolcs Szilárd Tamás Tibor Tivadar
    Tódor Vilmos Viktor Vince Zoltán Zsigmond Zsolt
    Ágnes Alíz Andrea Anikó Anna Annamária Ágota Boglárka Borbála Csilla Dóra Dorottya
    Edit Emese Emília Emma Enikő Erika Erzsébet Eszter Etelka Éva Flóra Gabriella Gizella
    Hajnalka Hedvig Ibolya Ildikó Ilona Irén Irma Jolán Judit Júlia Julianna Katalin
    Klára Krisztina Kinga Lívia Magda Magdolna Margit Mária Mariann Márta Melinda Mónika
    Nóra Orsolya Piroska Rita Rozália Sára Szilvia Terézia Tímea Valéria Vera Veronika
    Viktória Zita Zsófia Zsuzsanna
    """.split()
)
