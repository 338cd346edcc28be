"""Choosing where the per-file tasks run: threads, local processes or a Dask cluster."""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


def task_runner(workers: int = 1, dask_address: str | None = None) -> TaskRunner:
    """``dask_address``: an existing Dask cluster; ``workers`` > 1: that many local processes
    (parsing is CPU-bound: threads would share one core); otherwise threads, one per core, of which the flow
    uses as many at once as processes parse (one, unless the parse is spread over a pool of processes:
    :mod:`evkonyv.tables.pool`)."""
    if dask_address:
        from prefect_dask.task_runners import DaskTaskRunner  # only needed, and imported, for a cluster

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=max(1, os.cpu_count() or 1))
