"""Writing the release: Parquet for every table, CSV for the record tables.

Files are written into a staging folder beside the output folder and moved into
place only once all of them are written, so a failed run leaves the previous
release as it was. Output is deterministic: the same tables give the same bytes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.csv
import pyarrow.parquet

from evkonyv.errors import EvkonyvError
from schemas.arrow import arrow_schema
from schemas.tables import CSV_TABLES, TABLES

# CSV has no list type: a list cell is written as its items joined by this.
CSV_LIST_SEPARATOR = ";"


def to_arrow(name: str, frame: pd.DataFrame) -> pyarrow.Table:
    schema = arrow_schema(TABLES[name])
    table = pyarrow.Table.from_pandas(frame, schema=schema, preserve_index=False)
    # Keep pandas' metadata (it restores nullable integer dtypes on read) beside ours.
    return table.replace_schema_metadata({**(table.schema.metadata or {}), **(schema.metadata or {})})


def _csv_ready(table: pyarrow.Table) -> pyarrow.Table:
    columns = []
    for field, column in zip(table.schema, table.columns, strict=False):
        if pyarrow.types.is_list(field.type):
            joined = pyarrow.array(
                [None if items is None else CSV_LIST_SEPARATOR.join(items) for items in column.to_pylist()],
                type=pyarrow.string(),
            )
            columns.append(joined)
        else:
            columns.append(column)
    return pyarrow.table(columns, names=table.column_names)


def write_release(tables: dict[str, pd.DataFrame], output: Path) -> list[Path]:
    """Write every table into ``output`` all-or-nothing; return the files written."""
    output = output.resolve()
    try:
        output.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.staging-", dir=output.parent))
    except OSError as error:
        raise EvkonyvError(f"{output}: cannot write the output folder ({error.strerror or error})") from error
    try:
        written = []
        for name, frame in tables.items():
            table = to_arrow(name, frame)
            pyarrow.parquet.write_table(table, staging / f"{name}.parquet", compression="zstd")
            written.append(f"{name}.parquet")
            if name in CSV_TABLES:
                pyarrow.csv.write_csv(
                    _csv_ready(table),
                    staging / f"{name}.csv",
                    write_options=pyarrow.csv.WriteOptions(include_header=True, delimiter=",", eol="\r\n"),
                )
                written.append(f"{name}.csv")
        for file_name in written:
            os.replace(staging / file_name, output / file_name)
        return [output / file_name for file_name in written]
    except OSError as error:
        raise EvkonyvError(f"{output}: cannot write the release ({error.strerror or error})") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
