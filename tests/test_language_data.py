"""The language data files parse, name their source, and cover what the grammar needs."""

from __future__ import annotations

import datetime as dt

import pytest

from evkonyv.parsing import hungarian
from evkonyv.parsing.hungarian import DATA
from evkonyv.parsing.language import LANGUAGES

# every language's data files: the Hungarian ones, and each other language's in its own folder ("en/months.tsv")
FILES = sorted(path.relative_to(DATA).as_posix() for path in DATA.rglob("*") if path.is_file())


def _entries(name: str) -> list:
    path = DATA / name
    return hungarian.data_rows(path.name, path.parent) if name.endswith(".tsv") else hungarian.data_words(path.name, path.parent)


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_names_its_source_and_has_entries(name):
    text = (DATA / name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Source:" in line for line in header), f"{name} does not name its source"
    rows = _entries(name)
    assert rows and len(rows) == len(set(rows)), f"{name}: empty, or an entry twice"


def test_tables_have_their_columns():
    for name in (n for n in FILES if n.endswith(".tsv")):
        widths = {len(row) for row in _entries(name)}
        assert len(widths) == 1, f"{name}: rows of different widths {widths}"


def test_months_cover_the_calendar():
    assert sorted(hungarian.MONTH_NAMES) == list(range(1, 13))
    assert sorted(set(hungarian.MONTHS.values())) == list(range(1, 13))
    assert all(name == name.lower() for name in hungarian.MONTHS)


def test_date_phrases_are_valid_intervals():
    for phrase, (precision, first, last) in hungarian.DATE_PHRASES.items():
        assert precision in {"day", "season", "approximate", "year"}, phrase
        assert dt.date(2001, *first) <= dt.date(2001, *last), phrase
        assert (precision == "day") == (first == last), phrase  # a day phrase names one day, no other does


def test_headings_open_known_parts():
    assert set(hungarian.HEADINGS.values()) <= {"events", "births", "deaths", "nobel", "topic", "end", "contents"}
    assert {hungarian.HEADINGS[h] for h in ("Események", "Születések", "Halálozások")} == {"events", "births", "deaths"}
    assert hungarian.YEAR_HEADINGS == (("", " a Világörökség részévé vált", "topic"),)  # the "{year}" rows, apart


def test_word_lists_have_the_shape_the_grammar_reads():
    assert all(suffix.islower() and " " not in suffix for suffix in hungarian.CASE_SUFFIXES)
    assert all(particle.islower() for particle in hungarian.NAME_PARTICLES)
    assert all(name[:1].isupper() and " " not in name for name in hungarian.GIVEN_NAMES)


def test_parser_version_covers_the_epoch(monkeypatch):
    from evkonyv.parsing import parse

    assert parse.parser_version() == parse.PARSER_VERSION
    monkeypatch.setattr(parse, "PARSER_EPOCH", parse.PARSER_EPOCH + 1)
    assert parse.parser_version() != parse.PARSER_VERSION


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_each_languages_chart_labels_begin_its_month_names(code):
    language = LANGUAGES[code]
    names = {int(number): name for name, number, form in hungarian.data_rows("months.tsv", language.data) if form == "name"}
    labels = language.month_labels
    assert len(labels) == 12
    assert all(names[month].startswith(label.lower()) for month, label in enumerate(labels, start=1)), labels
