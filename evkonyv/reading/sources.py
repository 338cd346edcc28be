"""Finding raw files, decoding their bytes and cutting them into lines."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evkonyv.errors import InputError
from evkonyv.escaping import controls
from evkonyv.reading.decoding import NotText, decode_bytes
from evkonyv.reading.normalise import normalise_lines

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters other than tab and line breaks do not occur in exported text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Ceilings that keep a run's memory bounded. A parsed line costs about 860 bytes of memory whatever
# its length (5 million one-character lines took 4.3 GB), a byte of text a few more: so the lines
# and the bytes of each file and of the whole run are counted before anything is parsed, and a run
# over a ceiling stops with one line naming the file. A 3000-article year-article export is
# 38.8 MB and about 86,000 lines; 13,000 articles about 200 MB and 450,000 lines.
MAX_FILE_BYTES = 512 * 2**20
MAX_FILE_LINES = 1_000_000
MAX_RUN_BYTES = 1024 * 2**20
MAX_RUN_LINES = 2_000_000
_COUNT_CHUNK = 2**20


@dataclass(frozen=True)
class SourceText:
    """One raw file, decoded."""

    name: str
    sha256: str
    encoding: str
    lines: tuple[str, ...]  # normalised (see :mod:`evkonyv.reading.normalise`)
    encoding_uncertain: bool = False
    # 1-based line number -> what normalisation changed on that line
    normalised: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def line_flags(self) -> dict[int, tuple[str, ...]]:
        return dict(self.normalised)


def shown(path: Path | str) -> str:
    """A path as text that can always be printed and stored on one line: bytes that are not UTF-8
    escaped (``\\xe9``), and control characters too (a line break as ``\\n``)."""
    return controls(os.fsencode(path).decode("utf-8", "backslashreplace"))


def find_raw_files(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """Expand files and folders (their ``*.txt``) into ``(name, path)`` pairs; see :func:`scan_raw`."""
    return scan_raw(paths)[0]


def scan_raw(paths: Sequence[Path]) -> tuple[list[tuple[str, Path]], list[str]]:
    """Expand files and folders into ``(name, path)`` pairs, and the warnings of what was refused.

    A folder gives every file below it whose name ends in ``.txt`` in any case, symlinked
    sub-folders included. A symlink whose target lies outside the raw paths given is
    refused (a warning; its content is never read). ``name`` is the path relative to the
    folder given (or the file name for a file), so that provenance does not depend on
    where the project is checked out; a name that is not UTF-8 is kept with its bytes
    escaped (``\\xe9``), and warned about.
    """
    found: list[tuple[str, Path]] = []
    warnings: list[str] = []
    seen: set[str] = set()
    roots = [os.path.realpath(path) for path in paths]

    def inside_roots(real: str) -> bool:
        return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)

    def add(name: str, path: Path, real: str) -> None:
        if real in seen:
            return  # the same file given twice is read once
        seen.add(real)
        escaped = shown(name)
        if escaped != name:
            warnings.append(
                f"{escaped}: the file name is not UTF-8 or holds control characters; it is recorded with those escaped"
            )
        found.append((escaped, path))

    for path in paths:
        if not path.exists():
            raise InputError(f"{shown(path)}: no such file or folder")
        if not path.is_dir():
            _check_regular(path)
            add(path.name, path, os.path.realpath(path))
            continue
        files = _text_files(path)
        if not files:
            raise InputError(f"{shown(path)}: folder holds no *.txt files")
        for file in files:
            real = os.path.realpath(file)
            if not inside_roots(real):
                warnings.append(f"{shown(file)}: a symlink to {shown(real)}, outside the raw paths given: refused, not read")
                continue
            add(file.relative_to(path).as_posix(), file, real)
    names = [name for name, _ in found]
    repeated = sorted(name for name, count in Counter(names).items() if count > 1)
    if repeated:
        raise InputError(f"two raw files share the name {repeated[0]!r}; give each input a distinct name")
    check_run_size([path for _, path in found])
    return found, warnings


# Small files are parsed, cached and handed on in batches: the per-file cost of a task, a cache entry and
# a set of tables (about 30 ms and 90 KB a file) outweighs the parse of a small file many times over.
SMALL_FILE_BYTES = 64 * 1024
BATCH_FILES = 256
BATCH_BYTES = 4 * 2**20


def ends_batch(name: str) -> bool:
    """Whether a batch of small files closes after ``name``: one name in 64, by its digest, so that a file
    added or removed changes its own batch only (the others, and their cache entries, stay as they were)."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).digest()[0] < 4


def batches(files: Sequence[tuple[str, Path]]) -> list[list[tuple[str, Path]]]:
    """The files, in their order, grouped into the batches that are parsed together: a file of
    :data:`SMALL_FILE_BYTES` or more alone; small ones together, a batch closing at :data:`BATCH_FILES`
    files, at :data:`BATCH_BYTES`, before a large file, or after a name that ends one (:func:`ends_batch`)."""
    grouped: list[list[tuple[str, Path]]] = []
    current: list[tuple[str, Path]] = []
    size = 0

    def close() -> None:
        nonlocal current, size
        if current:
            grouped.append(current)
        current, size = [], 0

    for name, path in files:
        try:
            bytes_ = os.stat(path).st_size
        except OSError:  # read (and reported) by its parse
            bytes_ = SMALL_FILE_BYTES
        if bytes_ >= SMALL_FILE_BYTES:
            close()
            grouped.append([(name, path)])
            continue
        current.append((name, path))
        size += bytes_
        if len(current) >= BATCH_FILES or size >= BATCH_BYTES or ends_batch(name):
            close()
    close()
    return grouped


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def _check_regular(path: Path) -> os.stat_result:
    """The file's status, if it is a regular file (a symlink is followed); a device, FIFO or socket
    is refused at once: reading one could block for ever (a FIFO) or never end (``/dev/zero``)."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise InputError(f"{shown(path)}: cannot read ({error.strerror or error})") from error
    if not stat.S_ISREG(status.st_mode):
        raise InputError(f"{shown(path)}: {_kind(status.st_mode)}; evkonyv reads regular files only")
    return status


def _count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as handle:
            return sum(max(chunk.count(b"\n"), chunk.count(b"\r")) for chunk in iter(lambda: handle.read(_COUNT_CHUNK), b""))
    except OSError as error:
        raise InputError(f"{shown(path)}: cannot read ({error.strerror or error})") from error


def check_run_size(paths: Sequence[Path]) -> None:
    """Stop, in one line naming the file, before a file or the run passes a ceiling of bytes or lines.

    A file's lines are its LF or its CR line breaks, whichever are more (CRLF counts once)."""
    run_bytes = run_lines = 0
    for path in paths:
        size = _check_regular(path).st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{shown(path)}: {size:,} bytes, over the ceiling of {MAX_FILE_BYTES:,} bytes a file; split the export"
            )
        lines = _count_lines(path)
        if lines > MAX_FILE_LINES:
            raise InputError(
                f"{shown(path)}: {lines:,} lines, over the ceiling of {MAX_FILE_LINES:,} lines a file; split the export"
            )
        run_bytes, run_lines = run_bytes + size, run_lines + lines
        if run_bytes > MAX_RUN_BYTES or run_lines > MAX_RUN_LINES:
            raise InputError(
                f"{shown(path)}: with it the run's input reaches {run_bytes:,} bytes and {run_lines:,} lines, over the ceiling of "
                f"{MAX_RUN_BYTES:,} bytes and {MAX_RUN_LINES:,} lines a run; publish the input in parts"
            )


def _text_files(folder: Path) -> list[Path]:
    """Files named ``*.txt`` (any case) below ``folder``, following symlinked folders once each."""
    files: list[Path] = []
    visited: set[str] = set()
    for current, folders, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(current)
        if real in visited:  # a symlink loop, or a folder reached twice
            folders.clear()
            continue
        visited.add(real)
        folders.sort()
        files.extend(Path(current) / name for name in names if name.lower().endswith(".txt") and (Path(current) / name).is_file())
    return sorted(files)


def read_source(name: str, path: Path) -> SourceText:
    try:
        streamed = _read_utf8_stream(name, path)
        if streamed is not None:
            return streamed
        data = _read_regular(path)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as error:
        raise InputError(f"{shown(path)}: cannot read ({error.strerror or error})") from error
    except OSError as error:
        raise InputError(f"{shown(path)}: cannot read ({error.strerror or error})", transient=True) from error
    return decode_source(name, data, label=shown(path))


def _open_regular(path: Path) -> BinaryIO:
    """A regular file, opened without blocking (a FIFO put in its place since the scan does not hang the run)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    handle = os.fdopen(descriptor, "rb")
    status = os.fstat(handle.fileno())
    if not stat.S_ISREG(status.st_mode):
        handle.close()
        raise InputError(f"{shown(path)}: {_kind(status.st_mode)}; evkonyv reads regular files only")
    return handle


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file, read no further than the ceiling a file allows."""
    with _open_regular(path) as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{shown(path)}: over the ceiling of {MAX_FILE_BYTES:,} bytes a file; split the export")
    return data


# The piece of a file read, decoded and cut into lines at a time by :func:`_read_utf8_stream`.
READ_CHUNK = 1 << 20
_OTHER_BOMS = (b"\x00\x00\xfe\xff", b"\xff\xfe", b"\xfe\xff")  # UTF-32 and UTF-16: read whole


def _read_utf8_stream(name: str, path: Path) -> SourceText | None:
    """A UTF-8 file (with or without its BOM) read a piece at a time: each piece decoded, cut into lines
    and normalised as it comes, so that neither the file's bytes nor its whole text is held beside its
    lines (a 46 MB file's bytes and text cost 140 MB more at once). The same :class:`SourceText` as
    :func:`decode_source` gives for the file's bytes. ``None`` for any file that is not plain text in
    UTF-8 (another encoding, NUL bytes, too many control characters, empty): :func:`decode_source` reads
    those whole, and names what is wrong."""
    digest = hashlib.sha256()
    lines: list[str] = []
    changes: dict[int, tuple[str, ...]] = {}
    pending, size, characters, controls_seen, blank = "", 0, 0, 0, True
    with _open_regular(path) as handle:
        chunk = handle.read(max(READ_CHUNK, 4))  # (a byte-order mark whole)
        if chunk.startswith(_OTHER_BOMS) and not chunk.startswith(b"\xef\xbb\xbf"):
            return None
        encoding = "utf-8-sig" if chunk.startswith(b"\xef\xbb\xbf") else "utf-8"
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        while True:
            last = not chunk
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise InputError(f"{shown(path)}: over the ceiling of {MAX_FILE_BYTES:,} bytes a file; split the export")
            digest.update(chunk)
            blank = blank and not chunk.strip()
            try:
                text = decoder.decode(chunk, final=last)
            except UnicodeDecodeError:
                return None
            if "\x00" in text:
                return None
            characters += len(text)
            controls_seen += len(_CONTROL.findall(text))
            text = pending + text
            if last:  # as split_lines: a final line break does not start a new line
                pieces = _LINE_BREAK.split(text) if text else []
                if pieces and pieces[-1] == "":
                    pieces.pop()
            else:
                held = "\r" if text.endswith("\r") else ""  # a CR whose LF may open the next piece
                pieces = _LINE_BREAK.split(text[: len(text) - len(held)])
                pending = pieces.pop() + held  # the line the next piece goes on with
            offset = len(lines)
            normalised, changed = normalise_lines(pieces)
            lines.extend(normalised)
            changes.update((offset + number, flags) for number, flags in changed.items())
            if last:
                break
            chunk = handle.read(READ_CHUNK)
    if blank or controls_seen > max(8, characters // 1000):
        return None
    return SourceText(
        name=name,
        sha256=digest.hexdigest(),
        encoding=encoding,
        lines=tuple(lines),
        encoding_uncertain=False,
        normalised=tuple(sorted(changes.items())),
    )


def decode_source(name: str, data: bytes, label: str | None = None) -> SourceText:
    """Decode a raw export (see :mod:`evkonyv.reading.decoding`) and cut it into lines.

    ``label`` names the file in error messages (default: ``name``).
    """
    label = label or name
    if not data.strip():
        raise InputError(f"{label}: file is empty")
    try:
        decoded = decode_bytes(data)
        if "\x00" in decoded.text:
            raise NotText("contains NUL bytes")
    except (NotText, UnicodeDecodeError) as error:
        raise InputError(f"{label}: not a text file ({error})") from None
    if len(_CONTROL.findall(decoded.text)) > max(8, len(decoded.text) // 1000):
        raise InputError(f"{label}: not a text file (too many control characters)")
    lines, changes = normalise_lines(split_lines(decoded.text))
    return SourceText(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        lines=tuple(lines),
        encoding_uncertain=decoded.uncertain,
        normalised=tuple(sorted(changes.items())),
    )


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR only: a final line break does not start a new line."""
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)  # most files: LF only
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_sources(files: Iterable[tuple[str, Path]]) -> list[SourceText]:
    return [read_source(name, path) for name, path in files]
