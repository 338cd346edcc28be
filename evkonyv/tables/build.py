"""Building the published tables (pandas DataFrames) from parse results.

Each table is built column by column: one ``operator.attrgetter`` (a C function) mapped over the
records per column, no row dicts and no per-value Python function for the plain fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

import pandas as pd
import pandera.pandas as pa

from evkonyv.parsing.parse import ParseResult
from evkonyv.schemas.arrow import column_names
from evkonyv.schemas.tables import RECORD_TABLES, TABLES

Getter = Callable[[Any], Any]


def _frame(model: type[pa.DataFrameModel], data: dict[str, list[Any]]) -> pd.DataFrame:
    columns = column_names(model)
    frame = pd.DataFrame({name: data[name] for name in columns}, columns=columns)
    dtypes = {name: column.dtype.type for name, column in model.to_schema().columns.items()}
    return frame.astype({name: dtype for name, dtype in dtypes.items() if str(dtype) != "object"})


def _columns(model: type[pa.DataFrameModel], items: Sequence[Any], getters: dict[str, Getter]) -> pd.DataFrame:
    """The table of ``model`` with each column read from ``items`` by its getter."""
    return _frame(model, {name: list(map(getters[name], items)) for name in column_names(model)})


def _rows(model: type[pa.DataFrameModel], rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """The table of ``model`` from row dicts (for the small tables)."""
    data: dict[str, list[Any]] = {name: [] for name in column_names(model)}
    for row in rows:
        for name, values in data.items():
            values.append(row.get(name))
    return _frame(model, data)


def _flag_list(item: Any) -> list[str]:
    return list(item.quality_flags)


_DATE_COLUMNS: dict[str, Getter] = {
    "year": attrgetter("date.year"),
    "month": attrgetter("date.month"),
    "day": attrgetter("date.day"),
    "end_year": attrgetter("date.end_year"),
    "end_month": attrgetter("date.end_month"),
    "end_day": attrgetter("date.end_day"),
    "date_precision": attrgetter("date.precision"),
    "date_earliest": attrgetter("date.earliest"),
    "date_latest": attrgetter("date.latest"),
    "date_text": attrgetter("date.text"),
    "quality_flags": _flag_list,
}
_PLAIN = ("record_id", "article", "text", "context", "source_file", "source_line", "source_segment", "likely_repeat_of",
          "name", "description", "date_basis", "date_relation", "attributive", "sentence", "char_start", "char_end")  # fmt: skip


def _record_getters(kind: str) -> dict[str, Getter]:
    other = "death" if kind == "birth" else "birth"
    return {
        **{name: attrgetter(name) for name in _PLAIN},
        **_DATE_COLUMNS,
        f"{other}_year": attrgetter("other_year"),
        f"{other}_month": attrgetter("other_month"),
        f"{other}_day": attrgetter("other_day"),
    }


def _encoding_of(encodings: dict[str, dict[str, Any]], key: str) -> Getter:
    """A line's file's ``key`` (source_encoding or encoding_uncertain)."""

    def get(role: Any) -> Any:
        return encodings[role.source_file][key]

    return get


def build_tables(result: ParseResult) -> dict[str, pd.DataFrame]:
    tables = {
        table: _columns(TABLES[table], result.records_of(kind), _record_getters(kind)) for kind, table in RECORD_TABLES.items()
    }
    tables["timeline"] = _columns(TABLES["timeline"], result.timeline, {**{n: attrgetter(n) for n in _PLAIN}, **_DATE_COLUMNS})
    duplicate_of = {duplicate.article_id: duplicate for duplicate in result.duplicates}
    encodings = {
        source.name: {"source_encoding": source.encoding, "encoding_uncertain": source.encoding_uncertain}
        for source in result.sources
    }
    tables["articles"] = _rows(
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
    # LineRole and Quarantined have the columns of their tables (the encodings come from their file)
    line_getters: dict[str, Getter] = {
        name: attrgetter(name) for name in ("source_file", "line", "article", "role", "reason", "record_ids")
    }
    for key in ("source_encoding", "encoding_uncertain"):
        line_getters[key] = _encoding_of(encodings, key)
    tables["source_lines"] = _columns(TABLES["source_lines"], result.roles, line_getters)
    quarantine_getters: dict[str, Getter] = {
        name: attrgetter(name) for name in ("source_file", "source_line", "source_segment", "article", "reason", "text")
    }
    tables["quarantine"] = _columns(TABLES["quarantine"], result.quarantined, quarantine_getters)
    return tables
