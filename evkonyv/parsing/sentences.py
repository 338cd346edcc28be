"""Splitting a paragraph of Hungarian prose into sentences, with their character offsets.

A dot ends a sentence when the next sentence starts after it: a capital letter, a digit, or an
opening quote or bracket, after a space or glued to it (an export joins paragraphs with no space:
"kapcsolatát.1953-ban meghalt Sztálin"). A dot does not end a sentence after an abbreviation
("kb. 50 000", "du. két óra"), an initial ("G. B. Shaw"), a Roman numeral ("XII. Piusz", "a VIII.
és IX. kerület") or a number, which a dot makes an ordinal ("1956. november 22.", "a 60. Szovjet
Légvédelmi Tüzérosztály"). A closing quote, bracket or footnote mark after the dot stays with its
sentence ("... fedezi őket.”[14]Közben ..."). A capital glued to the end of a lower-case word
("miniszterelnök-helyettesDélben") also starts a sentence: the export glued two paragraphs there.
"""

from __future__ import annotations

import re

from evkonyv.parsing.hungarian import data_words

ABBREVIATIONS: frozenset[str] = frozenset(data_words("abbreviations.txt"))

_TERMINAL = re.compile(r"[.!?…]+[\"”’»)]*(?:\[[^\[\]]{1,20}\])*")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_GLUED_CAPITAL = re.compile(r"(?<=[a-záéíóöőúüű]{3})(?=[A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű])")
_OPENERS = '„"“«(['


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def dot_ends_sentence(text: str, dot: int) -> bool:
    """Whether the dot at ``dot`` can end a sentence, judged by the word before it."""
    start = dot
    while start > 0 and not text[start - 1].isspace():  # back to the space before the word, no further
        start -= 1
    token = text[start:dot].lstrip('„"“«([')
    if not token:
        return True
    if token.casefold() in ABBREVIATIONS or token.isdigit() or _ROMAN.match(token):
        return False
    return not (len(token) == 1 and token.isalpha() and token.isupper())  # an initial


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, without the spaces between them."""
    cuts: list[tuple[int, int]] = []  # (end of one sentence, start of the next)
    for match in _TERMINAL.finditer(text):
        end = match.end()
        following = end
        while following < len(text) and text[following].isspace():
            following += 1
        if following >= len(text) or not _starts_sentence(text[following]):
            continue
        if match.group().startswith("."):
            glued = following == end
            before = text[match.start() - 1] if match.start() else ""
            if glued and not (before.islower() or before in '”")'):
                continue  # "1956.mti.hu", "G.B.": no sentence ends inside a token
            if not glued and not dot_ends_sentence(text, match.start()):
                continue
        cuts.append((end, following))
    cuts += [(match.start(), match.start()) for match in _GLUED_CAPITAL.finditer(text)]
    cuts.sort()
    spans = []
    start = 0
    for end, following in cuts:
        if end > start:
            spans.append((start, end))
        start = max(start, following)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in ((_strip(text, a, b)) for a, b in spans) if b > a]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
