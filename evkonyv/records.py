"""Turning one year article into event, birth and death records.

Every line of the article gets a role (see :data:`ROLES`); body lines become records
or quarantine rows.
"""

from __future__ import annotations

import hashlib
import operator
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from evkonyv.articles import Article
from evkonyv.dates import ParsedDate, UnknownDateError, parse_date_prefix, whole_year
from evkonyv.hungarian import BIRTHS_HEADING, DEATHS_HEADING
from evkonyv.lines import (
    is_blank,
    is_navigation,
    is_nobel_intro,
    is_nobel_laureates,
    is_reference,
    is_topic_link,
    split_glued_headings,
)
from evkonyv.people import find_other_year, other_year_for, split_person
from evkonyv.sections import LineShape, infer_sections

ROLES: tuple[str, ...] = (
    "record",
    "quarantine",
    "navigation",
    "reference",
    "nobel_intro",
    "nobel",
    "prose",
    "duplicate",
    "blank",
)
KINDS: tuple[str, ...] = ("event", "birth", "death")
# An event whose normalised text holds another event's text of at least this many
# characters is flagged as a likely repeat of it.
REPEAT_MIN_CHARS = 25


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Quarantined:
    source_file: str
    source_line: int
    source_segment: int
    article: str | None
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class ListItem:
    """One list item of the article body: a line, or a part of a line split at a glued heading."""

    line: int
    segment: int
    raw: str
    date: ParsedDate | None
    rest: str
    flags: tuple[str, ...]
    after_heading: str | None = None  # a glued section heading dropped just before the item


def parse_year_article(article: Article, line_flags: Mapping[int, tuple[str, ...]] | None = None) -> ArticleResult:
    """Give every line of a year article its role; build its events, births and deaths.

    ``line_flags``: quality flags by line number that every record of the line carries
    (what text normalisation changed on it).
    """
    result = ArticleResult()
    if article.year is None:
        _quarantine_yearless(article, result)
        return result
    body_lines = _classify_lines(article, result)
    items = _items(article, body_lines, result, line_flags or {})
    sections = infer_sections(
        [_shape(item) for item in items],
        births_start=_first_after(items, BIRTHS_HEADING),
        deaths_start=_first_after(items, DEATHS_HEADING),
    )
    records = _events(article, items[: sections.births_start])
    for index in range(sections.births_start, len(items)):
        person = _person(article, items[index], sections.label(index), result)
        if person is not None:
            records.append(person)
    records = _flag_repeats(_assign_ids(records))
    result.records.extend(records)
    _body_roles(article, body_lines, records, result)
    return result


def _quarantine_yearless(article: Article, result: ArticleResult) -> None:
    reason = f"year article whose year cannot be read: {article.problem or 'no readable navigation'}"
    for number, line in zip(article.line_numbers(), article.lines, strict=True):
        if is_blank(line):
            result.roles.append(LineRole(article.source_file, number, article.title, "blank", "blank line"))
        else:
            result.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))
            result.roles.append(LineRole(article.source_file, number, article.title, "quarantine", reason))


def _first_after(items: list[ListItem], heading: str) -> int | None:
    """Index of the item a glued ``heading`` introduces, when the source kept one."""
    return next((index for index, item in enumerate(items) if item.after_heading == heading), None)


def _classify_lines(article: Article, result: ArticleResult) -> list[int]:
    """Give navigation, reference, Nobel and blank lines their role; return the body lines."""
    body: list[int] = []
    in_nobel = False
    nobel_line = 0
    for number, line in zip(article.line_numbers(), article.lines, strict=False):
        role, reason = None, ""
        if in_nobel and _dated(line, article.year):
            # a chronology item below the Nobel section: the lines are out of the article's order
            role, reason = "quarantine", f"{OUT_OF_ORDER}: a dated list item after the Nobel Prize introduction (line {nobel_line})"
            result.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))
        elif is_blank(line):
            role, reason = "blank", "blank line"
        elif is_navigation(line):
            role, reason = "navigation", "year navigation ('Évtizedek:' / 'Évek:' line)"
        elif is_reference(line):
            role, reason = "reference", "reference (starts with ↑)"
            in_nobel = False
        elif is_nobel_intro(line):
            role, reason, in_nobel, nobel_line = "nobel_intro", "introduction of the Nobel Prize section", True, number
        elif in_nobel or is_nobel_laureates(line):
            role, reason = "nobel", "line of the Nobel Prize section"
        elif is_topic_link(line):
            role, reason = "navigation", "link to a topical sub-article of the year ('1957 a tudományban')"
        if role is None:
            body.append(number)
        else:
            result.roles.append(LineRole(article.source_file, number, article.title, role, reason))
    return body


OUT_OF_ORDER = "out of the article's order"


def _dated(line: str, year: int | None) -> bool:
    try:
        return year is not None and parse_date_prefix(line, year) is not None
    except UnknownDateError:
        return True


def _items(
    article: Article, body_lines: list[int], result: ArticleResult, line_flags: Mapping[int, tuple[str, ...]]
) -> list[ListItem]:
    assert article.year is not None
    items: list[ListItem] = []
    for number in body_lines:
        line = article.lines[number - article.first_line]
        pieces, headings = split_glued_headings(line)
        flags = line_flags.get(number, ()) + (("glued_heading",) if headings else ())
        for segment, piece in enumerate(pieces):
            if not piece:
                continue
            after_heading = headings[segment - 1] if segment else None
            try:
                prefix = parse_date_prefix(piece, article.year)
            except UnknownDateError as error:
                result.quarantined.append(Quarantined(article.source_file, number, segment, article.title, str(error), piece))
                continue
            if prefix is None:
                items.append(ListItem(number, segment, piece, None, piece, flags, after_heading))
            elif not prefix.rest:
                reason = "a date with no text after it"
                result.quarantined.append(Quarantined(article.source_file, number, segment, article.title, reason, piece))
            else:
                items.append(ListItem(number, segment, piece, prefix.date, prefix.rest, flags + prefix.date.flags, after_heading))
    return items


def _shape(item: ListItem) -> LineShape:
    marker = find_other_year(item.rest)
    bare = item.rest[: marker.start].rstrip() if marker else item.rest
    return LineShape(
        date=item.date.earliest if item.date else None,
        day_precise=_day_precise(item.date),
        person_shaped=split_person(bare) is not None,
        sentence=bare.endswith((".", "!", "?")),
        marker=marker.symbol if marker else None,
    )


def _record(kind: str, article: Article, item: ListItem, date: ParsedDate, flags: tuple[str, ...], **person: Any) -> Record:
    # an undated item carries the flags of the date it was given
    flags = item.flags + flags + (date.flags if item.date is None else ())
    return Record(kind, "", article.title, date, item.rest, article.source_file, item.line, item.segment, flags, **person)


def _events(article: Article, events: list[ListItem]) -> list[Record]:
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
        elif _day_precise(before) and _day_precise(following) and before.earliest <= following.earliest:  # type: ignore[union-attr]
            dates[index] = ParsedDate(
                article.year, None, None, None, None, None, "approximate",
                before.earliest, max(following.latest, before.latest), None,  # type: ignore[union-attr]
                ("date_inferred_from_neighbours",),
            )  # fmt: skip
        else:
            dates[index] = whole_year(article.year, ("undated",))
    return dates


def _day_precise(date: ParsedDate | None) -> bool:
    return date is not None and date.precision in ("day", "day_range")


def _person(article: Article, item: ListItem, kind: str, result: ArticleResult) -> Record | None:
    assert article.year is not None
    date = item.date or whole_year(article.year, ("undated",))
    other_year, marker_flags, bare = other_year_for(kind, date.year, item.rest)
    person = split_person(bare, allow_single_word=True)
    if person is None:
        reason = f"no person's name at the start of a {kind} line"
        result.quarantined.append(Quarantined(article.source_file, item.line, item.segment, article.title, reason, item.raw))
        return None
    return _record(
        kind, article, item, date, tuple(marker_flags),
        name=person.name, description=person.description or None, other_year=other_year,
    )  # fmt: skip


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def record_id(kind: str, article: str, text: str, occurrence: int) -> str:
    """Stable id: the record's kind, article and whitespace-normalised source text.

    It does not depend on the file or the line number, so moving an article keeps
    its ids; editing a line changes only the id of the records of that line.
    ``occurrence`` tells apart identical lines in one article.
    """
    key = "\x1f".join((kind, article, normalise_text(text), str(occurrence)))
    return f"{kind}-{article}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"


def _assign_ids(records: list[Record]) -> list[Record]:
    seen: Counter[tuple[str, str, str]] = Counter()
    assigned = []
    for record in records:
        source = (record.date.text or "") + " " + record.text
        key = (record.kind, record.article, normalise_text(source))
        assigned.append(replace(record, record_id=record_id(record.kind, record.article, source, seen[key])))
        seen[key] += 1
    return assigned


def _comparable(text: str) -> str:
    return normalise_text(text).casefold().rstrip(".!? ")


def _flag_repeats(records: list[Record]) -> list[Record]:
    """Flag an event whose text holds (or is held by) an earlier event's text; name the earliest."""
    events = [(index, _comparable(record.text)) for index, record in enumerate(records) if record.kind == "event"]
    flagged = list(records)
    for later, earlier in likely_repeats([text for _, text in events]).items():
        index, record = events[later][0], records[events[later][0]]
        flagged[index] = replace(
            record,
            likely_repeat_of=records[events[earlier][0]].record_id,
            quality_flags=record.quality_flags + ("likely_repeat",),
        )
    return flagged


def likely_repeats(texts: list[str], holds: Callable[[str, str], bool] = operator.contains) -> dict[int, int]:
    """For each text that holds, or lies in, an earlier one (``REPEAT_MIN_CHARS`` or more): the earliest.

    Near-linear, not all pairs: when a shorter text lies inside a longer one, the longer
    one holds the shorter one's first window of ``REPEAT_MIN_CHARS`` characters. So the
    texts are indexed by their first window, each text's windows are looked up in that
    index, and only the pairs found are compared whole (with ``holds(longer, shorter)``).
    """
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
    for number in body_lines:
        produced = by_line.get(number, [])
        if produced:
            kinds = Counter(record.kind for record in produced)
            reason = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
            if number in quarantined_lines:
                reason += f"; part quarantined: {quarantined_lines[number]}"
            ids = tuple(record.record_id for record in produced)
            result.roles.append(LineRole(article.source_file, number, article.title, "record", reason, ids))
        else:
            if number not in quarantined_lines:
                reason = "line produced no record"
                line = article.lines[number - article.first_line]
                result.quarantined.append(Quarantined(article.source_file, number, 0, article.title, reason, line))
            reason = quarantined_lines.get(number, "line produced no record")
            result.roles.append(LineRole(article.source_file, number, article.title, "quarantine", reason))
