"""A year article in the shape of the other hu.wikipedia year articles, built from the
line forms they use, parsed end to end by the pure core."""

import datetime as dt
from collections import Counter

from evkonyv.reading.sources import SourceText
from tests.helpers import parse_rows

D = dt.date


def navigation(decades: str, year: int) -> list[str]:
    """A year article's navigation: the decades as given, and the 11 years centred on ``year``."""
    return [f"Évtizedek: {decades}", "Évek: " + " – ".join(str(y) for y in range(year - 5, year + 6))]


ARTICLE = [
    *navigation("1900-as évek – 1910-es évek – 1920-as évek", 1957),
    "az év elején – Beköszönt a hideg.",
    "1957. január 5. – Eisenhower doktrína.",
    "január 10. – Harold Macmillan lesz a brit miniszterelnök.",
    "Megalakul a kormány.",  # sub-item whose date line was lost
    "március 25. – Aláírják a római szerződéseket.",
    "február 30. – Elírt dátumú esemény.",
    "április 5. . – Kettőzött pont a dátum után.",
    "június 27 – 29. – Szétválasztott napos tartomány.",
    "tavasszal – Tavaszi esemény.",
    "nyáron – Nyári esemény.",
    "október 4. – Felbocsátják a Szputnyik–1-et.",
    "1957 a tudományban",
    "1957 a sportban",
    "Megjelenik egy fontos könyv.",
    "január 3. – Kovács Anna magyar színésznő",
    "február 17. – Ifjú Valaki amerikai zenész († 2001)",
    "május 1. – Pelé brazil labdarúgó",
    "augusztus 8. – Minta Péter magyar író",
    "január 19. – Példa János magyar festő (* 1890)",
    "március 2. – ifj. Teszt Béla magyar mérnök (* 1901)",
    "november 9. – Próba Éva magyar költő († 1888)",
    "A Nobel-díjat a svéd Alfred Nobel alapította, 1901 óta adják át.",
    "Fizikai Nobel-díj: Csen-ning Jang és Li Cseng-tao",
    "↑ Forrás: egy könyv",
]


def parse(lines):
    return parse_rows([SourceText("synthetic.txt", "0" * 64, "utf-8", tuple(lines))])


def record(result, line):
    [found] = [r for r in result.records if r.source_line == line]
    return found


def test_sections_and_roles():
    result = parse(ARTICLE)
    kinds = [(r.source_line, r.kind) for r in result.records]
    assert Counter(kind for _, kind in kinds) == {"event": 12, "birth": 4, "death": 3}
    roles = {role.line: role.role for role in result.roles}
    assert roles[14] == roles[15] == "navigation"  # topical sub-article links
    assert roles[24] == "nobel_intro" and roles[25] == "nobel" and roles[26] == "reference"
    assert result.quarantined == []


def test_dates_of_other_articles():
    result = parse(ARTICLE)
    expectations = {
        3: ("approximate", D(1957, 1, 1), D(1957, 4, 30)),
        4: ("day", D(1957, 1, 5), D(1957, 1, 5)),
        6: ("approximate", D(1957, 1, 10), D(1957, 3, 25)),  # between its dated neighbours
        8: ("invalid", D(1957, 2, 1), D(1957, 2, 28)),
        9: ("day", D(1957, 4, 5), D(1957, 4, 5)),
        10: ("day_range", D(1957, 6, 27), D(1957, 6, 29)),
        11: ("season", D(1957, 3, 1), D(1957, 5, 31)),
        12: ("season", D(1957, 6, 1), D(1957, 8, 31)),
        16: ("year", D(1957, 1, 1), D(1957, 12, 31)),
    }
    for line, (precision, earliest, latest) in expectations.items():
        date = record(result, line).date
        assert (date.precision, date.earliest, date.latest) == (precision, earliest, latest), line
    assert record(result, 8).quality_flags == ("impossible_day",)
    assert record(result, 8).date.month == 2 and record(result, 8).date.day is None


def test_people_of_other_articles():
    result = parse(ARTICLE)
    assert (record(result, 18).name, record(result, 18).other_year) == ("Ifjú Valaki", 2001)
    assert record(result, 19).name == "Pelé"
    assert (record(result, 22).name, record(result, 22).other_year) == ("ifj. Teszt Béla", 1901)
    assert record(result, 23).other_year == 1888
    assert record(result, 23).quality_flags == ("wrong_year_symbol",)


def test_glued_births_heading_fixes_the_boundary():
    lines = list(ARTICLE)
    # the last event and the first birth share a line, the births heading between them
    lines[15] = "Megjelenik egy fontos könyv.Születésekjanuár 3. – Kovács Anna magyar színésznő"
    del lines[16]
    result = parse(lines)
    births = [r for r in result.records if r.kind == "birth"]
    assert births[0].name == "Kovács Anna" and births[0].source_segment == 1
    assert "glued_heading" in births[0].quality_flags


def test_unknown_month_is_quarantined_with_its_reason():
    lines = list(ARTICLE)
    lines[4] = "janur 10. – Elgépelt hónap."
    result = parse(lines)
    [quarantined] = result.quarantined
    assert (quarantined.source_line, quarantined.reason) == (5, "unknown month name 'janur'")
    role = next(r for r in result.roles if r.line == 5)
    assert role.role == "quarantine"


def test_a_bare_name_in_hungarian_order_opens_the_people_of_an_old_article():
    """A line that is nothing but a name, the given name last, is a people-list entry of an old article,
    not an event, even where the births begin."""
    lines = [
        *navigation("1220-as évek – 1230-as évek – 1240-es évek", 1274),
        "Megkezdődik a székesegyház építése.",
        "A velencei flotta elfoglalja Zárát.",
        "Tuolouse-i Szent Lajos",
        "Marino Falier velencei dózse.",
        "március 7. – Példa Albert német teológus (* 1225).",
        "Minta Bonaventura, ferences teológus.",
    ]
    kinds = {r.source_line: r.kind for r in parse(lines).records}
    assert kinds == {3: "event", 4: "event", 5: "birth", 6: "birth", 7: "death", 8: "death"}
    lines[4] = "Nemzeti Színház"  # a bare name of an institution: no given name closes it
    assert {r.source_line: r.kind for r in parse(lines).records}[5] == "event"


def test_a_place_alone_on_its_line_heads_the_sentences_under_it():
    """The place sub-headings of an old article's events (632 on hu.wikipedia: "Európa", "Perzsia"), kept as
    lines, are headings, not events; a name or a title alone on its line, followed by no sentence, is not."""
    lines = [
        *navigation(
            "560-as évek – 570-es évek – 580-as évek – 590-es évek – 600-as évek – 610-es évek – 620-as évek – 630-as évek"
            " – 640-es évek – 650-es évek – 660-as évek",
            612,
        ),
        "Európa",
        "Csecsemőkorú fiával együtt meggyilkolják II. Charibertet, Aquitánia királyát. Országát Dagobert örökli.",
        "A szintén avar vazallus onogurok élére Kubrat kerül.",
        "Bizánci Birodalom",
        "május 3. – Hérakleiosz császár hadjáratot indít.",
        "Táncdalfesztivál",
        "Jó estét nyár, jó estét szerelem",
    ]
    result = parse(lines)
    roles = {role.line: (role.role, role.reason) for role in result.roles}
    assert roles[3] == ("heading", "topic section heading 'Európa'") and roles[6][0] == "heading"
    assert {r.source_line: r.kind for r in result.records} == {4: "event", 5: "event", 7: "event", 8: "event", 9: "event"}
    assert record(result, 7).date.month == 5
