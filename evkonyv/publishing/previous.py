"""The release already in an output folder: read it back, and guard against losing it.

Reading the previous release gives the version history and the records a new release is
compared with (:class:`evkonyv.release.build.PreviousRelease`); a release that is there but
cannot be read is an error naming the file, never a silent reset to 1.0.0. The volume guard
stops a run that would publish no records or remove most of the previous ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.compute as pc
import pyarrow.parquet

from evkonyv.errors import EvkonyvError
from evkonyv.publishing.outputs import MARKER, resolve_output
from evkonyv.release import changelog
from evkonyv.release.build import DESCRIPTOR, PACKAGE_NAME, PreviousRelease

# What reading a release's file raises when the file is missing, unreadable or not what it should be.
_READ_ERRORS = (OSError, ValueError, TypeError, pyarrow.ArrowException)


class PreviousReleaseUnreadable(EvkonyvError):
    """The output folder holds a release that cannot be read: its version history would be lost."""


def read_previous(output: Path) -> PreviousRelease | None:
    """The release already in ``output``; None when there is none.

    A release that is there but cannot be read raises :class:`PreviousReleaseUnreadable`
    naming the file, rather than silently starting the version history afresh.
    """
    output = resolve_output(output)
    if not (output / DESCRIPTOR).exists() and not (output / MARKER).exists():
        return None
    current = output / DESCRIPTOR
    try:
        descriptor = json.loads(current.read_text(encoding="utf-8"))
        extra = descriptor[PACKAGE_NAME]
        paths: dict[str, Path] = {}
        record_ids: dict[str, pyarrow.Array] = {}
        for name in changelog.RECORD_TABLES:
            if name in changelog.ADDED_LATER and name not in extra["columns"]:
                continue  # a release from before the table existed
            current = paths[name] = output / f"{name}.parquet"
            # (its footer and its ids read now: a file that is no Parquet is refused before anything is built)
            ids = pyarrow.parquet.read_table(current, columns=["record_id"]).column("record_id")
            record_ids[name] = ids.combine_chunks().cast(pyarrow.large_string())
        current = output / "CHANGELOG.md"
        return PreviousRelease(
            version=descriptor["version"],
            content_sha256=extra["content_sha256"],
            columns=extra["columns"],
            tables=_LazyTables(paths, record_ids),
            changelog=current.read_text(encoding="utf-8") if current.exists() else None,
            record_ids=record_ids,
        )
    except (KeyError, *_READ_ERRORS) as error:
        raise _unreadable(current, error) from None


def _unreadable(path: Path, error: Exception) -> PreviousReleaseUnreadable:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else f"{type(error).__name__}: {error}"
    return PreviousReleaseUnreadable(
        f"{path}: the previous release cannot be read ({reason}); its version history would be lost. "
        "Repair or remove it, or pass --allow-shrink to start afresh at 1.0.0"
    )


def _parquet_file(path: Path) -> pyarrow.parquet.ParquetFile:
    return pyarrow.parquet.ParquetFile(path)


class ParquetColumns:
    """A previous release's record table, each column read from its Parquet file when asked for: the
    changelog compares the releases a column at a time (both tables whole took 250 MiB more at 3000
    articles). A file that does not read is named, as :func:`read_previous` names it. ``record_ids``: the
    ids already read from the file, given for its ``record_id`` column rather than read again."""

    def __init__(self, path: Path, record_ids: pyarrow.Array | None = None) -> None:
        self.path = path
        self._record_ids = record_ids
        try:
            self._file = _parquet_file(path)
            self.column_names: list[str] = self._file.schema_arrow.names
            self.num_rows: int = self._file.metadata.num_rows
        except _READ_ERRORS as error:
            raise _unreadable(path, error) from None

    def column(self, name: str) -> pyarrow.Array | pyarrow.ChunkedArray:
        if name == "record_id" and self._record_ids is not None:
            return self._record_ids
        try:
            return self._file.read(columns=[name]).column(0)
        except _READ_ERRORS as error:
            raise _unreadable(self.path, error) from None

    def column_slices(self, name: str, rows: int) -> Iterator[pyarrow.Array]:
        """The column ``rows`` rows at a time, read as a stream (never the whole column at once)."""
        try:
            for batch in self._file.iter_batches(batch_size=rows, columns=[name]):
                yield batch.column(0)
        except _READ_ERRORS as error:
            raise _unreadable(self.path, error) from None


class _LazyTables(Mapping[str, ParquetColumns]):
    """The previous release's record tables, each opened when asked for and read a column at a time,
    not kept: a run compares them with its own only when its content differs from theirs (read whole on
    every run, they took a quarter of a re-run's memory)."""

    def __init__(self, paths: Mapping[str, Path], record_ids: Mapping[str, pyarrow.Array]) -> None:
        self._paths = dict(paths)
        self._record_ids = dict(record_ids)

    def __getitem__(self, name: str) -> ParquetColumns:
        return ParquetColumns(self._paths[name], self._record_ids.get(name))

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


# What the volume guard counts, each on its own: losing most of one is not made up by the other.
VOLUME_GROUPS: dict[str, tuple[str, ...]] = {"records": ("events", "births", "deaths"), "timeline rows": ("timeline",)}


def check_volume(tables: Mapping[str, pd.DataFrame], previous: PreviousRelease | None, allow_shrink: bool) -> None:
    """Stop a run that would publish no records, or remove more than half of the previous records or timeline rows.

    The ids are compared as Arrow columns (the previous release's ids are read alone)."""
    if allow_shrink:
        return
    if not any(len(tables[name]) for names in VOLUME_GROUPS.values() for name in names if name in tables):
        quarantined = len(tables.get("quarantine", ()))
        raise VolumeGuard(
            f"the run would publish no records ({quarantined} lines quarantined); the release was left as it was. "
            "Pass --allow-shrink to publish it anyway"
        )
    if previous is None:
        return
    for what, names in VOLUME_GROUPS.items():
        old_ids = _distinct([previous.record_ids[name] for name in names if name in previous.record_ids])
        new_ids = _distinct([pyarrow.array(tables[name]["record_id"]) for name in names if name in tables])
        kept = pc.sum(pc.is_in(old_ids, value_set=new_ids), min_count=0).as_py()
        removed = len(old_ids) - kept
        if removed * 2 > len(old_ids):
            raise VolumeGuard(
                f"the run would remove {removed} of the {len(old_ids)} {what} of release {previous.version} "
                f"(keeping {kept}, adding {len(new_ids) - kept}); the release was left as it was. "
                "Check the input, or pass --allow-shrink to publish it anyway"
            )


def _distinct(columns: list[pyarrow.Array | pyarrow.ChunkedArray]) -> pyarrow.Array:
    """The distinct values of some string columns, as one array of large strings."""
    chunks = [chunk.cast(pyarrow.large_string()) for column in columns for chunk in getattr(column, "chunks", [column])]
    return (
        pc.unique(pyarrow.chunked_array(chunks, pyarrow.large_string())) if chunks else pyarrow.array([], pyarrow.large_string())
    )


class VolumeGuard(EvkonyvError):
    """The run would publish nothing, or lose most of the previous release."""
