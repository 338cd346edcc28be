"""Measure the pipeline on synthetic corpora and print a markdown report.

    python -m benchmarks.run [N ...]          # default: 100 1000 3000 13000 (13,000 articles: about 200 MB)

Each N runs in a subprocess of its own, so that its peak memory (max RSS) is its own.
Stages are timed on the pipeline's run (``evkonyv.pipeline.run``: the stages the flow's tasks call, without Prefect); the whole
command (`evkonyv run`, Prefect's temporary server included) is timed on the seed and on
the smallest corpus, beside a trivial Prefect flow for Prefect's own start-up.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVKONYV = Path(sys.executable).parent / "evkonyv"
TRIVIAL_FLOW = """
from prefect import flow, task
@task
def one(x): return x
@flow
def trivial(): return [one(i) for i in range(10)]
trivial()
"""


def floor(raw: Path, output: Path) -> float:
    """What a hurried analyst's one-pass pandas script costs on the same corpus: read the lines, one
    ``str.extract`` of the date prefix, write Parquet. It does far less than the pipeline (no sections,
    people, headings, ids, validation or release), but sets the floor a careful tool should stay near."""
    import pandas as pd

    from evkonyv.parsing.hungarian import MONTHS

    start = time.perf_counter()
    frames = [
        pd.DataFrame({"source_file": path.name, "text": path.read_text(encoding="utf-8").split("\n")})
        for path in sorted(raw.glob("*.txt"))
    ]
    lines = pd.concat(frames, ignore_index=True)
    months = "|".join(MONTHS)
    dates = lines["text"].str.extract(rf"^(?P<month>{months})\s+(?P<day>\d{{1,2}})\.\s*[–-]\s*(?P<rest>.*)$")
    lines.join(dates).to_parquet(output / "floor.parquet")
    return time.perf_counter() - start


def measure(count: int) -> dict[str, float]:
    from benchmarks.generate import generate
    from evkonyv import pipeline
    from evkonyv.reading.sources import SourceText
    from evkonyv.release.database import write_database

    with tempfile.TemporaryDirectory() as folder:
        raw, output = Path(folder) / "raw", Path(folder) / "output"
        generate(count, raw)
        size = sum(p.stat().st_size for p in raw.iterdir())
        times: dict[str, float] = {"read": 0.0}
        ends: dict[str, float] = {}

        def read(batch: Sequence[tuple[str, Path]]) -> list[SourceText]:
            """The run's reading of a batch, timed apart from its parse."""
            start = time.perf_counter()
            sources = pipeline.read_batch(batch)
            times["read"] += time.perf_counter() - start
            return sources

        start = time.perf_counter()

        # the pipeline's run, stage by stage (the flow's stages, without Prefect), each stage's end noted
        def ended(stage: str) -> None:
            ends.setdefault(stage, time.perf_counter())

        summary = pipeline.run([raw], output, read=read, on_stage=ended)
        times["parse"] = ends["combine"] - start - times["read"]
        times["validate"] = ends["validate"] - ends["combine"]
        times["publish"] = ends["publish"] - ends["validate"]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the floor, which needs less
        lines = sum(summary.line_roles.values())
        records = sum(summary.rows[name] for name in ("events", "births", "deaths"))
        from evkonyv.reading.sources import find_raw_files, read_sources

        parsed = pipeline.parse(read_sources(find_raw_files([raw])))  # the SQLite database's part of publish, again on its own
        tables = pipeline.validate(parsed)
        start = time.perf_counter()
        write_database(Path(folder) / "database.sqlite", tables)
        database = time.perf_counter() - start
        del parsed, tables
        floor_s = floor(raw, Path(folder))
    work = times["parse"] + times["validate"] + times["publish"]
    return {
        "articles": count,
        "mb": size / 1e6,
        "lines": lines,
        "records": records,
        **times,
        "total": sum(times.values()),
        "mb_per_s": size / 1e6 / work,
        "lines_per_s": lines / work,
        "floor": floor_s,
        "ratio": work / floor_s,
        "peak_mb": peak,
        "database": database,
        "database_share": database / sum(times.values()),
    }


RUNNER_CORPUS = 1000
RUNNER_FILE_SIZE = 50


def _digests(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    counts = [int(arg) for arg in sys.argv[1:]] or [100, 1000, 3000, 13000]
    rows = []
    for count in counts:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.run", "--one", str(count)], cwd=ROOT, check=True, capture_output=True, text=True
        )
        rows.append(json.loads(done.stdout))
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    trivial = min(timed([sys.executable, "-c", TRIVIAL_FLOW], env=env) for _ in range(2))
    runs: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        seed_run = min(
            timed([str(EVKONYV), "run", "--output", f"{folder}/out", "--cache-dir", f"{folder}/seed-cache"], cwd=ROOT, env=env)
            for _ in range(2)
        )
        from benchmarks.generate import generate

        corpus = max(counts[0], min(max(counts), RUNNER_CORPUS))
        generate(corpus, Path(folder) / "raw", per_file=RUNNER_FILE_SIZE)
        base = [str(EVKONYV), "run", "--raw", f"{folder}/raw"]
        runs["1 process, cold cache"] = timed(
            [*base, "--output", f"{folder}/a", "--cache-dir", f"{folder}/c1"], cwd=ROOT, env=env
        )
        runs["1 process, warm cache (unchanged input)"] = timed(
            [*base, "--output", f"{folder}/a", "--cache-dir", f"{folder}/c1"], cwd=ROOT, env=env
        )
        runs["--workers 2, cold cache"] = timed(
            [*base, "--output", f"{folder}/b", "--cache-dir", f"{folder}/c2", "--workers", "2"], cwd=ROOT, env=env
        )
        runs["--parse-processes 2, cold cache"] = timed(
            [*base, "--output", f"{folder}/d", "--cache-dir", f"{folder}/c4", "--parse-processes", "2"], cwd=ROOT, env=env
        )
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            runs["Dask, 2 local workers, cold cache"] = timed(
                [*base, "--output", f"{folder}/c", "--cache-dir", f"{folder}/c3", "--dask-address", cluster.scheduler_address],
                cwd=ROOT,
                env=env,
            )
        identical = all(_digests(Path(folder) / "a") == _digests(Path(folder) / name) for name in ("b", "c", "d"))

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print()
    print(
        "| articles | MB | lines | records | read s | parse s | validate s | publish s | total s | MB/s | lines/s "
        "| pandas floor s | × floor | peak MiB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['articles']} | {r['mb']:.1f} | {r['lines']} | {r['records']} | {r['read']:.2f} | {r['parse']:.2f} | "
            f"{r['validate']:.2f} | {r['publish']:.2f} | {r['total']:.2f} | {r['mb_per_s']:.2f} | {r['lines_per_s']:.0f} | "
            f"{r['floor']:.2f} | {r['ratio']:.1f} | {r['peak_mb']:.0f} |"
        )
    print()
    print(f"- trivial Prefect flow (10 tasks, temporary server): {trivial:.1f} s")
    print(f"- `evkonyv run` on the seed: {seed_run:.1f} s ({seed_run / trivial:.2f}x the trivial flow)")
    print()
    print(f"`evkonyv run` on {corpus} synthetic articles ({RUNNER_FILE_SIZE} per file), whole command:")
    print()
    print("| runner | wall s |")
    print("|---|---:|")
    for name, seconds in runs.items():
        print(f"| {name} | {seconds:.1f} |")
    print()
    print(f"Releases of every runner byte-identical: {identical}.")


if __name__ == "__main__":
    main()
