"""Publishing a release: putting its files into the output folder, all or nothing.

The release is built in a staging folder beside the output folder and swapped in
whole: on Linux with one atomic ``renameat2(RENAME_EXCHANGE)``, elsewhere with two
renames and a recovery step at the start of the next run. A run that fails or is
killed at any point leaves the previous release complete; staging folders of dead
runs are removed by the next one (under the output's lock, so no live run owns them).
Only a folder evkonyv owns is replaced (:mod:`evkonyv.publishing.outputs`); each run replaces its
content, keeping only hidden regular files (``.gitkeep``), and marks it as a release. With
``force``, what the folder holds that evkonyv did not write is first moved aside whole, and the
previous release's folder is emptied of evkonyv's own files only: nothing foreign is ever deleted.

Serialising the tables is :mod:`evkonyv.tables.serialise`; this module only puts files in place.
"""

from __future__ import annotations

import ctypes
import os
import re
import secrets
import shutil
import signal
from collections.abc import Callable, Mapping
from pathlib import Path

from evkonyv.errors import EvkonyvError
from evkonyv.publishing.outputs import MARKER, check_output, marker_text, output_lock, set_aside
from evkonyv.release.files import ReleaseFiles

# Set to a point name ("publish:<point>") to kill the run there with SIGKILL: tests
# use it to show that a killed run leaves the previous release whole.
FAULT_INJECTION_VARIABLE = "EVKONYV_FAULT"


def write_release(
    files: Mapping[str, bytes], output: Path, *, force: bool = False, notice: Callable[[str], None] | None = None
) -> list[Path]:
    """Put ``files`` into ``output`` all-or-nothing; return the paths written.

    ``output`` must be a folder evkonyv may replace (see :mod:`evkonyv.publishing.outputs`); a
    symlinked output is published into its target. The output's lock is held throughout.
    ``notice`` is told, in one line each, what ``force`` moved aside.
    """
    target = check_output(output, force=force)
    with output_lock(target):
        return _write_locked(files, target, force, notice or (lambda _line: None))


def _write_locked(files: Mapping[str, bytes], output: Path, force: bool, notice: Callable[[str], None]) -> list[Path]:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        recover(output)
        _remove_stale_staging(output)
        check_output(output, force=force)  # again, now that the lock is held
        staging = output.parent / f".{output.name}.staging-{os.getpid()}-{secrets.token_hex(4)}"
        staging.mkdir()
    except OSError as error:
        raise EvkonyvError(f"{output}: cannot write the output folder ({error.strerror or error})") from error
    try:
        for index, name in enumerate(files):
            if isinstance(files, ReleaseFiles):  # on disk already: copied, never read into memory
                files.copy(name, staging / name)
            else:
                (staging / name).write_bytes(files[name])
            if index == 0:
                fault_point("publish:after-first-file")
        _keep_hidden_files(output, staging)
        (staging / MARKER).write_text(marker_text(list(files)), encoding="utf-8")
        _fsync_folder(staging)
        fault_point("publish:before-swap")
        if force:  # (refused above without force)
            _tell_set_aside(set_aside(output), output, notice)
        swap_in(staging, output)
        fault_point("publish:after-swap")
        # staging now holds the previous release: anything in it evkonyv did not write (put there
        # while this run worked) is moved aside, never deleted with it
        _tell_set_aside(set_aside(staging, beside=output), output, notice)
        return [output / name for name in files]
    except OSError as error:
        raise EvkonyvError(f"{output}: cannot write the release ({error.strerror or error})") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _tell_set_aside(moved: tuple[Path, list[str]] | None, output: Path, notice: Callable[[str], None]) -> None:
    if moved:
        folder, names = moved
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        notice(f"--force: moved what {output} held that evkonyv did not write ({shown}) into {folder}; nothing was deleted")


class InjectedFault(RuntimeError):
    """Raised where ``EVKONYV_FAULT=raise:<point>`` asks for a failure (tests only)."""


def fault_point(name: str) -> None:
    """Kill the run here with SIGKILL (``EVKONYV_FAULT=<point>``) or fail it (``raise:<point>``)."""
    fault = os.environ.get(FAULT_INJECTION_VARIABLE)
    if fault == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if fault == f"raise:{name}":
        raise InjectedFault(f"injected failure at {name}")


def _keep_hidden_files(output: Path, staging: Path) -> None:
    if output.is_dir():
        for entry in output.iterdir():
            if entry.name.startswith(".") and entry.is_file() and not entry.is_symlink() and entry.name != MARKER:
                shutil.copy2(entry, staging / entry.name)


def _fsync_folder(folder: Path) -> None:
    for entry in folder.iterdir():
        with entry.open("rb") as handle:
            os.fsync(handle.fileno())
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def swap_in(staging: Path, output: Path) -> None:
    """Put ``staging`` at ``output``; afterwards ``staging`` holds the old release, if any."""
    if not output.exists():
        staging.rename(output)
        return
    if _exchange(staging, output):
        return
    previous = _previous_path(output)
    output.rename(previous)
    fault_point("publish:between-renames")
    staging.rename(output)
    previous.rename(staging)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot exchange
        return False
    raise OSError(error, os.strerror(error), str(second))


def _previous_path(output: Path) -> Path:
    return output.parent / f".{output.name}.previous"


def recover(output: Path) -> None:
    """Finish a two-rename swap that a killed run left half done."""
    previous = _previous_path(output)
    if previous.exists() and not output.exists():
        previous.rename(output)
    elif previous.exists():
        shutil.rmtree(previous)


def _remove_stale_staging(output: Path) -> None:
    """Remove staging folders of this output: with the lock held, none belongs to a live run."""
    pattern = re.compile(rf"\.{re.escape(output.name)}\.staging-\d+-[0-9a-f]+")
    for entry in output.parent.iterdir():
        if pattern.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
