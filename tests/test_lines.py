"""The line kinds of a year article: the cheap looks taken before a pattern agree with the pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evkonyv.parsing.hungarian import MONTHS
from evkonyv.parsing.lines import _SUB_HEADING, Heading, read_heading, sub_heading_title


def test_lower_casing_never_shortens_a_character() -> None:
    """A text longer than every month name is no month name: lower-casing keeps or adds characters."""
    assert [hex(code) for code in range(0x110000) if len(chr(code).lower()) < 1] == []
    assert len("İ".lower()) == 2  # it may add one


def test_month_headings() -> None:
    assert read_heading("Október") == Heading("month", "Október", MONTHS["október"])
    assert read_heading(" Szeptember ") == Heading("month", "Szeptember", MONTHS["szeptember"])
    assert read_heading("== December ==") == Heading("month", "December", 12)
    assert read_heading("október") is None  # a lower-case month word is text
    assert read_heading("Október 23-án kitört a forradalom.") is None


_PIECES = st.sampled_from(["Forradalom", " Magyarországon", ":", " ", "\t", "\n", "x", "1956", ".", "–", "É", ": "])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_sub_heading_title_is_what_the_pattern_reads(line: str) -> None:
    match = _SUB_HEADING.fullmatch(line)
    assert sub_heading_title(line) == (match["title"] if match else None)
