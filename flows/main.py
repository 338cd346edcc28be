"""The main Prefect flow: raw year-article exports → validated tables in ``output/``.

Tasks are thin wrappers around the pure functions of :mod:`evkonyv`; they add logs,
retries for transient I/O and the run summary artifact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from evkonyv.articles import Article, Duplicate, find_duplicates
from evkonyv.errors import InputError
from evkonyv.parse import ParseResult, ReadSources, classify_articles, read_articles, split_sources
from evkonyv.publish import write_release
from evkonyv.release.build import Release, build_release, read_previous, release_date
from evkonyv.release.texts import SourceFile
from evkonyv.sources import SourceText, find_raw_files, read_source
from evkonyv.summary import RunSummary, run_warnings, summarise
from evkonyv.tables import build_tables
from schemas.validation import check_tables, validate_tables


# Results stay in memory: nothing is cached or persisted between runs (yet).
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


@task(name="split", cache_policy=NO_CACHE)
def split_task(sources: list[SourceText]) -> list[Article]:
    articles = split_sources(sources)
    for article in articles:
        get_run_logger().info(
            "%s lines %d–%d: %s article %r",
            article.source_file,
            article.first_line,
            article.last_line,
            article.kind,
            article.title,
        )
    return articles


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe_task(articles: list[Article]) -> list[Duplicate]:
    duplicates = find_duplicates(articles)
    for duplicate in duplicates:
        get_run_logger().info("%s is a %s duplicate of %s", duplicate.article_id, duplicate.kind, duplicate.original_id)
    return duplicates


@task(name="parse", cache_policy=NO_CACHE)
def parse_task(sources: list[SourceText], articles: list[Article], duplicates: list[Duplicate]) -> ReadSources:
    read = read_articles(sources, articles, duplicates)
    items = sum(len(year_article.items) for year_article in read.year_articles)
    get_run_logger().info("read %d list items from %d year articles", items, len(read.year_articles))
    return read


@task(name="classify", cache_policy=NO_CACHE)
def classify_task(read: ReadSources) -> ParseResult:
    result = classify_articles(read)
    logger = get_run_logger()
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
def evkonyv_flow(raw: list[str] | None = None, output: str = "output") -> dict[str, Any]:
    """Split, dedupe, parse, classify, validate and publish the raw exports."""
    # quote(): hand the (large) values over as they are; Prefect would otherwise walk
    # through every nested object looking for futures, which costs more than the work.
    sources = read_task(raw or ["raw"])
    articles = split_task(quote(sources))
    duplicates = dedupe_task(quote(articles))
    result = classify_task(quote(parse_task(quote(sources), quote(articles), quote(duplicates))))
    tables = validate_task(quote(result))
    release = publish_task(quote(result), quote(tables), output)
    summary: RunSummary = summarise(result, tables, sorted(release.files), output, release.version)
    for warning in summary.warnings:
        get_run_logger().info("warning: %s", warning)
    create_markdown_artifact(key="evkonyv-run-summary", markdown=summary.markdown(), description="evkonyv run summary")
    return summary.as_dict()
