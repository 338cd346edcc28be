"""The release's SQLite database: the Parquet tables' rows, keys, links and full-text search."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from evkonyv.schemas.validation import validate_tables

from evkonyv.pipeline import parse
from evkonyv.reading.sources import read_source
from evkonyv.release.database import SEARCHED, read_table, write_database
from evkonyv.tables.build import build_tables
from evkonyv.tables.serialise import to_arrow
from tests.helpers import HUNGARIAN_FIXTURE_SETS, ROOT, SEED

FIXTURES = ROOT / "tests" / "fixtures"
SETS = {
    "seed": [SEED],
    **{name: sorted((FIXTURES / name / "raw").glob("*.txt")) for name in HUNGARIAN_FIXTURE_SETS},
}


def _tables(paths):
    # (a file with the title of another, as the *_alt versions are, is parsed apart from it: the first
    # versions together, the other versions together)
    groups = [[path for path in paths if not path.stem.endswith("_alt")], [path for path in paths if path.stem.endswith("_alt")]]
    return [validate_tables(build_tables(parse([read_source(path.name, path) for path in group]))) for group in groups if group]


def _read_back(value, arrow_type):
    """A stored value as its Parquet column's value."""
    import pyarrow

    if value is None:
        return None
    if pyarrow.types.is_date(arrow_type):
        return dt.date.fromisoformat(value)
    if pyarrow.types.is_list(arrow_type):
        return json.loads(value)
    if pyarrow.types.is_boolean(arrow_type):
        assert value in (0, 1)
        return bool(value)
    return value


@pytest.mark.parametrize("name", list(SETS))
def test_the_database_holds_the_parquet_rows(name, tmp_path):
    """Every table, row for row and value for value, reads back as its Parquet file holds it (the seed and
    every labelled set)."""
    for index, tables in enumerate(_tables(SETS[name])):
        path = tmp_path / f"{index}.sqlite"
        write_database(path, tables)
        for table_name, frame in tables.items():
            arrow = to_arrow(table_name, frame)
            stored = read_table(path, table_name)
            assert len(stored) == arrow.num_rows, table_name
            for position, field in enumerate(arrow.schema):
                expected = arrow.column(position).to_pylist()
                got = [_read_back(row[position], field.type) for row in stored]
                assert got == expected, (name, table_name, field.name)


@pytest.fixture(scope="module")
def seed_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("database") / "evkonyv.sqlite"
    write_database(path, _tables([SEED])[0])
    return path


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def test_full_text_search_finds_the_death_of_klement_gottwald(seed_database):
    rows = (
        _connect(seed_database)
        .execute(
            "SELECT name, year, month, day FROM deaths WHERE rowid IN (SELECT rowid FROM deaths_fts WHERE deaths_fts MATCH 'Gottwald')"
        )
        .fetchall()
    )
    assert rows == [("Klement Gottwald", 1953, 3, 14)]


def test_search_keeps_diacritics_and_finds_suffixed_words_by_prefix(seed_database):
    connection = _connect(seed_database)

    def count(query: str) -> int:
        return connection.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", (query,)).fetchone()[0]

    exact, prefixed = count("Rákosi"), count("Rákosi*")
    like = connection.execute("SELECT count(*) FROM events WHERE text LIKE '%Rákosi%' OR context LIKE '%Rákosi%'").fetchone()[0]
    assert 0 < exact < prefixed == like  # "Rákosit", "Rákosiék" only by the prefix
    assert count("Rakosi*") == 0  # the accent is kept: "a" is not "á"


def test_keys_links_and_indexes(seed_database):
    connection = _connect(seed_database)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []  # every record's source line exists
    links = connection.execute('SELECT "table", "from", "to" FROM pragma_foreign_key_list(\'deaths\')').fetchall()
    assert sorted(links) == [("source_lines", "source_file", "source_file"), ("source_lines", "source_line", "line")]
    keys = [row[1] for row in connection.execute("PRAGMA table_info('events')") if row[5]]
    assert keys == ["record_id"]
    indexes = {row[1] for row in connection.execute("PRAGMA index_list('events')")}
    assert {"events_year", "events_month", "events_article"} <= indexes
    virtual = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")}
    assert virtual == {f"{name}_fts" for name in SEARCHED}


def test_the_same_tables_give_the_same_bytes(tmp_path):
    tables = _tables([SEED])[0]
    for name in ("a.sqlite", "b.sqlite"):
        write_database(tmp_path / name, tables)
    digest = [hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in ("a.sqlite", "b.sqlite")]
    assert digest[0] == digest[1]
