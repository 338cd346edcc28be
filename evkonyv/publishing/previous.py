"""The release already in an output folder: read it back, and guard against losing it.

Reading the previous release gives the version history and the records a new release is
compared with (:class:`evkonyv.release.build.PreviousRelease`); a release that is there but
cannot be read is an error naming the file, never a silent reset to 1.0.0. The volume guard
stops a run that would publish no records or remove most of the previous ones.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow

from evkonyv.errors import EvkonyvError
from evkonyv.publishing.outputs import MARKER, resolve_output
from evkonyv.release import changelog
from evkonyv.release.build import DESCRIPTOR, PACKAGE_NAME, PreviousRelease


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
        tables = {}
        for name in changelog.RECORD_TABLES:
            if name in changelog.ADDED_LATER and name not in extra["columns"]:
                continue  # a release from before the table existed
            current = output / f"{name}.parquet"
            tables[name] = pd.read_parquet(current)
        current = output / "CHANGELOG.md"
        return PreviousRelease(
            version=descriptor["version"],
            content_sha256=extra["content_sha256"],
            columns=extra["columns"],
            tables=tables,
            changelog=current.read_text(encoding="utf-8") if current.exists() else None,
        )
    except (OSError, ValueError, KeyError, TypeError, pyarrow.ArrowException) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else f"{type(error).__name__}: {error}"
        raise PreviousReleaseUnreadable(
            f"{current}: the previous release cannot be read ({reason}); its version history would be lost. "
            "Repair or remove it, or pass --allow-shrink to start afresh at 1.0.0"
        ) from None


# What the volume guard counts, each on its own: losing most of one is not made up by the other.
VOLUME_GROUPS: dict[str, tuple[str, ...]] = {"records": ("events", "births", "deaths"), "timeline rows": ("timeline",)}


def check_volume(tables: Mapping[str, pd.DataFrame], previous: PreviousRelease | None, allow_shrink: bool) -> None:
    """Stop a run that would publish no records, or remove more than half of the previous records or timeline rows."""
    if allow_shrink:
        return

    def ids(source: Mapping[str, pd.DataFrame], names: tuple[str, ...]) -> set[str]:
        return {rid for name in names if name in source for rid in source[name]["record_id"]}

    if not any(ids(tables, names) for names in VOLUME_GROUPS.values()):
        quarantined = len(tables.get("quarantine", ()))
        raise VolumeGuard(
            f"the run would publish no records ({quarantined} lines quarantined); the release was left as it was. "
            "Pass --allow-shrink to publish it anyway"
        )
    if previous is None:
        return
    for what, names in VOLUME_GROUPS.items():
        old_ids, new_ids = ids(previous.tables, names), ids(tables, names)
        removed = len(old_ids - new_ids)
        if removed * 2 > len(old_ids):
            raise VolumeGuard(
                f"the run would remove {removed} of the {len(old_ids)} {what} of release {previous.version} "
                f"(keeping {len(old_ids) - removed}, adding {len(new_ids - old_ids)}); the release was left as it was. "
                "Check the input, or pass --allow-shrink to publish it anyway"
            )


class VolumeGuard(EvkonyvError):
    """The run would publish nothing, or lose most of the previous release."""
