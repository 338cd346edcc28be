"""The grammar of English Wikipedia year articles: where an article starts, its year, its headings, the
dates of its list items and its people-list lines.

What it reads is handed to the same assembly as the Hungarian grammar's
(:func:`~evkonyv.parsing.records.assemble_records`): the section model, the dating of undated events, the
ids and the line roles know no language. The words it relies on are data in ``data/en/``, each file naming
its source.

The export format is the one of the Hungarian exports: the article's plain text, list bullets stripped (one
list item per line), headings usually gone. An article starts at its lead ("Year 1123 (MCXXIII) was a
common year ...") or at the navigation above it ("Decades: ...", "Years: 1120 1121 1122 – 1123 – 1124 ...");
its year is the lead's (checked against its Roman numeral) or the centre of the ``Years:`` window. A list
item reads ``January 29 – text`` (or ``29 January –``, ``July 21 - text``), a day alone (``March 18 –``)
dates the items below it, and a person is ``Name, description (d. 1250)``: ``(d. ...)`` gives a birth its
death year, ``(b. ...)`` a death its birth year.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container, Mapping, Sequence
from pathlib import Path

from evkonyv.parsing.articles import Article
from evkonyv.parsing.calendars import roman_value
from evkonyv.parsing.dates import ParsedDate, date_range, single_date
from evkonyv.parsing.hungarian import alternation, data_rows, data_words, site_lines
from evkonyv.parsing.lines import furniture_lines, is_blank, opens_page_footer
from evkonyv.parsing.people import OtherYear, Person
from evkonyv.parsing.records import (
    ArticleResult,
    LineMark,
    LineRole,
    ListItem,
    PersonLine,
    SectionEvidence,
    assemble_records,
    item_shapes,
    quarantine_article,
)
from evkonyv.parsing.sections import LineShape

DATA = Path(__file__).resolve().parent / "data" / "en"

_MONTH_ROWS = data_rows("months.tsv", DATA)
# Every form a date may write a month in, lower case, and the month's number.
MONTHS: dict[str, int] = {form: int(number) for form, number, _ in _MONTH_ROWS}
# A month as a date writes it: capitalised ("January", "Sept."); one escaped pattern of every form.
MONTH_PATTERN = alternation(form.capitalize() for form in MONTHS)
_HEADING_ROWS = data_rows("headings.tsv", DATA)
HEADINGS: dict[str, str] = {heading.casefold(): kind for kind, heading in _HEADING_ROWS}
# The heading of each record section as a page writes it: the first of its kind in headings.tsv.
SECTION_TITLES: dict[str, str] = {kind: next(h for k, h in _HEADING_ROWS if k == kind) for kind in ("events", "births", "deaths")}
# The marker word before the other life year, and which year it gives: "d." a death year (on a birth).
LIFE_MARKERS: dict[str, str] = dict(data_rows("life_markers.tsv", DATA))  # type: ignore[arg-type]
NAME_WORDS: frozenset[str] = frozenset(data_words("name_words.txt", DATA))
# A statement of the events that tells a birth ("Prince Henry is born"): no evidence of a death (data/en/birth_words.txt).
_TELLS_BIRTH = re.compile(rf"(?<!\w)(?:{alternation(data_words('birth_words.txt', DATA))})", re.IGNORECASE)
INFOBOX: tuple[str, ...] = tuple(data_words("infobox.txt", DATA))
# Words that open a sentence and never a name: a line opening with one is no people-list entry.
SENTENCE_OPENERS: frozenset[str] = frozenset(data_words("sentence_openers.txt", DATA))

_DASH = "[–—-]"
_AFTER_DATE = rf"(?:\s*(?:{_DASH}|:)\s*|\s*$)"  # the dash (or colon) after a date, or the end of the line
_CIRCA = r"(?:(?:c\.|ca\.|circa)\s*)?"  # "c. February–March -": a date given as approximate (kept in date_text)
_DATE_FORMS = [
    # "January 29 – February 3 –": a range over two months
    re.compile(
        rf"{_CIRCA}(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}})\s*{_DASH}\s*(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})\b{_AFTER_DATE}"
    ),
    # "March 18–27 –": a range of days
    re.compile(rf"{_CIRCA}(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}})\s*{_DASH}\s*(?P<d2>\d{{1,2}})\b{_AFTER_DATE}"),
    # "January 29 –"
    re.compile(rf"{_CIRCA}(?P<m1>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}})\b{_AFTER_DATE}"),
    # "29 January –" (the day first, as British English writes it)
    re.compile(rf"{_CIRCA}(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})(?![\w]){_AFTER_DATE}"),
    # "March–August –": a range of months
    re.compile(rf"{_CIRCA}(?P<m1>{MONTH_PATTERN})\s*{_DASH}\s*(?P<m2>{MONTH_PATTERN})(?![\w]){_AFTER_DATE}"),
    # "June –": a month
    re.compile(rf"{_CIRCA}(?P<m1>{MONTH_PATTERN})(?![\w])\s*(?:{_DASH}|:)\s*"),
]
# The lead of a year article: "Year 1123 (MCXXIII) was a common year ...", "AD 3 (III) was ...".
# "Year 212 BC was a year of the pre-Julian Roman calendar.": the word "Year" or the numeral tells it
# from a sentence that opens with a year.
_LEAD = re.compile(
    r"(?:(?P<word>Year |The year |AD )(?P<year>\d{1,4})(?P<bc> BC)?(?: AD)?(?: \((?P<roman>[MDCLXVI]+)(?: BC)?\))?"
    r"|(?P<bare>\d{1,4})(?P<bare_bc> BC)?(?: AD)? \((?P<bare_roman>[MDCLXVI]+)(?: BC)?\))"
    r"(?: or \d{1,4} AD)? (?:was|is|will be)\b"
)
_NAVIGATION = re.compile(r"(?:Millennium|Centuries|Decades|Years)\s*:")
_YEARS_WINDOW = re.compile(r"Years\s*:(?P<window>.*)")
_BEFORE_COMMON_ERA = re.compile(r"\bBC\b")
_WIKI_HEADING = re.compile(r"\s*(?P<level>={1,6})\s*(?P<title>[^=].*?)\s*(?P=level)\s*")
_EDIT_LINK = re.compile(r"\s*(?:\[edit\]|\bedit)\s*$")
# An entry of the table of contents a copy of the page keeps under "Contents": a section number and the
# title of a heading of the article ("1 Events", "1.1 January–March"), or the box's toggle ("[hide]").
_CONTENTS_ENTRY = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+(?P<title>\S.*?)|\[(?:hide|show)\])\s*\|?\s*")
_QUARTER = re.compile(rf"(?:{MONTH_PATTERN})\s*{_DASH}\s*(?:{MONTH_PATTERN})")
_REFERENCE = re.compile(r"\s*(?:\d+\.\s*)?[\^↑]")
# "(d. 1250)", "(b. c. 150)", "(died 1678)", "(b 168)": the other life year.
_MARKER = re.compile(
    rf"\((?P<word>{alternation(LIFE_MARKERS)})\s*(?P<about>(?:c\.|ca\.|circa|AD)\s*)?(?P<year>\d{{1,4}})(?:\s*AD)?\)\.?"
)
AUXILIARIES: frozenset[str] = frozenset(data_words("auxiliaries.txt", DATA))
# A clause with a finite verb after the name: "..., which had begun", "..., dies after", "..., completes his",
# "..., are expelled", "..., spends 2 years". A plural noun in a list of descriptions ("priests, martyrs and
# saints", "officials of ...") is followed by "and", "or" or "of", never by the rest of a clause.
_PREDICATE = re.compile(
    rf"(?:^|,\s+)(?:who|which|whose|that)\b|,\s+(?:[a-z]+(?:s|ed)|{alternation(AUXILIARIES)})\s+(?!and\b|or\b|of\b)\S"
)
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
MAX_NAME_WORDS = 7
# The lead's paragraph may run on over a second line: a line of the article's head naming the calendar
# or the era is the lead's, not a list item.
_LEAD_WORDS = re.compile(alternation(data_words("lead_phrases.txt", DATA)))


def starts_year_article(line: str) -> bool:
    """Whether ``line`` opens the head of an English year article (its lead or its navigation)."""
    return _LEAD.match(line) is not None or _NAVIGATION.match(line) is not None


def _in_infobox(line: str) -> bool:
    return line.lstrip().startswith(INFOBOX)


_PAGE_HEAD = frozenset(data_words("page_head.txt", DATA))
PAGE_FOOTER: tuple[str, ...] = tuple(data_words("page_footer.txt", DATA))
IMAGE_LINKS: frozenset[str] = frozenset(data_words("image_links.txt", DATA))  # a picture's enlarge link ("Enlarge")
SITE_CHROME, PICTURE_PLACEHOLDERS = site_lines(DATA).values()
_PAGE_TITLE = re.compile(r"\s*(?:AD )?\d{1,4}(?: AD)?\s*")


# The hatnotes en.wikipedia's templates put above an article ({{About}}, {{Other uses}}, {{Distinguish}},
# {{For}}): "This article is about the year 1123. For the number, see ...", "For other uses, see 1123
# (disambiguation).", "Not to be confused with ...". They belong to the article under them.
_HATNOTE = re.compile(
    r"\s*(?:This article is about\b|For other uses\b|Not to be confused with\b|For the [^,]{1,60}, see\b|.{0,200}\(disambiguation\))"
)


def _is_page_head(line: str) -> bool:
    """A line a copy of the page keeps above the article's head: its title (the year), the site's tagline
    and menus (data/en/page_head.txt), or a hatnote."""
    return line.strip() in _PAGE_HEAD or _PAGE_TITLE.fullmatch(line) is not None or _HATNOTE.match(line) is not None


def _page_head_above_article(lines: Sequence[str], index: int) -> bool:
    """Whether the page's head lines from ``index`` on (blank lines between them) lead to a year article's head."""
    for line in lines[index : index + 12]:
        if starts_year_article(line):
            return True
        if not (is_blank(line) or _is_page_head(line)):
            return False
    return False


def is_head_line(line: str) -> bool:
    """A line of a year article's head: its lead, its navigation, a line of its infobox, or a line of the page's
    head above them."""
    return starts_year_article(line) or _in_infobox(line) or _is_page_head(line)


def split_articles(source_file: str, lines: Sequence[str]) -> list[Article]:
    """The articles of an English export: a year article from the first line of its head (lead or
    navigation) to the line before the next head; text before the first one is a prose article."""
    spans: list[tuple[int, int, str]] = []
    start, kind, last_text, previous_head = 0, "", -1, False
    for index, line in enumerate(lines):
        if is_blank(line):
            continue
        starts = starts_year_article(line) or (_is_page_head(line) and _page_head_above_article(lines, index))
        if starts and not previous_head or not kind:
            if kind and last_text >= start:
                spans.append((start, last_text, kind))
            start, kind = index, "year" if starts else "prose"
        previous_head = starts or _in_infobox(line)
        last_text = index
    if kind and last_text >= start:
        spans.append((start, last_text, kind))
    return [_article(source_file, lines, first, last, kind) for first, last, kind in spans]


def _article(source_file: str, lines: Sequence[str], first: int, last: int, kind: str) -> Article:
    body = tuple(lines[first : last + 1])
    year, problem = _year(body) if kind == "year" else (None, None)
    title = str(year) if year is not None else (f"year article at line {first + 1}" if kind == "year" else body[0][:60])
    complete = (
        any(_REFERENCE.match(line) or HEADINGS.get(_heading_title(line) or "") == "end" for line in body)
        if kind == "year"
        else None
    )
    digest = hashlib.sha256("\n".join(body).encode("utf-8")).hexdigest()
    return Article(source_file, first + 1, last + 1, kind, title, year, body, digest, problem, complete, language="en")


def _year(body: Sequence[str]) -> tuple[int | None, str | None]:
    """The year of an article's head: the lead's (its Roman numeral agreeing), else the ``Years:`` window's centre."""
    head = [line for line in body[:12] if is_head_line(line)]
    lead = next((match for line in head if (match := _LEAD.match(line))), None)
    if (
        lead is not None
        and (lead["bc"] or lead["bare_bc"])
        or any(_BEFORE_COMMON_ERA.search(line) for line in head if _YEARS_WINDOW.match(line))
    ):
        return None, "a year before the Common Era, which the tables do not hold"
    if lead is not None:
        year, numeral = int(lead["year"] or lead["bare"]), lead["roman"] or lead["bare_roman"]
        if numeral and roman_value(numeral) != year:
            return None, f"the lead's year {year} and its numeral {numeral} disagree"
        return year, None
    window = next((match["window"] for line in head if (match := _YEARS_WINDOW.match(line))), None)
    numbers = [int(number) for number in re.findall(r"\d{1,4}", window or "")]
    if len(numbers) % 2 == 0:
        return None, "it has no lead and no 'Years:' window with a year at its centre"
    return numbers[len(numbers) // 2], None


def _heading_title(line: str) -> str | None:
    """The title of a heading line, lower case: a MediaWiki heading, a known heading or a quarter of the year."""
    wiki = _WIKI_HEADING.fullmatch(line)
    title = _EDIT_LINK.sub("", wiki["title"] if wiki else line).strip().rstrip("| ")  # ("Contents |": a box's border)
    if wiki or title.casefold() in HEADINGS or _QUARTER.fullmatch(title):
        return title.casefold()
    return None


def _is_contents_entry(line: str) -> bool:
    match = _CONTENTS_ENTRY.fullmatch(line)
    return match is not None and (match["title"] is None or _heading_title(match["title"]) is not None)


def _date_match(line: str) -> re.Match[str] | None:
    """The first of the chronology's date forms that opens ``line``."""
    return next((match for form in _DATE_FORMS if (match := form.match(line)) is not None), None)


def read_date(line: str, year: int) -> tuple[ParsedDate, str] | None:
    """The date at the start of ``line`` and the text after it; None when the line opens with no date."""
    match = _date_match(line)
    if match is None:
        return None
    groups = match.groupdict()
    month = MONTHS[groups["m1"].casefold()]
    day = int(groups["d1"]) if groups.get("d1") else None
    end_month = MONTHS[groups["m2"].casefold()] if groups.get("m2") else None
    end_day = int(groups["d2"]) if groups.get("d2") else None
    text = line[: match.end()].rstrip(" –—-:")
    return _date(year, month, day, end_month, end_day, text), line[match.end() :].strip()


def is_dated_item(line: str) -> bool:
    """Whether ``line`` opens with a date of the chronology's forms ("March 18 – ...")."""
    return _date_match(line) is not None


def _date(year: int, month: int, day: int | None, end_month: int | None, end_day: int | None, text: str) -> ParsedDate:
    """The date read, as the Hungarian grammar builds its dates (one day or month, or a range in the year)."""
    if end_month is None and end_day is None:
        return single_date(year, month, day, text, [])
    return date_range(year, month, day, year, end_month or month, end_day, text, [])


def find_marker(text: str) -> OtherYear | None:
    """The life-year marker of a people-list line: ``(d. 1250)`` gives a death year (symbol ``†``),
    ``(b. 1180)`` a birth year (``*``)."""
    match = _MARKER.search(text)
    if match is None:
        return None
    symbol = "†" if LIFE_MARKERS[match["word"]] == "death" else "*"
    about = (match["about"] or "").strip()
    return OtherYear(int(match["year"]), symbol, False, match.start(), approximate=about not in ("", "AD"))


def _is_name(words: Sequence[str]) -> bool:
    """Words that make a name: capitalised (or a regnal numeral), with lower-case particles inside."""
    if not words or len(words) > MAX_NAME_WORDS or words[0] in SENTENCE_OPENERS:
        return False
    for position, word in enumerate(words):
        if word in NAME_WORDS and 0 < position < len(words) - 1 or _ROMAN_NUMERAL.fullmatch(word):
            continue  # a particle inside the name ("Clement of Alexandria"), a regnal numeral ("Urban I")
        if position == 0 and word.isdigit() and len(words) > 1 and words[1][:1].isupper():
            continue  # a group named by its number: "40 Martyrs of Sebaste"
        letters = word.replace("-", "").replace("'", "").replace("’", "")
        if not (word[:1].isupper() and letters.isalpha()):
            return False
    return True


def _names(part: str) -> bool:
    """``part`` is one name or two joined by "and" ("Cyrion and Candidus")."""
    return all(_is_name(name.split()) for name in re.split(r"\s+and\s+", part.removeprefix("and ").strip()))


def read_person(text: str) -> Person | None:
    """The name leading a people-list line and its description: ``Name (or Other), description``, several
    names joined by commas and "and" (``Narcissus, Argeus, and Marcellinus, Roman Catholic martyrs``).
    None when the line does not open with a name followed by a comma, a bracket or its end."""
    match = re.match(r"(?P<name>[^,(]+?)\s*(?:\((?P<aside>[^()]*)\)\s*)?(?:,\s*|(?=\()|$)", text)
    if match is None or not _names(match["name"]):
        return None
    names, rest = [match["name"].strip()], text[match.end() :]
    parts = rest.split(", ")
    # more names before the description only where an "and" closes the list of them
    closing = next((index for index, part in enumerate(parts) if part.startswith("and ")), None)
    if closing is not None and all(_names(part) for part in parts[: closing + 1]):
        names += parts[: closing + 1]
        rest = ", ".join(parts[closing + 1 :])
    elif " and " in names[0] and not _names(names[0]):
        return None
    description = _MARKER.sub("", rest).strip().rstrip(".").strip()
    return Person(", ".join(names), description)


def read_person_line(text: str) -> PersonLine:
    marker = find_marker(text)
    bare = (text[: marker.start] + text[marker.start :].split(")", 1)[-1]).strip() if marker else text
    person = read_person(text)
    if person is not None and _PREDICATE.search(text[len(person.name) :]):
        person = None  # a name followed by a predicate: an event that opens with a name
    return PersonLine(marker, bare, person)


def _shape(item: ListItem, reading: PersonLine) -> LineShape:
    person = reading.person is not None
    return LineShape(
        date=item.date.earliest if item.date else None,
        day_precise=item.date is not None and item.date.precision in ("day", "day_range"),
        person_shaped=person,
        sentence=not person and reading.bare.rstrip().endswith((".", "!", "?")),
        marker=reading.marker.symbol if reading.marker else None,
        # an English people-list line is a name with at most a description, asides and a marker after it
        # (read_person reads no further, and a predicate after the name makes it no person): a bare name
        # ("Huo Jun", "Wang Lang (approximate date)") is as much a listed person as a described one
        described_person=person,
    )


def parse_year_article(
    article: Article, line_flags: Mapping[int, tuple[str, ...]] | None = None, glued_lines: Container[int] | None = None
) -> ArticleResult:
    """Give every line of an English year article its role; build its events, births and deaths."""
    result = ArticleResult()
    if article.year is None:
        quarantine_article(article, f"year article whose year cannot be read: {article.problem}", result)
        return result
    line_flags = line_flags or {}
    body_lines: list[int] = []
    items: list[ListItem] = []
    section: str | None = None
    births_start: int | None = None
    deaths_start: int | None = None
    in_head, in_end, in_contents = True, False, False
    date_line: ParsedDate | None = None
    furniture = furniture_lines(
        article.lines, lambda line: read_date(line, article.year or 1) is not None, IMAGE_LINKS, SITE_CHROME, PICTURE_PLACEHOLDERS
    )
    for position, (number, line) in enumerate(zip(article.line_numbers(), article.lines, strict=True)):
        role, reason = None, ""
        title = _heading_title(line)
        if position in furniture:
            role, reason = "navigation", furniture[position]
        elif is_blank(line):
            role, reason, date_line = "blank", "blank line", None
        elif in_head and _LEAD.match(line) or in_head and _LEAD_WORDS.search(line) and not items:
            role, reason = "prose", "the article's lead: it describes the year"
        elif in_head and is_head_line(line):
            role, reason = "navigation", "year navigation, the year's infobox or the page's head ('Years:', 'Hebrew calendar')"
        elif _REFERENCE.match(line):
            role, reason = "reference", "reference (starts with ^ or ↑)"
        elif opens_page_footer(line, PAGE_FOOTER):
            role, reason, in_end = (
                "reference",
                "the page's footer ('This page was last edited on ...', 'Based on work by ...')",
                True,
            )
        elif in_contents and not items and _is_contents_entry(line):
            role, reason = "navigation", "an entry of the table of contents ('1.1 January–March')"
        elif title is not None:
            kind = HEADINGS.get(title, "sub")
            role, reason, date_line = "heading", f"{kind} heading {line.strip()!r}", None
            in_contents = kind == "contents" and not items
            if kind == "end":
                in_end = True
            elif kind in ("events", "births", "deaths"):
                section, in_end = kind, False
                if kind == "births" and births_start is None:
                    births_start = len(items)
                if kind == "deaths" and deaths_start is None:
                    deaths_start = len(items)
        elif in_end:
            role, reason = "reference", "end matter (under the references, notes or links heading)"
        else:
            in_head = False
            dated = read_date(line, article.year)
            if dated is not None and not dated[1]:
                role, reason, date_line = "heading", "a date alone, opening a sub-list of that day", dated[0]
            else:
                date, rest = dated if dated is not None else (date_line, line.strip())
                flags = line_flags.get(number, ())
                mark = LineMark(section=section, date_line=date_line)
                items.append(ListItem(number, 0, line, date, rest, flags, mark=mark))
                body_lines.append(number)
                if dated is not None:
                    date_line = None
        if role is not None:
            result.roles.append(LineRole(article.source_file, number, article.title, role, reason))
    readings = [read_person_line(item.rest) for item in items]
    shapes = item_shapes(items, readings, _shape, _TELLS_BIRTH)
    events_headed = any(item.mark is not None and item.mark.section == "events" for item in items)
    # English year articles of antiquity often list deaths under an empty births section (three of the
    # seven labelled English articles with people, against two of the thirty-two Hungarian ones): no
    # cost for a split that leaves the births empty.
    evidence = SectionEvidence(
        article.year,
        [(item.line, item.segment) for item in items],
        shapes,
        births_start,
        deaths_start,
        events_headed,
        births_rarely_empty=False,
    )
    return assemble_records(article, result, body_lines, items, readings, evidence)
