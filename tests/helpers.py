"""Helpers shared by the test modules: where the project and the seed are, and a folder's digests."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "huwiki_1953-1956.txt"
# Rows of each table the seed gives (its reviewed release)
SEED_ROWS = {"events": 164, "births": 21, "deaths": 29, "timeline": 155, "articles": 5, "source_lines": 448, "quarantine": 0}


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file directly in ``folder``, by name (sub-folders are left out)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def publish_seed(output: Path, seed_source) -> Path:
    """The seed's release, built and published into ``output`` by the core functions (no Prefect)."""
    from evkonyv.schemas.validation import validate_tables

    from evkonyv.parsing.parse import parse_sources
    from evkonyv.publishing.publish import write_release
    from evkonyv.release.build import build_release
    from evkonyv.release.texts import SourceFile
    from evkonyv.tables.build import build_tables

    tables = validate_tables(build_tables(parse_sources([seed_source])))
    release = build_release(tables, [SourceFile(seed_source.name, seed_source.sha256, seed_source.encoding)], None)
    write_release(release.files, output)
    return output
