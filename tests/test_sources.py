import pytest

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
