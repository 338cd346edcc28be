"""The parse spread over processes (evkonyv.tables.pool): the same columns, the same release, and a pool only
where it pays."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pyarrow
import pytest

from evkonyv import pipeline
from evkonyv.reading.sources import decode_source, read_source
from evkonyv.tables.columns import FileTables
from evkonyv.tables.parts import batch_tables, source_tables
from evkonyv.tables.pool import POOL_MIN_BYTES, ParsePool, in_order, parse_processes
from tests.helpers import HUNGARIAN_FIXTURE_SETS, ROOT, SEED, digests

FIXTURES = ROOT / "tests" / "fixtures"


def assert_same(expected: FileTables, got: FileTables) -> None:
    assert got.sources == expected.sources
    assert got.articles == expected.articles
    assert list(got.parts) == list(expected.parts)
    for name, table in expected.parts.items():
        assert got.parts[name].schema.equals(table.schema, check_metadata=True), name
        assert got.parts[name].equals(table), name
    assert list(got.lines) == list(expected.lines)
    assert all(got.lines[name].equals(array) for name, array in expected.lines.items())


@pytest.fixture(scope="module")
def pool():
    with ParsePool(2) as pool:
        yield pool


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    from benchmarks.generate import generate

    return generate(12, tmp_path_factory.mktemp("raw"), per_file=4)


def test_a_file_in_many_groups_gives_the_same_columns(pool, generated):
    joined = decode_source("joined.txt", b"".join(path.read_bytes() for path in generated))
    for max_lines in (1, 150, 20_000):  # a group an article, a few articles a group, the file in one group
        assert_same(source_tables(joined, max_lines), pool.source_tables(joined, max_lines))


def test_real_files_give_the_same_columns(pool):
    """Year articles and prose, Hungarian and English, a duplicated article, lines outside any article."""
    sets = [*HUNGARIAN_FIXTURE_SETS, "en-excerpts", "prose-excerpts"]
    paths = [SEED, *(path for name in sets for path in sorted((FIXTURES / name / "raw").glob("*.txt")))]
    assert len(paths) > 3
    for path in paths:
        source = read_source(path.name, path)
        assert_same(source_tables(source, 40), pool.source_tables(source, 40))


def test_what_normalisation_changed_reaches_the_workers(pool):
    """A line's flags (a no-break space made a space, a dash made one) are read in the worker's parse."""
    text = SEED.read_text(encoding="utf-8").replace(" – ", "\u00a0-- ", 40)
    source = decode_source("flagged.txt", text.encode())
    assert len(source.normalised) >= 20
    expected = source_tables(source, 40)
    assert_same(expected, pool.source_tables(source, 40))
    flagged = [flags for flags in expected.parts["events"]["quality_flags"].to_pylist() if "dash_normalised" in flags]
    assert len(flagged) >= 10


def test_a_file_without_articles_and_a_batch_of_small_files(pool, generated):
    empty = decode_source("notes.txt", "Jegyzet\n\nsemmi évkönyv\n".encode())
    assert_same(source_tables(empty), pool.source_tables(empty))
    small = [read_source(path.name, path) for path in generated]
    assert_same(batch_tables(small), pool.batch_tables(small))
    assert_same(batch_tables(small[:1]), pool.batch_tables(small[:1]))


def test_the_release_is_byte_identical_with_a_pool(tmp_path, generated, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.setattr("evkonyv.reading.sources.SMALL_FILE_BYTES", 0)  # a batch a file: several at once
    raw = [*generated, SEED]
    pipeline.run(raw, tmp_path / "one", processes=1)
    pipeline.run(raw, tmp_path / "two", processes=2)
    assert digests(tmp_path / "two") == digests(tmp_path / "one")


def test_an_error_in_a_worker_is_raised_where_the_parse_was_asked(pool):
    from evkonyv.tables.build import parse_schemas
    from evkonyv.tables.pool import _parse_group

    bare = decode_source("bare.txt", b"x\n")
    with pytest.raises(KeyError, match="xx"):  # a group of a language no worker knows
        pool._run(_parse_group, bare, "xx", [], {}, set(), True, [], parse_schemas()).result()
    assert pool.processes == 2  # and the pool still parses
    source = read_source(SEED.name, SEED)
    assert_same(source_tables(source), pool.source_tables(source))


def test_how_many_processes_parse():
    assert parse_processes(3, 0) == 3  # asked: as asked, however small the input
    assert parse_processes(1, 10 * POOL_MIN_BYTES) == 1
    assert parse_processes(None, POOL_MIN_BYTES - 1, cores=lambda: 2) == 1  # small input: this process alone
    assert parse_processes(None, POOL_MIN_BYTES, cores=lambda: 2) == 2
    assert parse_processes(None, POOL_MIN_BYTES, cores=lambda: 1) == 1  # one free core: no pool
    with pytest.raises(ValueError, match="at least one"):
        parse_processes(0, 0)
    with pytest.raises(ValueError, match="in this process"):
        ParsePool(1)


def test_in_order_keeps_the_order_and_holds_few_items_at_once():
    held: list[int] = []
    most = [0]
    lock = threading.Lock()

    def work(item: int) -> int:
        with lock:
            held.append(item)
            most[0] = max(most[0], len(held))
        time.sleep(0.01 * (item % 3))
        with lock:
            held.remove(item)
        return item * 10

    taken: list[int] = []

    def items():
        for item in range(12):
            taken.append(item)
            yield item

    results = []
    for result in in_order(work, items(), 3):
        results.append(result)
        assert len(taken) <= len(results) + 3  # no item taken long before its turn
    assert results == [item * 10 for item in range(12)]
    assert 1 < most[0] <= 3
    assert list(in_order(work, range(4), 1)) == [0, 10, 20, 30]


def test_the_columns_of_a_worker_are_arrow_tables(pool):
    source = read_source(SEED.name, SEED)
    tables = pool.source_tables(source, 40)
    assert all(isinstance(table, pyarrow.Table) for table in tables.parts.values())
    assert tables.sources[0].line_count == len(source.lines)  # the file's own count, not the workers' (sent no lines)


def test_a_worker_loads_the_parser_not_the_models(pool):
    """A worker is sent the schemas made: it loads no pandera (the models' library) and no schema module."""
    pool.source_tables(read_source(SEED.name, SEED), 40)  # (some groups parsed by the worker)

    def loaded(names: tuple[str, ...]) -> list[str]:  # (asked by a built-in: a test function would load its module there)
        return pool._executor.submit(eval, f"[name for name in {names!r} if name in __import__('sys').modules]").result()

    assert loaded(("pandera", "evkonyv.schemas.tables", "evkonyv.tables.build", "evkonyv.tables.parts")) == []
    assert loaded(("evkonyv.parsing.parse", "evkonyv.tables.columns")) == ["evkonyv.parsing.parse", "evkonyv.tables.columns"]


def test_a_worker_killed_is_said_so_not_a_traceback(generated):
    """A worker the system kills (out of memory, a signal) ends the parse with one line saying what to do."""
    import os
    import signal

    from evkonyv.errors import WorkerLost

    joined = decode_source("joined.txt", b"".join(path.read_bytes() for path in generated))
    with ParsePool(2) as doomed:
        for process in list(doomed._executor._processes.values()):
            os.kill(process.pid, signal.SIGKILL)
        time.sleep(0.5)
        with pytest.raises(WorkerLost, match="--parse-processes 1"):
            doomed.source_tables(joined, 150)


def test_the_free_cores_are_the_usable_ones_less_the_busy():
    from evkonyv.tables.pool import free_cores

    assert 1 <= free_cores() <= len(os.sched_getaffinity(0))
