"""The run, stage by stage, as plain functions: raw files → columns → one parse → validated tables →
release → published. No Prefect here.

The Prefect flow (``flows/main.py``) wraps each stage in a task of its own (adding logs, retries,
the parse cache and the run's artifacts) and spreads :func:`parse_batch` over its task runner;
:func:`run` calls the same stages one after the other, in one process, for whoever wants the run
without Prefect (the benchmarks, the tests). Whatever a stage does to memory (the columns it lets go)
it does here, once, for both.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd

from evkonyv.publishing.outputs import check_output, output_lock
from evkonyv.publishing.previous import PreviousReleaseUnreadable, check_volume, read_previous
from evkonyv.publishing.publish import write_release
from evkonyv.reading.sources import SourceText, batches, read_source, scan_raw
from evkonyv.release.build import Release, build_release
from evkonyv.release.clock import release_date
from evkonyv.release.texts import SourceFile
from evkonyv.schemas.validation import check_tables, validate_tables
from evkonyv.summary import RunSummary, run_warnings, summarise
from evkonyv.tables.build import ParsedTables, build_tables
from evkonyv.tables.columns import FileTables
from evkonyv.tables.memory import give_back_freed_memory, trim_freed_memory
from evkonyv.tables.parts import combine_tables, source_tables, take_tables
from evkonyv.tables.pool import ParsePool, in_order, parse_processes


def scan(raw: Sequence[Path]) -> tuple[list[list[tuple[str, Path]]], list[str]]:
    """The raw files to read, grouped into the batches parsed together
    (:func:`~evkonyv.reading.sources.batches`), and the warnings of what was refused."""
    files, warnings = scan_raw(list(raw))
    return batches(files), warnings


def read_batch(batch: Sequence[tuple[str, Path]]) -> list[SourceText]:
    return [read_source(name, path) for name, path in batch]


def input_bytes(grouped: Sequence[Sequence[tuple[str, Path | str]]]) -> int:
    """The size on disk of the scanned files (what decides whether the parse is spread over processes); a
    file that cannot be looked at counts nothing here (reading it says why)."""

    def size(path: Path | str) -> int:
        try:
            return os.stat(path).st_size
        except OSError:
            return 0

    return sum(size(path) for batch in grouped for _, path in batch)


def parse_batch(sources: list[SourceText], pool: ParsePool | None = None) -> FileTables:
    """One batch of raw files (a large file alone, or small ones together) split into articles, parsed
    and classified, as columns; by ``pool``'s workers when one is given (the same tables). The sources
    are taken (the list is emptied: :func:`~evkonyv.tables.parts.take_tables`), so that a large file's
    text goes as it is parsed."""
    return take_tables(sources) if pool is None else take_tables(sources, pool.source_tables, pool.batch_tables)


def parse_pool(processes: int) -> contextlib.AbstractContextManager[ParsePool | None]:
    """A pool of ``processes`` parse workers for the parse stage (:mod:`evkonyv.tables.pool`), or
    nothing when ``processes`` is 1; it stops the workers at its end."""
    return ParsePool(processes) if processes > 1 else contextlib.nullcontext()


def combine(files: Sequence[FileTables]) -> ParsedTables:
    """Each article published once across the files; the files' columns go as they are combined."""
    combined = combine_tables(files)
    trim_freed_memory()
    return combined


def parse(sources: Iterable[SourceText]) -> ParsedTables:
    """:func:`parse_batch` for each file, then :func:`combine`: the parse of the run, without the
    batching of small files (which gives the same tables). ``sources`` may read each file as it is
    asked for it: no file's text is then held past its parse."""
    return combine([source_tables(source) for source in sources])


def validate(parsed: ParsedTables, *, release_columns: bool = True) -> dict[str, pd.DataFrame]:
    """The published tables as validated frames; every raw line checked to be accounted for.

    ``release_columns``: the frames hold all that is published (their text shares the parse's
    buffers), so the parse's columns are let go (cleared in place), unless asked to keep them."""
    tables: dict[str, pd.DataFrame] = validate_tables(build_tables(parsed))
    check_tables(tables, {source.name: source.line_count for source in parsed.sources})
    if release_columns:
        parsed.parts.clear()
        trim_freed_memory()
    return tables


def publish(
    parsed: ParsedTables,
    tables: dict[str, pd.DataFrame],
    output: Path,
    *,
    force: bool = False,
    allow_shrink: bool = False,
    warnings: Sequence[str] = (),
) -> tuple[Release, list[str]]:
    """Build the release of ``tables`` on top of the one in ``output`` and swap it in, all or nothing;
    the release and the run's warnings (``warnings``, then publishing's). The scratch release goes,
    published or not."""
    extra = list(warnings)
    try:
        previous = read_previous(output)
    except PreviousReleaseUnreadable as error:
        if not allow_shrink:
            raise
        previous = None
        extra.append(f"{error} (--allow-shrink: starting afresh at 1.0.0)")
    check_volume(tables, previous, allow_shrink)
    language = {article.source_file: article.language for article in parsed.articles}
    sources = [
        SourceFile(source.name, source.sha256, source.encoding, language.get(source.name, "hu")) for source in parsed.sources
    ]
    release = build_release(tables, sources, previous, extra, release_date())
    try:
        write_release(release.files, output, force=force, notice=extra.append)
    finally:  # (a flow's process ends without running finalizers)
        release.files.cleanup()
    return release, extra


def run(
    raw: Sequence[Path],
    output: Path,
    *,
    force: bool = False,
    allow_shrink: bool = False,
    read: Callable[[Sequence[tuple[str, Path]]], list[SourceText]] = read_batch,
    on_stage: Callable[[str], None] = lambda stage: None,
    processes: int | None = 1,
) -> RunSummary:
    """The whole run in this process, stage after stage, as the flow runs it (without its cache,
    retries and artifacts): the output checked and locked, the raw files scanned, read and parsed a
    batch at a time, combined, validated and published.

    ``read`` reads a batch of files; ``on_stage`` is called with a stage's name (``"parse"``,
    ``"combine"``, ``"validate"``, ``"publish"``) as it ends (a benchmark times the stages so);
    ``processes``: how many processes parse, as many batches read at once (``None``: by the input's size
    and the free cores, :func:`~evkonyv.tables.pool.parse_processes`)."""
    give_back_freed_memory()
    target = check_output(output, raw, force=force)
    with output_lock(target):
        grouped, read_warnings = scan(raw)
        workers = parse_processes(processes, input_bytes(grouped))
        with parse_pool(workers) as pool:
            files = list(in_order(lambda batch: parse_batch(read(batch), pool), grouped, workers))
        on_stage("parse")
        parsed = combine(files)
        del files
        warnings = run_warnings(parsed) + read_warnings
        on_stage("combine")
        tables = validate(parsed)
        on_stage("validate")
        release, warnings = publish(parsed, tables, output, force=force, allow_shrink=allow_shrink, warnings=warnings)
        on_stage("publish")
    return summarise(parsed, tables, sorted(release.files), str(output), release.version, warnings)
