"""The main Prefect flow: raw year-article exports → validated tables in ``output/``.

Tasks are thin wrappers around the pure functions of :mod:`evkonyv`; they add logs,
retries for transient I/O, per-file caching and the run's artifacts. Work that depends
on one raw file only (split, parse, classify) is one task per file, or per batch of small
files: it is cached on the files' content and the parser's version, and it is what a
parallel task runner spreads.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
from evkonyv.schemas.tables import RECORD_TABLES
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from evkonyv import pipeline
from evkonyv.errors import InputError
from evkonyv.publishing.outputs import check_output, output_lock
from evkonyv.publishing.publish import fault_point
from evkonyv.release.build import Release
from evkonyv.summary import RunSummary, run_warnings, summarise
from evkonyv.tables import cache
from evkonyv.tables.build import ParsedTables
from evkonyv.tables.columns import FileTables
from evkonyv.tables.memory import give_back_freed_memory
from evkonyv.tables.pool import ParsePool, windowed
from evkonyv.tables.pool import parse_processes as choose_processes

# A batch's task logs the reading of this many of its files (a batch of small files holds up to 256).
BATCH_LOGGED = 3


def _transient_failure(task: Any, task_run: Any, state: Any) -> bool:
    """Retry only I/O hiccups, not bad input."""
    try:
        error = state.result(raise_on_failure=False)
    except Exception as raised:  # noqa: BLE001 - the state may re-raise its exception
        error = raised
    return isinstance(error, InputError) and error.transient


@task(name="scan", cache_policy=NO_CACHE)
def scan_task(raw: list[str]) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """The raw files to read, by name and path, in the batches parsed together, and warnings of what was
    refused (symlinks out of the raw paths ...). Each batch is read by its own parse task: no file's
    text is held longer than its parse."""
    grouped, warnings = pipeline.scan([Path(p) for p in raw])
    return [[(name, str(path)) for name, path in batch] for batch in grouped], warnings


@task(
    name="parse-files", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_transient_failure
)  # fmt: skip
def parse_files_task(batch: list[tuple[str, str]], cache_dir: str | None = None, pool: ParsePool | None = None) -> FileTables:
    """Read raw files, split them into articles, parse their lines and classify them: one large file, or a
    batch of small ones (:func:`~evkonyv.reading.sources.batches`); give the results as columns
    (:mod:`evkonyv.tables.parts`), so that neither the files' text nor an object per line outlives the
    task. A read that fails for a transient reason is retried. ``pool``: the processes the parse is spread
    over (:mod:`evkonyv.tables.pool`), when the flow's tasks run in its threads.

    The columns are cached in ``cache_dir`` as Arrow IPC data (see :mod:`evkonyv.tables.cache`), not in
    Prefect's result storage, whose default serializer is pickle.
    """
    logger = get_run_logger()
    sources = pipeline.read_batch([(name, Path(path)) for name, path in batch])
    for read in ((s.name, len(s.lines), s.encoding, s.sha256[:12]) for s in sources[:BATCH_LOGGED]):
        logger.info("read %s: %d lines, %s, sha256 %s", *read)  # (no name here holds a file past its parse)
    shown = sources[0].name if len(sources) == 1 else f"{len(sources)} files ({sources[0].name} ... {sources[-1].name})"
    folder = Path(cache_dir) if cache_dir else cache.default_cache_dir()
    tables = cache.load(folder, sources)
    if tables is None:
        # (the files' text, held as Python strings, goes as it is parsed: the parse takes the sources, and
        # the columns and the lines' Arrow copy hold all that is needed from here on)
        named = [replace(source, lines=(), normalised=()) for source in sources]
        tables = pipeline.parse_batch(sources, pool)
        cache.store(folder, named, tables)
    else:
        logger.info("%s: parse loaded from the cache", shown)
    records = sum(tables.parts[name].num_rows for name in RECORD_TABLES.values())
    timeline = tables.parts["timeline"].num_rows
    logger.info("%s: %d articles, %d records, %d timeline rows", shown, len(tables.articles), records, timeline)
    return tables


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_task(parsed: list[FileTables]) -> ParsedTables:
    """Publish each article once across files (every raw line is checked to be accounted for when the
    tables are validated)."""
    result = pipeline.combine(parsed)
    logger = get_run_logger()
    for duplicate in result.duplicates:
        logger.info("%s is a %s duplicate of %s", duplicate.article_id, duplicate.kind, duplicate.original_id)
    for kind, name in RECORD_TABLES.items():
        logger.info("%d %s records", result.parts[name].num_rows, kind)
    logger.info("%d timeline rows from the prose articles", result.parts["timeline"].num_rows)
    quarantine = result.parts["quarantine"]
    rows = zip(*(quarantine.column(name).to_pylist() for name in ("source_file", "source_line", "reason")), strict=True)
    for source_file, line, reason in rows:
        logger.info("quarantined %s:%d: %s", source_file, line, reason)
    return result


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(result: ParsedTables) -> dict[str, pd.DataFrame]:
    """The validated frames; the parse's columns are let go (cleared in place: the flow's ``result`` and the
    task's recorded input are the same object)."""
    tables = pipeline.validate(result)
    get_run_logger().info("all %d tables passed validation; every raw line is accounted for", len(tables))
    return tables


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(
    result: ParsedTables,
    tables: dict[str, pd.DataFrame],
    output: str,
    force: bool = False,
    allow_shrink: bool = False,
    warnings: list[str] | None = None,
) -> tuple[Release, list[str]]:
    """Build and swap in the release; returns it and the run's warnings (``warnings`` and publishing's)."""
    release, extra = pipeline.publish(
        result, tables, Path(output), force=force, allow_shrink=allow_shrink, warnings=warnings or []
    )
    logger = get_run_logger()
    for folder in release.files.removed_scratch:
        logger.info("removed the scratch folder of a run that was killed: %s", folder)
    logger.info("published release %s (%d files) into %s", release.version, len(release.files), output)
    try:
        create_markdown_artifact(key="evkonyv-quality-report", markdown=release.quality, description="evkonyv quality report")
    except Exception as error:  # noqa: BLE001 - published is published: report, do not fail
        extra.append(f"the quality report artifact could not be stored ({error!r})")
    return release, extra


def _parse_all(
    grouped: list[list[tuple[str, str]]], cache_dir: str | None, pool: ParsePool | None, at_once: int
) -> list[FileTables]:
    """Every batch's parse task, no more than ``at_once`` of them submitted and not yet done (:func:`windowed`);
    their columns in order."""

    def submit(batch: list[tuple[str, str]]) -> Any:
        # (the pool is handed over as it is, in this process's threads only: the runners of processes or a
        # cluster get no pool, and would get a quoted None as a tuple)
        arguments = (batch, cache_dir) if pool is None else (batch, cache_dir, quote(pool))
        return parse_files_task.submit(*arguments)

    return list(windowed(submit, grouped, at_once))


@flow(name="evkonyv", log_prints=False)
def evkonyv_flow(
    raw: list[str] | None = None,
    output: str = "output",
    cache_dir: str | None = None,
    force: bool = False,
    allow_shrink: bool = False,
    parse_processes: int | None = 1,
) -> dict[str, Any]:
    """Read, parse (per file: split, parse, classify), dedupe, validate and publish the raw exports.

    ``cache_dir`` keeps the per-file parse results (default: ``~/.cache/evkonyv``).
    ``force`` replaces an output folder that holds other files (never the input);
    ``allow_shrink`` publishes a release that loses most records, or replaces an unreadable one.
    One run at a time publishes into an output folder (its lock is held throughout).
    ``parse_processes``: how many processes parse when the tasks run in this process's threads (``None``:
    by the input's size and the free cores, :func:`~evkonyv.tables.pool.parse_processes`); the runners that
    spread the tasks over processes or a cluster parse each file in one.
    """
    give_back_freed_memory()
    raw = raw or ["raw"]
    target = check_output(Path(output), [Path(path) for path in raw], force=force)
    with output_lock(target):
        # quote(): hand the (large) values over as they are; Prefect would otherwise walk
        # through every nested object looking for futures, which costs more than the work.
        grouped, read_warnings = scan_task(raw)
        in_threads = isinstance(FlowRunContext.get().task_runner, ThreadPoolTaskRunner)  # type: ignore[union-attr]
        processes = choose_processes(parse_processes, pipeline.input_bytes(grouped)) if in_threads else 1
        if processes > 1:
            get_run_logger().info("the parse is spread over %d processes", processes)
        with pipeline.parse_pool(processes) as pool:
            # (in threads, as many batches at once as processes parse: each batch's text is held while it is
            # parsed; the runners of processes or a cluster take every batch at once, as they can)
            parsed = _parse_all(grouped, cache_dir, pool, processes if in_threads else len(grouped))
        # (Prefect unwraps quote() before the call; its type hints do not say so)
        result = dedupe_task(quote(parsed))  # type: ignore[call-overload]
        del parsed  # the per-file columns are not held past the combine
        warnings = run_warnings(result) + read_warnings
        tables = validate_task(quote(result))  # type: ignore[call-overload]
        release, warnings = publish_task(quote(result), quote(tables), output, force, allow_shrink, warnings)  # type: ignore[call-overload]
    fault_point("flow:after-publish")
    summary: RunSummary = summarise(result, tables, sorted(release.files), output, release.version, warnings)
    for warning in summary.warnings:
        get_run_logger().info("warning: %s", warning)
    try:
        create_markdown_artifact(key="evkonyv-run-summary", markdown=summary.markdown(), description="evkonyv run summary")
    except Exception as error:  # noqa: BLE001 - the release is published: say so, with a warning
        summary.warnings.append(f"the run summary artifact could not be stored ({error!r})")
    return summary.as_dict()
