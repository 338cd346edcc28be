"""Child processes tied to the life of the process that starts them (Linux)."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGKILL, parent: int | None = None) -> None:
    """Ask the kernel to send ``sig`` to this process when its parent dies (Linux; elsewhere nothing).
    The kernel's "parent" is the thread that started the process: start such children from a thread
    that outlives them. ``parent``: the process id of the parent that started this one, when this is
    called some time after the start (a worker's first call): if that parent died before the request
    was made, no signal would ever come, so ``sig`` is sent now."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), sig)
