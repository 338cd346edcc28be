"""The parse as columns, file by file: what the pipeline holds between parsing and validating.

Each raw file is parsed on its own (:func:`evkonyv.parsing.parse.parse_file_groups`) and its records,
timeline rows, line roles and quarantine rows are turned into Arrow tables at once
(:func:`file_tables`), so that the objects of one file die before the next file is parsed: memory
holds columns, not an object per line or record. Combining the files
(:func:`combine_tables`) publishes each article once, on the columns:
:func:`~evkonyv.parsing.parse.unpublished` decides which parse stands and what stands for the others.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow
import pyarrow.compute as pc

from evkonyv.parsing.articles import Article, find_duplicates
from evkonyv.parsing.parse import GROUP_LINES, ParsedFile, parse_file_groups, unpublished
from evkonyv.parsing.records import LineRole, Quarantined, Record
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.reading.sources import SourceText
from evkonyv.schemas.arrow import arrow_schema
from evkonyv.schemas.tables import RECORD_TABLES, TABLES
from evkonyv.tables.build import PARSED_TABLES, ParsedTables, SourceSummary, parsed_parts
from evkonyv.tables.memory import trim_freed_memory

# The column of a file's parts that names the article of each row (null outside any article); it is
# dropped when the files are combined.
ARTICLE_ID = "__article_id"
# How each parsed table is ordered within a file once combined (line by line).
_ORDER = {"source_lines": ["line"], "quarantine": ["source_line", "source_segment"]}


@dataclass
class FileTables:
    """Raw files parsed, as columns: one file, or a batch of small ones parsed together (see
    :func:`batches`). The tables of :data:`~evkonyv.tables.build.PARSED_TABLES`, each with the
    :data:`ARTICLE_ID` of its rows (the files' rows in file order), and the files' articles, without
    their text. Each file's lines are kept in one Arrow array (``lines``, by file name, line 1 first)
    until the files are combined: combining reads the few articles it compares line by line, or
    quarantines, from it. (Kept as Python strings in the articles, the text of every file was held,
    scattered among the parse's columns, through the whole parse: the heap it was freed from stayed
    resident.)"""

    sources: list[SourceSummary]
    articles: list[Article]
    parts: dict[str, pyarrow.Table]
    lines: dict[str, pyarrow.Array]

    def lines_of(self, article: Article) -> list[str]:
        """The lines of one of the files' articles."""
        lines: list[str] = self.lines[article.source_file].slice(article.first_line - 1, article.line_count).to_pylist()
        return lines


@functools.cache
def part_schema(name: str) -> pyarrow.Schema:
    """The schema of a file's table ``name``: the published one and the column naming each row's article."""
    return arrow_schema(TABLES[name]).append(pyarrow.field(ARTICLE_ID, pyarrow.string()))


def file_tables(parsed: ParsedFile) -> FileTables:
    """A parsed file's results as columns (all its articles, whether or not another file repeats them)."""
    return files_tables([parsed])


def files_tables(parsed_files: Sequence[ParsedFile]) -> FileTables:
    """Parsed files' results as one set of columns, the files' rows in the order given.

    A table's columns cost a few hundred bytes of memory and about a millisecond to build however few
    their rows: 10,000 small files, one set of tables each, held 0.9 GB. A batch of small files
    shares one set."""
    sources = [SourceSummary.of(parsed.source) for parsed in parsed_files]
    records: list[Record] = []
    timeline: list[TimelineEntry] = []
    quarantined: list[Quarantined] = []
    roles: list[LineRole] = []
    owners: dict[str, list[str | None]] = {name: [] for name in PARSED_TABLES}
    for parsed in parsed_files:
        roles.extend(parsed.between)
        owners["source_lines"].extend([None] * len(parsed.between))
        for article in parsed.articles:
            result = parsed.results[article.article_id]
            records.extend(result.records)
            timeline.extend(result.timeline)
            quarantined.extend(result.quarantined)
            roles.extend(result.roles)
            for record in result.records:  # the record tables are filled kind by kind, in this order
                owners[RECORD_TABLES[record.kind]].append(article.article_id)
            for name, items in (
                ("timeline", result.timeline),
                ("quarantine", result.quarantined),
                ("source_lines", result.roles),
            ):
                owners[name].extend([article.article_id] * len(items))
    parts = parsed_parts(records, timeline, roles, quarantined, sources)
    names = [source.name for source in sources]
    # (built on the one schema object of each table: a schema per file, its descriptions included, cost
    # ~90 KB of memory a file, held for the whole run)
    parts = {
        name: _ordered(
            name,
            pyarrow.Table.from_arrays([*table.columns, pyarrow.array(owners[name], pyarrow.string())], schema=part_schema(name)),
            names,
        )
        for name, table in parts.items()
    }
    articles = [article.without_lines() for parsed in parsed_files for article in parsed.articles]
    return FileTables(sources, articles, parts, {parsed.source.name: parsed.lines for parsed in parsed_files})


def _ordered(name: str, table: pyarrow.Table, files: Sequence[str]) -> pyarrow.Table:
    """``table`` in the order the combined table has: file by file (in the order of ``files``), and within a
    file by line (stable: rows of one line keep theirs)."""
    if name not in _ORDER:
        return table
    keys = [(column, "ascending") for column in _ORDER[name]]
    if len(files) > 1:
        position = pc.index_in(table["source_file"], value_set=pyarrow.array(files, pyarrow.string()))
        return table.take(pc.sort_indices(table.append_column("__file", position), [("__file", "ascending"), *keys]))
    return table.take(pc.sort_indices(table, keys))


def combine_tables(files: Sequence[FileTables]) -> ParsedTables:
    """Publish each article once across all files.

    The files' columns and lines are taken over: the lines are dropped once read, and each file's
    table is removed from its ``parts`` as it goes into the combined table, which is one chunk per
    column. So memory holds the files' pieces and the combined copy of one table at a time, not of
    all; and the frames validated and the tables serialised later share the combined buffers instead
    of each copying the pieces into one."""
    articles = [article for file in files for article in file.articles]
    file_of = {article.article_id: file for file in files for article in file.articles}

    def lines_of(article: Article) -> list[str]:
        return file_of[article.article_id].lines_of(article)

    duplicates = find_duplicates(articles, lines_of)
    replaced = unpublished(articles, duplicates, lines_of)
    for file in files:  # the files' text is read no more
        file.lines = {}
    trim_freed_memory()
    if not files:
        return ParsedTables([], [], [], parsed_parts([], [], [], [], []))
    dropped = pyarrow.array(sorted(replaced), pyarrow.string())
    extras: list[dict[str, pyarrow.Table] | None] = []  # per file: the rows that stand for its unpublished articles
    for file in files:
        stand_ins = [replaced[article.article_id] for article in file.articles if article.article_id in replaced]
        extras.append(
            parsed_parts(
                [], [], [role for result in stand_ins for role in result.roles],
                [row for result in stand_ins for row in result.quarantined], file.sources,
            ) if stand_ins else None
        )  # fmt: skip
    parts: dict[str, pyarrow.Table] = {}
    for name in PARSED_TABLES:
        pieces = []
        for file, extra in zip(files, extras, strict=True):
            table = file.parts.pop(name)
            if extra is not None:
                # (a line outside any article has no article id: it is kept)
                table = table.filter(pc.invert(pc.fill_null(pc.is_in(table[ARTICLE_ID], value_set=dropped), False)))
            table = table.drop_columns([ARTICLE_ID])
            if extra is not None and extra[name].num_rows:  # (a file's parts are in order: only stand-ins need sorting in)
                table = _ordered(name, pyarrow.concat_tables([table, extra[name]]), [source.name for source in file.sources])
            pieces.append(table)
        parts[name] = pyarrow.concat_tables(pieces).combine_chunks()
        del pieces, table  # the files' pieces of this table go now,
        trim_freed_memory()  # and the memory they held to the system, before the next table is copied
    # (the articles without their text: the raw lines are not held for the rest of the run)
    return ParsedTables([source for file in files for source in file.sources], articles, duplicates, parts)


def source_tables(source: SourceText, max_lines: int = GROUP_LINES) -> FileTables:
    """One file parsed as columns, a group of its articles at a time (:func:`~evkonyv.parsing.parse.parse_file_groups`):
    each group's objects become columns before the next group is parsed, so a large file holds the objects
    of one group at a time. The same tables as ``file_tables(parse_file(source))``."""
    groups = [files_tables([group]) for group in parse_file_groups(source, max_lines)]
    return joined_groups(groups[0].sources, groups, groups[0].lines)


def joined_groups(sources: list[SourceSummary], groups: Sequence[FileTables], lines: dict[str, pyarrow.Array]) -> FileTables:
    """A file's tables from its groups' (:func:`source_tables`), in order, with the file's ``sources`` and ``lines``."""
    if len(groups) == 1:
        return FileTables(sources, groups[0].articles, groups[0].parts, lines)
    # (the groups' chunks are kept as they are: combining the files copies each table into one chunk)
    names = [source.name for source in sources]
    parts = {
        name: _ordered(name, pyarrow.concat_tables([group.parts.pop(name) for group in groups]), names) for name in PARSED_TABLES
    }
    articles = [article for group in groups for article in group.articles]
    return FileTables(sources, articles, parts, lines)


def batch_tables(sources: Sequence[SourceText]) -> FileTables:
    """A batch of raw files (:func:`~evkonyv.reading.sources.batches`) parsed as columns: a file alone
    (a large one) a group of articles at a time (:func:`source_tables`), several small ones together."""
    if len(sources) == 1:
        return source_tables(sources[0])
    return files_tables([group for source in sources for group in parse_file_groups(source, max_lines=None)])
