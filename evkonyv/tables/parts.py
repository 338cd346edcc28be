"""The parse as columns, file by file: what the pipeline holds between parsing and validating.

Each raw file is parsed on its own (:func:`evkonyv.parsing.parse.parse_file_groups`) and its records,
timeline rows, line roles and quarantine rows are turned into Arrow tables at once
(:func:`file_tables`), so that the objects of one file die before the next file is parsed: memory
holds columns, not an object per line or record. Combining the files
(:func:`combine_tables`) publishes each article once, on the columns:
:func:`~evkonyv.parsing.parse.unpublished` decides which parse stands and what stands for the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyarrow
import pyarrow.compute as pc

from evkonyv.parsing.articles import Article, find_duplicates
from evkonyv.parsing.parse import GROUP_LINES, ParsedFile, parse_file_groups, unpublished
from evkonyv.reading.sources import SourceText
from evkonyv.tables import columns
from evkonyv.tables.build import ParsedTables, parse_schemas, parsed_parts
from evkonyv.tables.columns import ARTICLE_ID, PARSED_TABLES, FileTables, joined_groups, ordered
from evkonyv.tables.memory import trim_freed_memory


def part_schema(name: str) -> pyarrow.Schema:
    """The schema of a file's table ``name``: the published one and the column naming each row's article."""
    return parse_schemas().parts[name]


def file_tables(parsed: ParsedFile) -> FileTables:
    """A parsed file's results as columns (all its articles, whether or not another file repeats them)."""
    return files_tables([parsed])


def files_tables(parsed_files: Sequence[ParsedFile]) -> FileTables:
    """Parsed files' results as one set of columns, the files' rows in the order given
    (:func:`~evkonyv.tables.columns.files_tables`, of the models' schemas)."""
    return columns.files_tables(parsed_files, parse_schemas())


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
                table = ordered(name, pyarrow.concat_tables([table, extra[name]]), [source.name for source in file.sources])
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
    parsed = parse_file_groups(source, max_lines)
    del source  # (so that, when the caller lets it go too, the file's text goes as its groups are parsed)
    groups = [files_tables([group]) for group in parsed]
    return joined_groups(groups[0].sources, groups, groups[0].lines)


def take_tables(
    sources: list[SourceText],
    one: Callable[[SourceText], FileTables] | None = None,
    several: Callable[[list[SourceText]], FileTables] | None = None,
) -> FileTables:
    """:func:`batch_tables` of ``sources``, taking them: the list is emptied, so that nothing holds a large
    file's text but its parse, which lets each group of its articles go once parsed (at 3000 articles in
    one 45.9 MB file, the text held whole through the parse was about 100 MiB at its end). ``one`` and
    ``several``: the parse of a file alone and of a batch (default: :func:`source_tables`, :func:`batch_tables`;
    a pool of processes gives its own)."""
    if len(sources) == 1:
        return (one or source_tables)(sources.pop())
    tables = (several or batch_tables)(sources)
    sources.clear()
    return tables


def batch_tables(sources: Sequence[SourceText]) -> FileTables:
    """A batch of raw files (:func:`~evkonyv.reading.sources.batches`) parsed as columns: a file alone
    (a large one) a group of articles at a time (:func:`source_tables`), several small ones together."""
    if len(sources) == 1:
        return source_tables(sources[0])
    return columns.batch_columns(sources, parse_schemas())
