"""A release's files on disk as they are made, with their sizes and digests in memory.

The release is built file by file into a scratch folder (the system's temporary folder, or
``TMPDIR``): a table's CSV and Parquet are streamed into their files as they are written, so memory
never holds a whole file of the release. Publishing copies the files into place
(:func:`evkonyv.publishing.publish.write_release`). The folder goes when the release object does.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO


class _Hashing:
    """A binary file that hashes (SHA-256, and CRC-32 as a zip member needs) and counts what is written
    to it. Arrow's writers take it as a file object (they write, ask where they are, and flush)."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.digest, self.crc32, self.size = handle, hashlib.sha256(), 0, 0

    def write(self, data: bytes | memoryview) -> int:
        self.digest.update(data)
        self.crc32 = zlib.crc32(data, self.crc32)
        self.size += len(data)
        return self.handle.write(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        self.handle.flush()

    @property
    def closed(self) -> bool:
        return self.handle.closed


class ReleaseFiles(Mapping[str, bytes]):
    """The files of a release by name, in the order they were added; their bytes are read from disk
    when asked for, their sizes and SHA-256 digests are at hand (:attr:`digests`)."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="evkonyv-release-")
        self.digests: dict[str, tuple[int, str]] = {}  # name -> (bytes, sha256)
        self.crc32: dict[str, int] = {}  # name -> CRC-32 (what a zip stores of a member)

    def path(self, name: str) -> Path:
        if name not in self.digests:
            raise KeyError(name)
        return Path(self._folder.name) / name

    def add(self, name: str, content: bytes | memoryview) -> None:
        self.write(name, lambda handle: handle.write(content))

    def write(self, name: str, writer: Callable[[_Hashing], object]) -> None:
        """Add the file ``writer`` writes (to a binary file it is handed)."""
        with (Path(self._folder.name) / name).open("wb") as handle:
            hashing = _Hashing(handle)
            writer(hashing)
        self.digests[name] = (hashing.size, hashing.digest.hexdigest())
        self.crc32[name] = hashing.crc32

    def copy(self, name: str, target: Path) -> None:
        shutil.copyfile(self.path(name), target)

    def __getitem__(self, name: str) -> bytes:
        return self.path(name).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self.digests)

    def __len__(self) -> int:
        return len(self.digests)
