"""A run killed with SIGKILL at any point of publishing leaves the previous release whole."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from evkonyv.schemas.tables import TABLES
from evkonyv.schemas.validation import validate_tables

from evkonyv.publishing.publish import FAULT_INJECTION_VARIABLE, swap_in, write_release
from evkonyv.tables.build import build_tables
from evkonyv.tables.serialise import csv_table, table_files
from tests.helpers import ROOT, digests

PUBLISH = """
import sys
from pathlib import Path
from evkonyv.pipeline import parse
from evkonyv.publishing.publish import write_release
from evkonyv.tables.serialise import table_files
from evkonyv.reading.sources import read_source
from evkonyv.tables.build import build_tables
from evkonyv.schemas.validation import validate_tables
seed = Path(sys.argv[1])
source = read_source(seed.name, seed)
if sys.argv[3] == "edited":
    source = source.__class__(source.name, source.sha256, source.encoding, (source.lines[0], *source.lines[1:3], "január 3. – Más szöveg.", *source.lines[4:]))
write_release(table_files(validate_tables(build_tables(parse([source])))), Path(sys.argv[2]))
"""


def publish_in_subprocess(output: Path, variant: str, fault: str | None = None) -> int:
    env = {**os.environ, FAULT_INJECTION_VARIABLE: fault or ""}
    seed = ROOT / "raw" / "huwiki_1953-1956.txt"
    done = subprocess.run([sys.executable, "-c", PUBLISH, str(seed), str(output), variant], env=env, cwd=ROOT, timeout=120)
    return done.returncode


def assert_valid_release(folder: Path) -> None:
    frames = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    assert len(frames["events"]) > 0 and len(frames["source_lines"]) == 448


@pytest.fixture
def previous_release(tmp_path):
    output = tmp_path / "output"
    assert publish_in_subprocess(output, "seed") == 0
    (output / ".gitkeep").write_text("")
    return output


@pytest.mark.parametrize("point", ["publish:after-first-file", "publish:before-swap"])
def test_killed_before_the_swap_keeps_the_previous_release(previous_release, point):
    before = digests(previous_release)
    assert publish_in_subprocess(previous_release, "edited", point) == -signal.SIGKILL
    assert digests(previous_release) == before
    assert_valid_release(previous_release)
    assert publish_in_subprocess(previous_release, "edited") == 0  # the next run cleans up
    assert sorted(p.name for p in previous_release.parent.iterdir()) == [".output.lock", "output"]  # no staging left
    assert digests(previous_release) != before and ".gitkeep" in digests(previous_release)


def test_killed_after_the_swap_leaves_the_new_release(previous_release):
    assert publish_in_subprocess(previous_release, "edited", "publish:after-swap") == -signal.SIGKILL
    assert_valid_release(previous_release)
    assert publish_in_subprocess(previous_release, "edited") == 0
    assert sorted(p.name for p in previous_release.parent.iterdir()) == [".output.lock", "output"]  # no staging left


def test_two_rename_fallback_recovers(previous_release, monkeypatch):
    """Where the file system cannot exchange two folders, a kill between the renames is recovered."""
    import evkonyv.publishing.publish as publish

    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    staging = previous_release.parent / "staging"
    staging.mkdir()
    (staging / "new.txt").write_text("new")
    monkeypatch.setattr(
        publish, "fault_point", lambda name: (_ for _ in ()).throw(SystemExit) if name == "publish:between-renames" else None
    )
    with pytest.raises(SystemExit):
        swap_in(staging, previous_release)
    assert not previous_release.exists()  # killed between the two renames
    publish.recover(previous_release)
    assert_valid_release(previous_release)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+36 1 234", "'+36 1 234"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("A 6:3", "A 6:3"),
        ("", ""),
        (None, None),
    ],
)
def test_formula_like_cells_are_neutralised(value, written):
    import pyarrow

    table = pyarrow.table({"text": pyarrow.array([value], type=pyarrow.string())})
    assert csv_table(table).column("text").to_pylist() == [written]


def test_csv_neutralised_parquet_exact(seed_result, tmp_path):
    tables = build_tables(seed_result.tables)
    events = tables["events"].copy()
    events.loc[0, "text"] = '=HYPERLINK("http://example.invalid")'
    tables["events"] = events
    write_release(table_files(validate_tables(tables)), tmp_path)
    assert pd.read_parquet(tmp_path / "events.parquet").loc[0, "text"] == '=HYPERLINK("http://example.invalid")'
    assert '"\'=HYPERLINK(""http://example.invalid"")"' in (tmp_path / "events.csv").read_text(encoding="utf-8")
