import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evkonyv.parsing.dates import ParsedDate, UnknownDateError, parse_date_prefix, parse_sentence_date, read_date_prefix
from evkonyv.parsing.hungarian import DATE_PHRASES, MONTH_NAMES, MONTHS
from tests.helpers import labelled_lines

D = dt.date


def format_date(date: ParsedDate) -> str:
    """Write a day, day-range or month date back in the Hungarian list form."""
    if date.month is None:
        raise ValueError(f"cannot write a {date.precision} date as a month date")
    start = f"{date.year}. {MONTH_NAMES[date.month]}"
    if date.day is not None:
        start += f" {date.day}."
    if date.end_month is None:
        return start
    end = ""
    if date.end_year != date.year:
        end += f"{date.end_year}. "
    if date.end_month != date.month or date.end_year != date.year or date.end_day is None:
        end += MONTH_NAMES[date.end_month]
        if date.end_day is not None:
            end += f" {date.end_day}."
    else:
        end += f"{date.end_day}."
    return f"{start} – {end}"


@pytest.mark.parametrize(
    ("line", "precision", "start", "end", "date_text", "flags", "rest"),
    [
        ("január 3. – Rákosi", "day", D(1953, 1, 3), D(1953, 1, 3), "január 3.", (), "Rákosi"),
        ("június 13–16. – Moszkvában", "day_range", D(1953, 6, 13), D(1953, 6, 16), "június 13–16.", (), "Moszkvában"),
        ("október 1.–3. – Rákosi", "day_range", D(1953, 10, 1), D(1953, 10, 3), "október 1.–3.", (), "Rákosi"),
        (
            "szeptember 28–október 3. – Belgium",
            "day_range",
            D(1953, 9, 28),
            D(1953, 10, 3),
            "szeptember 28–október 3.",
            (),
            "Belgium",
        ),
        (
            "június 16.–július 4. Az 5. vb",
            "day_range",
            D(1953, 6, 16),
            D(1953, 7, 4),
            "június 16.–július 4.",
            ("missing_dash",),
            "Az 5. vb",
        ),
        (
            "november 22. – december 8. XVI. Nyári",
            "day_range",
            D(1953, 11, 22),
            D(1953, 12, 8),
            "november 22. – december 8.",
            ("missing_dash",),
            "XVI. Nyári",
        ),
        ("szeptember – Hadrendbe", "month", D(1953, 9, 1), D(1953, 9, 30), "szeptember", (), "Hadrendbe"),
        ("az év folyamán – Bostonban", "year", D(1953, 1, 1), D(1953, 12, 31), "az év folyamán", (), "Bostonban"),
        ("karácsony körül – Rákosi", "approximate", D(1953, 12, 17), D(1953, 12, 31), "karácsony körül", (), "Rákosi"),
        (
            "December 24. – Új-Zélandon",
            "day",
            D(1953, 12, 24),
            D(1953, 12, 24),
            "December 24.",
            ("capitalised_month",),
            "Új-Zélandon",
        ),
        ("május 20. Megjelenik a dal", "day", D(1953, 5, 20), D(1953, 5, 20), "május 20.", ("missing_dash",), "Megjelenik a dal"),
        (
            "július 13. - Günther Jauch",
            "day",
            D(1953, 7, 13),
            D(1953, 7, 13),
            "július 13.",
            ("ascii_hyphen_dash",),
            "Günther Jauch",
        ),
        (
            "és június 10. – június 17. Stockholm",
            "day_range",
            D(1953, 6, 10),
            D(1953, 6, 17),
            "június 10. – június 17.",
            ("continuation_line", "missing_dash"),
            "Stockholm",
        ),
        (
            "1957. január 5. – Eisenhower",
            "day",
            D(1957, 1, 5),
            D(1957, 1, 5),
            "1957. január 5.",
            ("date_of_another_year",),
            "Eisenhower",
        ),
        ("tavasszal – Árvíz", "season", D(1953, 3, 1), D(1953, 5, 31), "tavasszal", (), "Árvíz"),
        ("nyáron – Aszály", "season", D(1953, 6, 1), D(1953, 8, 31), "nyáron", (), "Aszály"),
        ("az év elején – Tél", "approximate", D(1953, 1, 1), D(1953, 4, 30), "az év elején", (), "Tél"),
        ("az év második felében – Válság", "approximate", D(1953, 7, 1), D(1953, 12, 31), "az év második felében", (), "Válság"),
        ("június 27 – 29. – Kongresszus", "day_range", D(1953, 6, 27), D(1953, 6, 29), "június 27 – 29.", (), "Kongresszus"),
        # a range whose end repeats its start, a dash after it: that one day (a 2006 layout's slip)
        (
            "június 18. – 18. - Aláírják",
            "day",
            D(1953, 6, 18),
            D(1953, 6, 18),
            "június 18. – 18.",
            ("range_of_one_day", "ascii_hyphen_dash"),
            "Aláírják",
        ),
        # a day before its month alone (another language's order), not the year 5
        (
            "5. január – Megnyílik a híd",
            "day",
            D(1953, 1, 5),
            D(1953, 1, 5),
            "5. január",
            ("day_before_month",),
            "Megnyílik a híd",
        ),
        # the same day again with no dash after it is the text's ordinal ("for the 5th time"), not a range
        (
            "március 5. – 5. alkalommal rendezik meg",
            "day",
            D(1953, 3, 5),
            D(1953, 3, 5),
            "március 5.",
            (),
            "5. alkalommal rendezik meg",
        ),
        ("április 5. . – Ülés", "day", D(1953, 4, 5), D(1953, 4, 5), "április 5. .", ("doubled_dot",), "Ülés"),
        ("február 30. – Tévedés", "invalid", D(1953, 2, 1), D(1953, 2, 28), "február 30.", ("impossible_day",), "Tévedés"),
        (
            "december 28. – január 3. – Ünnep",
            "day_range",
            D(1953, 12, 28),
            D(1954, 1, 3),
            "december 28. – január 3.",
            ("range_crosses_year",),
            "Ünnep",
        ),
        (
            "március 26. – 10 szocialista ország",
            "day",
            D(1953, 3, 26),
            D(1953, 3, 26),
            "március 26.",
            (),
            "10 szocialista ország",
        ),
    ],
)
def test_date_forms(line, precision, start, end, date_text, flags, rest):
    prefix = parse_date_prefix(line, 1953)
    assert prefix is not None
    assert prefix.date.precision == precision
    assert (prefix.date.earliest, prefix.date.latest) == (start, end)
    assert prefix.date.text == date_text
    assert prefix.date.flags == flags
    assert prefix.rest == rest


def test_a_short_number_before_a_month_is_a_year_with_a_day_after_it_or_as_the_articles_year():
    """Only a month alone after a number of one or two digits reads it as the day before the month: with a
    day after the month, or in the article of that year, the number is the year written."""
    full = parse_date_prefix("5. január 6. – Megnyílik", 1953).date
    assert (full.year, full.month, full.day, full.flags) == (5, 1, 6, ("date_of_another_year",))
    own = parse_date_prefix("5. január – Megnyílik", 5).date
    assert (own.year, own.month, own.day, own.precision, own.flags) == (5, 1, None, "month", ())


@pytest.mark.parametrize(
    ("line", "start", "end", "date_text", "flags", "rest"),
    [
        # two full dates, each day without its dot, hyphens for the dashes (the 2006 layouts)
        (
            "augusztus 15 - augusztus 28 - 16 ember hal meg",
            D(1991, 8, 15),
            D(1991, 8, 28),
            "augusztus 15 - augusztus 28",
            ("day_without_dot", "ascii_hyphen_dash"),
            "16 ember hal meg",
        ),
        # "between the 10th and the 14th": no dash, the text after "között"
        (
            "december 10. és 14 között Kolozsvár mellett csata zajlik",
            D(1991, 12, 10),
            D(1991, 12, 14),
            "december 10. és 14 között",
            ("missing_dash",),
            "Kolozsvár mellett csata zajlik",
        ),
        ("május 3. és június 2. között – ülésezik", D(1991, 5, 3), D(1991, 6, 2), "május 3. és június 2. között", (), "ülésezik"),
        ("március 4 és 10 között – ülésezik", D(1991, 3, 4), D(1991, 3, 10), "március 4 és 10 között", (), "ülésezik"),
        ("május 3 és június 2 között – ülésezik", D(1991, 5, 3), D(1991, 6, 2), "május 3 és június 2 között", (), "ülésezik"),
        ("március 4–10. között – ülésezik", D(1991, 3, 4), D(1991, 3, 10), "március 4–10. között", (), "ülésezik"),
        # "from ... until ...", the day's ablative and terminative (data/date_suffixes.tsv)
        ("március 4-től 10-ig – Ülésezik", D(1991, 3, 4), D(1991, 3, 10), "március 4-től 10-ig", (), "Ülésezik"),
        (
            "július 26-tól augusztus 11-ig – Olimpia",
            D(1991, 7, 26),
            D(1991, 8, 11),
            "július 26-tól augusztus 11-ig",
            (),
            "Olimpia",
        ),
        ("március 1-jétől 3-áig – Ülésezik", D(1991, 3, 1), D(1991, 3, 3), "március 1-jétől 3-áig", (), "Ülésezik"),
        # two days joined by "és": the event of both, bounded by them
        ("március 4. és 5. – Ülésezik", D(1991, 3, 4), D(1991, 3, 5), "március 4. és 5.", (), "Ülésezik"),
        # the same in the temporal case, each day with its ending (it read the first day, the text "és 5-én – ...")
        ("március 4-én és 5-én – Ülésezik", D(1991, 3, 4), D(1991, 3, 5), "március 4-én és 5-én", (), "Ülésezik"),
        (
            "március 31-én és április 1-jén – Ülésezik",
            D(1991, 3, 31),
            D(1991, 4, 1),
            "március 31-én és április 1-jén",
            (),
            "Ülésezik",
        ),
    ],
)
def test_ranges_written_as_two_dates(line, start, end, date_text, flags, rest):
    prefix = parse_date_prefix(line, 1991)
    assert prefix is not None
    assert (prefix.date.precision, prefix.date.earliest, prefix.date.latest) == ("day_range", start, end)
    assert (prefix.date.text, prefix.date.flags, prefix.rest) == (date_text, flags, rest)


@pytest.mark.parametrize(
    ("line", "month", "day", "end", "date_text", "flags"),
    [
        ("okt. 28. – Kitör a sztrájk", 10, 28, None, "okt. 28.", ("abbreviated_month",)),
        ("szept. 1–3. – Ülésezik", 9, 1, (9, 3), "szept. 1–3.", ("abbreviated_month",)),
        ("okt. 28.–nov. 4. – Tárgyalnak", 10, 28, (11, 4), "okt. 28.–nov. 4.", ("abbreviated_month",)),
        ("október 28.–nov. 4. – Tárgyalnak", 10, 28, (11, 4), "október 28.–nov. 4.", ("abbreviated_month",)),
    ],
)
def test_an_abbreviated_month_is_the_month(line, month, day, end, date_text, flags):
    """Every form of a month is data (data/months.tsv): "okt." names October as "október" does."""
    prefix = parse_date_prefix(line, 1991)
    assert prefix is not None
    assert (prefix.date.month, prefix.date.day) == (month, day)
    assert ((prefix.date.end_month, prefix.date.end_day) if end else None) == end
    assert (prefix.date.text, prefix.date.flags) == (date_text, flags)


def test_every_month_has_its_name_and_its_abbreviation():
    assert sorted(MONTH_NAMES) == list(range(1, 13))
    assert sorted(set(MONTHS.values())) == list(range(1, 13))
    assert all(sum(1 for number in MONTHS.values() if number == month) == 2 for month in range(1, 13))


def test_a_regnal_number_is_no_month():
    assert parse_date_prefix("X. Leó pápa kiátkozza Luthert", 1521) is None


def test_a_day_from_which_without_an_end_is_no_range():
    assert parse_date_prefix("március 4-től Megnyílik a metró", 1991) is None  # no end: no date the grammar reads


@pytest.mark.parametrize(
    "line",
    [
        "március 4. estére a tüntetők elérik a Parlamentet.",  # a part of the day in another case: text
        "március 4-től a metró jár.",  # a bound with no dash after it: no date the grammar reads
        "március 4. vagy 5 ember hal meg.",  # no dash: a count, not a day
    ],
)
def test_a_word_after_the_day_with_no_dash_after_it_is_no_part_of_the_date(line):
    prefix = parse_date_prefix(line, 1991)
    assert prefix is None or (prefix.date.text == "március 4." and "missing_dash" in prefix.date.flags)


@pytest.mark.parametrize(
    ("line", "precision", "first", "last"),
    [
        ("tavasz – Árvíz a Tisza mentén.", "season", D(1991, 3, 1), D(1991, 5, 31)),
        ("ősz – Árvíz a Tisza mentén.", "season", D(1991, 9, 1), D(1991, 11, 30)),
        ("tél – Árvíz a Tisza mentén.", "season", D(1991, 1, 1), D(1991, 12, 31)),  # either end of the year
        ("év végén – Árvíz a Tisza mentén.", "approximate", D(1991, 9, 1), D(1991, 12, 31)),
        ("az év első hónapjaiban – Árvíz a Tisza mentén.", "approximate", D(1991, 1, 1), D(1991, 4, 30)),
    ],
)
def test_a_season_in_the_nominative_and_a_part_of_the_year_without_its_article(line, precision, first, last):
    prefix = parse_date_prefix(line, 1991)
    assert prefix is not None
    assert (prefix.date.precision, prefix.date.earliest, prefix.date.latest, prefix.rest) == (
        precision,
        first,
        last,
        "Árvíz a Tisza mentén.",
    )


@pytest.mark.parametrize(
    ("line", "year", "first", "last"),
    [
        ("1970 nyarán – A Beatles feloszlik.", 1970, D(1970, 6, 1), D(1970, 8, 31)),  # the summer of the year
        ("1970. nyarán – A Beatles feloszlik.", 1970, D(1970, 6, 1), D(1970, 8, 31)),  # with the dot, misspelt
        ("1969 őszén – A Beatles feloszlik.", 1969, D(1969, 9, 1), D(1969, 11, 30)),  # another year: the year written
    ],
)
def test_a_year_before_a_season(line, year, first, last):
    """A year written before a date phrase, as before a month in a case ("1977 decemberében – ..."): the phrase
    in that year. Without the year, the same phrase is the article's year's."""
    prefix = parse_date_prefix(line, 1970)
    assert prefix is not None
    assert (prefix.date.year, prefix.date.precision, prefix.date.earliest, prefix.date.latest, prefix.rest) == (
        year,
        "season",
        first,
        last,
        "A Beatles feloszlik.",
    )
    assert prefix.date.text == line.split(" –")[0]
    assert ("date_of_another_year" in prefix.date.flags) == (year != 1970)


@pytest.mark.parametrize(
    ("line", "year", "flagged"),
    [
        ("1970. március 5. – Valami történik.", 1970, False),  # the article's own year, written out
        ("1969. március 5. – Valami történik.", 1969, True),
        ("1969 márciusában – Valami történik.", 1969, True),
        ("március 5. – Valami történik.", 1970, False),
    ],
)
def test_a_date_that_names_another_year_than_the_articles_is_flagged(line, year, flagged):
    prefix = parse_date_prefix(line, 1970)
    assert prefix is not None and prefix.date.year == year
    assert ("date_of_another_year" in prefix.date.flags) == flagged


def test_a_sentence_date_that_names_another_year_is_flagged():
    prefix = parse_sentence_date("1969. március 5-én felszentelik a templomot.", 1970)
    assert prefix is not None and prefix.date.year == 1969 and "date_of_another_year" in prefix.date.flags
    prefix = parse_sentence_date("Március 5-én felszentelik a templomot.", 1970)
    assert prefix is not None and "date_of_another_year" not in prefix.date.flags


def test_a_year_alone_before_the_dash_is_no_date_phrase():
    """Only a date phrase takes the year before it: a year and a dash, or a year and another word, stay text."""
    assert parse_date_prefix("1970 – A Beatles feloszlik.", 1970) is None
    assert parse_date_prefix("1970 nyári turnéja – A Beatles feloszlik.", 1970) is None


def test_a_day_and_a_word_after_and_is_no_range():
    prefix = parse_date_prefix("március 5. és Péter király", 1991)
    assert prefix is not None
    assert (prefix.date.precision, prefix.rest) == ("day", "és Péter király")


def test_range_fields_are_set_for_ranges_only():
    single = parse_date_prefix("január 3. – X", 1953).date
    assert (single.month, single.day, single.end_year, single.end_month, single.end_day) == (1, 3, None, None, None)
    span = parse_date_prefix("szeptember 28–október 3. – X", 1954).date
    assert (span.year, span.month, span.day, span.end_year, span.end_month, span.end_day) == (1954, 9, 28, 1954, 10, 3)


def test_impossible_day_keeps_month_and_drops_day():
    date = parse_date_prefix("február 29. – X", 1953).date
    assert (date.month, date.day, date.precision) == (2, None, "invalid")
    leap = parse_date_prefix("február 29. – X", 1956).date
    assert (leap.month, leap.day, leap.precision) == (2, 29, "day")


@pytest.mark.parametrize(
    "line",
    [
        "Október 23-án reggeltől zűrzavar",
        "1956 júniusának végén",
        "Elvis Presley lemezre veszi",
        "májusban X",  # (a month in the inessive is a date before a dash; in a sentence, see below)
        "Tavasszal esett",
    ],
)
def test_lines_without_a_date_prefix(line):
    assert parse_date_prefix(line, 1956) is None


@pytest.mark.parametrize(
    ("line", "month"),
    [("májusban – X", 5), ("Februárban – X", 2), ("szeptemberben – X", 9), ("márciusában – X", 3), ("januárjában – X", 1)],
)
def test_a_month_in_the_inessive_before_the_dash_is_a_month_date(line, month):
    """ "In May": the month with its case ending glued (data/date_suffixes.tsv), the day unknown."""
    prefix = parse_date_prefix(line, 1956)
    assert prefix is not None and (prefix.date.month, prefix.date.day, prefix.date.precision) == (month, None, "month")
    assert prefix.rest == "X"


def test_a_sentence_that_opens_with_a_month_in_the_inessive_is_dated_by_it():
    prefix = parse_sentence_date("Márciusban megkezdődik az építkezés.", 1877)
    assert prefix is not None and (prefix.date.month, prefix.date.day, prefix.date.precision) == (3, None, "month")
    assert prefix.rest == "megkezdődik az építkezés." and "date_in_sentence" in prefix.date.flags
    assert parse_sentence_date("A márciusban kezdődött ostrom véget ér.", 1877) is None


def test_a_sentence_that_opens_with_an_abbreviated_month_and_its_day_is_dated_by_them():
    prefix = parse_sentence_date("Okt. 28-án felszentelik a templomot.", 1856)
    assert prefix is not None and (prefix.date.month, prefix.date.day) == (10, 28)


def test_unknown_month_name_is_an_error():
    with pytest.raises(UnknownDateError, match="janur"):
        parse_date_prefix("janur 5. – Valami történt", 1953)


def test_same_month_range_must_go_forward():
    prefix = parse_date_prefix("március 5. – 3. századi lelet", 1953)
    assert prefix.date.precision == "day"
    assert prefix.rest == "3. századi lelet"


@st.composite
def dates(draw):
    year = draw(st.integers(1, 2100))
    start = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    kind = draw(st.sampled_from(["day", "range", "month"]))
    if kind == "day":
        return f"{start.year}. {MONTH_NAMES[start.month]} {start.day}."
    if kind == "month":
        return f"{start.year}. {MONTH_NAMES[start.month]}"
    end = (
        draw(st.dates(start + dt.timedelta(days=1), dt.date(year + 1, 12, 31)))
        if start.year < 2100 or start.month < 12
        else start
    )
    if end == start:
        return f"{start.year}. {MONTH_NAMES[start.month]} {start.day}."
    end_text = (
        f"{end.year}. {MONTH_NAMES[end.month]} {end.day}."
        if end.year != start.year
        else (f"{MONTH_NAMES[end.month]} {end.day}." if end.month != start.month else f"{end.day}.")
    )
    return f"{start.year}. {MONTH_NAMES[start.month]} {start.day}. – {end_text}"


@given(dates(), st.integers(1, 2100))
def test_written_back_dates_read_the_same(written, article_year):
    first = parse_date_prefix(f"{written} – Esemény", article_year)
    assert first is not None
    again = parse_date_prefix(f"{format_date(first.date)} – Esemény", article_year)
    assert again is not None
    for field in ("year", "month", "day", "end_year", "end_month", "end_day", "precision", "earliest", "latest"):
        assert getattr(again.date, field) == getattr(first.date, field), field


def test_a_month_name_the_case_blind_grammar_matches_is_read_not_a_crash():
    """The grammar ignores case as Python's patterns do, for which "ſ" (long s) is an "s": the month is
    looked up the same way (it raised a KeyError, which would have stopped the run)."""
    from evkonyv.parsing.people import find_other_year

    assert parse_date_prefix("ſzeptember 3. – Valami.", 1956).date.month == 9
    ranged = parse_date_prefix("január 5. – ſzeptember 9. Valami.", 1956).date
    assert (ranged.precision, ranged.end_month, ranged.end_day) == ("day_range", 9, 9)
    assert find_other_year("Kovács János († 1998. ſzeptember 5.)").month == 9


def _outcome(read, line: str, year: int):
    try:
        return read(line, year)
    except (UnknownDateError, ValueError) as error:
        return type(error), str(error)


@pytest.mark.parametrize("year", [1, 1600, 1900, 1953, 1956, 2000, 2023])
def test_the_plain_day_form_reads_as_the_whole_grammar_reads_it_on_every_labelled_line(year):
    """The short road for "március 15. – ..." gives what the whole grammar gives, line by line (stripped
    and as they stand), in leap and common years."""
    for line in labelled_lines():
        for text in (line, line.strip()):
            assert _outcome(parse_date_prefix, text, year) == _outcome(read_date_prefix, text, year), text


_NEAR_PLAIN = st.builds(
    "".join,
    st.lists(
        st.sampled_from(
            [
                *MONTHS,
                "Május",
                "ſzeptember",
                "JANUÁR",
                " ",
                "  ",
                "\u00a0",
                ".",
                "..",
                "–",
                "-",
                "—",
                ":",
                "0",
                "5",
                "29",
                "30",
                "31",
                "123",
                "A",
                "a",
                "ő",
                "Ő",
                "_",
                "(",
                "„",
                "3. század",
                "és ",
                "tavasszal",
                "\u2003",
                "\t",
            ]
        ),
        min_size=1,
        max_size=9,
    ),
)


@given(
    st.sampled_from([*MONTHS, "Május"]),
    st.sampled_from(["1", "05", "28", "29", "30", "31", "0", "99"]),
    _NEAR_PLAIN,
    st.sampled_from([1, 1900, 1953, 1956, 2000, 2024]),
)
def test_the_plain_day_form_reads_as_the_whole_grammar_reads_it_on_near_misses(month, day, tail, year):
    for line in (f"{month} {day}. – {tail}", f"{month} {day}. –{tail}", f"{month} {day} – {tail}", f"{month} {day}.{tail}"):
        assert _outcome(parse_date_prefix, line, year) == _outcome(read_date_prefix, line, year), line


def test_no_date_phrase_looks_like_a_plain_day():
    """The whole grammar tries the phrases first: the short road is sound while none opens with a month and a day."""
    assert not [
        phrase
        for phrase in DATE_PHRASES
        if phrase.split(" ")[0] in MONTHS and phrase[len(phrase.split(" ")[0]) :].lstrip()[:1].isdigit()
    ]


@pytest.mark.parametrize(
    ("line", "month", "text", "rest"),
    [
        ("június közepe – A város lakói fellázadnak.", 6, "június közepe", "A város lakói fellázadnak."),
        ("május elején – Megkezdődik az építés.", 5, "május elején", "Megkezdődik az építés."),
        ("december vége felé – Tűzvész pusztít.", 12, "december vége felé", "Tűzvész pusztít."),
        ("október folyamán – Országgyűlés Pozsonyban.", 10, "október folyamán", "Országgyűlés Pozsonyban."),
        ("január második felében – Tüntetések.", 1, "január második felében", "Tüntetések."),
        ("március első napjaiban – Árvíz.", 3, "március első napjaiban", "Árvíz."),
        ("június második fele – Sztrájk.", 6, "június második fele", "Sztrájk."),
        ("április utolsó hete – Zavargások.", 4, "április utolsó hete", "Zavargások."),
        ("január második hetében – Hideghullám.", 1, "január második hetében", "Hideghullám."),
        ("október harmadik hete – Választások.", 10, "október harmadik hete", "Választások."),
        ("május negyedik hetében – Árvíz.", 5, "május negyedik hetében", "Árvíz."),
    ],
)
def test_a_part_of_a_month_is_a_month_date(line, month, text, rest):
    prefix = parse_date_prefix(line, 1956)
    assert prefix is not None
    assert (prefix.date.month, prefix.date.day, prefix.date.precision, prefix.date.text, prefix.rest) == (
        month,
        None,
        "month",
        text,
        rest,
    )
    assert prefix.date.earliest == dt.date(1956, month, 1)


def test_a_part_of_a_month_needs_its_dash():
    assert parse_date_prefix("június közepén a város lakói fellázadnak.", 1956) is None  # a sentence, not a date prefix


@pytest.mark.parametrize(
    ("line", "month", "day", "text"),
    [
        ("január 1-jén – Életbe lép az új törvény.", 1, 1, "január 1-jén"),
        ("február 14-én – Bemutatják az új autót.", 2, 14, "február 14-én"),
        ("március 3-án – Sztrájk.", 3, 3, "március 3-án"),
    ],
)
def test_a_day_in_the_temporal_case_before_the_dash_is_a_day_date(line, month, day, text):
    prefix = parse_date_prefix(line, 1994)
    assert prefix is not None
    assert (prefix.date.month, prefix.date.day, prefix.date.precision, prefix.date.text) == (month, day, "day", text)
    assert prefix.rest == line.split(" – ", 1)[1]
    assert parse_date_prefix("március 3-án sztrájk kezdődik.", 1994) is None  # no dash: a sentence


@pytest.mark.parametrize(
    ("line", "day", "end_day", "date_text", "flags"),
    [
        # the weekday in brackets, part of the date as written (data/weekdays.txt)
        ("március 4. (kedd) – Megnyílik a metró.", 4, None, "március 4. (kedd)", ()),
        ("március 4. (Vasárnap): Megnyílik a metró.", 4, None, "március 4. (Vasárnap)", ("colon_after_date",)),
        ("március 4–5. (hétfő–kedd) – Megnyílik a metró.", 4, 5, "március 4–5. (hétfő–kedd)", ()),
        # a word that makes the date approximate (data/year_qualifiers.tsv)
        ("március 4. körül – Megnyílik a metró.", 4, None, "március 4. körül", ("approximate_date",)),
        ("március 4. táján – Megnyílik a metró.", 4, None, "március 4. táján", ("approximate_date",)),
        # the day's possessive, the date as a noun (data/date_suffixes.tsv)
        ("március 15-e – Megnyílik a metró.", 15, None, "március 15-e", ()),
        ("július 1-je – Megnyílik a metró.", 1, None, "július 1-je", ()),
        ("március 3-a – Megnyílik a metró.", 3, None, "március 3-a", ()),
        # a comma for the dash, before a letter
        ("március 4., Megnyílik a metró.", 4, None, "március 4.", ("comma_after_date",)),
        # a part of the day (data/times_of_day.txt), after the day's dot or its temporal case
        ("március 4. este – Megnyílik a metró.", 4, None, "március 4. este", ()),
        ("március 4-én hajnalban – Megnyílik a metró.", 4, None, "március 4-én hajnalban", ()),
        ("március 4. éjjelén – Megnyílik a metró.", 4, None, "március 4. éjjelén", ()),
        # a bound with no other end: the day, flagged
        ("március 4-től – Megnyílik a metró.", 4, None, "március 4-től", ("approximate_date",)),
        ("március 4-étől – Megnyílik a metró.", 4, None, "március 4-étől", ("approximate_date",)),
        ("március 4-ig – Megnyílik a metró.", 4, None, "március 4-ig", ("approximate_date",)),
        # one of two days: the first, flagged
        ("március 4. vagy 5. – Megnyílik a metró.", 4, None, "március 4. vagy 5.", ("approximate_date",)),
        ("március 4/5. – Megnyílik a metró.", 4, None, "március 4/5.", ("approximate_date",)),
        # a range whose end is in the temporal case, or has no dot before a spaced dash
        ("március 4–5-én – Megnyílik a metró.", 4, 5, "március 4–5-én", ()),
        ("március 4–5 – Megnyílik a metró.", 4, 5, "március 4–5", ("day_without_dot",)),
        # the day's case ending after its dot, as the spelling before 1984 wrote it
        ("március 4.-én – Megnyílik a metró.", 4, None, "március 4.-én", ()),
        ("március 4.-től – Megnyílik a metró.", 4, None, "március 4.-től", ("approximate_date",)),
        # one of two days and the night: the first, flagged; the night between two days: the range
        ("március 4/5. éjjel – Megnyílik a metró.", 4, None, "március 4/5. éjjel", ("approximate_date",)),
        ("március 4-ről 5-re virradó éjjel – Megnyílik a metró.", 4, 5, "március 4-ről 5-re virradó éjjel", ()),
        ("március 4-éről 5-ére virradó – Megnyílik a metró.", 4, 5, "március 4-éről 5-ére virradó", ()),
    ],
)
def test_what_a_list_item_writes_between_its_day_and_its_text(line, day, end_day, date_text, flags):
    prefix = parse_date_prefix(line, 1969)
    assert prefix is not None
    assert (prefix.date.month, prefix.date.day, prefix.date.end_day) == (3 if "július" not in line else 7, day, end_day)
    assert prefix.date.text == date_text and prefix.date.flags == flags
    assert prefix.rest == "Megnyílik a metró."


@pytest.mark.parametrize(
    "line",
    [
        "március 4., 11. és 18. – Ülések.",  # a comma before a day lists days: not read as the 4th alone
        "március, április és május folyamán esik.",  # a comma after a month lists months
        "március 4. (Kossuth) – X",  # a bracket that holds no weekday is the text's
    ],
)
def test_a_comma_or_a_bracket_that_is_no_part_of_the_date(line):
    prefix = parse_date_prefix(line, 1969)
    assert prefix is None or prefix.date.text == "március 4." and prefix.rest.startswith("(Kossuth)")


def test_a_sentence_that_opens_with_its_day_and_a_comma_is_dated_by_it():
    prefix = parse_sentence_date("Március 4-én, a kormány lemondása után, választást írnak ki.", 1969)
    assert prefix is not None and (prefix.date.month, prefix.date.day) == (3, 4)
    assert prefix.rest == "a kormány lemondása után, választást írnak ki."


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("március közepétől – Sztrájkok.", "március közepétől"),
        ("március végéig – Sztrájkok.", "március végéig"),
        ("március elejére – Sztrájkok.", "március elejére"),
    ],
)
def test_a_part_of_a_month_that_bounds_the_item_is_a_month_date_flagged(line, text):
    """From, until or by a part of the month (data/month_parts.txt): the month, flagged as a day's bound is."""
    prefix = parse_date_prefix(line, 1956)
    assert prefix is not None
    assert (prefix.date.month, prefix.date.day, prefix.date.precision, prefix.date.text) == (3, None, "month", text)
    assert prefix.date.flags == ("approximate_date",) and prefix.rest == "Sztrájkok."


@pytest.mark.parametrize(
    ("line", "end_month", "flags"),
    [
        ("március és április – Árvizek.", 4, ()),  # both months: a range, as "március–április"
        ("március–április folyamán – Árvizek.", 4, ()),
        ("március és április során – Árvizek.", 4, ()),
        ("március vagy április – Árvizek.", None, ("approximate_date",)),  # one of two: the first
        ("március/április – Árvizek.", None, ("approximate_date",)),
    ],
)
def test_two_months_joined_by_a_conjunction(line, end_month, flags):
    prefix = parse_date_prefix(line, 1956)
    assert prefix is not None
    assert (prefix.date.month, prefix.date.day, prefix.date.end_month, prefix.date.precision) == (3, None, end_month, "month")
    assert prefix.date.flags == flags and prefix.rest == "Árvizek."
    assert parse_date_prefix("március és április folyamán esik.", 1956) is None  # no dash: a sentence


@pytest.mark.parametrize(
    ("line", "precision", "month", "first", "last"),
    [
        ("nyár végén – Árvíz.", "season", None, D(1991, 8, 1), D(1991, 8, 31)),
        ("A nyár folyamán – Árvíz.", "season", None, D(1991, 6, 1), D(1991, 8, 31)),  # with its article
        ("kora tavasszal – Árvíz.", "season", None, D(1991, 3, 1), D(1991, 3, 31)),
        ("késő ősszel – Árvíz.", "season", None, D(1991, 11, 1), D(1991, 11, 30)),
        ("tél végén – Árvíz.", "season", None, D(1991, 2, 1), D(1991, 2, 28)),
        ("vízkeresztkor – Árvíz.", "day", 1, D(1991, 1, 6), D(1991, 1, 6)),  # a fixed feast: its day
        ("pünkösdkor – Árvíz.", "approximate", None, D(1991, 5, 10), D(1991, 6, 13)),  # a movable one: its bounds
    ],
)
def test_a_part_of_a_season_and_a_feast(line, precision, month, first, last):
    prefix = parse_date_prefix(line, 1991)
    assert prefix is not None
    assert (prefix.date.precision, prefix.date.month, prefix.date.earliest, prefix.date.latest) == (precision, month, first, last)
    assert prefix.rest == "Árvíz." and prefix.date.text == line.split(" – ")[0]


def test_a_year_before_a_month_in_a_case_needs_no_dot():
    prefix = parse_date_prefix("1991 decemberében – Aláírják a szerződést.", 1991)
    assert prefix is not None
    assert (prefix.date.year, prefix.date.month, prefix.date.day, prefix.date.precision) == (1991, 12, None, "month")
    assert prefix.rest == "Aláírják a szerződést." and prefix.date.text == "1991 decemberében"
    assert parse_date_prefix("1991 december 5. – Aláírják.", 1991) is None  # a day's year has its dot
    assert parse_date_prefix("1991 decemberében aláírják.", 1991) is None  # no dash: a sentence
