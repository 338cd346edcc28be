import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkonyv.errors import InputError
from evkonyv.reading.sources import decode_source, find_raw_files, split_lines


def test_line_endings():
    assert split_lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d"]
    assert split_lines("a\n\nb") == ["a", "", "b"]
    assert split_lines("a\u2028b") == ["a\u2028b"]  # only LF, CRLF and CR end lines
    assert split_lines("a\nb\n") == ["a", "b"] and split_lines("\n") == [""] and split_lines("a\u0085b\x1cc") == ["a\u0085b\x1cc"]


def test_utf8_with_bom():
    source = decode_source("x.txt", "\ufeffjanuár 3. – Ez".encode())
    assert source.encoding == "utf-8-sig"
    assert source.lines == ("január 3. – Ez",)


def test_cp1250_is_detected():
    text = "január 3. – Rákosi Mátyás letartóztatja Péter Gábort és feleségét. Őszi ülésszak, szőlő, tűz.\n" * 20
    source = decode_source("x.txt", text.encode("cp1250"))
    assert source.lines[0] == text.splitlines()[0]


@pytest.mark.parametrize(
    ("data", "message"), [(b"", "file is empty"), (b"  \n\n", "file is empty"), (b"\x00\x01\x02abc", "not a text file")]
)
def test_bad_bytes(data, message):
    with pytest.raises(InputError, match=message):
        decode_source("x.txt", data)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_raw_files([tmp_path / "nope"])
    with pytest.raises(InputError, match="no \\*.txt"):
        find_raw_files([tmp_path])


def test_folder_names_are_relative(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert [name for name, _ in find_raw_files([tmp_path])] == ["a.txt", "sub/b.txt"]


def test_two_files_with_one_name(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x")
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(InputError, match="share the name"):
        find_raw_files([tmp_path / "a", tmp_path / "x.txt"])


def test_batches_of_small_files(tmp_path, monkeypatch):
    from evkonyv.reading import sources

    monkeypatch.setattr(sources, "SMALL_FILE_BYTES", 100)
    monkeypatch.setattr(sources, "BATCH_FILES", 5)
    monkeypatch.setattr(sources, "BATCH_BYTES", 300)
    files = []
    for index in range(40):
        path = tmp_path / f"f{index:02d}.txt"
        path.write_bytes(b"x" * (250 if index in (7, 20) else 10))  # two large files
        files.append((path.name, path))
    grouped = sources.batches(files)
    assert [pair for batch in grouped for pair in batch] == files  # every file once, in order
    assert [[files[7]], [files[20]]] == [batch for batch in grouped if batch[0][0] in ("f07.txt", "f20.txt")]
    for batch in grouped:
        assert len(batch) <= 5
        ends = [name for name, _ in batch[:-1] if sources.ends_batch(name)]
        assert not ends, "a batch closes after a name that ends one"
    # below the caps, a file added changes its own batch only: every other batch stays as it was (and so
    # its cache entry), whatever its position
    monkeypatch.setattr(sources, "BATCH_FILES", 1000)
    monkeypatch.setattr(sources, "BATCH_BYTES", 10**6)
    grouped = sources.batches(files)
    assert len(grouped) > 3
    extra = tmp_path / "f10a.txt"
    extra.write_bytes(b"y")
    regrouped = sources.batches(sorted([*files, (extra.name, extra)]))
    changed = [batch for batch in regrouped if batch not in grouped]
    assert len(changed) == 1 and (extra.name, extra) in changed[0]
    assert len(regrouped) == len(grouped)


_PIECES = st.sampled_from(
    ["a", "ő", "Ű", "\r", "\n", "\r\n", "–", "—", "--", " ", "\u00a0", "e\u0301", "\x07", "\u200b", "\x00", "xyz"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.sampled_from([b"", b"\xef\xbb\xbf"]), st.sampled_from([1, 2, 3, 5, 64]))
def test_a_file_read_a_piece_at_a_time_is_what_its_bytes_decode_to(tmp_path_factory, pieces, bom, chunk):
    """A UTF-8 file is read, decoded, cut into lines and normalised a piece at a time: the same lines,
    flags, digest and encoding as its whole bytes decoded, and the same error for a file that is none."""
    import evkonyv.reading.sources as sources

    data = bom + "".join(pieces).encode()
    path = tmp_path_factory.mktemp("read") / "x.txt"
    path.write_bytes(data)

    def outcome(read):
        try:
            return read()
        except InputError as error:
            return str(error)

    whole = outcome(lambda: decode_source("x.txt", data, label=sources.shown(path)))
    original = sources.READ_CHUNK
    try:
        sources.READ_CHUNK = chunk
        assert outcome(lambda: sources.read_source("x.txt", path)) == whole
    finally:
        sources.READ_CHUNK = original


def test_a_file_not_in_utf8_is_read_whole(tmp_path):
    from evkonyv.reading.sources import read_source

    text = "január 3. – Őszi ülésszak, szőlő, tűz.\n" * 20
    path = tmp_path / "x.txt"
    path.write_bytes(text.encode("cp1250"))
    assert read_source("x.txt", path) == decode_source("x.txt", text.encode("cp1250"))
