"""Arrow schemas derived from the pandera models, with each column's description."""

from __future__ import annotations

import functools

import pandera.pandas as pa
import pyarrow

_BY_PANDAS_DTYPE: dict[str, pyarrow.DataType] = {
    "string": pyarrow.string(),
    "string[pyarrow]": pyarrow.string(),
    "string[python]": pyarrow.string(),
    "Int8": pyarrow.int8(),
    "Int16": pyarrow.int16(),
    "Int32": pyarrow.int32(),
    "Int64": pyarrow.int64(),
    "Float64": pyarrow.float64(),
    "boolean": pyarrow.bool_(),
    "bool": pyarrow.bool_(),
}
_BY_NAME: dict[str, pyarrow.DataType] = {
    "date32": pyarrow.date32(),
    "list<string>": pyarrow.list_(pyarrow.string()),
}


@functools.cache  # (an Arrow schema is immutable; building one from its model costs ~100 µs, once per table of a file)
def arrow_schema(model: type[pa.DataFrameModel]) -> pyarrow.Schema:
    schema = model.to_schema()
    fields = []
    for name, column in schema.columns.items():
        declared = (column.metadata or {}).get("arrow")
        arrow_type = _BY_NAME[declared] if declared else _BY_PANDAS_DTYPE[str(column.dtype)]
        metadata = {"description": column.description or ""}
        fields.append(pyarrow.field(name, arrow_type, nullable=column.nullable, metadata=metadata))
    return pyarrow.schema(fields, metadata={"description": (model.__doc__ or "").strip()})
