"""Real year articles of every era: each failure class of the real excerpts, and the scored sets.

Fixtures: tests/fixtures/real-excerpts (development set) and tests/fixtures/more-excerpts (held out),
real hu.wikipedia text by Wikipedia contributors, CC BY-SA; see their READMEs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import accuracy
from evkonyv.parsing.sections import COSTS, costs_in_use
from evkonyv.reading.sources import decode_source
from tests.helpers import SEED, parse_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV = FIXTURES / "real-excerpts"
NAV = [
    "Évtizedek: 1900-as évek – 1910-es évek – 1920-as évek – 1930-as évek – 1940-es évek – 1950-es évek – 1960-as évek – 1970-es évek – 1980-as évek – 1990-es évek – 2000-es évek",
    "Évek: 1948 – 1949 – 1950 – 1951 – 1952 – 1953 – 1954 – 1955 – 1956 – 1957 – 1958",
]


def navigation(year):
    """A year article's navigation lines (11 decades, 11 years) centred on ``year``."""

    def suffix(decade):  # "1230-as", "1240-es", "1300-as", "1000-es": by how the number is said
        tens, hundreds = decade // 10 % 10, decade // 100 % 10
        return ("as" if hundreds else "es") if tens == 0 else ("as" if tens in (2, 3, 6, 8) else "es")

    middle = year // 10 * 10
    decades = " – ".join(f"{d}-{suffix(d)} évek" for d in range(middle - 50, middle + 60, 10))
    return [f"Évtizedek: {decades}", "Évek: " + " – ".join(str(y) for y in range(year - 5, year + 6))]


def parse_lines(lines, name="x.txt"):
    return parse_rows([decode_source(name, "\n".join(lines).encode("utf-8"))])


def parse_fixture(name):
    return parse_rows([decode_source(name, (DEV / "raw" / name).read_bytes())])


def by_line(result):
    return {record.source_line: record for record in result.records}


# --- 1. headings --------------------------------------------------------------------------


def _seed_1953_with_headings(wiki: bool):
    lines = SEED.read_text(encoding="utf-8").splitlines()[:57]
    form = (lambda title: f"== {title} ==") if wiki else (lambda title: title)
    result = parse_lines(lines)
    births = sorted(r.source_line for r in result.records if r.kind == "birth")
    deaths = sorted(r.source_line for r in result.records if r.kind == "death")
    out = []
    for number, line in enumerate(lines, start=1):
        if number == 3:
            out += [form("Események"), form("Január")]
        if number == births[0]:
            out.append(form("Születések"))
        if number == deaths[0]:
            out.append(form("Halálozások"))
        out.append(line)
    return result, out


@pytest.mark.parametrize("wiki", [False, True], ids=["plain", "mediawiki"])
def test_headings_put_back_are_never_records(wiki):
    plain, headed = _seed_1953_with_headings(wiki)
    result = parse_lines(headed)
    texts = {r.text for r in result.records}
    assert not texts & {"Események", "Január", "Születések", "Halálozások", "== Születések =="}
    assert [(r.kind, r.text, r.name, r.other_year) for r in result.records] == [
        (r.kind, r.text, r.name, r.other_year) for r in plain.records
    ]
    headings = [role for role in result.roles if role.role == "heading"]
    assert len(headings) == 4 and all(role.record_ids == () for role in headings)


def test_month_heading_bounds_the_undated_items_under_it():
    result = parse_lines([*NAV, "Március", "Megnyílik a Pécsi Nemzeti Színház.", "április 2. – Valami történik."])
    undated = result.records[0]
    assert (undated.date.month, undated.date.earliest.isoformat(), undated.date.latest.isoformat()) == (
        None, "1953-03-01", "1953-03-31",
    )  # fmt: skip
    assert "dated_by_month_heading" in undated.quality_flags


def test_sub_heading_is_carried_as_context():
    result = parse_fixture("hu_1956.txt")
    records = by_line(result)
    assert 17 not in records  # "Forradalom Magyarországon:" is a heading
    assert next(role for role in result.roles if role.line == 17).role == "heading"
    assert records[18].context == "Forradalom Magyarországon" and records[18].date.day == 23
    assert records[16].context is None


def test_section_heading_fixes_the_boundary():
    lines = [*NAV, "január 5. – Kovács János író († 1990)", "Halálozások", "február 1. – Szabó Anna színésznő († 1999)"]
    result = parse_lines(lines)
    assert [r.kind for r in result.records] == ["birth", "death"]  # the heading wins over the marker


# --- 2. loose date forms ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "flag", "month", "day"),
    [
        ("március 4 - Abraham Lincoln az Egyesült Államok elnöke lesz", "day_without_dot", 3, 4),
        ("március 19 – Hajnali 4 órakor német csapatok lépik át a határt", "day_without_dot", 3, 19),
        ("március 28.: A Broadwayn bemutatják a Hair cimű musical-t", "colon_after_date", 3, 28),
        ("szeptember 3: A párizsi béke lezárja a háborút.", "colon_after_date", 9, 3),  # no dot, then a colon
        ("szeptember 3: A párizsi béke lezárja a háborút.", "day_without_dot", 9, 3),
        ("május 20. Megjelenik a dal", "missing_dash", 5, 20),
        ("július 13. - Megjelenik a dal", "ascii_hyphen_dash", 7, 13),
        ("január 16.Franklin D. Roosevelt fogadja Habsburg Ottót.", "no_space_after_date", 1, 16),
        ("Augusztus 31-én felszentelik az esztergomi bazilikát.", "date_in_sentence", 8, 31),
    ],
)
def test_loose_date_forms_are_read_and_flagged(line, flag, month, day):
    (record,) = parse_lines([*NAV, line]).records
    assert (record.date.month, record.date.day) == (month, day)
    assert flag in record.quality_flags


def test_loose_date_forms_are_errata_in_the_quality_report():
    from evkonyv.quality_flags import QUALITY_FLAGS
    from evkonyv.release.quality import ERRATA_FLAGS

    for flag in ("day_without_dot", "colon_after_date", "no_space_after_date", "missing_dash", "ascii_hyphen_dash"):
        assert flag in ERRATA_FLAGS and flag in QUALITY_FLAGS


# --- 3. people without dates or markers ---------------------------------------------------


def test_one_trailing_undated_line_does_not_hide_the_births():
    records = by_line(parse_fixture("hu_1620.txt"))
    assert [records[n].kind for n in (7, 8, 9)] == ["birth", "birth", "death"]
    assert records[9].name == "Simon Stevin"


def test_undated_people_of_an_old_year_are_people_and_the_doubt_is_flagged():
    """1677's excerpt lists three deaths, undated and unmarked, under an empty births section: nothing in
    the lines tells births from deaths, and the people open with the births, so the first is read as a
    birth (docs/accuracy.md lists it among the misses). Each of the three is a person, named, and flagged
    as placed on weak evidence."""
    records = by_line(parse_fixture("hu_1677.txt"))
    assert [records[n].kind for n in range(3, 7)] == ["event"] * 4
    assert [records[n].name for n in range(7, 10)] == ["Isaac Barrow", "Baruch Spinoza", "Mathieu Le Nain"]
    assert {records[n].kind for n in range(7, 10)} <= {"birth", "death"}
    assert all("section_inferred" in records[n].quality_flags for n in range(7, 10))


def test_a_list_without_markers_is_births_in_a_modern_year():
    records = by_line(parse_fixture("hu_1987.txt"))
    assert {records[n].kind for n in range(5, 18)} == {"birth"}
    assert records[3].kind == "event"  # "Egerszegi Krisztina úszó ...": undated, an event of the year


def test_one_word_name_opens_the_births():
    records = by_line(parse_fixture("hu_1826.txt"))
    assert (records[4].kind, records[4].name) == ("birth", "Eugénia")
    assert records[9].kind == "death"


def test_an_event_that_starts_with_a_name_stays_an_event():
    lines = [*NAV, "október 30. – Nagy Imre bejelenti Magyarország semlegességét.", "november 4. – Kovács János író († 1990)"]
    records = parse_lines(lines).records
    assert records[0].kind == "event"


@pytest.mark.parametrize(
    "line",
    [
        "január 20. – John Fitzgerald Kennedy az USA elnöke",  # an article right after the name: its clause
        "április 20. – Heinrich Himmler lett a Gestapo főnöke.",  # a copula
        "július 1. – Horst Köhler Németország köztársasági elnöke (elődje Johannes Rau);",  # a semicolon closes a statement
    ],
)
def test_an_event_that_opens_with_a_name_and_looks_like_a_description_stays_an_event(line):
    records = parse_lines([*NAV, "január 5. – Megnyílik a kiállítás.", line, "március 9. – Kovács János író († 1990)"]).records
    assert [r.kind for r in records] == ["event", "event", "birth"]
    # last, where nothing after it speaks for the events: its own shape does
    assert [r.kind for r in parse_lines([*NAV, "január 5. – Megnyílik a kiállítás;", line]).records] == ["event", "event"]


OLD_NAV = [
    "Évtizedek: 1200-as évek – 1210-es évek – 1220-as évek – 1230-as évek – 1240-es évek – 1250-es évek – 1260-as évek – 1270-es évek – 1280-as évek – 1290-es évek – 1300-as évek",
    "Évek: 1245 – 1246 – 1247 – 1248 – 1249 – 1250 – 1251 – 1252 – 1253 – 1254 – 1255",
]


@pytest.mark.parametrize(
    "line",
    [
        "Kasztíliai Blanka, IX. Lajos francia király anyja",  # a regnal number opens the possessor
        "Anjou Károly, VIII. Lajos francia király legifjabb fia",
        "Burgundi Margit, Merész Károly burgundi herceg felesége.",
    ],
)
def test_an_undated_person_described_by_whom_they_are_related_to_is_a_person(line):
    """A description may be a possessive noun phrase, the person's title or relation and whom it is of;
    undated in an old year's list, such a line is a person, not an event."""
    lines = [*OLD_NAV, "A türingiai háború kezdete.", "IV. Béla király a kunokat telepíti le.", line]
    records = parse_lines(lines).records
    assert [r.kind for r in records][:2] == ["event", "event"]
    assert records[2].kind in ("birth", "death") and records[2].name == line.split(",")[0]


def test_a_statement_about_a_possessor_stays_an_event():
    lines = [
        *OLD_NAV,
        "A türingiai háború kezdete.",
        "Rudolf, IV. Béla király fia elfoglalja Bécs várát.",
        "Konrád lengyel fejedelem",
    ]
    assert [r.kind for r in parse_lines(lines).records][:2] == ["event", "event"]


def test_a_work_written_author_colon_title_is_no_possessive_phrase():
    """ "Szerb Antal: A Pendragon legenda": a title after the colon, opened by its article, whose last
    word happens to end like a possessed noun; the undated works of a topic list stay events."""
    for work in ("Szerb Antal: A Pendragon legenda", "Kosztolányi Dezső: Az édes Anna"):
        lines = [*OLD_NAV, "A türingiai háború kezdete.", work]
        assert [r.kind for r in parse_lines(lines).records] == ["event", "event"], work


def test_a_demonym_ending_like_an_accusative_opens_a_description():
    """ "német", "szovjet", "brit" end as an accusative does ("sereget"): a description that opens with one
    names what the person was, it states nothing."""
    from evkonyv.parsing.records import has_predicate

    assert not has_predicate("német labdarúgó, a magyar válogatott szövetségi kapitánya")
    assert not has_predicate("szovjet űrhajós")
    assert has_predicate("levelet ír a pápának")


def test_a_designation_of_the_year_above_the_chronology_is_no_event():
    lines = [*NAV, "A technológia nemzetközi éve", "A rizs nemzetközi éve (ENSZ)", "január 1. – Írország átveszi az elnökséget."]
    result = parse_lines(lines)
    assert [(r.source_line, r.kind) for r in result.records] == [(5, "event")]
    assert {role.line: role.role for role in result.roles if role.line in (3, 4)} == {3: "prose", 4: "prose"}
    later = [*NAV, "január 1. – Írország átveszi az elnökséget.", "Az első világkiállítás éve"]  # below: an item like any
    assert [r.source_line for r in parse_lines(later).records] == [3, 4]


def test_the_topic_headings_of_a_2006_layout_kept_as_lines_are_no_records():
    """The topic sub-sections of the static dumps' articles, their headings kept: a heading that names the
    year and states what the sites listed under it became ("1982-ben a Világörökség részévé vált",
    headings.tsv's "{year}" rows), a plural topic, a topic sub-article's link. Only the items are events."""
    lines = [
        *navigation(1982),
        "november 12. – Jurij Andropov követi Leonyid Brezsnyevet a főtitkári poszton.",
        "Fontosabb magyar nagylemezek",
        "Bikini: Bikini",
        "1982 a televízióban",
        "Az Egyesült Államokban megindul a Knight Rider sorozat.",
        "1982-ben a Világörökség részévé vált",
        "Algéria: Tasszili n'Addzser sziklafestményei",
        "Ausztrália: Lord Howe-szigetcsoport",
        "Születések",
        "január 4. – Kovács Béla magyar író",
    ]
    result = parse_lines(lines)
    assert [(r.source_line, r.kind) for r in result.records] == [
        (3, "event"), (5, "event"), (7, "event"), (9, "event"), (10, "event"), (12, "birth"),
    ]  # fmt: skip
    assert (
        next(role for role in result.roles if role.line == 8).reason
        == "topic section heading '1982-ben a Világörökség részévé vált'"
    )


def test_a_date_alone_dates_the_items_under_it():
    lines = [*NAV, "május 1.", "Korszakos vereséget szenved a brit munkáspárt.", "május 4. – Lemond a miniszter."]
    result = parse_lines(lines)
    assert [(r.date.month, r.date.day) for r in result.records] == [(5, 1), (5, 4)]
    assert "dated_by_date_line" in result.records[0].quality_flags
    assert next(role for role in result.roles if role.line == 3).role == "heading"


@pytest.mark.parametrize(
    ("alone", "precision", "earliest", "latest"),
    [
        ("január–március", "month", "1953-01-01", "1953-03-31"),  # two months
        ("tavasszal", "season", "1953-03-01", "1953-05-31"),  # a season (data/date_phrases.tsv)
        ("az év elején", "approximate", "1953-01-01", "1953-04-30"),  # a part of the year
    ],
)
def test_a_date_phrase_alone_dates_the_items_under_it_and_is_no_event(alone, precision, earliest, latest):
    """A period alone on its line, the way a day alone stands above its nested items ("május 1."): the
    items under it take it; alone, with a dated item after it, it is a date with no text, not an event
    whose text is the date."""
    result = parse_lines([*NAV, alone, "Lemond a miniszter.", "május 4. – Átadják a hidat."])
    first = result.records[0]
    assert (first.text, first.date.precision, str(first.date.earliest), str(first.date.latest)) == (
        "Lemond a miniszter.", precision, earliest, latest,
    )  # fmt: skip
    assert "dated_by_date_line" in first.quality_flags
    result = parse_lines([*NAV, alone, "május 4. – Átadják a hidat."])
    assert [r.text for r in result.records] == ["Átadják a hidat."]
    assert [q.reason for q in result.quarantined] == ["a date with no text after it"]


def test_a_date_alone_dates_every_item_under_it_below_the_kept_headings():
    """A current page's nested list, exported: a date alone, then its items, under the events and month
    headings the copy keeps (heldout-2026-12j, 1976)."""
    items = ["Az aktív keresők száma 5,1 millió hazánkban.", "Magyarországon életbe lép az új KRESZ."]
    for heads in ([], ["Események"], ["Események", "Január"], ["== Események ==", "=== Január ==="]):
        result = parse_lines([*NAV, *heads, "január 1.", *items, "január 5. – Átadják a határállomást."])
        assert [(r.kind, r.date.month, r.date.day) for r in result.records] == [("event", 1, 1)] * 2 + [("event", 1, 5)]


def test_the_scorer_puts_a_heading_back_above_a_date_alone_as_the_page_has_it():
    """The headings-kept variant writes a section's heading above the date alone that opens its first items
    (the page's order), not between the date and the items it dates."""
    lines = [*NAV, "január 1.", "Magyarországon életbe lép az új KRESZ.", "január 5. – Átadják a határállomást."]
    gold = [{"line": 4, "table": "events"}, {"line": 5, "table": "events"}]
    headed, origin = accuracy.with_headings(lines, gold, wiki=False)
    assert headed == [*NAV, "Események", *lines[2:]]
    assert origin == [1, 2, 0, 3, 4, 5]
    english = ["Years: 1971 1972 1973", "January 26", "Spanish troops take Barcelona.", "March 2 – Pope Pius XII is elected."]
    headed, _ = accuracy.with_headings(english, [{"line": 3, "table": "events"}, {"line": 4, "table": "events"}], wiki=True)
    assert headed.index("January 26") == headed.index("== Events ==") + 1


# --- 4. life markers with a full date -----------------------------------------------------


def test_marker_with_a_full_date():
    record = by_line(parse_fixture("hu_1944.txt"))[14]
    assert (record.kind, record.name, record.other_year, record.other_month, record.other_day) == (
        "birth", "Frank Sinatra", 1998, 5, 14,
    )  # fmt: skip
    assert "1998" not in (record.description or "") and "†" not in (record.description or "")


# --- 5. names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fejér Lipót Nagyváradon született matematikus", "Fejér Lipót"),
        ("Otto von Bismarck német kancellár", "Otto von Bismarck"),
        ("Carl Maria von Weber német zeneszerző", "Carl Maria von Weber"),
        ("Latinovits Zoltán Kossuth-díjas színész", "Latinovits Zoltán"),
        ("Brunswick Teréz, az első magyarországi óvoda megalapítója", "Brunswick Teréz"),
        ("Jókai Mór Komáromban született író", "Jókai Mór"),
        ("Farkas Ferenc zeneszerző", "Farkas Ferenc"),
        ("(ifj.) Ábrányi Emil, költő", "ifj. Ábrányi Emil"),
        ("Aquinói Szent Tamás olasz teológus", "Aquinói Szent Tamás"),  # an epithet of origin, then the title
        ("Assisi Szent Ferenc, olasz szerzetes", "Assisi Szent Ferenc"),
        ("Mary-Kate Olsen és Ashley Olsen amerikai színésznők", "Mary-Kate Olsen és Ashley Olsen"),  # a plural description
        ("Paul Allen és Bill Gates megalapítja a Microsoftot", "Paul Allen"),  # no shared description: left to the predicate
    ],
)
def test_names(text, name):
    from evkonyv.parsing.people import split_person

    assert split_person(text, allow_single_word=True).name == name


def test_given_names_are_data_with_a_source():
    from evkonyv.parsing.hungarian import DATA, GIVEN_NAMES

    for file in ("given_names_male.txt", "given_names_female.txt"):
        assert "Source:" in (DATA / file).read_text(encoding="utf-8")
    assert {"Lipót", "Gusztáv", "Mór", "Teréz", "Vilma", "Aurél"} <= GIVEN_NAMES


# --- 6. measured --------------------------------------------------------------------------


def test_dev_set_labels_are_what_the_fixtures_hold():
    for gold in sorted((DEV / "gold").glob("*.jsonl")):
        for line in gold.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            assert set(item) == {"line", "table", "month", "day", "end_month", "end_day", "name", "other_year"}


def test_every_seed_record_is_fully_right_with_and_without_headings():
    folder, raw, _ = accuracy.LABELLED_SETS["seed"]
    for variant, score in accuracy.score_set(folder, raw).items():
        assert score.misses == [], (variant, score.misses)
        assert score.fully_right == score.records > 0


@pytest.mark.parametrize("set_name", ["real-excerpts", "more-excerpts"])
def test_the_development_excerpts_are_read_right_and_every_misplaced_record_is_flagged(set_name):
    """With the headings kept every record is right; as exported, what the model cannot tell (undated,
    unmarked people under an empty births section) may land in the wrong table, and then carries the
    flag section_inferred."""
    folder, raw, _ = accuracy.LABELLED_SETS[set_name]
    for variant, score in accuracy.score_set(folder, raw).items():
        assert score.fully_right >= 0.99 * score.records > 0, (variant, score.misses)
        assert score.misplaced[0] == score.misplaced[1], (variant, score.misses)  # every one flagged
        if variant != accuracy.VARIANTS[0]:
            assert score.misses == [], (variant, score.misses)


def test_the_sets_still_held_out_read_as_on_their_first_run():
    """A set stays in the pool of the still held out only while it reads as on its first run: a rule that moves
    its figures moves it out (benchmarks/accuracy.py: STILL_HELD_OUT). And the check can tell: a first run
    recorded otherwise is reported."""
    results = {name: accuracy.score_set(*accuracy.LABELLED_SETS[name][:2]) for name in accuracy.STILL_HELD_OUT}
    assert accuracy.still_held_out_drift(results) == []
    name = accuracy.STILL_HELD_OUT[-1]
    results[name][accuracy.VARIANTS[0]].fully_right -= 1
    assert [drift.split(":")[0] for drift in accuracy.still_held_out_drift(results)] == [name]


def test_the_report_counts_the_flagged_and_the_misplaced_records():
    """1620's undated death at the end is right and flagged; labelled a birth instead, it is in the
    wrong table, and still flagged."""
    raw = FIXTURES / "real-excerpts" / "raw" / "hu_1620.txt"
    gold = accuracy.read_gold(FIXTURES / "real-excerpts" / "gold" / "hu_1620.jsonl")
    lines = raw.read_text(encoding="utf-8").splitlines()
    score = accuracy.score_file(raw.name, lines, list(range(1, len(lines) + 1)), gold)
    assert (score.flagged, score.misplaced) == ([1, 0], [0, 0])
    relabelled = [item | {"table": "births"} if item["line"] == 9 else item for item in gold]
    score = accuracy.score_file(raw.name, lines, list(range(1, len(lines) + 1)), relabelled)
    assert (score.flagged, score.misplaced) == ([1, 1], [1, 1])
    assert score.silent == []  # in the wrong table, but flagged


def test_the_report_lists_a_record_in_the_wrong_table_and_not_flagged_as_silent():
    """1478's excerpt of its first event, its first birth (marked) and its first death (unmarked, dated later
    in the same month): the death is published as a birth. Read without the evidence of the day's event, which
    names the one who died, nothing flags it, a silent error; with it, the other split is near enough to flag
    the record (still in the wrong table, no longer silent). The birth, right and unflagged, is neither."""
    raw = FIXTURES / "heldout-2026-12" / "raw" / "hu_1478.txt"
    gold = accuracy.read_gold(FIXTURES / "heldout-2026-12" / "gold" / "hu_1478.jsonl")
    lines = raw.read_text(encoding="utf-8").splitlines()
    first = {table: next(item for item in gold if item["table"] == table) for table in ("events", "births", "deaths")}
    kept = sorted(first.values(), key=lambda item: int(item["line"]))
    origin = [*range(1, min(int(item["line"]) for item in gold)), *(int(item["line"]) for item in kept)]
    text = [lines[number - 1] for number in origin]
    score = accuracy.score_file(raw.name, text, origin, kept)
    assert (score.misplaced, score.silent) == ([1, 1], [])
    with costs_in_use(COSTS.replaced(death_named_by_days_statement=0.0)):
        score = accuracy.score_file(raw.name, text, origin, kept)
    assert score.misplaced == [1, 0]
    assert len(score.silent) == 1 and "expected death" in score.silent[0] and "got table births" in score.silent[0]
    renumbered = [item | {"line": origin.index(int(item["line"])) + 1} for item in kept]
    lines_headed, new_origin = accuracy.with_headings(text, renumbered, False)
    headed = accuracy.score_file(raw.name, lines_headed, [origin[n - 1] if n else 0 for n in new_origin], kept)
    assert headed.silent == [] and headed.misplaced == [0, 0]


def test_a_boundary_needs_a_calendar_restart():
    text = (FIXTURES / "more-excerpts" / "raw" / "hu_1775.txt").read_bytes()
    records = by_line(parse_rows([decode_source("hu_1775.txt", text)]))
    assert [records[n].kind for n in range(5, 12)] == ["birth"] * 7  # Jane Austen, unmarked and last, is a birth
    lines = [*NAV, "november 25. – Kovács János író († 1990)", "február 1. – Szabó Anna színésznő (* 1870)"]
    assert [r.kind for r in parse_lines(lines).records] == ["birth", "death"]  # a restart marks the boundary


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        ("IV. Edvard angol király felségárulásért kivégezteti öccsét Györgyöt, Clarence hercegét.", "death"),
        ("Megszületik György, Clarence hercege, a király öccse.", "birth"),  # the day's event tells his birth
        ("A király serege megostromolja a várat.", "birth"),  # the day's event names someone else
    ],
)
def test_a_person_the_days_statement_names_is_a_death_unless_it_tells_a_birth(statement, kind):
    """An old year's copy cut after its first event and its first person, both of 18 February: the person,
    unmarked, is a death when the event of the day names him (his execution), a birth otherwise, and a birth
    when the event tells his birth (data/birth_words.txt)."""
    lines = [
        *navigation(1478),
        f"február 18. – {statement}",
        "február 18. – György, Clarence hercege, IV. Edvard angol király öccse.",
    ]
    assert [r.kind for r in parse_lines(lines).records] == ["event", kind]


def test_an_old_years_unmarked_people_split_where_the_calendar_restarts():
    """Medieval people lines without markers lean neither way: a restart of the calendar after two of them,
    and a births section not left empty, make those two the births and the other two the deaths."""
    nav = navigation(1281)
    lines = [
        *nav,
        "március 3. – A király serege megostromolja a várat.",
        "május 7. – A pápa zsinatot hív össze Lyonban.",
        "február 1. – II. Rudolf osztrák herceg",
        "június 3. – II. Ulrik karintiai herceg",
        "január 9. – I. Ottó bajor herceg",
        "július 2. – III. Kálmán szerémi herceg",
    ]
    records = by_line(parse_lines(lines, "hu_1281.txt"))
    assert [records[n].kind for n in range(3, 9)] == ["event", "event", "birth", "birth", "death", "death"]


def test_a_nobel_table_left_as_lines_is_no_record_whatever_its_rows_hold():
    """Three lines in a row, each opening with another prize category, are the laureates' table, also when
    the rows describe the laureates or say the prize was not awarded; one such line alone is read as it
    stands."""
    table = [
        "Fizikai John Bardeen elektromérnök, Leon Neil Cooper fizikus (mindhárman amerikaiak) - a szupravezetésért",
        "Kémiai Christian Anfinsen, Stanford Moore, William Stein amerikai kémikusok",
        "Irodalmi Heinrich Böll német író",
        "Béke nem adták ki",
    ]
    lines = [*NAV, "március 3. – A király országgyűlést hív össze.", *table]
    result = parse_lines(lines)
    assert [r.source_line for r in result.records] == [3]
    alone = parse_lines([*NAV, "Béke köttetik a felek között.", table[2]])
    assert [r.source_line for r in alone.records] == [3, 4]


def test_an_old_years_undated_people_with_hyphenated_names_are_people():
    """Medieval lists name people without a date: a Chinese emperor, whose transcribed name is one word
    joined by a hyphen, and a saint with an epithet of origin written with a hyphen."""
    nav = navigation(1242)
    lines = [
        *nav,
        "A mongolok elfoglalják Kijevet.",
        "Születések",
        "Bordeaux-i Szent Paulinus",
        "Halálozások",
        "Li-cung kínai császár.",
    ]
    records = by_line(parse_lines(lines, "hu_1242.txt"))
    assert [(records[n].kind, records[n].name) for n in (5, 7)] == [("birth", "Bordeaux-i Szent Paulinus"), ("death", "Li-cung")]


def test_an_old_years_event_that_opens_with_a_regnal_name_and_a_present_tense_verb_is_an_event():
    nav = navigation(1316)
    lines = [
        *nav,
        "Az angolok legyőzik a skótokat.",
        "II. Edward angol király elfoglalja Skóciát.",
        "március 12. – I. Péter ciprusi király († 1369)",
        "május 3. – V. Henrik bajor herceg (* 1280)",
    ]
    records = by_line(parse_lines(lines, "hu_1316.txt"))
    assert [records[n].kind for n in range(3, 7)] == ["event", "event", "birth", "death"]


def test_a_noble_named_by_one_word_and_his_title_is_a_person():
    """ "Edmund, York hercege": one given name outside the register, set apart by a comma, then a title
    after the place it is of (noble_titles.txt), reads as a person line like a registered given name."""
    nav = navigation(1411)
    lines = [
        *nav,
        "május 2. – A zsinat új pápát választ.",
        "augusztus 29. – A király békét köt a lengyelekkel.",
        "február 25. – Edmund, York hercege, később a Rózsák háborújának egyik vezére.",
        "március 6. – Kovács Péter magyar főúr († 1470)",
    ]
    records = by_line(parse_lines(lines, "hu_1411.txt"))
    assert [(records[n].kind, records[n].name) for n in (5, 6)] == [("birth", "Edmund"), ("birth", "Kovács Péter")]
    lines[4] = "február 25. – Később, Buda ostroma után a király hazatér."  # a comma after an adverb: no title
    assert by_line(parse_lines(lines, "hu_1411.txt"))[5].kind == "event"


def test_a_title_after_the_comma_makes_one_word_a_leading_name():
    from evkonyv.parsing.records import _leading_name, _read_person_line

    assert _leading_name(_read_person_line("Edmund, York hercege, később a Rózsák háborújának egyik vezére.")).name == "Edmund"
    assert _leading_name(_read_person_line("Később, Buda ostroma után a király hazatér.")) is None


def test_an_old_years_one_word_names_described_by_where_they_were_from_are_people():
    """The Middle Ages' people known by one name, outside the register of given names, described by where
    they were from and what they were ("Johanna nápolyi királynő", "Eric pomerániai herceg"): people, with
    their markers; before them, events that open with a name and state something in the historical present
    (a verb its ending alone shows, a place in a case, an object)."""
    nav = navigation(1382)
    lines = [
        *nav,
        "szeptember 10. – Nagy Lajos király meghal Nagyszombatban.",
        "szeptember 17. – Máriát királlyá koronázzák Székesfehérváron.",
        "Toktamis kán felégeti Moszkvát.",
        "Jan Hus cseh egyházreformer",
        "Eric pomerániai herceg, később dán király († 1459)",
        "szeptember 10. – I. Lajos magyar király (* 1326)",
        "Johanna nápolyi királynő (* 1326)",
    ]
    records = by_line(parse_lines(lines, "hu_1382.txt"))
    assert [(records[n].kind, records[n].name) for n in range(3, 10)] == [
        ("event", None),
        ("event", None),
        ("event", None),
        ("birth", "Jan Hus"),
        ("birth", "Eric"),
        ("death", "I. Lajos"),
        ("death", "Johanna"),
    ]


@pytest.mark.parametrize(
    "statement",
    [
        "Magellán Sevillába érkezik.",  # a place inflected after its lengthened vowel, an -ik verb
        "Kossuth Lajost Kütahyába internálják.",  # the definite plural
        "Kolumbusz Kristóf felfedezi Amerikát.",  # a capitalised object
        "Hernández de Córdoba felfedezi a Yucatán-félszigetet.",  # a definite verb in -i, then its object
        "Thököly Imre felkelést indít.",  # the object a deverbal noun
    ],
)
def test_an_event_at_the_end_of_the_events_that_opens_with_a_name_and_states_something_stays_an_event(statement):
    nav = navigation(1517)
    lines = [
        *nav,
        "október 31. – Luther Márton kiszögezi 95 tételét a wittenbergi vártemplom kapujára.",
        statement,
        "március 5. – Anton Fugger német kereskedő († 1560)",
        "június 1. – Hans Sachs német költő († 1576)",
        "Aldus Manutius velencei nyomdász (* 1449)",
    ]
    records = by_line(parse_lines(lines, "hu_1517.txt"))
    assert [records[n].kind for n in range(3, 8)] == ["event", "event", "birth", "birth", "death"]


@pytest.mark.parametrize(
    "statement",
    [
        # the dot of an initial or a regnal number does not end the clause before the verb
        "március 31. – Winston Churchill brit miniszterelnök és Franklin D. Roosevelt amerikai elnök aláírja a Hyde Park egyezményt.",
        "április 16. – André Longumeau IX. Lajos francia király követeként elindul a mongolokhoz.",
        # an inserted clause between dashes, the verb after it
        "május 20. – János király – miután a pápa felmentette esküje alól – visszavonja a Magna Chartát.",
        # an appointment: the new holder of an office
        "június 30. – Mikuláš Dzurinda Szlovákia új miniszterelnöke",
    ],
)
def test_an_excerpt_that_ends_on_an_event_opening_with_a_name_ends_on_an_event(statement):
    """A copy cut short inside its events: the last event opens with a name and runs on from the dates
    before it, with no people after it to tell it apart. The statement's grammar does."""
    lines = [
        *navigation(1944),
        "január 8. – A szovjet csapatok elérik a lengyel határt.",
        "március 19. – Magyarország német megszállása.",
        statement,
    ]
    records = by_line(parse_lines(lines, "hu_1944.txt"))
    assert [records[n].kind for n in (3, 4, 5)] == ["event", "event", "event"]


def test_a_work_written_title_dash_author_is_an_event_not_a_person():
    """The year's books, "Title - Author": the line ends with a dash and a bare name, which no people-list
    line does; the births after them start where the calendar restarts."""
    from evkonyv.parsing.records import _CREDIT

    assert _CREDIT.search("Oroszlánszívű Richard kalandjai - James White")
    assert not _CREDIT.search("Somlyó György - Arion éneke")  # author first: the title after the dash
    assert not _CREDIT.search("Kovács János magyar író")
    lines = [
        *navigation(1791),
        "december 15. – Az USA elfogadja az Emberi és Polgári jogokat.",
        "Francia forradalom (1789-1799)",
        "A nagy utazás - Ann Radcliffe",
        "Vitéz Lajos kalandjai - James White",
        "január 15. – Kovács Ferenc osztrák költő († 1872)",
        "február 21. – John Mercer kémikus, iparos († 1866)",
    ]
    records = by_line(parse_lines(lines, "hu_1791.txt"))
    assert [records[n].kind for n in range(3, 9)] == ["event"] * 4 + ["birth"] * 2


def test_a_part_of_the_month_an_item_is_listed_under_is_a_month_date():
    """ "a hónap végén – ..." (the end of the month) under a month heading, or after an item of that month,
    is a month date of that month, flagged; with no month around it, the line stays undated."""
    lines = [
        *NAV,
        "Május",
        "május 3. – A kormány lemond.",
        "a hónap végén – Sztrájk kezdődik.",
        "Június",
        "e hónap elején – Árvíz.",
    ]
    records = by_line(parse_lines(lines))
    assert [(records[n].date.month, records[n].date.precision) for n in (5, 7)] == [(5, "month"), (6, "month")]
    assert "month_from_context" in records[5].quality_flags and records[5].date.text == "a hónap végén"
    lines = [*NAV, "március 8. – A kormány lemond.", "a hónap végén – Sztrájk kezdődik."]
    assert by_line(parse_lines(lines))[4].date.month == 3  # the month of the item before it
    alone = by_line(parse_lines([*NAV, "a hónap végén – Sztrájk kezdődik."]))[3]
    assert (alone.date.month, alone.date.precision) == (None, "year")


def test_the_line_set_is_scored_line_by_line_and_its_first_run_is_published():
    """Every labelled line of the set of single lines is scored, a miss names its line, and the figure of its
    first run, before any rule was written on it, stays in the report."""
    path, _ = accuracy.LINE_SETS["lines-2026-12"]
    score = accuracy.score_lines(path)
    assert (score.people, score.statements) == (59, 40)
    assert score.people_right + score.statements_right + len(score.misses) == 99
    assert "First run" in accuracy.LINE_FIRST_RUNS["lines-2026-12"]
    assert "lines-2026-12" in (accuracy.REPORT.read_text(encoding="utf-8"))


# Each form of a copy of the page against the same file without it: headings kept with edit links against the
# bare headings put back, every other form against the export.
_COPY_CASES = [
    ("edit links, dumps", True),
    ("edit links, mobile", True),
    ("edit links, own lines", True),
    ("navigation glued", False),
    ("reference marks", False),
    ("list bullets", False),
    ("hyphen dashes", False),
    ("indented items", False),
    ("table of contents", False),
    ("blank lines for headings", False),
    ("page head and footer", False),
    ("pictures of the dumps", False),
    ("a re-publishing site's copy", False),
    ("current page footer", False),
]


@pytest.mark.parametrize(("form_name", "headed"), _COPY_CASES, ids=[name for name, _ in _COPY_CASES])
@pytest.mark.parametrize(
    "set_name", ["real-excerpts", "heldout-2026-12b", "heldout-2026-12d", "heldout-2026-12i", "heldout-2026-12j"]
)
def test_a_copy_of_the_page_gives_the_records_of_the_export(set_name, form_name, headed):
    """A copy of the page that keeps what the export drops (edit links, reference marks, bullets, the page's
    head, the dumps' footer) or writes it otherwise (navigation glued): the records are the same, file by
    file, as the export's (benchmarks/accuracy.py, COPY_FORMS; docs/accuracy.md, "Copies of the page")."""
    _, form = accuracy.COPY_FORMS[form_name]
    folder, raw, _ = accuracy.LABELLED_SETS[set_name]
    changed = False
    for gold_path, raw_path in accuracy.labelled_files(folder, raw):
        gold = accuracy.read_gold(gold_path)
        lines = raw_path.read_text(encoding="utf-8").splitlines()
        copied, origin = form(lines, gold)
        changed |= copied != lines
        if headed:
            expected = accuracy.score_file(raw_path.name, *accuracy.with_headings(lines, gold, wiki=False), gold)
        else:
            expected = accuracy.score_file(raw_path.name, lines, list(range(1, len(lines) + 1)), gold)
        score = accuracy.score_file(raw_path.name, copied, origin, gold)
        assert (score.fully_right, score.misses) == (expected.fully_right, expected.misses), raw_path.name
    assert changed  # (the form is there to be read)


@pytest.mark.parametrize(("table", "title"), [("events", "Események"), ("births", "Születések"), ("deaths", "Halálozások")])
def test_the_copy_with_one_heading_kept_keeps_that_one_and_every_line(table, title):
    """The report's forms of a copy that kept one heading of three (benchmarks/accuracy.py, one_heading_kept):
    the one heading, above its section's first item, and every line of the export in its order."""
    folder, raw, _ = accuracy.LABELLED_SETS["real-excerpts"]
    gold_path, raw_path = next((g, r) for g, r in accuracy.labelled_files(folder, raw) if r.name == "hu_1620.txt")
    gold = accuracy.read_gold(gold_path)
    lines = raw_path.read_text(encoding="utf-8").splitlines()
    copied, origin = accuracy.one_heading_kept(table)(lines, gold)
    assert [line for line, number in zip(copied, origin, strict=True) if number == 0] == [title]
    assert [number for number in origin if number] == list(range(1, len(lines) + 1))
    first = min(int(item["line"]) for item in gold if item["table"] == table)
    assert origin[origin.index(first) - 1] == 0


# The headings of heldout-2026-12j's page copies, as the stored copies write them, by the line they stand
# above (the export drops them; the set's headings-kept variant puts back only the record sections').
_PAGE_HEADINGS_12J = {
    "1932": {3: ["Tartalomjegyzék |", "Események"], 4: ["Az év témái", "1932 az irodalomban"], 7: ["1932 a zenében"],
             8: ["1932 a politikában", "1932 sporteseményei", "Születések"]},
    "1974": {3: ["Tartalomjegyzék |", "Események", "Az év témái", "1974 a filmművészetben", "1974 az irodalomban"],
             5: ["1974 a zenében"], 7: ["Fontosabb külföldi nagylemezek"],
             18: ["1974 a politikában", "1974 a tudományban", "1974 sporteseményei"], 20: ["Művészet, kultúra és divat", "Születések"]},
    "1982": {3: ["Tartalomjegyzék |", "Események", "Az év témái", "1982 a filmművészetben", "1982 az irodalomban"],
             5: ["1982 a zenében"], 8: ["1982 a politikában"], 9: ["1982 a tudományban"], 11: ["1982 sporteseményei"],
             12: ["1982 a televízióban"], 13: ["1982-ben a Világörökség részévé vált"]},
    "1967": {4: ["Események", "Határozott dátumú események"]},
    "1976": {3: ["Események", "Január"]},
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(_PAGE_HEADINGS_12J))
@pytest.mark.parametrize("edit_link", ["", "[szerkesztés] "])
def test_the_held_out_articles_with_every_heading_of_their_page_copies_are_read_right(year, edit_link):
    """heldout-2026-12j's articles with all the headings their page copies keep (the table of contents'
    title, the topic sub-sections', the World Heritage list's, a month's), bare and with the dumps' edit link:
    every labelled record fully right, and no heading published."""
    folder, raw, _ = accuracy.LABELLED_SETS["heldout-2026-12j"]
    lines = (raw / f"hu_{year}.txt").read_text(encoding="utf-8").splitlines()
    gold = accuracy.read_gold(folder / "gold" / f"hu_{year}.jsonl")
    headed: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        headings = [edit_link + heading for heading in _PAGE_HEADINGS_12J[year].get(number, [])]
        headed += [*headings, line]
        origin += [*[0] * len(headings), number]
    score = accuracy.score_file(f"hu_{year}.txt", headed, origin, gold)
    assert (score.fully_right, score.misses) == (len(gold), [])


def test_list_bullets_are_flagged_on_the_records():
    folder, raw, _ = accuracy.LABELLED_SETS["real-excerpts"]
    gold_path, raw_path = accuracy.labelled_files(folder, raw)[0]
    lines, _ = accuracy.list_bullets("- ")(raw_path.read_text(encoding="utf-8").splitlines(), accuracy.read_gold(gold_path))
    result = parse_lines(lines)
    assert result.records and all("bullet_removed" in record.quality_flags for record in result.records)


# Statements of the shapes the year articles write, many opening with a name (a verb, an object, a noun of an
# event, a contest, a work and its credit): the last line of the events, dated or not, with nothing after it
# to tell it from a birth (an excerpt cut short), each stays an event.
TYPICAL_STATEMENTS = [
    # a name and a description phrase closed by a full stop: a statement in a modern article (its people
    # lists close no item so), a person on the old lists
    "Georges Pompidou Franciaország elnöke.",
    "Neil Armstrong amerikai űrhajós az első ember a Holdon.",
    "Formula–1 világbajnok: Jackie Stewart",
    "Labdarúgó-világbajnokság: Anglia",
    "A Ferencváros nyeri a magyar labdarúgó-bajnokságot.",
    "The Beatles: Abbey Road",
    "Led Zeppelin: Led Zeppelin II",
    "Bródy János – Szörényi Levente: Kőműves Kelemen",
    "Omega: 10 000 lépés",
    "Illés: Human Rights",
    "Tour de France: Eddy Merckx",
    "Wimbledon: Rod Laver",
    "Magyar bajnok: Újpesti Dózsa",
    "Ernest Hemingway: Az öreg halász és a tenger",
    "Neil Armstrong és Edwin Aldrin a Holdra lép.",
    "Apollo–11: az első holdraszállás",
    "Kodály Zoltán: Psalmus Hungaricus (bemutató)",
    "Rolling Stones: Let It Bleed",
    "Crosby, Stills & Nash: Crosby, Stills & Nash",
    "Jimi Hendrix Experience: Electric Ladyland",
    "Szabó Magda: Az ajtó",
    "Elvis Presley visszatér a színpadra Las Vegasban.",
    "Bob Dylan Nashville Skyline című albuma megjelenik.",
    "Ringo Starr szerepel a Varázslatos keresztény című filmben.",
    "Jochen Rindt nyeri a Formula–1 Amerikai Nagydíjat.",
    "Rod Laver Grand Slamet nyer.",
    "Papp László visszavonul.",
    "Pelé 1000. gólja",
    "Kovács Pál Kossuth-díjat kap",
    "Willy Brandt nyugatnémet kancellár lesz.",
    "Golda Meir Izrael miniszterelnöke lesz.",
    "Richard Nixon hivatalba lép.",
    "Charles de Gaulle lemond.",
    "Muammar Kadhafi hatalomra jut Líbiában.",
    "Jasszer Arafat a PFSZ vezetője.",
    "Ho Si Minh halála",
    "Jan Palach önégetése Prágában",
    "Kádár János Moszkvába látogat",
    "Fock Jenő kormányfő beszéde",
    "Woodstocki fesztivál",
    "Sharon Tate meggyilkolása",
    # a work of the one named, in the possessive, as the head (data/work_genres.txt), or its premiere
    "Ady Endre Új versek című kötete.",
    "Mikszáth Kálmán Különös házasság című regénye.",
    "Erkel Ferenc Bánk bán című operájának ősbemutatója.",
    "Kodály Zoltán Háry János című daljátékának bemutatója.",
    "Bartók Béla A fából faragott királyfi című balettjének bemutatója.",
    "Shakespeare Hamletjének bemutatója.",
    "Papp László harmadik olimpiai bajnoki címe.",  # a title won (data/event_nouns.txt)
    "Bolyai János közzéteszi az Appendixet.",  # a verb after the prefix "közzé" (definite_verbs.tsv)
    # the statements of old years that open with a name and a verb
    "IV. Béla visszatér Magyarországra.",
    "Kolumbusz Kristóf eléri Amerikát.",
    "Luther Márton kiszögezi 95 tételét a wittenbergi vártemplom kapujára.",
    "II. András kiadja az Aranybullát.",
    "Galilei felfedezi a Jupiter holdjait.",
    "Napóleon császárrá koronáztatja magát.",
    "Attila hun király halála.",
    "Marco Polo visszatér Velencébe.",
]


@pytest.mark.parametrize("statement", TYPICAL_STATEMENTS)
@pytest.mark.parametrize("date", ["", "augusztus 20. – "])
def test_typical_statements_at_the_end_of_a_cut_excerpt_stay_events(statement, date):
    lines = [*navigation(1969), "január 1. – Megalakul a Magyar Rádió új adója.", date + statement]
    records = by_line(parse_lines(lines, "hu_1969.txt"))
    assert records[4].kind == "event"


def test_a_name_and_description_closed_by_a_full_stop_is_a_person_on_an_old_list():
    lines = [*navigation(1441), "március 3. – Megkoronázzák a királyt.", "Marino Falier velencei dózse."]
    records = by_line(parse_lines(lines, "hu_1441.txt"))
    assert records[4].kind != "event"


def test_an_event_no_name_opens_before_a_birth_dated_after_it_stays_an_event():
    """A short excerpt: one event whose text opens in lower case, then one birth dated later the same month
    (no restart of the calendar tells them apart): the event is published as one, not quarantined as a
    birth line without a name."""
    lines = navigation(1934) + [
        "január 1. – életbe lép az örökletes betegségekben szenvedők kötelező sterilizálásáról szóló törvény",
        "január 7. – Kollányi László növénynemesítő († 2006)",
    ]
    result = parse_lines(lines, "hu_1934.txt")
    records = by_line(result)
    assert (records[3].kind, records[4].kind, records[4].name) == ("event", "birth", "Kollányi László")
    assert result.quarantined == []


def test_an_event_that_opens_with_a_name_and_states_something_before_the_births_stays_an_event():
    """A short excerpt: one event that opens with a name and a predicate, then two births dated after it."""
    lines = navigation(1974) + [
        "február 13. – Alexandr Szolzsenyicin Nobel-díjas orosz írót kitoloncolják a Szovjetunióból",
        "április 28. – Penélope Cruz spanyol színésznő",
        "július 13. – Jarno Trulli olasz Forma-1-es versenyző",
    ]
    records = by_line(parse_lines(lines, "hu_1974.txt"))
    assert [records[n].kind for n in (3, 4, 5)] == ["event", "birth", "birth"]


def test_a_portraits_caption_among_the_people_is_no_record_and_breaks_no_list():
    """A browser's copy of a current page writes a portrait's caption on a line of its own, the name and the
    year of the picture: no record, and the births around it stay births."""
    lines = [
        *navigation(2002),
        "január 1. – Tizenkét EU-tagállamban bevezetik az eurót.",
        "február 8. – Megnyílik a XIX. téli olimpia Salt Lake Cityben.",
        "január 5. – Kiss Anna magyar úszó",
        "Kiss Anna 2018-ban",
        "március 2. – Nagy Béla magyar labdarúgó",
        "január 3. – Kovács Pál magyar festő (* 1920)",
    ]
    records = by_line(parse_lines(lines, "hu_2002.txt"))
    assert [(number, record.kind) for number, record in sorted(records.items())] == [
        (3, "event"), (4, "event"), (5, "birth"), (7, "birth"), (8, "death"),
    ]  # fmt: skip
