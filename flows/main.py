"""The main Prefect flow: raw year-article exports → validated tables in ``output/``.

Tasks are thin wrappers around the pure functions of :mod:`evkonyv`; they add logs,
retries for transient I/O, per-file caching and the run's artifacts. Work that depends
on one raw file only (split, parse, classify) is one task per file: it is cached on the
file's content and the parser's version, and it is what a parallel task runner spreads.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from evkonyv.errors import InputError
from evkonyv.parse import PARSER_VERSION, ParsedFile, ParseResult, combine, parse_file
from evkonyv.publish import write_release
from evkonyv.release.build import Release, build_release, read_previous, release_date
from evkonyv.release.texts import SourceFile
from evkonyv.sources import SourceText, find_raw_files, read_source
from evkonyv.summary import RunSummary, run_warnings, summarise
from evkonyv.tables import build_tables
from schemas.validation import check_tables, validate_tables


def _transient_failure(task: Any, task_run: Any, state: Any) -> bool:
    """Retry only I/O hiccups, not bad input."""
    try:
        error = state.result(raise_on_failure=False)
    except Exception as raised:  # noqa: BLE001 - the state may re-raise its exception
        error = raised
    return isinstance(error, InputError) and error.transient


@task(name="read", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1, retry_condition_fn=_transient_failure)
def read_task(raw: list[str]) -> list[SourceText]:
    logger = get_run_logger()
    sources = [read_source(name, path) for name, path in find_raw_files([Path(p) for p in raw])]
    for source in sources:
        logger.info("read %s: %d lines, %s, sha256 %s", source.name, len(source.lines), source.encoding, source.sha256[:12])
    return sources


def _parse_cache_key(context: Any, parameters: dict[str, Any]) -> str:
    """A file is parsed again only when its content, its name or the parser changes."""
    source: SourceText = parameters["source"]
    name = hashlib.sha256(source.name.encode("utf-8")).hexdigest()[:16]
    return f"evkonyv-parse-{source.sha256}-{name}-{PARSER_VERSION}"


@task(name="parse-file", cache_key_fn=_parse_cache_key, persist_result=True)
def parse_file_task(source: SourceText) -> ParsedFile:
    """Split one raw file into articles, parse their lines and classify them (one task per file)."""
    parsed = parse_file(source)
    records = sum(len(result.records) for result in parsed.results.values())
    get_run_logger().info("%s: %d articles, %d records", source.name, len(parsed.articles), records)
    return parsed


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_task(parsed: list[ParsedFile]) -> ParseResult:
    """Publish each article once across files; check that every raw line is accounted for."""
    result = combine(parsed)
    logger = get_run_logger()
    for duplicate in result.duplicates:
        logger.info("%s is a %s duplicate of %s", duplicate.article_id, duplicate.kind, duplicate.original_id)
    for kind in ("event", "birth", "death"):
        logger.info("%d %s records", len(result.records_of(kind)), kind)
    for quarantined in result.quarantined:
        logger.info("quarantined %s:%d: %s", quarantined.source_file, quarantined.source_line, quarantined.reason)
    return result


@task(name="validate", cache_policy=NO_CACHE)
def validate_task(result: ParseResult) -> dict[str, pd.DataFrame]:
    tables = validate_tables(build_tables(result))
    check_tables(tables, {source.name: len(source.lines) for source in result.sources})
    get_run_logger().info("all %d tables passed validation; every raw line is accounted for", len(tables))
    return tables


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(result: ParseResult, tables: dict[str, pd.DataFrame], output: str) -> Release:
    previous = read_previous(Path(output))
    sources = [SourceFile(source.name, source.sha256, source.encoding) for source in result.sources]
    release = build_release(tables, sources, previous, run_warnings(result), release_date())
    write_release(release.files, Path(output))
    logger = get_run_logger()
    logger.info("published release %s (%d files) into %s", release.version, len(release.files), output)
    create_markdown_artifact(key="evkonyv-quality-report", markdown=release.quality, description="evkonyv quality report")
    return release


@flow(name="evkonyv", log_prints=False)
def evkonyv_flow(raw: list[str] | None = None, output: str = "output", cache_dir: str | None = None) -> dict[str, Any]:
    """Read, parse (per file: split, parse, classify), dedupe, validate and publish the raw exports.

    ``cache_dir`` keeps the per-file parse results (default: Prefect's local storage).
    """
    # quote(): hand the (large) values over as they are; Prefect would otherwise walk
    # through every nested object looking for futures, which costs more than the work.
    sources = read_task(raw or ["raw"])
    parse = parse_file_task.with_options(result_storage=Path(cache_dir)) if cache_dir else parse_file_task
    # (not quoted: a task runner that ships tasks elsewhere, like Dask's, would not unwrap it)
    futures = [parse.submit(source) for source in sources]
    result = dedupe_task(quote([future.result() for future in futures]))
    tables = validate_task(quote(result))
    release = publish_task(quote(result), quote(tables), output)
    summary: RunSummary = summarise(result, tables, sorted(release.files), output, release.version)
    for warning in summary.warnings:
        get_run_logger().info("warning: %s", warning)
    create_markdown_artifact(key="evkonyv-run-summary", markdown=summary.markdown(), description="evkonyv run summary")
    return summary.as_dict()
