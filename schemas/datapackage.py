"""The Frictionless table schemas of the published files, derived from the pandera models."""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa
import pyarrow
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import TABLES


def primary_key(name: str) -> list[str]:
    """A table's primary key: the columns its pandera model declares unique together (``Config.unique``)."""
    return list(TABLES[name].to_schema().unique or [])


# pandera check name → (Frictionless constraint, pandera statistic)
_CONSTRAINTS = {
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
    "isin": ("enum", "allowed_values"),
    "str_matches": ("pattern", "pattern"),
}


def _field_type(arrow_type: pyarrow.DataType, file_format: str) -> str:
    if pyarrow.types.is_integer(arrow_type):
        return "integer"
    if pyarrow.types.is_floating(arrow_type):
        return "number"
    if pyarrow.types.is_boolean(arrow_type):
        return "boolean"
    if pyarrow.types.is_date(arrow_type):
        return "date"
    if pyarrow.types.is_list(arrow_type):
        # CSV joins a list with ";"; Parquet readers hand it over as a native list
        return "string" if file_format == "csv" else "any"
    return "string"


def table_schema(name: str, file_format: str) -> dict[str, Any]:
    model: type[pa.DataFrameModel] = TABLES[name]
    columns = model.to_schema().columns
    fields = []
    for arrow_field in arrow_schema(model):
        column = columns[arrow_field.name]
        field: dict[str, Any] = {
            "name": arrow_field.name,
            "type": _field_type(arrow_field.type, file_format),
            "description": column.description or "",
        }
        constraints: dict[str, Any] = {}
        empty_list_is_blank = file_format == "csv" and pyarrow.types.is_list(arrow_field.type)
        if not column.nullable and not empty_list_is_blank:  # CSV writes an empty list as an empty cell
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        for check in column.checks:
            if check.name in _CONSTRAINTS and check.statistics:
                key, statistic = _CONSTRAINTS[check.name]
                value = check.statistics[statistic]
                constraints[key] = sorted(value) if key == "enum" else value
            elif check.name == "str_length" and check.statistics.get("min_value"):
                constraints["minLength"] = check.statistics["min_value"]
        if file_format == "csv" and "pattern" in constraints:
            del constraints["pattern"]  # CSV cells may carry the formula-neutralising apostrophe
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return {"fields": fields, "primaryKey": primary_key(name), "missingValues": [""]}
