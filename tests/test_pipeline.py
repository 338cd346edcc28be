"""The run as plain functions (evkonyv.pipeline): the stages the flow's tasks wrap, without Prefect."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from evkonyv import pipeline
from evkonyv.publishing.outputs import OutputRefused
from evkonyv.reading.sources import read_source
from tests.helpers import ROOT, SEED, SEED_ROWS, digests


def test_run_publishes_the_seed(tmp_path):
    stages: list[str] = []
    summary = pipeline.run([SEED], tmp_path / "out", on_stage=stages.append)
    assert stages == ["parse", "combine", "validate", "publish"]
    assert summary.rows == SEED_ROWS
    assert summary.duplicates_removed == 1
    assert summary.version == "1.0.0"
    assert len(pd.read_parquet(tmp_path / "out" / "events.parquet")) == SEED_ROWS["events"]


def test_run_reads_each_batch_with_the_reader_given(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "tests" / "fixtures" / "more-excerpts" / "raw", raw)
    read: list[str] = []

    def reader(batch):
        read.extend(name for name, _ in batch)
        return pipeline.read_batch(batch)

    pipeline.run([raw], tmp_path / "out", read=reader)
    assert sorted(read) == sorted(path.name for path in raw.iterdir())


def test_run_is_the_parse_validated_and_published(tmp_path, seed_source):
    """run() and the stages called by hand publish the same bytes."""
    pipeline.run([SEED], tmp_path / "a")
    parsed = pipeline.parse([read_source(SEED.name, SEED)])
    pipeline.publish(parsed, pipeline.validate(parsed), tmp_path / "b")
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_validate_lets_the_parse_columns_go_unless_asked(seed_source):
    parsed = pipeline.parse([seed_source])
    kept = pipeline.validate(parsed, release_columns=False)
    assert parsed.parts and len(kept["events"]) == SEED_ROWS["events"]
    pipeline.validate(parsed)
    assert parsed.parts == {}


def test_run_refuses_to_publish_into_its_input(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    with pytest.raises(OutputRefused, match="holds the input"):
        pipeline.run([raw], raw)
    assert sorted(p.name for p in raw.iterdir()) == [SEED.name]
