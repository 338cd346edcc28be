import csv
import io

import pandas as pd
import pyarrow
import pyarrow.parquet as pq
import pytest
from evkonyv.schemas.validation import validate_tables

from evkonyv.errors import EvkonyvError
from evkonyv.publishing.publish import write_release
from evkonyv.tables.build import build_tables
from evkonyv.tables.serialise import table_files
from tests.helpers import digests


@pytest.fixture(scope="module")
def validated(seed_result):
    return validate_tables(build_tables(seed_result.tables))


def test_same_tables_same_bytes(validated, tmp_path):
    write_release(table_files(validated), tmp_path / "a")
    write_release(table_files(validated), tmp_path / "b")
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert sorted(digests(tmp_path / "a")) == sorted(
        [
            "events.parquet",
            "events.csv",
            "births.parquet",
            "births.csv",
            "deaths.parquet",
            "timeline.parquet",
            "timeline.csv",
            "deaths.csv",
            "articles.parquet",
            "source_lines.parquet",
            "quarantine.parquet",
            ".evkonyv-release",  # the marker: this folder holds an evkonyv release
        ]
    )


def test_parquet_keeps_types_and_descriptions(validated, tmp_path):
    write_release(table_files(validated), tmp_path)
    events = pd.read_parquet(tmp_path / "events.parquet")
    assert str(events["month"].dtype) == "Int8"
    assert str(events["year"].dtype) == "Int32"
    assert events["month"].isna().sum() > 0  # undated events stay integers with missing values
    schema = pq.read_schema(tmp_path / "events.parquet")
    assert str(schema.field("date_earliest").type) == "date32[day]"
    assert b"1-based" in schema.field("source_line").metadata[b"description"]


def test_csv_is_rfc4180(validated, tmp_path):
    write_release(table_files(validated), tmp_path)
    raw = (tmp_path / "births.csv").read_bytes()
    assert raw.count(b"\r\n") == 22  # header + 21 rows
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == 21
    stanley = next(row for row in rows if row["name"] == "Stanley Williams")
    assert (stanley["death_year"], stanley["date_earliest"]) == ("2005", "1953-12-29")


def test_failed_write_leaves_output_alone(validated, tmp_path, monkeypatch):
    write_release(table_files(validated), tmp_path)
    before = digests(tmp_path)
    broken = dict(validated)
    broken["source_lines"] = validated["source_lines"].assign(record_ids=5)  # written after the others
    with pytest.raises(pyarrow.ArrowException):
        write_release(table_files(broken), tmp_path)
    assert digests(tmp_path) == before
    assert not [p for p in tmp_path.parent.iterdir() if ".staging-" in p.name]


def test_unwritable_output_is_a_clear_error(validated, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(EvkonyvError, match="cannot write"):
        write_release(table_files(validated), blocker / "output")
