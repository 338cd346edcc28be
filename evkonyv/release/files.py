"""A release's files on disk as they are made, with their sizes and digests in memory.

The release is built file by file into a scratch folder (the system's temporary folder, or
``TMPDIR``): a table's CSV and Parquet are streamed into their files as they are written, so memory
never holds a whole file of the release. Publishing copies the files into place
(:func:`evkonyv.publishing.publish.write_release`). The folder goes when the release object does.

A run that is killed (``SIGKILL``, the out-of-memory killer) cannot remove its folder, which holds a
release's worth of files (about 170 MB at 3000 articles). So each folder holds a lock (``flock``) for
as long as its run lives, and a run removes the folders whose lock it can take: their runs are gone,
whatever their process ids say. A folder is given its final name only once its lock is held.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import shutil
import tempfile
import weakref
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


SCRATCH_PREFIX = "evkonyv-release-"
_LOCK = ".lock"


class ScratchFolder:
    """A folder of the system's temporary folder for one run, locked while the run lives and removed
    with this object (or at exit); made after removing the folders of runs that are gone."""

    def __init__(self) -> None:
        root = Path(tempfile.gettempdir())
        self.removed = remove_dead_scratch(root)  # the folders of runs that were gone
        making = Path(tempfile.mkdtemp(prefix=f".{SCRATCH_PREFIX}making-", dir=root))  # (not yet a scratch folder to others)
        self._lock = os.open(making / _LOCK, os.O_WRONLY | os.O_CREAT, 0o600)
        fcntl.flock(self._lock, fcntl.LOCK_EX)
        self.path = root / f"{SCRATCH_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
        os.rename(making, self.path)
        self._finalizer = weakref.finalize(self, _remove, self.path, self._lock)

    def cleanup(self) -> None:
        self._finalizer()


def _remove(path: Path, lock: int) -> None:
    shutil.rmtree(path, ignore_errors=True)
    os.close(lock)


def remove_dead_scratch(root: Path) -> list[Path]:
    """Remove the scratch folders in ``root`` of this user's runs that are gone: those whose lock no
    process holds. Another user's folders, symlinks and folders without a lock are left alone; the
    folders removed are returned."""
    removed = []
    for path in sorted(root.glob(f"{SCRATCH_PREFIX}*")):
        try:
            if path.is_symlink() or not path.is_dir() or path.stat().st_uid != os.getuid():
                continue
            lock = os.open(path / _LOCK, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:  # gone meanwhile, unreadable, or without a lock (not one of these folders)
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # its run holds it: alive
            continue
        else:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
        finally:
            os.close(lock)
    return removed


class ReleaseFiles(Mapping[str, bytes]):
    """The files of a release by name, in the order they were added; their bytes are read from disk
    when asked for, their sizes and SHA-256 digests are at hand (:attr:`digests`)."""

    def __init__(self) -> None:
        self._folder = ScratchFolder()
        self.digests: dict[str, tuple[int, str]] = {}  # name -> (bytes, sha256)
        self.crc32: dict[str, int] = {}  # name -> CRC-32 (what a zip stores of a member)

    def cleanup(self) -> None:
        """Remove the scratch folder now (its files can no longer be read; names and digests stay)."""
        self._folder.cleanup()

    @property
    def removed_scratch(self) -> list[Path]:
        """The scratch folders of runs that were gone, removed when this release's folder was made."""
        return self._folder.removed

    def path(self, name: str) -> Path:
        if name not in self.digests:
            raise KeyError(name)
        return self._folder.path / name

    def add(self, name: str, content: bytes | memoryview) -> None:
        self.write(name, lambda handle: handle.write(content))

    def write(self, name: str, writer: Callable[[_Hashing], object]) -> None:
        """Add the file ``writer`` writes (to a binary file it is handed)."""
        with (self._folder.path / name).open("wb") as handle:
            hashing = _Hashing(handle)
            writer(hashing)
        self.digests[name] = (hashing.size, hashing.digest.hexdigest())
        self.crc32[name] = hashing.crc32

    def make(self, name: str, maker: Callable[[Path], object]) -> None:
        """Add the file ``maker`` writes at the path it is handed (for writers that need a path, as SQLite
        does); it is then read once for its digests."""
        path = self._folder.path / name
        maker(path)
        with path.open("rb") as handle, open(os.devnull, "wb") as nowhere:
            hashing = _Hashing(nowhere)
            while chunk := handle.read(2**20):
                hashing.write(chunk)
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
