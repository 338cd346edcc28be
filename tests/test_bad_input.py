"""The bad-input catalogue, at the level of the core: each gives a clean result with
reasons, or a clear error. (Empty, binary and missing files through the command line:
test_flow.py.)"""

from collections import Counter
from pathlib import Path

import pytest

from evkonyv.errors import InputError
from evkonyv.reading import sources
from evkonyv.reading.sources import SourceText, decode_source, find_raw_files, read_source, scan_raw
from tests.helpers import parse_rows


def source(lines, name="x.txt"):
    return SourceText(name, "0" * 64, "utf-8", tuple(lines))


def test_text_without_article_structure_is_quarantined():
    result = parse_rows([source(["Ez egy bevásárlólista.", "", "Tej, kenyér, vaj."])])
    assert result.records == []
    assert [(q.source_line, q.reason.split(":")[0]) for q in result.quarantined] == [
        (1, "the file holds no year article (no 'Évtizedek"),
        (3, "the file holds no year article (no 'Évtizedek"),
    ]
    assert [r.role for r in result.roles] == ["quarantine", "blank", "quarantine"]


def test_article_cut_off_in_the_middle(seed_source, seed_result):
    cut = seed_source.lines[:75] + (seed_source.lines[75][:40],)  # a 1954 line cut mid-sentence
    result = parse_rows([source(cut, seed_source.name)])
    before = [r for r in seed_result.records if r.source_line < 58]
    assert [r for r in result.records if r.source_line < 58] == before  # 1953 untouched
    assert Counter(r.kind for r in result.records if r.article == "1954") == {"event": 17}
    complete = {a.title: a.complete for a in result.articles}
    assert complete == {"1953": True, "1954": False}


def test_a_ten_megabyte_line(seed_source):
    lines = list(seed_source.lines[:57])
    lines[20] = "május 5. – " + "Nagy esemény történt. " * 450_000
    result = parse_rows([source(lines)])
    [big] = [r for r in result.records if r.source_line == 21]
    assert len(big.text) > 9_000_000


def test_unknown_month_and_impossible_date(seed_source):
    lines = list(seed_source.lines[:57])
    lines[4] = "janur 13. – Alkotmányreform."
    lines[5] = "február 30. – Hollandia délnyugati részét elönti a tenger."
    result = parse_rows([source(lines)])
    assert [(q.source_line, q.reason) for q in result.quarantined] == [(5, "unknown month name 'janur'")]
    [impossible] = [r for r in result.records if r.source_line == 6]
    assert (impossible.date.month, impossible.date.day, impossible.quality_flags) == (2, None, ("impossible_day",))


def test_the_same_file_twice(tmp_path, seed_source):
    assert find_raw_files([Path("raw/huwiki_1953-1956.txt"), Path("raw/huwiki_1953-1956.txt")]) == [
        ("huwiki_1953-1956.txt", Path("raw/huwiki_1953-1956.txt"))
    ]
    copy = SourceText("copy.txt", seed_source.sha256, "utf-8", seed_source.lines)
    result = parse_rows([seed_source, copy])
    assert Counter(d.kind for d in result.duplicates) == {"exact": 6}  # the seed's own repeat, and all five articles of the copy
    assert len(result.records) == 214
    assert Counter(r.role for r in result.roles if r.source_file == "copy.txt") == {"duplicate": 445, "blank": 3}


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("x")

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sources, "_open_regular", refuse)  # (both ways of reading open the file so)
    with pytest.raises(InputError, match="locked.txt: cannot read \\(Permission denied\\)") as error:
        read_source("locked.txt", path)
    assert error.value.transient is False


def test_transient_read_error_is_marked_for_retry(tmp_path, monkeypatch):
    path = tmp_path / "flaky.txt"
    path.write_text("x")

    def hiccup(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(sources, "_open_regular", hiccup)
    with pytest.raises(InputError) as error:
        read_source("flaky.txt", path)
    assert error.value.transient is True


def test_undecodable_bytes():
    with pytest.raises(InputError, match="not a text file"):
        decode_source("x.txt", bytes(range(1, 32)) * 50)


# --- inputs that are not regular files, and the ceilings of a file and a run ---------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_at_once(device):
    with pytest.raises(InputError, match=f"^{device}: a character device; evkonyv reads regular files only$"):
        scan_raw([Path(device)])
    with pytest.raises(InputError, match="a character device"):
        read_source("zero.txt", Path(device))  # read without a scan: refused before a byte is read


def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="pipe.txt: a FIFO \\(named pipe\\); evkonyv reads regular files only"):
        scan_raw([fifo])
    # a FIFO put in a file's place after the scan: opening it does not wait for a writer
    with pytest.raises(InputError, match="a FIFO"):
        read_source("pipe.txt", fifo)


def test_a_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(InputError, match="s.txt: a socket"):
            scan_raw([path])
    finally:
        server.close()


def test_the_ceilings_of_a_file_and_a_run(tmp_path, monkeypatch):
    many = tmp_path / "many.txt"
    many.write_bytes(b"x\n" * 50)
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"x\r\n" * 40)  # 40 lines, not 80
    monkeypatch.setattr(sources, "MAX_FILE_LINES", 49)
    with pytest.raises(InputError, match="^.*many.txt: 50 lines, over the ceiling of 49 lines a file; split the export$"):
        scan_raw([many])
    assert scan_raw([crlf])[0] == [("crlf.txt", crlf)]
    monkeypatch.setattr(sources, "MAX_FILE_LINES", 1000)
    monkeypatch.setattr(sources, "MAX_RUN_LINES", 89)
    with pytest.raises(InputError, match="many.txt: with it the run's input reaches 220 bytes and 90 lines"):
        scan_raw([crlf, many])
    monkeypatch.setattr(sources, "MAX_RUN_LINES", 1000)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 99)
    with pytest.raises(InputError, match="many.txt: 100 bytes, over the ceiling of 99 bytes a file"):
        scan_raw([many])
    with pytest.raises(InputError, match="many.txt: over the ceiling of 99 bytes a file"):
        read_source("many.txt", many)  # grown since the scan: read no further than the ceiling
