"""Which folder a release may replace, and one run at a time per output folder.

evkonyv replaces only a folder it owns:

* a missing folder, or an empty one (hidden regular files such as ``.gitkeep`` aside);
* a folder whose marker file (``.evkonyv-release``) lists the release files in it, and
  that holds nothing else than those files and hidden regular files (kept across runs).
  A release written before the marker existed is recognised by its ``datapackage.json``
  (named ``evkonyv``) and ``SHA256SUMS``.

Anything else — a regular file, a folder with other files or sub-folders (``.git``),
the input folder, a folder holding the input (``.``, an ancestor), a folder inside the
input — is refused before any work is done. ``force`` lifts the ownership rule, never
the rules that protect the input, and never deletes what evkonyv did not write: the
foreign entries are moved aside, whole, into a sibling folder
(``<name>.set-aside-<n>``, see :func:`set_aside`) and the run names them. Some folders
are refused outright, with or without ``force``: the file-system root, a top-level
folder (``/usr``, ``/home``, ``/tmp``), a folder inside the system's own (``/etc``,
``/usr``, ``/var``, ...), the home folder and every folder that holds it.
A symlinked output is followed: the release goes into its target.

A lock file beside the output (``.<name>.lock``, ``flock``) lets one run at a time
publish into it; the lock is re-entrant within one process.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from evkonyv.errors import EvkonyvError

MARKER = ".evkonyv-release"


class OutputRefused(EvkonyvError):
    """The output folder is not one evkonyv may replace."""


class OutputLocked(EvkonyvError):
    """Another run is publishing into the same output folder."""


def resolve_output(output: Path) -> Path:
    """The folder the release goes into: absolute, with symlinks followed."""
    return Path(os.path.realpath(output))


def marker_text(files: Sequence[str]) -> str:
    return json.dumps({"evkonyv_release": True, "files": sorted(files)}, ensure_ascii=False, indent=1) + "\n"


def release_files_in(folder: Path) -> set[str] | None:
    """The release file names the folder's marker lists; None when it holds no release."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        if marker.get("evkonyv_release") is True and isinstance(marker.get("files"), list):
            return {str(name) for name in marker["files"]}
    except FileNotFoundError:
        pass
    except (OSError, ValueError, AttributeError):
        return None
    return _legacy_release_files(folder)


def _legacy_release_files(folder: Path) -> set[str] | None:
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        sums = (folder / "SHA256SUMS").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    if not isinstance(descriptor, dict) or descriptor.get("name") != "evkonyv" or "evkonyv" not in descriptor:
        return None
    return {line.split(maxsplit=1)[1].lstrip("*") for line in sums.splitlines() if len(line.split(maxsplit=1)) == 2} | {
        "SHA256SUMS"
    }


def _is_kept_hidden_file(entry: Path) -> bool:
    return entry.name.startswith(".") and entry.is_file() and not entry.is_symlink()


def foreign_entries(folder: Path) -> list[str]:
    """Entries of ``folder`` that are not part of an evkonyv release (sorted)."""
    entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    release = release_files_in(folder) or set()
    return [
        entry.name
        for entry in entries
        if entry.name != MARKER
        and not _is_kept_hidden_file(entry)
        and not (entry.name in release and entry.is_file() and not entry.is_symlink())
    ]


# Folders of the operating system: nothing below them is ever a release's folder.
SYSTEM_FOLDERS = tuple(
    Path(folder)
    for folder in (
        "/bin",
        "/boot",
        "/dev",
        "/etc",
        "/lib",
        "/lib32",
        "/lib64",
        "/libx32",
        "/proc",
        "/run",
        "/sbin",
        "/sys",
        "/usr",
        "/var",
    )
)


def protected_reason(target: Path) -> str | None:
    """Why ``target`` (resolved) may never be replaced, even with ``--force``; None when it may be."""
    if target == Path(target.anchor):
        return "the file-system root"
    if target.parent == Path(target.anchor):
        return "a top-level folder of the file system"
    for system in SYSTEM_FOLDERS:
        if target.is_relative_to(system):
            return f"a folder of the operating system ({system})"
    home = Path(os.path.realpath(Path.home()))
    if home == target:
        return "the home folder"
    if home.is_relative_to(target):
        return f"a folder that holds the home folder {home}"
    return None


def check_output(output: Path, raw_paths: Sequence[Path] = (), *, force: bool = False) -> Path:
    """Refuse an output folder evkonyv must not replace; return the resolved folder."""
    target = resolve_output(output)
    shown = f"--output {output}"
    protected = protected_reason(target)
    if protected:
        raise OutputRefused(f"{shown}: {target} is {protected}; evkonyv never publishes there, even with --force")
    for raw in raw_paths:
        source = Path(os.path.realpath(raw))
        if target == source or source.is_relative_to(target):
            raise OutputRefused(f"{shown}: it holds the input {raw}; publishing would delete it. Choose another folder")
        if target.is_relative_to(source) and source.is_dir():
            raise OutputRefused(f"{shown}: it lies inside the input folder {raw}. Choose a folder outside it")
    if target == Path(os.path.realpath(Path.cwd())) or target == Path(target.anchor):
        raise OutputRefused(f"{shown}: the current folder or the file-system root cannot be replaced by a release")
    if not target.exists():
        return target
    if not target.is_dir():
        raise OutputRefused(f"{shown}: it is a file, not a folder; evkonyv publishes into a folder")
    foreign = foreign_entries(target)
    if foreign and not force:
        shown_entries = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputRefused(
            f"{shown}: the folder holds files that are not an evkonyv release ({shown_entries}); "
            "publishing would delete them. Choose an empty folder, or pass --force to move them aside"
        )
    return target


def set_aside(target: Path, beside: Path | None = None) -> tuple[Path, list[str]] | None:
    """Move the entries of ``target`` that are not evkonyv's into a new folder beside ``beside``
    (default: ``target``), named ``<beside's name>.set-aside-<n>``, whole.

    Returns that folder and the names moved; None when there was nothing to move. Nothing is
    deleted: a rename on the same file system moves a sub-folder (``.ssh``) with everything in it.
    """
    if not target.is_dir():
        return None
    foreign = foreign_entries(target)
    if not foreign:
        return None
    beside = beside or target
    number = 1
    while True:
        aside = beside.parent / f"{beside.name}.set-aside-{number}"
        try:
            aside.mkdir()
            break
        except FileExistsError:
            number += 1
    for name in foreign:
        os.rename(target / name, aside / name)
    return aside, foreign


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}.lock"


_held: dict[Path, tuple[int, int]] = {}  # lock path -> (descriptor, depth)


@contextlib.contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the output folder's lock; a second run stops with a clear message."""
    path = lock_path(target)
    if path in _held:
        descriptor, depth = _held[path]
        _held[path] = (descriptor, depth + 1)
        try:
            yield
        finally:
            _held[path] = (descriptor, _held[path][1] - 1)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise EvkonyvError(f"{target}: cannot write the output folder's lock file {path} ({error.strerror or error})") from error
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(descriptor, 64, 0).decode("ascii", "replace").strip() or "unknown"
        os.close(descriptor)
        raise OutputLocked(
            f"{target}: another evkonyv run (process {holder}) is publishing into this folder; try again when it ends"
        ) from None
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
    _held[path] = (descriptor, 1)
    try:
        yield
    finally:
        del _held[path]
        os.close(descriptor)  # releases the flock; the file stays (removing it would race)


def release_fingerprint(target: Path) -> str | None:
    """What identifies the release in ``target`` (its marker and descriptor); None when there is none."""
    try:
        return (target / MARKER).read_text(encoding="utf-8") + (target / "datapackage.json").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


def published_version(target: Path) -> str:
    try:
        return str(json.loads((target / "datapackage.json").read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return "?"
