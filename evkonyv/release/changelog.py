"""What changed against the previous release: records by record_id, and the schema."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

RECORD_TABLES = ("events", "births", "deaths", "timeline")  # tables of rows with a record_id, compared by it
ADDED_LATER = ("timeline",)  # tables a release from before 1.1.0 does not have
PROVENANCE = ("source_file", "source_line", "source_segment", "char_start", "char_end")
FIRST_VERSION = "1.0.0"
MAX_LISTED = 200


@dataclass
class RecordDiff:
    added: list[tuple[str, str, str]] = field(default_factory=list)  # table, record_id, where
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, str, str]] = field(default_factory=list)  # table, new id, old id, where
    moved: int = 0  # same record, other line

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.moved)


def _plain(value: Any) -> Any:
    if isinstance(value, list | tuple | np.ndarray):
        return tuple(value)
    if isinstance(value, np.generic):
        value = value.item()
    return None if pd.isna(value) else value


def _rows(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {row["record_id"]: {k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")}


def _where(row: Mapping[str, Any]) -> str:
    where = f"{row['source_file']}:{row['source_line']}"
    if row.get("source_segment"):
        where += f"#{row['source_segment']}"
    if row.get("char_start") is not None:
        where += f"@{row['char_start']}"  # a timeline row: its place in the line
    return where


def diff_records(previous: Mapping[str, pd.DataFrame], current: Mapping[str, pd.DataFrame]) -> RecordDiff:
    """Records added, removed and changed, by record_id.

    An edited line gives its record a new id: a removed and an added record at the same
    source position are reported as one changed record (old id → new id).
    """
    diff = RecordDiff()
    for table in RECORD_TABLES:
        old, new = _rows(previous.get(table, pd.DataFrame(columns=["record_id"]))), _rows(current[table])
        removed = {rid: row for rid, row in old.items() if rid not in new}
        added = {rid: row for rid, row in new.items() if rid not in old}
        removed_at = {_where(row): rid for rid, row in removed.items()}
        for rid, row in sorted(added.items(), key=lambda item: (item[1]["source_file"], item[1]["source_line"])):
            old_id = removed_at.pop(_where(row), None)
            if old_id is None:
                diff.added.append((table, rid, _where(row)))
            else:
                del removed[old_id]
                diff.changed.append((table, rid, old_id, _where(row)))
        diff.removed.extend((table, rid, _where(row)) for rid, row in sorted(removed.items()))
        for rid in sorted(old.keys() & new.keys()):
            before = {k: v for k, v in old[rid].items() if k not in PROVENANCE}
            after = {k: v for k, v in new[rid].items() if k not in PROVENANCE}
            if before != after:
                diff.changed.append((table, rid, rid, _where(new[rid])))
            elif _where(old[rid]) != _where(new[rid]):
                diff.moved += 1
    return diff


def schema_changes(
    previous: Mapping[str, Mapping[str, str]], current: Mapping[str, Mapping[str, str]]
) -> tuple[str | None, list[str]]:
    """(level, lines): level "major" for a removed or retyped column, "minor" for additions."""
    lines: list[str] = []
    level: str | None = None
    for table in sorted(previous.keys() | current.keys()):
        before, after = previous.get(table, {}), current.get(table, {})
        for column in sorted(before.keys() - after.keys()):
            lines.append(f"{table}: column {column} removed")
            level = "major"
        for column in sorted(before.keys() & after.keys()):
            if before[column] != after[column]:
                lines.append(f"{table}: column {column} changed type {before[column]} → {after[column]}")
                level = "major"
        for column in sorted(after.keys() - before.keys()):
            lines.append(f"{table}: column {column} added")
            level = level or "minor"
    return level, lines


def next_version(previous: str, level: str | None) -> str:
    major, minor, patch = (int(part) for part in previous.split("."))
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def entry(version: str, previous_version: str | None, diff: RecordDiff | None, schema_lines: list[str]) -> str:
    if previous_version is None or diff is None:
        return f"## {version}\n\nFirst release: no earlier release was found in the output folder.\n"
    lines = [
        f"## {version}",
        "",
        f"Compared with {previous_version}: {len(diff.added)} records added, {len(diff.removed)} removed, "
        f"{len(diff.changed)} changed, {diff.moved} moved to another source line.",
        "",
        "Schema: " + ("; ".join(schema_lines) if schema_lines else "no change") + ".",
    ]
    for title, header, rows in (
        ("Changed", "| table | record_id | was | source |", [(t, _code(new), _code(old), w) for t, new, old, w in diff.changed]),
        ("Added", "| table | record_id | source |", [(t, _code(rid), w) for t, rid, w in diff.added]),
        ("Removed", "| table | record_id | source |", [(t, _code(rid), w) for t, rid, w in diff.removed]),
    ):
        if rows:
            separator = "|---" * header.count(" | ") + "|---|"
            lines += ["", f"### {title}", "", header, separator]
            lines += ["| " + " | ".join(row) + " |" for row in rows[:MAX_LISTED]]
            if len(rows) > MAX_LISTED:
                lines.append(f"\n… and {len(rows) - MAX_LISTED} more.")
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    return f"`{text}`"


def changelog(new_entry: str, previous_changelog: str | None) -> str:
    older = ""
    if previous_changelog:
        older = (
            previous_changelog.split("\n", 1)[1].lstrip("\n")
            if previous_changelog.startswith("# Changelog")
            else previous_changelog
        )
    return "# Changelog\n\n" + new_entry + ("\n" + older if older else "")
