"""Parse objects made Arrow columns, given the tables' schemas: Arrow and the parser only, no pandas.

What turns a file's parse (its records, timeline rows, line roles and quarantine rows) into the columns
of the published schemas, and a file's groups of articles into one set of columns (:class:`FileTables`).
The schemas come from the pandera models (:mod:`evkonyv.schemas.arrow`, loaded with pandas and pandera);
here they are an argument, so that a parse worker (:mod:`evkonyv.tables.pool`), which is sent them made,
loads neither: a worker's memory is the parser's and its group's (BENCHMARKS.md, "The parse on two
cores"). :mod:`evkonyv.tables.build` and :mod:`evkonyv.tables.parts` give them from the models.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import pyarrow
import pyarrow.compute as pc

from evkonyv.parsing.articles import Article
from evkonyv.parsing.parse import ParsedFile, parse_file_groups
from evkonyv.parsing.records import LineRole, Quarantined, Record
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.reading.sources import SourceText
from evkonyv.vocabulary import RECORD_TABLES

Getter = Callable[[Any], Any]

# The tables of the parse (all but ``articles``), in the order they are published.
PARSED_TABLES: tuple[str, ...] = (*RECORD_TABLES.values(), "timeline", "source_lines", "quarantine")
# The column of a file's parts that names the article of each row (null outside any article); it is
# dropped when the files are combined.
ARTICLE_ID = "__article_id"
# How each parsed table is ordered within a file once combined (line by line).
_ORDER = {"source_lines": ["line"], "quarantine": ["source_line", "source_segment"]}
# The columns a row (a line role, an article) takes from its file: how the file was read.
ENCODING_COLUMNS = ("source_encoding", "encoding_uncertain")
# The date columns of a dated table (a record, a timeline row), by the attribute of the row's date they hold.
DATE_COLUMNS: dict[str, str] = {
    "year": "year", "month": "month", "day": "day", "end_year": "end_year", "end_month": "end_month",
    "end_day": "end_day", "date_precision": "precision", "date_earliest": "earliest", "date_latest": "latest",
    "date_text": "text",
}  # fmt: skip
_DATE_GETTERS: dict[str, Getter] = {column: attrgetter(f"date.{part}") for column, part in DATE_COLUMNS.items()}


@dataclass(frozen=True)
class SourceSummary:
    """What the tables keep of a raw file once it is parsed: not its lines."""

    name: str
    sha256: str
    encoding: str
    encoding_uncertain: bool
    line_count: int

    @classmethod
    def of(cls, source: SourceText, line_count: int | None = None) -> SourceSummary:
        """``line_count``: the file's, when ``source`` is given without its lines."""
        count = len(source.lines) if line_count is None else line_count
        return cls(source.name, source.sha256, source.encoding, source.encoding_uncertain, count)


def getters_of(
    columns: Sequence[str],
    table: str,
    carrier: type,
    renamed: Mapping[str, str] | None = None,
    *,
    dated: bool = False,
    skipped: Iterable[str] = (),
) -> dict[str, Getter]:
    """How each column of ``table`` (``columns``, as its schema declares them) is read from a parse
    object of class ``carrier``: from the attribute of the same name, the date columns from its date when
    it is ``dated`` (a record, a timeline row), and a column of ``renamed`` from the attribute named there.
    ``skipped``: the columns the caller reads otherwise. A column with no attribute to read it from is an
    error, naming the column and the class that must carry it."""
    renamed, dates = renamed or {}, _DATE_GETTERS if dated else {}
    names = [name for name in columns if name not in ENCODING_COLUMNS and name not in skipped]
    missing = [name for name in names if name not in dates and not hasattr(carrier, renamed.get(name, name))]
    if missing:
        raise TypeError(
            f"the {table} table's columns {missing} (declared in evkonyv/schemas/tables.py) have no attribute of "
            f"{carrier.__module__}.{carrier.__qualname__} to be read from: add it there, named as the column"
        )
    return {name: dates.get(name) or attrgetter(renamed.get(name, name)) for name in names}


@dataclass(frozen=True)
class ParseSchemas:
    """The schemas of the parse tables (:data:`PARSED_TABLES`): each as published, and as a file's part
    (the published columns and :data:`ARTICLE_ID`)."""

    published: Mapping[str, pyarrow.Schema]
    parts: Mapping[str, pyarrow.Schema]

    @classmethod
    def of(cls, published: Mapping[str, pyarrow.Schema]) -> ParseSchemas:
        return cls(
            dict(published),
            {name: schema.append(pyarrow.field(ARTICLE_ID, pyarrow.string())) for name, schema in published.items()},
        )


def parsed_getters(table: str, schema: pyarrow.Schema) -> dict[str, Getter]:
    """:func:`_parsed_getters` of the table's columns (the same for every copy of its schema: a worker is
    sent a copy with each job)."""
    return _parsed_getters(table, tuple(schema.names))


@functools.cache
def _parsed_getters(table: str, names: tuple[str, ...]) -> dict[str, Getter]:
    """The getters of a parse table (:data:`PARSED_TABLES`) of ``schema``: a record table's from its
    records (a birth's death year, a death's birth year, is the record's other year), the timeline's from
    its entries, the line roles' and the quarantine's from theirs."""
    kinds = {name: kind for kind, name in RECORD_TABLES.items()}
    if table in kinds:
        other = "death" if kinds[table] == "birth" else "birth"
        renamed = {f"{other}_{part}": f"other_{part}" for part in ("year", "month", "day")}
        return getters_of(names, table, Record, renamed, dated=True)
    carriers: dict[str, tuple[type, bool]] = {
        "timeline": (TimelineEntry, True),
        "source_lines": (LineRole, False),
        "quarantine": (Quarantined, False),
    }
    carrier, dated = carriers[table]
    return getters_of(names, table, carrier, dated=dated)


def arrow_rows(
    schema: pyarrow.Schema, name: str, items: Sequence[Any], getters: Mapping[str, Getter], sources: Iterable[SourceSummary] = ()
) -> pyarrow.Table:
    """The rows ``items`` as a table of ``schema`` (the table ``name``'s), each column read by its getter; the
    columns that say how a row's file was read (:data:`ENCODING_COLUMNS`) are looked up in ``sources`` by the
    row's ``source_file``, column-wise."""
    if not items:  # (most tables of a small file: no column to build)
        return schema.empty_table()
    columns = {
        field.name: pyarrow.array(list(map(getters[field.name], items)), type=field.type)
        for field in schema
        if field.name not in ENCODING_COLUMNS
    }
    if ENCODING_COLUMNS[0] in schema.names:
        files = list({source.name: source for source in sources}.values())
        rows = pc.index_in(columns["source_file"], value_set=pyarrow.array([file.name for file in files], pyarrow.string()))
        if rows.null_count:
            raise KeyError(f"{name}: rows of a file that is not among the files read")
        for column, read in zip(ENCODING_COLUMNS, (attrgetter("encoding"), attrgetter("encoding_uncertain")), strict=True):
            columns[column] = pyarrow.array(list(map(read, files)), type=schema.field(column).type).take(rows)
    return pyarrow.Table.from_arrays([columns[field.name] for field in schema], schema=schema)


def parsed_columns(
    records: Sequence[Record],
    timeline: Sequence[TimelineEntry],
    roles: Sequence[LineRole],
    quarantined: Sequence[Quarantined],
    sources: Iterable[SourceSummary],
    schemas: Mapping[str, pyarrow.Schema],
) -> dict[str, pyarrow.Table]:
    """The tables of :data:`PARSED_TABLES` for these parse objects (in the order given), of ``schemas``."""
    by_kind: dict[str, list[Record]] = {kind: [] for kind in RECORD_TABLES}
    for record in records:
        by_kind[record.kind].append(record)
    rows: dict[str, Sequence[Any]] = {table: by_kind[kind] for kind, table in RECORD_TABLES.items()}
    rows |= {"timeline": timeline, "source_lines": roles, "quarantine": quarantined}
    return {
        name: arrow_rows(
            schemas[name], name, rows[name], parsed_getters(name, schemas[name]), sources if name == "source_lines" else ()
        )
        for name in PARSED_TABLES
    }


@dataclass
class FileTables:
    """Raw files parsed, as columns: one file, or a batch of small ones parsed together (see
    :func:`~evkonyv.reading.sources.batches`). The tables of :data:`PARSED_TABLES`, each with the
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


def files_tables(parsed_files: Sequence[ParsedFile], schemas: ParseSchemas) -> FileTables:
    """Parsed files' results as one set of columns of ``schemas``' parts, the files' rows in the order given.

    A table's columns cost a few hundred bytes of memory and about a millisecond to build however few
    their rows: 10,000 small files, one set of tables each, held 0.9 GB. A batch of small files
    shares one set."""
    # (a group carries its file without the lines: its line count is that of the file's lines array)
    sources = [SourceSummary.of(parsed.source, len(parsed.lines)) for parsed in parsed_files]
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
    parts = parsed_columns(records, timeline, roles, quarantined, sources, schemas.published)
    names = [source.name for source in sources]
    # (built on the one schema object of each table: a schema per file, its descriptions included, cost
    # ~90 KB of memory a file, held for the whole run)
    parts = {
        name: ordered(
            name,
            pyarrow.Table.from_arrays(
                [*table.columns, pyarrow.array(owners[name], pyarrow.string())], schema=schemas.parts[name]
            ),
            names,
        )
        for name, table in parts.items()
    }
    articles = [article.without_lines() for parsed in parsed_files for article in parsed.articles]
    return FileTables(sources, articles, parts, {parsed.source.name: parsed.lines for parsed in parsed_files})


def batch_columns(sources: Sequence[SourceText], schemas: ParseSchemas) -> FileTables:
    """A batch of small files parsed together, as one set of columns (each file in one group)."""
    return files_tables([group for source in sources for group in parse_file_groups(source, max_lines=None)], schemas)


def ordered(name: str, table: pyarrow.Table, files: Sequence[str]) -> pyarrow.Table:
    """``table`` in the order the combined table has: file by file (in the order of ``files``), and within a
    file by line (stable: rows of one line keep theirs)."""
    if name not in _ORDER:
        return table
    keys = [(column, "ascending") for column in _ORDER[name]]
    if len(files) > 1:
        position = pc.index_in(table["source_file"], value_set=pyarrow.array(files, pyarrow.string()))
        return table.take(pc.sort_indices(table.append_column("__file", position), [("__file", "ascending"), *keys]))
    return table.take(pc.sort_indices(table, keys))


def joined_groups(sources: list[SourceSummary], groups: Sequence[FileTables], lines: dict[str, pyarrow.Array]) -> FileTables:
    """A file's tables from its groups' (each a :class:`FileTables` of some of its articles), in order, with
    the file's ``sources`` and ``lines``."""
    if len(groups) == 1:
        return FileTables(sources, groups[0].articles, groups[0].parts, lines)
    # (the groups' chunks are kept as they are: combining the files copies each table into one chunk)
    names = [source.name for source in sources]
    parts = {
        name: ordered(name, pyarrow.concat_tables([group.parts.pop(name) for group in groups]), names) for name in PARSED_TABLES
    }
    articles = [article for group in groups for article in group.articles]
    return FileTables(sources, articles, parts, lines)
