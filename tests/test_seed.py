"""The seed file, parsed by the pure core: counts, sample rows, line accounting, ids."""

import datetime as dt
from collections import Counter

import pytest

from evkonyv.reading.sources import SourceText
from tests.helpers import parse_rows

D = dt.date


def by_line(result, kind, line, segment=0):
    [record] = [r for r in result.records if r.kind == kind and r.source_line == line and r.source_segment == segment]
    return record


def test_counts_per_article(seed_result):
    counts = Counter((r.article, r.kind) for r in seed_result.records)
    assert counts == {
        ("1953", "event"): 35,
        ("1953", "birth"): 6,
        ("1953", "death"): 10,
        ("1954", "event"): 39,
        ("1954", "birth"): 6,
        ("1954", "death"): 6,
        ("1956", "event"): 90,
        ("1956", "birth"): 9,
        ("1956", "death"): 13,
    }
    assert seed_result.quarantined == []


def test_revolution_article_is_published_once(seed_result):
    prose = [a for a in seed_result.articles if a.kind == "prose"]
    assert [a.title for a in prose] == ["1956-os forradalom és szabadságharc"] * 2
    assert [(d.article_id, d.original_id, d.kind) for d in seed_result.duplicates] == [
        (prose[1].article_id, prose[0].article_id, "exact")
    ]
    roles = Counter(role.role for role in seed_result.roles if role.article == prose[1].title)
    assert roles == {"timeline": 63, "prose": 30, "citation": 15, "reference": 1, "duplicate": 109}
    # the timeline comes from the published copy only; the year articles give none
    assert {entry.source_line for entry in seed_result.timeline} <= set(prose[0].line_numbers())
    assert {entry.article for entry in seed_result.timeline} == {prose[0].title}


def test_every_line_once(seed_result, seed_source):
    lines = [(role.source_file, role.line) for role in seed_result.roles]
    assert lines == [(seed_source.name, n) for n in range(1, len(seed_source.lines) + 1)]
    roles = {role.line: role.role for role in seed_result.roles}
    assert roles[1] == "blank" and roles[2] == "navigation" and roles[55] == "nobel_intro" and roles[56] == "reference"


@pytest.mark.parametrize(
    ("kind", "line", "segment", "expected"),
    [
        ("event", 4, 0, dict(precision="day", earliest=D(1953, 1, 3), latest=D(1953, 1, 3), text="január 3.")),
        ("event", 14, 0, dict(precision="day_range", earliest=D(1953, 6, 13), latest=D(1953, 6, 16), text="június 13–16.")),
        (
            "event",
            81,
            0,
            dict(precision="day_range", earliest=D(1954, 9, 28), latest=D(1954, 10, 3), text="szeptember 28–október 3."),
        ),
        ("event", 91, 0, dict(precision="day", earliest=D(1954, 12, 23), latest=D(1954, 12, 23), text="december 23.")),
        ("event", 91, 1, dict(precision="month", earliest=D(1954, 6, 1), latest=D(1954, 6, 30), text="június")),
        ("event", 35, 0, dict(precision="year", earliest=D(1953, 1, 1), latest=D(1953, 12, 31), text=None)),
        ("event", 336, 0, dict(precision="approximate", earliest=D(1956, 2, 23), latest=D(1956, 3, 26), text=None)),
        (
            "event",
            421,
            0,
            dict(precision="day_range", earliest=D(1956, 6, 10), latest=D(1956, 6, 17), text="június 10. – június 17."),
        ),
        ("birth", 44, 0, dict(precision="day", earliest=D(1953, 12, 29), latest=D(1953, 12, 29), text="december 29.")),
        ("death", 433, 0, dict(precision="day", earliest=D(1956, 2, 13), latest=D(1956, 2, 13), text="február 13.")),
    ],
)
def test_sample_dates(seed_result, kind, line, segment, expected):
    date = by_line(seed_result, kind, line, segment).date
    assert (date.precision, date.earliest, date.latest, date.text) == tuple(expected.values())


def test_glued_heading_line_gives_two_events(seed_result):
    first, second = by_line(seed_result, "event", 91, 0), by_line(seed_result, "event", 91, 1)
    assert first.text.endswith("szükségességét.")
    assert second.text.startswith("Az Szovjetunió Kommunista Pártja")
    assert "Határozatlan" not in first.text + second.text
    role = next(r for r in seed_result.roles if r.line == 91)
    assert role.record_ids == (first.record_id, second.record_id)


def test_wembley_line_is_a_likely_repeat(seed_result):
    repeat, original = by_line(seed_result, "event", 38), by_line(seed_result, "event", 29)
    assert repeat.likely_repeat_of == original.record_id
    assert "likely_repeat" in repeat.quality_flags


@pytest.mark.parametrize(
    ("kind", "line", "name", "other_year", "flags"),
    [
        ("birth", 41, "Stan Sakai", None, ()),
        ("birth", 44, "Stanley Williams", 2005, ()),
        ("birth", 98, "Balázs F. Attila", None, ()),  # dated births of a modern year, the months restarting
        ("birth", 431, "Tasnádi Péter", 2009, ()),
        ("death", 46, "Gerd von Rundstedt", 1875, ()),
        ("death", 52, "Hans Fritzsche", 1900, ()),
        ("death", 53, "Ivan Alekszejevics Bunyin", 1870, ("wrong_year_symbol",)),
        ("death", 433, "Jan Łukasiewicz", 1878, ("stray_character_in_marker",)),
        ("death", 443, "Gundel Károly", 1883, ()),
        ("death", 445, "Cs. Sebestyén Károly", 1876, ()),
    ],
)
def test_sample_people(seed_result, kind, line, name, other_year, flags):
    record = by_line(seed_result, kind, line)
    assert (record.name, record.other_year, record.quality_flags) == (name, other_year, flags)


def test_sections_boundaries(seed_result):
    first_births = sorted(
        min(r.source_line for r in seed_result.records if r.article == a and r.kind == "birth") for a in ("1953", "1954", "1956")
    )
    first_deaths = sorted(
        min(r.source_line for r in seed_result.records if r.article == a and r.kind == "death") for a in ("1953", "1954", "1956")
    )
    assert first_births == [39, 98, 424]
    assert first_deaths == [45, 104, 433]


def _ids(result):
    return {(r.article, r.kind, r.text): r.record_id for r in result.records}


def test_ids_do_not_depend_on_file_or_position(seed_source, seed_result):
    lines = seed_source.lines
    moved = SourceText("other.txt", "0" * 64, "utf-8", ("", "", *lines[331:], *lines[:331]))
    assert _ids(parse_rows([moved])) == _ids(seed_result)


def test_editing_one_line_changes_only_its_id(seed_source, seed_result):
    lines = list(seed_source.lines)
    lines[3] = lines[3].replace("letartóztatják", "őrizetbe veszik")
    edited = parse_rows([SourceText(seed_source.name, "0" * 64, "utf-8", tuple(lines))])
    before = {(r.source_line, r.source_segment): r.record_id for r in seed_result.records}
    after = {(r.source_line, r.source_segment): r.record_id for r in edited.records}
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {(4, 0)}
