"""Deterministic archives and checksum lists."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Mapping

# Zip cannot store dates before 1980; without SOURCE_DATE_EPOCH every entry gets this one.
ZIP_EPOCH = dt.datetime(1980, 1, 1)


def deterministic_zip(entries: Mapping[str, bytes], timestamp: dt.datetime | None) -> bytes:
    """A zip whose bytes depend only on the entries and ``timestamp``: sorted names, fixed
    times and permissions, no extra fields."""
    when = max(timestamp or ZIP_EPOCH, ZIP_EPOCH)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the build machine
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sha256sums(files: Mapping[str, bytes]) -> bytes:
    """The ``sha256sum`` listing of ``files``, checkable with ``sha256sum -c``."""
    return "".join(f"{sha256(content)}  {name}\n" for name, content in sorted(files.items())).encode("utf-8")
