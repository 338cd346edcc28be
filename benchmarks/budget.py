"""What the release's own work costs at least, against the time a throughput target allows.

    python -m benchmarks.budget [N] [--target MB_PER_S]     # default: 3000 articles, 10 MB/s

A throughput target gives parse + validate + publish a time budget (corpus MB / target). Some of the
work in it is not the parse's per-line Python but what the release promises, done in C or as one
library call per value, whatever shape the parse takes. This measures those parts, each alone, on a
synthetic corpus (``benchmarks/generate.py``), and adds them up as a lower bound:

- publish: the release as it is built (Parquet, CSV, the zip at its levels, reports, digests), its CPU
  time spread over the machine's cores (the best any scheduling of it could do), and the deflate of
  the zip's CSVs alone at the level used for large members and at level 1;
- validate: the pandera models on the tables (single-threaded, before anything is published);
- the parse's fixed part: the records' SHA-256 ids over their normalised text, the repeat check over
  each article's case-folded events, the file's lines made one Arrow array, and one RE2
  ``extract_regex`` of the date prefix: what a parse whose every other rule cost nothing would still do.

Timings are single runs: on the development machine seconds swing by a fifth between runs.
"""

from __future__ import annotations

import argparse
import functools
import os
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def _deflate_all(contents: list[bytes], level: int) -> list[bytes]:
    return [_deflate(content, level) for content in contents]


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process, threads included) of ``work()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def _deflate(content: bytes, level: int) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(content) + compressor.flush()


def _article_groups(table: pa.Table) -> list[list[str]]:
    """The texts of a record table, article by article (the parse keeps an article's rows together)."""
    articles = table["article"].combine_chunks()
    texts = table["text"].to_pylist()
    starts = np.flatnonzero(pc.not_equal(articles[1:], articles[:-1]).to_numpy(zero_copy_only=False)) + 1
    bounds = [0, *starts.tolist(), len(texts)]
    return [texts[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _fixed_parse(sources: list, records: dict[str, pa.Table]) -> dict[str, float]:
    """Seconds of the parse's fixed part (see the module's text) on the parsed records and the files' lines."""
    from evkonyv.schemas.tables import RECORD_TABLES

    from evkonyv.parsing.hungarian import MONTHS
    from evkonyv.parsing.lines import lines_array
    from evkonyv.parsing.records import _comparable_normalised, likely_repeats, record_id

    keys = [
        (kind, article, text)
        for kind, name in RECORD_TABLES.items()
        for article, text in zip(records[name]["article"].to_pylist(), records[name]["text"].to_pylist(), strict=True)
    ]
    found = {"records": float(len(keys))}
    found["ids"], _ = _timed(lambda: [record_id(kind, article, text, 0) for kind, article, text in keys])
    groups = _article_groups(records["events"])
    folded: list[list[str]] = []
    found["fold"], _ = _timed(lambda: folded.extend([_comparable_normalised(text) for text in texts] for texts in groups))
    found["repeats"], _ = _timed(lambda: [likely_repeats(texts) for texts in folded])
    arrays: list[pa.Array] = []
    found["lines"], _ = _timed(lambda: arrays.extend(lines_array(source.lines) for source in sources))
    prefix = rf"^(?P<month>{'|'.join(MONTHS)}) (?P<day>[0-9]{{1,2}})\. – (?P<rest>.*)$"
    found["regex"], _ = _timed(lambda: [pc.extract_regex(array, prefix) for array in arrays])
    return found


def budget(count: int, target: float) -> dict[str, float]:
    from evkonyv.schemas.tables import RECORD_TABLES
    from evkonyv.schemas.validation import validate_tables

    from benchmarks.generate import generate
    from evkonyv.pipeline import parse
    from evkonyv.publishing.publish import write_release
    from evkonyv.reading.sources import find_raw_files, read_sources
    from evkonyv.release import archive
    from evkonyv.release.build import build_release
    from evkonyv.release.texts import SourceFile
    from evkonyv.tables.build import build_tables

    with tempfile.TemporaryDirectory() as folder:
        raw, output = Path(folder) / "raw", Path(folder) / "output"
        generate(count, raw)
        size = sum(path.stat().st_size for path in raw.iterdir()) / 1e6
        sources = read_sources(find_raw_files([raw]))
        result = parse(sources)
        found: dict[str, float] = {"mb": size, "budget": size / target, "cores": float(os.cpu_count() or 1)}

        found |= _fixed_parse(sources, {name: result.parts[name] for name in RECORD_TABLES.values()})

        # validate, then publish as the pipeline does
        frames = build_tables(result)
        tables: dict = {}
        found["validate"], _ = _timed(lambda: tables.update(validate_tables(frames)))
        release_sources = [SourceFile(s.name, s.sha256, s.encoding) for s in result.sources]

        def publish() -> None:
            write_release(build_release(tables, release_sources, None).files, output)

        found["publish_wall"], found["publish_cpu"] = _timed(publish)
        csvs = [path.read_bytes() for path in sorted(output.glob("*.csv"))]
        for name, level in (("deflate", archive.PIECES_LEVEL), ("deflate_1", 1)):
            found[name] = _timed(functools.partial(_deflate_all, csvs, level))[1]
    found["fixed_parse"] = found["ids"] + found["fold"] + found["repeats"] + found["lines"] + found["regex"]
    found["bound"] = found["publish_cpu"] / found["cores"] + found["validate"] + found["fixed_parse"]
    found["deflate_saved"] = (found["deflate"] - found["deflate_1"]) / found["cores"]
    # the same with the zip's large members at level 1 and the fixed parse spread over the cores too
    found["bound_traded"] = (
        (found["publish_cpu"] - found["deflate"] + found["deflate_1"]) / found["cores"]
        + found["validate"]
        + found["fixed_parse"] / found["cores"]
    )
    return found


def report(found: dict[str, float], count: int, target: float) -> str:
    f = found
    rows = [
        ("parse: record ids (SHA-256 of the normalised text)", f["ids"]),
        ("parse: events case-folded for the repeat check", f["fold"]),
        ("parse: repeat check, article by article", f["repeats"]),
        ("parse: the files' lines made Arrow arrays", f["lines"]),
        ("parse: one RE2 `extract_regex` of the date prefix", f["regex"]),
        ("validate: the pandera models", f["validate"]),
        (
            f"publish: {f['publish_cpu']:.2f} s of CPU over {f['cores']:.0f} cores (wall {f['publish_wall']:.2f} s)",
            f["publish_cpu"] / f["cores"],
        ),
    ]
    lines = [
        f"{count} articles, {f['mb']:.1f} MB: at {target:g} MB/s, parse + validate + publish have {f['budget']:.2f} s.",
        "",
        "| part | s |",
        "|---|---:|",
        *(f"| {label} | {seconds:.2f} |" for label, seconds in rows),
        f"| **at least** | **{f['bound']:.2f}** |",
        "",
        f"At least {f['bound']:.2f} s, so at most {f['mb'] / f['bound']:.1f} MB/s with every other rule of the parse free. "
        f"The zip's CSVs alone take {f['deflate']:.2f} s of CPU to deflate at the level used for large members, "
        f"{f['deflate_1']:.2f} s at level 1 (which would save at most {f['deflate_saved']:.2f} s of wall time). "
        f"With the zip at level 1 and the fixed part of the parse spread over the cores as well: at least "
        f"{f['bound_traded']:.2f} s, at most {f['mb'] / f['bound_traded']:.1f} MB/s.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=3000)
    parser.add_argument("--target", type=float, default=10.0, help="MB/s")
    args = parser.parse_args()
    print(report(budget(args.count, args.target), args.count, args.target))


if __name__ == "__main__":
    main()
