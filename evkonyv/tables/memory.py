"""Where Arrow allocates: the system allocator, which gives freed memory back at once.

pyarrow's default allocator (mimalloc in its wheels) keeps freed pages for reuse. A run allocates
and frees a table's worth of Arrow buffers at every stage (each file's columns, each table's Parquet
and CSV), and the kept pages add up: with the system allocator the benchmark's peak resident size
falls from 689 to 585 MiB at 3000 articles and from 2066 to 1770 MiB at 13,000 (BENCHMARKS.md).
"""

from __future__ import annotations

import pyarrow


def give_back_freed_memory() -> None:
    """Make Arrow allocate with the system allocator from now on. It holds for the whole process, so
    the pipeline's entry point (the flow) calls it, not the library's modules."""
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
