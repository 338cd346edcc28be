"""Recognising the kinds of lines a year-article export holds."""

from __future__ import annotations

import re

from evkonyv.hungarian import MONTHS, SECTION_HEADINGS

_NAVIGATION = re.compile(r"(Évtizedek|Évek|Évszázadok|Évezredek)\s*:")
_REFERENCE = re.compile(r"\s*↑")
_NOBEL_INTRO = re.compile(r"A Nobel-díjat .*alapította")
# "Fizikai Nobel-díj: ...", "Irodalmi Nobel-díj – ...": the laureates of the year
_NOBEL_LAUREATES = re.compile(
    r"(Fizikai|Kémiai|Orvosi|Élettani|Fiziológiai|Irodalmi|Béke|Közgazdasági|Nobel)[\w\s-]{0,40}Nobel-díj(as)?\b"
)
# "1957 a tudományban", "1957 az irodalomban": links to the year's topical sub-articles
_TOPIC_LINK = re.compile(r"\d{1,4} (a|az) [\w -]{2,40}(ban|ben)\s*$")
# A section heading glued between a sentence and the next dated item:
# "...szükségességét.Határozatlan dátumú eseményekjúnius – Az ...". The heading
# starts with a capital after the sentence end and runs into a month name with
# no space, which no sentence does.
_GLUED_HEADING = re.compile(
    rf"(?<=[.!?)”\"])\s*(?P<heading>[A-ZÁÉÍÓÖŐÚÜŰ][^.!?\d–]{{1,80}}?[a-záéíóöőúüű])(?=(?:{'|'.join(MONTHS)})(?:\s+\d|\s*[–—-]))"
    # a known heading glued on both sides: "...világcsúcstartója.SportJuan Manuel Fangio ..."
    rf"|(?<=[.!?)”\"])(?P<known>{'|'.join(map(re.escape, SECTION_HEADINGS))})(?=[A-ZÁÉÍÓÖŐÚÜŰ0-9])"
)


def is_navigation(line: str) -> bool:
    return bool(_NAVIGATION.match(line))


def starts_year_article(line: str) -> bool:
    return line.startswith("Évtizedek:")


def is_year_window(line: str) -> bool:
    return line.startswith("Évek:")


def is_reference(line: str) -> bool:
    return bool(_REFERENCE.match(line))


def is_nobel_intro(line: str) -> bool:
    return bool(_NOBEL_INTRO.match(line))


def is_nobel_laureates(line: str) -> bool:
    return bool(_NOBEL_LAUREATES.match(line))


def is_topic_link(line: str) -> bool:
    return bool(_TOPIC_LINK.match(line))


def is_blank(line: str) -> bool:
    return not line.strip()


def year_from_window(line: str) -> int | None:
    """The centre of the ``Évek:`` window (``Évek: 1948 – ... – 1958`` → 1953)."""
    years = [int(part) for part in re.findall(r"\b\d{1,4}\b", line)]
    if len(years) < 3 or len(years) % 2 == 0:
        return None
    if any(later - earlier != 1 for earlier, later in zip(years, years[1:], strict=False)):
        return None
    return years[len(years) // 2]


def split_glued_headings(line: str) -> tuple[list[str], list[str]]:
    """Cut a line where a stripped section heading glued two items together.

    Returns the item texts and the dropped headings.
    """
    pieces: list[str] = []
    headings: list[str] = []
    start = 0
    for match in _GLUED_HEADING.finditer(line):
        pieces.append(line[start : match.start()].strip())
        headings.append((match["heading"] or match["known"]).strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return pieces, headings
