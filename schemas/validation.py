"""Lazy validation of every table, with a readable report of the failing rows."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pandera.errors
from evkonyv.schemas.tables import RECORD_TABLES, TABLES

from evkonyv.errors import InvariantBroken, ValidationFailed
from evkonyv.parsing.accounting import check_accounting

MAX_ROWS_PER_CHECK = 10
_LOCATING_COLUMNS = ("record_id", "article_id", "source_file", "source_line", "line")


def validate_tables(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Validate all tables against their models; raise one error listing every failure."""
    validated: dict[str, pd.DataFrame] = {}
    reports: list[str] = []
    failures = 0
    for name, frame in tables.items():
        try:
            validated[name] = TABLES[name].validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as error:
            failures += len(error.failure_cases)
            reports.append(failure_report(name, frame, error.failure_cases))
        except pandera.errors.SchemaError as error:
            failures += 1
            reports.append(f"{name}: {error}")
    if reports:
        report = "\n\n".join(reports)
        raise ValidationFailed(
            f"validation failed: {failures} failing checks in {len(reports)} table(s); nothing was published", report
        )
    return validated


def failure_report(table: str, frame: pd.DataFrame, cases: pd.DataFrame) -> str:
    """One block per failing check, with the failing rows located in the raw files."""
    lines = [f"table {table}:"]
    cases = cases.assign(
        scope=[
            f"column {column}" if context == "Column" else "rows"
            for column, context in zip(cases["column"], cases["schema_context"], strict=False)
        ]
    )
    for (scope, check), group in cases.groupby(["scope", "check"], sort=True):
        rows = group.drop_duplicates("index") if scope == "rows" else group
        lines.append(f"  {scope} fail {check} ({len(rows)} rows)")
        for _, case in rows.head(MAX_ROWS_PER_CHECK).iterrows():
            value = "" if scope == "rows" else f"value {case['failure_case']!r} "
            lines.append(f"    {value}at {_locate(frame, case['index'])}")
    return "\n".join(lines)


def _locate(frame: pd.DataFrame, index: object) -> str:
    if index is None or pd.isna(index) or index not in frame.index:
        return "table level"
    row = frame.loc[index]
    return ", ".join(f"{column}={row[column]}" for column in _LOCATING_COLUMNS if column in frame.columns)


def check_tables(tables: Mapping[str, pd.DataFrame], line_counts: Mapping[str, int]) -> None:
    """The invariant on the tables as they will be published."""
    lines = tables["source_lines"]
    published = set().union(*(set(tables[name]["record_id"]) for name in (*RECORD_TABLES.values(), "timeline")))
    quarantine = tables["quarantine"]
    check_accounting(
        line_counts,
        zip(lines["source_file"], lines["line"].astype(int), lines["role"], lines["record_ids"], strict=True),
        published,
        set(zip(quarantine["source_file"], quarantine["source_line"].astype(int), strict=True)),
    )
    recorded = set().union(*(set(ids) for ids in lines["record_ids"]))
    if published - recorded:
        raise InvariantBroken(f"record {sorted(published - recorded)[0]} is not named by any source line")
