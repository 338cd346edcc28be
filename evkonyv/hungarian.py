"""Hungarian vocabulary the parser relies on: month names, date phrases and given names."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_words(name: str) -> list[str]:
    """The entries of a word list in ``evkonyv/data`` (one per line; ``#`` starts a comment)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def data_rows(name: str) -> list[tuple[str, ...]]:
    """The rows of a tab-separated table in ``evkonyv/data``."""
    return [tuple(cell.strip() for cell in line.split("\t")) for line in data_words(name)]


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
# Values: (first (month, day), last (month, day)); the bounds are the documented reading
# of each phrase (see README, "Dates"). The precision comes from the table a phrase is in.
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

# Hungarian determiners (the words "a", "az", "egy"): a capitalised one after a name starts the description.
DETERMINERS: frozenset[str] = frozenset({"A", "Az", "Egy"})

# Word lists kept as data files (evkonyv/data/), each naming its source in its header.
NAME_PARTICLES: frozenset[str] = frozenset(data_words("name_particles.txt"))
CASE_SUFFIXES: tuple[str, ...] = tuple(data_words("case_suffixes.txt"))
NAME_PREFIXES: frozenset[str] = frozenset(data_words("name_prefixes.txt"))

# Hungarian given names (the official register, names in common use). In Hungarian name order the
# family name comes first, so a name ends after its given names ("Gundel Károly Gundel János fia").
GIVEN_NAMES: frozenset[str] = frozenset(data_words("given_names_male.txt") + data_words("given_names_female.txt"))

# Section headings of year articles, by the part of the article they open. The export strips them,
# but now and then one is left glued between two items ("...világcsúcstartója.SportJuan Manuel Fangio
# ..."), and a copy of the page keeps them as lines.
HEADINGS: dict[str, str] = dict((heading, kind) for kind, heading in data_rows("headings.tsv"))
BIRTHS_HEADING = "Születések"
DEATHS_HEADING = "Halálozások"
SECTION_HEADINGS: tuple[str, ...] = tuple(HEADINGS)
