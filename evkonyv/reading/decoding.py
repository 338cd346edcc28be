"""Decoding raw exports: UTF-8 (with or without BOM), UTF-16/32 with BOM, cp1250, ISO-8859-2 or mac_latin2.

Exports saved from a browser on Windows come in a legacy Central European code page.
charset-normalizer detects the encoding, restricted to the code pages Hungarian text
comes in (no other is accepted: the error names the first byte that is not UTF-8);
between the two used most, which it cannot always tell apart, the bytes decide:

* bytes 0x80–0x9F are printable in cp1250 (dashes, quotes, „”) and control codes in
  ISO-8859-2, so their presence means cp1250;
* otherwise the two differ only at a few letters (Š, Ś, Ť, Ž, Ź, Ą, Ľ and their small
  forms); when none of those bytes occur both give the same text, else ISO-8859-2 is
  taken and the detection is flagged uncertain.

Characters a code page lacks are written by browsers as numeric character references
(``&#8593;`` for ``↑``); they are decoded in legacy-encoded files.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import charset_normalizer

# The code pages Hungarian text is found in; on short texts charset-normalizer's
# unrestricted guess can wander to a Baltic or Cyrillic page, so it is asked about
# these first and about all others only when none of these fits.
HUNGARIAN_CODE_PAGES = ["cp1250", "iso8859_2", "mac_latin2", "cp1252", "latin_1"]
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_DIFFERING_BYTES = re.compile(rb"[\xa1\xa5\xa6\xa9\xab\xac\xae\xb1\xb5\xb6\xb9\xbb\xbc\xbe]")
_CHARACTER_REFERENCE = re.compile(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    uncertain: bool


class NotText(ValueError):
    """No text encoding fits the bytes."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),  # before UTF-16 LE: its BOM starts with FF FE
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


def decode_bytes(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, errors="strict"), encoding, False)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as error:
        not_utf8 = f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
    best = charset_normalizer.from_bytes(data, cp_isolation=HUNGARIAN_CODE_PAGES).best()
    if best is None:
        raise NotText(f"{not_utf8}, and none of the code pages Hungarian text comes in fits ({', '.join(HUNGARIAN_CODE_PAGES)})")
    if best.encoding in _CP1250_OR_LATIN2:
        encoding, uncertain = _central_european(data)
        try:
            return Decoded(_unescape_references(data.decode(encoding)), encoding, uncertain)
        except UnicodeDecodeError:
            pass  # bytes cp1250 leaves undefined: the detector's own answer decides
    return Decoded(_unescape_references(data.decode(best.encoding)), best.encoding, best.encoding not in ("mac_latin2",))


# Detector answers between which the bytes decide (cp1252 and Latin-1 tie with them on
# text without the letters that differ).
_CP1250_OR_LATIN2 = frozenset({"cp1250", "iso8859_2", "cp1252", "latin_1"})


def _central_european(data: bytes) -> tuple[str, bool]:
    if _C1_BYTES.search(data):
        return "cp1250", False
    return "iso8859_2", bool(_DIFFERING_BYTES.search(data))


def _unescape_references(text: str) -> str:
    return _CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group(0)), text)
