"""Text normalisation: one spelling of the same text before anything reads it.

The same article reaches us in several Unicode spellings: macOS tools write NFD
(``E`` + combining acute for ``É``), copies from web pages carry zero-width spaces and
soft hyphens, no-break and thin spaces, and plain-text tools write a dash as ``--`` or
use an em dash, a figure dash or a minus sign. Each raw line is rewritten into one form:

* Unicode NFC (composed letters);
* format characters (Unicode category Cf: zero-width space and joiners, soft hyphen,
  word joiner, direction marks, a byte-order mark inside the text) removed;
* every space character (category Zs: no-break, thin, figure, ideographic ...) and the
  tab written as a plain space, and the spaces that indent a line removed (a copy of a page may indent a
  nested list's items, ``\tmárcius 5. – ...`` under a date alone);
* dash variants read as the en dash the articles use: ``--`` (two or three hyphens),
  the em dash ``—``, the figure dash ``‒`` and the minus sign ``−``;
* a list bullet left at the start of a line (``• ``, ``· ``, ``▪ ``, ``* ``, ``- ``, as a copy of a page
  writes its list items) removed: the export is one list item per line, bullets stripped; with it a link's
  text in square brackets glued before the bullet (``[szerkesztés]- január 1.``, ``[edit]- ...``: a heading's
  edit link that a browser's copy of the page wraps onto the start of the item under the heading).

Each change is recorded per line, so that a record made from a changed line carries
the quality flag of what was changed (``unicode_normalised``, ``format_character_removed``,
``space_normalised``, ``dash_normalised``, ``bullet_removed``, ``edit_link_removed``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_FORMAT = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Two or three hyphens standing alone between words, or a dash character of another kind.
_DASHES = re.compile(r"(?<!-)-{2,3}(?!-)|[—‒−]")
# A list bullet at the start of a line, before the item's first word: "• január 2. – ...", "- Megalakul ...".
# A link's text in square brackets may stand glued before it, the edit link of the heading above wrapped onto the
# item's line ("[szerkesztés]- január 1."): a bracket before a bullet holds nothing of the item.
_BULLET = re.compile(r"[ ]*(?P<link>\[[^\[\]]{1,40}\] *)?[•·▪*-] +(?=\S)")
_ANY_BULLET = re.compile(r"(?m)^[ \t\u00a0]*(?:\[[^\[\]\n]{1,40}\][ \t\u00a0]*)?[•·▪*-][ \t\u00a0]+\S")
# A line's indentation: a space or a tab before its first character.
_ANY_INDENT = re.compile(r"(?m)^[ \t\u00a0]")
EN_DASH = "–"


@dataclass(frozen=True, slots=True)
class NormalisedLine:
    text: str
    flags: tuple[str, ...]  # what was changed, in the order the steps run


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace as one space, none at the ends: the form texts are compared and hashed in.

    Most texts are in that form already: a text with no whitespace but single spaces (every other
    whitespace character is unprintable) and no space at either end is returned as it is, without
    splitting it into words."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def normalise_line(line: str) -> NormalisedLine:
    flags: list[str] = []
    text = line
    composed = unicodedata.normalize("NFC", text)
    if composed != text:
        flags.append("unicode_normalised")
        text = composed
    stripped = _FORMAT.sub("", text)
    if stripped != text:
        flags.append("format_character_removed")
        text = stripped
    spaced = _SPACES.sub(" ", text)
    if spaced != text:
        flags.append("space_normalised")
        text = spaced
    bare = _BULLET.match(text)
    if bare is not None:  # (before the dashes: "- január 2. – ..." is a bullet, not a dash)
        if bare["link"]:
            flags.append("edit_link_removed")
        flags.append("bullet_removed")
        text = text[bare.end() :]
    elif text[:1] == " ":  # an indented line (a bullet takes its line's indentation with it)
        if "space_normalised" not in flags:
            flags.append("space_normalised")
        text = text.lstrip(" ")
    dashed = _DASHES.sub(EN_DASH, text)
    if dashed != text:
        flags.append("dash_normalised")
        text = dashed
    return NormalisedLine(text, tuple(flags))


# Any character one of the steps after NFC would change, as one character class (fast to scan for);
# "--" is looked for apart.
_ANY_CHANGE = re.compile("[" + _FORMAT.pattern[1:-1] + _SPACES.pattern[1:-1] + "—‒−]")


def _needs_change(text: str) -> bool:
    return "--" in text or any(pattern.search(text) is not None for pattern in (_ANY_CHANGE, _ANY_BULLET, _ANY_INDENT))


def normalise_lines(lines: list[str]) -> tuple[list[str], dict[int, tuple[str, ...]]]:
    """The normalised lines and, by 1-based line number, the changes made to each changed line.

    The whole text is checked first (in C): most files need nothing, and then no line is touched.
    """
    text = "\n".join(lines)
    composed = unicodedata.is_normalized("NFC", text)
    if composed and not _needs_change(text):
        return lines, {}
    texts: list[str] = []
    changes: dict[int, tuple[str, ...]] = {}
    for number, line in enumerate(lines, start=1):
        if (composed or unicodedata.is_normalized("NFC", line)) and not _needs_change(line):
            texts.append(line)
            continue
        normalised = normalise_line(line)
        texts.append(normalised.text)
        if normalised.flags:
            changes[number] = normalised.flags
    return texts, changes
