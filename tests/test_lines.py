"""The line kinds of a year article: the cheap looks taken before a pattern agree with the pattern."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evkonyv.parsing.hungarian import MONTH_NAMES, MONTHS
from evkonyv.parsing.lines import SUB_HEADING, Heading, is_nobel_laureates, read_heading, sub_heading_title


def test_month_headings() -> None:
    assert read_heading("Október") == Heading("month", "Október", MONTHS["október"])
    assert read_heading(" Szeptember ") == Heading("month", "Szeptember", MONTHS["szeptember"])
    assert read_heading("== December ==") == Heading("month", "December", 12)
    assert read_heading("október") == Heading("month", "október", 10)  # alone on its line, lower case too: a heading
    assert read_heading("Október 23-án kitört a forradalom.") is None


_PIECES = st.sampled_from(["Forradalom", " Magyarországon", ":", " ", "\t", "\n", "x", "1956", ".", "–", "É", ": "])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_sub_heading_title_is_what_the_pattern_reads(line: str) -> None:
    match = SUB_HEADING.fullmatch(line)
    assert sub_heading_title(line) == (match["title"] if match else None)


def _no_kind_matches(line: str) -> bool:
    """What the year-article parse asks of a line before it reads it as a list item: every answer is no."""
    from evkonyv.parsing import lines
    from evkonyv.parsing.records import date_alone

    return (
        lines.read_heading(line) is None
        and lines.sub_heading_title(line) is None
        and date_alone(line, 1956) is None
        and not any(
            check(line)
            for check in (
                lines.is_blank, lines.is_navigation, lines.is_reference, lines.is_nobel_intro,
                lines.is_nobel_laureates, lines.is_topic_link, lines.is_cross_reference,
            )
        )
    )  # fmt: skip


def test_a_plain_day_item_is_no_other_kind_of_line_on_every_labelled_line() -> None:
    """The parse takes a plain day item ("március 15. – A ...") for a list item without the other looks."""
    from evkonyv.parsing.dates import is_plain_day_item
    from tests.helpers import labelled_lines

    plain = [line for line in labelled_lines() if is_plain_day_item(line)]
    assert len(plain) > 200
    assert [line for line in plain if not _no_kind_matches(line)] == []


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("március 15. – A pesti forradalom.", True),  # the plain form
        ("március 15. - A pesti forradalom.", True),  # a hyphen for the dash
        ("március 15 - A pesti forradalom.", True),  # the day without its dot
        ("június 13–16. – Moszkvában ...", True),  # a range of days
        ("január 1.", True),  # a date alone above its items
        ("Március 15. – A pesti forradalom.", True),  # a capitalised month (the grammar flags it)
        ("február 29. – Szökőnap.", True),  # every day of a month (the year is not known here)
        ("január", False),  # a month heading
        ("augusztus – A hónap eseménye.", False),  # a month, no day
        ("Március 15-én a pesti ifjúság ...", False),  # prose
        ("Évek: 1843 – 1844 – 1845", False),
        ("janur 5. – x", False),  # no month: the grammar quarantines such a line, it is no chronology's item
    ],
)
def test_a_day_item_is_read_in_every_form_of_its_date(line: str, item: bool) -> None:
    from evkonyv.parsing.dates import is_day_item

    assert is_day_item(line) is item


@settings(max_examples=300)
@given(
    st.sampled_from(sorted(MONTH_NAMES.values())),  # (the plain form writes the name)
    st.integers(1, 31),
    st.text(st.sampled_from("AaÉé Lásd még:Évek↑=Nobel-díj1957 az irodalomban.!?–-"), max_size=40),
)
def test_a_plain_day_item_is_no_other_kind_of_line(month: str, day: int, tail: str) -> None:
    from evkonyv.parsing.dates import is_plain_day_item

    line = f"{month} {day}. – A{tail}"
    assert is_plain_day_item(line)
    assert _no_kind_matches(line)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("1881 sporteseményei", "topic"),  # the year and a plural possessive: the year's sports events
        ("1986 új világörökségi helyszínei", "topic"),
        ("Fontosabb külföldi albumok", "topic"),  # a short noun phrase ending in a plural
        ("Albumok", "topic"),
        ("Fontosabb események", "topic"),
        ("Művészet, kultúra és divat", "topic"),  # topic headings joined by a comma and "és"
        ("Tudomány és technika", "topic"),
        ("Politika és társadalom", "topic"),  # one of the nouns a topic heading
        ("Magyar zene", "topic"),  # a topic heading after a demonym
        ("Külföldi irodalom", "topic"),  # or after an adjective of place in -i
        ("Színházi bemutatók", "topic"),  # a plural after a long ó/ő
        ("Színház és tánc", "topic"),  # the arts' topic headings (headings.tsv: Film, Színház, Tánc, ...)
        ("Film és televízió", "topic"),
        ("Zene – albumok", "topic"),  # a topic heading, a spaced dash, what its items are
        ("Az év albumai", "topic"),  # the year's ...: a possessed noun after "Az év"
        ("Az év sportolója", "topic"),
        ("január", "month"),  # a lower-case month alone on its line
        ("Március", "month"),
    ],
)
def test_headings_a_page_copy_keeps(line, kind):
    heading = read_heading(line)
    assert heading is not None and heading.opens == kind


@pytest.mark.parametrize(
    "line",
    [
        "Megalakulnak a szakszervezetek",  # a predicate and an article: an event
        "Kitör a háború",
        "Megszűnik a rabszolgaság",
        "Queen: Classic Queen",
        "Katona Klári - Neked",
        "1956 októberében kitör a forradalom",
        "Elkészül",
        "Árvíz és földrengés",  # a coordination of nouns that are no topic headings
        "Sport és Politika Kft. megalakul",
        "Háború és béke",  # two nouns, neither a topic heading
        "Az év végén",  # a time of the year, no possessed noun
        "Zene – Kodály Zoltán: Psalmus Hungaricus",  # after the dash a work, not the kind of the items
        "Gazdaság – bevezetik a forintot",  # after the dash a statement: no plural noun alone
        "Zene – megjelenik",  # a verb after the dash, no plural noun
        "Magyar Rádió",  # a demonym and a capitalised noun: a name
    ],
)
def test_items_that_are_no_headings(line):
    assert read_heading(line) is None


@pytest.mark.parametrize(
    ("line", "laureates"),
    [
        ("Fizikai Pjotr Leonyidovics Kapica, Arno Allan Penzias, Robert Woodrow Wilson", True),
        ("Orvosi-fiziológiai Werner Arber, Daniel Nathans, Hamilton O Smith", True),
        ("Béke Anvar Szadat és Menáhem Begin", True),
        ("Kémiai Peter D Mitchell", True),
        ("Irodalmi Nobel-díj: Albert Camus", True),
        ("Béke Párizsban", False),  # one capitalised word: no given name and family name
        ("Béke köttetik a felek között", False),  # lower-case words: a sentence, not a row of names
        ("Irodalmi est a Vigadóban Kosztolányi Dezső műveiből", False),
        ("Fizikus Albert Einstein előadása", False),  # no prize category
    ],
)
def test_a_row_of_the_nobel_laureates_table(line, laureates):
    assert is_nobel_laureates(line) is laureates


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("1957 a tudományban", True),
        ("Államok vezetőinek listája 1960-ban", True),  # the heading of modern articles linking to a list
        ("Megnyílik a híd 1960-ban", False),  # an article: a sentence
        ("Albert Camus francia író 1960-ban", False),  # a name: capitalised words
        ("[szerkesztés] 1957 a tudományban", True),  # the edit link a copy of the page keeps: static dumps,
        ("1957 a tudományban[szerkesztés]", True),  # desktop pages
        ("1957 a tudománybanszerkesztés", True),  # and mobile pages, the link's text glued on
    ],
)
def test_links_to_the_years_sub_articles(line, link):
    from evkonyv.parsing.lines import is_topic_link

    assert is_topic_link(line) is link


def test_a_headings_edit_link_read_past_or_alone_on_its_line():
    from evkonyv.parsing.lines import is_edit_link, read_heading

    assert read_heading("szerkesztésHatározott dátumú események").title == "Határozott dátumú események"
    assert read_heading("szerkesztésSzületések").opens == "births"
    assert [is_edit_link(line) for line in ("szerkesztés", "[szerkesztés]", "[ szerkesztés | forrás szerkesztése ]")] == [
        True
    ] * 3
    assert not is_edit_link("A szerkesztés lezárul.") and not is_edit_link("Születések[szerkesztés]")


def test_every_line_of_the_pages_head_data_is_read_as_the_pages_head():
    from evkonyv.parsing.hungarian import PAGE_HEAD
    from evkonyv.parsing.lines import PAGE_HEAD_OPENINGS, page_head_role

    assert PAGE_HEAD and all(page_head_role(line) is not None for line in PAGE_HEAD)
    assert all(line.startswith(PAGE_HEAD_OPENINGS) for line in PAGE_HEAD)  # (the split's cheap test lets them through)
    assert page_head_role("Megalakul a kormány.") is None and page_head_role("1849 sporteseményei") is None


def test_the_pages_title_is_the_year_alone_or_as_the_browsers_title_writes_it():
    from evkonyv.parsing.lines import page_head_role, page_title_year

    assert [page_title_year(line) for line in ("1849", "1849 – Wikipédia", "1849 - Wikipédia", " 632 ")] == [
        1849,
        1849,
        1849,
        632,
    ]
    assert page_title_year("1849 – Magyarország") is None and page_title_year("1849-ben") is None
    assert page_head_role("1977 – Wikipédia") == "the page's title (the year)"


@pytest.mark.parametrize(
    ("line", "pointer"),
    [
        ("Lásd még: 1903-ban alapított labdarúgóklubok listája", True),
        ("Főszócikk: 2002-ben elhunyt személyek listája", True),  # the compound in one word, as spelt
        ("Fő szócikk: 2002 a sportban", True),
        ("Lásd: Halálesetek 2002-ben", True),
        ("Omega: Szupernova", False),  # a work's credit, an item of the chronology
        ("Lásdmég: 2002", False),
    ],
)
def test_a_hatnote_pointing_to_another_article_is_told_by_its_words(line: str, pointer: bool) -> None:
    """The words of data/cross_references.txt before a colon."""
    from evkonyv.parsing import lines

    assert lines.is_cross_reference(line) is pointer
