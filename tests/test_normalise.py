"""Text normalisation: other Unicode spellings of the seed give the seed's records."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkonyv.reading.normalise import collapse_whitespace, normalise_line
from evkonyv.reading.sources import decode_source
from tests.helpers import parse_rows


def _records(result):
    return [
        (r.kind, r.article, r.date.earliest, r.date.latest, r.date.precision, r.name, r.other_year, r.text, r.record_id)
        for r in result.records
    ]


def _seed_variant(seed_path, change):
    text = seed_path.read_text(encoding="utf-8")
    return parse_rows([decode_source(seed_path.name, change(text).encode("utf-8"))])


def _zwsp_before_lines(text):
    return "\n".join("\u200b" + line if line[:1].islower() else line for line in text.split("\n"))


def _double_hyphen(text):
    return text.replace(" – ", " -- ")


@pytest.mark.parametrize(
    ("change", "flag"),
    [
        (lambda text: unicodedata.normalize("NFD", text), "unicode_normalised"),
        (_zwsp_before_lines, "format_character_removed"),
        (_double_hyphen, "dash_normalised"),
        (lambda text: text.replace(" – ", "\u00a0— "), "space_normalised"),
    ],
    ids=["nfd", "zero-width-space", "double-hyphen", "nbsp-em-dash"],
)
def test_other_spellings_give_the_seed_records(seed_result, change, flag):
    from tests.conftest import SEED

    variant = _seed_variant(SEED, change)
    assert _records(variant) == _records(seed_result)
    kinds = [record.kind for record in variant.records]
    assert kinds.count("birth") == 21 and kinds.count("death") == 29
    assert any(flag in record.quality_flags for record in variant.records)
    assert not any(flag in record.quality_flags for record in seed_result.records)


@pytest.mark.parametrize(
    ("raw", "text", "flags"),
    [
        ("plain ascii - line", "plain ascii - line", ()),
        ("E\u0301vek: 1952", "Évek: 1952", ("unicode_normalised",)),
        ("\u200bmárcius 5. – x", "március 5. – x", ("format_character_removed",)),
        ("március\u00a05. – x", "március 5. – x", ("space_normalised",)),
        ("március 5. -- x", "március 5. – x", ("dash_normalised",)),
        ("március 5. − x", "március 5. – x", ("dash_normalised",)),
        ("a --- b", "a – b", ("dash_normalised",)),
        ("• március 5. – x", "március 5. – x", ("bullet_removed",)),
        ("  · Megalakul a párt.", "Megalakul a párt.", ("bullet_removed",)),
        ("- március 5. -- x", "március 5. – x", ("bullet_removed", "dash_normalised")),
        ("-5 fokot mértek", "-5 fokot mértek", ()),  # a minus, not a bullet: no space after it
        ("\tmárcius 5. – x", "március 5. – x", ("space_normalised",)),  # a nested list's item, indented
        ("    Megalakul a párt.", "Megalakul a párt.", ("space_normalised",)),
        ("\t• március 5. – x", "március 5. – x", ("space_normalised", "bullet_removed")),
        # a heading's edit link wrapped onto the item under it, glued before the item's bullet
        ("[szerkesztés]- január 1.", "január 1.", ("edit_link_removed", "bullet_removed")),
        ("[edit]• March 5 – x", "March 5 – x", ("edit_link_removed", "bullet_removed")),
        ("[szerkesztés]Január", "[szerkesztés]Január", ()),  # no bullet: a heading's line, read as the heading
    ],
)
def test_normalise_line(raw, text, flags):
    normalised = normalise_line(raw)
    assert (normalised.text, normalised.flags) == (text, flags)


def test_nfd_navigation_line_still_opens_a_year_article(seed_source):
    lines = list(seed_source.lines[:57])
    lines[1] = unicodedata.normalize("NFD", lines[1])
    result = parse_rows([decode_source("nfd.txt", "\n".join(lines).encode("utf-8"))])
    assert [a.title for a in result.articles] == ["1953"]
    assert len(result.records) == 51


def test_collapse_whitespace_is_split_and_join() -> None:
    """The fast path returns a printable text as it is: it relies on every whitespace character
    but the space being unprintable, checked here for every code point."""
    assert [hex(code) for code in range(0x110000) if chr(code).isspace() and chr(code).isprintable() and code != 0x20] == []
    for char in ("\t", "\n", "\u00a0", "\u2028", "\u3000", "\x1f", "\x85", " "):
        for text in (char, f"a{char}b", f"{char}a", f"a{char}", f"a {char} b", f"a{char}{char}b", "a  b"):
            assert collapse_whitespace(text) == " ".join(text.split()), repr(text)


@settings(max_examples=500, deadline=None)
@given(
    st.text(st.sampled_from(["a", "é", " ", "\t", "\u00a0", "\u2028", ".", "\x1f"])),
    st.text(st.sampled_from(["b", " ", "\n", "\u3000"])),
)
def test_normalising_the_parts_of_a_joined_text_first_changes_nothing(first: str, second: str) -> None:
    """A record's id hashes its normalised "<date text> <text>", built from the text normalised once."""
    assert collapse_whitespace(f"{first} {second}") == f"{collapse_whitespace(first)} {collapse_whitespace(second)}".strip()
