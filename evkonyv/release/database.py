"""The release as one SQLite database (``evkonyv.sqlite``), for a look before a download.

Every published table, with the types of its pandera model (:mod:`evkonyv.schemas.tables`) mapped to
SQLite's so that each value reads back as the Parquet file holds it:

* integers (nullable too) as ``INTEGER``, floats as ``REAL``, booleans as ``INTEGER`` 0/1, text as ``TEXT``;
* dates as ISO 8601 text (``1953-03-14``), which sorts and compares as the dates do;
* lists (``quality_flags``, ``record_ids``) as JSON arrays (``["undated"]``), which SQLite's JSON
  functions read: ``EXISTS (SELECT 1 FROM json_each(quality_flags) WHERE value = 'undated')``.

Keys and links: ``record_id`` is the primary key of the record tables and the timeline, ``article_id``
of ``articles``, (``source_file``, ``line``) of ``source_lines``; each record names its source line by a
foreign key (``source_file``, ``source_line``) → ``source_lines``. Indexes on ``year``, ``month`` and
``article``. Full-text search: an FTS5 index per table over its text, name and description columns
(:data:`SEARCHED`), external content (the text is stored once), tokenised by ``unicode61`` with the
diacritics kept (``Kossuth*`` finds "Kossuthot", ``Gottwald`` finds "Gottwald"; "ő" is not "o").

Built with the standard library's :mod:`sqlite3`: the schema is a few statements, and no package
beyond Python is then needed to write or read the database (``sqlite-utils`` would add a dependency
for what ``CREATE TABLE`` and ``executemany`` do). The same tables give the same bytes: rows go in in
their table's order, in one transaction, without a journal; nothing is ever deleted, so the file has no
free pages to vacuum.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow
import pyarrow.compute as pc

from evkonyv.tables.serialise import to_arrow

DATABASE_FILE = "evkonyv.sqlite"

# The columns each table's full-text index covers.
SEARCHED: dict[str, tuple[str, ...]] = {
    "events": ("text", "context"),
    "births": ("name", "description", "text"),
    "deaths": ("name", "description", "text"),
    "timeline": ("sentence",),
    "quarantine": ("text", "reason"),
}
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "events": ("record_id",),
    "births": ("record_id",),
    "deaths": ("record_id",),
    "timeline": ("record_id",),
    "articles": ("article_id",),
    "source_lines": ("source_file", "line"),
}
# A record's source line: (its columns, the columns of source_lines they name).
SOURCE_LINE_LINK = (("source_file", "source_line"), ("source_file", "line"))
INDEXED = ("year", "month", "article")
_BATCH = 10_000
# SQLite's page cache while the database is written (KiB): the keys' B-trees are filled in the order of
# the rows, not of the keys, and a cache that holds them saves re-reading pages.
CACHE_KIB = 16 * 1024


def sqlite_type(arrow_type: pyarrow.DataType) -> str:
    if pyarrow.types.is_integer(arrow_type) or pyarrow.types.is_boolean(arrow_type):
        return "INTEGER"
    if pyarrow.types.is_floating(arrow_type):
        return "REAL"
    return "TEXT"  # text, ISO dates, JSON lists


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_statements(name: str, schema: pyarrow.Schema) -> list[str]:
    """``CREATE`` statements of one table: columns, keys, link, then its indexes (made once its rows are in;
    the full-text index apart)."""
    columns = [f"{_quote(field.name)} {sqlite_type(field.type)}{'' if field.nullable else ' NOT NULL'}" for field in schema]
    key = PRIMARY_KEYS.get(name)
    if key:
        columns.append(f"PRIMARY KEY ({', '.join(map(_quote, key))})")
    own, theirs = SOURCE_LINE_LINK
    if name != "source_lines" and all(column in schema.names for column in own):
        columns.append(f"FOREIGN KEY ({', '.join(map(_quote, own))}) REFERENCES source_lines ({', '.join(map(_quote, theirs))})")
    statements = [f"CREATE TABLE {_quote(name)} (\n  " + ",\n  ".join(columns) + "\n)"]
    statements += [
        f"CREATE INDEX {_quote(f'{name}_{column}')} ON {_quote(name)} ({_quote(column)})"
        for column in INDEXED
        if column in schema.names
    ]
    return statements


def _column_values(column: pyarrow.ChunkedArray) -> list[Any]:
    """A column's values as SQLite takes them."""
    kind = column.type
    if pyarrow.types.is_date(kind):
        column = pc.cast(column, pyarrow.string())
    elif pyarrow.types.is_list(kind):
        column = json_lists(column)
    elif pyarrow.types.is_boolean(kind):
        column = pc.cast(column, pyarrow.int8())
    values: list[Any] = column.to_pylist()
    return values


def json_lists(column: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
    """A list-of-text column as compact JSON arrays, column-wise: what ``json.dumps(items,
    ensure_ascii=False, separators=(",", ":"))`` writes (items quoted, backslash and quote escaped)."""
    pieces = []
    for chunk in column.chunks:
        chunk = chunk.cast(pyarrow.list_(pyarrow.string()))
        values = chunk.flatten()  # (of this chunk's rows, a slice too)
        for character, escaped in (("\\", "\\\\"), ('"', '\\"')):
            values = pc.replace_substring(values, character, escaped)
        if pc.any(pc.match_substring_regex(values, r"[\x00-\x1f]")).as_py():  # (rare: left to the json module)
            pieces.append(pyarrow.array([None if v is None else _json(v) for v in chunk.to_pylist()], pyarrow.string()))
            continue
        offsets = pc.subtract(chunk.offsets, chunk.offsets[0])
        rebuilt = pyarrow.ListArray.from_arrays(offsets, values, mask=chunk.is_null())
        joined = pc.binary_join(rebuilt, '","')
        empty = pc.equal(pc.list_value_length(rebuilt), 0)
        pieces.append(pc.if_else(empty, "[]", pc.binary_join_element_wise('["', joined, '"]', "")))
    return pyarrow.chunked_array(pieces, pyarrow.string())


def _json(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def _rows(table: pyarrow.Table) -> Iterator[list[tuple[Any, ...]]]:
    for start in range(0, table.num_rows, _BATCH):
        piece = table.slice(start, _BATCH)
        yield list(zip(*(_column_values(column) for column in piece.columns), strict=True))


def write_database(path: Path, tables: Mapping[str, pd.DataFrame]) -> None:
    """Write the tables (validated frames, by name) into a new SQLite file at ``path``; a file system that
    fills up is an :class:`OSError` (``ENOSPC``) naming the file, as for the release's other files."""
    try:
        _write(path, tables)
    except sqlite3.OperationalError as error:
        full = "full" in str(error)
        raise OSError(
            errno.ENOSPC if full else errno.EIO, os.strerror(errno.ENOSPC) if full else str(error), str(path)
        ) from error


def _write(path: Path, tables: Mapping[str, pd.DataFrame]) -> None:
    if path.exists():
        path.unlink()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA page_size = 4096")
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        connection.execute("BEGIN")
        order = sorted(tables, key=lambda name: name != "source_lines")  # the linked-to table first
        for name in order:
            table = to_arrow(name, tables[name])
            create, *indexes = schema_statements(name, table.schema)
            connection.execute(create)
            marks = ", ".join("?" * table.num_columns)
            insert = f"INSERT INTO {_quote(name)} VALUES ({marks})"
            for rows in _rows(table):
                connection.executemany(insert, rows)
            for statement in indexes:
                connection.execute(statement)
            if name in SEARCHED:
                _full_text_index(connection, name, SEARCHED[name])
        connection.execute("COMMIT")
    finally:
        connection.close()


def _full_text_index(connection: sqlite3.Connection, name: str, columns: tuple[str, ...]) -> None:
    index = _quote(f"{name}_fts")
    listed = ", ".join(map(_quote, columns))
    connection.execute(
        f"CREATE VIRTUAL TABLE {index} USING fts5({listed}, content={_quote(name)}, tokenize = 'unicode61 remove_diacritics 0')"
    )
    connection.execute(f"INSERT INTO {index} (rowid, {listed}) SELECT rowid, {listed} FROM {_quote(name)} ORDER BY rowid")


def read_table(path: Path, name: str) -> list[tuple[Any, ...]]:
    """A table's rows as stored, in their order (for checks and tests)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return connection.execute(f"SELECT * FROM {_quote(name)} ORDER BY rowid").fetchall()
    finally:
        connection.close()
