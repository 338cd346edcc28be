"""The per-file parse cache: parsed files kept as JSON data, never as pickled code.

A cache entry is named by the raw file's content digest, its name and the parser's
version, so an entry is reused only for the same bytes under the same name parsed by
the same code. An entry is plain JSON, read back field by field into the parser's
dataclasses by their type hints: nothing in it can run. An entry that does not parse,
or does not fit the types, is a miss (the file is parsed again and the entry rewritten).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import secrets
import types
import typing
from pathlib import Path
from typing import Any

from evkonyv.parsing.parse import PARSER_VERSION, ParsedFile
from evkonyv.reading.sources import SourceText


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "evkonyv"


def entry_path(cache_dir: Path, source: SourceText) -> Path:
    name = hashlib.sha256(source.name.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir / f"parse-{source.sha256}-{name}-{PARSER_VERSION}.json"


def load(cache_dir: Path, source: SourceText) -> ParsedFile | None:
    """The cached parse of ``source``; None on a miss (absent, unreadable or malformed entry)."""
    try:
        data = json.loads(entry_path(cache_dir, source).read_text(encoding="utf-8"))
        if data.get("parser_version") != PARSER_VERSION or data.get("sha256") != source.sha256:
            return None
        fields = {name: _decode(data[name], hint) for name, hint in _hints(ParsedFile).items() if name != "source"}
        return ParsedFile(source=source, **fields)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def store(cache_dir: Path, source: SourceText, parsed: ParsedFile) -> None:
    """Write the entry atomically; a cache that cannot be written is no error."""
    entry = {"parser_version": PARSER_VERSION, "sha256": source.sha256}
    entry |= {field.name: _encode(getattr(parsed, field.name)) for field in dataclasses.fields(parsed) if field.name != "source"}
    path = entry_path(cache_dir, source)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _encode(item) for key, item in value.items()}
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
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(item, args[0]) for item in _list(value))
        return tuple(_decode(item, arg) for item, arg in zip(_list(value), args, strict=True))
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_decode(item, item_hint) for item in _list(value)]
    if origin is dict:
        key_hint, item_hint = typing.get_args(hint)
        return {key_hint(key): _decode(item, item_hint) for key, item in value.items()}
    if hint in (str, int, bool, float):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise TypeError(f"expected {hint.__name__}, got {type(value).__name__}")
        return value
    raise TypeError(f"cannot read a cached {hint!r}")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value
