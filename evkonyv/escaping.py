"""Text from the input (article titles, file names) made safe for each format it is written into.

A title is read from the raw export and a file name is the user's: either may hold characters
that mean something to the format around them. Each writer escapes for its own format:

* :func:`controls` — any text shown on a line (the console, a plain-text file such as
  ``LICENSE-DATA``): control characters and line separators written as escapes (``\\n``,
  ``\\x1b``, ``\\u2028``), so a name can never split a line or drive a terminal;
* :func:`markdown` — inline Markdown (``README.md``, ``quality.md``): the controls as above, and
  the characters Markdown or the HTML it may hold reads (``<``, ``[``, ``*``, ``|`` ...) escaped
  with a backslash, as CommonMark defines, so ``<script>`` or ``[x](javascript:...)`` is shown
  as written, never run or linked.

YAML (``CITATION.cff``) and JSON are written by their own writers, which quote what they must;
HTML (the release page) by :func:`html.escape`.
"""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# The ASCII punctuation that opens or closes Markdown syntax (emphasis, code, links and images, HTML,
# table cells, entities, strikethrough, headings) or escapes it; CommonMark lets a backslash escape
# each. (``_`` is left alone: inside a word, as in ``day_range``, it never emphasises, and alone it
# can only italicise; ``!`` opens an image only before ``[``, which is escaped.)
_MARKDOWN = re.compile(r"([\\`*\[\]<>|&~#])")


def _escape_control(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def controls(text: str) -> str:
    """``text`` with its control characters written as escapes: one line, printable."""
    return _CONTROL.sub(_escape_control, text)


def markdown(text: str) -> str:
    """``text`` as inline Markdown that shows it as written (no markup, no HTML, one line)."""
    return _MARKDOWN.sub(r"\\\1", controls(text))
