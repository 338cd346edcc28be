"""Building the published tables (pandas DataFrames) from parse results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

import pandas as pd
import pandera.pandas as pa

from evkonyv.parsing.parse import ParseResult
from evkonyv.parsing.records import Record
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.schemas.arrow import column_names
from evkonyv.schemas.tables import RECORD_TABLES, TABLES


def _frame(model: type[pa.DataFrameModel], rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    columns = column_names(model)
    data: dict[str, list[Any]] = {name: [] for name in columns}
    for row in rows:  # column by column: one row dict alive at a time, not a list of them
        for name in columns:
            data[name].append(row.get(name))
    frame = pd.DataFrame(data, columns=columns)
    dtypes = {name: column.dtype.type for name, column in model.to_schema().columns.items()}
    return frame.astype({name: dtype for name, dtype in dtypes.items() if str(dtype) != "object"})


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields_of(item: Any) -> dict[str, Any]:
    """A flat dataclass's fields by name: what ``dataclasses.asdict`` gives it, without its deep copy."""
    names = _FIELD_NAMES.get(type(item))
    if names is None:
        names = _FIELD_NAMES[type(item)] = tuple(field.name for field in fields(item))
    return {name: getattr(item, name) for name in names}


def _record_row(record: Record) -> dict[str, Any]:
    date = record.date
    row: dict[str, Any] = {
        "record_id": record.record_id,
        "article": record.article,
        "year": date.year,
        "month": date.month,
        "day": date.day,
        "end_year": date.end_year,
        "end_month": date.end_month,
        "end_day": date.end_day,
        "date_precision": date.precision,
        "date_earliest": date.earliest,
        "date_latest": date.latest,
        "date_text": date.text,
        "text": record.text,
        "context": record.context,
        "source_file": record.source_file,
        "source_line": record.source_line,
        "source_segment": record.source_segment,
        "quality_flags": list(record.quality_flags),
    }
    if record.kind == "event":
        row["likely_repeat_of"] = record.likely_repeat_of
    else:
        row["name"] = record.name
        row["description"] = record.description
        other = "death" if record.kind == "birth" else "birth"
        row[f"{other}_year"] = record.other_year
        row[f"{other}_month"] = record.other_month
        row[f"{other}_day"] = record.other_day
    return row


def _timeline_row(entry: TimelineEntry) -> dict[str, Any]:
    date = entry.date
    return {
        "record_id": entry.record_id,
        "article": entry.article,
        "year": date.year,
        "month": date.month,
        "day": date.day,
        "end_year": date.end_year,
        "end_month": date.end_month,
        "end_day": date.end_day,
        "date_precision": date.precision,
        "date_earliest": date.earliest,
        "date_latest": date.latest,
        "date_text": date.text,
        "date_basis": entry.date_basis,
        "date_relation": entry.date_relation,
        "attributive": entry.attributive,
        "sentence": entry.sentence,
        "source_file": entry.source_file,
        "source_line": entry.source_line,
        "char_start": entry.char_start,
        "char_end": entry.char_end,
        "quality_flags": list(entry.quality_flags),
    }


def build_tables(result: ParseResult) -> dict[str, pd.DataFrame]:
    tables = {
        table: _frame(TABLES[table], (_record_row(r) for r in result.records_of(kind))) for kind, table in RECORD_TABLES.items()
    }
    tables["timeline"] = _frame(TABLES["timeline"], (_timeline_row(entry) for entry in result.timeline))
    duplicate_of = {duplicate.article_id: duplicate for duplicate in result.duplicates}
    encodings = {
        source.name: {"source_encoding": source.encoding, "encoding_uncertain": source.encoding_uncertain}
        for source in result.sources
    }
    tables["articles"] = _frame(
        TABLES["articles"],
        (
            {
                "article_id": article.article_id,
                "title": article.title,
                "kind": article.kind,
                "year": article.year,
                "source_file": article.source_file,
                "first_line": article.first_line,
                "last_line": article.last_line,
                "sha256": article.sha256,
                "duplicate_of": duplicate.original_id if (duplicate := duplicate_of.get(article.article_id)) else None,
                "duplicate_kind": duplicate.kind if duplicate else None,
                "similarity": duplicate.similarity if duplicate else None,
                "complete": article.complete,
                **encodings[article.source_file],
            }
            for article in result.articles
        ),
    )
    # LineRole and Quarantined have the columns of their tables, in order
    tables["source_lines"] = _frame(
        TABLES["source_lines"], ({**_fields_of(role), **encodings[role.source_file]} for role in result.roles)
    )
    tables["quarantine"] = _frame(TABLES["quarantine"], (_fields_of(q) for q in result.quarantined))
    return tables
