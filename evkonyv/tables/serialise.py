"""Serialising the tables: Parquet for every table, CSV for the record tables, as bytes.

Takes validated pandas tables, gives file contents by name; writes nothing. The Arrow schema
of each table (types, field descriptions) comes from its pandera model. The same tables give
the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
            column = pyarrow.compute.if_else(risky, pyarrow.compute.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pyarrow.table(columns, names=table.column_names)


def table_files(tables: Mapping[str, pd.DataFrame]) -> dict[str, bytes]:
    """Parquet for every table, CSV for the record tables, as bytes by file name."""
    files: dict[str, bytes] = {}
    for name, frame in tables.items():
        table = to_arrow(name, frame)
        sink = pyarrow.BufferOutputStream()
        pyarrow.parquet.write_table(table, sink, compression="zstd")
        files[f"{name}.parquet"] = sink.getvalue().to_pybytes()
        if name in CSV_TABLES:
            sink = pyarrow.BufferOutputStream()
            options = pyarrow.csv.WriteOptions(include_header=True, delimiter=",", eol="\r\n")
            pyarrow.csv.write_csv(csv_table(table), sink, write_options=options)
            files[f"{name}.csv"] = sink.getvalue().to_pybytes()
    return files
