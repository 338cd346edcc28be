"""Giving freed memory back to the system, so that a stage's transient buffers do not stay resident.

Two allocators keep what a run frees:

- pyarrow's default allocator (mimalloc in its wheels) keeps freed pages for reuse. A run allocates
  and frees a table's worth of Arrow buffers at every stage (each file's columns, each table's Parquet
  and CSV), and the kept pages add up: with the system allocator the benchmark's peak resident size
  falls from 689 to 585 MiB at 3000 articles and from 2066 to 1770 MiB at 13,000 (BENCHMARKS.md).
  :func:`give_back_freed_memory` switches Arrow to it.
- The C library's allocator (glibc's malloc, under Python's large objects and the system allocator
  above) gives back only the top of its heap on its own: what a stage freed below a block still in use
  stays resident (the raw lines of a file once parsed, a table's buffers once written).
  :func:`trim_freed_memory` asks it to give back every free page (``malloc_trim``) at the end of a stage.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable

import pyarrow


def give_back_freed_memory() -> None:
    """Make Arrow allocate with the system allocator from now on. It holds for the whole process, so
    the pipeline's entry point (the flow) calls it, not the library's modules."""
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def trim_freed_memory() -> bool:
    """Give the free pages of the C library's heap back to the system; whether it could be asked (only
    glibc has ``malloc_trim``: elsewhere this does nothing). It takes a few milliseconds: call it
    between stages, not per line."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # no C library by that name, or one without malloc_trim (musl, macOS)
        return None
