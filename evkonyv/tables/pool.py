"""The parse on more than one core: a pool of processes that parse a file's groups of articles.

An article's parse does not depend on the other articles (:func:`~evkonyv.parsing.parse.parse_file_groups`),
so a file's groups of whole articles can be parsed anywhere, in any order, and their columns joined in the
file's order give the same tables, byte for byte, as the parse in one process. Here the process that reads
a file splits it into articles (:func:`~evkonyv.parsing.parse.split_file`: its language, its articles, the
lines outside them) and sends each group, with the line facts its parse reads, to a worker process, which
parses it and sends back its columns (:func:`~evkonyv.tables.parts.files_tables`); a batch of small files
goes whole. Several files are parsed at once by asking from several threads (:func:`in_order`): each
thread waits on its workers, so Python's lock is not held while they work.

Used when asked (``--parse-processes N``), or, asked for ``auto``, where it can pay (:func:`parse_processes`):
the input is large and more than one core is free. Not by default: the workers' memory adds to the run's
while the parse runs (at 3000 articles in one file, the whole command's peak went from 492–506 to 606–612
MiB for a run 1–2 s shorter: BENCHMARKS.md). The workers are started (``spawn``: no copy of a process holding threads) when the pool is made, each tied to
its parent's life, and stopped when the parse ends, so their memory is not held while the tables are
validated and published. The runners that already spread the files over processes (``--workers``, Dask)
do not use it.
"""

from __future__ import annotations

import collections
import concurrent.futures
import concurrent.futures.process
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import Protocol, TypeVar

import pyarrow

from evkonyv.errors import WorkerLost
from evkonyv.parsing.articles import Article
from evkonyv.parsing.language import LANGUAGES
from evkonyv.parsing.parse import ParsedFile, file_groups, parse_articles
from evkonyv.parsing.records import LineRole
from evkonyv.processes import die_with_parent
from evkonyv.reading.sources import SourceText
from evkonyv.tables.columns import FileTables, ParseSchemas, SourceSummary, batch_columns, files_tables, joined_groups

# The input, in bytes, from which ``auto`` spreads the parse over processes: below
# it, starting the workers (about 0.7 s of imports each, on cores the reading needs too) costs more than
# the second core saves (BENCHMARKS.md, "The parse on two cores").
POOL_MIN_BYTES = 8 * 2**20

# How many lines of a file's articles a worker parses at a time at most (the groups of
# :func:`~evkonyv.parsing.parse.article_groups`): fewer than in one process (``GROUP_LINES``), since a worker
# holds its group's text and objects beside the libraries it loaded, and the columns it sends back are
# copied here. At 3000 articles in one file a worker peaked at about 220 MiB with groups of 20,000 lines,
# 155–165 with 5000, and the parse took as long.
POOL_GROUP_LINES = 5_000

Item = TypeVar("Item")
Result = TypeVar("Result")
Result_co = TypeVar("Result_co", covariant=True)


def free_cores() -> int:
    """The cores this process may run on, less those busy with other work (the last minute's load
    average, rounded down): at least one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    try:
        busy = int(os.getloadavg()[0])
    except OSError:
        busy = 0
    return max(1, min(cores, cores - busy))


def parse_processes(requested: int | None, input_bytes: int, cores: Callable[[], int] = free_cores) -> int:
    """How many processes parse: ``requested`` when given (1: this process alone); for ``None`` (``auto``), one
    per free core (:func:`free_cores`) when the input is at least :data:`POOL_MIN_BYTES`, else 1."""
    if requested is not None:
        if requested < 1:
            raise ValueError(f"the parse needs at least one process, not {requested}")
        return requested
    return cores() if input_bytes >= POOL_MIN_BYTES else 1


class ParsePool:
    """The parse on ``processes`` processes: this one and ``processes - 1`` workers; a context manager (the
    workers stop at its end). A group of articles goes to a worker that is free, or is parsed here when
    none is: the run holds one process fewer than it parses on (this process would only wait). Make it in
    a thread that outlives it: the workers die with that thread (Linux's parent-death signal is sent when
    the thread that started a process ends)."""

    def __init__(self, processes: int, schemas: ParseSchemas | None = None) -> None:
        if processes < 2:
            raise ValueError(f"a pool of {processes} process parses nothing in parallel: parse in this process")
        self.processes = processes
        if schemas is None:  # (the models' schemas, made here: this module is a worker's, which loads no pandera)
            from evkonyv.tables.build import parse_schemas

            schemas = parse_schemas()
        self._schemas = schemas  # (sent with each job)
        self._workers = processes - 1
        self._free = threading.BoundedSemaphore(self._workers)
        self._executor = concurrent.futures.ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=die_with_parent,
            initargs=(signal.SIGKILL, os.getpid()),
        )
        # (every worker is started now, from this thread, and loads the parser while this one reads)
        concurrent.futures.wait([self._executor.submit(_ready) for _ in range(self._workers)], timeout=0)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (waiting for the work asked of them; none is left once every parse has its tables)."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _result(job: concurrent.futures.Future[FileTables]) -> FileTables:
        """A job's columns; a worker that died (the system killed it: out of memory, a signal) is said so."""
        try:
            return job.result()
        except concurrent.futures.process.BrokenProcessPool as error:
            raise _lost(error) from error

    def _run(self, work: Callable[..., FileTables], *arguments: object) -> concurrent.futures.Future[FileTables]:
        """``work(*arguments)`` on a free worker, or here at once when every worker is busy."""
        if self._free.acquire(blocking=False):
            try:
                future = self._executor.submit(work, *arguments)
            except concurrent.futures.process.BrokenProcessPool as error:
                self._free.release()
                raise _lost(error) from error
            future.add_done_callback(lambda _: self._free.release())
            return future
        done: concurrent.futures.Future[FileTables] = concurrent.futures.Future()
        done.set_result(work(*arguments))
        return done

    def batch_tables(self, sources: Sequence[SourceText], max_lines: int = POOL_GROUP_LINES) -> FileTables:
        """:func:`~evkonyv.tables.parts.batch_tables` spread over the processes: a file alone a group of
        articles a job, a batch of small files in one job. The same tables."""
        if len(sources) > 1:
            return self._result(self._run(_parse_batch, sources, self._schemas))
        return self.source_tables(sources[0], max_lines)

    def source_tables(self, source: SourceText, max_lines: int = POOL_GROUP_LINES) -> FileTables:
        """:func:`~evkonyv.tables.parts.source_tables` spread over the processes: the file split here, each
        group of its articles parsed by a free worker or here. The same tables."""
        groups = file_groups(source, max_lines)
        del source  # (as in :func:`~evkonyv.parsing.parse.parse_file_groups`: each group's text goes once sent or parsed)
        jobs = []
        for split, bare, group, between in groups:
            # (the workers are sent what the articles' parse reads: not the file's other lines)
            flags, glued = split.for_articles(group)
            arguments = (bare, split.language.code, group, flags, glued, split.has_year_article, between, self._schemas)
            jobs.append(self._run(_parse_group, *arguments))
        summary = SourceSummary.of(bare, len(split.array))
        return joined_groups([summary], [self._result(job) for job in jobs], {bare.name: split.array})


# (a group's columns go back without the file's lines: the file's lines array is where the file was read)
_NO_LINES = pyarrow.nulls(0, pyarrow.string())


def _lost(error: Exception) -> WorkerLost:
    return WorkerLost(
        f"a parse worker process ended before its part was done ({error}); nothing was published. "
        "Run again with --parse-processes 1 (the parse in one process, the least memory)"
    )


def _ready() -> None:
    """A worker's first job: nothing (its imports are done)."""


def _parse_group(
    bare: SourceText,
    language: str,
    articles: list[Article],
    line_flags: dict[int, tuple[str, ...]],
    glued: set[int],
    has_year_article: bool,
    between: list[LineRole],
    schemas: ParseSchemas,
) -> FileTables:
    """In a worker: a group of a file's articles parsed and made columns (the file named by ``bare``, its
    lines left out: the group's columns are joined to the file's lines where the file was read)."""
    results = parse_articles(articles, LANGUAGES[language], line_flags, glued, has_year_article)
    return files_tables([ParsedFile(bare, articles, results, between, _NO_LINES)], schemas)


def _parse_batch(sources: Sequence[SourceText], schemas: ParseSchemas) -> FileTables:
    """In a worker: a batch of small files parsed together (:func:`~evkonyv.tables.parts.batch_tables`)."""
    return batch_columns(sources, schemas)


class Pending(Protocol[Result_co]):
    """Work asked for, whose result is waited for (a future: of a thread pool, or of Prefect's task runner)."""

    def result(self) -> Result_co: ...


def windowed(submit: Callable[[Item], Pending[Result]], items: Iterable[Item], at_once: int) -> Iterator[Result]:
    """The results of ``submit`` for each item, in the items' order, no more than ``at_once`` submitted and
    not yet given: an item is taken only when there is room for it, so no more than ``at_once`` items (a
    file's text each) are held at once."""
    pending: collections.deque[Pending[Result]] = collections.deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= at_once:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def in_order(work: Callable[[Item], Result], items: Iterable[Item], at_once: int) -> Iterator[Result]:
    """``work`` of each item, in the items' order, ``at_once`` items at a time in threads (one: in this
    thread), :func:`windowed`."""
    if at_once <= 1:
        yield from map(work, items)
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=at_once) as threads:
        yield from windowed(lambda item: threads.submit(work, item), items, at_once)
