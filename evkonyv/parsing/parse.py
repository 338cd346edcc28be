"""From decoded raw files to records, with every raw line accounted for."""

from __future__ import annotations

import hashlib
import importlib.metadata
import platform
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pyarrow

from evkonyv.parsing.articles import Article, Duplicate, chronology_of_file_year
from evkonyv.parsing.dates import is_day_item
from evkonyv.parsing.language import LANGUAGES, Language, detect_language
from evkonyv.parsing.lines import furniture_lines, glued_heading_lines, is_blank, is_reference, lines_array
from evkonyv.parsing.records import ArticleResult, LineRole, quarantine_article
from evkonyv.parsing.timeline import end_matter_start, main_year, read_prose
from evkonyv.reading.sources import SourceText

# Raise to invalidate every cached parse by hand (e.g. a change of behaviour that lives outside the
# files hashed below).
PARSER_EPOCH = 1


def parser_version() -> str:
    """A digest of what turns raw bytes into records: every module of the reading and parsing
    sub-packages and the language data, the versions of Python and charset-normalizer, and :data:`PARSER_EPOCH`.
    Cached parse results of another parser are never reused."""
    parsing = Path(__file__).resolve().parent
    reading = parsing.parent / "reading"
    digest = hashlib.sha256(f"epoch {PARSER_EPOCH}; python {platform.python_version()}; ".encode())
    digest.update(f"charset-normalizer {importlib.metadata.version('charset-normalizer')}; ".encode())
    data = [path for path in (parsing / "data").rglob("*") if path.is_file()]  # each language's folder too
    for path in sorted([*reading.glob("*.py"), *parsing.glob("*.py"), *data]):
        digest.update(path.parent.name.encode() + b"/" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


PARSER_VERSION = parser_version()


@dataclass
class ParsedFile:
    """One raw file parsed on its own: all that can be known without the other files.

    Year articles are parsed whether or not another file repeats them: which occurrence
    is published is decided when the files are combined.
    """

    source: SourceText
    articles: list[Article]
    results: dict[str, ArticleResult]  # by article_id
    between: list[LineRole]  # lines outside any article
    lines: pyarrow.Array  # the file's lines as one Arrow array (:func:`lines_array`)


def parse_file(source: SourceText) -> ParsedFile:
    """Split one file into articles and parse and classify each of them."""
    groups = list(parse_file_groups(source, max_lines=None))
    return groups[0]


# How many lines of a file's articles :func:`parse_file_groups` parses into one group at most (an article
# longer than this is a group of its own). Fixed by the text, not by the machine: the groups, and what is
# made of them, are the same everywhere.
GROUP_LINES = 20_000


def parse_file_groups(source: SourceText, max_lines: int | None = GROUP_LINES) -> Iterator[ParsedFile]:
    """:func:`parse_file`, a group of whole articles at a time (about ``max_lines`` lines; ``None``: the
    whole file in one group), each group a :class:`ParsedFile` of the file holding those articles and
    their results; the first group also holds the lines outside any article. An article's parse does not
    depend on the other articles, so the groups together are the whole file's parse: a caller that turns
    each group into columns before it asks for the next holds the objects of one group at a time, not of
    the whole file.

    Nor does it hold the file's text past its parse: once the file is split, each group holds its
    articles' lines, and a group's lines go once it has been parsed and handed on (the groups carry the
    file without its lines; its line count is the length of ``lines``). A caller that lets ``source`` go
    (:func:`~evkonyv.tables.parts.take_tables`) holds the text of the groups not yet parsed only."""
    groups = file_groups(source, max_lines)
    del source  # (nor does this frame hold the text)
    for split, bare, group, between in groups:
        yield ParsedFile(bare, group, split.parse(group), between, split.array)


def file_groups(
    source: SourceText, max_lines: int | None = GROUP_LINES
) -> Iterator[tuple[FileSplit, SourceText, list[Article], list[LineRole]]]:
    """A file split (:func:`split_file`), then its groups of whole articles (:func:`article_groups`) one
    at a time, each with the split, the file without its lines, and the lines outside any article (with the
    first group only); a file without articles is one empty group. The file's text is let go as the groups
    are (see :func:`parse_file_groups`): the split keeps no articles, and a group is dropped here once the
    caller asks for the next."""
    split = split_file(source)
    bare = replace(source, lines=(), normalised=())
    del source
    groups = article_groups(split.articles, max_lines) or [[]]
    split.articles = []
    groups.reverse()  # (taken from the end: each group's articles are dropped as it is handed on)
    between = split.between
    while groups:
        group = groups.pop()
        yield split, bare, group, between
        del group
        between = []


@dataclass
class FileSplit:
    """What a file's parse knows before any of its articles is parsed: its language, its articles, the
    lines outside them, and the facts of its lines an article's parse reads (what normalisation changed,
    where a heading may be glued). Each article is then parsed by :meth:`parse`, alone."""

    language: Language
    articles: list[Article]
    has_year_article: bool
    line_flags: dict[int, tuple[str, ...]]
    glued: set[int]
    between: list[LineRole]  # lines outside any article
    array: pyarrow.Array  # the file's lines (:func:`lines_array`)

    def parse(self, articles: Sequence[Article]) -> dict[str, ArticleResult]:
        """Some of the file's articles parsed and classified, by article id."""
        return parse_articles(articles, self.language, self.line_flags, self.glued, self.has_year_article)

    def for_articles(self, articles: Sequence[Article]) -> tuple[dict[int, tuple[str, ...]], set[int]]:
        """The line flags and glued lines of ``articles`` only: what their parse needs of the file's."""
        numbers = {number for article in articles for number in article.line_numbers()}
        return {n: flags for n, flags in self.line_flags.items() if n in numbers}, self.glued & numbers


def split_file(source: SourceText) -> FileSplit:
    """One file's language detected, its text split into articles, and its lines outside them classified."""
    language = detect_language(source.lines)
    articles = split_by_language(source.name, source.lines, language)
    line_flags = source.line_flags()
    if articles and all(article.kind != "year" for article in articles):
        articles = _chronology_of_file_year(source, articles, language, line_flags)
    array = lines_array(source.lines)
    glued = glued_heading_lines(source.lines, array=array)
    covered = {number for article in articles for number in article.line_numbers()}
    between = [
        LineRole(source.name, number, None, "blank" if is_blank(line) else "prose",
                 "blank line between articles" if is_blank(line) else "line outside any article")
        for number, line in enumerate(source.lines, start=1)
        if number not in covered
    ]  # fmt: skip
    has_year_article = any(article.kind == "year" for article in articles)
    return FileSplit(language, articles, has_year_article, line_flags, glued, between, array)


# The flag every record of a year article whose year only its file's name gives carries (quality_flags.py).
YEAR_FROM_FILE_NAME = "year_from_file_name"


def _chronology_of_file_year(
    source: SourceText, articles: list[Article], language: Language, line_flags: dict[int, tuple[str, ...]]
) -> list[Article]:
    """A file's articles, none of them a year article: one year article of the year the file's name names
    where its text is a chronology (:func:`~evkonyv.parsing.articles.chronology_of_file_year`), each of its
    lines flagged :data:`YEAR_FROM_FILE_NAME` in ``line_flags``; else the articles as they are."""
    chronology = chronology_of_file_year(source.name, source.lines, language.is_dated_item)
    if chronology is None:
        return articles
    chronology = replace(chronology, language=language.code)
    for number, line in zip(chronology.line_numbers(), chronology.lines, strict=True):
        if not is_blank(line):
            line_flags[number] = (*line_flags.get(number, ()), YEAR_FROM_FILE_NAME)
    return [chronology]


def split_by_language(source_file: str, lines: Sequence[str], language: Language) -> list[Article]:
    """The file's articles as ``language`` (the file's) splits them. A file holds one language: where a
    year article of another language starts in it (an English lead in a Hungarian file), the lines from
    there to the next article of the file's language are one year article whose year is not read, its
    lines quarantined with why (and a warning), so that no record of it is published as the file's
    language would misread it (as items of the article above it)."""
    readers = [language, *(other for other in LANGUAGES.values() if other is not language)]  # (the file's first)
    segments: list[tuple[int, Language]] = []  # (first line index, language) of each run of one language
    current = language
    for index, line in enumerate(lines):
        starting = next((reader for reader in readers if reader.starts_year_article(line)), current)
        if starting is not current:
            current = starting
            segments.append((index, current))
    if not segments:
        return language.split_articles(source_file, lines)  # (nearly every file: one language)
    articles: list[Article] = []
    bounds = [0, *(start for start, _ in segments), len(lines)]
    runs = [language, *(run for _, run in segments)]
    for (first, last), run in zip(zip(bounds, bounds[1:], strict=False), runs, strict=True):
        if first == last:
            continue
        if run is language:
            articles += [_shifted(article, first) for article in language.split_articles(source_file, lines[first:last])]
        else:
            articles.append(_foreign_article(source_file, lines, first, last, run, language))
    return articles


def _shifted(article: Article, offset: int) -> Article:
    """An article split from a part of its file starting at line index ``offset``, numbered in the file."""
    return replace(article, first_line=article.first_line + offset, last_line=article.last_line + offset)


def _foreign_article(
    source_file: str, lines: Sequence[str], first: int, end: int, foreign: Language, language: Language
) -> Article:
    """The lines [first, end) of a file, a year article of another language than the file's: a year article
    whose year is not read, and why."""
    last = max(index for index in range(first, end) if not is_blank(lines[index]) or index == first)
    body = tuple(lines[first : last + 1])
    problem = (
        f"it starts a {foreign.name} year article in a file read as {language.name} (a file holds one "
        "language: give each language its own file)"
    )
    digest = hashlib.sha256("\n".join(body).encode("utf-8")).hexdigest()
    return Article(
        source_file,
        first + 1,
        last + 1,
        "year",
        f"year article at line {first + 1}",
        None,
        body,
        digest,
        problem,
        None,
        language.code,
    )


def article_groups(articles: Sequence[Article], max_lines: int | None = GROUP_LINES) -> list[list[Article]]:
    """``articles`` in groups of whole articles of about ``max_lines`` lines (``None``: one group), in
    order: a group ends with the article that takes it to ``max_lines`` lines or more."""
    groups: list[list[Article]] = []
    group: list[Article] = []
    size = 0
    for index, article in enumerate(articles):
        group.append(article)
        size += article.line_count
        if index == len(articles) - 1 or (max_lines is not None and size >= max_lines):
            groups.append(group)
            group, size = [], 0
    return groups


def parse_articles(
    articles: Sequence[Article],
    language: Language,
    line_flags: dict[int, tuple[str, ...]],
    glued: set[int],
    has_year_article: bool,
) -> dict[str, ArticleResult]:
    """Articles of one file parsed and classified, each on its own, by article id: a year article read
    by its language's grammar; a prose article beside year articles read for dated statements (where its
    language's prose is read); an article of a file without a year article quarantined."""
    results: dict[str, ArticleResult] = {}
    for member in articles:
        if member.kind == "year":
            results[member.article_id] = language.parse_year_article(member, line_flags, glued)
        elif has_year_article and language.reads_prose:
            results[member.article_id] = read_prose_article(member, line_flags)
        elif has_year_article:
            results[member.article_id] = _unread_prose(member, language)
        else:
            results[member.article_id] = _unstructured(member)
    return results


def unpublished(
    articles: Sequence[Article], duplicates: Sequence[Duplicate], lines_of: Callable[[Article], Sequence[str]] | None = None
) -> dict[str, ArticleResult]:
    """The articles whose parse is not published, by article id, with what stands for it: a later
    copy of an article marks its lines as duplicates; the year articles of a contested year
    (:func:`contested_years`) have their lines quarantined (read with ``lines_of`` when the articles
    are kept without their text)."""
    by_id = {article.article_id: article for article in articles}
    contested = contested_years(articles, duplicates)
    replaced: dict[str, ArticleResult] = {}
    for article_id, reason in contested.items():
        replaced[article_id] = ArticleResult()
        article = by_id[article_id]
        if lines_of is not None:
            article = replace(article, lines=tuple(lines_of(article)))
        quarantine_article(article, reason, replaced[article_id])
    for duplicate in duplicates:
        if duplicate.article_id in contested:
            continue
        article, original = by_id[duplicate.article_id], by_id[duplicate.original_id]
        reason = (
            f"{duplicate.kind} duplicate of article {original.title!r} "
            f"({original.source_file} lines {original.first_line}–{original.last_line})"
        )
        roles = [LineRole(article.source_file, n, article.title, "duplicate", reason) for n in article.line_numbers()]
        replaced[duplicate.article_id] = ArticleResult(roles=roles)
    return replaced


def contested_years(articles: Sequence[Article], duplicates: Sequence[Duplicate]) -> dict[str, str]:
    """Year articles that claim the same year with divergent text: by article id, the reason.

    Two different texts under one year mean one of them has the wrong navigation (an
    ``Évek:`` window off by one) or they are different articles: which one is that year's
    cannot be told, so none of them is published under it. A year only a file's name gives
    contests none that a text names: that article is a divergent duplicate of it.
    """
    by_id = {article.article_id: article for article in articles}
    claimants: dict[str, list[str]] = {}
    for duplicate in duplicates:
        original = by_id[duplicate.original_id]
        if by_id[duplicate.article_id].year_from_file_name and not original.year_from_file_name:
            continue  # a year its text names against one its file's name gives: the text's stands
        if duplicate.kind == "divergent" and original.kind == "year":
            ids = claimants.setdefault(duplicate.original_id, [duplicate.original_id])
            ids.append(duplicate.article_id)
    contested: dict[str, str] = {}
    for ids in claimants.values():
        year = by_id[ids[0]].title
        reason = f"year {year} is claimed by {len(ids)} articles that differ ({', '.join(ids)}); which is {year} cannot be told"
        contested |= dict.fromkeys(ids, reason)
    return contested


def _unstructured(article: Article) -> ArticleResult:
    """A file without a single year article is not an export of year articles."""
    result = ArticleResult()
    reason = (
        "the file holds no year article (no 'Évtizedek:' line, nor an English year article's lead): nothing in it can be read"
    )
    quarantine_article(article, reason, result)
    return result


def _unread_prose(article: Article, language: Language) -> ArticleResult:
    """A prose article of a language whose prose is not read for dated statements: prose lines, with why."""
    result = ArticleResult()
    for number, line in zip(article.line_numbers(), article.lines, strict=True):
        role, reason = (
            ("blank", "blank line")
            if is_blank(line)
            else ("prose", f"prose article ({language.name} prose is not read for dated statements)")
        )
        result.roles.append(LineRole(article.source_file, number, article.title, role, reason))
    return result


def read_prose_article(article: Article, line_flags: dict[int, tuple[str, ...]] | None = None) -> ArticleResult:
    """A prose article's lines classified, and the dated statements of its narrating lines."""
    result = ArticleResult()
    lines = list(zip(article.line_numbers(), article.lines, strict=False))
    end = end_matter_start(article.lines)
    furniture = furniture_lines(article.lines, is_day_item)
    narrating = [
        (number, line)
        for index, (number, line) in enumerate(lines[:end])
        if not is_blank(line) and not is_reference(line) and index not in furniture
    ]
    readings = read_prose(article.title, article.source_file, narrating, main_year(article.title, article.lines), line_flags)
    for index, (number, line) in enumerate(lines):
        if index in furniture:
            role, reason = "navigation", furniture[index]
        elif is_blank(line):
            role, reason = "blank", "blank line"
        elif is_reference(line):
            role, reason = "reference", "reference (starts with ↑)"
        elif index >= end:
            role, reason = (
                "citation",
                "end matter of the article (further reading, a link or a source): it cites, it does not narrate",
            )
        elif readings[number].entries:
            entries = readings[number].entries
            result.timeline.extend(entries)
            ids = tuple(entry.record_id for entry in entries)
            reason = f"{len(entries)} dated statement{'s' if len(entries) > 1 else ''}" + _unresolved(readings[number].unresolved)
            result.roles.append(LineRole(article.source_file, number, article.title, "timeline", reason, ids))
            continue
        elif readings[number].unresolved:
            role, reason = "prose", "prose paragraph" + _unresolved(readings[number].unresolved)
        else:
            role, reason = "prose", "prose paragraph without a date expression"
        result.roles.append(LineRole(article.source_file, number, article.title, role, reason))
    return result


def _unresolved(expressions: Sequence[str]) -> str:
    """The part of a line's reason that names the expressions nothing before them could date."""
    if not expressions:
        return ""
    return "; nothing before it dates " + ", ".join(f"'{text}'" for text in expressions)
