"""The language seam, proved with a second language: English Wikipedia year articles read by their own
grammar (evkonyv/parsing/english.py, data in evkonyv/parsing/data/en/) into the same tables and release."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from evkonyv.parsing import english
from evkonyv.parsing.articles import find_duplicates
from evkonyv.parsing.language import ENGLISH, HUNGARIAN, LANGUAGES, detect_language
from evkonyv.pipeline import run
from tests.helpers import ROOT, SEED

EXCERPTS = ROOT / "tests" / "fixtures" / "en-excerpts" / "raw"


def lines_of(name: str) -> list[str]:
    return (EXCERPTS / name).read_text(encoding="utf-8").splitlines()


def test_the_language_of_a_file_is_detected_from_its_first_year_article():
    assert detect_language(lines_of("en_230.txt")) is ENGLISH
    assert detect_language(lines_of("en_228.txt")) is ENGLISH  # a head that starts at its navigation
    assert detect_language(SEED.read_text(encoding="utf-8").splitlines()) is HUNGARIAN
    assert detect_language(["no year article here", ""]) is HUNGARIAN  # the default
    assert set(LANGUAGES) == {"hu", "en"}


@pytest.mark.parametrize(
    ("line", "expected", "rest"),
    [
        ("January 29 – Frederick I dies.", ("day", 1, 29, None, None), "Frederick I dies."),
        ("July 21 - Pope Pontian succeeds Pope Urban I.", ("day", 7, 21, None, None), "Pope Pontian succeeds Pope Urban I."),
        ("29 January – A council meets.", ("day", 1, 29, None, None), "A council meets."),
        ("March 18–27 – A siege.", ("day_range", 3, 18, 3, 27), "A siege."),
        ("January 29 – February 3 – A siege.", ("day_range", 1, 29, 2, 3), "A siege."),
        ("March–August – Battle of Mount Qi: a victory.", ("month", 3, None, 8, None), "Battle of Mount Qi: a victory."),
        ("June – A fleet sails.", ("month", 6, None, None, None), "A fleet sails."),
        ("Sept. 3 – A treaty.", ("day", 9, 3, None, None), "A treaty."),
        ("March 18 –", ("day", 3, 18, None, None), ""),
        ("February 30 – A slip.", ("invalid", 2, None, None, None), "A slip."),
        ("c. February–March - Gundemar, king of the Visigoths", ("month", 2, None, 3, None), "Gundemar, king of the Visigoths"),
        ("circa June 4 – A treaty.", ("day", 6, 4, None, None), "A treaty."),
    ],
)
def test_dates_at_the_start_of_a_line(line, expected, rest):
    read = english.read_date(line, 1123)
    assert read is not None
    date, text = read
    assert (date.precision, date.month, date.day, date.end_month, date.end_day) == expected
    assert text == rest


@pytest.mark.parametrize("line", ["Mayors of London meet.", "Marching bands play.", "The edict of Caracalla."])
def test_a_line_that_opens_with_no_date(line):
    assert english.read_date(line, 1123) is None


@pytest.mark.parametrize(
    ("text", "name", "description", "marker"),
    [
        ("Mani, prophet and founder of Manichaeism (d. 274)", "Mani", "prophet and founder of Manichaeism", (274, "†", False)),
        ("Gao You, Chinese scholar and writer (b 168).", "Gao You", "Chinese scholar and writer", (168, "*", False)),
        ("Clement of Alexandria, Greek theologian (b. c. 150)", "Clement of Alexandria", "Greek theologian", (150, "*", True)),
        ("Andrew Marvell, English poet (died 1678)", "Andrew Marvell", "English poet", (1678, "†", False)),
        ("Cui Yan (or Jigui), Chinese official", "Cui Yan", "Chinese official", None),
        ("Wang Lang (approximate date)", "Wang Lang", "", None),
        (
            "Cyrion and Candidus, Armenian Orthodox priest and saints",
            "Cyrion and Candidus",
            "Armenian Orthodox priest and saints",
            None,
        ),
        ("Narcissus, Argeus, and Marcellinus, Roman martyrs", "Narcissus, Argeus, and Marcellinus", "Roman martyrs", None),
        ("Frederick I, Holy Roman Emperor", "Frederick I", "Holy Roman Emperor", None),
        ("40 Martyrs of Sebaste", "40 Martyrs of Sebaste", "", None),  # a group named by its number
        (
            "Januarius and Pelagia, Roman Catholic priests, martyrs and saints",
            "Januarius and Pelagia",
            "Roman Catholic priests, martyrs and saints",
            None,
        ),
    ],
)
def test_people_list_lines(text, name, description, marker):
    reading = english.read_person_line(text)
    assert reading.person is not None
    assert (reading.person.name, reading.person.description) == (name, description)
    got = reading.marker and (reading.marker.year, reading.marker.symbol, reading.marker.approximate)
    assert got == marker


@pytest.mark.parametrize(
    "text",
    [
        "Frederick I, Archbishop of Bremen since 1104, dies after a reign of 18 years.",  # a predicate after the name
        "Mithraism, which had begun in Persia, is adopted by soldiers.",  # a relative clause
        "Pope Pontian succeeds Pope Urban I, as the 18th pope of Rome.",  # the name runs into a verb
        "The Praetorian guard kill Ulpian, Praetorian prefect.",  # a determiner opens a sentence
        "300 Roman soldiers die in the battle.",  # a number before lower-case words: a sentence
        "Lazarus, bishop of Aix-en-Provence, and Heros, bishop of Arles, are expelled from their sees.",  # a be-form
        "Fa-Hien, Chinese Buddhist monk, spends 2 years in Ceylon.",  # a verb before a number
    ],
)
def test_event_lines_that_open_with_a_name_are_no_person(text):
    assert english.read_person_line(text).person is None


def test_the_year_of_an_article():
    lead = "Year 230 (CCXXX) was a common year starting on Friday of the Julian calendar."
    [article] = english.split_articles("x", [lead, "Jobun becomes king of Silla."])
    assert (article.kind, article.year, article.title, article.language) == ("year", 230, "230", "en")
    [wrong] = english.split_articles("x", ["Year 230 (CCXXI) was a common year.", "Jobun becomes king."])
    assert wrong.year is None and "disagree" in (wrong.problem or "")
    [before] = english.split_articles(
        "x", ["Year 212 BC was a year of the pre-Julian Roman calendar.", "Years: 214 BC 213 BC – 212 BC – 211 BC 210 BC"]
    )
    assert before.year is None and "Common Era" in (before.problem or "")
    [window] = english.split_articles(
        "x", ["Decades: 190s 200s 210s - 220s - 230s", "Years: 225 226 227 - 228 - 229 230 231", "An item."]
    )
    assert window.year == 228


def test_an_english_and_a_hungarian_article_of_one_year_are_two_articles(seed_result):
    [hungarian] = [a for a in seed_result.articles if a.title == "1953"]
    [english_article] = english.split_articles("en.txt", ["Year 1953 (MCMLIII) was a common year.", "An event happens."])
    assert english_article.title == hungarian.title
    assert find_duplicates([hungarian, english_article]) == []


def test_the_english_excerpts_publish_through_the_same_release(tmp_path):
    summary = run([EXCERPTS], tmp_path / "out")
    out = tmp_path / "out"
    deaths = pd.read_parquet(out / "deaths.parquet")
    births = pd.read_parquet(out / "births.parquet")
    events = pd.read_parquet(out / "events.parquet")
    assert {"Zhang Lu", "Urban I", "Wang Lang"} <= set(deaths["name"])
    assert set(births["name"]) == {"Mani", "Gaius Vibius Volusianus", "Marcus Aurelius Carus"}
    urban = deaths.set_index("name").loc["Urban I"]
    assert (urban["month"], urban["day"], urban["birth_year"]) == (5, 23, 175)
    lateran = events[events["text"].str.startswith("The First Council of the Lateran")].iloc[0]
    assert (lateran["month"], lateran["day"]) == (3, 18)  # dated by the day alone on the line above it
    # every raw line accounted for: a record, or a role with its reason
    lines = pd.read_parquet(out / "source_lines.parquet")
    assert len(lines) == sum(len(lines_of(path.name)) for path in EXCERPTS.glob("*.txt"))
    assert summary.rows["quarantine"] == 0
    martyrs = deaths.set_index("name").loc["40 Martyrs of Sebaste"]  # a group named by its number
    assert (martyrs["month"], martyrs["day"]) == (3, 9)


@pytest.mark.parametrize("english_first", [True, False])
def test_a_file_of_both_languages_quarantines_the_other_languages_articles(english_first):
    """A file holds one language (its first year article's): a year article of the other language in it is
    not read as lines of the article above it (the other grammar would make them its events) but
    quarantined as one article whose year is not read, with why, and a warning; the file's own articles
    keep their records."""
    from evkonyv.reading.sources import decode_source
    from evkonyv.summary import run_warnings
    from tests.helpers import parse_rows

    english_lines = lines_of("en_230.txt")
    hungarian_lines = SEED.read_text(encoding="utf-8").splitlines()[:57]  # (the 1953 article)
    first, second = (english_lines, hungarian_lines) if english_first else (hungarian_lines, english_lines)

    def records(lines):
        result = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
        return result, [(r.source_line, r.kind, r.name, r.month, r.day) for r in result.records]

    _, alone = records(first)
    result, mixed = records([*first, *second])
    assert mixed == alone
    foreign = [a for a in result.articles if a.year is None]
    opening = next(number for number, line in enumerate(second, start=1) if line.strip())  # (the seed opens with a blank line)
    assert [(a.first_line, a.last_line) for a in foreign] == [(len(first) + opening, len(first) + len(second))]
    assert "in a file read as" in foreign[0].problem
    assert {q.source_line for q in result.quarantined} == {
        len(first) + number for number, line in enumerate(second, start=1) if line.strip()
    }
    assert any("year article whose year cannot be read (it starts a" in warning for warning in run_warnings(result.tables))


def test_a_run_of_both_languages_keeps_each_languages_records(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "a_seed.txt")
    shutil.copy(EXCERPTS / "en_230.txt", raw / "b_en_230.txt")
    run([raw], tmp_path / "both")
    run([SEED], tmp_path / "seed")
    both = pd.read_parquet(tmp_path / "both" / "events.parquet")
    alone = pd.read_parquet(tmp_path / "seed" / "events.parquet")
    assert set(alone["record_id"]) < set(both["record_id"])
    assert set(both["article"]) == {*alone["article"], "230"}
    # each article is credited to the Wikipedia it was read from
    licence = (tmp_path / "both" / "LICENSE-DATA").read_text(encoding="utf-8")
    assert "articles of the Hungarian and English Wikipedia (hu.wikipedia.org, en.wikipedia.org)" in licence
    assert "- 230: https://en.wikipedia.org/wiki/230" in licence
    assert "- 1953: https://hu.wikipedia.org/wiki/1953" in licence
    package = json.loads((tmp_path / "both" / "datapackage.json").read_text(encoding="utf-8"))
    assert {"title": "English Wikipedia: 230", "path": "https://en.wikipedia.org/wiki/230"} in package["sources"]
    assert package["title"] == "evkonyv: events, births and deaths from Hungarian and English Wikipedia year articles"
    seed_licence = (tmp_path / "seed" / "LICENSE-DATA").read_text(encoding="utf-8")
    assert "articles of the Hungarian Wikipedia (hu.wikipedia.org)" in seed_licence


def test_the_footer_closing_an_english_page_is_no_record():
    """The static dumps' attribution, or a current page's last edit, licence and links, below the article."""
    from evkonyv.reading.sources import decode_source
    from tests.helpers import parse_rows

    raw = sorted((ROOT / "tests" / "fixtures" / "en-excerpts" / "raw").glob("*.txt"))[0].read_text(encoding="utf-8")
    for footer in (
        ["Based on work by Someone and Anonymous user(s) of Wikipedia."],
        ["This page was last edited on 3 May 2024, at 10:15 (UTC).", "Privacy policy", "About Wikipedia", "Disclaimers"],
    ):
        lines = [*raw.splitlines(), *footer]
        result = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
        first = len(lines) - len(footer) + 1
        assert all(record.source_line < first for record in result.records)
        roles = [role for role in result.roles if role.line >= first]
        assert len(roles) == len(footer) and all(role.role == "reference" for role in roles)
        assert "footer" in roles[0].reason


def test_a_hatnote_above_an_english_year_article_is_its_head():
    """A hatnote of en.wikipedia's templates between two articles of a file ("For other uses, see ...
    (disambiguation).", "This article is about the year ...") belongs to the article under it: no record of
    the article above, and the records are the files' own."""
    from evkonyv.reading.sources import decode_source
    from tests.helpers import parse_rows

    raw = ROOT / "tests" / "fixtures" / "en-excerpts" / "raw"
    above, below = (
        (raw / "en_1123.txt").read_text(encoding="utf-8").splitlines(),
        (raw / "en_212.txt").read_text(encoding="utf-8").splitlines(),
    )

    def records(lines):
        result = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
        return result, [(r.article, r.kind, r.name, r.month, r.day) for r in result.records]

    _, plain = records([*above, *below])
    for hatnote in (
        "For other uses, see 212 (disambiguation).",
        "This article is about the year 212. For the number, see 212 (number).",
    ):
        result, got = records([*above, hatnote, *below])
        assert got == plain
        assert next(role for role in result.roles if role.line == len(above) + 1).role == "navigation"


@pytest.mark.parametrize(
    "contents",
    [
        ["Contents"],
        ["Contents |"],
        ["Contents", "[hide]", "1 Events", "2 Births", "3 Deaths"],
        ["Contents", "1 Events", "1.1 January–June", "2 Births", "3 Deaths", "4 References"],
    ],
)
def test_the_table_of_contents_of_an_english_page_is_no_record(contents):
    """The table of contents a copy of the page keeps under the lead (its title, the toggle, the numbered
    entries): a heading and navigation, and the records are the export's."""
    from evkonyv.reading.sources import decode_source
    from tests.helpers import parse_rows

    raw = (ROOT / "tests" / "fixtures" / "en-excerpts" / "raw" / "en_1123.txt").read_text(encoding="utf-8").splitlines()

    def records(lines):
        result = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
        return result, [(r.kind, r.name, r.month, r.day) for r in result.records]

    _, plain = records(raw)
    result, got = records([raw[0], *contents, *raw[1:]])
    assert got == plain
    assert [role.role for role in result.roles[1 : 1 + len(contents)]] == ["heading"] + ["navigation"] * (len(contents) - 1)


def test_a_republishing_sites_lines_in_an_english_copy_are_no_records():
    """wikiwand.com's "Remove ads" and a picture's "Thumb" with its caption among the items: no records, and
    the records are the export's."""
    from evkonyv.reading.sources import decode_source
    from tests.helpers import parse_rows

    lines = (ROOT / "tests" / "fixtures" / "en-excerpts" / "raw" / "en_1123.txt").read_text(encoding="utf-8").splitlines()
    at = len(lines) // 2
    site = ["Remove ads", "Thumb", "The cathedral of Worms, where the concordat was signed on September 23."]
    base = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
    result = parse_rows([decode_source("x.txt", "\n".join([*lines[:at], *site, *lines[at:]]).encode("utf-8"))])
    assert [(r.kind, r.name, r.month, r.day) for r in base.records] == [(r.kind, r.name, r.month, r.day) for r in result.records]
    assert [role.role for role in result.roles if at < role.line <= at + len(site)] == ["navigation"] * len(site)


def test_a_picture_of_an_english_dumps_page_is_no_record():
    """A static dumps' thumbnail among the items (the image's text, "Enlarge", the caption again over two
    lines): no record, and the records are the export's."""
    from evkonyv.reading.sources import decode_source
    from tests.helpers import parse_rows

    raw = sorted((ROOT / "tests" / "fixtures" / "en-excerpts" / "raw").glob("*.txt"))[0].read_text(encoding="utf-8")
    lines = raw.splitlines()
    at = len(lines) // 2
    picture = [
        "The city in flames, March 8.(a later engraving)",
        "Enlarge",
        "The city in flames, March 8.",
        "(a later engraving)",
    ]
    base = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
    result = parse_rows([decode_source("x.txt", "\n".join([*lines[:at], *picture, *lines[at:]]).encode("utf-8"))])
    moved = {line: line + (len(picture) if line > at else 0) for line in range(1, len(lines) + 1)}
    assert [(moved[r.source_line], r.kind, r.name) for r in base.records] == [
        (r.source_line, r.kind, r.name) for r in result.records
    ]
    assert [role.role for role in result.roles if at < role.line <= at + len(picture)] == ["navigation"] * len(picture)


def test_the_pages_head_above_an_english_year_article_is_the_articles():
    """A copy of an en.wikipedia page keeps its title, the tagline and the skin's links above the lead: the
    records are the export's, and those lines are the article's navigation, no article of their own."""
    from benchmarks import accuracy

    folder, raw, _ = accuracy.LABELLED_SETS["en-excerpts"]
    for gold_path, raw_path in accuracy.labelled_files(folder, raw):
        gold = accuracy.read_gold(gold_path)
        lines = raw_path.read_text(encoding="utf-8").splitlines()
        head = [raw_path.stem.removeprefix("en_"), "From Wikipedia, the free encyclopedia", "Jump to navigation Jump to search"]
        expected = accuracy.score_file(raw_path.name, lines, list(range(1, len(lines) + 1)), gold)
        score = accuracy.score_file(raw_path.name, [*head, *lines], [0, 0, 0, *range(1, len(lines) + 1)], gold)
        assert (score.fully_right, score.misses) == (expected.fully_right, expected.misses), raw_path.name
        result = accuracy.ParsedRows.of(accuracy.parse([accuracy.decode_source("x.txt", "\n".join([*head, *lines]).encode())]))
        assert [a.kind for a in result.articles] == ["year"]
        assert {role.line: role.role for role in result.roles}[1] == "navigation"
