"""The changelog's record diff, compared as columns, against the row-by-row reading it replaced."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from evkonyv.release.changelog import PROVENANCE, RECORD_TABLES, RecordDiff, diff_records, plain_value


def _rows(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {row["record_id"]: {str(k): plain_value(v) for k, v in row.items()} for row in frame.to_dict("records")}


def places_text(row: Mapping[str, Any]) -> str:
    where = f"{row['source_file']}:{row['source_line']}"
    if row.get("source_segment"):
        where += f"#{row['source_segment']}"
    if row.get("char_start") is not None:
        where += f"@{row['char_start']}"
    return where


def reference_diff(previous: Mapping[str, pd.DataFrame], current: Mapping[str, pd.DataFrame]) -> RecordDiff:
    """The diff as it was read row by row, a dict per row of both releases (the reference: it took 20 s
    and 500 MiB to compare 3000 articles' releases)."""
    diff = RecordDiff()
    for table in RECORD_TABLES:
        old, new = _rows(previous.get(table, pd.DataFrame(columns=["record_id"]))), _rows(current[table])
        removed = {rid: row for rid, row in old.items() if rid not in new}
        added = {rid: row for rid, row in new.items() if rid not in old}
        removed_at = {places_text(row): rid for rid, row in removed.items()}
        for rid, row in sorted(added.items(), key=lambda item: (item[1]["source_file"], item[1]["source_line"])):
            old_id = removed_at.pop(places_text(row), None)
            if old_id is None:
                diff.added.append((table, rid, places_text(row)))
            else:
                del removed[old_id]
                diff.changed.append((table, rid, old_id, places_text(row)))
        diff.removed.extend((table, rid, places_text(row)) for rid, row in sorted(removed.items()))
        for rid in sorted(old.keys() & new.keys()):
            before = {k: v for k, v in old[rid].items() if k not in PROVENANCE}
            after = {k: v for k, v in new[rid].items() if k not in PROVENANCE}
            if before != after:
                diff.changed.append((table, rid, rid, places_text(new[rid])))
            elif places_text(old[rid]) != places_text(new[rid]):
                diff.moved += 1
    return diff


@pytest.fixture(scope="module")
def seed_tables(seed_result):
    from evkonyv.schemas.validation import validate_tables

    from evkonyv.tables.build import build_tables

    return validate_tables(build_tables(seed_result.tables))


def _nullable(name: str) -> list[str]:
    from evkonyv.schemas.arrow import arrow_schema
    from evkonyv.schemas.tables import TABLES

    fields = arrow_schema(TABLES[name])
    return [f.name for f in fields if f.nullable and f.name in ("context", "date_text", "likely_repeat_of", "month", "day")]


def _edited(frame: pd.DataFrame, rng: random.Random, name: str) -> pd.DataFrame:
    """The table with what edits do to a release: rows dropped, ids renewed (an edited line), texts,
    flags, nullable fields and places changed, rows moved."""
    frame = frame.copy()
    if not len(frame):
        return frame
    rows = list(range(len(frame)))
    for _ in range(rng.randint(0, 6)):
        row = rng.choice(rows)
        edit = rng.choice(["id", "text", "flags", "flag_order", "nullable", "line", "segment", "id_and_line"])

        def column(name: str) -> int:
            return cast(int, frame.columns.get_loc(name))  # (the columns are unique)

        def at(name: str, row: int = row) -> Any:  # (a cell of any column's type)
            return frame.iat[row, column(name)]

        if edit in ("id", "id_and_line"):
            frame.iat[row, column("record_id")] = f"{at('record_id')}-edited{rng.randint(0, 9)}"
        if edit in ("line", "id_and_line"):
            frame.iat[row, column("source_line")] = int(at("source_line")) + rng.choice([1, 2, 400])
        if edit == "text" and "text" in frame:
            frame.iat[row, column("text")] = at("text") + " (javítva)"
        if edit == "flags":
            flags = tuple(at("quality_flags"))
            frame.iat[row, column("quality_flags")] = cast(
                Any, flags[1:] if flags and rng.random() < 0.5 else (*flags, "likely_repeat")
            )
        if edit == "flag_order":
            frame.iat[row, column("quality_flags")] = cast(Any, tuple(reversed(at("quality_flags"))))
        if edit == "nullable":
            nullable = rng.choice(_nullable(name))
            value = at(nullable)
            frame.iat[row, column(nullable)] = None if not pd.isna(value) else (3 if nullable in ("month", "day") else "új")
        if edit == "segment" and "source_segment" in frame:
            frame.iat[row, column("source_segment")] = rng.choice([0, 1, 2])
    dropped = rng.sample(rows, rng.randint(0, min(3, len(rows))))
    return frame.drop(frame.index[dropped]).reset_index(drop=True)


def _as_published(tmp_path, tables: Mapping[str, pd.DataFrame]) -> dict[str, pa.Table]:
    """The tables as a previous release keeps them: Parquet files of the published schema, read back."""
    from evkonyv.tables.serialise import table_files

    files = table_files(tables)
    read = {}
    for name in RECORD_TABLES:
        path = tmp_path / f"{name}.parquet"
        path.write_bytes(files[f"{name}.parquet"])
        read[name] = pq.read_table(path)
    return read


@pytest.mark.parametrize("seed", range(40))
def test_the_diff_as_columns_is_the_diff_row_by_row(seed, seed_tables, tmp_path):
    rng = random.Random(seed)
    previous = {name: _edited(seed_tables[name], rng, name) for name in RECORD_TABLES}
    current = {name: _edited(seed_tables[name], rng, name) for name in RECORD_TABLES}
    expected = reference_diff(previous, current)
    assert diff_records(previous, current) == expected
    published = _as_published(tmp_path, {**seed_tables, **previous})
    assert diff_records(published, current) == expected  # as a re-run reads them: Arrow tables from Parquet


@pytest.mark.parametrize("seed", range(20))
def test_the_diff_a_few_rows_at_a_time_is_the_diff_row_by_row(seed, seed_tables, tmp_path, monkeypatch):
    """The previous rows compared 16 at a time: slices where the rows line up are compared with a slice of
    the current column, the others with the rows taken from it."""
    from evkonyv.release import changelog

    monkeypatch.setattr(changelog, "COMPARED_ROWS", 16)
    rng = random.Random(1000 + seed)
    previous = {name: _edited(seed_tables[name], rng, name) for name in RECORD_TABLES}
    current = {name: _edited(seed_tables[name], rng, name) for name in RECORD_TABLES}
    expected = reference_diff(previous, current)
    assert diff_records(previous, current) == expected
    published = _as_published(tmp_path, {**seed_tables, **previous})
    assert diff_records(published, current) == expected


def test_a_release_without_a_table_and_a_changed_set_of_columns(seed_tables):
    current = {name: seed_tables[name] for name in RECORD_TABLES}
    older = {name: seed_tables[name] for name in RECORD_TABLES if name != "timeline"}  # from before the timeline
    older["events"] = seed_tables["events"].drop(columns=["context"])  # and before events had a context
    diff = diff_records(older, current)
    assert diff == reference_diff(older, current)
    assert len(diff.added) == len(seed_tables["timeline"]) and len(diff.changed) == len(seed_tables["events"])


def test_an_edit_and_a_move_are_told_apart(seed_tables):
    events = seed_tables["events"]
    current = {name: seed_tables[name] for name in RECORD_TABLES}
    edited = events.copy()
    edited.iat[0, edited.columns.get_loc("record_id")] = "event-1953-edited"
    edited.iat[1, edited.columns.get_loc("source_line")] = int(edited.iat[1, edited.columns.get_loc("source_line")]) + 1000
    diff = diff_records({**current, "events": edited}, current)
    where = f"{events['source_file'].iat[0]}:{events['source_line'].iat[0]}"
    assert diff.changed == [("events", events["record_id"].iat[0], "event-1953-edited", where)]
    assert (diff.added, diff.removed, diff.moved) == ([], [], 1)


def test_a_retyped_column_changes_every_record(seed_tables):
    """A year written as text in the previous release is not the same as the year as a number."""
    current = {name: seed_tables[name] for name in RECORD_TABLES}
    older = dict(current, events=seed_tables["events"].astype({"year": str}))
    diff = diff_records(older, current)
    assert diff == reference_diff(older, current)
    assert len(diff.changed) == len(seed_tables["events"])
    unchanged = dict(current, events=seed_tables["events"].astype({"year": "Int64", "quality_flags": object}))
    assert diff_records(unchanged, current).empty  # another width of the same numbers: the same records


@pytest.mark.parametrize("typed", [True, False])
def test_a_place_moves_where_its_written_form_changes(typed):
    """Places compared column by column, as the changelog writes them: an empty segment is segment 0,
    an empty file or line is written "None", a character offset only where there is one."""
    from evkonyv.release.changelog import moved_places, places_text

    values = {
        "source_file": ["a.txt", "a.txt", None, "None", "b.txt", "a:1"],
        "source_line": [1, None, 3, 3, 12, 2],
        "source_segment": [0, None, 1, 0, 2, None],
        "char_start": [None, 5, None, 0, 7, None],
    }
    types = {"source_file": pa.string(), "source_line": pa.int32(), "source_segment": pa.int8(), "char_start": pa.int32()}
    old = {name: pa.array(column, types[name]) for name, column in values.items()}
    new_types = {**types, "source_file": pa.large_string()} if typed else {**types, "source_line": pa.string()}
    rng = random.Random(5)
    for _ in range(50):
        new_values = {name: [rng.choice(column) for _ in column] for name, column in values.items()}
        if not typed:
            new_values["source_line"] = [None if v is None else str(v) for v in new_values["source_line"]]
        new = {name: pa.array(column, new_types[name]) for name, column in new_values.items()}
        rows = np.arange(len(values["source_file"]))
        at_old = np.array(rng.sample(list(rows), len(rows)))
        written = [a != b for a, b in zip(places_text(old, at_old), places_text(new, rows), strict=True)]
        assert moved_places(old, new, at_old, rows).tolist() == written
