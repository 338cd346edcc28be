"""Serialising the tables: Parquet for every table, CSV for the record tables, as bytes.

Takes validated pandas tables; gives file contents by name, or writes each file to a sink it is handed. The Arrow schema
of each table (types, field descriptions) comes from its pandera model. The same tables give
the same bytes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

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
    files = {}
    for name, write in iter_table_files(tables):
        sink = pyarrow.BufferOutputStream()
        write(sink)
        files[name] = sink.getvalue().to_pybytes()
    return files


# Writes a file's bytes to a sink: a binary file object (anything with ``write``) or an Arrow output stream.
Writer = Callable[[Any], None]


def iter_table_files(tables: Mapping[str, pd.DataFrame]) -> Iterator[tuple[str, Writer]]:
    """The files of :func:`table_files` one at a time: (name, the function that writes it to a sink). A
    table is converted to Arrow once for its files, and each file is streamed to its sink as Arrow
    writes it: no file's bytes are held whole (a CSV is several times its Parquet)."""
    for name, frame in tables.items():
        table = to_arrow(name, frame)
        yield f"{name}.parquet", functools.partial(_write_parquet, table)
        if name in CSV_TABLES:
            yield f"{name}.csv", functools.partial(_write_csv, table)
        del table


def _write_parquet(table: pyarrow.Table, sink: Any) -> None:
    pyarrow.parquet.write_table(table, sink, compression="zstd")


def _write_csv(table: pyarrow.Table, sink: Any) -> None:
    options = pyarrow.csv.WriteOptions(include_header=True, delimiter=",", eol="\r\n")
    pyarrow.csv.write_csv(csv_table(table), sink, write_options=options)
