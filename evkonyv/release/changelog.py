"""What changed against the previous release: records by record_id, and the schema."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from evkonyv.schemas.tables import RECORD_TABLES as TABLE_OF_KIND
from evkonyv.tables.memory import trim_freed_memory

# the tables of rows with a record_id, compared by it: the record tables and the timeline
RECORD_TABLES = (*TABLE_OF_KIND.values(), "timeline")
ADDED_LATER = ("timeline",)  # tables a release from before 1.1.0 does not have
PROVENANCE = ("source_file", "source_line", "source_segment", "char_start", "char_end")
FIRST_VERSION = "1.0.0"
MAX_LISTED = 200
# The previous release's columns are read and compared this many rows at a time (its Parquet file read
# as a stream): a re-run holds a slice of its previous tables, not the whole of them. (A re-run after
# one edited line at 3000 articles peaked at 530 MiB with slices of 65,536 rows, where the previous
# text column's slice, a copy of it without the edited row and a copy of the current rows stood
# together; 456 MiB with these slices, compared with a slice of the current column where rows line up.)
COMPARED_ROWS = 1 << 14


@dataclass
class RecordDiff:
    added: list[tuple[str, str, str]] = field(default_factory=list)  # table, record_id, where
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, str, str]] = field(default_factory=list)  # table, new id, old id, where
    moved: int = 0  # same record, other line

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.moved)


class Columns(Protocol):
    """A record table whose columns are read one at a time: the pipeline's tables, or a previous
    release's Parquet file, which reads a column, or a column a slice of rows at a time, when asked."""

    @property
    def column_names(self) -> list[str]: ...

    @property
    def num_rows(self) -> int: ...

    def column(self, name: str) -> pa.Array | pa.ChunkedArray: ...

    def column_slices(self, name: str, rows: int) -> Iterator[pa.Array | pa.ChunkedArray]: ...


class _TableColumns:
    """An Arrow table or a pandas frame as :class:`Columns` (a frame's column made Arrow when asked for)."""

    def __init__(self, table: pa.Table | pd.DataFrame) -> None:
        self._table = table

    @property
    def column_names(self) -> list[str]:
        return [str(name) for name in self._table.columns] if isinstance(self._table, pd.DataFrame) else self._table.column_names

    @property
    def num_rows(self) -> int:
        return len(self._table)

    def column(self, name: str) -> pa.Array | pa.ChunkedArray:
        if isinstance(self._table, pd.DataFrame):
            return pa.array(self._table[name], from_pandas=True)
        return self._table.column(name)

    def column_slices(self, name: str, rows: int) -> Iterator[pa.Array | pa.ChunkedArray]:
        column = self.column(name)
        return (column.slice(start, rows) for start in range(0, len(column), rows))


_NONE = _TableColumns(pa.table({"record_id": pa.array([], pa.string())}))


def _columns(table: pd.DataFrame | pa.Table | Columns | None) -> Columns:
    if table is None:
        return _NONE
    return _TableColumns(table) if isinstance(table, pd.DataFrame | pa.Table) else table


def _array(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


def _rows_of(column: pa.Array | pa.ChunkedArray, positions: pa.Array) -> pa.Array:
    """``column.take(positions)`` (positions without nulls); a slice of the column, not a copy, when the
    positions run on one by one, as they do wherever the two releases' rows line up (a re-run after a
    few edits: the copy of the current text's rows stood beside the previous text's slice at the peak)."""
    numbers = positions.to_numpy(zero_copy_only=False)
    if len(numbers) and numbers[-1] - numbers[0] == len(numbers) - 1 and bool(np.all(np.diff(numbers) == 1)):
        return _array(column.slice(int(numbers[0]), len(numbers)))
    return _array(column.take(positions))


# The columns a row's place in the raw files is written from (see :func:`places_text`).
_PLACE = ("source_file", "source_line", "source_segment", "char_start")


def _places(table: Columns) -> dict[str, pa.Array]:
    """The columns of ``table`` that its rows' places are written from, each read once."""
    return {name: _array(table.column(name)) for name in _PLACE if name in table.column_names} if table.num_rows else {}


def places_text(places: Mapping[str, pa.Array], rows: np.ndarray) -> list[str]:
    """The places of some rows in the raw files, as the changelog writes them: ``file:line``, ``#segment``
    after a line's first record, ``@char`` for a timeline row (its place in the line). Written for
    the rows the changelog names, not for every row."""
    if not len(rows):
        return []
    places = {name: column.take(pa.array(rows, pa.int64())) for name, column in places.items()}

    def text(column: pa.Array) -> pa.Array:
        return pc.fill_null(pc.cast(column, pa.string()), "None")

    where = pc.binary_join_element_wise(text(places["source_file"]), text(places["source_line"]), ":")
    empty = pa.scalar("", pa.string())
    if "source_segment" in places:
        segment = places["source_segment"]
        later = pc.fill_null(pc.not_equal(segment, 0), False)
        where = pc.binary_join_element_wise(
            where, pc.if_else(later, pc.binary_join_element_wise("#", text(segment), ""), empty), ""
        )
    if "char_start" in places:
        start = places["char_start"]
        placed = pc.is_valid(start)
        where = pc.binary_join_element_wise(
            where, pc.if_else(placed, pc.binary_join_element_wise("@", text(start), ""), empty), ""
        )
    texts: list[str] = where.to_pylist()
    return texts


def moved_places(old: Mapping[str, pa.Array], new: Mapping[str, pa.Array], at_old: np.ndarray, common: np.ndarray) -> np.ndarray:
    """For each record of both releases (row ``at_old`` of the old table, ``common`` of the new), whether
    its place as :func:`places_text` writes it differs, found column by column without writing it: two places
    differ where one of their parts does (no part after the file holds a ``:``, so the file is all before
    the last one). As written, an empty segment is segment 0 and an empty file is "None"."""
    alike = old.keys() == new.keys() and all(
        old[name].type == new[name].type or {_kind(old[name].type), _kind(new[name].type)} == {"text"} for name in old
    )
    if not alike:  # the places are written from other columns, or columns of another type: as written
        return np.array([a != b for a, b in zip(places_text(old, at_old), places_text(new, common), strict=True)], bool)
    differs = np.zeros(len(common), bool)
    for name in old:
        before, after = old[name].take(pa.array(at_old, pa.int64())), new[name].take(pa.array(common, pa.int64()))
        if _kind(before.type) == "text":
            before, after = (pc.fill_null(column.cast(pa.large_string()), "None") for column in (before, after))
        if name == "source_segment":
            before, after = pc.fill_null(before, 0), pc.fill_null(after, 0)
        same = pc.or_(pc.and_(pc.is_null(before), pc.is_null(after)), pc.fill_null(pc.equal(before, after), False))
        differs |= ~same.to_numpy(zero_copy_only=False)
    return differs


def _same(before: pa.ChunkedArray | pa.Array, after: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Row by row, whether two aligned columns hold the same value (two empty values are the same)."""
    before, after = _array(before), _array(after)
    if before.type != after.type:
        try:
            kinds = {_kind(before.type), _kind(after.type)}
            if len(kinds - {"any"}) > 1:
                raise pa.ArrowInvalid("values of another kind")  # ("1" is not 1, whatever a cast makes of it)
            after = after.cast(before.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):  # compared as Python values
            return np.array(
                [plain_value(a) == plain_value(b) for a, b in zip(before.to_pylist(), after.to_pylist(), strict=True)], bool
            )
    if pa.types.is_floating(before.type):  # NaN is an empty value, as pandas reads it
        before, after = (pc.if_else(pc.is_nan(column), pa.scalar(None, column.type), column) for column in (before, after))
    both_empty = pc.and_(pc.is_null(before), pc.is_null(after)).to_numpy(zero_copy_only=False)
    if pa.types.is_list(before.type) or pa.types.is_large_list(before.type):
        lengths = [pc.fill_null(pc.list_value_length(column), -1).to_numpy(zero_copy_only=False) for column in (before, after)]
        same = lengths[0] == lengths[1]
        rows = np.flatnonzero(same & (lengths[0] > 0))  # same length: their items align one to one
        if len(rows):
            items = [pc.list_flatten(column.take(rows)) for column in (before, after)]
            differing = pc.invert(pa.array(_same(*items)))
            parents = pc.list_parent_indices(before.take(rows))
            same[rows[np.unique(pc.filter(parents, differing).to_numpy(zero_copy_only=False))]] = False
        result: np.ndarray = same | both_empty
        return result
    equal = pc.fill_null(pc.equal(before, after), False).to_numpy(zero_copy_only=False)
    result = equal | both_empty
    return result


def _kind(arrow_type: pa.DataType) -> str:
    """What a value of the type is to Python: values of one kind compare as Python compares them once
    cast to one type (a column all empty has the type of nothing, which casts to any)."""
    for kind, test in (
        ("any", pa.types.is_null), ("text", pa.types.is_string), ("text", pa.types.is_large_string),
        ("number", pa.types.is_integer), ("number", pa.types.is_floating), ("list", pa.types.is_list),
        ("list", pa.types.is_large_list), ("date", pa.types.is_date),
    ):  # fmt: skip
        if test(arrow_type):
            return kind
    return str(arrow_type)


def plain_value(value: Any) -> Any:
    if isinstance(value, list | tuple | np.ndarray):
        return tuple(value)
    if isinstance(value, np.generic):
        value = value.item()
    return None if pd.isna(value) else value


def diff_records(previous: Mapping[str, pd.DataFrame | Columns], current: Mapping[str, pd.DataFrame | Columns]) -> RecordDiff:
    """Records added, removed and changed, by record_id.

    An edited line gives its record a new id: a removed and an added record at the same
    source position are reported as one changed record (old id → new id). Compared as columns, one
    column of each release at a time; only the records added or removed are read one by one (a re-run
    with a few edited lines reads a few).
    """
    diff = RecordDiff()
    for table in RECORD_TABLES:
        old, new = _columns(previous.get(table)), _columns(current[table])
        old_ids, new_ids = (_array(t.column("record_id")).cast(pa.large_string()) for t in (old, new))
        at_new = pc.index_in(old_ids, value_set=new_ids)  # each old row's place in the new table (ids are unique)
        at_old_or_null = pc.index_in(new_ids, value_set=old_ids)
        kept = pc.is_valid(at_new).to_numpy(zero_copy_only=False)
        known = pc.is_valid(at_old_or_null).to_numpy(zero_copy_only=False)
        old_places, new_places = _places(old), _places(new)
        gone = np.flatnonzero(~kept)
        # (in the old order)
        removed = dict(zip(old_ids.take(pa.array(gone, pa.int64())).to_pylist(), places_text(old_places, gone), strict=True))
        removed_at = {where: rid for rid, where in removed.items()}
        added = np.flatnonzero(~known)
        if len(added):
            rows = pa.array(added, pa.int64())
            files, lines = (new_places[name].take(rows).to_pylist() for name in ("source_file", "source_line"))
            added_ids, added_where = new_ids.take(rows).to_pylist(), places_text(new_places, added)
            for position in sorted(range(len(added)), key=lambda i: (files[i], lines[i])):
                rid, where = added_ids[position], added_where[position]
                old_id = removed_at.pop(where, None)
                if old_id is None:
                    diff.added.append((table, rid, where))
                else:
                    del removed[old_id]
                    diff.changed.append((table, rid, old_id, where))
        diff.removed.extend((table, rid, where) for rid, where in sorted(removed.items()))
        common = np.flatnonzero(known)  # in the new order
        if not len(common):
            continue
        at_old = pc.drop_null(at_old_or_null).to_numpy(zero_copy_only=False)  # in the new order, as ``common``
        compared = [name for name in new.column_names if name not in PROVENANCE]
        if sorted(compared) != sorted(name for name in old.column_names if name not in PROVENANCE):
            same = np.zeros(len(common), bool)  # another set of columns: every record differs
        else:
            # each previous row against the current row of its id, the previous rows a slice at a time
            same_old = np.ones(old.num_rows, bool)
            for name in compared:
                current_column, start = new.column(name), 0
                for piece in old.column_slices(name, COMPARED_ROWS):
                    before = _array(piece)
                    positions = at_new.slice(start, len(before))
                    kept_here = pc.is_valid(positions)
                    rows = start + np.flatnonzero(kept_here.to_numpy(zero_copy_only=False))
                    if len(rows) < len(before):
                        before, positions = pc.filter(before, kept_here), pc.filter(positions, kept_here)
                    same_old[rows] &= _same(before, _rows_of(current_column, positions))
                    start += len(piece)
                trim_freed_memory()
            same = same_old[at_old]
        diff.moved += int((same & moved_places(old_places, new_places, at_old, common)).sum())
        edited = common[~same]  # the records that changed in place, in the new order
        ids = new_ids.take(pa.array(edited, pa.int64())).to_pylist()
        for rid, where in sorted(zip(ids, places_text(new_places, edited), strict=True)):
            diff.changed.append((table, rid, rid, where))
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
