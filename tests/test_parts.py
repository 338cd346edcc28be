"""The parse as columns, file by file (evkonyv.tables.parts): batches, groups of articles and files give the same tables."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow
import pytest

from evkonyv.parsing.articles import find_duplicates
from evkonyv.parsing.lines import glued_heading_lines
from evkonyv.parsing.parse import parse_file
from evkonyv.pipeline import parse
from evkonyv.reading.sources import SourceText, decode_source, find_raw_files, read_sources
from evkonyv.tables.build import build_tables
from evkonyv.tables.columns import ARTICLE_ID
from evkonyv.tables.parts import batch_tables, combine_tables, file_tables, files_tables
from tests.helpers import SEED

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def _seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def _source(name: str, lines: list[str]):
    return decode_source(name, "\n".join(lines).encode("utf-8"))


def _contested() -> list[str]:
    lines = _seed_lines()
    lines[2] = lines[58]  # the 1953 article claims 1954, as the real 1954 article does
    return lines


def _fixture_sources(name: str) -> list[SourceText]:
    return read_sources(find_raw_files([FIXTURES / name / "raw"]))


SETS: dict[str, Callable[[], list[SourceText]]] = {
    "seed": lambda: read_sources(find_raw_files([ROOT / "raw"])),
    **{name: functools.partial(_fixture_sources, name) for name in ("real-excerpts", "more-excerpts", "prose-excerpts")},
    "seed in two files": lambda: [_source("a.txt", _seed_lines()), _source("b.txt", _seed_lines()[:120])],
    "a contested year": lambda: [_source("x.txt", _contested())],
    "a duplicate of a contested year": lambda: [_source("x.txt", _contested()), _source("y.txt", _contested()[:57])],
    "no year article": lambda: [_source("p.txt", ["Egy bekezdés szöveg.", "", "Még egy bekezdés."])],
    "empty": lambda: [],
}  # fmt: skip


@pytest.mark.parametrize("name", SETS)
def test_one_batch_gives_the_tables_of_the_files_parsed_one_by_one(name):
    """The run parses small files in batches (one set of columns for many files); the tables are those of
    the files parsed one at a time, whatever the files hold (duplicates, a contested year, no article)."""
    sources = SETS[name]()
    expected = build_tables(parse(sources))
    got = build_tables(combine_tables([batch_tables(sources)])) if sources else build_tables(parse([]))
    assert list(got) == list(expected)
    for table in expected:
        pd.testing.assert_frame_equal(got[table], expected[table], obj=table)


def test_a_file_keeps_the_rows_of_every_article_with_its_id():
    source = _source("a.txt", _seed_lines())
    parsed = parse_file(source)
    tables = file_tables(parsed)
    for name, table in tables.parts.items():
        assert table.column_names[-1] == ARTICLE_ID, name
    owners = tables.parts["events"].column(ARTICLE_ID).to_pylist()
    expected = [a.article_id for a in parsed.articles for r in parsed.results[a.article_id].records if r.kind == "event"]
    assert owners == expected
    # the lines between articles belong to none
    lines = tables.parts["source_lines"]
    between = {role.line for role in parsed.between}
    assert {
        line for line, owner in zip(lines["line"].to_pylist(), lines[ARTICLE_ID].to_pylist(), strict=True) if owner is None
    } == between


@pytest.mark.parametrize("max_lines", [1, 40, 300])
def test_a_file_parsed_a_group_of_articles_at_a_time_gives_the_tables_of_the_whole_file(max_lines):
    """The seed (year and prose articles, lines outside any article) and generated articles, parsed in
    groups of whole articles: the same columns, row for row, as parsed whole."""
    import random

    from benchmarks.generate import word_list, year_article
    from evkonyv.tables.parts import source_tables

    rng, words = random.Random(3), word_list()
    generated = [line for year in (1001, 1002, 1003) for line in year_article(year, rng, words)]
    lines = ["egy sor előtte", "", *_seed_lines(), "", *generated]
    source = _source("a.txt", lines)
    whole = file_tables(parse_file(source))
    grouped = source_tables(source, max_lines=max_lines)
    assert [a.article_id for a in grouped.articles] == [a.article_id for a in whole.articles]
    for name, table in whole.parts.items():
        assert grouped.parts[name].combine_chunks().equals(table.combine_chunks()), name


def test_the_later_copy_of_an_article_publishes_no_row():
    first, second = _source("a.txt", _seed_lines()), _source("b.txt", _seed_lines())
    combined = combine_tables([file_tables(parse_file(first)), file_tables(parse_file(second))])
    assert set(combined.parts["events"].column("source_file").to_pylist()) == {"a.txt"}
    roles = combined.parts["source_lines"]
    later = roles.filter(pyarrow.compute.equal(roles["source_file"], "b.txt"))
    assert set(later["role"].to_pylist()) <= {"duplicate", "blank", "prose"}
    assert later["line"].to_pylist() == list(range(1, len(_seed_lines()) + 1))
    assert ARTICLE_ID not in combined.parts["events"].column_names


def test_glued_heading_lines_of_lines_with_a_line_break():
    """Lines go to Arrow joined by line breaks; a line holding one is still looked at on its own."""
    lines = ["első sor.Születésekjúnius 3. – X", "egy\nsor", "harmadik.Halálozásokmárcius 1. – Y"]
    assert glued_heading_lines(lines) == {1, 3}
    assert glued_heading_lines([line.replace("\n", " ") for line in lines]) == {1, 3}


def test_the_same_rows_in_chunks_give_the_same_files():
    """Files combine columns chunk by chunk; the Parquet bytes must not depend on where the chunks end."""
    from evkonyv.tables.serialise import table_files

    whole = parse([_source("a.txt", _seed_lines())])
    events = whole.parts["events"]
    copies = [  # distinct texts (about 2 MB), more than a Parquet dictionary page holds
        events.set_column(events.schema.get_field_index("text"), events.schema.field("text"),
                          pyarrow.compute.binary_join_element_wise(events["text"], str(copy), " "))
        for copy in range(60)
    ]  # fmt: skip
    many = pyarrow.concat_tables(copies)
    assert many.column("text").num_chunks == 60
    frames = {}
    for name, table in (("whole", many.combine_chunks()), ("chunked", many)):
        whole.parts["events"] = table
        frames[name] = build_tables(whole)["events"]
    assert table_files({"events": frames["chunked"]}) == table_files({"events": frames["whole"]})


def test_the_combined_articles_keep_no_text_but_what_is_known_of_it():
    """The raw lines are not held past the combine: the articles keep their description (where they
    are, whether they reach their end matter, their digest), not their lines."""
    sources = [_source("a.txt", _seed_lines()), _source("cut.txt", _seed_lines()[:40])]
    articles = [article for source in sources for article in parse_file(source).articles]  # (with their lines)
    columns = parse(sources)
    assert [article.lines for article in columns.articles] == [()] * len(articles)
    assert [article.without_lines() for article in articles] == columns.articles
    assert [article.complete for article in columns.articles] == [True, True, None, None, True, False]  # cut.txt: cut off
    assert [article.line_count for article in columns.articles] == [len(a.lines) for a in articles]


def test_a_parsed_file_holds_its_text_once_in_arrow_not_in_its_articles():
    """A parsed file's articles keep no lines (their text would stay scattered over the heap through the
    whole parse); the file's lines are one Arrow array, from which combining reads an article's lines."""
    source = _source("a.txt", _seed_lines())
    parsed = parse_file(source)
    tables = file_tables(parsed)
    assert [article.lines for article in tables.articles] == [()] * len(parsed.articles)
    assert [article.without_lines() for article in parsed.articles] == tables.articles
    assert tables.lines["a.txt"].to_pylist() == list(source.lines)
    assert [tables.lines_of(article) for article in tables.articles] == [list(a.lines) for a in parsed.articles]


def test_combining_reads_the_lines_it_compares_and_quarantines_from_the_files():
    """A near-duplicate's similarity and a contested year's quarantined text come from the files' lines."""
    cut = _seed_lines()[:120]
    cut[100] = "egy megváltozott sor"
    combined = combine_tables([file_tables(parse_file(s)) for s in (_source("a.txt", _seed_lines()), _source("b.txt", cut))])
    sources = [_source("a.txt", _seed_lines()), _source("b.txt", cut)]
    # (the articles as split, with their lines: compared line by line)
    assert combined.duplicates == find_duplicates([a for source in sources for a in parse_file(source).articles])
    assert {d.kind for d in combined.duplicates} & {"near", "divergent"}
    source = _source("x.txt", _contested())
    contested = combine_tables([file_tables(parse_file(source))])
    quarantine = contested.parts["quarantine"]
    lines = quarantine.column("source_line").to_pylist()
    assert quarantine.column("text").to_pylist() == [source.lines[line - 1] for line in lines]
    assert quarantine.num_rows > 100


def test_combining_takes_the_files_columns_over_into_one_chunk_each():
    """Each file's table is removed from it as it is combined (memory holds one copy of a table at a time),
    and the combined columns are one chunk each, so that the frames and the published tables share them."""
    files = [file_tables(parse_file(_source(name, _seed_lines()[:count]))) for name, count in (("a.txt", 200), ("b.txt", 448))]
    combined = combine_tables(files)
    assert [file.parts for file in files] == [{}, {}]
    assert [file.lines for file in files] == [{}, {}]
    for name, table in combined.parts.items():
        assert all(column.num_chunks <= 1 for column in table.columns), name


def test_a_batch_of_files_gives_what_the_files_give_one_by_one():
    """Small files parsed as one batch (one set of tables) combine into the tables, row for row and in the
    same order, that the files parsed one by one give; the same when a file's article is a duplicate
    of another's (its rows stand in, sorted within its own file) and across batches."""
    lines = _seed_lines()
    sources = [
        _source("a.txt", lines[:120]),
        _source("b.txt", ["Egy jegyzet, nem évcikk.", "Második sora."]),
        _source("c.txt", lines),  # repeats a.txt's articles and more
        _source("d.txt", _contested()),
    ]
    one_by_one = combine_tables([file_tables(parse_file(source)) for source in sources])
    for grouping in ([sources], [sources[:2], sources[2:]], [sources[:1], sources[1:3], sources[3:]]):
        batched = combine_tables([files_tables([parse_file(source) for source in group]) for group in grouping])
        assert batched.duplicates == one_by_one.duplicates
        assert [s.name for s in batched.sources] == [s.name for s in one_by_one.sources]
        for name, table in one_by_one.parts.items():
            assert batched.parts[name].equals(table, check_metadata=True), name


def test_a_frames_dates_are_one_object_per_distinct_date():
    """A date column becomes ``datetime.date`` objects, the rows of one date sharing one (nulls as None)."""
    import datetime as dt

    from evkonyv.tables.build import shared_dates

    days = [dt.date(1956, 10, 23), None, dt.date(1956, 10, 23), dt.date(1956, 11, 4)]
    column = pyarrow.chunked_array([pyarrow.array(days[:2], pyarrow.date32()), pyarrow.array(days[2:], pyarrow.date32())])
    values = shared_dates(column)
    assert list(values) == days
    assert values[0] is values[2] and type(values[3]) is dt.date


def test_a_frames_lists_are_tuples_the_empty_ones_one_object():
    """A list column becomes tuples of strings (null stays None): an empty cell is the one empty tuple."""
    from evkonyv.tables.build import list_tuples

    column = pyarrow.chunked_array([pyarrow.array([["a"], [], None, ["b", "c"], []], pyarrow.list_(pyarrow.string()))])
    values = list_tuples(column)
    assert values == [("a",), (), None, ("b", "c"), ()]
    assert values[1] is values[4]


def test_how_a_line_s_file_was_read_is_looked_up_by_file():
    """source_encoding and encoding_uncertain come from the row's own file, column-wise; a row of a file
    not among those read is an error, not a row without an encoding."""
    from evkonyv.parsing.records import LineRole
    from evkonyv.tables.build import parsed_parts
    from evkonyv.tables.columns import SourceSummary

    sources = [SourceSummary("a.txt", "0" * 64, "utf-8", False, 2), SourceSummary("b.txt", "1" * 64, "cp1250", True, 1)]
    roles = [LineRole("b.txt", 1, None, "blank", "blank line"), LineRole("a.txt", 1, None, "blank", "blank line")]
    lines = parsed_parts([], [], roles, [], sources)["source_lines"]
    assert lines.column("source_encoding").to_pylist() == ["cp1250", "utf-8"]
    assert lines.column("encoding_uncertain").to_pylist() == [True, False]
    with pytest.raises(KeyError, match="source_lines"):
        parsed_parts([], [], [LineRole("c.txt", 1, None, "blank", "blank line")], [], sources)


def test_a_parsed_group_of_articles_is_let_go(tmp_path):
    """The parse holds the text of the groups not yet parsed only: a group handed on and dropped by its
    caller is gone (nothing keeps the file's articles, or its lines, whole)."""
    import gc

    from benchmarks.generate import generate
    from evkonyv.parsing.articles import Article
    from evkonyv.parsing.parse import parse_file_groups

    def articles_with_text() -> set[str]:
        gc.collect()
        return {o.article_id for o in gc.get_objects() if isinstance(o, Article) and o.lines and o.source_file == "joined.txt"}

    paths = generate(8, tmp_path, per_file=8)
    taken = [decode_source("joined.txt", b"".join(path.read_bytes() for path in paths))]
    groups = parse_file_groups(taken.pop(), max_lines=50)  # (an article a group)
    handed: list[str] = []
    for parsed in groups:
        assert parsed.source.lines == ()  # a group carries its file without the text
        handed.append(parsed.articles[0].article_id)
        del parsed
        assert not articles_with_text() & set(handed[:-1])  # every group before this one is gone
    assert len(handed) == 8 and not articles_with_text()


def test_taking_a_batch_empties_it_and_gives_the_same_tables():
    from evkonyv.tables.parts import take_tables

    sources = [_source("a.txt", _seed_lines()), _source("b.txt", _seed_lines()[:200])]
    for batch in (sources[:1], sources):
        expected = batch_tables(batch)
        taken = list(batch)
        got = take_tables(taken)
        assert taken == []
        assert got.sources == expected.sources and got.articles == expected.articles
        assert all(got.parts[name].equals(table) for name, table in expected.parts.items())


def test_the_parse_holds_no_copy_of_the_file_it_was_given(tmp_path):
    """Once a file is split, nothing of the parse holds the file as read (its lines whole): the source
    given, taken from its holder, is gone after the first group, in the parse here and in a pool's."""
    import gc
    import weakref

    from benchmarks.generate import generate
    from evkonyv.parsing.parse import parse_file_groups
    from evkonyv.tables.pool import ParsePool

    paths = generate(4, tmp_path, per_file=4)
    text = b"".join(path.read_bytes() for path in paths)
    taken = [decode_source("joined.txt", text)]
    given = weakref.ref(taken[0])
    groups = parse_file_groups(taken.pop(), max_lines=50)
    next(groups)
    gc.collect()
    assert given() is None
    list(groups)

    with ParsePool(2) as pool:
        taken = [decode_source("joined.txt", text)]
        given = weakref.ref(taken[0])

        # (the pool's parse, watched from its first job: the file given is gone by then)
        real_run = pool._run
        seen: list[object] = []

        def watching(work, *arguments):
            gc.collect()
            seen.append(given())
            return real_run(work, *arguments)

        pool._run = watching
        pool.source_tables(taken.pop(), 50)
        assert seen and all(source is None for source in seen)
