"""Helpers shared by the test modules: where the project and the seed are, and a folder's digests."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "huwiki_1953-1956.txt"
# The Hungarian labelled fixture sets of raw exports (tests/fixtures/<name>/raw): every one but the seed.
HUNGARIAN_FIXTURE_SETS = tuple(
    sorted(
        path.name
        for path in (ROOT / "tests" / "fixtures").iterdir()
        if (path / "raw").is_dir() and not path.name.startswith("en-")
    )
)
# Rows of each table the seed gives (its reviewed release)
SEED_ROWS = {"events": 164, "births": 21, "deaths": 29, "timeline": 155, "articles": 5, "source_lines": 448, "quarantine": 0}


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file directly in ``folder``, by name (sub-folders are left out)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def parse_rows(sources):
    """The parse of ``sources`` (:func:`evkonyv.pipeline.parse`, the run's column path) read row by row."""
    from evkonyv.pipeline import parse
    from evkonyv.tables.rows import ParsedRows

    return ParsedRows.of(parse(sources))


def publish_seed(output: Path, seed_source) -> Path:
    """The seed's release, built and published into ``output`` by the pipeline's stages (no Prefect)."""
    from evkonyv import pipeline

    parsed = pipeline.parse([seed_source])
    pipeline.publish(parsed, pipeline.validate(parsed), output)
    return output


def labelled_lines() -> list[str]:
    """Every line of the seed and of every labelled set's raw files (real text of all the forms met)."""
    folders = [ROOT / "raw", *sorted((ROOT / "tests" / "fixtures").glob("*/raw"))]
    lines = [line for folder in folders for path in sorted(folder.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    assert len(lines) > 500
    return lines
