"""Deterministic archives and checksum lists."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zlib
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Protocol

# Zip cannot store dates before 1980; without SOURCE_DATE_EPOCH every entry gets this one.
ZIP_EPOCH = dt.datetime(1980, 1, 1)
ZIP_LEVEL = 9
_VERSION = 20  # "2.0": deflate; what Python's zipfile writes
_UNIX = 3
_UTF8_NAME = 0x800


def deflate(content: bytes | memoryview) -> bytes:
    """``content`` compressed as a zip member stores it (raw deflate), as Python's zipfile does it.

    zlib releases the interpreter lock while it compresses: members handed to other threads
    compress while the release's other files are built."""
    compressor = zlib.compressobj(ZIP_LEVEL, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()


@dataclass(frozen=True)
class ZipMember:
    """A zip member as the archive stores it: the CRC-32 and size of its content, and its raw deflate
    (or the future of it, being compressed in another thread)."""

    crc: int
    size: int
    data: bytes | Future[bytes]

    @classmethod
    def of(cls, content: bytes | memoryview, deflated: Future[bytes] | None = None) -> ZipMember:
        return cls(zlib.crc32(content), len(content), deflated if deflated is not None else deflate(content))


def deterministic_zip(
    entries: Mapping[str, bytes], timestamp: dt.datetime | None, deflated: Mapping[str, Future[bytes]] | None = None
) -> bytes:
    """A zip whose bytes depend only on the entries and ``timestamp``: sorted names, fixed
    times and permissions, no extra fields. The same bytes as Python's ``zipfile`` writes for them.

    ``deflated``: members already being compressed (:func:`deflate` submitted to a thread pool),
    by name; the others are compressed here."""
    members = {name: ZipMember.of(content, (deflated or {}).get(name)) for name, content in entries.items()}
    buffer = io.BytesIO()
    write_zip(buffer, members, timestamp)
    return buffer.getvalue()


def write_zip(handle: _Writable, members: Mapping[str, ZipMember], timestamp: dt.datetime | None) -> None:
    """Write the zip of :func:`deterministic_zip` to ``handle``, member by member."""
    when = max(timestamp or ZIP_EPOCH, ZIP_EPOCH)
    date = (when.year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    central: list[bytes] = []
    offset = 0
    for name in sorted(members):
        member = members[name]
        data = member.data.result() if isinstance(member.data, Future) else member.data
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        fields = (8, time, date, member.crc, len(data), member.size, len(encoded))
        header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, flags, *fields, 0)
        central.append(
            struct.pack(
                "<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, flags, *fields, 0, 0, 0, 0, 0o644 << 16, offset
            )
            + encoded
        )
        for part in (header, encoded, data):
            handle.write(part)
        offset += len(header) + len(encoded) + len(data)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), offset, 0)
    handle.write(directory + end)


class _Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def sha256sums(digests: Mapping[str, tuple[int, str]]) -> bytes:
    """The ``sha256sum`` listing of files by their (size, sha256), checkable with ``sha256sum -c``."""
    return "".join(f"{digest}  {name}\n" for name, (_, digest) in sorted(digests.items())).encode("utf-8")
