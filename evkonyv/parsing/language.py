"""The language seam: what the parse needs of a language, and which language a file is written in.

A :class:`Language` is its data folder (word lists and tables, each naming its source) and its grammar
module: where a year article starts, how a file splits into articles, and how a year article's lines are
read. What a grammar reads is assembled into records by language-neutral code
(:func:`~evkonyv.parsing.records.assemble_records`, the section model in :mod:`~evkonyv.parsing.sections`),
and the tables, the release and the publishing know no language at all.

Adding a language is a data folder and a grammar module that fill one :class:`Language`, plus its entry in
:data:`LANGUAGES`.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from evkonyv.parsing import english, hungarian
from evkonyv.parsing.articles import Article, split_articles
from evkonyv.parsing.dates import is_day_item
from evkonyv.parsing.hungarian import data_words
from evkonyv.parsing.lines import starts_year_article
from evkonyv.parsing.records import ArticleResult, parse_year_article

YearArticleParser = Callable[[Article, Mapping[int, tuple[str, ...]] | None, Container[int] | None], ArticleResult]


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1
    name: str
    data: Path  # its data folder
    starts_year_article: Callable[[str], bool]
    split_articles: Callable[[str, Sequence[str]], list[Article]]
    parse_year_article: YearArticleParser
    # Whether its prose articles are read for dated statements (the timeline); else they are prose lines.
    reads_prose: bool
    # The headings of its record sections, as a page copy keeps them.
    section_headings: Mapping[str, str]
    # Whether a line is a dated list item of its chronology ("március 18. – ...", "March 18 – ..."): what a
    # copy of a year article that lost its head opens with (:func:`~evkonyv.parsing.articles.chronology_of_file_year`).
    is_dated_item: Callable[[str], bool]

    @property
    def month_labels(self) -> tuple[str, ...]:
        """The short labels a chart writes the months with, January to December (``chart_months.txt``)."""
        labels = tuple(data_words("chart_months.txt", self.data))
        if len(labels) != 12:
            raise ValueError(f"{self.data / 'chart_months.txt'} lists {len(labels)} month labels, not 12")
        return labels


HUNGARIAN = Language(
    code="hu",
    name="Hungarian",
    data=hungarian.DATA,
    starts_year_article=starts_year_article,
    split_articles=split_articles,
    parse_year_article=parse_year_article,
    reads_prose=True,
    section_headings=hungarian.SECTION_TITLES,
    is_dated_item=is_day_item,
)
ENGLISH = Language(
    code="en",
    name="English",
    data=english.DATA,
    starts_year_article=english.starts_year_article,
    split_articles=english.split_articles,
    parse_year_article=english.parse_year_article,
    reads_prose=False,
    section_headings=english.SECTION_TITLES,
    is_dated_item=english.is_dated_item,
)
LANGUAGES: dict[str, Language] = {language.code: language for language in (HUNGARIAN, ENGLISH)}
DEFAULT = HUNGARIAN


# How many lines of text of a file where no year article starts :func:`detect_language` reads for dated items.
DATED_ITEMS_READ = 20


def detect_language(lines: Sequence[str]) -> Language:
    """The language of a file: the one whose year article starts first in it (a Hungarian year article
    opens with its ``Évtizedek:`` line, an English one with its lead or its navigation); when no line
    starts a year article, the one whose dated items (``is_dated_item``) most of its first lines of text are
    (a copy of a year article that lost its head), Hungarian on a tie. Reads the lines up to the first
    start only."""
    for line in lines:
        for language in LANGUAGES.values():
            if language.starts_year_article(line):
                return language
    text = [line for line in lines if line.strip()][:DATED_ITEMS_READ]
    counts = {language.code: sum(map(language.is_dated_item, text)) for language in LANGUAGES.values()}
    best = max(LANGUAGES.values(), key=lambda language: (counts[language.code], language is DEFAULT))
    return best if counts[best.code] else DEFAULT
