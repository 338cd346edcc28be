"""Decoding of raw exports saved in other encodings and line endings."""

import pytest

from evkonyv.reading.decoding import decode_bytes
from evkonyv.reading.sources import decode_source
from tests.helpers import parse_rows


def saved_as(text: str, encoding: str, newline: str) -> bytes:
    # a browser writes characters its code page lacks as numeric character references
    return text.replace("\n", newline).encode(encoding, errors="xmlcharrefreplace")


@pytest.mark.parametrize(
    ("encoding", "newline"), [("cp1250", "\r\n"), ("iso-8859-2", "\r\n"), ("iso-8859-2", "\r"), ("utf-8-sig", "\n")]
)
def test_seed_in_other_encodings_gives_the_same_records(seed_source, seed_result, encoding, newline):
    text = "\n".join(seed_source.lines)
    source = decode_source(seed_source.name, saved_as(text, encoding, newline))
    assert source.lines == seed_source.lines
    result = parse_rows([source])
    assert result.records == seed_result.records

    # every line's role the same; only how the file was read differs
    def roles(rows):
        return [(r.line, r.article, r.role, r.reason, r.record_ids) for r in rows]

    assert roles(result.roles) == roles(seed_result.roles)
    assert {r.source_encoding for r in result.roles} == {source.encoding}


def test_detected_encodings_are_recorded(seed_source):
    text = "\n".join(seed_source.lines)
    assert decode_bytes(saved_as(text, "cp1250", "\r\n")).encoding == "cp1250"
    assert decode_bytes(saved_as(text, "cp1250", "\r\n")).uncertain is False
    iso = decode_bytes(saved_as(text, "iso-8859-2", "\n"))
    assert iso.encoding == "iso8859_2"
    assert iso.uncertain is True  # has letters (ś, Š ...) where the two code pages differ


def test_hungarian_letters_without_differing_bytes_are_certain():
    data = "Őszi ülés, tűzijáték és gyűlés.\n".encode("iso-8859-2") * 5
    decoded = decode_bytes(data)
    assert decoded.text.startswith("Őszi ülés, tűzijáték") and decoded.uncertain is False


def test_utf8_stays_utf8():
    assert decode_bytes("január – ↑ &#8593;".encode()).text == "január – ↑ &#8593;"  # references kept in UTF-8
