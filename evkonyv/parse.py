"""From decoded raw files to records, with every raw line accounted for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from evkonyv.accounting import check_accounting
from evkonyv.articles import Article, Duplicate, find_duplicates, split_articles
from evkonyv.lines import is_blank, is_reference
from evkonyv.records import LineRole, Quarantined, ReadArticle, Record, classify_year_article, read_year_article
from evkonyv.sources import SourceText


@dataclass
class ParseResult:
    sources: list[SourceText] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    roles: list[LineRole] = field(default_factory=list)

    def records_of(self, kind: str) -> list[Record]:
        return [record for record in self.records if record.kind == kind]


def split_sources(sources: Sequence[SourceText]) -> list[Article]:
    return [article for source in sources for article in split_articles(source.name, source.lines)]


@dataclass
class ReadSources:
    """The parse stage's output: year articles read, every other line given its role."""

    sources: list[SourceText]
    articles: list[Article]
    duplicates: list[Duplicate]
    year_articles: list[ReadArticle]
    roles: list[LineRole]
    quarantined: list[Quarantined]


def read_articles(sources: Sequence[SourceText], articles: Sequence[Article], duplicates: Sequence[Duplicate]) -> ReadSources:
    """Parse stage: read the published year articles; give every other line its role."""
    read = ReadSources(list(sources), list(articles), list(duplicates), [], [], [])
    with_year_articles = {article.source_file for article in articles if article.kind == "year"}
    duplicate_of = {duplicate.article_id: duplicate for duplicate in duplicates}
    by_id = {article.article_id: article for article in articles}
    covered: set[tuple[str, int]] = set()
    for article in articles:
        covered.update((article.source_file, number) for number in article.line_numbers())
        duplicate = duplicate_of.get(article.article_id)
        if duplicate is not None:
            original = by_id[duplicate.original_id]
            reason = (
                f"{duplicate.kind} duplicate of article {original.title!r} "
                f"({original.source_file} lines {original.first_line}–{original.last_line})"
            )
            read.roles.extend(
                LineRole(article.source_file, number, article.title, "duplicate", reason) for number in article.line_numbers()
            )
        elif article.kind == "year":
            read.year_articles.append(read_year_article(article))
        elif article.source_file not in with_year_articles:
            _quarantine_unstructured(article, read)
        else:
            read.roles.extend(_prose_roles(article))
    for source in sources:
        for number, line in enumerate(source.lines, start=1):
            if (source.name, number) not in covered:
                blank = is_blank(line)
                reason = "blank line between articles" if blank else "line outside any article"
                read.roles.append(LineRole(source.name, number, None, "blank" if blank else "prose", reason))
    return read


def classify_articles(read: ReadSources) -> ParseResult:
    """Classify stage: events, births and deaths of every year article; check line accounting."""
    result = ParseResult(
        sources=read.sources,
        articles=read.articles,
        duplicates=read.duplicates,
        roles=list(read.roles),
        quarantined=list(read.quarantined),
    )
    for year_article in read.year_articles:
        classified = classify_year_article(year_article)
        result.records.extend(classified.records)
        result.quarantined.extend(classified.quarantined)
        result.roles.extend(classified.roles)
    order = {source.name: index for index, source in enumerate(read.sources)}
    result.roles.sort(key=lambda role: (order[role.source_file], role.line))
    result.quarantined.sort(key=lambda q: (order[q.source_file], q.source_line, q.source_segment))
    check_line_accounting(result)
    return result


def _quarantine_unstructured(article: Article, read: ReadSources) -> None:
    """A file without a single year article is not an export of year articles."""
    reason = "the file holds no year article (no 'Évtizedek:' line): nothing in it can be read"
    for number, line in zip(article.line_numbers(), article.lines, strict=True):
        if is_blank(line):
            read.roles.append(LineRole(article.source_file, number, article.title, "blank", "blank line"))
        else:
            read.roles.append(LineRole(article.source_file, number, article.title, "quarantine", reason))
            read.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))


def _prose_roles(article: Article) -> list[LineRole]:
    roles = []
    for number, line in zip(article.line_numbers(), article.lines, strict=False):
        if is_blank(line):
            role, reason = "blank", "blank line"
        elif is_reference(line):
            role, reason = "reference", "reference (starts with ↑)"
        else:
            role, reason = "prose", "prose article: its dated paragraphs are not mined yet"
        roles.append(LineRole(article.source_file, number, article.title, role, reason))
    return roles


def parse_sources(sources: Sequence[SourceText]) -> ParseResult:
    articles = split_sources(sources)
    return classify_articles(read_articles(sources, articles, find_duplicates(articles)))


def check_line_accounting(result: ParseResult) -> None:
    check_accounting(
        {source.name: len(source.lines) for source in result.sources},
        ((role.source_file, role.line, role.role, role.record_ids) for role in result.roles),
        {record.record_id for record in result.records},
        {(q.source_file, q.source_line) for q in result.quarantined},
    )
