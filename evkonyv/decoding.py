"""Decoding raw exports: UTF-8 (with or without BOM), cp1250 or ISO-8859-2.

Exports saved from a browser on Windows come in a legacy Central European code page.
charset-normalizer detects the encoding; between the two code pages used for Hungarian
text, which it cannot always tell apart, the bytes decide:

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


def decode_bytes(data: bytes) -> Decoded:
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", False)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    if charset_normalizer.from_bytes(data, cp_isolation=HUNGARIAN_CODE_PAGES).best() is not None:
        encoding, uncertain = _central_european(data)
        return Decoded(_unescape_references(data.decode(encoding)), encoding, uncertain)
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise NotText("no text encoding fits its bytes")
    # another code page: unusual for Hungarian text, so always flagged
    return Decoded(_unescape_references(str(best)), best.encoding, True)


def _central_european(data: bytes) -> tuple[str, bool]:
    if _C1_BYTES.search(data):
        return "cp1250", False
    return "iso8859_2", bool(_DIFFERING_BYTES.search(data))


def _unescape_references(text: str) -> str:
    return _CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group(0)), text)
