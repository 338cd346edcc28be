"""The release around the tables: data package, docs, checksums, changelog, quality report."""

import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest
import yaml
from evkonyv.schemas.validation import validate_tables

from evkonyv.pipeline import parse
from evkonyv.publishing.outputs import MARKER
from evkonyv.publishing.previous import read_previous
from evkonyv.publishing.publish import write_release
from evkonyv.reading.sources import SourceText, decode_source
from evkonyv.release.build import build_release
from evkonyv.release.texts import SourceFile
from evkonyv.tables.build import build_tables

FRICTIONLESS = Path(sys.executable).parent / "frictionless"
FIXTURES = Path(__file__).parent / "fixtures"


def release_of(sources, output: Path, released=None):
    tables = validate_tables(build_tables(parse(sources)))
    files = [SourceFile(s.name, s.sha256, s.encoding) for s in sources]
    release = build_release(tables, files, read_previous(output), (), released)
    write_release(release.files, output)
    return release


def edited(source: SourceText, line: int, old: str, new: str) -> SourceText:
    lines = list(source.lines)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    return SourceText(source.name, "e" * 64, source.encoding, tuple(lines))


def digests(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def release_dir(tmp_path_factory, seed_source):
    output = tmp_path_factory.mktemp("release") / "output"
    release_of([seed_source], output)
    return output


def test_contents(release_dir):
    assert sorted(p.name for p in release_dir.iterdir() if p.name != MARKER) == sorted(
        [f"{t}.parquet" for t in ("events", "births", "deaths", "timeline", "articles", "source_lines", "quarantine")]
        + [f"{t}.csv" for t in ("events", "births", "deaths", "timeline")]
        + ["datapackage.json", "README.md", "LICENSE-DATA", "CITATION.cff", "CHANGELOG.md", "SHA256SUMS",
           "quality.md", "events-per-month.svg", "index.html", "evkonyv-1.0.0-csv.zip", "evkonyv.sqlite"]
    )  # fmt: skip


def test_frictionless_validates_the_package(release_dir):
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "datapackage.json"], cwd=release_dir, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:]
    descriptor = json.loads((release_dir / "datapackage.json").read_text())
    assert descriptor["version"] == "1.0.0"
    assert descriptor["licenses"][0]["name"] == "CC-BY-SA-4.0"
    assert any(
        "huwiki_1953-1956.txt" in s["title"] and re.match(r"sha256 [0-9a-f]{64}\b", s["description"])
        for s in descriptor["sources"]
    )
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    assert events["schema"]["primaryKey"] == ["record_id"]
    month = next(f for f in events["schema"]["fields"] if f["name"] == "month")
    assert month["constraints"] == {"minimum": 1, "maximum": 12} and month["description"]


def test_zip_holds_a_valid_csv_package(release_dir, tmp_path):
    with zipfile.ZipFile(release_dir / "evkonyv-1.0.0-csv.zip") as archive:
        assert sorted(archive.namelist()) == sorted(
            [
                "events.csv",
                "births.csv",
                "deaths.csv",
                "timeline.csv",
                "README.md",
                "LICENSE-DATA",
                "CITATION.cff",
                "datapackage.json",
            ]
        )
        archive.extractall(tmp_path)
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "datapackage.json"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:]


def test_checksums_verify(release_dir):
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=release_dir, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = {line.split("  ", 1)[1] for line in (release_dir / "SHA256SUMS").read_text().splitlines()}
    assert listed == {p.name for p in release_dir.iterdir()} - {"SHA256SUMS", MARKER}  # the marker is not release content


def test_citation_and_licence(release_dir):
    cff = yaml.safe_load((release_dir / "CITATION.cff").read_text())
    assert (cff["cff-version"], cff["version"], cff["license"], cff["type"]) == ("1.2.0", "1.0.0", "CC-BY-SA-4.0", "dataset")
    assert "date-released" not in cff  # no clock: only SOURCE_DATE_EPOCH gives a date
    assert {ref["title"] for ref in cff["references"]} == {"1953", "1954", "1956", "1956-os forradalom és szabadságharc"}
    licence = (release_dir / "LICENSE-DATA").read_text()
    assert "CC-BY-SA-4.0" in licence and "https://hu.wikipedia.org/wiki/1953" in licence


def test_first_release_changelog(release_dir):
    assert "## 1.0.0\n\nFirst release" in (release_dir / "CHANGELOG.md").read_text()


def test_rebuild_is_byte_identical(tmp_path, seed_source):
    release_of([seed_source], tmp_path / "a")
    release_of([seed_source], tmp_path / "b")
    first = digests(tmp_path / "a")
    assert first == digests(tmp_path / "b")
    release_of([seed_source], tmp_path / "a")  # again over its own previous release
    assert digests(tmp_path / "a") == first


def test_source_date_epoch(tmp_path, seed_source):
    import datetime as dt

    when = dt.datetime(2026, 11, 1, 12, 0, 0)
    release_of([seed_source], tmp_path / "a", when)
    release_of([seed_source], tmp_path / "b", when)
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    assert yaml.safe_load((tmp_path / "a" / "CITATION.cff").read_text())["date-released"] == "2026-11-01"
    with zipfile.ZipFile(tmp_path / "a" / "evkonyv-1.0.0-csv.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 1, 12, 0, 0)}


def test_one_changed_line_is_one_changed_record(tmp_path, seed_source, seed_result):
    output = tmp_path / "output"
    release_of([seed_source], output)
    release = release_of([edited(seed_source, 4, "letartóztatják", "őrizetbe veszik")], output)
    assert release.version == "1.0.1"
    changelog = (output / "CHANGELOG.md").read_text()
    old_id = next(r.record_id for r in seed_result.records if r.source_line == 4)
    assert "0 records added, 0 removed, 1 changed" in changelog
    changed_rows = [line for line in changelog.splitlines() if line.startswith("| events |")]
    assert len(changed_rows) == 1 and f"`{old_id}`" in changed_rows[0] and "huwiki_1953-1956.txt:4 |" in changed_rows[0]
    assert "## 1.0.0\n\nFirst release" in changelog  # the history is kept


def test_schema_change_bumps_the_major_version(tmp_path, seed_source):
    output = tmp_path / "output"
    release_of([seed_source], output)
    descriptor = json.loads((output / "datapackage.json").read_text())
    descriptor["evkonyv"]["columns"]["events"]["retired_column"] = "string"  # as if an older schema had it
    (output / "datapackage.json").write_text(json.dumps(descriptor))
    release = release_of([edited(seed_source, 4, "letartóztatják", "őrizetbe veszik")], output)
    assert release.version == "2.0.0"
    assert "events: column retired_column removed" in (output / "CHANGELOG.md").read_text()


def test_quality_report(release_dir):
    report = (release_dir / "quality.md").read_text()
    for expected in (
        "| 1953 | 35 | 6 | 10 |",
        "| huwiki_1953-1956.txt:222 | 1956-os forradalom és szabadságharc | huwiki_1953-1956.txt:112 | exact |",
        "| `wrong_year_symbol` | 1953 | huwiki_1953-1956.txt:53 |",
        "| `stray_character_in_marker` | 1956 | huwiki_1953-1956.txt:433 |",
        "| `glued_heading` | 1954 | huwiki_1953-1956.txt:91 |",
        "| `missing_dash` | 1954 | huwiki_1953-1956.txt:94 |",
        "| `capitalised_month` | 1953 | huwiki_1953-1956.txt:36 |",
        "| `likely_repeat` | 1953 | huwiki_1953-1956.txt:38 |",
        "None: every line was read.",
    ):
        assert expected in report, expected
    chart = ET.parse(release_dir / "events-per-month.svg").getroot()
    cells = {t.text for t in chart.iter("{http://www.w3.org/2000/svg}title")}
    events = pd.read_parquet(release_dir / "events.parquet")
    october_1956 = int(((events["year"] == 1956) & (events["month"] == 10)).sum())
    undated_1953 = int(((events["year"] == 1953) & events["month"].isna()).sum())
    assert {f"1956 okt: {october_1956}", f"1953 n/a: {undated_1953}"} <= cells
    assert undated_1953 == 3  # Crick's DNA model, Ránki's opera, the Wembley repeat


def test_csv_reads_back(release_dir):
    events = pd.read_csv(io.BytesIO((release_dir / "events.csv").read_bytes()))
    assert len(events) == 164 and events["record_id"].is_unique


def test_citation_stays_valid_yaml_whatever_the_titles():
    from evkonyv.release.texts import SourceArticle, citation

    title = 'Az "idézett": cím # nem megjegyzés'
    cff = yaml.safe_load(citation("1.0.1", None, [SourceArticle(title, "prose"), SourceArticle("1953", "year")]))
    assert [reference["title"] for reference in cff["references"]] == [title, "1953"]
    assert cff["version"] == "1.0.1" and "date-released" not in cff


def test_release_readme_lists_every_quality_flag(release_dir):
    from evkonyv.quality_flags import QUALITY_FLAGS

    text = (release_dir / "README.md").read_text(encoding="utf-8")
    assert "## Quality flags" in text
    assert all(f"- `{flag}`: {meaning}" in text for flag, meaning in QUALITY_FLAGS.items())


def test_zip_writer_gives_the_bytes_of_pythons_zipfile(tmp_path):
    """The archive is written by hand (to take members compressed in other threads): byte for byte
    what ``zipfile`` writes for the same entries, with members compressed here or handed over."""
    import datetime as dt
    import io
    import random

    from evkonyv.release.archive import ZIP_EPOCH

    def with_zipfile(entries, timestamp):
        when = max(timestamp or ZIP_EPOCH, ZIP_EPOCH)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in sorted(entries):
                info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
                info.compress_type, info.external_attr, info.create_system = zipfile.ZIP_DEFLATED, 0o644 << 16, 3
                archive.writestr(info, entries[name], compresslevel=9)
        return buffer.getvalue()

    entries = {
        "events.csv": b"record_id,text\n" + b"event-1,x\n" * 5000,
        "README.md": "árvíztűrő tükörfúrógép\n".encode() * 50,
        "jegyzék.txt": b"",  # a name outside ASCII, an empty member
        "datapackage.json": random.Random(1).randbytes(40_000),
    }
    for timestamp in (None, dt.datetime(2026, 11, 26, 23, 59, 59)):
        expected = with_zipfile(entries, timestamp)
        assert _zip_in_memory(entries, timestamp) == expected
        assert _zip_of_files(entries, timestamp, tmp_path) == expected


def _zip_in_memory(entries, timestamp):
    """The zip with every member compressed here, in memory."""
    from evkonyv.release.archive import ZipMember, write_zip

    buffer = io.BytesIO()
    write_zip(buffer, {name: ZipMember.of(content) for name, content in entries.items()}, timestamp)
    return buffer.getvalue()


def _zip_of_files(entries, timestamp, folder):
    """The zip as the release writes it: each member compressed from its file in threads, handed over as futures."""
    from concurrent.futures import ThreadPoolExecutor

    from evkonyv.release.archive import ZipMember, deflate_file_pieces, write_zip

    with ThreadPoolExecutor(2) as pool:
        members = {}
        for number, (name, content) in enumerate(entries.items()):
            path = folder / f"member-{number}"
            path.write_bytes(content)
            members[name] = ZipMember(zlib.crc32(content), len(content), deflate_file_pieces(pool, path, len(content)))
        buffer = io.BytesIO()
        write_zip(buffer, members, timestamp)
    return buffer.getvalue()


def test_a_large_member_is_compressed_in_pieces_that_read_back_as_one(monkeypatch, tmp_path):
    """A member larger than the piece size is compressed piece by piece (in threads or not: the same
    bytes); ``zipfile`` reads it back whole, its CRC checked."""
    import random
    from concurrent.futures import ThreadPoolExecutor

    from evkonyv.release import archive

    monkeypatch.setattr(archive, "DEFLATE_PIECE", 50_000)
    rows = random.Random(2)
    content = b"".join(
        b"event-%d,%s\n" % (n, rows.choice([b"Budapest", b"Szeged", b"P\xc3\xa9cs"]) * rows.randint(1, 9)) for n in range(40_000)
    )
    entries = {"events.csv": content, "README.md": b"small\n", "empty.txt": b""}
    whole = zlib.compressobj(archive.PIECES_LEVEL, zlib.DEFLATED, -15)
    in_one_stream = whole.compress(content) + whole.flush()
    threaded = _zip_of_files(entries, None, tmp_path)
    assert threaded == _zip_in_memory(entries, None)
    stored_file = tmp_path / "events.csv"
    stored_file.write_bytes(content)
    with ThreadPoolExecutor(2) as pool:  # read back piece by piece from a file: the same stream
        from_file = b"".join(piece.result() for piece in archive.deflate_file_pieces(pool, stored_file, len(content)))
    assert from_file == archive.deflate(content)
    with zipfile.ZipFile(io.BytesIO(threaded)) as read:
        assert read.testzip() is None
        assert {name: read.read(name) for name in read.namelist()} == entries
        stored = read.getinfo("events.csv").compress_size
    assert len(content) > 10 * archive.DEFLATE_PIECE and stored != len(in_one_stream)  # in pieces indeed
    assert stored < len(in_one_stream) * 1.01  # each piece primed with the window before it
    small = zlib.compressobj(archive.ZIP_LEVEL, zlib.DEFLATED, -15)
    assert archive.deflate(content[:50_000]) == small.compress(content[:50_000]) + small.flush()  # one stream, as zipfile's


def test_large_members_are_compressed_by_zlib_ng_no_larger_than_zlibs_default_level():
    """A large CSV's pieces are zlib-ng's level-7 deflate: a plain deflate stream (zlib reads it back),
    no larger than zlib's default level 6 gave it."""
    from zlib_ng import zlib_ng

    from evkonyv.release import archive

    content = b"".join(b"event-%d,Budapest,%d,%s\n" % (n, n * 7919 % 1000, b"x" * (n % 13)) for n in range(900_000))
    assert len(content) > 2 * archive.DEFLATE_PIECE
    piece = archive.deflate_piece(content, 0, archive.DEFLATE_PIECE)
    engine = zlib_ng.compressobj(archive.PIECES_LEVEL, zlib_ng.DEFLATED, -15)
    assert piece == engine.compress(content[: archive.DEFLATE_PIECE]) + engine.flush(zlib_ng.Z_SYNC_FLUSH)
    stored = archive.deflate(content)
    assert zlib.decompress(stored, -15) == content
    zlib_default = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert len(stored) <= len(zlib_default.compress(content) + zlib_default.flush())


def test_release_files_are_kept_on_disk_with_their_digests(seed_source, tmp_path):
    """The release is built file by file into a scratch folder; what it records of each file (size and
    SHA-256, used by the descriptor, the page and SHA256SUMS) is what the file holds, and publishing
    copies exactly those bytes."""
    import gc
    import hashlib
    import zlib

    from evkonyv.release.build import build_release
    from evkonyv.release.files import ReleaseFiles
    from evkonyv.release.quality import CHART_FILE, events_per_month_svg

    tables = validate_tables(build_tables(parse([seed_source])))
    release = build_release(tables, [SourceFile(seed_source.name, seed_source.sha256, seed_source.encoding)], None)
    assert isinstance(release.files, ReleaseFiles)
    for name, (size, digest) in release.files.digests.items():
        content = release.files[name]
        assert (len(content), hashlib.sha256(content).hexdigest()) == (size, digest), name
        assert release.files.crc32[name] == zlib.crc32(content), name  # what the zip records of a member
    # the chart, written a year at a time, is the whole chart
    assert release.files[CHART_FILE] == events_per_month_svg(tables["events"]).encode("utf-8")
    write_release(release.files, tmp_path / "out")
    assert {name: (tmp_path / "out" / name).read_bytes() for name in release.files} == dict(release.files)
    scratch = release.files.path("SHA256SUMS").parent
    del release
    gc.collect()
    assert not scratch.exists()


def test_a_long_quarantine_is_counted_by_reason_and_listed_in_part(monkeypatch):
    """Beyond QUARANTINE_LISTED rows the report counts the quarantined lines by reason (most first, then
    by reason) and lists the first rows only; up to it, every row is listed."""
    import pandas as pd

    from evkonyv.release import quality

    rows = [("a.txt", line, "1999", "reason B" if line % 3 else "reason A", f"text {line}") for line in range(1, 8)]
    frame = pd.DataFrame(rows, columns=["source_file", "source_line", "article", "reason", "text"])
    monkeypatch.setattr(quality, "QUARANTINE_LISTED", 7)
    listed = quality.quarantine_section(frame)
    assert len([line for line in listed if line.startswith("| a.txt:")]) == 7 and "| reason B | 5 |" not in listed
    monkeypatch.setattr(quality, "QUARANTINE_LISTED", 3)
    counted = quality.quarantine_section(frame)
    assert counted[2] == "7 lines in 2 reasons; every one is in `quarantine.parquet`."
    assert counted[6:8] == ["| reason B | 5 |", "| reason A | 2 |"]
    assert [line.split(" | ")[0] for line in counted if line.startswith("| a.txt:")] == ["| a.txt:1", "| a.txt:2", "| a.txt:3"]


def test_quality_report_lists_the_records_placed_on_weak_evidence(tmp_path, seed_source):
    """The seed's sections are all placed on clear evidence; 1620's last line (`Simon Stevin németalföldi
    fizikus, mérnök és matematikus`, undated and unmarked, after two births) is placed on a near-tie."""
    excerpt = FIXTURES / "real-excerpts" / "raw" / "hu_1620.txt"
    output = tmp_path / "output"
    release_of([seed_source, decode_source(excerpt.name, excerpt.read_bytes())], output)
    flagged = []
    for name in ("events", "births", "deaths"):
        frame = pd.read_parquet(output / f"{name}.parquet")
        flagged += [
            f"{row.source_file}:{row.source_line}" for row in frame.itertuples() if "section_inferred" in row.quality_flags
        ]
    report = (output / "quality.md").read_text(encoding="utf-8")
    assert f"## Placed on weak evidence ({len(flagged)})" in report
    section = report.split("## Placed on weak evidence", 1)[1].split("\n## ", 1)[0]
    assert "hu_1620.txt:9" in flagged and all(f"| {source} |" in section for source in flagged)
