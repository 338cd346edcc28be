import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkonyv.parsing.people import (
    _OTHER_YEAR,
    _marker_match,
    find_other_year,
    other_year_of,
    read_person,
    split_person,
)
from evkonyv.parsing.records import read_line_person
from tests.helpers import ROOT


def other_year_for(kind, record_year, text):
    """The other life year the marker closing ``text`` gives a record, its flags, and the text before it."""
    marker = find_other_year(text)
    year, flags = other_year_of(kind, record_year, marker)
    return year, flags, text[: marker.start].rstrip() if marker else text


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "Háry László repülő vezérőrnagy, az önálló magyar légierő első parancsnoka",
            "Háry László",
            "repülő vezérőrnagy, az önálló magyar légierő első parancsnoka",
        ),
        ("Gerd von Rundstedt német tábornok", "Gerd von Rundstedt", "német tábornok"),
        ("Balázs F. Attila költő, prózaíró", "Balázs F. Attila", "költő, prózaíró"),
        ("Cs. Sebestyén Károly magyar etnográfus", "Cs. Sebestyén Károly", "magyar etnográfus"),
        ("Hans Fritzsche, az NSDAP tagjaként", "Hans Fritzsche", "az NSDAP tagjaként"),
        (
            "Stan Sakai Amerikában élő, harmadik generációs japán képregényrajzoló",
            "Stan Sakai",
            "Amerikában élő, harmadik generációs japán képregényrajzoló",
        ),
        (
            "Stanley Williams Az egyik vezetője volt a Crips bandának",
            "Stanley Williams",
            "Az egyik vezetője volt a Crips bandának",
        ),
        ("Ivan Alekszejevics Bunyin Nobel-díjas orosz író", "Ivan Alekszejevics Bunyin", "Nobel-díjas orosz író"),
        ("Gundel Károly Gundel János fia, magyar vendéglős", "Gundel Károly", "Gundel János fia, magyar vendéglős"),
        ("Parti Nagy Lajos, magyar költő", "Parti Nagy Lajos", "magyar költő"),
        ("Pető István László dandártábornok", "Pető István László", "dandártábornok"),
        ("Pattantyús-Ábrahám Géza magyar gépészmérnök", "Pattantyús-Ábrahám Géza", "magyar gépészmérnök"),
        ("Kreybig Lajos agrokémikus, az MTA tagja", "Kreybig Lajos", "agrokémikus, az MTA tagja"),
        (
            "Neil Francis Tennant a Pet Shop Boys együttes frontembere",
            "Neil Francis Tennant",
            "a Pet Shop Boys együttes frontembere",
        ),
        # the category of a prize, written capitalised before it, opens the description
        ("François Mauriac Irodalmi Nobel-díjas francia író", "François Mauriac", "Irodalmi Nobel-díjas francia író"),
        # a prize's name written apart from "díjas" opens the description too
        ("Barry J. Marshall Nobel díjas orvos", "Barry J. Marshall", "Nobel díjas orvos"),
        ("Kiss János Kossuth díjas színész", "Kiss János", "Kossuth díjas színész"),
        # a name transcribed from Chinese: its later syllables joined by a hyphen, in lower case
        ("Mao Ce-tung kínai politikus", "Mao Ce-tung", "kínai politikus"),
        ("Teng Hsziao-ping, kínai politikus", "Teng Hsziao-ping", "kínai politikus"),
        # a possessor named by one word and his title, then the relation: the possessor opens the description
        (
            "Ana de Mendoza Fülöp spanyol király udvarhölgye (meggyilkolták)",
            "Ana de Mendoza",
            "Fülöp spanyol király udvarhölgye (meggyilkolták)",
        ),
        ("Anne Neville Richárd angol herceg felesége", "Anne Neville", "Richárd angol herceg felesége"),
        # ... but not a name's last word before a description whose last word is no relation
        ("Richard Matthew Stallman szabad szoftver aktivista", "Richard Matthew Stallman", "szabad szoftver aktivista"),
        ("Karl Maria Weber a zenekar vezetője", "Karl Maria Weber", "a zenekar vezetője"),
        ("Gerd von Rundstedt Hitler hadseregének tisztje", "Gerd von Rundstedt", "Hitler hadseregének tisztje"),
        ("Balázs F. Attila írónő fia", "Balázs F. Attila", "írónő fia"),  # no possessor right after an initial
        # an epithet of origin written with a hyphen after a foreign place name opens the name
        ("Bordeaux-i Szent Paulinus, nolai püspök", "Bordeaux-i Szent Paulinus", "nolai püspök"),
        # a place before the title it owns opens the description
        ("Giovanni Medici Firenze uralkodója", "Giovanni Medici", "Firenze uralkodója"),
        ("III. Luigi Gonzaga Mantova őrgrófja", "III. Luigi Gonzaga", "Mantova őrgrófja"),
        # the particle de elided and glued to the name; the house a line is of, written "-házi"
        ("Jeanne d'Arc francia nemzeti hősnő", "Jeanne d'Arc", "francia nemzeti hősnő"),
        ("Pierre d’Ailly francia teológus", "Pierre d’Ailly", "francia teológus"),
        ("Giovanni dalle Bande Nere itáliai zsoldosvezér", "Giovanni dalle Bande Nere", "itáliai zsoldosvezér"),
        ("Árpád-házi Szent Margit domonkos apáca", "Árpád-házi Szent Margit", "domonkos apáca"),
        # two particles in a row; a place before a noble's or a prelate's title in the possessive
        ("Joost van den Vondel holland költő és drámaíró", "Joost van den Vondel", "holland költő és drámaíró"),
        ("Prágai Szent Adalbert Prága püspöke, hittérítő", "Prágai Szent Adalbert", "Prága püspöke, hittérítő"),
        # a ruler's epithet in brackets after his regnal number
        ("IV. (Kun) László magyar király", "IV. (Kun) László", "magyar király"),
        # a saint's title after an epithet that is no adjective in -i, before his given name
        ("Nagy Szent Albert német teológus", "Nagy Szent Albert", "német teológus"),
        ("Kapisztrán Szent János ferences szerzetes", "Kapisztrán Szent János", "ferences szerzetes"),
        # a place inflected after the stem's lengthened vowel is no name's word, even second
        ("Kossuth Lajos Kütahyába érkezik", "Kossuth Lajos", "Kütahyába érkezik"),
        (
            "Robert de Sorbonne francia teológus a Sorbonne egyetem alapítója",
            "Robert de Sorbonne",
            "francia teológus a Sorbonne egyetem alapítója",
        ),
    ],
)
def test_split_person(text, name, description):
    person = split_person(text)
    assert person is not None
    assert (person.name, person.description) == (name, description)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Szekfű Gyula.", "Szekfű Gyula"),  # the item's full stop after a name alone
        ("Aquinói Szent Tamás.", "Aquinói Szent Tamás"),
        ("IV. Béla.", "IV. Béla"),
        ("Pelé.", "Pelé"),
        ("Kovács J.", "Kovács J."),  # an initial keeps its dot
        ("Szekfű Gyula", "Szekfű Gyula"),
    ],
)
def test_a_name_alone_closed_by_the_items_full_stop_leaves_the_stop_out(text, name):
    person = split_person(text, allow_single_word=True)
    assert person is not None
    assert (person.name, person.description) == (name, "")


@pytest.mark.parametrize(
    "text",
    [
        "A londoni Wembley Stadionban a magyarok",
        "az NSDAP tagja",
        "Megjelenik a dal",
        "12 ember meghal",
        "Ezzel Brazília harmadszor nyerte el a bajnoki címet",  # a demonstrative pronoun opens a sentence
        "Ebben az évben jelent meg a regény",
        "Megjelent Madonna debütáló albuma Madonna címmel",  # a past-tense verb with a verbal prefix
        "Összedölt a norvég Alexander Kielland olajplatform",
        "Hazahozták Oroszországból Toma Andrást, a hadifoglyot",
        "Kossuth-díjas színész lesz",  # the second part of a compound is no syllable of a transcription
        "USA-ban megjelenik a dal",  # nor is a case ending after an acronym
        "Bordeaux-i béke",  # an epithet of origin before a lower-case word
    ],
)
def test_no_name_at_the_start(text):
    assert split_person(text) is None


def test_death_year_of_a_birth():
    year, flags, rest = other_year_for("birth", 1953, "Stanley Williams Az egyik vezetője ... Los Angelesben († 2005)")
    assert (year, flags) == (2005, [])
    assert rest.endswith("Los Angelesben")


def test_birth_year_of_a_death_with_the_wrong_symbol():
    year, flags, _ = other_year_for("death", 1953, "Ivan Alekszejevics Bunyin Nobel-díjas orosz író, költő, műfordító († 1870)")
    assert (year, flags) == (1870, ["wrong_year_symbol"])


def test_stray_character_in_marker():
    year, flags, _ = other_year_for("death", 1956, "Jan Łukasiewicz lengyel matematikus, logikus és filozófus (\u0308* 1878)")
    assert (year, flags) == (1878, ["stray_character_in_marker"])


@pytest.mark.parametrize(
    ("kind", "record_year", "text", "year", "flags"),
    [
        # a year before the Common Era: no year the tables hold (it was read as the year 63, a stray character)
        ("death", 100, "Augustus római császár (* i. e. 63)", None, ["other_year_before_common_era"]),
        ("death", 14, "Augustus római császár (* Kr. e. 63)", None, ["other_year_before_common_era"]),
        ("death", 14, "Augustus római császár (* i.e. 63 körül)", None, ["other_year_before_common_era"]),
        # the era of the Common Era written out is no stray character
        ("birth", 5, "Valaki római szenátor († i. sz. 70)", 70, []),
        ("birth", 5, "Valaki római szenátor († Kr. u. 70)", 70, []),
    ],
)
def test_an_era_before_the_markers_year(kind, record_year, text, year, flags):
    """The era written before the year (data/eras.tsv)."""
    got, got_flags, _ = other_year_for(kind, record_year, text)
    assert (got, got_flags) == (year, flags)


def test_inconsistent_other_year_is_dropped_and_flagged():
    year, flags, _ = other_year_for("death", 1953, "Valaki író (* 1990)")
    assert year is None
    assert "inconsistent_other_year" in flags


@pytest.mark.parametrize(
    ("text", "kind", "year", "rest"),
    [
        ("Kovács János magyar költő (†1370)", "birth", 1370, "Kovács János magyar költő"),  # symbol glued to the year
        ("Szabó Péter magyar festő († 1402).", "birth", 1402, "Szabó Péter magyar festő"),  # the item's full stop after it
        ("Tóth Imre katolikus teológus (*1301).", "death", 1301, "Tóth Imre katolikus teológus"),
        ("Varga Béla magyar hadvezér (* 1310) .", "death", 1310, "Varga Béla magyar hadvezér"),
        ("Farkas Béla magyar mérnök († 1402.)", "birth", 1402, "Farkas Béla magyar mérnök"),  # the year's own dot
    ],
)
def test_a_marker_closed_by_the_items_full_stop(text, kind, year, rest):
    got, flags, bare = other_year_for(kind, 1355, text)
    assert (got, flags, bare) == (year, [], rest)


@pytest.mark.parametrize(
    ("text", "year", "rest"),
    [
        (
            "Raspe Henrik német ellenkirály, Türingia grófja (* 1204 körül)",
            1204,
            "Raspe Henrik német ellenkirály, Türingia grófja",
        ),
        ("Konrád lengyel fejedelem (* kb. 1190)", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (* 1190 k.).", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (*1190?)", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (* ca. 1190)", 1190, "Konrád lengyel fejedelem"),
        # a bound, a decade, one of two years: the first year as written
        ("Konrád lengyel fejedelem (* 1190 előtt)", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (* 1190 után).", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (* 1190-es évek)", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (* 1190/1191)", 1190, "Konrád lengyel fejedelem"),
        ("Konrád lengyel fejedelem (* 1190 vagy 1191)", 1190, "Konrád lengyel fejedelem"),
    ],
)
def test_a_marker_of_an_approximate_year(text, year, rest):
    got, flags, bare = other_year_for("death", 1247, text)
    assert (got, flags, bare) == (year, ["approximate_other_year"], rest)


def test_a_word_in_the_marker_that_qualifies_no_year_is_stray():
    marker = find_other_year("Konrád lengyel fejedelem (* xy 1190)")
    assert marker is not None and marker.stray and not marker.approximate


def test_a_note_before_the_marker_in_its_brackets():
    year, flags, bare = other_year_for("death", 1478, "I. Giuliano Medici, I. Lorenzo Medici testvére (meggyilkolták, * 1453).")
    assert (year, flags, bare) == (1453, [], "I. Giuliano Medici, I. Lorenzo Medici testvére")
    assert find_other_year("Valaki (Budapest, 1920)") is None  # a place and a year: no symbol, no marker


@pytest.mark.parametrize(
    ("kind", "record_year", "text", "year", "flags"),
    [
        ("birth", 1900, "Kovács János magyar író (megh. 1970)", 1970, []),
        ("death", 1970, "Kovács János magyar író (szül. 1900)", 1900, []),
        ("death", 1970, "Kovács János magyar író (sz. 1900).", 1900, []),
        ("death", 1970, "Kovács János magyar író (született 1900)", 1900, []),
        ("birth", 1900, "Kovács János magyar író (Meghalt 1970)", 1970, []),
        ("death", 1400, "Kovács János (szül. kb. 1337)", 1337, ["approximate_other_year"]),
        ("birth", 1900, "Kovács János magyar író (szül. 1970)", 1970, ["wrong_year_symbol"]),  # by its place in time
        # a place before the year, closed by a comma, as after the symbol ("(* Pest, 1800)"): flagged the same
        ("death", 1970, "Kovács János magyar író (szül. Budapest, 1900)", 1900, ["stray_character_in_marker"]),
        ("birth", 1900, "Kovács János magyar író (megh. Bécs, 1970)", 1970, ["stray_character_in_marker"]),
    ],
)
def test_a_word_in_place_of_the_markers_symbol(kind, record_year, text, year, flags):
    """The marker's symbol written as a word (data/marker_words.tsv): "szül." or "született" for *,
    "megh." or "meghalt" for †."""
    got, got_flags, bare = other_year_for(kind, record_year, text)
    assert (got, got_flags, bare) == (year, flags, "Kovács János magyar író" if "magyar" in text else "Kovács János")


def test_a_full_stop_after_brackets_without_a_symbol_is_no_marker():
    assert find_other_year("A film bemutatója (1992).") is None
    assert find_other_year("Valami történik (* 1310). Aztán más.") is None  # a marker closes the item, not a sentence


def test_brackets_without_a_symbol_are_not_a_marker():
    assert find_other_year("Tasnádi Péter politikus, Pécs polgármestere (2006–2009)") is None
    assert find_other_year("Tasnádi Péter politikus, Pécs polgármestere (2006–2009) († 2009)").year == 2009


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ifj. Kovács János magyar író", "ifj. Kovács János"),
        ("gróf Andrássy Gyula politikus", "gróf Andrássy Gyula"),
        ("II. Erzsébet brit királynő", "II. Erzsébet"),
        ("Charles de Gaulle francia tábornok", "Charles de Gaulle"),
    ],
)
def test_prefixes_and_regnal_numbers(text, name):
    assert split_person(text).name == name


def test_single_word_names_only_on_person_lines():
    assert split_person("Pelé brazil labdarúgó") is None
    assert split_person("Pelé brazil labdarúgó", allow_single_word=True).name == "Pelé"


_JUNK = st.lists(st.sampled_from(["(", ")", "* ", "†", " ", "\t", "1890", "a", "Kovács ", "–"]), max_size=6).map("".join)
# text, the spaces before the marker, the marker's parts (each sometimes broken), what follows it
_MARKED = st.tuples(
    _JUNK,
    st.sampled_from(["", " ", "  ", "\t "]),
    st.sampled_from(["(", "((", "", ")("]),
    st.sampled_from(["*", "† ", "+", "?*", "", "(", "* †"]),
    st.sampled_from(["1890", "12", "", "1890 1891"]),
    st.sampled_from(["", ". május 3.", ". május", ".május 31"]),
    st.sampled_from([")", " )", "", "))", ") x"]),
    st.sampled_from(["", " ", "\n", " \t"]) | _JUNK,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_MARKED)
def test_marker_found_where_a_search_of_the_whole_text_finds_it(text: str) -> None:
    whole = _OTHER_YEAR.search(text)
    found = _marker_match(text)
    assert (found.span() if found else None) == (whole.span() if whole else None)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("FCsGyIVXāá.-ÁŐzé"), max_size=5))
def test_initials_read_as_the_pattern_reads_them(word: str) -> None:
    from evkonyv.parsing.people import INITIAL, ROMAN, is_initial

    assert is_initial(word) == bool(INITIAL.match(word))
    assert (word.endswith(".") and bool(ROMAN.match(word))) == bool(ROMAN.match(word))


def _item_texts() -> list[str]:
    """The text of every line of every labelled set, with what stands after a date's dash."""
    folders = [ROOT / "raw", *sorted((ROOT / "tests" / "fixtures").glob("*/raw"))]
    lines = [line for folder in folders for path in sorted(folder.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    assert len(lines) > 500
    return lines + [line.split(" – ", 1)[1] for line in lines if " – " in line]


@pytest.mark.parametrize("allow_single_word", [False, True])
def test_the_short_road_splits_every_labelled_line_as_the_word_by_word_reading(allow_single_word):
    """A lower-case second word ends the name at the first word: the short road gives what reading
    the line word by word gives, on every labelled line (and its text after the date)."""
    for text in _item_texts():
        assert split_person(text, allow_single_word) == read_person(text, allow_single_word), text


_NAME_LIKE = st.lists(
    st.sampled_from(
        [
            "Kovács",
            "János",
            "von",
            "de",
            "ifj.",
            "(ifj.)",
            "F.",
            "Cs.",
            "II.",
            "A",
            "Az",
            "MTA",
            "Nobel-díjas",
            "Amerikában",
            "magyar",
            "költő,",
            "Pelé,",
            "író;",
            "x:",
            ",",
            "(",
            "„Bob”",
            "1956",
            "É3",
            "ő",
            "Ő",
            "é.",
            "",
            " ",
            "  ",
            "\t",
            "\u00a0",
        ]
    ),  # fmt: skip
    max_size=9,
).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(_NAME_LIKE, st.booleans())
def test_the_short_road_splits_name_like_texts_as_the_word_by_word_reading(text, allow_single_word):
    assert split_person(text, allow_single_word) == read_person(text, allow_single_word), text


@pytest.mark.parametrize(
    ("description", "predicate"),
    [
        # description phrases: what the person was
        ("uruguayi gyermekkardiológus", False),
        ("olasz teológus", False),
        ("itáliai író és diplomata.", False),
        ("a magyar gyermekirodalom klasszikusa, dalszerző", False),
        ("a Sorbonne egyetem alapítója.", False),
        ("Firenze uralkodója", False),
        ("(Thomas Moore), államférfi és humanista, az Utópia című mű szerzője.", False),
        ("francia zeneszerző, az első, aki madrigálokat szerzett.", False),  # a relative clause after the comma
        # predicates: an event line that opens with a name
        ("és Bill Gates megalapítja a Microsoftot", True),  # subjects joined, a long clause
        ("a parlamentben kijelenti: ...", True),  # an adverbial of place
        ("felkelése a Délvidéken", True),  # a nominalised action
        ("velencei dózse megválasztása (1485-ig uralkodik).", True),
        ("levelet küldött a pápának, melyben értesítette", True),  # an object
        ("Firenze egyeduralkodója lesz.", True),  # a copula
        ("angol király felségárulásért kivégezteti öccsét Györgyöt, Clarence hercegét", True),
        # a present-tense verb with a verbal prefix, definite: its object may be a capitalised name
        ("angol király elfoglalja Skóciát.", True),
        ("moszkvai nagyherceg meghódítja Novgorodot.", True),
        ("és fia elfoglalják Bécset.", True),
        ("köztársasági elnök megvétózza.", True),  # the ending's j assimilated to the stem's sibilant
        ("vajda bevonul.", True),  # a prefixed verb of the -ul/-ül class
        ("színésznő feleségül megy.", True),  # ... or an essive so shaped, a statement's word
        ("körülbelül ötvenéves tudós", False),  # the adverb "about"
        # a verb the dictionary knows: alone, or any verb stem after a prefix (verb_stems.tsv)
        ("pápa lemond.", True),
        ("királyné meghal.", True),
        ("győz az elnökválasztáson", True),
        ("magyar király", False),  # "ki" and no verb after it
        ("osztrák elnök", False),
        # the past of such a verb in a form no participle takes
        ("erdélyi fejedelem felajánlotta.", True),
        ("és fia elfoglalták.", True),
        ("ismert magyar atléta", False),  # a participle in -t; a noun in -ta
        ("Bécsben született festő", False),
        # the definite present of a known verb, no prefix needed; a possessive or an adjective so ending is none
        ("amerikai elnök kihallgatáson fogadja.", True),
        ("szovjet pártfőtitkár bejelenti, hogy", True),
        ("a lap alapítója", False),
        ("Götz Irén Júlia férje", False),  # a relation, though "fér" + "-je" spells a verb's form
        ("berlini festő", False),
        # "volt" before a noun is "former"; an office that ends like an accusative (person_nouns_t.txt)
        ("volt miniszterelnök", False),
        ("magyar író volt.", True),
        ("elnöke volt a társaságnak", True),
        ("amerikai nagykövet", False),
        ("zirci apát", False),
        # an origin and two occupations: seven words, no verb
        ("amerikai származású angol író és kritikus", False),
        ("Franciaországban élő magyar-francia író és újságíró", False),
        # the same prefixes before a possessive noun: an agent noun's vowel, a participle's -tt, a listed noun
        ("a lap kiadója", False),
        ("a pápa megbízottja", False),
        ("a király elődje", False),
        # a present-tense verb its ending alone shows: -ik after a consonant, the definite plural
        ("vajda megérkezik.", True),
        ("kormányzóvá választják", True),
        ("királlyá koronázzák.", True),
        # ... and the words in -ik that are no verbs: ordinals, comparatives, pronouns, possessives
        ("második felesége", False),
        ("idősebbik fia", False),
        ("egyik alapítója", False),
        ("műveik kiadója", False),
        # an adverbial: a capitalised place in a case, the sublative after a consonant
        ("király Nagyszombatban.", True),
        ("szultán Rómába.", True),
        ("török kézre kerül.", True),
        ("a király tanára", False),  # after a vowel and an r: a possessive
        ("Amerikában élő japán képregényrajzoló", False),  # an adverbial and a participle: an attribute
        ("városban élő neves ügyvéd", False),
        # an object: the accusative of a deverbal noun, a capitalised place's after its lengthened vowel
        ("felkelést indít.", True),
        ("felfedezi Amerikát.", True),
        ("tanítványa, Bernát", False),  # a given name so shaped (and after the clause)
        ("szerzetes, Szent Bernát tanítványa", False),
        ("Szent Bernát tanítványa", False),
        # a present definite verb in -i before the article of its object; an adjective of place so shaped
        ("felfedezi a Yucatán-félszigetet.", True),
        ("felvidéki földbirtokos", False),
        # an aside in brackets does not end the clause
        ("bajor herceg (II. Ottó fia) trónralépése", True),
        # nor the dot of a regnal number, an initial or an abbreviation: the predicate after it is read
        ("IX. Lajos francia király követeként elindul a mongolokhoz", True),
        ("brit miniszterelnök és Franklin D. Roosevelt amerikai elnök aláírja a Hyde Park egyezményt", True),
        ("VIII. Henrik angol király felesége", False),
        ("kb. 50 éves angol író", False),
        # an inserted clause between spaced dashes: the predicate after the second dash is read
        ("– miután a pápa felmentette esküje alól – visszavonja a Magna Chartát.", True),
        ("magyar író – költő – műfordító", False),
        # "new" before an office: an appointment
        ("Szlovákia új miniszterelnöke", True),
        ("Szlovákia miniszterelnöke", False),
        # a noun of an event in the possessive: what happened to the one named; a relation is no event
        ("kiugrási kísérlete a II. világháborúból", True),
        ("skót király házassága Margaret Tudorral", True),
        ("halála", True),
        ("francia király felesége", False),
        # a contest, a festival, a vote: an event's name, not an occupation
        ("olimpiai játékok – Róma, Olaszország", True),
        ("olimpiai bajnok úszó", False),
    ],
)
def test_a_description_phrase_against_a_predicate(description, predicate):
    from evkonyv.parsing.records import has_predicate

    assert has_predicate(description) is predicate


@pytest.mark.parametrize(
    ("text", "symbol", "rest"),
    [
        ("Csizmazia Sándor magyar ügyvéd, író († ismeretlen)", "†", "Csizmazia Sándor magyar ügyvéd, író"),
        ("Garai Pál bán, tárnokmester (* ?).", "*", "Garai Pál bán, tárnokmester"),
    ],
)
def test_a_marker_whose_year_is_not_known_tells_the_end_of_the_life_and_gives_no_year(text, symbol, rest):
    marker = find_other_year(text)
    assert marker is not None and (marker.year, marker.symbol, text[: marker.start]) == (None, symbol, rest)
    expected_kind = "birth" if symbol == "†" else "death"
    assert other_year_of(expected_kind, 1772, marker) == (None, [])
    assert other_year_of("death" if expected_kind == "birth" else "birth", 1772, marker) == (None, ["wrong_year_symbol"])
    assert find_other_year("Valaki költő (ismeretlen)") is None  # the word alone, no symbol: no marker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bertolt Brecht német író, rendező", "Bertolt Brecht"),  # one-syllable prefixes ("be") open names
        ("Megyeri Károly magyar színész", "Megyeri Károly"),  # "meg", but no past-tense ending
        ("Félix Faure francia elnök", "Félix Faure"),
        ("Elek Artúr magyar író", "Elek Artúr"),
        ("Feledi Péter magyar író", "Feledi Péter"),  # a family name of a place, shaped like a definite verb
        ("Teng Hsziao-ping kínai politikus", "Teng Hsziao-ping"),  # a verb, but with no prefix
    ],
)
def test_a_name_that_opens_like_a_verbal_prefix_is_a_name(text, name):
    person = split_person(text)
    assert person is not None and person.name == name


@pytest.mark.parametrize("verb", ["Megjelenik", "Megszűnik", "Felrobbant", "Elpusztul", "Megalakul", "Bemutatják", "Lemond"])
def test_a_verb_with_a_prefix_opens_a_sentence_not_a_name(verb):
    assert split_person(f"{verb} Móricz Zsigmond első regénye.") is None


def test_a_one_word_name_transcribed_from_chinese_on_a_people_line():
    assert split_person("Hszüan-cung kínai császár.", allow_single_word=True).name == "Hszüan-cung"
    assert split_person("Hszüan-cung kínai császár.") is None  # one word: a name only on a people line


def test_a_possessors_title_is_a_short_phrase_closed_by_a_relation():
    from evkonyv.parsing.people import _possessor_of_title

    assert _possessor_of_title("spanyol király udvarhölgye (meggyilkolták)")
    assert _possessor_of_title("hadseregének tisztje")  # a dative possessor before it
    assert not _possessor_of_title("király")  # one word: a title, no relation
    assert not _possessor_of_title("a zenekar vezetője")  # an article: the phrase has its own possessor
    assert not _possessor_of_title("szabad szoftver aktivista")  # no relation closes it
    assert not _possessor_of_title("rendelettel sokáig három avagy évforduló többség bírálja")  # a statement
    assert not _possessor_of_title("városban élő neves ügyvéd fia")  # an adverbial


def test_a_verb_is_known_by_the_dictionary_list_and_a_prefix_makes_an_ambiguous_stem_one():
    from evkonyv.parsing.verbs import is_verb as _is_verb

    assert _is_verb("győz") and _is_verb("alakít")  # only ever verbs
    assert _is_verb("lemond") and _is_verb("meghal") and _is_verb("visszatér")  # a prefix and a verb stem
    assert not _is_verb("hal") and not _is_verb("tér")  # fish, square: a noun too, alone
    assert not _is_verb("levél") and not _is_verb("felül")  # a noun and an adverb a prefix and a verb spell
    assert not _is_verb("király") and not _is_verb("elnök") and not _is_verb("író")


def test_a_name_and_a_colon_open_a_work_not_a_person_line():
    assert read_line_person("Thomas Mann: József és testvérei című tetralógia II. kötete") is None
    assert read_line_person("Koncz Zsuzsa: Szerelem") is None
    assert read_line_person("Thomas Mann német író") is not None


@pytest.mark.parametrize(
    "credit",
    [
        "Simon and Garfunkel: Bookends",
        "The Mothers of Invention: Freak Out!",
        "Earth, Wind & Fire: That’s the Way of the World",
        "Bródy János – Szörényi Levente: Kőműves Kelemen",  # the lyricist and the composer, a dash between
    ],
)
def test_a_bands_name_joined_by_function_words_before_a_colon_credits_a_work(credit):
    """A band's name holds lower-case function words ("and", "of"), which the name reader takes for the
    start of a description: the colon and the capitalised title after it make the line a work."""
    from evkonyv.parsing.records import _credited_work

    assert _credited_work(credit)
    assert read_line_person(credit) is None


def test_a_colon_after_a_description_credits_no_work():
    from evkonyv.parsing.records import _credited_work

    assert not _credited_work("Kovács János magyar író: a Nyugat szerzője")  # lower-case words before it
    assert not _credited_work("Simon and Garfunkel: az amerikai duó")  # no title after it
    assert read_line_person("Kovács János magyar író: a Nyugat szerzője") is not None


@pytest.mark.parametrize(
    "work",
    [
        "Somlyó György - Arion éneke (versek), Szépirodalmi",
        "Szabó Magda – Az ajtó",
        "Victor Hugo A nyomorultak",  # "Author Title", the colon lost: a capitalised article opens the title
        "Madách Imre Az ember tragédiája",
        "Táncdalfesztivál",
        "Labdarúgó-világbajnokság",
    ],
)
def test_a_work_written_author_dash_title_and_an_events_name_are_no_person_lines(work):
    assert read_line_person(work) is None


def test_a_person_line_with_a_dash_later_stays_one():
    assert read_line_person("Kovács János magyar író – költő") is not None
    # a capitalised article after the comma of an apposition opens a description, not a title
    assert read_line_person("Brunszvik Teréz, Az első magyarországi óvoda megalapítója († 1861)") is not None
    assert read_line_person("Kovács János magyar énekes, a Dal (film) főszereplője") is not None  # a genre inside


@pytest.mark.parametrize("verb", ["Egyesítik", "Választják", "Kérik"])
def test_a_verb_in_the_definite_plural_opens_a_sentence_not_a_name(verb):
    assert split_person(f"{verb} Esztergom, Szenttamás és Víziváros településeket.") is None


def test_names_that_end_like_a_definite_plural_stay_names():
    assert split_person("Henrik Ibsen norvég drámaíró").name == "Henrik Ibsen"
    assert split_person("Patrik Schick cseh labdarúgó").name == "Patrik Schick"


def test_an_adverbial_before_a_life_year_marker_is_part_of_the_description():
    """Only people lists close a line with a life-year marker: there an adverbial qualifies the description,
    and only a verb (or a nominalised action) makes a statement."""
    person = read_line_person("Stanisław Sosabowski lengyel tábornok a második világháborúban († 1967).")
    assert person is not None and person.name == "Stanisław Sosabowski"
    assert read_line_person("Stanisław Sosabowski lengyel tábornok a második világháborúban") is None  # unmarked
    assert read_line_person("Kossuth Lajos Torinóban meghal (* 1802)") is None  # a verb


def test_a_name_in_apposition_to_a_relation_with_a_predicate_makes_a_statement():
    assert read_line_person("III. Ferdinánd özvegye, Gonzaga Eleonóra királyné megalapítja a Csillagkeresztes Rendet.") is None
    assert read_line_person("III. Fülöp felesége, Aragóniai Izabella királyné") is not None  # no predicate
    assert read_line_person("Aragóniai Izabella, III. Fülöp francia király felesége") is not None


def test_an_apposition_whose_head_a_verb_follows_makes_a_statement():
    """A name, its title, and an apposition whose head the subject's verb follows at once."""
    assert read_line_person("Uszta Gyula vezérőrnagy, a honvédelmi miniszter első helyettese elrendeli a tanfolyamot.") is None
    assert read_line_person("Zichy Ferdinánd altábornagy, Velence katonai városparancsnoka feladja a várost.") is None
    assert read_line_person("Szabó Ervin könyvtáros, a Fővárosi Könyvtár alapítója megnyitja az olvasótermet.") is None
    # an apposition that ends in what the person was, or a relative clause after it: a person line
    for line in (
        "Kovács János magyar író, a Nyugat szerkesztője",
        "Nagy Imre politikus, a forradalom miniszterelnöke († 1958)",
        "Kiss Péter színész, a Nemzeti Színház tagja, kiváló művész",
        "Petőfi Sándor költő, a márciusi ifjak vezetője, aki elesett a segesvári csatában",
    ):
        assert read_line_person(line) is not None, line


def test_peoples_joined_by_a_dash_are_no_name():
    """Two demonyms joined by a dash or a hyphen are the adjective of a relation between peoples."""
    for line in ("Jugoszláv–lengyel barátsági szerződés.", "Osztrák–magyar kiegyezés", "Francia-porosz háború kezdete"):
        assert read_line_person(line) is None, line
    person = read_line_person("Levi-Civita olasz matematikus")  # a double name, no peoples
    assert person is not None and person.name == "Levi-Civita"


def test_a_description_whose_head_is_an_event_noun_makes_a_statement():
    """Hungarian puts a noun phrase's head last: an event noun there (a feast, a burial) names what
    happened, however long the possessor before it."""
    assert read_line_person("Assisi Szent Ferenc, a kereskedők, szegények és az állatok védőszentjének ünnepe") is None
    assert read_line_person("Szent István király, az államalapító emléknapja") is None
    person = read_line_person("Assisi Szent Ferenc, a ferences rend alapítója")
    assert person is not None and person.name == "Assisi Szent Ferenc"


def test_an_event_noun_ending_a_compound_inside_the_first_clause_makes_a_statement():
    """As at the head, a compound that ends in an event noun (data/event_nouns.txt, six letters or more) names
    what happened where it stands in the clause: a premiere with its place after it."""
    line = "Benjamin Britten Tavaszi kórusszimfóniájának (op. 44.) ősbemutatója az amszterdami Concertgebouw-ban."
    assert read_line_person(line) is None
    assert read_line_person("Bartók Béla operájának ősbemutatója Budapesten") is None
    person = read_line_person("Kovács Pál magyar rövidtávfutó, világcsúcstartó")  # no event noun ends a word
    assert person is not None and person.name == "Kovács Pál"


def test_two_names_joined_without_a_shared_plural_description_are_the_subjects_of_a_statement():
    assert read_line_person("Neil Armstrong és Edwin Aldrin a Holdra lép.") is None
    assert read_line_person("Paul Allen és Bill Gates megalapítja a Microsoftot") is None
    both = read_line_person("Mary-Kate Olsen és Ashley Olsen amerikai színésznők")
    assert both is not None and both.name == "Mary-Kate Olsen és Ashley Olsen"
    assert read_line_person("Kovács János író és műfordító") is not None  # "és" inside the description


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("angol király, költő", 12),  # a comma
        ("angol király. Utána", 12),  # a dot that ends a sentence
        ("IX. Lajos követe, később", 16),  # a regnal number's dot: the comma after it
        ("Franklin D. Roosevelt elnök", None),  # an initial's
        ("a 88. születésnapján", None),  # an ordinal's
        ("kb. ötven évesen", None),  # an abbreviation's
    ],
)
def test_a_clause_ends_at_a_dot_only_where_a_sentence_could(text, end):
    from evkonyv.parsing.people import clause_end

    assert clause_end(text) == end


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Johanna nápolyi királynő (* 1326)", "Johanna"),
        ("Tamerlán mongol hódító", "Tamerlán"),
        ("Akon szenegáli-amerikai énekes", "Akon"),  # a compound demonym
    ],
)
def test_a_one_word_name_described_by_where_its_person_was_from(text, name):
    person = read_line_person(text)
    assert person is not None and person.name == name
    assert read_line_person("Velence felvirágzik.") is None  # no description after the one word


def test_a_verbs_causative_is_a_verb():
    from evkonyv.parsing.verbs import is_definite_verb, is_verb

    assert is_verb("avattat") and is_verb("építtet") and is_verb("megépíttet")
    assert is_definite_verb("avattatja")
    assert not is_verb("szövetet") and not is_verb("hatalmat")  # accusatives of nouns: no verb's stem before -tet/-tat


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a one-word name whose bracket gives the person's other name
        ("Regiomontanus (er. Johannes Müller), német matematikus, csillagász", "Regiomontanus"),
        ("Voltaire (eredeti nevén François-Marie Arouet) francia író", "Voltaire"),
        ("Pelé (szül. Edson Arantes do Nascimento) brazil labdarúgó", "Pelé"),
        # a past participle before its noun: a description, not a verb
        ("Nagy Péter kitüntetett magyar író", "Nagy Péter"),
        ("Bethlen Gábor erdélyi fejedelem, később választott magyar király", "Bethlen Gábor"),
        # a prize named after a person in Hungarian order: its eponym's family name opens the description
        ("Lator László József Attila-díjas magyar költő, esztéta, műfordító.", "Lator László"),
        ("Kiss Anna Balázs Béla-díjas magyar filmrendező", "Kiss Anna"),
        # the same with the given names of people born since the 1970s (the 2016 register's most frequent)
        ("Dárday Nikolett Ferenczy Noémi-díjas magyar üvegtervező iparművész.", "Dárday Nikolett"),
        ("Szabó Krisztián Jászai Mari-díjas magyar színész", "Szabó Krisztián"),
        ("Nagy Ferenc József magyar politikus", "Nagy Ferenc József"),  # a third given name, no prize after it
        # prizes joined by suspended hyphens: the first compound's first part opens the description
        ("Barbra Streisand Oscar- és Grammy-díjas amerikai színésznő.", "Barbra Streisand"),
        ("Meryl Streep Oscar-, BAFTA- és Golden Globe-díjas amerikai színésznő", "Meryl Streep"),
        # a prize named in two words (data/prize_names.txt): its first word is the description's
        ("Jodie Foster Golden Globe-díjas amerikai színésznő.", "Jodie Foster"),
        ("Jodie Foster kétszeres Oscar-díjas amerikai színésznő.", "Jodie Foster"),
        # a prize named after a person in the person's own order, given name first (data/prize_names.txt)
        ("Tom Stoppard Laurence Olivier-díjas brit drámaíró", "Tom Stoppard"),
        ("Christa Wolf Georg Büchner-díjas német írónő († 2011)", "Christa Wolf"),
        ("Werner Heisenberg Max Planck-érmes német fizikus († 1976)", "Werner Heisenberg"),
        ("Kovács András Kossuth-díjas magyar író († 2001)", "Kovács András"),  # a person's own given name before it
    ],
)
def test_a_person_line_is_read_with_its_name(text, name):
    person = read_line_person(text)
    assert person is not None and person.name == name


def test_a_one_word_name_with_a_bracket_that_gives_no_other_name_is_no_person_line():
    assert read_line_person("Regiomontanus (1476) német matematikus") is None
    assert read_line_person("Voltaire (er. François-Marie Arouet) megírja a Candide-ot.") is None  # a predicate after it


def test_a_life_year_marker_lets_a_description_run_long_or_open_with_an_article():
    long_one = "Ivan Sztepanovics Mazepa az orosz fennhatóság alá tartozó Bal parti Ukrajnában élő kozákság hetmanja"
    assert read_line_person(long_one) is None  # unmarked: an article after the name, a clause too long
    person = read_line_person(long_one + " († 1709)")
    assert person is not None and person.name == "Ivan Sztepanovics Mazepa"
    assert read_line_person("John Fitzgerald Kennedy az USA elnöke") is None
    assert (
        read_line_person("II. Károly magyar király megkoronázása (* 1354 – † 1386 február 24).") is None
    )  # a nominalised action
    assert read_line_person("Kossuth Lajos Torinóban meghal (* 1802)") is None  # a verb


@pytest.mark.parametrize(
    "text",
    [
        "Kádár János meghalt",
        "Mihail Gorbacsov lemondott",
        "Ronald Reagan győzött az elnökválasztáson",
        "Szent-Györgyi Albert Nobel-díjat kapott",
    ],
)
def test_a_past_tense_verb_closing_the_clause_or_before_its_object_is_a_predicate(text):
    assert read_line_person(text) is None


@pytest.mark.parametrize("cross", ["✝", "✞"])
def test_a_latin_cross_in_place_of_the_dagger_marks_the_death_year(cross):
    marker = find_other_year(f"Kovács János magyar író ({cross} 2001)")
    assert marker is not None and (marker.symbol, marker.year) == ("†", 2001)
    assert find_other_year("Kovács János magyar író (2001)") is None  # no symbol: no marker


@pytest.mark.parametrize(
    ("word", "accusative"),
    [("Andrást", True), ("Lászlót", True), ("Zsoltot", True), ("Gézát", True), ("Pált", True)]
    + [("Albert", False), ("Margit", False), ("Bernát", False), ("Kekkonent", False), ("Evet", False)],
)
def test_a_given_name_in_the_accusative(word, accusative):
    from evkonyv.parsing.people import is_accusative_given_name

    assert is_accusative_given_name(word) is accusative


def test_a_saints_title_no_name_follows_ends_no_name():
    # the possessor of a title in the possessive stops the name, so "Szent" would close it: a place's saint's church
    assert read_line_person("Róma Szent Péter bazilikája") is None
    assert read_line_person("Magyarország Szent Koronája") is None


def test_a_name_in_the_accusative_is_the_object_of_a_statement():
    assert read_line_person("Paskai Lászlót II. János Pál pápa esztergomi érsekké nevezi ki.") is None
    assert read_line_person("Magyar Albert magyar író") is not None  # a given name ending in -t


# People lines of the shapes the year articles write, old and modern (a description after a comma, a regnal
# number, initials, a prize, a shared plural description, an apposition): each stays a person line, whatever
# rule of statements is added (a guard against rules that read too much as a predicate).
TYPICAL_PEOPLE_LINES = [
    ("Bill Gates amerikai üzletember, a Microsoft alapítója", "Bill Gates"),
    # the Arabic article joined to the name after it (data/arabic_articles.txt)
    ("Bassár el-Aszad szíriai elnök", "Bassár el-Aszad"),
    ("Hárún ar-Rasíd bagdadi kalifa", "Hárún ar-Rasíd"),
    ("Anvar esz-Szádát egyiptomi elnök († 1981)", "Anvar esz-Szádát"),
    ("Abu Bakr al-Bagdadi iraki terrorista", "Abu Bakr al-Bagdadi"),
    # ... or opening a name known by its last part, in lower case as running text writes it
    ("al-Hvárizmi perzsa matematikus", "al-Hvárizmi"),
    ("al-Mutavakkil kalifa († 861)", "al-Mutavakkil"),
    # the Italian particle "de’" ("dei" elided) before the family name, with either apostrophe
    ("Lorenzo de’ Medici firenzei államférfi", "Lorenzo de’ Medici"),
    ("Cosimo de' Medici firenzei bankár († 1464)", "Cosimo de' Medici"),
    # a nickname in quotation marks inside a name
    ("Ernesto „Che” Guevara argentin forradalmár", "Ernesto „Che” Guevara"),
    ('Earvin "Magic" Johnson amerikai kosárlabdázó', 'Earvin "Magic" Johnson'),
    # a work named with "című" in an apposition whose head is what the person was: a person line
    ("Molnár Ferenc író, A Pál utcai fiúk című regény szerzője", "Molnár Ferenc"),
    ("Kovács Kati énekesnő, a Találkozás egy régi szerelemmel című dal előadója", "Kovács Kati"),
    # a religious calling after one name (data/titles.txt)
    ("Mohamed próféta", "Mohamed"),
    ("Tutanhamon fáraó", "Tutanhamon"),
    ("Ayrton Senna brazil autóversenyző, háromszoros Formula–1-es világbajnok († 1994)", "Ayrton Senna"),
    ("Kovács Kati Kossuth-díjas magyar énekesnő, színésznő", "Kovács Kati"),
    ("Ferenc József magyar király és osztrák császár", "Ferenc József"),
    ("Aquinói Szent Tamás olasz teológus", "Aquinói Szent Tamás"),
    ("Jean-Paul Sartre Nobel-díjas francia filozófus, író", "Jean-Paul Sartre"),
    ("Alfred Nobel svéd vegyész, a Nobel-díj alapítója", "Alfred Nobel"),
    ("Papp László háromszoros olimpiai bajnok ökölvívó", "Papp László"),
    ("Nagy Imre magyar politikus, miniszterelnök, az 1956-os forradalom mártírja", "Nagy Imre"),
    ("Edith Piaf francia sanzonénekesnő", "Edith Piaf"),
    ("Mikuláš Dzurinda szlovák politikus, miniszterelnök", "Mikuláš Dzurinda"),
    ("John F. Kennedy, az Amerikai Egyesült Államok 35. elnöke", "John F. Kennedy"),
    ("Martin Luther King amerikai polgárjogi aktivista, Nobel-békedíjas lelkész", "Martin Luther King"),
    ("Margaret Tudor skót királyné", "Margaret Tudor"),
    ("IV. Jakab skót király", "IV. Jakab"),
    ("Franklin D. Roosevelt, az Egyesült Államok 32. elnöke", "Franklin D. Roosevelt"),
    ("C. S. Lewis ír származású brit író", "C. S. Lewis"),
    ("J. R. R. Tolkien angol író, nyelvész", "J. R. R. Tolkien"),
    ("Horthy Miklós kormányzó", "Horthy Miklós"),
    ("Ho Si Minh vietnámi politikus", "Ho Si Minh"),
    ("Neil Armstrong amerikai űrhajós, az első ember a Holdon", "Neil Armstrong"),
    ("Gene Simmons, a Kiss együttes basszusgitárosa", "Gene Simmons"),
    ("Freddie Mercury brit énekes, a Queen együttes frontembere", "Freddie Mercury"),
    ("Jan Palach cseh diák", "Jan Palach"),
    ("Bródy János Kossuth-díjas magyar zeneszerző, énekes, dalszövegíró", "Bródy János"),
    ("Georges Pompidou francia politikus, köztársasági elnök", "Georges Pompidou"),
    ("Vlad Dracul havasalföldi fejedelem", "Vlad Dracul"),
    ("Kossuth Lajos, az 1848–49-es szabadságharc vezetője", "Kossuth Lajos"),
    ("Ernő, Ausztria főhercege", "Ernő"),
    ("II. Rákóczi Ferenc erdélyi fejedelem", "II. Rákóczi Ferenc"),
    ("I. Erzsébet angol királynő", "I. Erzsébet"),
    ("XIV. Lajos francia király, a Napkirály", "XIV. Lajos"),
    ("Anna, II. Ulászló magyar király lánya", "Anna"),
    ("Stephen King amerikai író", "Stephen King"),
    ("Mary-Kate Olsen és Ashley Olsen amerikai színésznők", "Mary-Kate Olsen és Ashley Olsen"),
    ("Sir Isaac Newton angol fizikus, matematikus", "Sir Isaac Newton"),
    ("Szent István király", "Szent István"),
    ("Amerigo Vespucci itáliai hajós, felfedező", "Amerigo Vespucci"),
    ("Tycho Brahe dán csillagász", "Tycho Brahe"),
    ("Kolumbusz Kristóf genovai származású spanyol hajós", "Kolumbusz Kristóf"),
    ("Szent-Györgyi Albert Nobel-díjas magyar orvos, biokémikus", "Szent-Györgyi Albert"),
    ("Benedek Elek magyar író, a magyar népmesék gyűjtője", "Benedek Elek"),
    ("W. A. Mozart osztrák zeneszerző", "W. A. Mozart"),
    ("Erasmus holland humanista", "Erasmus"),
    ("Dante Alighieri itáliai költő", "Dante Alighieri"),
    ("Bach német zeneszerző", "Bach"),
    ("Erkel Ferenc zeneszerző, a Himnusz megzenésítője", "Erkel Ferenc"),
    ("Petőfi Sándor költő, az 1848-as forradalom egyik vezéralakja", "Petőfi Sándor"),
    ("Pelé brazil labdarúgó, háromszoros világbajnok", "Pelé"),
    ("Egerszegi Krisztina olimpiai bajnok úszó", "Egerszegi Krisztina"),
    ("Tom Hanks kétszeres Oscar-díjas amerikai színész", "Tom Hanks"),
    ("Gyurcsány Ferenc magyar politikus, 2004 és 2009 között miniszterelnök", "Gyurcsány Ferenc"),
    ("Bruce Lee amerikai-kínai színész, harcművész", "Bruce Lee"),
    ("Jurij Gagarin szovjet űrhajós, az első ember a világűrben", "Jurij Gagarin"),
    ("Valentyina Tyereskova szovjet űrhajós, az első női űrhajós", "Valentyina Tyereskova"),
]


@pytest.mark.parametrize(("text", "name"), TYPICAL_PEOPLE_LINES)
def test_typical_people_lines_stay_people_lines(text, name):
    person = read_line_person(text)
    assert person is not None and person.name == name


@pytest.mark.parametrize(("text", "name"), [("Ögödej nagykán", "Ögödej"), ("Batu kán", "Batu"), ("Rogerius mester", "Rogerius")])
def test_a_one_word_name_its_title_follows_is_a_person_line(text, name):
    person = read_line_person(text)
    assert person is not None and person.name == name


@pytest.mark.parametrize(
    "statement", ["Batu kán seregei betörnek Magyarországra", "Szulejmán szultán elfoglalja Budát", "Batu kán hadjárata"]
)
def test_a_titled_one_word_name_opening_a_statement_stays_a_statement(statement):
    assert read_line_person(statement) is None


def test_a_verb_in_the_present_plural_is_a_predicate_and_a_dative_is_none():
    from evkonyv.parsing.verbs import is_plural_verb

    assert is_plural_verb("betörnek") and is_plural_verb("érkeznek")
    assert not is_plural_verb("királynak") and not is_plural_verb("írónak")


@pytest.mark.parametrize(
    "statement",
    [
        "Ady Endre Új versek című kötete.",  # a work of the one named as the head (data/work_genres.txt)
        "Mikszáth Kálmán Különös házasság című regénye.",
        "Erkel Ferenc Bánk bán című operájának ősbemutatója.",  # a premiere, the end of a compound head
        "Kodály Zoltán Háry János című daljátékának bemutatója.",
        "Shakespeare Hamletjének bemutatója.",
        "Papp László harmadik olimpiai bajnoki címe.",  # a title won (data/event_nouns.txt)
        "Bolyai János közzéteszi az Appendixet.",  # a verb after the prefix "közzé"
        # the work as the head of the first clause, its title after the comma
        "Jókai Mór regénye, Az arany ember megjelenik.",
        "Bartók Béla operája, A kékszakállú herceg vára bemutatásra kerül.",
    ],
)
def test_a_work_a_premiere_or_a_title_won_as_the_head_makes_a_statement(statement):
    assert read_line_person(statement) is None


def test_a_person_described_by_whose_muse_or_wife_she_was_stays_a_person():
    """The head of the first clause a relation to someone else, not a work: the line names its person."""
    for line, name in (
        ("Kovács Anna, Petőfi Sándor múzsája", "Kovács Anna"),
        ("Szendrey Júlia, Petőfi felesége", "Szendrey Júlia"),
    ):
        person = read_line_person(line)
        assert person is not None and person.name == name, line


def test_a_verb_that_is_a_noun_too_is_a_predicate_before_its_object():
    """ "követi" (követ: envoy; follows) before a word in the accusative is the verb; the same letters as an
    adjective in -i ("női", "gyári": nő, woman; gyár, factory) qualify the noun after them."""
    assert read_line_person("Jurij Andropov követi Leonyid Brezsnyevet a SzKP főtitkári posztján.") is None
    assert read_line_person("II. László követi őt a trónon") is None
    assert read_line_person("Lajos herceg, a király fia követi apját") is None  # after an apposition's head
    for line, name in (
        ("Kovács Anna női szabó", "Kovács Anna"),
        ("Nagy Péter gyári munkás", "Nagy Péter"),
        ("Kiss Éva női Európa-bajnok vívó", "Kiss Éva"),
    ):
        person = read_line_person(line)
        assert person is not None and person.name == name, line


def test_a_nominal_statement_opened_by_an_events_noun_is_no_person_line():
    """A chronology's nominal item: the noun of an event in the nominative, then the place in a case
    (data/nominal_event_heads.txt); a compound ending in one too. A family name that is a noun of another
    kind stays a name."""
    for line in ("Országgyűlés Marosvásárhelyen.", "Országgyűlés Pozsonyban.", "Pestisjárvány Budán.", "Zsinat Esztergomban."):
        assert read_line_person(line) is None, line
    for line, name in (("Vihar Béla magyar költő", "Vihar Béla"), ("Csatay Béla író", "Csatay Béla")):
        person = read_line_person(line)
        assert person is not None and person.name == name, line


def test_a_family_name_that_ends_like_a_dative_before_a_demonym_is_a_name_word():
    """-nak/-nek ends a dative, and some family names: before a demonym, which opens a people line's
    description, it is the name's."""
    person = read_line_person("Boris Leonyidovics Paszternak orosz költő, író, esszéíró és műfordító.")
    assert person is not None and person.name == "Boris Leonyidovics Paszternak"
    assert read_line_person("Kiss Péter Szegednek adományozza birtokát.") is None  # a dative, no demonym after it


def test_a_names_other_spelling_in_brackets_inside_it():
    """Between the given names and the family name, one capitalised word in brackets (its parts joined by a
    hyphen) is the given names' other spelling; after the name, a bracket is no part of it."""
    person = read_line_person("Szulhan Szaba (Sulkhan-Saba) Orbeliani grúz író, tudós és államférfi.")
    assert person is not None and person.name == "Szulhan Szaba (Sulkhan-Saba) Orbeliani"
    person = read_line_person("Aldo Pallazzeschi (Giurliani) olasz novellista, költő és esszéíró.")
    assert person is not None and person.name == "Aldo Pallazzeschi"


def test_a_long_possessive_apposition_is_a_description():
    """An apposition an article opens and its possessed head closes names what the person was, however long
    its possessor; a noun of a field (-ászat/-észet, "költészet") is no accusative in it."""
    person = read_line_person("Juhász Gyula, a XX. századi magyar költészet egyik kiemelkedő alakja.")
    assert person is not None and person.name == "Juhász Gyula"
    person = read_line_person("Kovács Pál, a budapesti egyetem és a pécsi főiskola egykori vezetője")
    assert person is not None and person.name == "Kovács Pál"
    assert read_line_person("Kiss Béla, a párt vezetője bejelenti lemondását a kormány éléről.") is None  # a verb
    assert read_line_person("Kiss Béla a költészetet választja hivatásául.") is None  # "költészetet": an object


@pytest.mark.parametrize(
    "line",
    [
        "Dózsa György parasztháborúja.",
        "Nagy Imre második kormánya.",
        "Mátyás király uralma Bécsben.",
        "Bocskai István szövetsége",
    ],
)
def test_a_war_a_government_or_a_rule_of_the_one_named_is_no_person(line):
    """What a ruler or a leader did or underwent, in the possessive (data/event_nouns.txt), a compound's end
    too, names no person's description."""
    assert read_line_person(line) is None
    assert read_line_person(line.split(" ")[0] + " " + line.split(" ")[1] + " erdélyi fejedelem") is not None


@pytest.mark.parametrize(
    "line",
    [
        "I. Károly pénzreformja.",  # a reform, a decree, a suicide, a takeover, a goal (data/event_nouns.txt)
        "II. József türelmi rendelete.",
        "Teleki Pál öngyilkossága.",
        "Szálasi Ferenc hatalomátvétele.",
        "Puskás Ferenc gólja a Wembley-ben.",
        "Bocskai István szabadságharca.",
        "Eötvös Loránd inga kísérletei.",  # an event noun in the plural possessive
        "Hunyadi János győzelmei",
        "Bethlen István konszolidációja.",  # a noun of action in -ció/-zió, the head
        "Napóleon oroszországi inváziója",
        "Deák Ferenc húsvéti cikke.",  # a work of the one named (data/work_genres.txt)
    ],
)
def test_what_the_one_named_did_in_the_possessive_is_no_person(line):
    assert read_line_person(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Kofi Annan ghánai diplomata, az ENSZ főtitkára",
        "Kiss Anna, a kémiai reakciók kutatója",
        "Horváth Mihály történész, a szabadságharc kultuszminisztere",
        "Nagy Béla, a Kossuth-díj kitüntetettje",
    ],
)
def test_a_description_whose_head_is_what_the_person_was_stays_a_person(line):
    assert read_line_person(line) is not None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Borisz Jelcin Oroszország első elnöke († 2007)", "Borisz Jelcin"),
        ("Horst Köhler Németország köztársasági elnöke", "Horst Köhler"),
        ("Antall József Magyarország miniszterelnöke (* 1932)", "Antall József"),
        ("Ország Lili festő", "Ország Lili"),  # the family name, not a country's name's last part
    ],
)
def test_a_countrys_name_after_a_name_is_the_possessor_of_the_title(line, name):
    """A country's Hungarian name ends in -ország (data/country_name_ends.txt): after two words of a name it
    is whose president or king the person was, not a word of the name."""
    person = read_line_person(line)
    assert person is not None and person.name == name


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("Neil Armstrong elsőként lép a Holdra.", None),  # a place in the sublative: where to
        ("IV. Béla Budára tér vissza.", None),
        ("Kovács Petra magyar színésznő", "Kovács Petra"),  # a given name ends so in the nominative
        ("Nagy Sándor, Sandra Bullock férje", "Nagy Sándor"),  # a name goes on after it
        ("Tóth Anna, Sandra anyja", "Tóth Anna"),  # the possessor of a relation
    ],
)
def test_a_capitalised_place_in_the_sublative_states_where_to(line, person):
    read = read_line_person(line)
    assert (read.name if read else None) == person


@pytest.mark.parametrize(
    ("line", "person"),
    [
        ("Zrínyi Miklós eposza.", None),  # an old work of the one named (data/work_genres.txt)
        ("Tinódi Lantos Sebestyén krónikája.", None),
        ("Szenczi Molnár Albert szótára.", None),
        ("Széchenyi István Hitel című könyve.", None),
        ("Kölcsey Ferenc Himnusza.", None),  # the work's title with its capital
        ("Papp László ökölvívó, a Nemzet Sportolója", "Papp László"),  # a capitalised title of honour: no work
        ("Tóth Ede, a Himnusz kutatója", "Tóth Ede"),
    ],
)
def test_an_old_work_of_the_one_named_is_no_person(line, person):
    read = read_line_person(line)
    assert (read.name if read else None) == person
