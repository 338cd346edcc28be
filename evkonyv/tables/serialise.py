"""Serialising the tables: Parquet for every table, CSV for the record tables, as bytes.

Takes validated pandas tables, gives file contents by name; writes nothing. The Arrow schema
of each table (types, field descriptions) comes from its pandera model. The same tables give
the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pandas as pd
import pyarrow
import pyarrow.compute
import pyarrow.csv
import pyarrow.parquet

from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import CSV_TABLES, TABLES

# CSV has no list type: a list cell is written as its items joined by this.
CSV_LIST_SEPARATOR = ";"
# A spreadsheet runs a cell starting with one of these as a formula; such a CSV cell
# gets a leading apostrophe (shown by spreadsheets, not run). Parquet keeps the text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_arrow(name: str, frame: pd.DataFrame) -> pyarrow.Table:
    schema = arrow_schema(TABLES[name])
    # one chunk per column whatever the frame's columns hold, so that the same rows give the same bytes
    # (a Parquet dictionary that overflows falls back to plain pages at a point that depends on the chunks)
    table = pyarrow.Table.from_pandas(frame, schema=schema, preserve_index=False).combine_chunks()
    # Keep pandas' metadata (it restores nullable integer dtypes on read) beside ours.
    return table.replace_schema_metadata({**(table.schema.metadata or {}), **(schema.metadata or {})})


def csv_table(table: pyarrow.Table) -> pyarrow.Table:
    """The table as written to CSV: lists joined, formula-like text neutralised (vectorised)."""
    formula = "^[" + re.escape("".join(FORMULA_STARTS)) + "]"
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        if pyarrow.types.is_list(field.type):
            column = pyarrow.compute.binary_join(column, CSV_LIST_SEPARATOR)
        if pyarrow.types.is_string(column.type):
            risky = pyarrow.compute.fill_null(pyarrow.compute.match_substring_regex(column, formula), False)
            if pyarrow.compute.any(risky).as_py():  # (rare: a column is copied only when a cell needs it)
                column = pyarrow.compute.if_else(risky, pyarrow.compute.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pyarrow.table(columns, names=table.column_names)


def table_files(tables: Mapping[str, pd.DataFrame]) -> dict[str, bytes]:
    """Parquet for every table, CSV for the record tables, as bytes by file name."""
    return {name: content.to_pybytes() for name, content in iter_table_files(tables)}


def iter_table_files(tables: Mapping[str, pd.DataFrame]) -> Iterator[tuple[str, pyarrow.Buffer]]:
    """The files of :func:`table_files` one at a time, each made when asked for: (name, content), the
    content as the Arrow buffer it was written to (readable as bytes without a copy)."""
    for name, frame in tables.items():
        table = to_arrow(name, frame)
        sink = pyarrow.BufferOutputStream()
        pyarrow.parquet.write_table(table, sink, compression="zstd")
        yield f"{name}.parquet", sink.getvalue()
        if name in CSV_TABLES:
            sink = pyarrow.BufferOutputStream()
            options = pyarrow.csv.WriteOptions(include_header=True, delimiter=",", eol="\r\n")
            pyarrow.csv.write_csv(csv_table(table), sink, write_options=options)
            yield f"{name}.csv", sink.getvalue()
