"""Turning one year article into event, birth and death records.

Every line of the article gets a role (see :data:`ROLES`); body lines become records
or quarantine rows.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field, replace
from hashlib import sha256
from typing import Any

from evkonyv.parsing.articles import Article
from evkonyv.parsing.calendars import first_day, last_day
from evkonyv.parsing.dates import (
    ParsedDate,
    UnknownDateError,
    is_day_item,
    is_plain_day_item,
    parse_date_prefix,
    parse_sentence_date,
    parse_this_month_part,
    whole_year,
)
from evkonyv.parsing.hungarian import (
    ADVERBIAL_SUFFIXES,
    BIRTH_WORDS,
    BIRTHS_HEADING,
    CONTEST_NOUNS,
    COPULAS,
    CREDIT_WORDS,
    DEATHS_HEADING,
    DEFINITE_VERBS,
    DEMONYMS,
    DETERMINERS,
    EVENT_NOUNS,
    EVENTS_HEADING,
    FIELD_NOUN_ENDINGS,
    GIVEN_NAMES,
    LENGTHENED_VOWELS,
    NOBLE_TITLES,
    OFFICE_CHANGE,
    OTHER_NAME_MARKERS,
    PERSON_NOUNS_T,
    PRESENT_VERBS,
    TITLES,
    WORK_GENRES,
    YEAR_ON_ENDINGS,
    alternation,
    compound_ends,
    is_word_or_compound,
)
from evkonyv.parsing.lines import (
    Heading,
    furniture_lines,
    glued_heading_lines,
    in_nobel_table,
    is_blank,
    is_contents_entry,
    is_cross_reference,
    is_edit_link,
    is_navigation,
    is_nobel_intro,
    is_nobel_laureates,
    is_reference,
    is_topic_link,
    is_year_designation,
    opens_page_footer,
    page_head_role,
    place_title,
    read_heading,
    split_glued_headings,
    sub_heading_title,
)
from evkonyv.parsing.people import (
    INFLECTED,
    POSSESSED,
    TRANSCRIBED_NAME,
    OtherYear,
    Person,
    clause_end,
    find_other_year,
    is_accusative_given_name,
    is_possessed_noun,
    other_year_of,
    read_person,
    split_person,
)
from evkonyv.parsing.sections import (
    LineShape,
    SectionCosts,
    current_costs,
    infer_sections,
    named_by_days_statement,
    weakly_placed,
)
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.parsing.values import value_class
from evkonyv.parsing.verbs import (
    DEFINITE_ENDINGS,
    PAST_ENDINGS,
    PAST_INDEFINITE_ENDINGS,
    PREFIXED_UL_VERB,
    is_ambiguous_verb_before_object,
    is_definite_verb,
    is_past_verb,
    is_plural_verb,
    is_verb,
)
from evkonyv.reading.normalise import collapse_whitespace as normalise_text
from evkonyv.vocabulary import ROLES  # noqa: F401 - the roles this module gives, importable here too

# An event whose normalised text holds another event's text of at least this many
# characters is flagged as a likely repeat of it.
REPEAT_MIN_CHARS = 25


@value_class
class Record:
    kind: str
    record_id: str
    article: str
    date: ParsedDate
    text: str
    source_file: str
    source_line: int
    source_segment: int
    quality_flags: tuple[str, ...]
    name: str | None = None
    description: str | None = None
    other_year: int | None = None
    likely_repeat_of: str | None = None
    context: str | None = None  # the sub-list heading the item stands under ("Forradalom Magyarországon")
    other_month: int | None = None  # the rest of a full date in the life marker ("(† 1998. május 14.)")
    other_day: int | None = None


@value_class
class Quarantined:
    source_file: str
    source_line: int
    source_segment: int
    article: str | None
    reason: str
    text: str


@value_class
class LineRole:
    source_file: str
    line: int
    article: str | None
    role: str
    reason: str
    record_ids: tuple[str, ...] = ()


@dataclass
class ArticleResult:
    records: list[Record] = field(default_factory=list)
    quarantined: list[Quarantined] = field(default_factory=list)
    roles: list[LineRole] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)  # prose articles: their dated statements


@value_class
class LineMark:
    """What the heading lines above a body line say of it."""

    section: str | None = None  # "events", "births" or "deaths" under such a section heading
    month: int | None = None  # under a month heading
    sub_heading: str | None = None  # under a sub-list heading (its title), until the sub-list ends
    date_line: ParsedDate | None = None  # under a line that is a date alone ("május 1."), until the next date


@value_class
class ListItem:
    """One list item of the article body: a line, or a part of a line split at a glued heading."""

    line: int
    segment: int
    raw: str
    date: ParsedDate | None
    rest: str
    flags: tuple[str, ...]
    after_heading: str | None = None  # a glued section heading dropped just before the item
    mark: LineMark | None = None  # what the heading lines above it say of it


def parse_year_article(
    article: Article, line_flags: Mapping[int, tuple[str, ...]] | None = None, glued_lines: Container[int] | None = None
) -> ArticleResult:
    """Give every line of a year article its role; build its events, births and deaths.

    ``line_flags``: quality flags by line number that every record of the line carries
    (what text normalisation changed on it). ``glued_lines``: the numbers of the lines that may
    hold a glued heading (:func:`glued_heading_lines` over the whole file, one pass); by
    default the article's lines are looked at.
    """
    result = ArticleResult()
    if article.year is None:
        _quarantine_yearless(article, result)
        return result
    body_lines, items, readings, evidence = _evidence(article, result, line_flags, glued_lines)
    return assemble_records(article, result, body_lines, items, readings, evidence)


def assemble_records(
    article: Article,
    result: ArticleResult,
    body_lines: list[int],
    items: list[ListItem],
    readings: list[PersonLine],
    evidence: SectionEvidence,
) -> ArticleResult:
    """The records of a year article from what its language's grammar read of it: the list items, each
    read as a people-list line, and the section evidence. This part knows no language: the sections are
    inferred (:func:`~evkonyv.parsing.sections.infer_sections`), the events dated, the people named, the
    ids given, and every body line given its role in ``result``."""
    assert article.year is not None
    births_start, deaths_start = evidence.births_start, evidence.deaths_start
    costs = evidence.costs()
    sections = infer_sections(evidence.shapes, births_start, deaths_start, article.year, costs, headed=evidence.events_headed)
    drafts = _events(article, items[: sections.births_start])
    for index in range(sections.births_start, len(items)):
        person = _person(article, items[index], readings[index], sections.label(index), result)
        if person is not None:
            drafts.append(person)
    # doubt made visible: a record whose section a near-tie of the inference could change
    weak = weakly_placed(evidence.shapes, sections, births_start is not None, deaths_start is not None, article.year, costs=costs)
    weak_items = {(items[index].line, items[index].segment) for index in weak}
    for draft in drafts:
        if (draft["source_line"], draft["source_segment"]) in weak_items:
            draft["quality_flags"] = (*draft["quality_flags"], "section_inferred")
    records = _finish(drafts)
    result.records.extend(records)
    _body_roles(article, body_lines, records, result)
    return result


@dataclass(frozen=True)
class SectionEvidence:
    """What the section inference of one year article reads: its list items, in order, by (line, segment),
    each item's :class:`LineShape`, and the boundaries the headings still in the text give."""

    year: int
    items: list[tuple[int, int]]
    shapes: list[LineShape]
    births_start: int | None
    deaths_start: int | None
    events_headed: bool = False  # the events' heading is in the text (its sections' headings are kept)
    # The language's year articles rarely leave the births empty while listing deaths, so a split that
    # does weighs :attr:`~evkonyv.parsing.sections.SectionCosts.deaths_without_births`; where they often
    # do, the grammar says so and the split does not weigh it.
    births_rarely_empty: bool = True

    def costs(self, costs: SectionCosts | None = None) -> SectionCosts:
        """The weights this article's split is weighed with: ``costs`` (by default those in use), without
        the cost of an empty births section where the language's articles often have one."""
        costs = costs or current_costs()
        return costs if self.births_rarely_empty else costs.replaced(deaths_without_births=0.0)


def section_evidence(
    article: Article, line_flags: Mapping[int, tuple[str, ...]] | None = None, glued_lines: Container[int] | None = None
) -> SectionEvidence | None:
    """The evidence :func:`parse_year_article` splits the article's items on (None for an article whose
    year cannot be read): what a fit of the section weights is measured on."""
    if article.year is None:
        return None
    return _evidence(article, ArticleResult(), line_flags, glued_lines)[3]


def _evidence(
    article: Article, result: ArticleResult, line_flags: Mapping[int, tuple[str, ...]] | None, glued_lines: Container[int] | None
) -> tuple[list[int], list[ListItem], list[PersonLine], SectionEvidence]:
    assert article.year is not None
    marks = _classify_lines(article, result)
    items = _items(article, marks, result, line_flags or {}, glued_lines)
    readings = [_read_person_line(item.rest) for item in items]
    shapes = item_shapes(items, readings, _shape, _TELLS_BIRTH)
    evidence = SectionEvidence(
        year=article.year,
        items=[(item.line, item.segment) for item in items],
        shapes=shapes,
        births_start=_first_marked(items, BIRTHS_HEADING, "births"),
        deaths_start=_first_marked(items, DEATHS_HEADING, "deaths"),
        events_headed=_first_marked(items, EVENTS_HEADING, "events") is not None,
    )
    return list(marks), items, readings, evidence


# A statement of the events that tells a birth (data/birth_words.txt: "Megszületik Lajos trónörökös"): it names
# the one born that day, no evidence of a death (sections.named_by_days_statement).
_TELLS_BIRTH = re.compile(rf"(?<!\w)(?:{alternation(BIRTH_WORDS)})", re.IGNORECASE)


def item_shapes(
    items: Sequence[ListItem],
    readings: Sequence[PersonLine],
    shape: Callable[[ListItem, PersonLine], LineShape],
    tells_birth: re.Pattern[str],
) -> list[LineShape]:
    """Each item's shape for the section inference (``shape``: the language's reading of one item), with the
    evidence of a statement of the same day that names its person (:func:`sections.named_by_days_statement`;
    ``tells_birth``: the language's words of a birth)."""
    return named_by_days_statement(
        [shape(item, reading) for item, reading in zip(items, readings, strict=True)],
        [item.rest for item in items],
        [reading.person.name if reading.person else None for reading in readings],
        tells_birth,
    )


def _quarantine_yearless(article: Article, result: ArticleResult) -> None:
    quarantine_article(article, f"year article whose year cannot be read: {article.problem or 'no readable navigation'}", result)


def quarantine_article(article: Article, reason: str, result: ArticleResult) -> None:
    """Quarantine every non-blank line of ``article`` with ``reason`` (blank lines stay ``blank``)."""
    for number, line in zip(article.line_numbers(), article.lines, strict=True):
        if is_blank(line):
            result.roles.append(LineRole(article.source_file, number, article.title, "blank", "blank line"))
        else:
            result.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))
            result.roles.append(LineRole(article.source_file, number, article.title, "quarantine", reason))


# A portrait's caption as a browser's copy of a current page writes it on a line of its own: the person's name
# and the year the picture was taken, in the inessive ("Kiss Anna 2010-ben", "Lionel Messi 2018-ban"), the form
# hu.wikipedia's portraits are captioned in. No item of a year article is a name and a year alone: a person line
# names what its person was, an event what happened (the year article's own year is never written in it so).
_PORTRAIT_CAPTION = re.compile(rf"(?P<name>[^\d()]+?)\s+\d{{3,4}}-(?:{'|'.join(YEAR_ON_ENDINGS)})\s*")


def is_portrait_caption(line: str) -> bool:
    """Whether a line is a portrait's caption: a name read as a whole (the name reader's, nothing left over),
    then a year in the inessive."""
    match = _PORTRAIT_CAPTION.fullmatch(line)
    if match is None:
        return False
    person = read_person(match["name"], allow_single_word=True)
    return person is not None and person.name == match["name"].strip() and not person.description


def _first_marked(items: list[ListItem], heading: str, section: str) -> int | None:
    """Index of the first item of ``section`` when the source kept its heading (a line, or glued)."""
    return next(
        (
            index
            for index, item in enumerate(items)
            if item.after_heading == heading or (item.mark and item.mark.section == section)
        ),
        None,
    )


def _classify_lines(article: Article, result: ArticleResult) -> dict[int, LineMark]:
    """Give heading, navigation, reference, Nobel and blank lines their role; return the body lines
    (in order) with what the headings above them say."""
    body: dict[int, LineMark] = {}
    in_nobel = in_end = False
    nobel_line = 0
    section: str | None = None
    month: int | None = None
    sub_heading: str | None = None
    date_line: ParsedDate | None = None
    numbered = list(zip(article.line_numbers(), article.lines, strict=False))
    mark: LineMark | None = None  # what the headings say now: one object while it holds
    below_footer = False  # past the page's footer: the site's links, whatever they look like
    furniture = furniture_lines(article.lines, is_day_item)
    for position, (number, line) in enumerate(numbered):
        if position in furniture:  # (a picture or the site's chrome stands between items: it ends no list)
            result.roles.append(LineRole(article.source_file, number, article.title, "navigation", furniture[position]))
            continue
        if below_footer:
            below = ("blank", "blank line") if is_blank(line) else ("reference", "below the page's footer (the site's links)")
            result.roles.append(LineRole(article.source_file, number, article.title, *below))
            continue
        if not (in_nobel or in_end) and is_plain_day_item(line):
            # most lines: a dated item in the plain form, which no heading or other kind of line matches
            body[number] = mark = mark or LineMark(section, month, sub_heading, date_line)
            continue
        if not body and section is None and not is_navigation(line) and (head := page_head_role(line)) is not None:
            # the page's head above the chronology, before any heading is read: a row of the calendars'
            # table may read like a topic heading ("Hindu naptárak")
            result.roles.append(LineRole(article.source_file, number, article.title, "navigation", head))
            continue
        role, reason = None, ""
        heading = read_heading(line)
        if heading is None and (title := sub_heading_title(line)) and _opens_sub_list(numbered[position + 1 :], article.year):
            heading = Heading("sub", title)
        elif (
            heading is None
            and not in_nobel
            and (title := place_title(line))
            and _opens_place_list(numbered[position + 1 :], article.year)
        ):
            heading = Heading("topic", title)
        alone = date_alone(line, article.year) if heading is None and not in_nobel else None
        if alone is not None and _opens_date_list(numbered[position + 1 :], article.year):
            heading = Heading("date", line.strip())
        if in_nobel and _dated(line, article.year):
            # a chronology item below the Nobel section: the lines are out of the article's order
            role, reason = (
                "quarantine",
                f"{OUT_OF_ORDER}: a dated list item after the Nobel Prize introduction (line {nobel_line})",
            )
            result.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))
        elif is_blank(line):
            role, reason = "blank", "blank line"
            sub_heading = date_line = mark = None  # a blank line ends a sub-list
        elif heading is not None:
            mark = None
            role, reason = "heading", f"{_HEADING_KINDS.get(heading.opens, heading.opens + ' section')} heading {heading.title!r}"
            if heading.opens != "date":
                date_line = None
            if heading.opens in ("events", "births", "deaths", "topic"):
                section, month, sub_heading, in_nobel, in_end = _SECTION_OF[heading.opens], None, None, False, False
            elif heading.opens == "month":
                month, sub_heading = heading.month, None
            elif heading.opens == "sub":
                sub_heading = heading.title
            elif heading.opens == "date":
                date_line = alone
            elif heading.opens == "nobel":
                in_nobel, nobel_line = True, number
            elif heading.opens == "contents":
                pass  # the table of contents above the chronology: it opens no part of it
            else:  # end matter: notes, sources, links
                in_end, in_nobel = True, False
        elif is_navigation(line):
            role, reason = "navigation", "year navigation ('Évtizedek:' / 'Évek:' line)"
        elif is_edit_link(line):
            role, reason = "navigation", "a heading's edit link on its own line ('szerkesztés')"
        elif not body and is_contents_entry(line):
            role, reason = "navigation", "an entry of the table of contents ('1.1 Határozott dátumú események')"
        elif is_reference(line):
            role, reason = "reference", "reference (starts with ↑)"
            in_nobel = False
        elif is_nobel_intro(line):
            role, reason, in_nobel, nobel_line = "nobel_intro", "introduction of the Nobel Prize section", True, number
        elif in_nobel or is_nobel_laureates(line) or in_nobel_table(article.lines, position):
            role, reason = "nobel", "line of the Nobel Prize section"
        elif is_topic_link(line):
            role, reason = "navigation", "link to a topical sub-article of the year ('1957 a tudományban')"
        elif is_cross_reference(line):
            role, reason = "navigation", "pointer to another article ('Lásd még: ...')"
        elif is_portrait_caption(line):
            role, reason = "navigation", "a portrait's caption: a name and the year of the picture ('Kiss Anna 2010-ben')"
        elif opens_page_footer(line):
            role, reason = "reference", "the page's footer ('A lap utolsó módosítása: ...', 'Based on work by ...')"
            below_footer = True
        elif not body and section is None and is_year_designation(line):
            role, reason = (
                "prose",
                "a designation of the year above its chronology ('az ökoturizmus nemzetközi éve'): a theme, no event",
            )
        elif in_end:
            role, reason = "reference", "end matter (under the notes, sources or links heading)"
        if role is None:
            body[number] = mark = mark or LineMark(section, month, sub_heading, date_line)
        else:
            result.roles.append(LineRole(article.source_file, number, article.title, role, reason))
    return body


_HEADING_KINDS = {
    "sub": "sub-list", "month": "month", "end": "end-matter", "nobel": "Nobel Prize section", "contents": "table of contents",
    "date": "a date alone, opening a sub-list of that day:",
}  # fmt: skip
_SECTION_OF = {"events": "events", "topic": "events", "births": "births", "deaths": "deaths"}


def date_alone(line: str, year: int | None) -> ParsedDate | None:
    """The date of a line that is a date and nothing else ("május 1."), else None."""
    if year is None or len(line) > 40 or not line.strip():
        return None
    try:
        prefix = parse_date_prefix(line.strip(), year)
    except UnknownDateError:
        return None
    return prefix.date if prefix is not None and not prefix.rest else None


def _opens_date_list(following: list[tuple[int, str]], year: int | None) -> bool:
    """A date alone opens a sub-list of that day when the next non-blank line is an undated item."""
    line = next((line for _, line in following if not is_blank(line)), None)
    return line is not None and read_heading(line) is None and not _dated(line, year)


def _opens_sub_list(following: list[tuple[int, str]], year: int | None) -> bool:
    """A line ending in a colon opens a sub-list when the next non-blank line is a dated item."""
    return next((_dated(line, year) for _, line in following if not is_blank(line)), False)


def _opens_place_list(following: list[tuple[int, str]], year: int | None) -> bool:
    """A place named alone on its line (:func:`~evkonyv.parsing.lines.place_title`) heads the events of that
    place when the next non-blank line is a sentence: lower-case words after its date, a full stop at its end,
    and no person line (a person named alone in an old article's people list is followed by more people; a
    show or a work named alone in a topic list, by its title: "Táncdalfesztivál", then "Jó estét nyár, jó
    estét szerelem")."""
    line = next((line for _, line in following if not is_blank(line)), None)
    if line is None or read_heading(line) is not None:
        return False
    try:
        prefix = parse_date_prefix(line.strip(), year) if year is not None else None
    except UnknownDateError:
        return False
    text = prefix.rest if prefix is not None else line.strip()
    sentence = text.rstrip().endswith((".", "!", "?")) and any(word[:1].islower() for word in text.split())
    return sentence and read_line_person(text) is None


OUT_OF_ORDER = "out of the article's order"


def _dated(line: str, year: int | None) -> bool:
    try:
        return year is not None and parse_date_prefix(line, year) is not None
    except UnknownDateError:
        return True


def _items(
    article: Article,
    marks: Mapping[int, LineMark],
    result: ArticleResult,
    line_flags: Mapping[int, tuple[str, ...]],
    glued_lines: Container[int] | None,
) -> list[ListItem]:
    assert article.year is not None
    items: list[ListItem] = []
    if glued_lines is None:
        glued_lines = glued_heading_lines(article.lines, article.first_line)
    for number, mark in marks.items():
        line = article.lines[number - article.first_line]
        pieces, headings = split_glued_headings(line) if number in glued_lines else ([line.strip()], [])
        flags = line_flags.get(number, ()) + (("glued_heading",) if headings else ())
        for segment, piece in enumerate(pieces):
            if not piece:
                continue
            after_heading = headings[segment - 1] if segment else None
            try:
                prefix = (
                    parse_date_prefix(piece, article.year)
                    or parse_sentence_date(piece, article.year)
                    or parse_this_month_part(piece, article.year, _month_in_context(mark, items))
                )
            except UnknownDateError as error:
                result.quarantined.append(Quarantined(article.source_file, number, segment, article.title, str(error), piece))
                continue
            if prefix is None:
                items.append(ListItem(number, segment, piece, None, piece, flags, after_heading, mark))
            elif not prefix.rest:
                reason = "a date with no text after it"
                result.quarantined.append(Quarantined(article.source_file, number, segment, article.title, reason, piece))
            else:
                items.append(
                    ListItem(number, segment, piece, prefix.date, prefix.rest, flags + prefix.date.flags, after_heading, mark)
                )
    return _close_sub_lists(_apply_date_lines(items))


def _month_in_context(mark: LineMark, items: Sequence[ListItem]) -> int | None:
    """The month an item is listed under: its month heading's, or else the month of the item before it."""
    if mark.month is not None:
        return mark.month
    return items[-1].date.month if items and items[-1].date is not None else None


def _apply_date_lines(items: list[ListItem]) -> list[ListItem]:
    """Undated items under a date alone ("május 1.") take its date, until a dated item."""
    dated: list[ListItem] = []
    closed: ParsedDate | None = None  # the date line a dated item has ended
    for item in items:
        line_date = item.mark.date_line if item.mark else None
        if item.date is not None:
            closed = line_date
        elif line_date is not None and line_date is not closed:
            item = replace(item, date=line_date, flags=item.flags + ("dated_by_date_line",))
        dated.append(item)
    return dated


def _close_sub_lists(items: list[ListItem]) -> list[ListItem]:
    """A sub-list runs while its items are dated and in calendar order: an undated item, or one
    dated before the item above it, is past its end (the bullets that nested it are gone)."""
    closed: list[ListItem] = []
    open_title: str | None = None
    previous: ParsedDate | None = None
    ended = False
    for item in items:
        title = item.mark.sub_heading if item.mark else None
        if title != open_title:
            open_title, previous, ended = title, None, False
        if title is not None:
            ended = ended or item.date is None or (previous is not None and item.date.earliest < previous.earliest)
            previous = item.date or previous
            if ended and item.mark is not None:
                item = replace(item, mark=replace(item.mark, sub_heading=None))
        closed.append(item)
    return closed


@value_class
class PersonLine:
    """A list item's text read as a people-list line: its life-year marker, the text before the
    marker, and the name leading that text (one capitalised word counts as a name here)."""

    marker: OtherYear | None
    bare: str
    person: Person | None


# The reference marks a copy of a current page keeps after an item or inside it ("... író († 1901)[4]",
# "... költő[6] († 1899)"; "[a]", "[j 1]" of the notes, "[forrás?]" where a source is wanted): read past, so
# that a life-year marker, a sentence's full stop or a name before them is read. The text keeps them.
_REFERENCE_MARK = re.compile(r"\[(?:\d{1,3}|[a-z]|[a-z]{1,3} \d{1,3}|forrás\?|forrás nélkül|halott link)\]")


def _read_person_line(text: str) -> PersonLine:
    if "[" in text:
        text = _REFERENCE_MARK.sub("", text).rstrip()
    marker = find_other_year(text)
    bare = text[: marker.start].rstrip() if marker else text
    return PersonLine(marker, bare, split_person(bare, allow_single_word=True))


def described_person(reading: PersonLine) -> Person | None:
    """The person a line names when it reads as a people-list line, a name followed by a description
    phrase; None when no name leads it or a predicate follows the name (an event that opens with a name)."""
    return _described(reading)[0]


def _described(reading: PersonLine) -> tuple[Person | None, bool]:
    """:func:`described_person`, and whether the name that leads the line is followed by a predicate
    (:func:`has_predicate`, read once)."""
    person = _leading_name(reading)
    if person is None:
        return None, False
    # A life-year marker closes people-list lines only: before it, a description may run long or open with an
    # article ("Ivan Sztepanovics Mazepa az orosz fennhatóság alá tartozó ... kozákság hetmanja († 1709)"),
    # and only a verb (or a nominalised action) makes the line a statement.
    marked = reading.marker is not None
    if has_predicate(person.description, marked=marked):
        return None, True
    if (
        (not marked and _article_after_name(reading.bare, person))
        or _CREDIT.search(reading.bare)
        or reading.bare.startswith(":", len(person.name))  # "Thomas Mann: József és testvérei ...": a work
        or _credited_work(reading.bare)
        or _second_subject(person)
        or _titled_after_dash(reading.bare, person)
        or _apposition_states(person)
        or _apposition_then_verb(person)
        or is_accusative_given_name(person.name.rsplit(None, 1)[-1])  # "Paskai Lászlót ... nevezi ki"
        or (reading.bare.rstrip().rstrip(")").endswith(WORK_GENRES) and _GENRE_END.search(reading.bare) is not None)
        or (not person.description and person.name.casefold().endswith(CONTEST_NOUNS))  # "Táncdalfesztivál"
    ):
        return None, False
    return person, False


def read_line_person(text: str) -> Person | None:
    """:func:`described_person` of a list item's text after its date (what ``benchmarks/accuracy.py`` scores
    line by line)."""
    return described_person(_read_person_line(text))


def _shape(item: ListItem, reading: PersonLine) -> LineShape:
    marker, bare = reading.marker, reading.bare
    person, stated = _described(reading)
    sentence = bare.endswith((".", "!", "?"))
    # A name followed by a description phrase is a person; by a predicate, an event that opens with a name.
    described = person is not None
    full_stop = False
    if described:
        # a people-list item closed by a full stop, as old lists write them all; a semicolon, though, closes
        # a clause of a running list of statements, which people lists never are
        full_stop = sentence
        sentence = bare.endswith(";")
    return LineShape(
        described_full_stop=full_stop,
        date=item.date.earliest if item.date else None,
        day_precise=_day_precise(item.date),
        person_shaped=described,
        sentence=sentence,
        marker=marker.symbol if marker else None,
        described_person=person is not None and (_describes(person.description) or _bare_hungarian_name(person)),
        unnamed=reading.person is None,
        stated=stated,
    )


def _bare_hungarian_name(person: Person) -> bool:
    """A line that is nothing but a name in Hungarian order, the given name last ("Tuolouse-i Szent Lajos",
    "Arany János"): the way old people lists write a person they know nothing more of. A statement names
    more than its subject; a bare name of an institution, a work or a band ("Nemzeti Színház", "Pink
    Floyd") ends in no given name (evkonyv/parsing/data/given_names_*.txt)."""
    words = person.name.split()
    return not person.description.strip(" .") and len(words) >= 2 and words[-1] in GIVEN_NAMES


# A work and its author, written "Title - Author" in the year's topic sub-sections ("Oroszlánszívű Richard
# kalandjai - James White", "A szicíliai szerelem - Ann Radcliffe"): the line ends with a spaced dash and a
# name alone, two to four capitalised words. A people-list line describes its person after the name; a
# bare name at its end is no description.
_CREDIT = re.compile(r"\s[-–]\s(?:[A-ZÁÉÍÓÖŐÚÜŰ][\w.'’-]*\s?){2,4}$")


_CREDIT_TITLE_OPENERS = "\"„“'(["


# A title followed by its genre, in brackets or after a spaced dash ("Kőműves Kelemen (rockopera)", "István, a
# király - rockopera"): data/work_genres.txt.
_GENRE_END = re.compile(rf"(?:\s[-–]\s|\s?\()(?:{alternation(WORK_GENRES)})\)?\s*$")


def _apposition_states(person: Person) -> bool:
    """The name that opens the line is the possessor of a relation, and the one it names follows in
    apposition, after a comma, with a predicate of its own ("III. Ferdinánd özvegye, Gonzaga Eleonóra
    királyné megalapítja a Csillagkeresztes Rendet": Ferdinand's widow, Eleonora, founds the order). The
    statement is about the second name; a people-list line names its person first ("Aragóniai Izabella,
    III. Fülöp francia király felesége")."""
    relation, comma, rest = person.description.partition(", ")
    if not comma or " " in relation or not is_possessed_noun(relation):
        return False
    subject = read_person(rest)
    return subject is not None and has_predicate(subject.description)


# The longest title before an apposition of :func:`_apposition_then_verb` ("vezérőrnagy", "katonai ügyvivő").
_TITLE_BEFORE_APPOSITION = 3


def _apposition_then_verb(person: Person) -> bool:
    """A name and its title, then an apposition after a comma whose head, a possessed noun (its last word,
    in -a or -e), the subject's finite verb follows at once ("Uszta Gyula vezérőrnagy, a honvédelmi
    miniszter első helyettese elrendeli ...", "Zichy Ferdinánd altábornagy, Velence katonai
    városparancsnoka feladja a várost"). A people-list line's apposition ends in what its person was, and a
    verb after it, if any, stands in a relative clause ("..., aki ...")."""
    title, comma, rest = person.description.partition(", ")
    if not comma or len(title.split()) > _TITLE_BEFORE_APPOSITION:
        return False
    end = clause_end(rest)
    words = [word.strip(".;:!?\"'„”") for word in (rest[:end] if end is not None else rest).split()]
    return any(
        head.endswith(("a", "e"))
        and head.isalpha()
        and head.islower()
        and (_finite_verb(verb) or is_ambiguous_verb_before_object(verb, words[position + 2 :]))
        for position, (head, verb) in enumerate(zip(words, words[1:], strict=False))
    )


def _finite_verb(word: str) -> bool:
    """A lower-case word that is a verb in the present, its definite form or the past (verbs.py): a word the
    dictionary knows only as a verb, or any verb stem after a prefix ("elrendeli", "feladja", "lemond")."""
    return (
        word.isalpha()
        and word.islower()
        and (
            is_verb(word)
            or (word.endswith(PAST_ENDINGS) and is_past_verb(word))
            or (word.endswith(DEFINITE_ENDINGS) and is_definite_verb(word))
        )
    )


def _titled_after_dash(text: str, person: Person) -> bool:
    """A work written "Author - Title" ("Somlyó György - Arion éneke (versek), Szépirodalmi"): a spaced dash
    right after the name, then a capitalised title. A people-list line's description follows its name
    without a dash, and opens in lower case."""
    rest = text[len(person.name) :]
    return rest.startswith((" - ", " – ")) and rest[3:4].isupper()


def _second_subject(person: Person) -> bool:
    """A second name joined to the first by "és" and not described with it in the plural (which
    people.split_person reads as one record naming both: "Mary-Kate Olsen és Ashley Olsen amerikai
    színésznők"): the two are the subjects of a statement ("Paul Allen és Bill Gates megalapítja a
    Microsoftot", "Neil Armstrong és Edwin Aldrin a Holdra lép")."""
    return person.description.startswith("és ") and read_person(person.description[3:]) is not None


def _credited_work(text: str) -> bool:
    """A work and who made it, written "Credit: Title" ("Simon and Garfunkel: Bookends", "The Mothers of
    Invention: Freak Out!"): before the colon, capitalised words and the function words that join them in
    a name (``CREDIT_WORDS``), nothing a description holds; after it, a title, capitalised. A people-list
    line never puts a colon after its name."""
    colon = text.find(":")
    if colon <= 0:
        return False
    title = text[colon + 1 :].lstrip()
    words = text[:colon].split()
    return (
        bool(title)
        and (title[0].isupper() or title[0].isdigit() or title[0] in _CREDIT_TITLE_OPENERS)
        and len(words) >= 2
        and words[0][:1].isupper()
        and all(
            word[:1].isupper() or word[:1].isdigit() or word.casefold() in CREDIT_WORDS for word in (w.rstrip(",") for w in words)
        )
    )


def _article_after_name(text: str, person: Person) -> bool:
    """A definite article right after the name, with no comma between: the name is the subject of a
    clause ("Tisza István a parlamentben kijelenti", "John Fitzgerald Kennedy az USA elnöke"), where a
    people list sets the description apart with a comma ("Friedrich Ebert, a Weimari Köztársaság elnöke").
    A capitalised article there (``DETERMINERS``) opens a title: the line names an author and a work, the
    colon between them lost ("Victor Hugo A nyomorultak", "Madách Imre Az ember tragédiája"); a people list
    capitalises an article after a comma only ("Brunszvik Teréz, Az első magyarországi óvoda megalapítója")."""
    at = text.find(person.name)
    after = text[at + len(person.name) :] if at >= 0 else ""
    if not after[:1].isspace():
        return False
    word = after.split(None, 1)[0] if after.strip() else ""
    return word in ("a", "az") or word in DETERMINERS


def _leading_name(reading: PersonLine) -> Person | None:
    """The name leading a line not yet known to be a birth or a death: as :func:`split_person` finds
    it without ``allow_single_word``, or a one-word name that is a given name ("Eugénia császárné,
    III. Napóleon felesége"), a name transcribed from Chinese ("Tu-cung kínai császár.") or a name its title
    follows ("Batu kán", data/titles.txt)."""
    person = reading.person
    if person is None or " " in person.name or len(reading.bare.split(None, 1)) < 2:
        return person
    name = person.name
    if (
        name in GIVEN_NAMES
        or _described_by_origin(person.description)
        or (reading.bare.startswith(",", len(name)) and _titled(person))
        or ("-" in name and TRANSCRIBED_NAME.fullmatch(name))
        or _other_name_aside(person.description)
        or person.description.split(None, 1)[0].rstrip(",.;") in TITLES  # "Batu kán", "Rogerius mester"
    ):
        return person
    return None


def _other_name_aside(description: str) -> bool:
    """A one-word name's description that opens with a bracket giving the same person's other name, the
    original or birth name of one known by one name ("Regiomontanus (er. Johannes Müller), német
    matematikus"): evkonyv/parsing/data/other_name_markers.txt. (A predicate after the bracket still makes
    the line a statement: :func:`has_predicate` reads the clause after it.)"""
    if not description.startswith("("):
        return False
    inside = description[1:].lstrip()
    return any(
        inside.startswith(marker + " ") and inside[len(marker) + 1 : len(marker) + 2].isupper() for marker in OTHER_NAME_MARKERS
    )


def _described_by_origin(description: str) -> bool:
    """A one-word name's description that opens with where its person was from, a demonym or a lower-case
    adjective in -i, and names what the person was after it, all in lower case: the way people lists
    describe the people of the Middle Ages, known by one name ("Johanna nápolyi királynő", "Tamerlán mongol
    hódító", "Andronikosz bizánci császár"), and stage names ("Akon szenegáli-amerikai énekes")."""
    space = description.find(" ")  # (the first word tested first, the cheap way: most lines fail there)
    first = description[:space] if space > 0 else ""
    if not (first in DEMONYMS or (first.endswith("i") and len(first) >= 4 and _lower_word(first))):
        return False
    words = _first_clause(description)
    return 2 <= len(words) <= LONGEST_DESCRIPTION_CLAUSE and all(_lower_word(word) for word in words)


def _lower_word(word: str) -> bool:
    """A lower-case word, a compound's hyphen allowed ("szenegáli-amerikai", "dél-afrikai")."""
    return word.islower() and word.replace("-", "").isalpha()


def _titled(person: Person) -> bool:
    """A one-word name set apart by a comma (the caller checks it), then a noble's title after the place
    it is of ("Edvard, Warwick grófja, később a York-ház utolsó férfitagja"):
    evkonyv/parsing/data/noble_titles.txt."""
    words = person.description.split(None, 2)
    return len(words) >= 2 and words[0][:1].isupper() and words[0] not in DETERMINERS and words[1].rstrip(",;:.") in NOBLE_TITLES


# The first clause of a people-list line's description is a noun phrase: adjectives (a demonym), then
# the occupation, title or relation it ends in ("itáliai író és diplomata", "Warwick grófja", "pápa").
# A clause that goes on states something instead (an event line that opens with a name): these are the
# marks of a predicate in it, each a pattern of Hungarian grammar, not a word list of events. (Where the
# clause ends: :func:`~evkonyv.parsing.people.clause_end`.)
# A deverbal noun (-ás/-és) with a possessive ending: the action of the one named, nominalised
# ("Giovanni Mocenigo velencei dózse megválasztása", "Cserni Jován felkelése"): an event.
_NOMINALISED_ENDINGS = ("a", "e", "ai", "ei", "ának", "ének", "ával", "ével", "át", "ét")
_NOMINALISED = re.compile(rf"[a-záéíóöőúüű]{{2,}}(?:ás|és)(?:{'|'.join(_NOMINALISED_ENDINGS)})$")
# An accusative: a vowel and a single -t closing a lower-case word ("levelet", "békét", "sereget"), or the
# -t of a deverbal noun in -ás/-és ("felkelést indít", "szövetségkötést"): the object of a verb. (A double
# -tt closes past participles, which descriptions hold: "kitüntetett"; demonyms that end so, "német",
# "szovjet", "brit", are the first word of a description: DEMONYMS.)
_ACCUSATIVE = re.compile(r"[a-záéíóöőúüű]{2,}(?:[aáeéioóöőuúüű]|ás|és)t$")
# The sublative -ra/-re, onto ("trónra lép", "török kézre kerül", "halálra ítélik"), after a consonant other
# than r: after a vowel or an r the same letters close a possessive ("tanára", "mestere").
_SUBLATIVE_ENDINGS = ("ra", "re")
_SUBLATIVE = re.compile(r"[a-záéíóöőúüű]{2,}[b-df-hj-np-qs-tv-z]r[ae]$")
# An adverbial: a lower-case noun in a locative case (-ban/-ben, -ból/-ből, -ba/-be, -hoz/-hez/-höz,
# -tól/-től, -ról/-ről, -val/-vel), as in "Tisza István a parlamentben kijelenti": where, whence, with
# what something happens. (The dative -nak/-nek, which also marks a possessor, and -ként are left out.)
_ADVERBIAL = re.compile(r"[a-záéíóöőúüű]{3,}(?:" + "|".join(ADVERBIAL_SUFFIXES) + ")$")
# A present-tense verb with a verbal prefix, definite ("elfoglalja", "megalapítja", "meghódítják"): the stem
# ends in a consonant, not in a participle's -tt, before the ending, or in a sibilant the ending's j is
# assimilated to ("megvétózza") (evkonyv/parsing/data/definite_verbs.tsv).
_DEFINITE_VERB = re.compile(
    rf"(?:{alternation(DEFINITE_VERBS['prefix'])})[a-záéíóöőúüű]{{2,}}"
    rf"(?:(?<![aáeéiíoóöőuúüű])(?<!tt)(?:{alternation(DEFINITE_VERBS['ending'])})"
    rf"|{alternation(DEFINITE_VERBS['assimilated'])})$"
)
# A present-tense verb that only its ending shows ("érkezik", "költözik", "választják", "koronázzák"):
# -ik after a consonant, or the definite plural, less the words in -ik that are no verbs ("második",
# "egyik"): evkonyv/parsing/data/present_verbs.tsv.
_VOWELS = "aáeéiíoóöőuúüű"
_PRESENT_VERB = re.compile(
    r"[a-záéíóöőúüű]{2,}(?:"
    + "|".join(f"(?<![{_VOWELS}])ik" if ending == "ik" else re.escape(ending) for ending in PRESENT_VERBS["ending"])
    + ")$"
)
_NOT_PRESENT_VERB = PRESENT_VERBS["not"]
_PREFIXED_ENDINGS = PRESENT_VERBS["prefixed"]  # (verbs.PREFIXED_UL_VERB)


# The endings each pattern of a predicate closes with, for a cheap test before the pattern's.
_PRESENT_ENDINGS = PRESENT_VERBS["ending"]
_ADVERBIAL_ENDINGS = (*ADVERBIAL_SUFFIXES, *_SUBLATIVE_ENDINGS)
# A place in an adverbial case, capitalised ("Kütahyába internálják", "Nagyszombatban meghal"): as a
# lower-case adverbial, where something happens; the same shapes a name's word cannot take (people.INFLECTED,
# or a longer word with a case ending, as the name's third word cannot end).
# A participle after an adverbial makes the two an attribute of the noun that follows, a description
# ("Stan Sakai Amerikában élő ... képregényrajzoló", "Párizsban működő festő"): the present participle in
# -ó/-ő, the past one in -tt.
_PARTICIPLE_ENDINGS = ("ó", "ő", "tt")


# A place or a people as the object of a verb, capitalised, in the accusative after the stem's lengthened
# last vowel ("felfedezi Amerikát", "eléri Indiát", "elfoglalja Skóciát"), the shape no name word takes but
# a few given names ("Bernát", "Donát", listed in the given names and left out).
_CAPITALISED_ACCUSATIVE = re.compile(r"[^\W\d_]{2,}[áé]t")
# A present-tense verb with a verbal prefix, definite, singular, in -i ("felfedezi", "eléri", "kijelenti"),
# when a definite article opens its object after it ("felfedezi a Yucatán-félszigetet"): the same shape
# closes adjectives of places ("felvidéki", "berlini"), which an article never follows.
_DEFINITE_VERB_I = re.compile(rf"(?:{alternation(DEFINITE_VERBS['prefix'])})[a-záéíóöőúüű]{{2,}}i")


def _capitalised_adverbial(word: str, following: str = "") -> bool:
    return word[:1].isupper() and (
        INFLECTED.fullmatch(word) is not None
        or (len(word) >= 6 and word.isalpha() and word.endswith(ADVERBIAL_SUFFIXES))
        or (
            len(word) >= 6
            and word.endswith(("ra", "re"))
            and not following[:1].isupper()
            and not is_possessed_noun(following.rstrip(",;:."))
            and _CAPITALISED_SUBLATIVE.fullmatch(word) is not None
            and word not in GIVEN_NAMES
        )
    )


# A place's name in the sublative, onto or to it ("a Holdra lép", "Budára tér vissza"): -ra/-re after a
# consonant other than r, as the lower-case sublative (:data:`_SUBLATIVE`), or after a lengthened -á/-é, as
# INFLECTED reads the other cases ("Budára", "Kubára"). A name in the nominative ends so too ("Petra",
# "Klára", "Sandra Bullock", "Sandra anyja"): a given name is none, nor a word a capitalised word or a
# possessed noun follows (its possessor), and six letters at least are asked.
_CAPITALISED_SUBLATIVE = re.compile(r"[^\W\d_]{2,}(?:[b-df-hj-np-qs-tv-zß]|[áé])r[ae]")


# A description's first clause longer than this states something: noun phrases of people lists are short,
# though an origin or a residence and two occupations take seven words ("amerikai származású angol író és
# kritikus", "Franciaországban élő magyar-francia író és újságíró"). A statement that long is read by its
# verb (verb_stems.tsv): five, the limit before the verbs were known, cut such descriptions.
LONGEST_DESCRIPTION_CLAUSE = 7


# An aside in brackets inside a clause ("Bonifác savoyai gróf (IV. Amadeus fia) trónralépése"): the clause
# goes on after it.
_ASIDE = re.compile(r"\s*\([^()]*\)")
# An inserted clause between two spaced dashes (the Hungarian "közbevetés": "János király – miután a pápa
# felmentette esküje alól – visszavonja a Magna Chartát", "Ferenc József – ... jegyességét követően – az
# Ágoston-rendiek bécsi templomában feleségül veszi ..."): the clause it interrupts goes on after the second
# dash, where the predicate stands.
_DASH_ASIDE = re.compile(r"(?:^|\s)–\s[^–]*?\s–(?=\s)")


def _first_clause(description: str) -> list[str]:
    text = description.lstrip()
    if text.startswith("("):  # an aside in brackets first ("(Thomas Moore), államférfi ..."): after it
        closing = text.find(")")
        text = text[closing + 1 :].lstrip(" ,") if closing >= 0 else text
    end = clause_end(text)
    return (text[:end] if end is not None else text).split()


def _head_is_event(description: str) -> bool:
    """Whether the description's last word, the head of its noun phrase (Hungarian puts the head last), is
    an event noun in the possessive (data/event_nouns.txt): the phrase names what happened, however long
    the possessor before it ("Assisi Szent Ferenc, a kereskedők, ... és az állatok védőszentjének ünnepe").
    A people-list line ends in what its person was, or in a life-year marker."""
    head = description.rstrip(" .;!?").rpartition(" ")[2]
    return (
        _is_event_noun(head)
        or _is_possessed_work(head)
        or (head.endswith(_ACTION_ENDINGS) and _LATIN_ACTION.search(head) is not None)
    )


def _is_event_noun(word: str) -> bool:
    """Whether ``word`` is an event noun of event_nouns.txt, or a compound ending in one ("ősbemutatója",
    "világrekordja"), in the singular possessive or in the plural possessive, its -i added ("kísérletei",
    "hadjáratai": the possessed plural is the singular's form and -i, as the grammars give it)."""
    return is_word_or_compound(word, EVENT_NOUNS, _EVENT_NOUN_ENDS) or (
        word.endswith(("ai", "ei")) and is_word_or_compound(word[:-1], EVENT_NOUNS, _EVENT_NOUN_ENDS)
    )


# A noun of an action of Latin origin in -ció/-zió in the possessive, the head of the description
# ("Bethlen István konszolidációja", "Napóleon oroszországi inváziója"): what the one named did, as a
# deverbal noun in -ás/-és is (:data:`_NOMINALISED`); read as the head only, as a possessor elsewhere in a
# person's description may be one ("... az ENSZ organizációjának elnöke").
_ACTION_ENDINGS = ("ja", "ját", "ói")
_LATIN_ACTION = re.compile(r"[a-záéíóöőúüű]{3,}[cz]ió(?:ja|ját|i)$")  # the plural possessive: "reformációi"


_EVENT_NOUN_ENDS = compound_ends(EVENT_NOUNS)
# A genre of work_genres.txt in the possessive, the work of the one named, and in the dative before the
# noun it is the possessor of ("kötete", "regénye", "filmje", "albuma"; "operája", "szimfóniája" with the
# stem's last vowel lengthened; "operájának", "balettjének"): the possessive -a/-e/-ja/-je, as Hungarian
# grammars give it (Rounds, Hungarian: An Essential Grammar, the possessive).
_POSSESSED_WORK = re.compile(
    "(?:"
    + "|".join(
        re.escape(genre[:-1] + LENGTHENED_VOWELS[genre[-1]]) + "j[ae]"
        if genre[-1] in LENGTHENED_VOWELS
        else re.escape(genre) + "j?[ae]"
        for genre in sorted(WORK_GENRES, key=len, reverse=True)
    )
    + ")(?:nak|nek|t)?$"
)


def _is_possessed_work(head: str) -> bool:
    """Whether a description's head is a work of the one named, in the possessive (:data:`_POSSESSED_WORK`),
    as the end of a compound too ("verseskötete"), its title's capital too ("Kölcsey Ferenc Himnusza"). (A
    capitalised word in the possessive is no work by itself: "a Nemzet Sportolója" is a title of honour.)"""
    return head.endswith(("a", "e", "k", "t")) and _POSSESSED_WORK.search(head.lower()) is not None


def _possessive_apposition(words: Sequence[str]) -> bool:
    """Whether a clause is an apposition of the possessive kind, an article opening it and the possessed noun
    closing it, its head ("a XX. századi magyar költészet egyik kiemelkedő alakja", "az Osztrák–Magyar Monarchia
    utolsó külügyminisztere"): what a person was, however long the possessor before it."""
    return len(words) > 1 and words[0] in ("a", "az") and POSSESSED.fullmatch(words[-1].rstrip(".,;:")) is not None


# The punctuation a word of a description may carry, stripped before the word is read.
_PUNCTUATION = ".,;:!?\"'„”"


def has_predicate(description: str, marked: bool = False) -> bool:
    """Whether the first clause of a description states something (a predicate) rather than naming what
    the person was: a copula, a nominalised action, an object, an adverbial of place or means, or more
    words than a noun phrase takes. On a line a life-year marker closes (``marked``), which only people lists
    write, a description may run long and hold an adverbial ("lengyel tábornok a második világháborúban",
    "a Blitzkrieg taktika fő teoretikusa a II. világháborúban"): there only a verb, a copula, an object or a
    nominalised action states something."""
    if _head_is_event(description):
        return True
    if "–" in description:
        description = _DASH_ASIDE.sub("", description).lstrip()
    words = _first_clause(description[:1] + _ASIDE.sub("", description[1:]) if "(" in description[1:] else description)
    if len(words) > LONGEST_DESCRIPTION_CLAUSE and not marked and not _possessive_apposition(words):
        return True
    if words and _is_possessed_work(words[-1].strip(_PUNCTUATION)):
        return True  # "Jókai Mór regénye, Az arany ember megjelenik.": the first clause's head is his work, no person
    for position, word in enumerate(words):
        bare = word.strip(_PUNCTUATION)
        following = words[position + 1] if position + 1 < len(words) else ""
        if bare in COPULAS and not (bare == "volt" and word == bare and following[:1].islower() and following not in ("a", "az")):
            return True  # ("volt" before a noun is "former": "volt miniszterelnök")
        if following in ("a", "az") and _DEFINITE_VERB_I.fullmatch(bare):
            return True
        if bare.endswith("i") and is_ambiguous_verb_before_object(bare, words[position + 1 :]):
            return True  # "Jurij Andropov követi Leonyid Brezsnyevet ...": a verb that is a noun too, its object
        if bare.endswith(CONTEST_NOUNS):  # "olimpiai játékok", "Labdarúgó-világbajnokság" (data/contest_nouns.txt)
            return True
        if _is_event_noun(bare):
            # "Ho Si Minh halála": what happened to the one named (data/event_nouns.txt); as the end of a compound
            # too, as the head is read ("Benjamin Britten ... kórusszimfóniájának ősbemutatója az amszterdami ...")
            return True
        if bare in OFFICE_CHANGE:  # "Szlovákia új miniszterelnöke": an appointment (data/office_change.txt)
            return True
        if not bare.islower():
            if bare[:1].isupper() and (
                (not marked and _capitalised_adverbial(bare, following) and not following.endswith(_PARTICIPLE_ENDINGS))
                or (bare.endswith("t") and _CAPITALISED_ACCUSATIVE.fullmatch(bare) and bare not in GIVEN_NAMES)
                or is_accusative_given_name(bare)  # "követi Leonyid ... Andrást": a person as the object
            ):
                return True
            continue
        if not bare.isalpha() or bare in DEMONYMS:
            continue
        # each pattern tried only on the words with one of its endings (str.endswith, the cheap test, first)
        if (
            not marked
            and (bare.endswith(_ADVERBIAL_ENDINGS) and (_ADVERBIAL.search(bare) or _SUBLATIVE.search(bare)))
            and not following.endswith(_PARTICIPLE_ENDINGS)
        ) or (
            (bare.endswith(_NOMINALISED_ENDINGS) and _NOMINALISED.search(bare))
            or (
                bare.endswith("t")
                and _ACCUSATIVE.search(bare)
                and bare not in PERSON_NOUNS_T
                and not bare.endswith(FIELD_NOUN_ENDINGS)  # "költészet": a field's noun, nominative
            )
            or (_DEFINITE_VERB.match(bare) and bare not in DEFINITE_VERBS["noun"])
            or (bare.endswith(_PRESENT_ENDINGS) and _PRESENT_VERB.search(bare) and not bare.endswith(_NOT_PRESENT_VERB))
            or (bare.endswith(_PREFIXED_ENDINGS) and PREFIXED_UL_VERB.fullmatch(bare) and bare not in _NOT_PRESENT_VERB)
            or _finite_verb(bare)
            or (bare.endswith(("nak", "nek")) and is_plural_verb(bare))
            or (bare.endswith("t") and _finite_past(bare, following))
        ):
            return True
    return False


def _finite_past(word: str, following: str) -> bool:
    """A past tense in -t, -ott, -ett, -ött (:data:`~evkonyv.parsing.verbs.PAST_INDEFINITE_ENDINGS`) read as
    the finite verb: the past participle is spelt the same ("kitüntetett író", "választott magyar király"),
    but stands before the noun it qualifies; the same word closing the clause, or before an article, a
    capitalised word or a number, is the verb ("Kádár János meghalt", "Ronald Reagan győzött az
    elnökválasztáson")."""
    if following and not (following in ("a", "az", "egy") or following[:1].isupper() or following[:1].isdigit()):
        return False
    return is_past_verb(word, PAST_INDEFINITE_ENDINGS)


# The possessed noun that closes a possessive noun phrase: a lower-case word with the third-person
# possessive ending -a/-e or -ja/-je ("felesége", "fia", "hercege", "uralkodója").
_POSSESSIVE_END = re.compile(r"[a-záéíóöőúüű]{2,}[ae]")
_REGNAL_NUMBER = re.compile(r"[IVXLC]+\.\s+")


def _describes(description: str) -> bool:
    """The rest of a people-list line: a lower-case description ("Isaac Barrow, angol matematikus",
    "Simon Stevin németalföldi fizikus, mérnök ..."), or a possessive noun phrase, a title or a relation
    and whom or what it is of ("Giovanni Medici Firenze uralkodója", "Aragóniai Izabella, III. Fülöp
    francia király felesége")."""
    text = description.lstrip()
    if not text:
        return False
    words = text.split(None, 2)
    # a place or a house that owns the title: "Firenze uralkodója", "Mantova őrgrófja"
    possessor = len(words) > 1 and words[0][:1].isupper() and POSSESSED.fullmatch(words[1].rstrip(",;:.")) is not None
    return text[0].islower() or possessor or _possessive_phrase(text)


def _possessive_phrase(text: str) -> bool:
    """A first clause that is a possessive noun phrase: the possessor, a capitalised name (a regnal
    number may lead it), then lower-case words, the last one the possessed noun ("III. Fülöp francia
    király felesége", "IV. Henrik angol király második fia"). A predicate in it makes it a statement."""
    regnal = _REGNAL_NUMBER.match(text)  # its dot closes no clause
    words = _first_clause(text[regnal.end() :] if regnal else text)
    capitalised = 0
    while capitalised < len(words) and (words[capitalised][:1].isupper() or words[capitalised][:1].isdigit()):
        capitalised += 1
    rest = words[capitalised:]
    return (
        capitalised > 0
        and words[0] not in DETERMINERS  # "A Pendragon legenda": a title ("Szerb Antal: A Pendragon legenda")
        and len(rest) > 0
        and all(word.islower() for word in rest)
        and _POSSESSIVE_END.fullmatch(rest[-1].rstrip(".")) is not None
        and not has_predicate(text)
    )


# A record before its id: the fields of :class:`Record` but ``record_id`` and ``likely_repeat_of``.
_Draft = dict[str, Any]


def _record(kind: str, article: Article, item: ListItem, date: ParsedDate, flags: tuple[str, ...], **person: Any) -> _Draft:
    # an undated item carries the flags of the date it was given
    flags = item.flags + flags + (date.flags if item.date is None else ())
    context = item.mark.sub_heading if item.mark else None
    return {
        "kind": kind, "article": article.title, "date": date, "text": item.rest, "source_file": article.source_file,
        "source_line": item.line, "source_segment": item.segment, "quality_flags": flags, **person, "context": context,
    }  # fmt: skip


def _events(article: Article, events: list[ListItem]) -> list[_Draft]:
    dates = _event_dates(article, events)
    return [_record("event", article, item, date, ()) for item, date in zip(events, dates, strict=True)]


def _event_dates(article: Article, events: list[ListItem]) -> list[ParsedDate]:
    """The dates of the events, undated ones included.

    A sub-item of the chronology whose own date line was lost sits between two
    day-dated neighbours in calendar order: it lies between them. Any other undated
    event (topical items after the chronology) lies somewhere in the year.
    """
    assert article.year is not None
    previous: list[ParsedDate | None] = []
    last: ParsedDate | None = None
    for item in events:
        previous.append(last)
        last = item.date or last
    dates: list[ParsedDate] = [whole_year(article.year)] * len(events)
    following: ParsedDate | None = None
    for index in range(len(events) - 1, -1, -1):
        item, before = events[index], previous[index]
        if item.date is not None:
            dates[index] = following = item.date
        elif item.mark is not None and item.mark.month is not None:
            dates[index] = _under_month_heading(article.year, item.mark.month)
        elif _day_precise(before) and _day_precise(following) and before.earliest <= following.earliest:  # type: ignore[union-attr]
            dates[index] = ParsedDate(
                article.year, None, None, None, None, None, "approximate",
                before.earliest, max(following.latest, before.latest), None,  # type: ignore[union-attr]
                ("date_inferred_from_neighbours",),
            )  # fmt: skip
        else:
            dates[index] = whole_year(article.year, ("undated",))
    return dates


def _under_month_heading(year: int, month: int) -> ParsedDate:
    """An undated item under a month heading: the line gives no date, the heading bounds it to the month."""
    return ParsedDate(
        year, None, None, None, None, None, "approximate", first_day(year, month), last_day(year, month), None,
        ("dated_by_month_heading",),
    )  # fmt: skip


def _day_precise(date: ParsedDate | None) -> bool:
    return date is not None and date.precision in ("day", "day_range")


def _person(article: Article, item: ListItem, reading: PersonLine, kind: str, result: ArticleResult) -> _Draft | None:
    assert article.year is not None
    date = item.date or whole_year(article.year, ("undated",))
    other_year, marker_flags = other_year_of(kind, date.year, reading.marker)
    if reading.person is None:
        reason = f"no person's name at the start of a {kind} line"
        result.quarantined.append(Quarantined(article.source_file, item.line, item.segment, article.title, reason, item.raw))
        return None
    marker = reading.marker if other_year is not None else None
    return _record(
        kind, article, item, date, tuple(marker_flags),
        name=reading.person.name, description=reading.person.description or None, other_year=other_year,
        other_month=marker.month if marker else None, other_day=marker.day if marker else None,
    )  # fmt: skip


def record_id(kind: str, article: str, text: str, occurrence: int) -> str:
    """Stable id: the record's kind, article and whitespace-normalised source text.

    It does not depend on the file or the line number, so moving an article keeps
    its ids; editing a line changes only the id of the records of that line.
    ``occurrence`` tells apart identical lines in one article.
    """
    return _hashed_id(kind, article, normalise_text(text), occurrence)


def _hashed_id(kind: str, article: str, normalised: str, occurrence: int) -> str:
    key = f"{kind}\x1f{article}\x1f{normalised}\x1f{occurrence}"
    return f"{kind}-{article}-{sha256(key.encode()).hexdigest()[:12]}"


def _finish(drafts: list[_Draft]) -> list[Record]:
    """The records of an article: each draft with its id, and an event that repeats an earlier one
    flagged with the earliest it repeats."""
    seen: Counter[tuple[str, str, str]] = Counter()
    ids = []
    texts = [normalise_text(draft["text"]) for draft in drafts]
    date_texts: dict[str | None, str] = {}  # (an article's items share a few hundred date texts)
    for draft, text in zip(drafts, texts, strict=True):
        kind, article, date_text = draft["kind"], draft["article"], draft["date"].text
        if date_text not in date_texts:
            date_texts[date_text] = normalise_text(date_text or "")
        # the normalised "<date text> <text>" (normalising each part first changes nothing: the words are the same)
        source = f"{date_texts[date_text]} {text}".strip()
        key = (kind, article, source)
        occurrence = seen[key]
        ids.append(_hashed_id(kind, article, source, occurrence))
        seen[key] = occurrence + 1
    events = [index for index, draft in enumerate(drafts) if draft["kind"] == "event"]
    repeats = likely_repeats([_comparable_normalised(texts[index]) for index in events])
    repeat_of = {events[later]: ids[events[earlier]] for later, earlier in repeats.items()}
    records = []
    for index, (draft, record_id_) in enumerate(zip(drafts, ids, strict=True)):
        if index in repeat_of:
            draft["likely_repeat_of"] = repeat_of[index]
            draft["quality_flags"] += ("likely_repeat",)
        records.append(Record(record_id=record_id_, **draft))
    return records


def _comparable_normalised(text: str) -> str:
    """How a (normalised) event text is compared with the others for repeats."""
    return text.casefold().rstrip(".!? ")


# Up to this many events, one search per text in the article's joined texts (in C) is faster than
# indexing every window in Python; above it, the searches would scan quadratically many characters.
# Both give the same answer.
JOINED_SEARCH_MAX = 200


def likely_repeats(texts: list[str], holds: Callable[[str, str], bool] = operator.contains) -> dict[int, int]:
    """For each text that holds, or lies in, an earlier one (``REPEAT_MIN_CHARS`` or more): the earliest.

    Near-linear, not all pairs: only the pairs a search or an index finds are compared
    whole (with ``holds(longer, shorter)``).
    """
    if len(texts) <= JOINED_SEARCH_MAX:
        return _likely_repeats_joined(texts, holds)
    return _likely_repeats_indexed(texts, holds)


def _likely_repeats_joined(texts: list[str], holds: Callable[[str, str], bool]) -> dict[int, int]:
    """The texts joined into one string, longest first; each text of ``REPEAT_MIN_CHARS`` or more looked
    for in the part that holds the texts at least as long as it (no shorter one can hold it)."""
    separator = "\x00"  # a character none of the texts holds, to join them
    if any(separator in text for text in texts):
        used = set().union(*texts)
        separator = next(char for char in map(chr, itertools.count(1)) if char not in used)
    order = sorted(range(len(texts)), key=lambda position: -len(texts[position]))
    joined = separator.join(texts[position] for position in order)
    starts = list(itertools.accumulate((len(texts[position]) + 1 for position in order), initial=0))
    longer_than = [-len(texts[position]) for position in order]  # ascending, for bisect
    earliest: dict[int, int] = {}  # later position -> earliest earlier position it repeats
    for position, text in enumerate(texts):
        if len(text) < REPEAT_MIN_CHARS:
            continue
        end = starts[bisect.bisect_right(longer_than, -len(text))]  # the texts at least as long end here
        found = joined.find(text, 0, end)
        while found >= 0:
            rank = bisect.bisect_right(starts, found) - 1  # the text the occurrence lies in
            inner = order[rank]
            if inner != position and holds(texts[inner], text):
                later, earlier = max(inner, position), min(inner, position)
                if earlier < earliest.get(later, later):
                    earliest[later] = earlier
            found = joined.find(text, starts[rank + 1], end)  # on to the next text
    return earliest


def _likely_repeats_indexed(texts: list[str], holds: Callable[[str, str], bool]) -> dict[int, int]:
    """When a shorter text lies inside a longer one, the longer one holds the shorter one's first
    window of ``REPEAT_MIN_CHARS`` characters. So the texts are indexed by their first window, each
    text's windows are looked up in that index, and only the pairs found are compared whole."""
    width = REPEAT_MIN_CHARS
    starts: dict[str, list[int]] = {}  # first window -> positions of the texts starting with it
    for position, text in enumerate(texts):
        if len(text) >= width:
            starts.setdefault(text[:width], []).append(position)
    earliest: dict[int, int] = {}  # later position -> earliest earlier position it repeats
    for position, text in enumerate(texts):
        seen: set[int] = set()
        for offset in range(len(text) - width + 1):
            for inner in starts.get(text[offset : offset + width], ()):
                if inner == position or inner in seen:
                    continue
                seen.add(inner)
                if holds(text, texts[inner]):  # the text at ``inner`` lies inside this one
                    later, earlier = max(inner, position), min(inner, position)
                    if earlier < earliest.get(later, later):
                        earliest[later] = earlier
    return earliest


def _body_roles(article: Article, body_lines: list[int], records: list[Record], result: ArticleResult) -> None:
    by_line: dict[int, list[Record]] = {}
    for record in records:
        by_line.setdefault(record.source_line, []).append(record)
    quarantined_lines = {q.source_line: q.reason for q in result.quarantined}
    source_file, title, roles = article.source_file, article.title, result.roles
    for number in body_lines:
        produced = by_line.get(number)
        if produced:
            if len(produced) == 1:  # most lines: no counting needed
                reason = f"1 {produced[0].kind}"
                ids: tuple[str, ...] = (produced[0].record_id,)
            else:
                kinds = Counter(record.kind for record in produced)
                reason = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
                ids = tuple(record.record_id for record in produced)
            if number in quarantined_lines:
                reason += f"; part quarantined: {quarantined_lines[number]}"
            roles.append(LineRole(source_file, number, title, "record", reason, ids))
        else:
            if number not in quarantined_lines:
                reason = "line produced no record"
                line = article.lines[number - article.first_line]
                result.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))
            reason = quarantined_lines.get(number, "line produced no record")
            result.roles.append(LineRole(article.source_file, number, article.title, "quarantine", reason))
