"""Lazy validation of every table, with a readable report of the failing rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd
import pandera.errors
import pyarrow as pa
import pyarrow.compute as pc
from evkonyv.schemas.tables import RECORD_TABLES, TABLES

from evkonyv.errors import InvariantBroken, ValidationFailed
from evkonyv.parsing.accounting import check_accounting
from evkonyv.tables.memory import trim_freed_memory

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
            trim_freed_memory()  # what the checks of a table took goes back before the next table's
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


def _locate(frame: pd.DataFrame, index: Any) -> str:
    if index is None or pd.isna(index) or index not in frame.index:
        return "table level"
    row = frame.loc[index]
    return ", ".join(f"{column}={row[column]}" for column in _LOCATING_COLUMNS if column in frame.columns)


def check_tables(tables: Mapping[str, pd.DataFrame], line_counts: Mapping[str, int]) -> None:
    """The invariant on the tables as they will be published: checked column-wise, and when that
    finds a fault, line by line to name the first line at fault."""
    trim_freed_memory()  # (what validating copied of the frames it was given, before this check's own arrays)
    holds = accounting_holds(tables, line_counts)
    trim_freed_memory()
    if not holds:
        _check_line_by_line(tables, line_counts)


def accounting_holds(tables: Mapping[str, pd.DataFrame], line_counts: Mapping[str, int]) -> bool:
    """Whether every raw line has one role, every record or timeline line names published rows only
    (and every published row is named), every quarantined line has its quarantine row: with Arrow
    and numpy kernels on integer keys (a line is its file's position among the raw files and its
    number), no Python object per line. Each part's arrays go (to the system) before the next part's."""
    lines, quarantine = tables["source_lines"], tables["quarantine"]
    if lines["line"].isna().any() or quarantine["source_line"].isna().any():
        return False
    names = sorted(name for name, count in line_counts.items() if count)  # the files that have lines
    checks: tuple[Callable[[], bool], ...] = (
        lambda: _each_line_once(lines, names, line_counts),
        lambda: _records_named(tables),
        lambda: _quarantined_lines_have_rows(lines, quarantine, names),
    )
    for holds in checks:
        held = holds()
        trim_freed_memory()
        if not held:
            return False
    return True


def _line_keys(files: pd.Series, numbers: pd.Series, names: list[str]) -> np.ndarray:
    """Each line as one integer: its file's position in ``names`` (-1 for another file), and its number."""
    keys: np.ndarray = _file_codes(files, names) << 32 | numbers.to_numpy(dtype=np.int64)
    return keys


def _each_line_once(lines: pd.DataFrame, names: list[str], line_counts: Mapping[str, int]) -> bool:
    """Each line of each file has one row: as many rows as lines in each file, each number from 1 to
    the file's count once."""
    expected = np.array([line_counts[name] for name in names], dtype=np.int64)
    files, numbers = _file_codes(lines["source_file"], names), lines["line"].to_numpy(dtype=np.int64)
    if (files < 0).any() or ((numbers < 1) | (numbers > expected[files])).any():
        return False  # a line of a file without lines, or a number outside its file
    if not np.array_equal(np.bincount(files, minlength=len(names)), expected):
        return False
    keys = np.sort(files << 32 | numbers)
    return not (keys[1:] == keys[:-1]).any()


def _records_named(tables: Mapping[str, pd.DataFrame]) -> bool:
    """Every record or timeline line names a row, every id named is published, every published row named."""
    lines = tables["source_lines"]
    ids = _string_lists(lines["record_ids"])
    lengths = pc.fill_null(pc.list_value_length(ids), 0).to_numpy(zero_copy_only=False)
    if (lengths[lines["role"].isin(("record", "timeline")).to_numpy(dtype=bool)] == 0).any():
        return False
    named = pc.list_flatten(ids)
    published = pa.chunked_array(
        [pa.array(tables[name]["record_id"]).cast(pa.large_string()) for name in (*RECORD_TABLES.values(), "timeline")],
        pa.large_string(),
    )
    # (min_count=0: of no ids at all, all are published; by default Arrow's "all" of nothing is null)
    return bool(
        pc.all(pc.is_in(named, value_set=published), min_count=0).as_py()
        and pc.all(pc.is_in(published, value_set=named), min_count=0).as_py()
    )


def _quarantined_lines_have_rows(lines: pd.DataFrame, quarantine: pd.DataFrame, names: list[str]) -> bool:
    held = lines.loc[(lines["role"] == "quarantine").to_numpy(dtype=bool), ["source_file", "line"]]
    rows = _line_keys(quarantine["source_file"], quarantine["source_line"], names)
    return bool(np.isin(_line_keys(held["source_file"], held["line"], names), rows).all())


def _file_codes(column: pd.Series, names: list[str]) -> np.ndarray:
    """Each row's file as its position in ``names`` (int64), -1 for a file not among them."""
    values = (
        pa.chunked_array([pa.array(column.to_numpy(dtype=object), pa.string())]) if column.dtype == object else pa.array(column)
    )
    codes = pc.index_in(values, value_set=pa.array(names, values.type))
    return np.asarray(pc.fill_null(codes, -1).to_numpy(zero_copy_only=False), dtype=np.int64)


def _string_lists(column: pd.Series) -> pa.Array:
    """A column of lists (or tuples, or arrays) of strings as an Arrow list array, in one pass in C;
    any other kind of value is made a list first. Large strings: the type of the frames' string columns,
    compared with them without a copy of either."""
    try:
        return pa.array(column.to_numpy(dtype=object), pa.list_(pa.large_string()), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array(column.map(list, na_action="ignore"), pa.list_(pa.large_string()))


def _check_line_by_line(tables: Mapping[str, pd.DataFrame], line_counts: Mapping[str, int]) -> None:
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
