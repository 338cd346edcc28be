"""Helpers shared by the test modules: where the project and the seed are, and a folder's digests."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "huwiki_1953-1956.txt"


def digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file directly in ``folder``, by name (sub-folders are left out)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}
