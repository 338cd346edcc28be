"""The Hungarian date grammar of year-article list items.

A list item starts with a date (``január 3. –``, ``június 13–16.``, ``szeptember –``,
``az év folyamán –`` ...) followed by a dash and its text. :func:`parse_date_prefix`
reads that prefix into a :class:`ParsedDate` and returns the rest of the line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from evkonyv.parsing.calendars import day_exists, first_day, iso_date, last_day
from evkonyv.parsing.hungarian import (
    APPROXIMATE_DATE_WORDS,
    DATE_PHRASES,
    DAY_FROM_ENDINGS,
    DAY_ON_ENDINGS,
    DAY_POSSESSIVE_ENDINGS,
    DAY_UNTIL_ENDINGS,
    MONTH_NAME_PATTERN,
    MONTH_ON_ENDINGS,
    MONTH_PART_BOUNDS,
    MONTH_PARTS,
    MONTH_PATTERN,
    MONTHS,
    NIGHT_BETWEEN_DAYS,
    ONE_OF_TWO,
    THIS_MONTH,
    TIMES_OF_DAY,
    WEEKDAYS,
    alternation,
)
from evkonyv.parsing.values import value_class
from evkonyv.vocabulary import PRECISIONS  # noqa: F401 - the precisions this module gives, importable here too

_MONTH = MONTH_PATTERN  # a name or an abbreviation ("okt.")
# A part of the month where the day would be ("június közepe –"): a month date (see data/month_parts.txt).
_MONTH_PART = "|".join(re.escape(part).replace(r"\ ", r"\s+") for part in sorted(MONTH_PARTS, key=len, reverse=True))
_DASH = "[–—-]"
# A month in the inessive, glued to its name ("márciusban", "márciusában"): in that month, a month date.
_IN_MONTH = "|".join(sorted(map(re.escape, MONTH_ON_ENDINGS), key=len, reverse=True))
# A dash between the date and the text; a colon stands for it in some articles ("március 28.: ..."), after a
# day written without its dot too ("szeptember 3: A párizsi béke ...").
# A comma stands for it after a day in a few ("március 4., A ..."), before a letter only ("március 4., 11. és
# 18. – ..." lists days; "március, április ..." months: no date).
_SEPARATOR = re.compile(rf"\s*(?P<sep>{_DASH}|:|,(?=\s+[^\W\d_]))?\s*")
# A dash after a range whose end repeats its start ("június 18. – 18. - ..."): the date ends there, so the
# repeated day is the date's, a range of one day; without it the day is the text's ordinal ("5. alkalommal").
_DASH_AFTER = re.compile(rf"\s*{_DASH}")
# The day in the temporal case, "on the 1st", before the dash ("január 1-jén – ...", "február 14-én – ..."):
# the day as a sentence writes it (see _ON_DAY), a day date all the same; so is its possessive, the date as
# a noun ("március 15-e – ...", "július 1-je – ..."). Endings: data/date_suffixes.tsv.
_DAY_ON = "|".join(sorted(map(re.escape, DAY_ON_ENDINGS), key=len, reverse=True))
_DAY_POSSESSIVE = "|".join(sorted(map(re.escape, DAY_POSSESSIVE_ENDINGS), key=len, reverse=True))
# A part of the day may stand between the day and the dash ("november 4-én hajnalban – ...": data/times_of_day.txt).
_TIME_OF_DAY = "|".join(sorted(map(re.escape, TIMES_OF_DAY), key=len, reverse=True))
_BEFORE_DASH = rf"(?=(?:\s+(?:{_TIME_OF_DAY}))?\s*{_DASH}\s)"
_ON_DAY_SUFFIX = rf"-(?:{_DAY_ON}|{_DAY_POSSESSIVE}){_BEFORE_DASH}"
# A range written with the day's cases, "from ... until ..." ("március 4-től 10-ig – ...", "július 26-tól
# augusztus 11-ig – ..."): the endings of data/date_suffixes.tsv (a day, from; a day, until).
_FROM_DAY = "|".join(sorted(map(re.escape, DAY_FROM_ENDINGS), key=len, reverse=True))
_UNTIL_DAY = "|".join(sorted(map(re.escape, DAY_UNTIL_ENDINGS), key=len, reverse=True))
# A day the item starts from or lasts until, with no other end ("július 4-től – ...", "július 4-ig – ..."):
# the day written is the date, flagged approximate_date (the item lies after or before it).
_BOUND_DAY = rf"(?P<bound>-(?:{_FROM_DAY}|{_UNTIL_DAY})){_BEFORE_DASH}"
# A day that is one of two ("március 3. vagy 4. – ...", "március 3/4. – ..."): the first is the date, flagged
# approximate_date, as a life-year marker's "1337 vagy 1338" is read (people.py).
_OR_DAY = rf"{ONE_OF_TWO}\d{{1,2}}\."
# A year written before a month in a case, without its dot ("1977 decemberében – ...", as the spelling rules
# write a year before a suffixed month): the dotless year stands only there ("1977. december 5." has its dot).
_YEAR_BEFORE_CASED_MONTH = rf"\s+(?=(?:{MONTH_NAME_PATTERN})(?:{_IN_MONTH})\s*{_DASH})"
# The postpositions "during" after two months ("március–április folyamán", "március és április során"), as
# data/month_parts.txt lists them after one.
_DURING = r"folyamán|során"
# The night between two days: "október 22-ről 23-ra virradó éjjel" (data/night_between_days.tsv), the range.
_WHENCE_DAY = "|".join(sorted(map(re.escape, NIGHT_BETWEEN_DAYS["whence"]), key=len, reverse=True))
_WHITHER_DAY = "|".join(sorted(map(re.escape, NIGHT_BETWEEN_DAYS["whither"]), key=len, reverse=True))
_DAWNING = "|".join(map(re.escape, NIGHT_BETWEEN_DAYS["dawning"]))
_DAY_DATE = re.compile(
    rf"""
    (?P<start>
        (?:(?P<y1>\d{{1,4}})(?:\.\s*|{_YEAR_BEFORE_CASED_MONTH}))?
        (?P<m1>{_MONTH})
        (?:
            # the day's case ending after its dot too, as the spelling before 1984 wrote it ("március 15.-én")
            \s+(?P<d1>\d{{1,2}})(?:\.?{_ON_DAY_SUFFIX}|\.?{_BOUND_DAY}|\.|(?=\s*{_DASH}\s*(?:\d|{_MONTH}))|(?P<no_dot>(?=\s+{_DASH}\s|:\s))
                                 |(?=-(?:{_FROM_DAY}|{_WHENCE_DAY})\s)|(?=/\d{{1,2}}\.)
                                 |(?=-(?:{_DAY_ON})\s+és\s+(?:(?:{_MONTH})\s+)?\d{{1,2}}-(?:{_DAY_ON}){_BEFORE_DASH})
                                 |(?=\s+és\s+(?:(?:{_MONTH})\s+)?\d{{1,2}}\.?\s+között(?:\s|$)))
          | \s+(?P<part>{_MONTH_PART})(?=\s*{_DASH})
          | (?P<in_month>{_IN_MONTH})(?=\s*{_DASH})
        )?
        (?P<extra_dots>(?:\s*\.(?!\d))+)?
    )
    (?:
        \s*{_DASH}\s*
        (?:(?P<y2>\d{{1,4}})\.\s*)?
        (?:
            (?P<m2>{_MONTH})(?:\s+(?P<d2a>\d{{1,2}})(?:\.|(?P<end_no_dot>(?=\s+{_DASH}\s))))?
          # the end's day with its dot, its temporal case ("március 3–4-én – ...") or, before a spaced dash, neither
          | (?P<d2b>\d{{1,2}})(?:\.|-(?:{_DAY_ON}){_BEFORE_DASH}|(?P<end_no_dot_b>(?=\s+{_DASH}\s)))
        )
        (?:\s+(?:között|{_DURING}))?  # "március 4–10. között", "március–április folyamán": the same range
        (?=\s|$)
      # two months joined by "és" (both: a range, as "március–április") or as one of two (the first, flagged
      # approximate_date, as a day one of two is): "március és április – ...", "március vagy április – ..."
      | (?:\s+(?P<both_months>és)\s+|(?P<either_month>{ONE_OF_TWO}))(?P<m6>{_MONTH})(?:\s+(?:{_DURING}))?(?=\s*{_DASH}\s)
      # "on the 4th and the 5th": "március 4. és 5. – ...", "december 31. és január 1. – ...": the two days bound it
      | \s+és\s+(?:(?P<m5>{_MONTH})\s+)?(?P<d2e>\d{{1,2}})\.(?=\s*{_DASH}\s)
      # the same in the temporal case, each day with its ending: "március 4-én és 5-én – ..."
      | -(?:{_DAY_ON})\s+és\s+(?:(?P<m8>{_MONTH})\s+)?(?P<d2g>\d{{1,2}})-(?:{_DAY_ON}){_BEFORE_DASH}
      # "from the 4th until the 10th": "március 4-től 10-ig", "július 26-tól augusztus 11-ig"
      | -(?:{_FROM_DAY})\s+(?:(?P<m4>{_MONTH})\s+)?(?P<d2d>\d{{1,2}})-(?:{_UNTIL_DAY})(?=\s|$)
      # the night between two days: "október 22-ről 23-ra virradó éjjel", "március 31-ről április 1-jére virradó éjszaka"
      | -(?:{_WHENCE_DAY})\s+(?:(?P<m7>{_MONTH})\s+)?(?P<d2f>\d{{1,2}})-(?:{_WHITHER_DAY})\s+(?:{_DAWNING})
        (?:\s+(?:{_TIME_OF_DAY}))?(?=\s*{_DASH}\s)
      # "between the 10th and the 14th": "december 10. és 14 között", "május 3. és június 2. között"
      | \s+és\s+(?:(?P<m3>{_MONTH})\s+)?(?P<d2c>\d{{1,2}})\.?\s+(?P<between>között)(?=\s|$)
    )?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PHRASES = DATE_PHRASES
# A year may stand before the phrase, as before a month in a case ("1970 nyarán – ...", "1848 tavaszán – ...": the
# summer of 1970), without its dot as the spelling rules write a year before a suffixed word (a dot is read too).
_PHRASE = re.compile(
    rf"(?:(?P<year>\d{{3,4}})\.?\s+)?(?:az?\s+)?(?P<phrase>{alternation(_PHRASES)})"
    rf"(?=\s*{_DASH}|\s*$)",  # (a dash after it, or nothing: the phrase alone, "tavasszal", dates the items below)
    re.IGNORECASE,
)
_CONTINUATION = re.compile(r"és\s+", re.IGNORECASE)
# A day in the temporal case opening a sentence: "Augusztus 31-én felszentelik ...", "Február 3-án ..."; or
# a month in the inessive: "Márciusban megkezdődik ...".
_ON_DAY = re.compile(
    rf"(?P<start>(?:(?P<y1>\d{{3,4}})\.\s*)?(?P<m1>{_MONTH})(?:\s+(?P<d1>\d{{1,2}})-(?:{_DAY_ON})|(?<!\.)(?:{_IN_MONTH}))),?\s+(?=\w)",
    re.IGNORECASE,
)
# What a list item may write between its date and the dash, part of the date as written: the weekday in
# brackets ("március 4. (kedd) – ...", a range's two, "(hétfő–kedd)"; data/weekdays.txt), or a word that makes the date approximate
# ("március 4. körül – ...", data/year_qualifiers.tsv; the record is flagged approximate_date).
_WEEKDAY = "|".join(map(re.escape, WEEKDAYS))
_APPROXIMATE = "|".join(map(re.escape, APPROXIMATE_DATE_WORDS))
_AFTER_DATE = re.compile(
    rf"(?:\s*\((?P<weekday>(?:{_WEEKDAY})(?:\s*{_DASH}\s*(?:{_WEEKDAY}))?)\)|\s+(?P<approximate>{_APPROXIMATE})"
    rf"|(?P<or_day>{_OR_DAY})(?:\s+(?:{_TIME_OF_DAY}))?"
    rf"|\s+(?P<time>{_TIME_OF_DAY}))(?=\s*(?:{_DASH}\s|:\s))",
    re.IGNORECASE,
)
# The form nearly every dated list item takes: a lower-case month, its day and dot, a spaced en dash and
# a text that opens with a letter but not with a month name ("március 15. – A pesti ..."). The grammar
# reads it as one day, nothing more (a digit or a month after the dash could open a range, a capital
# month is flagged): :func:`parse_date_prefix` reads it without the grammar's other alternatives, and
# gives what the grammar gives (tested on every labelled line and on generated near-misses).
_PLAIN_DAY = re.compile(rf"({MONTH_NAME_PATTERN}) ([0-9]{{1,2}})\. – (?=[^\W\d_])(?!(?i:{_MONTH}))")
# A word in the place of a month, followed by a day and a dash: a date whose month
# the grammar does not know ("janur 5. –").
_UNKNOWN_MONTH = re.compile(rf"(?:\d{{3,4}}\.\s*)?(?P<word>[^\W\d_]+)\s+\d{{1,2}}\.\s*{_DASH}")


@value_class
class ParsedDate:
    """A date as a year article writes it, with the interval it is known to lie in."""

    year: int
    month: int | None
    day: int | None
    end_year: int | None
    end_month: int | None
    end_day: int | None
    precision: str
    earliest: dt.date
    latest: dt.date
    text: str | None
    flags: tuple[str, ...] = ()


@value_class
class DatePrefix:
    """A parsed date and the text that follows it on the line."""

    date: ParsedDate
    rest: str


class UnknownDateError(ValueError):
    """A line starts like a date but its month is not a Hungarian month name."""


def whole_year(year: int, flags: tuple[str, ...] = ()) -> ParsedDate:
    """The date of an undated item: somewhere in ``year``."""
    return ParsedDate(year, None, None, None, None, None, "year", first_day(year), last_day(year), None, flags)


def is_plain_day_item(line: str) -> bool:
    """Whether ``line`` is a list item of the plain day form ("március 15. – A pesti ..."): it opens with a
    lower-case month, so no heading, navigation, reference, Nobel or other special line is one (tested)."""
    return _PLAIN_DAY.match(line) is not None


# The year :func:`is_day_item` reads a date in: a leap year, so that every day of every month is one.
_ANY_LEAP_YEAR = 2000


def is_day_item(line: str) -> bool:
    """Whether ``line`` is a list item that opens with a day's date in any form the grammar reads: the plain
    form ("március 15. – ...") by its one regular expression, any other by the grammar ("március 15 - ...",
    a hyphen for the dash as many pages write it, "március 15–16. – ...", "március 15.", a date alone above
    its items). Asked where the lines of a chronology are told from others (a copy that lost its head, a
    picture's caption under its placeholder), not of every line: the parse reads the plain form first."""
    if _PLAIN_DAY.match(line) is not None:
        return True
    try:
        prefix = read_date_prefix(line, _ANY_LEAP_YEAR)
    except UnknownDateError:
        return False
    return prefix is not None and prefix.date.day is not None


def parse_date_prefix(line: str, article_year: int) -> DatePrefix | None:
    """Read the date at the start of ``line``; ``None`` when the line has none.

    Raises :class:`UnknownDateError` when the line starts with a day and a dash
    after a word that is not a month name, so that it can be quarantined.

    Why two functions: most lines of a year article are in the plain day form ("március 15. – ..."),
    and reading the date is run once per line, the parse's hottest step. The plain form is answered here by
    one regular expression; every other line goes to :func:`read_date_prefix`, the whole grammar, which
    answers the plain form the same way (tests check the two agree on every labelled line and on generated
    ones), so a rule is only ever written there.
    """
    plain = _PLAIN_DAY.match(line)
    if plain is not None:
        month, day = MONTHS[plain[1]], int(plain[2])
        if 1 <= day <= 28 or day_exists(article_year, month, day):
            when = iso_date(article_year, month, day)
            date = ParsedDate(article_year, month, day, None, None, None, "day", when, when, line[: plain.end(2) + 1])
            return DatePrefix(date=date, rest=line[plain.end() :].strip())
    return read_date_prefix(line, article_year)


def read_date_prefix(line: str, article_year: int) -> DatePrefix | None:
    """:func:`parse_date_prefix` by the whole grammar, whatever the line's form."""
    return _of_another_year(_read_date_prefix(line, article_year), article_year)


def _of_another_year(prefix: DatePrefix | None, article_year: int) -> DatePrefix | None:
    """``prefix`` flagged ``date_of_another_year`` where its date names a year before the month or the
    phrase that is not the article's ("1969 márciusában – ..." in the article of 1970): dated as written."""
    if prefix is None or prefix.date.year == article_year:
        return prefix
    return replace(prefix, date=replace(prefix.date, flags=(*prefix.date.flags, "date_of_another_year")))


def _read_date_prefix(line: str, article_year: int) -> DatePrefix | None:
    flags: list[str] = []
    position = 0
    continuation = _CONTINUATION.match(line)
    if continuation and (_DAY_DATE.match(line, continuation.end()) or _PHRASE.match(line, continuation.end())):
        flags.append("continuation_line")
        position = continuation.end()

    phrase = _PHRASE.match(line, position)
    if phrase:
        precision, (m1, d1), (m2, d2) = _PHRASES[phrase["phrase"].casefold()]
        year = int(phrase["year"]) if phrase["year"] else article_year
        if precision == "day":  # a fixed feast ("vízkeresztkor"): its day
            date = single_date(year, m1, d1, phrase[0], flags)
            return _with_rest(line, phrase.end(), date, require_dash=True)
        date = ParsedDate(
            year,
            m1 if m1 == m2 and precision != "season" else None,  # "karácsony körül" lies in December
            None,
            None,
            None,
            None,
            precision,
            iso_date(year, m1, d1),
            iso_date(year, m2, d2),
            phrase[0],
            tuple(flags),
        )
        return _with_rest(line, phrase.end(), date, require_dash=True)

    match = _DAY_DATE.match(line, position)
    if match and match["y1"] and len(match["y1"]) <= 2 and int(match["y1"]) != article_year:
        before = _day_before_month(line, match, article_year, flags)
        if before is not None:
            return before
    if not match:
        unknown = _UNKNOWN_MONTH.match(line, position)
        if unknown and unknown["word"].casefold() not in MONTHS:
            raise UnknownDateError(f"unknown month name {unknown['word']!r}")
        return None
    if match["m1"][0].isupper():
        flags.append("capitalised_month")
    if any(name and name.endswith(".") for name in (match[group] for group in ("m1", "m6", *_END_MONTH_GROUPS))):
        flags.append("abbreviated_month")  # "okt. 28. – ..."
    if match["extra_dots"]:
        flags.append("doubled_dot")
    if match["no_dot"] is not None or match["end_no_dot"] is not None or match["end_no_dot_b"] is not None:
        flags.append("day_without_dot")  # "március 4 - Abraham Lincoln ...", "augusztus 15 - augusztus 28 - ..."
    ranged = _date_from_match(match, article_year, flags)
    end = match.end()
    if ranged is not None:
        date = ranged
    else:  # what looked like a range end is the start of the text
        date = single_date(*_start_of(match, article_year), _start_text(match, match.end("start")), flags)
        end = match.end("start")
    after = _AFTER_DATE.match(line, end) if date.day is not None else None
    if after is not None:
        end = after.end()
        date = replace(date, text=line[position:end].strip())
    if (
        (after is not None and (after["approximate"] or after["or_day"]))
        or (match["bound"] and date.end_day is None)
        or (match["part"] and match["part"].casefold() in MONTH_PART_BOUNDS)
        or match["either_month"]
    ):
        date = replace(date, flags=(*date.flags, "approximate_date"))
    if (
        match["d1"]
        and match["no_dot"] is None
        and match["between"] is None  # "március 4 és 10 között"
        and not match.string[match.end("d1") : end].strip(" ").startswith((".", "–", "—", "-", "/"))
    ):
        return None  # a day without its dot must start a range ("június 27 – 29.") or stand before a spaced dash
    return _with_rest(line, end, date, require_dash=date.day is None)


def _day_before_month(line: str, match: re.Match[str], article_year: int, flags: list[str]) -> DatePrefix | None:
    """ "5. január – ...": a number of one or two digits before a month alone, not the article's year, is a
    day written before its month (another language's order, flagged ``day_before_month``), not the year 5.
    With a day after the month ("5. január 6."), a part of it or a range, it is the year written (None here)."""
    if match["d1"] or match["part"] or match["in_month"] or match.end() != match.end("start"):
        return None
    month, day = MONTHS[match["m1"].casefold()], int(match["y1"])
    if not day_exists(article_year, month, day):
        return None
    date = single_date(article_year, month, day, match["start"].strip(), [*flags, "day_before_month"])
    return _with_rest(line, match.end("start"), date, require_dash=True)


# "a hónap végén – ...": a part of the month the item is listed under (data/this_month.txt, month_parts.txt).
_THIS_MONTH_WORDS = "|".join(re.escape(words).replace(r"\ ", r"\s+") for words in THIS_MONTH)
_THIS_MONTH_PART = re.compile(
    rf"(?P<phrase>(?:{_THIS_MONTH_WORDS})\s+(?:{_MONTH_PART}))(?=\s*(?:{_DASH}|:))",
    re.IGNORECASE,
)


def parse_this_month_part(line: str, article_year: int, month: int | None) -> DatePrefix | None:
    """A list item dated by a part of the month it is listed under ("a hónap végén – Sztrájk kezdődik.",
    under "Május"): a month date of ``month`` (the month heading above it, or the month of the dated item
    before it), as "május végén – ..." would be; ``None`` when the line has no such phrase or no month is
    known."""
    match = _THIS_MONTH_PART.match(line)
    if match is None or month is None:
        return None
    date = single_date(article_year, month, None, match["phrase"], ["month_from_context"])
    return _with_rest(line, match.end(), date, require_dash=True)


def parse_sentence_date(line: str, article_year: int) -> DatePrefix | None:
    """A list item written as a sentence that opens with its day in the temporal case
    ("Augusztus 31-én felszentelik az esztergomi bazilikát."): the day, and the sentence after it.

    Only for list items of a year article: in prose the same words open any sentence.
    """
    match = _ON_DAY.match(line)
    if not match:
        return None
    date = single_date(*_start_of(match, article_year), match["start"], ["date_in_sentence"])
    return _of_another_year(DatePrefix(date=date, rest=line[match.end() :].strip()), article_year)


def _start_of(match: re.Match[str], article_year: int) -> tuple[int, int, int | None]:
    year = int(match["y1"]) if match["y1"] else article_year
    return year, MONTHS[match["m1"].casefold()], int(match["d1"]) if match["d1"] else None


def _start_text(match: re.Match[str], end: int) -> str:
    return match.string[match.start("y1") if match["y1"] else match.start("m1") : end].strip()


# The groups of _DAY_DATE that hold a range's end, one per form of range (a match holds one at most): its
# month ("m6", the second of two months joined by "és" or "vagy", is read apart) and its day.
_END_MONTH_GROUPS = ("m2", "m3", "m4", "m5", "m7", "m8")
_END_DAY_GROUPS = ("d2a", "d2b", "d2c", "d2d", "d2e", "d2f", "d2g")


def _first_group(match: re.Match[str], groups: Sequence[str]) -> str | None:
    return next((match[group] for group in groups if match[group]), None)


def _date_from_match(match: re.Match[str], article_year: int, flags: list[str]) -> ParsedDate | None:
    year, month, day = _start_of(match, article_year)
    end_month_text = _first_group(match, _END_MONTH_GROUPS)
    if match["either_month"]:  # "március vagy április": one of two months, the first
        end_month_text = None
    elif match["both_months"]:  # "március és április": both, a range
        end_month_text = match["m6"]
    end_month = MONTHS[end_month_text.casefold()] if end_month_text else None
    end_day_text = _first_group(match, _END_DAY_GROUPS)
    end_day = int(end_day_text) if end_day_text else None
    end_year: int | None = int(match["y2"]) if match["y2"] else None
    is_range = end_month is not None or end_day is not None
    if is_range and day is None and end_day is not None:
        return None  # "szeptember – 3." is text after a month, not a range
    if is_range and day is not None and end_month is not None and end_day is None:
        return None  # "május 3. – június ..." : the text starts with a month word
    text = _start_text(match, match.end())
    if not is_range:
        return single_date(year, month, day, text, flags)
    end_month = end_month or month
    if end_year is None:
        end_year = year
        if (end_month, end_day or 0) < (month, day or 0):
            if end_month == month:
                return None  # "március 5. – 3. ..." is a day and then text, not a range
            end_year = year + 1
            flags.append("range_crosses_year")
    if day is not None and (end_year, end_month, end_day) == (year, month, day):
        if not _DASH_AFTER.match(match.string, match.end()):
            return None  # "március 5. – 5. alkalommal ..." is a day and then text (an ordinal), not a range
        return single_date(year, month, day, text, [*flags, "range_of_one_day"])  # "június 18. – 18. - ..."
    return date_range(year, month, day, end_year, end_month, end_day, text, flags)


def single_date(year: int, month: int, day: int | None, text: str, flags: list[str]) -> ParsedDate:
    """A date of one day (or of a month, ``day`` None); an impossible day keeps the month, flagged."""
    if day is None:
        return ParsedDate(
            year, month, None, None, None, None, "month", first_day(year, month), last_day(year, month), text, tuple(flags)
        )
    if not day_exists(year, month, day):
        flags.append("impossible_day")
        return ParsedDate(
            year, month, None, None, None, None, "invalid", first_day(year, month), last_day(year, month), text, tuple(flags)
        )
    when = iso_date(year, month, day)
    return ParsedDate(year, month, day, None, None, None, "day", when, when, text, tuple(flags))


def date_range(
    year: int, month: int, day: int | None, end_year: int, end_month: int, end_day: int | None, text: str, flags: list[str]
) -> ParsedDate:
    """A range of days (or of months, a day missing); an impossible day or an end before the start is flagged."""
    if day is None or end_day is None:
        earliest, latest = first_day(year, month), last_day(end_year, end_month)
        precision = "month"
        day = end_day = None
    elif not (day_exists(year, month, day) and day_exists(end_year, end_month, end_day)):
        flags.append("impossible_day")
        earliest, latest = first_day(year, month), last_day(end_year, end_month)
        precision = "invalid"
        day = end_day = None
    else:
        earliest, latest = iso_date(year, month, day), iso_date(end_year, end_month, end_day)
        precision = "day_range"
    if latest < earliest:
        flags.append("range_end_before_start")
        return ParsedDate(
            year, month, None, None, None, None, "invalid", first_day(year, month), last_day(year, month), text, tuple(flags)
        )
    return ParsedDate(year, month, day, end_year, end_month, end_day, precision, earliest, latest, text, tuple(flags))


def _with_rest(line: str, end: int, date: ParsedDate, *, require_dash: bool) -> DatePrefix | None:
    separator = _SEPARATOR.match(line, end)
    assert separator is not None  # the pattern matches the empty string
    flags = list(date.flags)
    if separator["sep"] == "," and date.day is None:  # ("március, április és május folyamán ...": a list of months)
        return None
    if separator["sep"] is None:
        if require_dash and line[end:].strip():
            return None  # ("Márciusban megkezdődik ...": a sentence, read by parse_sentence_date)
        # (nothing after a month or a phrase, "január–március", "tavasszal": a date alone, as "május 1." is)
        if end < len(line) and not line[end].isspace():
            if not (line[end - 1] == "." and line[end].isupper()):
                return None  # "május 20a" is not a date prefix
            flags.append("no_space_after_date")  # "január 16.Franklin D. Roosevelt ...": the sentence starts at once
        flags.append("missing_dash")
    elif separator["sep"] == "-":
        flags.append("ascii_hyphen_dash")
    elif separator["sep"] == ":":
        flags.append("colon_after_date")
    elif separator["sep"] == ",":
        flags.append("comma_after_date")
    rest = line[separator.end() :].strip()
    if len(flags) != len(date.flags):  # the separator added flags
        date = replace(date, flags=tuple(flags))
    return DatePrefix(date=date, rest=rest)
