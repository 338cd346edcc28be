"""Deterministic archives and checksum lists."""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zlib
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from zlib_ng import zlib_ng

# Zip cannot store dates before 1980; without SOURCE_DATE_EPOCH every entry gets this one.
ZIP_EPOCH = dt.datetime(1980, 1, 1)
ZIP_LEVEL = 9
_VERSION = 20  # "2.0": deflate; what Python's zipfile writes
_UNIX = 3
_UTF8_NAME = 0x800


# A member up to this size is one deflate stream at ZIP_LEVEL, as Python's zipfile writes it. A larger
# one is compressed in pieces of this size, each in a thread of its own, at PIECES_LEVEL (as pigz does,
# at its default level): each piece is primed with the 32 KiB before it (the window a decompressor holds
# there) and ends byte-aligned, so the pieces joined are one valid stream, a few bytes per piece larger.
# Fixed by size, not by the number of threads: the same content gives the same bytes on any machine.
DEFLATE_PIECE = 4 << 20
# The members compressed in pieces are deflated by zlib-ng (python-zlib-ng, the maintained, faster
# implementation of the same format, which releases the interpreter lock as zlib does) at its level 7.
# On the events and deaths CSVs of 3000 generated articles (69 MB, pieces as here) that took 1.49 s of CPU
# for 20.06 MB, where zlib's default level 6 took 2.65 s for 20.25 MB: no larger, 1.8 times as fast.
# Measured and not taken: ISA-L (isal) at its best level 3, 0.40 s but 23.19 MB (15% larger); zlib-ng's
# level 6, 0.96 s but 20.47 MB (larger than zlib's); libdeflate (deflate) at level 6, 0.92 s for 20.06 MB,
# but only a whole member at once: its streams cannot be joined, so the member would be held whole in
# memory and compressed in one thread. A small member stays one zlib stream at ZIP_LEVEL, as Python's
# zipfile writes it.
PIECES_LEVEL = 7
_WINDOW = 32 << 10


def deflate(content: bytes | memoryview) -> bytes:
    """``content`` compressed as a zip member stores it (raw deflate), in pieces as :data:`DEFLATE_PIECE` says."""
    return b"".join(deflate_piece(content, start, end) for start, end in _pieces(len(content)))


def deflate_file_pieces(pool: Executor, path: Path, size: int) -> list[Future[bytes]]:
    """:func:`deflate` of the ``size`` bytes of the file at ``path``, its pieces compressed in ``pool`` (zlib
    releases the interpreter lock while it compresses: they compress while the release's other files are
    built), each piece read from the file when it is compressed: the content need not stay in memory."""
    return [pool.submit(_deflate_file_piece, path, start, end, size) for start, end in _pieces(size)]


def _pieces(size: int) -> list[tuple[int, int]]:
    return [(start, min(start + DEFLATE_PIECE, size)) for start in range(0, size, DEFLATE_PIECE)] or [(0, 0)]


def deflate_piece(content: bytes | memoryview, start: int, end: int) -> bytes:
    """The raw deflate of ``content[start:end]``, as the piece of the whole member's stream that starts at ``start``."""
    return _deflate_slice(content[max(0, start - _WINDOW) : end], start, end, len(content))


def _deflate_file_piece(path: Path, start: int, end: int, size: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(max(0, start - _WINDOW))
        return _deflate_slice(handle.read(end - max(0, start - _WINDOW)), start, end, size)


def _deflate_slice(data: bytes | memoryview, start: int, end: int, size: int) -> bytes:
    """The piece ``[start, end)`` of a member of ``size`` bytes; ``data`` is the piece with the window before it."""
    window = start - max(0, start - _WINDOW)
    # (the same interface: zlib-ng's module is a drop-in replacement of zlib's)
    engine, level = (zlib, ZIP_LEVEL) if size <= DEFLATE_PIECE else (zlib_ng, PIECES_LEVEL)
    if start:
        compressor = engine.compressobj(level, engine.DEFLATED, -15, zdict=data[:window])
    else:
        compressor = engine.compressobj(level, engine.DEFLATED, -15)
    last = end >= size
    piece: bytes = compressor.compress(data[window:]) + compressor.flush(engine.Z_FINISH if last else engine.Z_SYNC_FLUSH)
    return piece


@dataclass(frozen=True)
class ZipMember:
    """A zip member as the archive stores it: the CRC-32 and size of its content, and its raw deflate
    (or the futures of its pieces, being compressed in other threads)."""

    crc: int
    size: int
    data: bytes | Sequence[Future[bytes]]

    @classmethod
    def of(cls, content: bytes | memoryview) -> ZipMember:
        return cls(zlib.crc32(content), len(content), deflate(content))


def write_zip(handle: _Writable, members: Mapping[str, ZipMember], timestamp: dt.datetime | None) -> None:
    """Write a zip whose bytes depend only on the members and ``timestamp`` to ``handle``, member by member:
    sorted names, fixed times and permissions, no extra fields; the same bytes as Python's ``zipfile``
    writes for the entries (members larger than :data:`DEFLATE_PIECE` aside)."""
    when = max(timestamp or ZIP_EPOCH, ZIP_EPOCH)
    date = (when.year - 1980) << 9 | when.month << 5 | when.day
    time = when.hour << 11 | when.minute << 5 | when.second // 2
    central: list[bytes] = []
    offset = 0
    for name in sorted(members):
        member = members[name]
        # (a member's pieces are written one after the other, not joined into one more copy of them)
        pieces = [member.data] if isinstance(member.data, bytes) else [piece.result() for piece in member.data]
        compressed = sum(map(len, pieces))
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8_NAME
        fields = (8, time, date, member.crc, compressed, member.size, len(encoded))
        header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, flags, *fields, 0)
        central.append(
            struct.pack(
                "<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, flags, *fields, 0, 0, 0, 0, 0o644 << 16, offset
            )
            + encoded
        )
        for part in (header, encoded, *pieces):
            handle.write(part)
        offset += len(header) + len(encoded) + compressed
        del pieces
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
