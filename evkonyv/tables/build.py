"""Building the published tables from parse results: Arrow columns first, pandas frames last.

A file's records, timeline rows, line roles and quarantine rows become Arrow tables of the published
schemas as soon as the file is parsed (:mod:`evkonyv.tables.parts`), so that no object per line or
record outlives its file; the whole run's tables are those parts concatenated, and turned into pandas
frames (the types of the pandera models) only for validation. Each column is read from the objects by
one ``operator.attrgetter`` (a C function) and converted by Arrow in one call: no row dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from evkonyv.parsing.articles import Article, Duplicate
from evkonyv.parsing.records import LineRole, Quarantined, Record
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.reading.sources import SourceText
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import RECORD_TABLES, TABLES
from evkonyv.tables.memory import trim_freed_memory

Getter = Callable[[Any], Any]

# The tables of the parse (all but ``articles``), in the order they are published.
PARSED_TABLES: tuple[str, ...] = (*RECORD_TABLES.values(), "timeline", "source_lines", "quarantine")
# The pandas type of each Arrow type of the schemas: pandas' Arrow-backed strings, nullable numbers and
# booleans; dates and lists stay Python objects (``object`` columns: dates, and tuples of strings), as the models declare.
_PANDAS_TYPES: dict[pyarrow.DataType, Any] = {
    pyarrow.string(): pd.StringDtype("pyarrow", na_value=np.nan),
    pyarrow.int8(): pd.Int8Dtype(),
    pyarrow.int32(): pd.Int32Dtype(),
    pyarrow.bool_(): pd.BooleanDtype(),
    pyarrow.float64(): pd.Float64Dtype(),
}


@dataclass(frozen=True)
class SourceSummary:
    """What the tables keep of a raw file once it is parsed: not its lines."""

    name: str
    sha256: str
    encoding: str
    encoding_uncertain: bool
    line_count: int

    @classmethod
    def of(cls, source: SourceText) -> SourceSummary:
        return cls(source.name, source.sha256, source.encoding, source.encoding_uncertain, len(source.lines))


@dataclass
class ParsedTables:
    """A parse result as columns: the tables of :data:`PARSED_TABLES` as Arrow tables of their published
    schemas, and the (few) articles (without their lines), duplicates and files they come from."""

    sources: list[SourceSummary]
    articles: list[Article]
    duplicates: list[Duplicate]
    parts: dict[str, pyarrow.Table]


# The columns a row (a line role, an article) takes from its file: how the file was read.
_ENCODING_COLUMNS = ("source_encoding", "encoding_uncertain")


def _arrow(
    name: str, items: Sequence[Any], getters: Mapping[str, Getter], sources: Iterable[SourceSummary] = ()
) -> pyarrow.Table:
    """The rows ``items`` as a table of ``name``'s schema, each column read by its getter; the columns
    that say how a row's file was read (:data:`_ENCODING_COLUMNS`) are looked up in ``sources`` by the
    row's ``source_file``, column-wise."""
    schema = arrow_schema(TABLES[name])
    if not items:  # (most tables of a small file: no column to build)
        return schema.empty_table()
    columns = {
        field.name: pyarrow.array(list(map(getters[field.name], items)), type=field.type)
        for field in schema
        if field.name not in _ENCODING_COLUMNS
    }
    if _ENCODING_COLUMNS[0] in schema.names:
        files = list({source.name: source for source in sources}.values())
        rows = pc.index_in(columns["source_file"], value_set=pyarrow.array([file.name for file in files], pyarrow.string()))
        if rows.null_count:
            raise KeyError(f"{name}: rows of a file that is not among the files read")
        for column, read in zip(_ENCODING_COLUMNS, (attrgetter("encoding"), attrgetter("encoding_uncertain")), strict=True):
            columns[column] = pyarrow.array(list(map(read, files)), type=schema.field(column).type).take(rows)
    return pyarrow.Table.from_arrays([columns[field.name] for field in schema], schema=schema)


# The date columns of a dated table (a record, a timeline row), by the attribute of the row's date they hold.
DATE_COLUMNS: dict[str, str] = {
    "year": "year", "month": "month", "day": "day", "end_year": "end_year", "end_month": "end_month",
    "end_day": "end_day", "date_precision": "precision", "date_earliest": "earliest", "date_latest": "latest",
    "date_text": "text",
}  # fmt: skip
_DATE_GETTERS: dict[str, Getter] = {column: attrgetter(f"date.{part}") for column, part in DATE_COLUMNS.items()}


def column_getters(
    table: str, carrier: type, renamed: Mapping[str, str] | None = None, *, dated: bool = False, skipped: Iterable[str] = ()
) -> dict[str, Getter]:
    """How each column of ``table`` (its schema, the one declaration of its columns) is read from a parse
    object of class ``carrier``: from the attribute of the same name, the date columns from its date when
    it is ``dated`` (a record, a timeline row), and a column of ``renamed`` from the attribute named there.
    ``skipped``: the columns the caller reads otherwise. A column with no attribute to read it from is an
    error when the module is imported, naming the column and the class that must carry it."""
    renamed, dates = renamed or {}, _DATE_GETTERS if dated else {}
    names = [name for name in arrow_schema(TABLES[table]).names if name not in _ENCODING_COLUMNS and name not in skipped]
    missing = [name for name in names if name not in dates and not hasattr(carrier, renamed.get(name, name))]
    if missing:
        raise TypeError(
            f"the {table} table's columns {missing} (declared in evkonyv/schemas/tables.py) have no attribute of "
            f"{carrier.__module__}.{carrier.__qualname__} to be read from: add it there, named as the column"
        )
    return {name: dates.get(name) or attrgetter(renamed.get(name, name)) for name in names}


def _record_getters(kind: str) -> dict[str, Getter]:
    """A record table's getters: a birth's death year (a death's birth year) is the record's other year."""
    other = "death" if kind == "birth" else "birth"
    return column_getters(
        RECORD_TABLES[kind], Record, {f"{other}_{part}": f"other_{part}" for part in ("year", "month", "day")}, dated=True
    )


_TIMELINE_GETTERS = column_getters("timeline", TimelineEntry, dated=True)
_LINE_GETTERS = column_getters("source_lines", LineRole)
_QUARANTINE_GETTERS = column_getters("quarantine", Quarantined)
_RECORD_GETTERS = {kind: _record_getters(kind) for kind in RECORD_TABLES}


def parsed_parts(
    records: Sequence[Record],
    timeline: Sequence[TimelineEntry],
    roles: Sequence[LineRole],
    quarantined: Sequence[Quarantined],
    sources: Iterable[SourceSummary],
) -> dict[str, pyarrow.Table]:
    """The tables of :data:`PARSED_TABLES` for these parse objects (in the order given)."""
    by_kind: dict[str, list[Record]] = {kind: [] for kind in RECORD_TABLES}
    for record in records:
        by_kind[record.kind].append(record)
    parts = {table: _arrow(table, by_kind[kind], _RECORD_GETTERS[kind]) for kind, table in RECORD_TABLES.items()}
    parts["timeline"] = _arrow("timeline", timeline, _TIMELINE_GETTERS)
    parts["source_lines"] = _arrow("source_lines", roles, _LINE_GETTERS, sources)
    parts["quarantine"] = _arrow("quarantine", quarantined, _QUARANTINE_GETTERS)
    return parts


def _articles(articles: Sequence[Article], duplicates: Sequence[Duplicate], sources: Iterable[SourceSummary]) -> pyarrow.Table:
    duplicate_of = {duplicate.article_id: duplicate for duplicate in duplicates}

    def duplicate(name: str) -> Getter:
        return lambda article: getattr(duplicate_of[article.article_id], name) if article.article_id in duplicate_of else None

    of_duplicate = {
        "duplicate_of": duplicate("original_id"),
        "duplicate_kind": duplicate("kind"),
        "similarity": duplicate("similarity"),
    }
    getters: dict[str, Getter] = {**column_getters("articles", Article, skipped=of_duplicate), **of_duplicate}
    return _arrow("articles", articles, getters, sources)


def _frame(table: pyarrow.Table) -> pd.DataFrame:
    """The table as a pandas frame of its model's types: dates as ``datetime.date`` objects, lists as
    Python tuples (``object`` columns), the rest in pandas' Arrow-backed or nullable types."""
    objects = [field.name for field in table.schema if pyarrow.types.is_list(field.type) or pyarrow.types.is_date(field.type)]
    frame: pd.DataFrame = table.drop_columns(objects).to_pandas(types_mapper=_PANDAS_TYPES.get)
    for name in objects:
        column = table.column(name)
        # (lists converted by pandas would be numpy arrays, each cell an object of its own, then replaced)
        values = shared_dates(column) if pyarrow.types.is_date(column.type) else list_tuples(column)
        frame.insert(table.schema.get_field_index(name), name, pd.Series(values, index=frame.index, dtype=object))
    trim_freed_memory()  # (what converting took, before the next table's frame is made)
    return frame


def list_tuples(column: pyarrow.ChunkedArray) -> list[tuple[str, ...] | None]:
    """A list column as tuples: most cells are empty or hold one item, and the empty tuple is one object
    shared by every empty cell, where each empty list would be one of its own (the flags and the ids of a
    source line are read, never changed, downstream)."""
    array = column.combine_chunks()
    items = pc.list_flatten(array).to_pylist()  # (strings read in one pass, not a list object per cell)
    lengths = pc.list_value_length(array).fill_null(-1).to_numpy(zero_copy_only=False).tolist()
    cells: list[tuple[str, ...] | None] = []
    start = 0
    for length in lengths:
        if length < 0:
            cells.append(None)
        else:
            cells.append(tuple(items[start : start + length]))  # (the empty tuple is one object)
            start += length
    return cells


def shared_dates(column: pyarrow.ChunkedArray) -> np.ndarray:
    """A date column as ``datetime.date`` objects, one object per distinct date (a table's rows share a few
    thousand dates: one object each per row was the larger part of a frame's memory); null as None."""
    encoded = column.combine_chunks().dictionary_encode()
    dates = np.empty(len(encoded.dictionary) + 1, dtype=object)  # the distinct dates, then None for null
    dates[:-1] = encoded.dictionary.to_pandas(date_as_object=True).to_numpy(dtype=object)  # (made in C)
    indices = encoded.indices.fill_null(len(encoded.dictionary)).to_numpy(zero_copy_only=False)
    cells: np.ndarray = dates[indices]
    return cells


def build_tables(tables: ParsedTables) -> dict[str, pd.DataFrame]:
    """The published tables as pandas frames, in their models' column types."""
    frames = {name: _frame(tables.parts[name]) for name in (*RECORD_TABLES.values(), "timeline")}
    frames["articles"] = _frame(_articles(tables.articles, tables.duplicates, tables.sources))
    frames |= {name: _frame(tables.parts[name]) for name in ("source_lines", "quarantine")}
    return frames
