"""Finding raw files, decoding their bytes and cutting them into lines."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evkonyv.decoding import NotText, decode_bytes
from evkonyv.errors import InputError
from evkonyv.normalise import normalise_lines

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Control characters other than tab and line breaks do not occur in exported text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceText:
    """One raw file, decoded."""

    name: str
    sha256: str
    encoding: str
    lines: tuple[str, ...]  # normalised (see :mod:`evkonyv.normalise`)
    encoding_uncertain: bool = False
    # 1-based line number -> what normalisation changed on that line
    normalised: tuple[tuple[int, tuple[str, ...]], ...] = ()

    def line_flags(self) -> dict[int, tuple[str, ...]]:
        return dict(self.normalised)


def find_raw_files(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """Expand files and folders (their ``*.txt``) into ``(name, path)`` pairs.

    ``name`` is the path relative to the folder given (or the file name for a file),
    so that provenance does not depend on where the project is checked out.
    """
    found: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                raise InputError(f"{path}: folder holds no *.txt files")
            found.extend((p.relative_to(path).as_posix(), p) for p in files if p.resolve() not in seen)
            seen.update(p.resolve() for p in files)
        elif path.resolve() not in seen:  # the same file given twice is read once
            found.append((path.name, path))
            seen.add(path.resolve())
    names = [name for name, _ in found]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise InputError(f"two raw files share the name {repeated[0]!r}; give each input a distinct name")
    return found


def read_source(name: str, path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except (FileNotFoundError, PermissionError, IsADirectoryError) as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})", transient=True) from error
    return decode_source(name, data, label=str(path))


def decode_source(name: str, data: bytes, label: str | None = None) -> SourceText:
    """Decode a raw export (see :mod:`evkonyv.decoding`) and cut it into lines.

    ``label`` names the file in error messages (default: ``name``).
    """
    label = label or name
    if not data.strip():
        raise InputError(f"{label}: file is empty")
    if b"\x00" in data:
        raise InputError(f"{label}: not a text file (contains NUL bytes)")
    try:
        decoded = decode_bytes(data)
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
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_sources(files: Iterable[tuple[str, Path]]) -> list[SourceText]:
    return [read_source(name, path) for name, path in files]
