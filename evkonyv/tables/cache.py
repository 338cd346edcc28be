"""The per-file parse cache: a parsed file's columns kept as Arrow IPC, its articles as JSON.

An entry holds what the parse task hands on (:class:`~evkonyv.tables.parts.FileTables`): reading
it back costs a copy of the columns, not a parse, nor a Python object per line. It is named by the
raw file's content digest, its name and :data:`CACHE_VERSION` (the parser's version, the code that
makes the columns and the schemas they have, and pyarrow's version), so an entry is reused only for
the same bytes under the same name made by the same code.

An entry is data, never pickled code: a magic line, then length-prefixed frames, a JSON header (the
versions, the raw file's digest, the table names and the articles (without their text: the file's lines are
those of the raw file it is read for), read back field by field by their
type hints) and one Arrow IPC stream per table, and last an HMAC-SHA256 of everything before it,
keyed by a random key made for the cache folder (``.key``, readable by its owner only). An entry
whose content was edited (by hand, by another program, cut short) fails its HMAC; an entry that
does not read, does not fit the types or whose tables have not the expected schemas is a miss
too: the file is parsed again, the entry rewritten.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import importlib.metadata
import json
import os
import secrets
import struct
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow
import pyarrow.ipc

import evkonyv.schemas
from evkonyv.parsing.articles import Article
from evkonyv.parsing.lines import lines_array
from evkonyv.parsing.parse import PARSER_VERSION
from evkonyv.reading.sources import SourceText
from evkonyv.tables.columns import PARSED_TABLES, FileTables, SourceSummary
from evkonyv.tables.parts import part_schema

_MAGIC = b"evkonyv parse cache\n"
_LENGTH = struct.Struct("<Q")
_KEY_FILE = ".key"
_MAC_SIZE = 32


def folder_key(cache_dir: Path, *, create: bool) -> bytes | None:
    """The cache folder's HMAC key (made, owner-only, when ``create`` and there is none).

    A new key is written whole to a file of its own and then linked into place, so a run (or a
    thread of this run) that finds ``.key`` always finds all of its 32 bytes, and when two make one at
    once the first link wins and both use it."""
    path = cache_dir / _KEY_FILE
    try:
        key = path.read_bytes()
        return key if len(key) == 32 else None
    except FileNotFoundError:
        if not create:
            return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    draft = cache_dir / f"{_KEY_FILE}.{secrets.token_hex(8)}"
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_bytes(32))
        with contextlib.suppress(FileExistsError):  # made by another run meanwhile: theirs is the key
            os.link(draft, path)
    finally:
        draft.unlink(missing_ok=True)
    return folder_key(cache_dir, create=False)


def _mac(key: bytes, data: bytes | memoryview) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def _cache_version() -> str:
    digest = hashlib.sha256(f"{PARSER_VERSION}; pyarrow {importlib.metadata.version('pyarrow')}; ".encode())
    folders = (Path(__file__).resolve().parent, Path(evkonyv.schemas.__file__).resolve().parent)
    for path in sorted(path for folder in folders for path in folder.glob("*.py")):
        digest.update(path.parent.name.encode() + b"/" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


CACHE_VERSION = _cache_version()


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evkonyv"


def entry_path(cache_dir: Path, sources: Sequence[SourceText]) -> Path:
    """The entry of one file, or of a batch of small files parsed together: named by their contents' and
    names' digests and the code's version."""
    if len(sources) == 1:
        content = sources[0].sha256
    else:
        content = hashlib.sha256("\n".join(source.sha256 for source in sources).encode()).hexdigest()
    names = "\0".join(source.name for source in sources)
    return (
        cache_dir
        / f"parse-{content}-{hashlib.sha256(names.encode('utf-8', 'surrogateescape')).hexdigest()[:16]}-{CACHE_VERSION}.arrows"
    )


def load(cache_dir: Path, sources: Sequence[SourceText]) -> FileTables | None:
    """The cached columns of ``sources`` (one file or a batch); None on a miss (absent, unreadable or malformed entry)."""
    try:
        key = folder_key(cache_dir, create=False)
        data = entry_path(cache_dir, sources).read_bytes()
        if key is None or not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + _MAC_SIZE:
            return None
        content = memoryview(data)[:-_MAC_SIZE]
        if not hmac.compare_digest(_mac(key, content), data[-_MAC_SIZE:]):
            return None  # edited since it was written
        frames = _frames(content[len(_MAGIC) :])
        header = json.loads(bytes(next(frames)))
        if header.get("cache_version") != CACHE_VERSION or header.get("sha256") != [source.sha256 for source in sources]:
            return None
        if header.get("names") != [source.name for source in sources]:
            return None
        if header.get("tables") != list(PARSED_TABLES):
            return None
        articles = [_decode(article, Article) for article in _list(header["articles"])]
        parts: dict[str, pyarrow.Table] = {}
        for name in PARSED_TABLES:
            table = pyarrow.ipc.open_stream(pyarrow.py_buffer(next(frames))).read_all()
            if not table.schema.equals(part_schema(name), check_metadata=True):
                return None
            parts[name] = pyarrow.Table.from_arrays(table.columns, schema=part_schema(name))  # (one schema object for all)
        if next(frames, None) is not None:
            return None
        if any(article.lines for article in articles):
            return None
        summaries = [SourceSummary.of(source) for source in sources]
        return FileTables(summaries, articles, parts, {source.name: lines_array(source.lines) for source in sources})
    except (OSError, ValueError, TypeError, KeyError, AttributeError, StopIteration, pyarrow.ArrowException):
        return None


def store(cache_dir: Path, sources: Sequence[SourceText], tables: FileTables) -> None:
    """Write the entry atomically; a cache that cannot be written is no error."""
    header = {
        "cache_version": CACHE_VERSION,
        "sha256": [source.sha256 for source in sources],
        "names": [source.name for source in sources],
        "tables": list(PARSED_TABLES),
        "articles": [_encode(article) for article in tables.articles],
    }
    path = entry_path(cache_dir, sources)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    try:
        key = folder_key(cache_dir, create=True)
        if key is None:
            return
        mac = hmac.new(key, _MAGIC, hashlib.sha256)
        with temporary.open("wb") as handle:
            signed = _Signed(handle, mac)
            handle.write(_MAGIC)
            header_frame = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            signed.write(_LENGTH.pack(len(header_frame)))
            signed.write(header_frame)
            # each table streamed into the file as Arrow IPC after its length is counted (a mock sink
            # counts without storing): no copy of the tables is made in memory
            for name in PARSED_TABLES:
                table = tables.parts[name]
                counter = pyarrow.MockOutputStream()
                _write_ipc(counter, table)
                signed.write(_LENGTH.pack(counter.size()))
                _write_ipc(signed, table)
            handle.write(mac.digest())
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)


class _Signed:
    """A file the bytes written to which also go into a MAC."""

    def __init__(self, handle: typing.BinaryIO, mac: Any) -> None:
        self._handle, self._mac = handle, mac
        self.closed = False

    def write(self, data: bytes | memoryview) -> int:
        self._mac.update(data)
        return self._handle.write(data)

    def flush(self) -> None:
        self._handle.flush()


def _write_ipc(sink: Any, table: pyarrow.Table) -> None:
    with pyarrow.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)


def _frames(data: memoryview) -> typing.Iterator[memoryview]:
    position = 0
    while position < len(data):
        (length,) = _LENGTH.unpack_from(data, position)
        position += _LENGTH.size
        if position + length > len(data):
            raise ValueError("a cache entry cut short")
        yield data[position : position + length]
        position += length


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        names = {field.name for field in dataclasses.fields(cls)}
        _HINTS[cls] = {name: hint for name, hint in typing.get_type_hints(cls).items() if name in names}
    return _HINTS[cls]


def _decode(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(hint):
            return None
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(value, options[0])
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {hint.__name__}")
        return hint(**{name: _decode(value[name], field_hint) for name, field_hint in _hints(hint).items()})
    if origin is tuple:
        (item_hint, _) = typing.get_args(hint)
        return tuple(_decode(item, item_hint) for item in _list(value))
    if hint in (str, int, bool, float):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise TypeError(f"expected {hint.__name__}, got {type(value).__name__}")
        return value
    raise TypeError(f"cannot read a cached {hint!r}")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value
