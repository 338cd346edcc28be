"""Building the published tables from parse results: Arrow columns first, pandas frames last.

A file's records, timeline rows, line roles and quarantine rows become Arrow tables of the published
schemas as soon as the file is parsed (:mod:`evkonyv.tables.parts`), so that no object per line or
record outlives its file; the whole run's tables are those parts concatenated, and turned into pandas
frames (the types of the pandera models) only for validation. Each column is read from the objects by
one ``operator.attrgetter`` (a C function) and converted by Arrow in one call: no row dicts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow
import pyarrow.compute as pc

from evkonyv.parsing.articles import Article, Duplicate
from evkonyv.parsing.records import LineRole, Quarantined, Record
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import RECORD_TABLES, TABLES
from evkonyv.tables.columns import (
    PARSED_TABLES,
    Getter,
    ParseSchemas,
    SourceSummary,
    arrow_rows,
    getters_of,
    parsed_columns,
    parsed_getters,
)
from evkonyv.tables.memory import trim_freed_memory

# The pandas type of each Arrow type of the schemas: pandas' Arrow-backed strings, nullable numbers and
# booleans; dates and lists stay Python objects (``object`` columns: dates, and tuples of strings), as the models declare.
_PANDAS_TYPES: dict[pyarrow.DataType, Any] = {
    pyarrow.string(): pd.StringDtype("pyarrow", na_value=np.nan),
    pyarrow.int8(): pd.Int8Dtype(),
    pyarrow.int32(): pd.Int32Dtype(),
    pyarrow.bool_(): pd.BooleanDtype(),
    pyarrow.float64(): pd.Float64Dtype(),
}


@dataclass
class ParsedTables:
    """A parse result as columns: the tables of :data:`PARSED_TABLES` as Arrow tables of their published
    schemas, and the (few) articles (without their lines), duplicates and files they come from."""

    sources: list[SourceSummary]
    articles: list[Article]
    duplicates: list[Duplicate]
    parts: dict[str, pyarrow.Table]


@functools.cache
def parse_schemas() -> ParseSchemas:
    """The parse tables' schemas, from their pandera models (:func:`~evkonyv.schemas.arrow.arrow_schema`):
    one object each for the whole run."""
    return ParseSchemas.of({name: arrow_schema(TABLES[name]) for name in PARSED_TABLES})


def column_getters(
    table: str, carrier: type, renamed: Mapping[str, str] | None = None, *, dated: bool = False, skipped: Iterable[str] = ()
) -> dict[str, Getter]:
    """:func:`~evkonyv.tables.columns.getters_of` the columns of ``table``'s model."""
    return getters_of(arrow_schema(TABLES[table]).names, table, carrier, renamed, dated=dated, skipped=skipped)


# (every parse table's getters made when the module is imported: a column of a model that no attribute
# of its parse object carries is an error at once, not when a file first has such a row)
for _name in PARSED_TABLES:
    parsed_getters(_name, parse_schemas().published[_name])


def parsed_parts(
    records: Sequence[Record],
    timeline: Sequence[TimelineEntry],
    roles: Sequence[LineRole],
    quarantined: Sequence[Quarantined],
    sources: Iterable[SourceSummary],
) -> dict[str, pyarrow.Table]:
    """The tables of :data:`PARSED_TABLES` for these parse objects (in the order given)."""
    return parsed_columns(records, timeline, roles, quarantined, sources, parse_schemas().published)


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
    return arrow_rows(arrow_schema(TABLES["articles"]), "articles", articles, getters, sources)


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
