"""Operations: incremental runs (per-file cache) and scale-out on Dask."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import evkonyv.flows.main
import pytest

from tests.helpers import SEED, digests

pytestmark = pytest.mark.flow


@pytest.fixture
def raw_folder(tmp_path):
    from benchmarks.generate import generate

    folder = tmp_path / "raw"
    generate(6, folder, per_file=2)  # three files
    return folder


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The names of the files the flow parses (not loads from the cache), in the order it parses them."""
    import evkonyv.parsing.parse
    import evkonyv.tables.columns
    import evkonyv.tables.parts

    names: list[str] = []
    real_parse = evkonyv.parsing.parse.parse_file_groups

    def counting(source, *args, **kwargs):
        names.append(source.name)
        return real_parse(source, *args, **kwargs)

    # (patched where it is looked up: the parse of a large file in the parts module, of a batch of small
    # files in the columns module)
    for module in (evkonyv.tables.parts, evkonyv.tables.columns):
        monkeypatch.setattr(module, "parse_file_groups", counting)
    return names


def test_unchanged_files_are_not_parsed_again(harness, tmp_path, raw_folder, monkeypatch, parsed):
    monkeypatch.setattr("evkonyv.reading.sources.SMALL_FILE_BYTES", 0)  # a batch a file (batches: test_batches_of_small_files)
    cache, output = str(tmp_path / "cache"), tmp_path / "output"
    run = lambda: evkonyv.flows.main.evkonyv_flow(raw=[str(raw_folder)], output=str(output), cache_dir=cache)  # noqa: E731

    run()
    assert sorted(parsed) == ["synthetic_00000.txt", "synthetic_00002.txt", "synthetic_00004.txt"]
    first = digests(output)

    parsed.clear()
    run()
    assert parsed == []  # every file's parse came from the cache
    assert digests(output) == first  # and the release is byte-identical

    changed = raw_folder / "synthetic_00002.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("január", "február", 1), encoding="utf-8")
    parsed.clear()
    summary = run()
    assert parsed == ["synthetic_00002.txt"]
    assert summary["version"] == "1.0.1"


def test_the_same_content_under_another_name_is_parsed_for_that_name(harness, tmp_path):
    from evkonyv.flows.main import evkonyv_flow

    cache = str(tmp_path / "cache")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b" / "two.txt").write_bytes(SEED.read_bytes())
    evkonyv_flow(raw=[str(tmp_path / "a")], output=str(tmp_path / "out-a"), cache_dir=cache)
    evkonyv_flow(raw=[str(tmp_path / "b")], output=str(tmp_path / "out-b"), cache_dir=cache)
    import pandas as pd

    assert set(pd.read_parquet(tmp_path / "out-b" / "events.parquet")["source_file"]) == {"two.txt"}


def test_dask_cluster_gives_the_same_release(tmp_path, raw_folder):
    from distributed import LocalCluster

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
           "DASK_LOGGING__DISTRIBUTED": "warning"}  # fmt: skip
    env.pop("PREFECT_API_URL", None)
    command = [str(Path(sys.executable).parent / "evkonyv"), "run", "--raw", str(raw_folder)]
    # (each run with a cache of its own: the files are parsed on the cluster, not loaded from the local run's)
    local = subprocess.run([*command, "--output", str(tmp_path / "local"), "--cache-dir", str(tmp_path / "cache-local")],
                           env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert local.returncode == 0, local.stderr[-3000:]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = subprocess.run(
            [*command, "--output", str(tmp_path / "dask"), "--dask-address", cluster.scheduler_address,
             "--cache-dir", str(tmp_path / "cache-dask")],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert on_dask.returncode == 0, on_dask.stderr[-3000:]
        # the workers computed the parse tasks (three small files, one batch): not just an idle cluster
        computed = {name: prefix.all_durations.get("compute", 0.0) for name, prefix in cluster.scheduler.task_prefixes.items()}
        assert list(computed) == ["parse_files_task"] and computed["parse_files_task"] > 0, computed
    assert digests(tmp_path / "dask") == digests(tmp_path / "local")


def test_a_process_pool_of_workers_gives_the_same_release(tmp_path, raw_folder):
    """``--workers 2`` (Prefect's process pool: each file's task in a process of its own) parses the files
    there, with caches of their own, and publishes the release one process does."""
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}
    env.pop("PREFECT_API_URL", None)
    command = [str(Path(sys.executable).parent / "evkonyv"), "run", "--raw", str(raw_folder)]
    for name, extra in (("local", []), ("workers", ["--workers", "2"])):
        done = subprocess.run([*command, "--output", str(tmp_path / name), "--cache-dir", str(tmp_path / f"cache-{name}"), *extra],
                              env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert digests(tmp_path / "workers") == digests(tmp_path / "local")
    assert any((tmp_path / "cache-workers").rglob("*"))  # parsed (and cached) by the workers, not loaded


def test_a_changed_small_file_reparses_its_batch_only(harness, tmp_path, monkeypatch, parsed):
    """Small files are parsed and cached in batches: a changed file re-parses the files of its batch, and
    no other batch; the release is the same as a run without the cache."""
    from evkonyv.reading.sources import batches

    monkeypatch.setattr("evkonyv.reading.sources.BATCH_FILES", 4)
    raw = tmp_path / "raw"
    raw.mkdir()
    for index in range(10):
        (raw / f"note-{index:02d}.txt").write_text(f"Jegyzet a {index}. napról.\nMásodik sor {index}.\n", encoding="utf-8")
    grouped = [[name for name, _ in batch] for batch in batches([(p.name, p) for p in sorted(raw.iterdir())])]
    assert all(len(batch) <= 4 for batch in grouped) and sum(grouped, []) == sorted(p.name for p in raw.iterdir())
    cache = str(tmp_path / "cache")

    def run(output: str):
        return evkonyv.flows.main.evkonyv_flow(raw=[str(raw)], output=str(tmp_path / output), cache_dir=cache, allow_shrink=True)

    run("first")
    assert sorted(parsed) == sorted(sum(grouped, []))
    changed = grouped[-1][0]
    (raw / changed).write_text("Más jegyzet.\n", encoding="utf-8")
    parsed.clear()
    run("second")
    assert sorted(parsed) == sorted(grouped[-1])
    monkeypatch.setattr("evkonyv.reading.sources.BATCH_FILES", 256)  # other batches, no cache entry: all parsed again
    evkonyv.flows.main.evkonyv_flow(
        raw=[str(raw)], output=str(tmp_path / "fresh"), cache_dir=str(tmp_path / "cache2"), allow_shrink=True
    )
    assert digests(tmp_path / "fresh") == digests(tmp_path / "second")


def test_a_parse_spread_over_processes_gives_the_same_release(harness, tmp_path, raw_folder, monkeypatch, parsed):
    monkeypatch.setattr("evkonyv.reading.sources.SMALL_FILE_BYTES", 0)  # a batch a file: two files at once
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    raw = [str(raw_folder), str(SEED)]
    run = lambda processes, name: evkonyv.flows.main.evkonyv_flow(  # noqa: E731
        raw=raw, output=str(tmp_path / name), cache_dir=str(tmp_path / f"cache-{name}"), parse_processes=processes
    )
    run(1, "one")
    assert len(parsed) == 4  # parsed here, a file at a time
    parsed.clear()
    run(2, "two")
    assert parsed == []  # parsed by the pool (this process splits the files, the workers and it parse the groups)
    assert digests(tmp_path / "two") == digests(tmp_path / "one")
