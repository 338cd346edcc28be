"""Splitting a raw file into articles, naming them, and finding repeated articles.

Rules (documented in the README, "Articles"):

* A year article starts at its ``Évtizedek:`` line; its year is the centre of the
  ``Évek:`` window.
* After a year article's references (lines starting with ``↑``), the first line that
  is neither navigation nor a reference starts a prose article.
* In a prose article, a blank line followed by text starts the next prose article.
* Text before the first year article is a prose article too.
* Blank lines between articles belong to no article.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import replace

from evkonyv.parsing.dates import is_day_item
from evkonyv.parsing.hungarian import DETERMINERS
from evkonyv.parsing.lines import (
    DISAMBIGUATION,
    PAGE_HEAD_OPENINGS,
    decade_conflict,
    is_blank,
    is_navigation,
    is_nobel_intro,
    is_page_chrome,
    is_reference,
    is_year_window,
    named_year,
    opens_page_footer,
    page_head_role,
    page_title_year,
    read_heading,
    read_window,
    starts_year_article,
)
from evkonyv.parsing.values import value_class
from evkonyv.reading.normalise import collapse_whitespace

# Two versions of one article (same kind and title) at least this similar, line by
# line, are near-duplicates: the later one is published as a duplicate.
NEAR_DUPLICATE_SIMILARITY = 0.9


@value_class
class Article:
    """One occurrence of an article in a raw file. Lines are 1-based and inclusive."""

    source_file: str
    first_line: int
    last_line: int
    kind: str  # "year" or "prose"
    title: str
    year: int | None
    lines: tuple[str, ...]
    sha256: str
    problem: str | None = None  # why a year article's year cannot be trusted (then it is None)
    # Whether a year article reaches its end matter (references or Nobel section): False suggests an
    # export cut off in the middle; None for prose articles. See :func:`reaches_end`.
    complete: bool | None = None
    language: str = "hu"  # the code of the language whose grammar read it (evkonyv.parsing.language)
    # Whether the year is the one the file's name names, nothing in the text naming it (see
    # :func:`chronology_of_file_year`); its records carry the flag ``year_from_file_name``.
    year_from_file_name: bool = False

    @property
    def article_id(self) -> str:
        return f"{self.source_file}:{self.first_line}"

    def line_numbers(self) -> range:
        return range(self.first_line, self.last_line + 1)

    @property
    def line_count(self) -> int:
        return self.last_line - self.first_line + 1

    def without_lines(self) -> Article:
        """The article's description without its text (``lines`` empty): what is kept of it once its
        lines are parsed, so that the raw text is not held for the rest of a run."""
        return replace(self, lines=())


def reaches_end(kind: str, lines: Sequence[str]) -> bool | None:
    """Whether a year article's last lines are its end matter (references or the Nobel section)."""
    if kind != "year":
        return None
    return any(is_reference(line) or is_nobel_intro(line) for line in lines[-3:])


@value_class
class Duplicate:
    """A later occurrence of an article that is published once, as ``original``."""

    article_id: str
    original_id: str
    kind: str  # "exact" or "near" or "divergent"
    similarity: float


def split_articles(source_file: str, lines: Sequence[str]) -> list[Article]:
    spans: list[tuple[int, int, str]] = []  # 0-based first, last (inclusive), kind
    kind: str | None = None
    start = 0
    last_text = -1
    after_references = False
    after_blank = False
    head_above = False
    head_until = -1  # the last line of the head that opened the current article, when no navigation follows it
    below_footer = False

    def close() -> None:
        if kind is not None and last_text >= start:
            spans.append((start, last_text, kind))

    for index, line in enumerate(lines):
        if is_blank(line):
            after_blank = True
            continue
        starts_new: str | None = None
        if opens_year_article(lines, index):
            starts_new = None if head_above else "year"  # (the page's head above it opened the article)
            head_above = False
        elif (
            not head_above
            and (line.startswith(PAGE_HEAD_OPENINGS) or line[-1:] in "| \t" or DISAMBIGUATION in line)  # (told cheaply)
            and page_head_role(line)
            and (opens := _head_opens(lines, index)) is not None
            and (opens == NAVIGATION or index > head_until)
        ):
            starts_new = "year"
            if opens == NAVIGATION:
                head_above = True  # the page's head above a year article is the article's
            else:
                head_until = opens  # a page's head with no navigation under it: a page of its own, to its last line
        elif kind is None:
            starts_new = "prose"
        elif kind == "year" and is_reference(line):
            after_references = True
        elif kind is not None and (below_footer or opens_page_footer(line)):
            below_footer = True  # the page's footer and the site's links under it: the article's end
        elif kind == "year" and after_references and not is_navigation(line) or kind == "prose" and after_blank:
            starts_new = "prose"
        if starts_new:
            close()
            kind, start, after_references, below_footer = starts_new, index, False, False
        last_text = index
        after_blank = False
    close()
    return [_article(source_file, lines, first, last, kind) for first, last, kind in spans]


def _article(source_file: str, lines: Sequence[str], first: int, last: int, kind: str) -> Article:
    body = tuple(lines[first : last + 1])
    year: int | None = None
    problem: str | None = None
    if kind == "year":
        year, problem = _year(body)
        title = str(year) if year is not None else f"year article at line {first + 1}"
    else:
        title = prose_title(body[0])
    digest = hashlib.sha256("\n".join(body).encode("utf-8")).hexdigest()
    return Article(source_file, first + 1, last + 1, kind, title, year, body, digest, problem, reaches_end(kind, body))


# A number in a file's name: the year it names when it is the only one and has 1–4 digits ("hu_1848.txt",
# "1848.txt", "hu_632_alt.txt"); a name with two numbers ("huwiki_1953-1956.txt") or a longer one (a date
# stamp, "export_20241201.txt") names no one year.
_NAME_NUMBER = re.compile(r"\d+")
_NAME_YEAR = re.compile(r"[1-9]\d{0,3}")

# How a chronology is told from prose (:func:`chronology_of_file_year`): among its first
# ``_CHRONOLOGY_SPAN`` lines of text, a dated list item is one of the first ``_CHRONOLOGY_OPENING``, and at
# least a third of them are dated items (a page's footer or references after the list are not counted
# against it; a picture's lines, a month heading or prose among the items are). Prose opens a line with a
# list date now and then, not every third line; a copy cut after its first item is one dated line.
_CHRONOLOGY_SPAN = 20
_CHRONOLOGY_OPENING = 5
_CHRONOLOGY_ITEMS = 1
# A list of an old year's or a modern topic's items dates few of them ("A velenceiek elfoglalják Zárát.", "The
# Beatles: Revolver"), but its lines are short where prose's are paragraphs: the median length of the first
# lines of text, in characters, below which the lines are a list's (measured: the labelled year articles' at
# most 204, the labelled prose excerpts' 452 and more). Under the page's title, the year alone on the first line
# and the one the file's name names, such a list is a chronology where one of its first lines is a dated item,
# wherever it stands (an old year's list, a modern year's works, open with undated items).
_LIST_MEDIAN_LENGTH = 250


def year_of_file_name(source_file: str) -> int | None:
    """The year a file's name names: its one number, of one to four digits (no leading zero), else None."""
    numbers = _NAME_NUMBER.findall(source_file)
    return int(numbers[0]) if len(numbers) == 1 and _NAME_YEAR.fullmatch(numbers[0]) else None


def chronology_of_file_year(source_file: str, lines: Sequence[str], is_dated_item: Callable[[str], bool]) -> Article | None:
    """A file that holds no year article read as one year article of the year its name names, where its
    text is a chronology: a copy of a year article that lost everything above its list (title, navigation,
    hatnote), which opens with dated items (``is_dated_item``, the language's "március 18. – ..."), or whose
    first lines are a list's, short, one of them a dated item, under the page's title (the year); its first to
    its last line of text, blank lines and all. None where the name names no one year or the text is not such
    a list (prose, a news text). Nothing in the text but at most that title confirms the year: the caller flags
    every record of it."""
    year = year_of_file_name(source_file)
    numbers = [index for index, line in enumerate(lines) if not is_blank(line)]
    if year is None or not numbers:
        return None
    text = [lines[index] for index in numbers[:_CHRONOLOGY_SPAN]]
    end = next((k for k, line in enumerate(text) if opens_page_footer(line) or is_reference(line)), len(text))
    dated = [is_dated_item(line) for line in text[:end]]  # (the page's footer or references not counted)
    listed = (
        page_title_year(text[0]) == year  # the page's title above the list, the year the name names
        and any(dated)
        and statistics.median(len(line) for line in text[1:end] or [""]) < _LIST_MEDIAN_LENGTH
    )
    if not listed and (not any(dated[:_CHRONOLOGY_OPENING]) or sum(dated) < max(_CHRONOLOGY_ITEMS, len(dated) / 3)):
        return None
    return replace(_article(source_file, lines, numbers[0], numbers[-1], "prose"), kind="year", title=str(year), year=year,
                   complete=reaches_end("year", lines[numbers[0] : numbers[-1] + 1]), year_from_file_name=True)  # fmt: skip


# How far above an "Évek:" window the decades' line of the same navigation may stand (its lines of text).
_DECADES_ABOVE_WINDOW = 3


def opens_year_article(lines: Sequence[str], index: int) -> bool:
    """Whether the line at ``index`` opens a year article's navigation: its ``Évtizedek:`` line, or, in a copy
    that lost that line (one of the navigation's three, each a row of its box), its ``Évek:`` window, when the
    window reads (eleven consecutive years) and no decades' line stands just above it."""
    line = lines[index]
    if starts_year_article(line):
        return True
    if not is_year_window(line) or read_window(line)[0] is None:
        return False
    above = [text for text in lines[max(0, index - 2 * _DECADES_ABOVE_WINDOW) : index] if not is_blank(text)]
    return not any(starts_year_article(text) for text in above[-_DECADES_ABOVE_WINDOW:])


# What :func:`_head_opens` says of a page's head that the navigation of a year article follows.
NAVIGATION = -1


def _head_opens(lines: Sequence[str], index: int) -> int | None:
    """What the page's head line at ``index`` opens, looking past blank lines and the head's other lines (its
    title, the tagline, the calendars' table, the centuries' navigation, a hatnote): :data:`NAVIGATION` when
    a year article's navigation follows; the index of the head's last line when none follows but the head
    holds one of the site's own lines (``is_page_chrome``: a copy that lost the navigation's box) and a heading
    or a dated item follows it; else None."""
    chrome, last = is_page_chrome(lines[index]), index
    for position in range(index + 1, min(index + 60, len(lines))):  # (the calendars' table has some 30 rows)
        line = lines[position]
        if is_blank(line):
            continue
        if opens_year_article(lines, position):
            return NAVIGATION
        if page_head_role(line) is None:
            return last if chrome and (read_heading(line) is not None or is_day_item(line)) else None
        chrome, last = chrome or is_page_chrome(line), position
    return None


def _year(body: Sequence[str]) -> tuple[int | None, str | None]:
    """The year of a year article from its navigation, or None and why it cannot be read; an article
    whose page lost its navigation, from its page's title ("1878" in the head above its chronology)."""
    # the navigation opens the article, or follows the page's head lines (title, calendars' table, hatnote)
    first = next((index for index, line in enumerate(body[:60]) if starts_year_article(line)), None)
    if first is None:  # a copy that lost the decades' line: its navigation opens with the years' window
        first = next((index for index, line in enumerate(body[:60]) if is_year_window(line)), 0)
    window = next((line for line in body[first : first + 5] if is_year_window(line)), None)
    if window is None and not starts_year_article(body[first]):
        head = [line for line in itertools.takewhile(lambda line: is_blank(line) or page_head_role(line), body[:60])]
        titles = {year for line in head if (year := page_title_year(line)) is not None}
        if len(titles) == 1:
            return titles.pop(), None
        return None, "it has no 'Évek:' window, and no page title above it names its year"
    if window is None:
        return None, "it has no 'Évek:' window"
    year, problem = read_window(window)
    if year is None:
        return None, problem
    named = frozenset(title for line in body[:first] if (title := named_year(line)) is not None)
    conflict = decade_conflict(body[first], year, named)
    return (None, conflict) if conflict else (year, None)


_STOP_WORDS = frozenset({"a", "az", "egy", "is", "volt", "vagy", "amely", "ami", "aki", "pedig"})


def prose_title(first_line: str, max_words: int = 8) -> str:
    """Title of a prose article from its first sentence.

    Hungarian lead sentences start with the (bold) title, after an article, and go on
    with a capitalised noun, a number or a function word:
    "Az 1956-os forradalom és szabadságharc Magyarország népének ..." →
    "1956-os forradalom és szabadságharc".
    """
    words = first_line.split()
    if words and words[0] in DETERMINERS:
        words = words[1:]
    title: list[str] = []
    for position, word in enumerate(words[:max_words]):
        bare = word.strip(",.;:()„”\"'")
        if position > 0 and (bare[:1].isupper() or bare.isdigit() or bare.lower() in _STOP_WORDS):
            break
        title.append(bare)
        if word.endswith((",", ".", ";", ":")):
            break
    while title and title[-1].lower() in {"és", "or", "and", "vagy"}:
        title.pop()
    return " ".join(title) or first_line[:60].strip()


def find_duplicates(articles: Sequence[Article], lines_of: Callable[[Article], Sequence[str]] | None = None) -> list[Duplicate]:
    """Later occurrences of an article already seen (same language, kind and title: the English and the
    Hungarian article of a year are two articles).

    The first occurrence in input order is published (of those whose text names their year, when another
    takes its year from its file's name only). Identical text is an exact
    duplicate; a line-by-line similarity of at least ``NEAR_DUPLICATE_SIMILARITY``
    is a near-duplicate; a less similar text under the same title is a divergent
    version. All three are published once, as their first occurrence, and the
    quality report lists them.

    A year article whose year cannot be read has only a placeholder title (its place in its file,
    "year article at line 67"), which names no article: it repeats another only when their texts are
    identical. (Matched by that title, the yearless articles at one line of many files were taken for
    versions of one year, and each of their lines quarantined with a reason listing all of them.)
    """
    read_lines = lines_of or _own_lines  # (articles kept without their text give their lines from elsewhere)
    first_seen: dict[tuple[str, str, str], Article] = {}
    duplicates: list[Duplicate] = []
    # an article whose year only its file's name gives comes after those whose text names it: a copy that
    # names its year is the one published, whatever the order of the files
    for article in sorted(articles, key=lambda article: article.year_from_file_name):
        yearless = article.kind == "year" and article.year is None
        key = (article.language, article.kind, f"text {article.sha256}" if yearless else article.title)
        original = first_seen.setdefault(key, article)
        if original is article:
            continue
        if original.sha256 == article.sha256:
            duplicates.append(Duplicate(article.article_id, original.article_id, "exact", 1.0))
            continue
        similarity = line_similarity(read_lines(original), read_lines(article))
        kind = "near" if similarity >= NEAR_DUPLICATE_SIMILARITY else "divergent"
        duplicates.append(Duplicate(article.article_id, original.article_id, kind, round(similarity, 4)))
    return duplicates


def _own_lines(article: Article) -> Sequence[str]:
    return article.lines


def line_similarity(first: Sequence[str], second: Sequence[str]) -> float:
    return difflib.SequenceMatcher(
        None, [collapse_whitespace(line) for line in first], [collapse_whitespace(line) for line in second], autojunk=False
    ).ratio()
