"""The dated statements of a prose article: every date expression, resolved as a careful reader would.

A prose article ("1956-os forradalom és szabadságharc") narrates: "Október 23-án reggeltől ...",
"Másnap ...", "1961. február 24-én ...". Each date expression of its paragraphs becomes one
:class:`TimelineEntry`, with the date it gives, how that date was found (:data:`BASES`) and the
sentence that holds it.

How a date without its year is resolved (the narrative year):

* Each paragraph (line) starts from the article's main year: the year in its title ("1956-os
  forradalom" gives 1956), else the year of its first explicit date.
* An explicit date that opens a sentence, possibly after a leading adverb ("1953-ban meghalt
  Sztálin ...", "Végül 1955 januárjában ..."), moves that year for the rest of the paragraph; one
  inside a sentence ("az 1954-ben félbeszakadt reformok") dates only itself.
* A month (and day) without a year takes the narrative year; a day alone ("24-én reggel") takes
  month and year from the date before it; a relative phrase ("Másnap", "ugyanezen a napon", "a
  következő évben") counts from the date before it.
* "The date before it" is the latest date of the same sentence, or of an earlier sentence that
  narrates: not an adjective dating a noun ("az október 23-i tüntetés" mentioned on the 25th) and
  not an explicit date inside a sentence. A relative year counts from the latest year of its
  paragraph, else from the narrative year.

What is not a date expression: adjectival years that name an event or period ("1956-os
forradalom", "1848-as"), law citations ("1990. évi XXVIII. törvény"), counts and numbers ("2652
magyar", "301-es parcella"), times of day ("18 órára"), and a day named as a holiday, which recurs
every year ("március 15-e nemzeti ünneppé nyilvánítását").

End matter (further reading, external links, sources) cites rather than narrates: those lines are
classified ``citation`` and give no rows (:func:`end_matter_start`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from evkonyv.parsing.calendars import day_exists, iso_date, last_day, roman_value
from evkonyv.parsing.dates import ParsedDate, whole_year
from evkonyv.parsing.hungarian import MONTH_NAMES, MONTHS, data_rows, data_words, month_day
from evkonyv.parsing.lines import is_blank, is_reference, opens_page_footer
from evkonyv.parsing.sentences import sentence_spans
from evkonyv.parsing.values import value_class
from evkonyv.reading.normalise import collapse_whitespace
from evkonyv.vocabulary import BASES, RELATIONS  # noqa: F401 - the bases and relations its rows take, importable here too

# --- language data (evkonyv/parsing/data) ---------------------------------------------------------

_ENDINGS: dict[tuple[str, str], tuple[str, str]] = {
    (unit, ending): (relation, form) for unit, ending, relation, form in data_rows("date_suffixes.tsv")
}
_PHRASES: dict[str, dict[str, tuple[str, str, str]]] = {}
for _row in data_rows("timeline_phrases.tsv"):
    _PHRASES.setdefault(_row[0], {})[_row[1]] = (_row[2], _row[3], _row[4])
SENTENCE_ADVERBS: frozenset[str] = frozenset(data_words("sentence_adverbs.txt"))
END_MATTER_HEADINGS: tuple[str, ...] = tuple(data_words("end_matter.txt"))

_LEGACY = str.maketrans("õûÕÛ", "őűŐŰ")  # ő and ű as Latin-1 text writes them ("1-tõl")


def _alternation(words: Sequence[str]) -> str:
    escaped = (re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))
    return "|".join(word.replace("ő", "[őõ]").replace("ű", "[űû]") for word in escaped)


def _endings(unit: str, forms: Sequence[str] = ("adverb", "adjective", "possessive")) -> str:
    return _alternation([ending for (u, ending), (_, form) in _ENDINGS.items() if u == unit and form in forms])


_MONTH = _alternation(list(MONTH_NAMES.values()))  # (prose writes the names)
_DAY_END = _endings("day")
_ADVERB_DAY_END = _endings("day", ("adverb",))
_MONTH_END = _endings("month")
_YEAR_END = _endings("year")
_POST = _endings("post")
_MONTH_PART = _alternation(list(_PHRASES["month_part"]))
_SEASON = _alternation(list(_PHRASES["season"]))
_YEAR_PART = _alternation(list(_PHRASES["year_part"]))
_RELATIVE = _alternation(list(_PHRASES["relative"]))
_PERIOD_END = _endings("period")
_PERIOD_PART = _alternation(list(_PHRASES["period_part"]))
_DECADE_WORD = _alternation(list(_PHRASES["decade_word"]))
_DECADE_TAIL = rf"\s+(?: (?:évek|évtized)(?P<end>{_PERIOD_END}) | évek\s+(?P<part>{_PERIOD_PART}) )(?![\w-])"
_NO_WORD_BEFORE = r"(?<![\w,/–-])(?<![\d\s]\.)(?<!^\.)"  # a dot glued to a word may end its sentence
_NOT_WORD_AFTER = r"(?![\w-])"

# The day of a date, with its dot or hyphenated ending, and a range or postposition after it.
_DAY = rf"(?P<d>\d{{1,2}})(?:\.(?!\d)|-(?P<dend>{_DAY_END}){_NOT_WORD_AFTER})"
_DAY_TAIL = rf"""
    (?:
        \s+és\s+(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})\.\s+(?P<between>közötti|között)
      | \s*[–-]\s*(?P<d3>\d{{1,2}})(?:\.(?!\d)|-(?P<d3end>{_DAY_END}){_NOT_WORD_AFTER})
    )?
"""
_POST_TAIL = rf"(?:\s+(?P<post>{_POST}){_NOT_WORD_AFTER})?"
_MONTH_TAIL = rf"""
    (?:
        (?P<mrange>[–-](?P<mlast>{_MONTH}))?(?P<mend>{_MONTH_END})?{_NOT_WORD_AFTER}
        (?:\s+(?P<part>{_MONTH_PART}){_NOT_WORD_AFTER})?
    )
"""

_PATTERNS: dict[str, re.Pattern[str]] = {
    # 1956. október 23-án, 1989. október 23. óta, 1958. június 9. és 15. között, 1956 júniusának végén
    "full": re.compile(
        rf"""{_NO_WORD_BEFORE}(?P<y>\d{{3,4}})(?P<ydot>\.)?\s+(?P<m>{_MONTH})
        (?: \s+{_DAY}{_DAY_TAIL} | {_MONTH_TAIL} ){_POST_TAIL}""",
        re.IGNORECASE | re.VERBOSE,
    ),
    # Október 23-án, november 4-i, október 23. és november 4. között, november-decemberben, december elején
    "month": re.compile(
        rf"""(?<![\w-])(?P<m>{_MONTH}) (?: \s+{_DAY}{_DAY_TAIL} | {_MONTH_TAIL} ){_POST_TAIL}""",
        re.IGNORECASE | re.VERBOSE,
    ),
    # 1955-ben, 1957-ig, 1956 után; 1948–1953 közötti
    "year": re.compile(
        rf"""{_NO_WORD_BEFORE}(?P<y>\d{{3,4}})
        (?: \s*[–-]\s*(?P<y2>\d{{2,4}})(?:-(?P<y2end>{_YEAR_END}){_NOT_WORD_AFTER}|\s+(?P<between>közötti|között){_NOT_WORD_AFTER})
          | -(?P<yend>{_YEAR_END}){_NOT_WORD_AFTER}{_POST_TAIL}
          | (?<=\d{{4}})\s+(?P<ypost>{_POST}){_NOT_WORD_AFTER}
          | \s+(?P<season>{_SEASON}){_NOT_WORD_AFTER}
        )""",
        re.IGNORECASE | re.VERBOSE,
    ),
    # az 1970-es években, az 1950-es évek elején
    "decade": re.compile(
        rf"""(?<![\w-])(?:az?\s+)?(?P<y>\d{{2,3}}0)-(?:as|es|os|ös)\s+
        (?: (?:évek|évtized)(?P<end>{_PERIOD_END}) | évek\s+(?P<part>{_PERIOD_PART}) ){_NOT_WORD_AFTER}""",
        re.IGNORECASE | re.VERBOSE,
    ),
    # a hatvanas években, a nyolcvanas évek végén (the century is the narrative year's)
    "decade_word": re.compile(rf"(?<![\w-])(?:az?\s+)?(?P<word>{_DECADE_WORD}){_DECADE_TAIL}", re.IGNORECASE | re.VERBOSE),
    # a 20. századi, XX. században, a 19. század végén
    "century": re.compile(
        rf"""{_NO_WORD_BEFORE}(?:(?P<c>\d{{1,2}})|(?P<roman>[IVXL]+))\.\s+század
        (?: (?P<end>{_PERIOD_END}) | \s+(?P<part>{_PERIOD_PART}) ){_NOT_WORD_AFTER}""",
        re.IGNORECASE | re.VERBOSE,
    ),
    # 24-én reggel (the month from the date before it)
    "day": re.compile(rf"{_NO_WORD_BEFORE}(?P<d>\d{{1,2}})-(?P<dend>{_ADVERB_DAY_END}){_NOT_WORD_AFTER}", re.IGNORECASE),
    "relative": re.compile(rf"(?<![\w-])(?P<phrase>{_RELATIVE}){_NOT_WORD_AFTER}", re.IGNORECASE),
    "season": re.compile(rf"(?<![\w-])(?P<phrase>{_SEASON}){_NOT_WORD_AFTER}", re.IGNORECASE),
    "year_part": re.compile(rf"(?<![\w-])(?P<phrase>{_YEAR_PART}){_NOT_WORD_AFTER}", re.IGNORECASE),
}
# A day named as a holiday recurs every year: "március 15-e nemzeti ünneppé", "október 23-a nemzeti ünnep lesz".
_HOLIDAY_AFTER = re.compile(r"(?:\s+\S+){0,2}?\s+\S*ünnep", re.IGNORECASE)  # matched right after the day


@value_class
class TimelineEntry:
    """One date expression of a prose article and the date it gives."""

    record_id: str
    article: str
    source_file: str
    source_line: int
    char_start: int
    char_end: int
    date: ParsedDate  # its text is the expression as written
    date_basis: str
    date_relation: str
    attributive: bool
    sentence: str
    quality_flags: tuple[str, ...]


@value_class
class _Mention:
    start: int
    end: int
    basis: str
    relation: str
    attributive: bool
    # explicit: the date; context_year: the date given a year; context_month: given (year, month);
    # relative: given the date it counts from
    build: Callable[..., ParsedDate | None]
    unit: str | None = None  # relative mentions: "day" or "year"
    flags: tuple[str, ...] = ()


@dataclass
class ProseReading:
    """What the reading of one prose line found."""

    entries: list[TimelineEntry] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # expressions nothing before them could date


# --- dates ---------------------------------------------------------------------------------------


def _date(year: int, month: int | None, day: int | None, precision: str, earliest: dt.date, latest: dt.date,
          end: tuple[int | None, int | None, int | None] = (None, None, None), flags: tuple[str, ...] = ()) -> ParsedDate:  # fmt: skip
    return ParsedDate(year, month, day, *end, precision, earliest, latest, None, flags)


def _day(year: int, month: int, day: int) -> ParsedDate:
    if not day_exists(year, month, day):
        return _month(year, month, ("impossible_day",))
    return _date(year, month, day, "day", iso_date(year, month, day), iso_date(year, month, day))


def _day_range(year: int, month: int, day: int, end_year: int, end_month: int, end_day: int) -> ParsedDate:
    if not (day_exists(year, month, day) and day_exists(end_year, end_month, end_day)):
        return _month(year, month, ("impossible_day",))
    first, last = iso_date(year, month, day), iso_date(end_year, end_month, end_day)
    if last < first:
        return _month(year, month, ("range_end_before_start",))
    return _date(year, month, day, "day_range", first, last, (end_year, end_month, end_day))


def _month(year: int, month: int, flags: tuple[str, ...] = ()) -> ParsedDate:
    return _date(year, month, None, "month", iso_date(year, month, 1), last_day(year, month), flags=flags)


def _month_range(year: int, month: int, end_month: int) -> ParsedDate:
    end_year = year if end_month >= month else year + 1
    return _date(
        year, month, None, "month_range", iso_date(year, month, 1), last_day(end_year, end_month), (end_year, end_month, None)
    )


def _month_part(year: int, month: int, first: int, last: int) -> ParsedDate:
    latest = iso_date(year, month, last) if last < 28 else last_day(year, month)  # 31: the month's last day
    return _date(year, month, None, "approximate", iso_date(year, month, first), latest)


def _within_year(year: int, precision: str, first: str, last: str) -> ParsedDate:
    start, end = month_day(first), month_day(last)
    return _date(year, None, None, precision, iso_date(year, *start), iso_date(year, *end))


def _years(year: int, end_year: int, precision: str = "year_range") -> ParsedDate:
    return _date(year, None, None, precision, iso_date(year, 1, 1), iso_date(end_year, 12, 31), (end_year, None, None))


def _shift(date: ParsedDate, unit: str, first: int, last: int) -> ParsedDate:
    if unit == "year":
        return whole_year(date.year + first) if first == last else _years(date.year + first, date.year + last)
    start = (date.latest if first > 0 else date.earliest) + dt.timedelta(days=first)
    return _day(start.year, start.month, start.day)


# --- finding the expressions ---------------------------------------------------------------------


def _ending(unit: str, ending: str | None) -> tuple[str, str]:
    if not ending:
        return "on", "adverb"
    return _ENDINGS[(unit, ending.lower().translate(_LEGACY))]


def _relation(unit: str, ending: str | None, post: str | None) -> tuple[str, bool]:
    """(relation, attributive) of an expression from its ending and postposition."""
    relation, form = _ending(unit, ending)
    if post:
        relation, form = _ending("post", post)
    return relation, form == "adjective"


def _month_number(name: str) -> int:
    return MONTHS[name.casefold()]  # (as a case-blind pattern matched it: "ſ" is an "s" to it)


def _flags_of(text: str, match: re.Match[str]) -> tuple[str, ...]:
    flags = []
    if "õ" in text or "û" in text:
        flags.append("legacy_letters")
    if match.re is _PATTERNS["full"] and not match.group("ydot") and match.group("d"):
        flags.append("year_without_dot")
    return tuple(flags)


def _calendar_mention(match: re.Match[str], explicit: bool) -> _Mention | None:
    """A year-month-day, year-month, month-day or month expression."""
    groups = match.groupdict()
    month = _month_number(groups["m"])
    post = groups.get("post")
    flags = _flags_of(match.group(), match)
    end_month: int | None
    end_day: int | None
    if groups.get("d"):
        day = int(groups["d"])
        if groups.get("between"):
            end_month = _month_number(groups["m2"]) if groups.get("m2") else month
            end_day, ending = int(groups["d2"]), None
            relation, attributive = "on", groups["between"] == "közötti"
        elif groups.get("d3"):
            end_month, end_day, ending = month, int(groups["d3"]), groups.get("d3end")
            relation, attributive = _relation("day", ending, post)
        else:
            end_month = end_day = None
            ending = groups.get("dend")
            if (
                ending
                and _ending("day", ending)[1] == "possessive"
                and not post
                and _HOLIDAY_AFTER.match(match.string, match.end())
            ):
                return None  # a holiday, not a date
            relation, attributive = _relation("day", ending, post)

        def build(year: int) -> ParsedDate:
            if end_day is None:
                return _day(year, month, day)
            assert end_month is not None
            end_year = year if (end_month, end_day) >= (month, day) else year + 1
            return _day_range(year, month, day, end_year, end_month, end_day)

    else:
        ending, part = groups.get("mend"), groups.get("part")
        last = _month_number(groups["mlast"]) if groups.get("mlast") else None
        if not ending and not part and not post:
            return None  # a month name alone, with no ending: not a date of the sentence
        relation, attributive = _relation("month", ending, post)
        if part:
            first_day, last_day_, relation = _PHRASES["month_part"][_phrase_key("month_part", part)]

            def build(year: int) -> ParsedDate:
                return _month_part(year, month, int(first_day), int(last_day_))

        elif last is not None:

            def build(year: int) -> ParsedDate:
                return _month_range(year, month, last)

        else:

            def build(year: int) -> ParsedDate:
                return _month(year, month)

    if explicit:
        year = int(groups["y"])
        return _Mention(match.start(), match.end(), "explicit", relation, attributive, lambda: build(year), flags=flags)
    return _Mention(match.start(), match.end(), "context_year", relation, attributive, build, flags=flags)


def _phrase_key(kind: str, written: str) -> str:
    folded = " ".join(written.lower().translate(_LEGACY).split())
    return next(phrase for phrase in _PHRASES[kind] if phrase == folded)


def _year_mention(match: re.Match[str]) -> _Mention | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("y2"):
        end = int(groups["y2"])
        if end < 100:  # "1948–53"
            end += year // 100 * 100
        if end <= year:
            return None
        relation, attributive = (
            ("on", groups["between"] == "közötti") if groups.get("between") else _relation("year", groups["y2end"], None)
        )
        return _Mention(match.start(), match.end(), "explicit", relation, attributive, lambda: _years(year, end))
    if groups.get("season"):
        first, last, relation = _PHRASES["season"][_phrase_key("season", groups["season"])]
        return _Mention(
            match.start(), match.end(), "explicit", relation, False, lambda: _within_year(year, "season", first, last)
        )
    relation, attributive = _relation("year", groups.get("yend"), groups.get("post") or groups.get("ypost"))
    return _Mention(
        match.start(),
        match.end(),
        "explicit",
        relation,
        attributive,
        lambda: whole_year(year),
        flags=_flags_of(match.group(), match),
    )


def _period_mention(kind: str, match: re.Match[str]) -> _Mention:
    """A decade or a century, whole or a part of it ("a 19. század végén": its last third)."""
    groups = match.groupdict()
    span = 100 if kind == "century" else 10
    if groups.get("part"):
        low, high, relation = _PHRASES["period_part"][_phrase_key("period_part", groups["part"])]
        first, last, precision = span * int(low) // 100, (span * int(high) + 99) // 100 - 1, "approximate"
        attributive = False
    else:
        first, last, precision = 0, span - 1, "century" if kind == "century" else "decade"
        relation, attributive = _relation("period", groups["end"], None)

    def build(start: int) -> ParsedDate:
        return _years(start + first, start + last, precision)

    if kind == "decade_word":  # the decade within the narrative year's century
        offset = int(_PHRASES["decade_word"][_phrase_key("decade_word", groups["word"])][0])
        return _Mention(
            match.start(), match.end(), "context_year", relation, attributive, lambda year: build(year // 100 * 100 + offset)
        )
    if kind == "decade":
        start = int(groups["y"])
    else:
        number = int(groups["c"]) if groups.get("c") else roman_value(groups["roman"].upper())
        start = (number - 1) * 100 + 1
    return _Mention(match.start(), match.end(), "explicit", relation, attributive, lambda: build(start))


def _mentions(text: str) -> list[_Mention]:
    """Every date expression of a line, left to right, none overlapping (the longest wins)."""
    found: list[tuple[int, int, _Mention]] = []
    for kind, pattern in _PATTERNS.items():
        for match in pattern.finditer(text):
            mention = _mention(kind, match)
            if mention is not None:
                found.append((mention.start, -(mention.end - mention.start), mention))
    chosen: list[_Mention] = []
    taken = -1
    for _, _, mention in sorted(found, key=lambda item: (item[0], item[1])):
        if mention.start >= taken:
            chosen.append(mention)
            taken = mention.end
    return chosen


def _mention(kind: str, match: re.Match[str]) -> _Mention | None:
    groups = match.groupdict()
    if kind == "full":
        return _calendar_mention(match, explicit=True)
    if kind == "month":
        return _calendar_mention(match, explicit=False)
    if kind == "year":
        return _year_mention(match)
    if kind in ("decade", "century", "decade_word"):
        return _period_mention(kind, match)
    if kind == "day":
        day = int(groups["d"])
        relation, _ = _relation("day", groups["dend"], None)
        return _Mention(match.start(), match.end(), "context_month", relation, False, lambda year, month: _day(year, month, day))
    phrase = _phrase_key(kind, groups["phrase"])
    first, last, relation = _PHRASES[kind][phrase]
    if kind == "relative":
        unit, first_offset = first.split(":")
        last_offset = int(last.split(":")[1])
        return _Mention(
            match.start(), match.end(), "relative", relation, False,
            lambda date: _shift(date, unit, int(first_offset), last_offset), unit=unit,
        )  # fmt: skip
    precision = "season" if kind == "season" else "approximate"
    return _Mention(
        match.start(), match.end(), "context_year", relation, False, lambda year: _within_year(year, precision, first, last)
    )


# --- the narrative -------------------------------------------------------------------------------


def main_year(title: str, lines: Sequence[str]) -> int | None:
    """The year a prose article is about: the one in its title, else that of its first explicit date."""
    in_title = re.search(r"(?<!\d)(\d{3,4})(?!\d)", title)
    if in_title:
        return int(in_title.group(1))
    for line in lines:
        for mention in _mentions(line):
            date = mention.build() if mention.basis == "explicit" else None
            if date is not None:
                return date.year
    return None


def _opens_sentence(text: str, sentence_start: int, start: int) -> bool:
    before = text[sentence_start:start].strip(' „"“«([–-').lower()
    return not before or before in SENTENCE_ADVERBS or all(word.strip(",") in SENTENCE_ADVERBS for word in before.split())


@value_class
class _Told:
    """A date already read, as later expressions may refer back to it."""

    date: ParsedDate
    paragraph: int
    sentence: int
    narrates: bool  # can anchor expressions of later sentences


class Narrative:
    """The reader's state across one article: its main year and the dates read so far."""

    def __init__(self, year: int | None) -> None:
        self.main_year = year
        self.told: list[_Told] = []

    def _anchor(self, paragraph: int, sentence: int, wanted: Callable[[ParsedDate], bool]) -> ParsedDate | None:
        for told in reversed(self.told):
            same_sentence = told.paragraph == paragraph and told.sentence == sentence
            if (same_sentence or told.narrates) and wanted(told.date):
                return told.date
        return None

    def read_line(self, text: str, paragraph: int) -> list[tuple[_Mention, ParsedDate | None, str]]:
        """The dated expressions of one paragraph, each with its date and its sentence."""
        spans = sentence_spans(text)
        starts = [start for start, _ in spans]
        year = self.main_year
        out: list[tuple[_Mention, ParsedDate | None, str]] = []
        for mention in _mentions(text):
            index = max(bisect.bisect_right(starts, mention.start) - 1, 0)  # the sentence it starts in
            sentence_start = spans[index][0] if spans else 0
            date: ParsedDate | None
            if mention.basis == "explicit":
                date = mention.build()
                if date is not None and not mention.attributive and _opens_sentence(text, sentence_start, mention.start):
                    year = date.year
                    narrates = True
                else:
                    narrates = False
            elif mention.basis == "context_year":
                date = mention.build(year) if year is not None else None
                narrates = not mention.attributive
            elif mention.basis == "context_month":
                anchor = self._anchor(paragraph, index, lambda d: d.month is not None)
                date = mention.build(anchor.year, anchor.month) if anchor else None
                narrates = True
            elif mention.unit == "day":
                anchor = self._anchor(paragraph, index, lambda d: d.precision in ("day", "day_range"))
                date = mention.build(anchor) if anchor else None
                narrates = True
            else:
                latest = self.told[-1] if self.told else None  # the paragraph's rows are the last ones told
                in_paragraph = latest.date if latest is not None and latest.paragraph == paragraph else None
                base = in_paragraph if in_paragraph is not None else (whole_year(year) if year is not None else None)
                date = mention.build(base) if base else None
                narrates = True
            if date is None:
                out.append((mention, None, ""))
                continue
            self.told.append(_Told(date, paragraph, index, narrates))
            sentence = text[spans[index][0] : spans[index][1]] if spans else text
            out.append((mention, date, sentence))
        return out


def entry_id(article: str, sentence: str, date_text: str, occurrence: int) -> str:
    """Stable id: the article, the whitespace-normalised sentence and the expression as written.

    Independent of the file and the line number; ``occurrence`` tells apart the same expression
    written twice in one sentence.
    """
    key = "\x1f".join(("timeline", article, collapse_whitespace(sentence), date_text, str(occurrence)))
    return f"timeline-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"


def read_prose(
    article: str,
    source_file: str,
    lines: Sequence[tuple[int, str]],
    title_year: int | None,
    line_flags: dict[int, tuple[str, ...]] | None = None,
) -> dict[int, ProseReading]:
    """The timeline entries of a prose article's narrating lines, by line number."""
    narrative = Narrative(title_year)
    seen: Counter[tuple[str, str]] = Counter()
    readings: dict[int, ProseReading] = {}
    for paragraph, (number, text) in enumerate(lines):
        reading = ProseReading()
        for mention, date, sentence in narrative.read_line(text, paragraph):
            written = text[mention.start : mention.end]
            if date is None:
                reading.unresolved.append(written)
                continue
            key = (collapse_whitespace(sentence), written)
            record_id = entry_id(article, sentence, written, seen[key])
            seen[key] += 1
            flags = tuple(dict.fromkeys((line_flags or {}).get(number, ()) + mention.flags + date.flags))
            dated = replace(date, text=written, flags=())  # the flags are the row's, below
            reading.entries.append(
                TimelineEntry(
                    record_id,
                    article,
                    source_file,
                    number,
                    mention.start,
                    mention.end,
                    dated,
                    mention.basis,
                    mention.relation,
                    mention.attributive,
                    sentence,
                    flags,
                )  # fmt: skip
            )
        readings[number] = reading
    return readings


# --- end matter ----------------------------------------------------------------------------------

_CITATION_MARKS = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:hu|com|org|net|ro|sk|de|at|uk|eu|info|gov|edu)\b|\bISBN\b|\((?:PDF|pdf)\)"
    r"|^[A-ZÁÉÍÓÖŐÚÜŰ][\w'’.-]*(?:\s+[A-ZÁÉÍÓÖŐÚÜŰ][\w'’.-]*){1,3}:\s"
)
_END_HEADING = re.compile(rf"(?:^|(?<=[\w.)”\"]))(?:{_alternation(END_MATTER_HEADINGS)}):?\s*$")
TITLE_MAX_CHARS = 250


def is_citation(line: str) -> bool:
    """A line of end matter: a web address, an ISBN, a PDF, "Author: Title", or a glued end-matter heading."""
    return bool(_CITATION_MARKS.search(line) or _END_HEADING.search(line.strip()))


def _title_like(line: str) -> bool:
    return len(line.strip()) <= TITLE_MAX_CHARS and len(sentence_spans(line)) <= 1


def end_matter_start(lines: Sequence[str]) -> int:
    """Index of the first line of the article's end matter (``len(lines)`` when it has none).

    The end matter is the longest run of lines at the end of the article that are each a citation,
    a reference, blank or title-like (one short sentence: a list item of further reading); it starts
    at its first citation or reference, so that a last short paragraph of the text stays text.
    """
    # the footer a copy of the page keeps below the article ("A lap utolsó módosítása: ...") ends it, whatever follows
    end = next((index for index, line in enumerate(lines) if opens_page_footer(line)), len(lines))
    start = end
    for index in range(end - 1, -1, -1):
        line = lines[index]
        if is_blank(line) or is_reference(line) or is_citation(line) or _title_like(line):
            start = index
        else:
            break
    while start < end and not (is_reference(lines[start]) or is_citation(lines[start])):
        start += 1
    return start
