"""The timeline of prose articles: one case per rule of reading Hungarian dates in running text.

Each case is a paragraph (or several) and the rows a careful reader gives it: the expression as
written, its date (first and last day), precision, basis and relation. The seed's whole prose
article is pinned by the labelled set in tests/fixtures/seed/timeline-gold/.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.accuracy import timeline_label
from evkonyv.parsing.sentences import sentence_spans
from evkonyv.parsing.timeline import end_matter_start, is_citation, main_year, read_prose
from tests.helpers import ROOT

GOLD = ROOT / "tests" / "fixtures" / "seed" / "timeline-gold" / "huwiki_1953-1956.jsonl"


def read(*paragraphs: str, year: int | None = 1956) -> list[tuple]:
    """(date_text, earliest, latest, precision, basis, relation) of every row of the paragraphs."""
    readings = read_prose("Cikk", "t.txt", list(enumerate(paragraphs, start=1)), year)
    rows = []
    for number, reading in readings.items():
        for entry in reading.entries:
            d = entry.date
            assert paragraphs[number - 1][entry.char_start : entry.char_end] == d.text
            rows.append(
                (d.text, d.earliest.isoformat(), d.latest.isoformat(), d.precision, entry.date_basis, entry.date_relation)
            )
    return rows


def day(text: str, iso: str, basis: str = "context_year", relation: str = "on") -> tuple:
    return (text, iso, iso, "day", basis, relation)


CASES = {
    # explicit dates: the expression carries its year
    "ordinal year before a month": (
        ["1961. február 24-én Nagy Imre földi maradványait titokban kihantolták."],
        [day("1961. február 24-én", "1961-02-24", "explicit")],
    ),
    "year without its dot before month and day": (
        ["A kocsi 1956 október 23-án a Parlament mellett volt."],
        [day("1956 október 23-án", "1956-10-23", "explicit")],
    ),
    "year and possessive month": (
        ["1991 decemberében Gorbacsov bocsánatot kért."],
        [("1991 decemberében", "1991-12-01", "1991-12-31", "month", "explicit", "on")],
    ),
    "year only": (
        ["1955-ben a Szovjet Hadsereg kivonult. A titkosítás alól 1993-ban feloldott adatok szerint."],
        [
            ("1955-ben", "1955-01-01", "1955-12-31", "year", "explicit", "on"),
            ("1993-ban", "1993-01-01", "1993-12-31", "year", "explicit", "on"),
        ],
    ),
    "decade": (
        ["Mintegy 600 fő csak az 1970-es években kerülhetett szabadlábra."],
        [("az 1970-es években", "1970-01-01", "1979-12-31", "decade", "explicit", "on")],
    ),
    "century": (
        ["A 20. századi magyar történelem egyik legmeghatározóbb eseménye volt."],
        [("20. századi", "1901-01-01", "2000-12-31", "century", "explicit", "on")],
    ),
    "parts of a century or a decade, and their endings": (
        ["A 19. század végén épült. Az 1950-es évek elején kezdődött, és az 1970-es évekig tartott. A XX. században élt."],
        [
            ("19. század végén", "1868-01-01", "1900-12-31", "approximate", "explicit", "on"),
            ("Az 1950-es évek elején", "1950-01-01", "1953-12-31", "approximate", "explicit", "on"),
            ("az 1970-es évekig", "1970-01-01", "1979-12-31", "decade", "explicit", "until"),
            ("XX. században", "1901-01-01", "2000-12-31", "century", "explicit", "on"),
        ],
    ),
    "a decade in words takes the narrative year's century": (
        ["A nyolcvanas években élt. A hatvanas évek közepén kezdett el zenélni."],
        [
            ("A nyolcvanas években", "1980-01-01", "1989-12-31", "decade", "context_year", "on"),
            ("A hatvanas évek közepén", "1963-01-01", "1966-12-31", "approximate", "context_year", "on"),
        ],
    ),
    "day range of one month": (
        ["1958. június 9. és 15. között zajlott le a per."],
        [("1958. június 9. és 15. között", "1958-06-09", "1958-06-15", "day_range", "explicit", "on")],
    ),
    "day range across months, without a year": (
        ["Az október 23. és november 4. között eltelt napokban."],
        [("október 23. és november 4. között", "1956-10-23", "1956-11-04", "day_range", "context_year", "on")],
    ),
    "month range": (
        ["A lapot november-decemberben fegyveres kísérettel szállították."],
        [("november-decemberben", "1956-11-01", "1956-12-31", "month_range", "context_year", "on")],
    ),
    "year range": (
        ["Az 1948–1953 közötti időszakra a terror volt jellemző."],
        [("1948–1953 közötti", "1948-01-01", "1953-12-31", "year_range", "explicit", "on")],
    ),
    # case endings and postpositions
    "day endings": (
        ["November 1-jén tüntettek. Mező Imre október 24-étől irányította. 1957. április 1-ig elszállították őket."],
        [
            day("November 1-jén", "1956-11-01"),
            day("október 24-étől", "1956-10-24", relation="from"),
            day("1957. április 1-ig", "1957-04-01", "explicit", "until"),
        ],
    ),
    "month endings and parts of a month": (
        [
            "1956 júniusának végén munkásfelkelés tört ki. A sztrájkot december elejéig folytatták. "
            "November első napjaiban tárgyalások kezdődtek. Egészen 1957 áprilisáig sugároztak."
        ],
        [
            ("1956 júniusának végén", "1956-06-21", "1956-06-30", "approximate", "explicit", "on"),
            ("december elejéig", "1956-12-01", "1956-12-10", "approximate", "context_year", "until"),
            ("November első napjaiban", "1956-11-01", "1956-11-05", "approximate", "context_year", "on"),
            ("1957 áprilisáig", "1957-04-01", "1957-04-30", "month", "explicit", "until"),
        ],
    ),
    "since and after": (
        ["1989. október 23. óta ez a nap nemzeti ünnep.", "Kádár november 4-e utáni első beszéde."],
        [
            day("1989. október 23. óta", "1989-10-23", "explicit", "since"),
            day("november 4-e utáni", "1956-11-04", relation="after"),
        ],
    ),
    "adjectival forms date their noun": (
        ["A november 4-i szovjet támadást követően a márciusi ülés és az októberi események."],
        [
            day("november 4-i", "1956-11-04"),
            ("márciusi", "1956-03-01", "1956-03-31", "month", "context_year", "on"),
            ("októberi", "1956-10-01", "1956-10-31", "month", "context_year", "on"),
        ],
    ),
    "a bare day after a month named earlier in the sentence": (
        ["Október 26-án és 27-én tüntetőkre nyitottak tüzet."],
        [day("Október 26-án", "1956-10-26"), day("27-én", "1956-10-27", "context_month")],
    ),
    "a bare day takes month and year of the date before it": (
        ["1958. június 9. és 15. között zajlott le a per. 16-án hajnalban kivégezték őket."],
        [
            ("1958. június 9. és 15. között", "1958-06-09", "1958-06-15", "day_range", "explicit", "on"),
            day("16-án", "1958-06-16", "context_month"),
        ],
    ),
    # relative expressions
    "relative days": (
        [
            "Október 22-én nagygyűlést tartottak, és másnap tüntetést hirdettek. Október 29-én tárgyaltak. "
            "Másnapra a fegyverszünet megvalósulni látszott. Ugyanezen a napon a rádió is megszólalt. Ezen a napon halt meg."
        ],
        [
            day("Október 22-én", "1956-10-22"),
            day("másnap", "1956-10-23", "relative"),
            day("Október 29-én", "1956-10-29"),
            day("Másnapra", "1956-10-30", "relative", "by"),
            day("Ugyanezen a napon", "1956-10-30", "relative"),
            day("Ezen a napon", "1956-10-30", "relative"),
        ],
    ),
    "relative years": (
        ["A Time 1956-ban a szabadságharcost választotta, a következő évben pedig Hruscsovot."],
        [
            ("1956-ban", "1956-01-01", "1956-12-31", "year", "explicit", "on"),
            ("a következő évben", "1957-01-01", "1957-12-31", "year", "relative", "on"),
        ],
    ),
    "a relative day counts from the narrating date, not from a date mentioned in passing": (
        [
            "Október 25-én a rádió bejelentést tett.",
            "Kádár az október 23-i tüntetés céljait becsületesnek nevezte.",
            "A nap folyamán diákbizottságok alakultak.",
        ],
        [
            day("Október 25-én", "1956-10-25"),
            day("október 23-i", "1956-10-23"),
            day("A nap folyamán", "1956-10-25", "relative"),
        ],
    ),
    # the narrative year
    "a date opening a sentence moves the year for the rest of the paragraph": (
        ["Megrontották a tömegek kapcsolatát.1953-ban meghalt Sztálin. Októberben pedig felszámolta a táborokat."],
        [
            ("1953-ban", "1953-01-01", "1953-12-31", "year", "explicit", "on"),
            ("Októberben", "1953-10-01", "1953-10-31", "month", "context_year", "on"),
        ],
    ),
    "so does one after a leading adverb": (
        [
            "Végül 1955 januárjában Rákosi kihasználta a váltást. A márciusi ülés elmarasztalta, akitől tavasszal mindent elvettek."
        ],
        [
            ("1955 januárjában", "1955-01-01", "1955-01-31", "month", "explicit", "on"),
            ("márciusi", "1955-03-01", "1955-03-31", "month", "context_year", "on"),
            ("tavasszal", "1955-03-01", "1955-05-31", "season", "context_year", "on"),
        ],
    ),
    "a year inside a sentence dates only itself": (
        ["Ígéretet tett az 1954-ben félbeszakadt reformok folytatására. Márciusban Rákosi beismerte."],
        [
            ("1954-ben", "1954-01-01", "1954-12-31", "year", "explicit", "on"),
            ("Márciusban", "1956-03-01", "1956-03-31", "month", "context_year", "on"),
        ],
    ),
    "each paragraph starts again from the article's year": (
        ["1988. június 5-én felhívást tettek közzé. Június 16-án síremléket avattak.", "Június 16-án újratemették."],
        [
            day("1988. június 5-én", "1988-06-05", "explicit"),
            day("Június 16-án", "1988-06-16"),
            day("Június 16-án", "1956-06-16"),
        ],
    ),
    "lower-case and capitalised months alike": (
        ["Az ülés október 19-én kezdődött. Október 19-én tüntettek."],
        [day("október 19-én", "1956-10-19"), day("Október 19-én", "1956-10-19")],
    ),
    # not date expressions
    "adjectival years that name an event or period": (
        ["Az 1956-os forradalom után az 1956-os eseményeket és az 1848-as forradalmat, az 1963-as amnesztiát."],
        [],
    ),
    "law citations, counts and plot numbers": (
        ["Az 1990. évi XXVIII. törvény szerint 2652 magyar és 200 000 ember; a 301-es parcellában, 16-18 ezer főt."],
        [],
    ),
    "times and parts of the day": (
        ["Délben beszédet mondott. Este tüntettek. Hajnalban lőttek. 18 óra körül, este 9 órára, 17 óra 25-kor."],
        [],
    ),
    "a day named as a holiday recurs every year": (
        ["Bejelentette március 15-e nemzeti ünneppé nyilvánítását, és hogy október 23-a nemzeti ünnep lesz."],
        [],
    ),
}


@pytest.mark.parametrize("paragraphs, expected", CASES.values(), ids=CASES.keys())
def test_reading_rules(paragraphs, expected):
    assert read(*paragraphs) == expected


def test_legacy_letters_are_read_and_flagged():
    readings = read_prose("Cikk", "t.txt", [(1, "November 1-tõl a hadsereg megkezdte a megszállást.")], 1956)
    (entry,) = readings[1].entries
    assert entry.date.earliest == dt.date(1956, 11, 1) and entry.date_relation == "from"
    assert entry.quality_flags == ("legacy_letters",)


def test_line_flags_are_carried_to_the_rows():
    readings = read_prose("Cikk", "t.txt", [(7, "Október 23-án tüntettek.")], 1956, {7: ("space_normalised",)})
    assert readings[7].entries[0].quality_flags == ("space_normalised",)


def test_a_date_with_nothing_before_it_is_left_unresolved_not_guessed():
    readings = read_prose("Cikk", "t.txt", [(1, "Másnap tüntettek. Márciusban is.")], None)
    assert readings[1].entries == [] and readings[1].unresolved == ["Másnap", "Márciusban"]


def test_main_year_from_the_title_else_the_first_explicit_date():
    assert main_year("1956-os forradalom és szabadságharc", []) == 1956
    assert main_year("Őszirózsás forradalom", ["A háború végén.", "1918. október 31-én győzött."]) == 1918
    assert main_year("Valami", ["Nincs benne dátum."]) is None


SENTENCES = {
    "abbreviations": ("a tüntetők létszáma kb. 50 000 fő lehetett. Majd du. két órakor engedélyezték.", 2),
    "roman numerals and ordinals": ("XII. Piusz pápa imára szólította a 60. Szovjet Légvédelmi Tüzérosztályt. Vége.", 2),
    "a date in the sentence": ("A Magyar Közlöny 1956. november 12., hétfői keltezésű 93. számában közölte. A lap.", 2),
    "initials": ("Este G. B. Shaw Szent Johannájának bemutatóján tüntettek. Másnap is.", 2),
    "glued after a word": ("megrontották a párt és a tömegek kapcsolatát.1953-ban meghalt Sztálin.", 2),
    "glued capital": ("Tildy Zoltán – miniszterelnök-helyettesDélben tárgyalások kezdődtek.", 2),
    "footnote after the quote": ("„fedezi őket.”[14]Közben szovjet pártküldöttségek indultak.", 2),
    "exclamation inside a quote": ('"Elvtársak!" megszólítása indulatos visszautasítást váltott ki.', 1),
}


@pytest.mark.parametrize("text, count", SENTENCES.values(), ids=SENTENCES.keys())
def test_sentence_splitting(text, count):
    spans = sentence_spans(text)
    assert len(spans) == count, [text[a:b] for a, b in spans]
    assert all(text[a:b] == text[a:b].strip() and b > a for a, b in spans)


def test_end_matter_is_found_and_a_last_short_paragraph_stays_text():
    lines = [
        "Az ENSZ közgyűlése 1958. december 12-én nyilatkozatot fogadott el. Más lépés nem történt.",
        "Az unkarin dalt egy finn tanuló írta.",
        "↑ Kecskés: Kecskés, D. Gusztáv (2015. október 1.). „Menekültek 1956-ban”. HVG.",
        "A csehszlovák titkosszolgálat szerepe (www.mult-kor.hu)",
        "Egy elhallgatott zenekar – a Philharmonia Hungarica",
        "Mihályi Balázs: 55 éve rontott ránk a Vörös Hadsereg (Magyar Hírlap, 2011. november 4.)Dokumentumfilmek:",
    ]
    assert end_matter_start(lines) == 2
    assert end_matter_start(lines[:2]) == 2  # no end matter: nothing is taken
    assert is_citation("Adél Vehrer: 1956 in the oral tradition ISBN 978-963-12-8208-5Dokumentumok:")
    assert not is_citation("Október 6-án Rajk László újratemetésén 200 000 fő jelent meg.")


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_seed_prose_article_matches_its_labels(seed_result):
    """Every date expression of the seed's prose article, as labelled by hand (see the set's README)."""
    got = [timeline_label(entry) for entry in seed_result.timeline]
    gold = _gold()
    missing = [g for g in gold if g not in got]
    extra = [g for g in got if g not in gold]
    assert not missing and not extra, {"missing": missing[:5], "extra": extra[:5]}
    assert len(got) == len(gold)


def test_every_row_slices_its_expression_out_of_its_raw_line(seed_result, seed_source):
    assert seed_result.timeline
    for entry in seed_result.timeline:
        line = seed_source.lines[entry.source_line - 1]
        assert line[entry.char_start : entry.char_end] == entry.date.text
        assert entry.date.text in entry.sentence and entry.sentence in line
        assert entry.date.earliest <= entry.date.latest


def test_ids_are_stable_and_unique(seed_result):
    ids = [entry.record_id for entry in seed_result.timeline]
    assert len(ids) == len(set(ids))
    moved = read_prose(
        "1956-os forradalom és szabadságharc", "other.txt",
        [(900 + n, seed_result.timeline[0].sentence) for n in range(1)], 1956,
    )  # fmt: skip
    assert moved[900].entries[0].record_id == seed_result.timeline[0].record_id  # independent of file and line


_FILLER = st.sampled_from(
    ["a tüntetők", "Nagy Imre", "a rádió", "bejelentette,", "hogy", "kb. 50 000 fő", "XII. Piusz", "délben", "és",
     "a 301-es parcellában", "az 1956-os forradalom", "Este", "G. B. Shaw", "(Lásd: kormány)", "„idézet”", "2652 magyar"]
)  # fmt: skip
_DATES = st.sampled_from(
    ["október 23-án", "1956. november 4-én", "Másnap", "1957 januárjától", "24-én", "az 1970-es években", "márciusi",
     "1948–1953 közötti", "december elején", "ugyanezen a napon", "1955-ben", "november-decemberben", "20. századi"]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", ". ", ".", ", ", " – ", "! "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_FILLER, _SEPARATORS, _DATES, _SEPARATORS), min_size=1, max_size=8))
def test_spans_slice_the_expression_out_of_any_paragraph(parts):
    """Whatever the paragraph, a row's char_start:char_end is its date_text, inside its sentence."""
    text = "".join(f"{filler}{a}{date}{b}" for filler, a, date, b in parts)
    readings = read_prose("Cikk", "t.txt", [(1, text)], 1956)
    for entry in readings[1].entries:
        assert text[entry.char_start : entry.char_end] == entry.date.text
        assert entry.date.text in entry.sentence and entry.sentence in text
        assert entry.date.earliest <= entry.date.latest
    assert len({e.record_id for e in readings[1].entries}) == len(readings[1].entries)


def test_line_roles_of_a_prose_article_say_what_became_of_each_line():
    from evkonyv.parsing.articles import split_articles
    from evkonyv.parsing.parse import read_prose_article

    (article,) = split_articles("x.txt", ["Egy cikk szövege.", "Másnap tüntettek. Október 3-án 1957-ben is.", "Délben."])
    roles = [(role.role, role.reason, len(role.record_ids)) for role in read_prose_article(article).roles]
    assert roles == [
        ("prose", "prose paragraph without a date expression", 0),
        ("timeline", "2 dated statements; nothing before it dates 'Másnap'", 2),
        ("prose", "prose paragraph without a date expression", 0),
    ]


def test_the_timeline_leaves_every_other_table_byte_identical(seed_result):
    """The year articles' tables, and the articles and quarantine tables, do not depend on the timeline."""
    from dataclasses import replace

    from evkonyv.schemas.validation import validate_tables

    from evkonyv.tables.build import build_tables
    from evkonyv.tables.serialise import table_files

    with_timeline = table_files(validate_tables(build_tables(seed_result.tables)))
    parts = seed_result.tables.parts
    no_timeline = replace(seed_result.tables, parts={**parts, "timeline": parts["timeline"].slice(0, 0)})
    without = table_files(validate_tables(build_tables(no_timeline)))
    others = [name for name in with_timeline if not name.startswith(("timeline.", "source_lines."))]
    assert len(others) == 8  # events, births, deaths (Parquet and CSV), articles, quarantine
    assert all(with_timeline[name] == without[name] for name in others)
    assert with_timeline["timeline.parquet"] != without["timeline.parquet"]
