"""Never destroy what is not ours, never go silently wrong (pure parts; the command's are in test_run_control)."""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest

from evkonyv.errors import InputError
from evkonyv.parsing.parse import parse_file
from evkonyv.parsing.records import likely_repeats
from evkonyv.publishing.outputs import MARKER, OutputLocked, OutputRefused, check_output, output_lock
from evkonyv.publishing.previous import PreviousReleaseUnreadable, VolumeGuard, check_volume, read_previous
from evkonyv.publishing.publish import write_release
from evkonyv.reading.sources import decode_source, read_source, scan_raw
from evkonyv.summary import run_warnings
from evkonyv.tables import cache
from evkonyv.tables.parts import file_tables
from tests.helpers import ROOT, SEED, parse_rows

FILES = {"events.csv": b"a\r\n", "events.parquet": b"PAR1"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with raw/ and user files, as the current folder."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "README.md").write_text("mine")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- 1. output safety ---------------------------------------------------------------------


@pytest.mark.parametrize("output", [".", "raw", "..", "raw/sub"], ids=["current", "input", "ancestor", "inside-input"])
def test_output_that_holds_or_is_the_input_is_refused_even_with_force(project, output):
    for force in (False, True):
        with pytest.raises(OutputRefused):
            check_output(Path(output), [Path("raw")], force=force)
    assert (project / "raw" / "seed.txt").exists() and (project / "README.md").exists()


def test_folder_with_user_files_is_refused_unless_forced(project):
    notes = project / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / ".git").mkdir()
    (notes / "notes.txt").write_text("x")
    (notes / "sub" / "data.csv").write_text("x")
    with pytest.raises(OutputRefused, match=r"not an evkonyv release \(\.git, notes\.txt, sub\)"):
        write_release(FILES, notes)
    assert (notes / "notes.txt").exists() and (notes / "sub" / "data.csv").exists() and (notes / ".git").is_dir()
    told: list[str] = []
    write_release(FILES, notes, force=True, notice=told.append)
    assert sorted(p.name for p in notes.iterdir()) == [MARKER, "events.csv", "events.parquet"]
    aside = project / "notes.set-aside-1"  # moved whole, never deleted
    assert sorted(p.name for p in aside.iterdir()) == [".git", "notes.txt", "sub"]
    assert (aside / "sub" / "data.csv").read_text() == "x"
    assert len(told) == 1 and ".git, notes.txt, sub" in told[0] and str(aside) in told[0]


def test_force_keeps_hidden_sub_folders_of_a_home_like_folder(project):
    """--force on a folder holding a user's hidden folders (.ssh, .cache) and files moves the
    folders aside with their content; a second forced run sets aside into a new folder."""
    home = project / "alice"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_ed25519").write_text("key")
    (home / ".cache" / "pip").mkdir(parents=True)
    (home / ".bashrc").write_text("rc")
    write_release(FILES, home, force=True)
    assert (home / ".bashrc").read_text() == "rc"  # hidden regular files stay in place
    assert (project / "alice.set-aside-1" / ".ssh" / "id_ed25519").read_text() == "key"
    assert (project / "alice.set-aside-1" / ".cache" / "pip").is_dir()
    (home / ".config").mkdir()
    write_release({"events.csv": b"b\r\n"}, home, force=True)
    assert (project / "alice.set-aside-2" / ".config").is_dir()
    assert (project / "alice.set-aside-1" / ".ssh" / "id_ed25519").read_text() == "key"


@pytest.mark.parametrize("force", [False, True])
def test_home_root_and_system_folders_are_refused_even_with_force(project, monkeypatch, force):
    home = project / "home" / "alice"
    home.mkdir(parents=True)
    (home / ".ssh").mkdir()
    monkeypatch.setenv("HOME", str(home))
    for output, reason in [
        (home, "the home folder"),
        (project / "home", "holds the home folder"),
        (Path("/"), "the file-system root"),
        (Path("/usr"), "top-level folder"),
        (Path("/tmp"), "top-level folder"),
        (Path("/usr/local/share"), "operating system"),
        (Path("/etc/ssh"), "operating system"),
    ]:
        with pytest.raises(OutputRefused, match=reason):
            write_release(FILES, output, force=force)
    assert (home / ".ssh").is_dir() and not (home / "events.csv").exists()
    assert not list(project.glob("*set-aside*")) and not list((project / "home").glob("*set-aside*"))


def test_regular_file_is_refused_and_left_alone(project):
    (project / "out").write_text("mine")
    with pytest.raises(OutputRefused, match="is a file"):
        write_release(FILES, project / "out")
    assert (project / "out").read_text() == "mine"
    assert [p.name for p in project.iterdir() if "staging" in p.name] == []


def test_owned_folders_are_replaced(project):
    empty, kept = project / "empty", project / "kept"
    empty.mkdir()
    kept.mkdir()
    (kept / ".gitkeep").write_text("")
    for folder in (empty, kept, project / "missing"):
        write_release(FILES, folder)
        write_release({"events.csv": b"b\r\n"}, folder)  # a release it made itself is its own
        assert (folder / "events.csv").read_bytes() == b"b\r\n" and not (folder / "events.parquet").exists()
    assert (kept / ".gitkeep").exists()
    (kept / "notes.txt").write_text("added by a user")
    with pytest.raises(OutputRefused, match="notes.txt"):
        write_release(FILES, kept)


def test_symlinked_output_publishes_into_its_target(project):
    target = project / "target"
    write_release(FILES, target)
    (project / "link").symlink_to(target)
    write_release({"events.csv": b"new\r\n"}, project / "link")
    assert (project / "link").is_symlink()
    assert (target / "events.csv").read_bytes() == b"new\r\n"


def test_stale_staging_folders_are_always_cleaned(project):
    stale = project / ".out.staging-1-abcd1234"  # pid 1 is alive, but holds no lock of ours
    stale.mkdir()
    (stale / "x").write_text("x")
    write_release(FILES, project / "out")
    assert not stale.exists()


# --- 3. structure checks ------------------------------------------------------------------


def _seed_lines():
    return SEED.read_text(encoding="utf-8").splitlines()


def _parse(lines, name="x.txt"):
    return parse_rows([decode_source(name, "\n".join(lines).encode("utf-8"))])


def test_window_that_is_not_eleven_years_is_quarantined_with_a_warning():
    lines = _seed_lines()[:57]
    lines[2] = "Évek: 1952 – 1953 – 1954"
    result = _parse(lines)
    assert result.records == [] and len(result.quarantined) == sum(1 for line in lines if line.strip())
    assert "lists 3 years, not 11" in result.quarantined[0].reason
    assert any("x.txt:2: year article whose year cannot be read" in warning for warning in run_warnings(result.tables))


def test_window_against_the_decades_is_quarantined():
    lines = _seed_lines()[:57]
    lines[2] = "Évek: 1958 – 1959 – 1960 – 1961 – 1962 – 1963 – 1964 – 1965 – 1966 – 1967 – 1968"
    result = _parse(lines)
    assert result.records == []
    assert "centres on 1963, but its 'Évtizedek:' line on the 1950s" in result.quarantined[0].reason


def test_window_off_by_one_never_publishes_under_the_wrong_year():
    lines = _seed_lines()
    lines[2] = lines[58]  # the 1953 article now claims 1954, as the real 1954 article does
    result = _parse(lines)
    assert {r.article for r in result.records} == {"1956"}
    reasons = {q.reason for q in result.quarantined}
    assert any("year 1954 is claimed by 2 articles that differ (x.txt:2, x.txt:58)" in reason for reason in reasons)
    warnings = run_warnings(result.tables)
    assert any(w.startswith("x.txt:2: year 1954 is claimed") for w in warnings)
    assert any(w.startswith("x.txt:58: year 1954 is claimed") for w in warnings)


def test_nobel_intro_in_the_middle_quarantines_what_follows():
    lines = _seed_lines()[:57]  # the 1953 article
    nobel = next(i for i, line in enumerate(lines) if line.startswith("A Nobel-díjat"))
    shuffled = lines[:10] + [lines[nobel]] + lines[10:nobel] + lines[nobel + 1 :]
    result = _parse(shuffled)
    out_of_order = [q for q in result.quarantined if "out of the article's order" in q.reason]
    assert len(out_of_order) > 30
    assert not any(role.role == "nobel" and role.line in {q.source_line for q in out_of_order} for role in result.roles)
    assert any("out of the article's order" in warning for warning in run_warnings(result.tables))


# --- 4. volume guard ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_tables(seed_result):
    from evkonyv.schemas.validation import validate_tables

    from evkonyv.tables.build import build_tables

    return validate_tables(build_tables(seed_result.tables))


def _published(tmp_path, tables):
    from evkonyv.release.build import build_release
    from evkonyv.release.texts import SourceFile

    release = build_release(tables, [SourceFile("seed.txt", "0" * 64, "utf-8")], None)
    write_release(release.files, tmp_path / "out")
    return read_previous(tmp_path / "out")


def test_no_records_or_a_big_loss_stops_unless_allowed(tmp_path, seed_tables):
    previous = _published(tmp_path, seed_tables)
    empty = {name: frame.iloc[0:0] for name, frame in seed_tables.items()}
    with pytest.raises(VolumeGuard, match="would publish no records"):
        check_volume(empty, None, allow_shrink=False)
    shrunk = dict(seed_tables, events=seed_tables["events"].iloc[:10])
    with pytest.raises(VolumeGuard, match=r"would remove 154 of the 214 records of release 1.0.0"):
        check_volume(shrunk, previous, allow_shrink=False)
    check_volume(shrunk, previous, allow_shrink=True)
    check_volume(dict(seed_tables, events=seed_tables["events"].iloc[:100]), previous, allow_shrink=False)  # 64 of 214
    # the timeline is counted on its own: records kept do not hide the loss of the timeline
    without_timeline = dict(seed_tables, timeline=seed_tables["timeline"].iloc[:20])
    with pytest.raises(VolumeGuard, match=r"would remove 135 of the 155 timeline rows of release 1.0.0"):
        check_volume(without_timeline, previous, allow_shrink=False)


def test_a_release_from_before_the_timeline_is_read_and_compared(tmp_path, seed_tables):
    from evkonyv.release.build import build_release
    from evkonyv.release.texts import SourceFile

    previous = _published(tmp_path, seed_tables)
    (tmp_path / "out" / "timeline.parquet").unlink()
    descriptor = tmp_path / "out" / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    del package["evkonyv"]["columns"]["timeline"]
    package["evkonyv"]["content_sha256"] = "0" * 64  # its files were others
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    earlier = read_previous(tmp_path / "out")
    assert earlier is not None and "timeline" not in earlier.tables and earlier.version == previous.version
    check_volume(seed_tables, earlier, allow_shrink=False)  # the new table is no loss
    upgrade = build_release(seed_tables, [SourceFile("seed.txt", "0" * 64, "utf-8")], earlier)
    assert upgrade.version == "1.1.0"  # a table added: a minor version
    history = upgrade.files["CHANGELOG.md"].decode()
    assert "155 records added, 0 removed" in history and "timeline: column date_basis added" in history


def test_damaged_previous_release_is_an_error_naming_the_file(tmp_path, seed_tables):
    _published(tmp_path, seed_tables)
    (tmp_path / "out" / "births.parquet").write_bytes(b"not parquet")
    with pytest.raises(PreviousReleaseUnreadable, match=r"out/births.parquet: the previous release cannot be read"):
        read_previous(tmp_path / "out")


def test_the_previous_tables_are_read_only_when_a_changed_release_is_compared(tmp_path, seed_tables, monkeypatch):
    """A re-run reads the previous release's ids, not its tables: those are read (each when asked for) only
    to compare a release whose content changed, and a file that then does not read is named."""
    from evkonyv.release.build import build_release
    from evkonyv.release.texts import SourceFile

    _published(tmp_path, seed_tables)
    from evkonyv.publishing import previous as previous_module

    real_open, reads = previous_module._parquet_file, []
    monkeypatch.setattr(previous_module, "_parquet_file", lambda path: reads.append(Path(path).name) or real_open(path))
    previous = read_previous(tmp_path / "out")
    check_volume(seed_tables, previous, allow_shrink=False)
    same = build_release(seed_tables, [SourceFile("seed.txt", "0" * 64, "utf-8")], previous)
    assert same.version == "1.0.0" and reads == []  # the same content: nothing compared, nothing read
    changed = build_release(
        dict(seed_tables, events=seed_tables["events"].iloc[1:]), [SourceFile("seed.txt", "0" * 64, "utf-8")], previous
    )
    assert changed.version != "1.0.0" and sorted(reads) == [
        "births.parquet",
        "deaths.parquet",
        "events.parquet",
        "timeline.parquet",
    ]
    monkeypatch.setattr(previous_module, "_parquet_file", lambda path: (_ for _ in ()).throw(OSError(5, "Input/output error")))
    with pytest.raises(PreviousReleaseUnreadable, match=r"out/events.parquet: the previous release cannot be read"):
        previous.tables["events"]


def test_a_diff_reads_the_previous_ids_once(tmp_path, seed_tables, monkeypatch):
    """The ids read with the previous release (for the volume guard) are the ones the diff compares: its
    Parquet files are read for the other columns only."""
    import pyarrow.parquet

    from evkonyv.release.build import build_release
    from evkonyv.release.texts import SourceFile

    _published(tmp_path, seed_tables)
    previous = read_previous(tmp_path / "out")
    columns: list[str] = []
    real_read = pyarrow.parquet.ParquetFile.read

    def read(self, *args, **kwargs):
        columns.extend(kwargs.get("columns") or (args[0] if args else None) or ["(all)"])
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(pyarrow.parquet.ParquetFile, "read", read)
    changed = build_release(
        dict(seed_tables, events=seed_tables["events"].iloc[1:]), [SourceFile("seed.txt", "0" * 64, "utf-8")], previous
    )
    assert changed.version != "1.0.0"
    assert "source_file" in columns and "record_id" not in columns and "(all)" not in columns


# --- 5. inputs stay inside --raw ----------------------------------------------------------


def test_symlink_out_of_the_raw_folder_is_refused_unread(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "seed.txt").write_bytes(SEED.read_bytes())
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    (raw / "x.txt").symlink_to(secret)
    files, warnings = scan_raw([raw])
    assert [name for name, _ in files] == ["seed.txt"]
    assert len(warnings) == 1 and "x.txt: a symlink to" in warnings[0] and "refused, not read" in warnings[0]
    assert "root:x" not in warnings[0]


def test_symlinked_subfolder_inside_and_upper_case_names_are_read(tmp_path):
    raw = tmp_path / "raw"
    (raw / "real").mkdir(parents=True)
    (raw / "real" / "A.TXT").write_bytes(SEED.read_bytes())
    (raw / "linked").symlink_to(raw / "real")
    (raw / "loop").symlink_to(raw)  # a loop is walked once
    (raw / "b.Txt").write_text("x")
    files, warnings = scan_raw([raw])
    assert [name for name, _ in files] == ["b.Txt", "linked/A.TXT"] or [name for name, _ in files] == ["b.Txt", "real/A.TXT"]
    assert warnings == []


def test_undecodable_file_name_is_escaped(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (raw / name).write_bytes(SEED.read_bytes())
    files, warnings = scan_raw([raw])
    assert [n for n, _ in files] == ["caf\\xe9.txt"]
    assert warnings == ["caf\\xe9.txt: the file name is not UTF-8 or holds control characters; it is recorded with those escaped"]
    source = read_source(*files[0])
    assert source.name == "caf\\xe9.txt" and len(source.lines) == 448


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "mac_latin2"])
def test_utf16_utf32_with_bom_and_mac_latin2(seed_source, encoding):
    text = "\n".join(seed_source.lines)
    data = text.encode(encoding, errors="xmlcharrefreplace")
    decoded = decode_source("x.txt", data)
    assert decoded.lines == seed_source.lines
    assert decoded.encoding.replace("-", "").replace("_", "").startswith(encoding.replace("-", "").replace("_", ""))


def test_no_code_page_fits_names_the_byte_offset():
    with pytest.raises(InputError, match=r"not UTF-8 \(byte 0x\w\w at offset \d+\)"):
        decode_source("x.txt", bytes(range(1, 32)) * 50 + b"\x81\x8d\x8f\x90\x9d" * 40)


# --- 6. locks -----------------------------------------------------------------------------

HOLD_LOCK = """
import sys, time
from pathlib import Path
from evkonyv.publishing.outputs import output_lock
with output_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(30)
"""


def test_second_run_into_one_output_stops_with_a_clear_message(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(tmp_path / "out")], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputLocked, match=rf"another evkonyv run \(process {holder.pid}\) is publishing"):
            write_release(FILES, tmp_path / "out")
    finally:
        holder.kill()
        holder.wait()
    write_release(FILES, tmp_path / "out")  # the lock goes with its holder
    with output_lock(tmp_path / "out"), output_lock(tmp_path / "out"):  # re-entrant in one process
        pass


KILLED_WHILE_BUILDING = """
import os, signal
from evkonyv.release.files import ReleaseFiles
files = ReleaseFiles()
files.add("events.csv", b"record_id\\r\\n" * 1000)
print(files.path("events.csv").parent, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_scratch_of_a_killed_run_is_removed_by_the_next(tmp_path, monkeypatch):
    """A killed run leaves its scratch folder (a release's worth of files) in the temporary folder; the
    next run removes it, and leaves a live run's folder, and folders that are not a run's, alone."""
    import tempfile

    from evkonyv.release.files import SCRATCH_PREFIX, ReleaseFiles, ScratchFolder

    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_BUILDING],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert killed.returncode == -9
    dead = Path(killed.stdout.strip())
    assert dead.parent == tmp_path and dead.name.startswith(SCRATCH_PREFIX) and (dead / "events.csv").exists()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    live = ScratchFolder()  # the next run: it removes the killed run's folder
    assert not dead.exists() and live.removed == [dead]
    unlocked = tmp_path / f"{SCRATCH_PREFIX}1-abc"  # no lock in it: not one of the runs' folders
    unlocked.mkdir()
    files = ReleaseFiles()  # one more run, while the other still builds (its lock is held)
    files.add("README.md", b"x")
    assert files.removed_scratch == []
    assert live.path.exists() and unlocked.exists() and files.path("README.md").exists()
    folder = files.path("README.md").parent
    del files
    assert not folder.exists()  # a run's own folder goes with its files
    live.cleanup()
    assert not live.path.exists()


# --- 7. safe cache ------------------------------------------------------------------------


class _Planted:
    def __reduce__(self):
        return (os.system, ("touch planted-ran",))


def _same_tables(loaded, parsed) -> bool:
    return (
        loaded is not None
        and loaded.sources == parsed.sources
        and loaded.articles == parsed.articles
        and loaded.parts.keys() == parsed.parts.keys()
        and all(loaded.parts[name].equals(parsed.parts[name], check_metadata=True) for name in parsed.parts)
    )


def test_cache_is_data_and_a_planted_entry_is_a_miss(tmp_path, seed_source, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "cache"
    parsed = file_tables(parse_file(seed_source))
    cache.store(folder, [seed_source], parsed)
    entry = cache.entry_path(folder, [seed_source])
    assert _same_tables(cache.load(folder, [seed_source]), parsed)
    good = entry.read_bytes()
    entry.write_bytes(pickle.dumps(_Planted()))
    assert cache.load(folder, [seed_source]) is None and not (tmp_path / "planted-ran").exists()
    entry.write_bytes(good[: len(good) // 2])  # cut short
    assert cache.load(folder, [seed_source]) is None
    header_at = good.index(b"{")
    header = json.loads(good[header_at : good.index(b"}]}", header_at) + 3])
    assert header["sha256"] == [seed_source.sha256] and header["tables"] == list(parsed.parts)
    for changed in (
        good.replace(cache.CACHE_VERSION.encode(), b"0" * len(cache.CACHE_VERSION)),  # another version
        good.replace(b'"kind":"year"', b'"kind":12345', 1),  # a field of the wrong type
        good.replace(b"record_id", b"record_xx", 1),  # a table of another schema
        good + good[-40:],  # something after the last table
        good.replace(b"Gottwald", b"Gottwalx", 1),  # a value edited in place: every frame still reads
        good.replace(b'"title":"1953"', b'"title":"1954"', 1),  # a field edited, its type kept
    ):
        assert changed != good
        entry.write_bytes(changed)
        assert cache.load(folder, [seed_source]) is None
    entry.write_bytes(good)
    assert _same_tables(cache.load(folder, [seed_source]), parsed)
    assert (folder / ".key").stat().st_mode & 0o777 == 0o600
    other = tmp_path / "other-cache"  # an entry copied into another cache folder: not signed with its key
    cache.store(other, [seed_source], parsed)
    cache.entry_path(other, [seed_source]).write_bytes(good)
    assert cache.load(other, [seed_source]) is None


def test_runs_making_the_cache_key_at_once_all_get_the_same_whole_key(tmp_path):
    """Parse tasks of one run store their first entries at the same moment: none may read a key
    file another has created but not yet written (its entry would go unstored, or be signed with a key
    that is then replaced)."""
    import threading

    for trial in range(20):
        folder = tmp_path / f"cache-{trial}"
        start = threading.Barrier(8)
        keys: list = []

        def make(folder=folder, start=start, keys=keys) -> None:
            start.wait()
            keys.append(cache.folder_key(folder, create=True))

        threads = [threading.Thread(target=make) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(keys) == 8 and keys[0] is not None and len(keys[0]) == 32 and set(keys) == {keys[0]}
        assert sorted(path.name for path in folder.iterdir()) == [".key"]  # no draft left behind


# --- 8. linear repeat check ---------------------------------------------------------------


def _events(count, seed=0):
    """Event texts of year-article length from the seed's words (as the benchmark corpus makes them)."""
    from benchmarks.generate import word_list

    rng, words = random.Random(seed), word_list()
    return [" ".join(rng.choice(words) for _ in range(rng.randint(8, 40))) + f" ({index})." for index in range(count)]


def test_repeat_check_is_near_linear_in_comparisons():
    """Whole-text comparisons stay below the number of events (all pairs: n(n-1)/2, 5e7 for 10,000)."""
    for size in (10_000, 20_000):
        compared = 0

        def holds(longer, shorter):
            nonlocal compared
            compared += 1
            return shorter in longer

        likely_repeats(_events(size), holds)
        assert compared <= size, (size, compared)


@pytest.mark.parametrize(("count", "alphabet"), [(300, "ab "), (150, "ab "), (150, "ab\x00")])
def test_repeat_check_finds_what_all_pairs_find(count, alphabet):
    """Both ways of finding repeats (joined search up to 200 texts, window index above), also when
    a text holds the character the joined search would join with."""
    rng = random.Random(3)
    texts = []
    for _ in range(count):
        base = "".join(rng.choice(alphabet) for _ in range(rng.randint(10, 60)))
        chance = rng.random()
        if chance < 0.1 and texts:
            texts.append(rng.choice(texts))  # a copy: a text held by one of its own length
        else:
            texts.append(base if chance < 0.5 or not texts else rng.choice(texts) + base)
    expected = {}
    for later, text in enumerate(texts):
        for earlier in range(later):
            shorter, longer = sorted((text, texts[earlier]), key=len)
            if len(shorter) >= 25 and shorter in longer:
                expected[later] = earlier
                break
    assert likely_repeats(texts) == expected


def test_yearless_articles_of_two_files_are_not_versions_of_one_year():
    """Two files with a year article whose year cannot be read at the same line: their placeholder
    titles match, their texts do not; each is quarantined for its own reason, neither is a duplicate."""
    first, second = _seed_lines()[:57], _seed_lines()[:57]
    first[2] = "Évek: 1952 – 1953 – 1954"
    second[2] = "Évek: 1957 – 1958"
    second[10] = second[10] + " (más változat)"
    result = parse_rows(
        [decode_source(name, "\n".join(lines).encode("utf-8")) for name, lines in (("a.txt", first), ("b.txt", second))]
    )
    assert result.duplicates == []
    reasons = {q.reason for q in result.quarantined}
    assert not any("is claimed by" in reason for reason in reasons)
    assert {q.source_file for q in result.quarantined} == {"a.txt", "b.txt"}
    # the same yearless article twice is still one article
    again = parse_rows([decode_source(name, "\n".join(first).encode("utf-8")) for name in ("a.txt", "b.txt")])
    assert [d.kind for d in again.duplicates] == ["exact"]


def test_a_previous_table_whose_column_does_not_read_is_named(tmp_path, seed_tables):
    """The previous tables are read a column at a time: a column that fails to read names its file too."""
    previous = _published(tmp_path, seed_tables)
    events = previous.tables["events"]
    assert "text" in events.column_names and events.num_rows == len(seed_tables["events"])
    assert events.column("text").to_pylist() == list(seed_tables["events"]["text"])

    assert [len(piece) for piece in events.column_slices("text", 100)] == [100, len(seed_tables["events"]) - 100]

    class Failing:
        def read(self, columns):
            raise OSError(5, "Input/output error")

        def iter_batches(self, batch_size, columns):
            raise OSError(5, "Input/output error")

    events._file = Failing()
    with pytest.raises(PreviousReleaseUnreadable, match=r"out/events.parquet: the previous release cannot be read"):
        events.column("text")
    with pytest.raises(PreviousReleaseUnreadable, match=r"out/events.parquet: the previous release cannot be read"):
        list(events.column_slices("text", 100))
