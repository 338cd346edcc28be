"""Measure the pipeline on synthetic corpora and print a markdown report.

    python -m benchmarks.run [N ...]          # default: 100 1000 3000 13000 (13,000 articles: about 200 MB)

Each N runs in a subprocess of its own, so that its peak memory (max RSS) is its own.
Stages are timed on the core functions the flow's tasks call, without Prefect; the whole
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
from collections.abc import Iterator
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
    from evkonyv.schemas.tables import RECORD_TABLES
    from evkonyv.schemas.validation import check_tables, validate_tables

    from benchmarks.generate import generate
    from evkonyv.publishing.publish import write_release
    from evkonyv.reading.sources import SourceText, find_raw_files, read_source
    from evkonyv.release.build import build_release
    from evkonyv.release.database import write_database
    from evkonyv.release.texts import SourceFile
    from evkonyv.tables.build import build_tables
    from evkonyv.tables.memory import give_back_freed_memory, trim_freed_memory
    from evkonyv.tables.parts import parse_tables

    give_back_freed_memory()  # as the flow does

    with tempfile.TemporaryDirectory() as folder:
        raw, output = Path(folder) / "raw", Path(folder) / "output"
        generate(count, raw)
        size = sum(p.stat().st_size for p in raw.iterdir())
        times: dict[str, float] = {"read": 0.0}

        def sources() -> Iterator[SourceText]:
            """Each file read when it is parsed, as the flow's parse tasks do (its text is not held past
            its parse); the reading is timed apart."""
            for name, path in find_raw_files([raw]):
                start = time.perf_counter()
                source = read_source(name, path)
                times["read"] += time.perf_counter() - start
                yield source

        start = time.perf_counter()
        result = parse_tables(sources())
        times["parse"] = time.perf_counter() - start - times["read"]
        trim_freed_memory()  # as the flow does between its stages
        lines = sum(s.line_count for s in result.sources)
        records = sum(result.parts[name].num_rows for name in RECORD_TABLES.values())
        start = time.perf_counter()
        tables = validate_tables(build_tables(result))
        check_tables(tables, {s.name: s.line_count for s in result.sources})
        result.parts.clear()  # as the flow does: the frames hold all that is published
        trim_freed_memory()
        times["validate"] = time.perf_counter() - start
        start = time.perf_counter()
        release = build_release(tables, [SourceFile(s.name, s.sha256, s.encoding) for s in result.sources], None)
        write_release(release.files, output)
        times["publish"] = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the floor, which needs less
        start = time.perf_counter()  # the SQLite database's part of publish, measured again on its own
        write_database(Path(folder) / "database.sqlite", tables)
        database = time.perf_counter() - start
        del result, tables, release
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
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            runs["Dask, 2 local workers, cold cache"] = timed(
                [*base, "--output", f"{folder}/c", "--cache-dir", f"{folder}/c3", "--dask-address", cluster.scheduler_address],
                cwd=ROOT,
                env=env,
            )
        identical = all(_digests(Path(folder) / "a") == _digests(Path(folder) / name) for name in ("b", "c"))

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
    print(f"Releases of the three runners byte-identical: {identical}.")


if __name__ == "__main__":
    main()
