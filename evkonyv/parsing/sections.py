"""Inferring the events / births / deaths sections of a year article whose headings are gone.

A year article lists its events first, then its births, then its deaths. Births and
deaths are each in calendar order, so each restarts the months; their lines are
shaped like ``date – Name description`` and carry ``(† YYYY)`` / ``(* YYYY)`` markers.
Events, which come first, may be in any order and any shape.

:func:`infer_sections` chooses the two boundaries that best fit that structure: it
scores every split ``[events | births | deaths]`` with per-line costs and a cost
for each break of calendar order inside births or deaths, and keeps the cheapest.
The scoring is linear in the number of lines.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from evkonyv.parsing.values import value_class

# The article's year before which nobody listed can still be living: a birth line there always has
# its death year, if it is known.
LIVING_HORIZON = 1900
# What the days going back within a month weigh, as a share of the months going back (SectionCosts.order_break).
DAY_SLIP = 0.5


@dataclass(frozen=True)
class SectionCosts:
    """The weights of the evidence the section inference reads, every feature of a line it uses named
    here, once (lower cost fits better). They are a small linear model: a split's cost is the sum of its
    lines' costs in the sections it puts them in, plus the breaks of calendar order inside births or
    deaths. ``benchmarks/fit.py`` fits them on the labelled articles (and, leaving each article out in
    turn, measures how the fit carries over: docs/accuracy.md); the defaults are the shipped weights."""

    # Undated lines almost never belong to births or deaths.
    undated_person: float = 1.38
    # A person dated by a month or a vaguer date (not a day): less likely than a day-dated one.
    vague_date_person: float = 1.00
    # A line shaped "Name description" (a name found at the start, then a description phrase, not a
    # predicate): evidence for births or deaths.
    person_shaped_reward: float = -1.56
    not_person_shaped: float = 1.00
    # A line that ends like a sentence (".") and carries no life-year marker: an event's shape. A name and a
    # description phrase closed by a full stop weigh the same in an article of LIVING_HORIZON or later, whose
    # people lists close no item so (the old lists close them all: "Marino Falier velencei dózse.").
    sentence: float = 1.22
    # The marker symbol: "(† YYYY)" on a birth, "(* YYYY)" on a death; the other symbol costs.
    matching_marker_reward: float = -2.10
    other_marker: float = 1.71
    # The months go back inside births or deaths: the mark of a new section. The days going back within a
    # month are a slip of the source more often than a section, and weigh half as much (DAY_SLIP): a fixed
    # share, not a weight of its own, as no labelled article tells how much less.
    order_break: float = 1.29
    # Births and deaths list their dated people first, in calendar order, and those the article knows no
    # date of after them ("december 11. – X. Leó pápa", then "Filippo de Lurano, itáliai zeneszerző"). A
    # dated line right after an undated one inside births or deaths is out of that order: the dated line
    # opens the next section ("Marino Falier velencei dózse." closes the births, "március 7. – ..." opens
    # the deaths). A restart of the calendar there is not seen by ``order_break``, which compares
    # neighbouring dates. (Measured on the labelled Hungarian articles: of the births and deaths dated right
    # after an undated line, 28 open their section and 2 do not.)
    undated_before_dated: float = 1.00
    # Old-year articles list people with no date ("Isaac Barrow, angol matematikus"): an undated line
    # shaped like a people-list entry (a name, then a lower-case description, no sentence) fits them.
    undated_listed_person: float = -1.00
    # The marker gives the other life year. A birth line lacks it when the person still lives: in an
    # article of LIVING_HORIZON or later, a dated line without a marker leans to the births. Before, the
    # lists lack the marker as the authors did or did not write it, births and deaths alike (measured on
    # the labelled Hungarian year-article files but the sets still held out, dated people without a marker:
    # before 1700, 1 of 7 births and 1 of 5 deaths; 1700-1899, 29 of 122 births and 5 of 25 deaths; from
    # 1900, 58 of 69 births), so there it does not lean. (Until 2026-12-07 it leaned to the deaths there, on the belief
    # that a death's birth year is often unknown in old years; the measure does not bear it out, and
    # leaning no way reads the excerpts cut short, the short excerpts and the sets left out better:
    # docs/accuracy.md.) An undated line does not lean: a person listed without a date is one whose dates
    # the article's authors did not know, the other life year as little as the day ("Filippo de Lurano,
    # itáliai zeneszerző" born in the year, "Isaac Barrow, angol matematikus" dead in it). (Measured:
    # weighed apart, the fit gave the undated lean 0.07, and leaving it out read the left-out articles
    # best; docs/accuracy.md.)
    unmarked_lean: float = 0.98
    # The deaths restart the calendar after the births. A boundary where the dates run on (the first
    # "death" dated after the last birth) needs other evidence, such as markers: "... november 25. – ...,
    # december 16. – Jane Austen angol írónő" at the end of the births is one more birth.
    boundary_without_restart: float = 1.18
    # The people restart the calendar after the events too: a first birth (or, with no births, a first
    # death) dated on or after the event just before it needs other evidence. A copy cut before its
    # people ends on events ("július 1. – Horst Köhler Németország köztársasági elnöke" after other
    # events of 1 July is the new head of state, an event) that no restart of the calendar follows.
    people_without_restart: float = 1.34
    # A source that keeps one section heading keeps the others: where the births heading is in the text,
    # a deaths section that no "Halálozások" heading opens needs evidence (a restart, markers), and the
    # same for births where only the deaths or the events heading is kept. A lone unmarked person under
    # "Születések" ("Heinrich Finck, német zeneszerző") is a birth, whatever the era's lean.
    unheaded_section: float = 1.45
    # The people sections open with the births: an article (or a copy of its beginning) whose people are
    # all deaths has an empty births section, which the year articles rarely have. A split that opens the
    # deaths with no births before them needs evidence (a restart of the calendar, "(* YYYY)" markers).
    deaths_without_births: float = 1.00
    # A line that no name opens ("január 1. – életbe lép az ... törvény": a lower-case word, a number) makes
    # no birth or death record, whatever else it looks like: its place is the events.
    unnamed_person: float = 1.00
    # A name, then a predicate: a verb, a copula, an object or a nominalised action (records.has_predicate):
    # "Alexandr Szolzsenyicin Nobel-díjas orosz írót kitoloncolják a Szovjetunióból" states what happened
    # to the one named. Evidence against births and deaths beyond not being person-shaped, which a person
    # line whose description the grammar does not read is too.
    stated_person: float = 0.92
    # A death is often the outcome of an event of its day, which names the one who died: the battle he fell
    # in, the execution, the murder ("február 18. – IV. Edvard angol király ... kivégezteti öccsét Györgyöt"
    # above "február 18. – György, Clarence hercege, ..."). A birth is not: no event of a newborn's birthday
    # names him. Counted on the labelled Hungarian year articles (:func:`named_by_days_statement`): 4 of the
    # 62 deaths dated to a day are named in a statement of that day above them, none of the 252 births.
    # Evidence for the deaths where the calendar and the markers say nothing (a death alone after the events
    # of a short copy; a death dated after a birth of the same month). The fit leaves the weight near where
    # it starts, the neutral size with the counts' sign: no labelled article's split turns on it as a whole;
    # the short excerpts made of them do (docs/accuracy.md, "Short excerpts").
    death_named_by_days_statement: float = -1.00

    def replaced(self, **weights: float) -> SectionCosts:
        return dataclasses.replace(self, **weights)


COSTS = SectionCosts()
# The weights a parse uses: the shipped ones, or others set for a measurement (:func:`costs_in_use`).
_IN_USE: contextvars.ContextVar[SectionCosts] = contextvars.ContextVar("section_costs", default=COSTS)


def current_costs() -> SectionCosts:
    """The weights a parse uses now (:data:`COSTS`, or those :func:`costs_in_use` set)."""
    return _IN_USE.get()


@contextlib.contextmanager
def costs_in_use(costs: SectionCosts) -> Iterator[None]:
    """Parse with other weights inside the block (leave-one-article-out measures a fit this way)."""
    token = _IN_USE.set(costs)
    try:
        yield
    finally:
        _IN_USE.reset(token)


@value_class
class LineShape:
    """What the section inference needs to know about one list item."""

    date: dt.date | None  # the start of its date, None when undated
    day_precise: bool  # a day or a day range
    person_shaped: bool  # "Name description", a name found at the start
    sentence: bool  # ends like a sentence ("."), after any life-year marker
    marker: str | None  # "*" or "†" when a trailing life-year marker is there
    described_person: bool = False  # a name, then a lower-case description, not a sentence
    described_full_stop: bool = False  # a name and a description phrase, closed by a full stop
    unnamed: bool = False  # no name opens it (not even one capitalised word): no person line
    stated: bool = False  # a name, then a predicate (a verb, a copula, an object, a nominalised action)
    named_by_days_statement: bool = False  # its name is in a statement of the same day above it


LineCost = Callable[["LineShape", str], float]


@dataclass(frozen=True)
class Sections:
    births_start: int
    deaths_start: int

    def label(self, index: int) -> str:
        if index < self.births_start:
            return "event"
        return "birth" if index < self.deaths_start else "death"


def _line_cost(shape: LineShape, section: str, year: int | None = None, costs: SectionCosts = COSTS) -> float:
    if shape.date is None:
        # an undated line whose name the grammar did not read still carries its life-year marker, if any
        cost = costs.undated_listed_person if shape.described_person else costs.undated_person
    else:
        cost = 0.0 if shape.day_precise else costs.vague_date_person
        cost += costs.person_shaped_reward if shape.person_shaped else costs.not_person_shaped
    if shape.marker is None and (shape.sentence or (shape.described_full_stop and year is not None and year >= LIVING_HORIZON)):
        # a full stop closes a name and its description only on the old lists (none of the 127 labelled people
        # of the articles of 1900 and later, 10 of the 179 before): in a modern article, it closes a statement
        cost += costs.sentence
    if shape.unnamed:
        cost += costs.unnamed_person
    elif shape.stated:
        cost += costs.stated_person
    if shape.marker is not None:
        matching = "†" if section == "birth" else "*"
        cost += costs.matching_marker_reward if shape.marker == matching else costs.other_marker
    elif shape.person_shaped and shape.date is not None and year is not None and year >= LIVING_HORIZON and section == "death":
        cost += costs.unmarked_lean  # the living have no death year: a modern line without a marker leans to births
    if shape.named_by_days_statement and section == "death":
        cost += costs.death_named_by_days_statement
    return cost


# A word of a name that names nobody in particular: a regnal number ("IV."), an initial.
_NUMBER_OR_INITIAL = re.compile(r"(?:[IVXLCDM]+|\w)\.?")


def named_by_days_statement(
    shapes: Sequence[LineShape], texts: Sequence[str], names: Sequence[str | None], tells_birth: re.Pattern[str] | None = None
) -> list[LineShape]:
    """``shapes`` with :attr:`LineShape.named_by_days_statement` set on each person-shaped line dated to a day
    whose name a statement of the same day above it holds (a line of that day not shaped as a person's):
    every capitalised word of the name, as the start of a word of the statement, the name's words of five
    letters or more less their last letter, which a case ending may lengthen or change ("Giuliano" in
    "Giulianót", "György" in "Györgyöt", "Medici" in "Medicit"). A name of one short word alone is too
    common to tell (four letters at least are asked of one of its words). A statement that ``tells_birth`` matches
    (the language's words of a birth: "Megszületik Lajos trónörökös") names the one born that day, and is no
    evidence."""
    marked = list(shapes)
    statements: dict[dt.date, list[str]] = {}  # the statements of each day above the line read
    for index, (shape, text, name) in enumerate(zip(shapes, texts, names, strict=True)):
        if not shape.day_precise or shape.date is None:
            continue
        if not shape.person_shaped:
            if tells_birth is None or tells_birth.search(text) is None:
                statements.setdefault(shape.date, []).append(text)
            continue
        if not name or shape.date not in statements:
            continue
        words = [word for word in re.split(r"[\s,]+", name) if word[:1].isupper() and not _NUMBER_OR_INITIAL.fullmatch(word)]
        if not words or max(len(word) for word in words) < 4:
            continue
        stems = [re.compile(r"(?<!\w)" + re.escape(word[:-1] if len(word) >= 5 else word)) for word in words]
        if any(all(stem.search(statement) for stem in stems) for statement in statements[shape.date]):
            marked[index] = dataclasses.replace(shape, named_by_days_statement=True)
    return marked


def infer_sections(
    shapes: Sequence[LineShape],
    births_start: int | None = None,
    deaths_start: int | None = None,
    year: int | None = None,
    costs: SectionCosts | None = None,
    headed: bool = False,
) -> Sections:
    """The cheapest split; a boundary the source still marks (a heading) is kept as given.

    ``year``: the article's year, which tells which way a line without a life-year marker leans.
    ``costs``: the weights (by default the ones in use: :data:`COSTS` unless :func:`costs_in_use` says).
    ``headed``: the source keeps the events' heading (so it would keep the births' and deaths' too).
    """
    costs = costs or _IN_USE.get()
    if births_start is not None or deaths_start is not None:
        return _split_with_known_boundary(shapes, births_start, deaths_start, year, costs)
    if headed:
        return _split_under_events_heading(shapes, year, costs)
    return _cheapest_split(shapes, functools.partial(_line_cost, year=year, costs=costs), costs)


def split_cost(
    shapes: Sequence[LineShape], sections: Sections, year: int | None = None, costs: SectionCosts | None = None
) -> float:
    """The cost of one split, line by line (what :func:`infer_sections` minimises in one scan)."""
    costs = costs or _IN_USE.get()
    n, total = len(shapes), 0.0
    for start, end, section in ((sections.births_start, sections.deaths_start, "birth"), (sections.deaths_start, n, "death")):
        total += sum(_line_cost(shapes[i], section, year, costs) for i in range(start, end))
        total += sum(_break_cost(shapes[i - 1], shapes[i], costs) for i in range(start + 1, end))
    if sections.births_start < sections.deaths_start:
        total += _boundary_cost(shapes, sections.deaths_start, costs)
    total += _births_empty_cost(sections.births_start, sections.deaths_start, n, costs)
    return total + _people_start_cost(shapes, sections.births_start, costs)  # (births or deaths start there)


def _split_with_known_boundary(
    shapes: Sequence[LineShape], births_start: int | None, deaths_start: int | None, year: int | None, costs: SectionCosts
) -> Sections:
    n = len(shapes)
    deaths_options = [deaths_start] if deaths_start is not None else range(births_start or 0, n + 1)
    known = births_start is not None, deaths_start is not None
    candidates = [
        (_tied(split_cost(shapes, Sections(b, d), year, costs) + _unheaded_cost(Sections(b, d), n, *known, costs)), b, d)
        for d in deaths_options
        for b in ([births_start] if births_start is not None else range(d + 1))
        if b <= d
    ]
    if not candidates:  # headings out of order: trust the births heading alone
        return _split_with_known_boundary(shapes, births_start, None, year, costs)
    _, births, deaths = min(candidates)
    return Sections(births_start=births, deaths_start=deaths)


def _unheaded_cost(sections: Sections, n: int, births_known: bool, deaths_known: bool, costs: SectionCosts) -> float:
    """What the sections a split opens where the source, keeping another heading, writes none cost
    (:attr:`SectionCosts.unheaded_section` each; ``benchmarks/fit.py`` counts them the same way)."""
    births_unheaded = not births_known and sections.births_start < sections.deaths_start
    deaths_unheaded = not deaths_known and sections.deaths_start < n
    return costs.unheaded_section * (births_unheaded + deaths_unheaded)


def _split_under_events_heading(shapes: Sequence[LineShape], year: int | None, costs: SectionCosts) -> Sections:
    """The cheapest split of an article whose events' heading is kept and whose births' and deaths' are
    not: each of those sections it opens costs :attr:`SectionCosts.unheaded_section`. The cost depends only
    on which sections are empty, so the cheapest split of each kind is found in linear time (no section,
    births only, deaths only, the cheapest of all) and the penalties decide between them."""
    n = len(shapes)
    births, deaths, breaks = _prefixes(shapes, functools.partial(_line_cost, year=year, costs=costs), costs)

    def block(prefix: list[float], start: int) -> float:  # lines [start, n) as one section
        return prefix[n] - prefix[start] + breaks[n] - breaks[start + 1]

    splits = {Sections(n, n), _cheapest_split(shapes, functools.partial(_line_cost, year=year, costs=costs), costs)}
    if n:
        people = [_people_start_cost(shapes, start, costs) for start in range(n)]
        splits.add(Sections(min(range(n), key=lambda b: block(births, b) + people[b]), n))  # births only
        splits.add(Sections(*[min(range(n), key=lambda d: block(deaths, d) + people[d])] * 2))  # deaths only

    def penalised(sections: Sections) -> tuple[float, int, int]:
        cost = _tied(split_cost(shapes, sections, year, costs) + _unheaded_cost(sections, n, False, False, costs))
        return cost, sections.births_start, sections.deaths_start

    _, births_start, deaths_start = min(penalised(sections) for sections in splits)
    return Sections(births_start=births_start, deaths_start=deaths_start)


# Costs are compared rounded to this many decimals (as benchmarks/fit.py compares them): splits whose costs
# differ by the rounding noise of their sums are a tie, broken the same way whatever the weights are (the
# earliest births start, then the earliest deaths start: with nothing to tell them apart, the undated,
# unmarked people where the births end are deaths, and carry the flag section_inferred). Measured the other
# way (the latest deaths start): 1475's two births and en_612's two right, but 1620's death, 1677's deaths and
# two English deaths wrong; leaving one article out, 956 of 963 against 957 (docs/accuracy.md).
_COST_DECIMALS = 9
# The one-pass scan, run on every article, compares with this margin instead: a cost lower by less than it
# is no lower (rounding each cost there took 2% more of the parse's instructions).
_TIE = 0.5 * 10**-_COST_DECIMALS


def _tied(cost: float) -> float:
    return round(cost, _COST_DECIMALS)


def _boundary_cost(shapes: Sequence[LineShape], deaths_start: int, costs: SectionCosts) -> float:
    """Cost of a births/deaths boundary before ``deaths_start`` across which the dates run on."""
    return costs.boundary_without_restart if _runs_on(shapes, deaths_start) else 0.0


def _births_empty_cost(births_start: int, deaths_start: int, n: int, costs: SectionCosts) -> float:
    """Cost of a split whose deaths open the people, with no births before them."""
    return costs.deaths_without_births if births_start == deaths_start < n else 0.0


def _people_start_cost(shapes: Sequence[LineShape], start: int, costs: SectionCosts) -> float:
    """Cost of an events/people boundary before ``start`` (the first birth, or death) across which the
    dates run on."""
    return costs.people_without_restart if _runs_on(shapes, start) else 0.0


def _runs_on(shapes: Sequence[LineShape], start: int) -> bool:
    """The lines before and from ``start`` are both dated and the dates do not go back across it."""
    if not 0 < start < len(shapes):
        return False
    before, after = shapes[start - 1].date, shapes[start].date
    return before is not None and after is not None and after >= before


def _break_cost(before: LineShape, after: LineShape, costs: SectionCosts) -> float:
    if before.date is None and after.date is not None:
        return costs.undated_before_dated
    if before.date is None or after.date is None or after.date >= before.date:
        return 0.0
    same_month = (after.date.year, after.date.month) == (before.date.year, before.date.month)
    return DAY_SLIP * costs.order_break if same_month else costs.order_break


@dataclass(frozen=True)
class CostTerms:
    """The terms a split's cost adds up, per line: what each line costs as a birth and as a death, what
    the break of calendar order before it costs inside a section, and what a births/deaths boundary before
    it costs. A split's cost is linear in the weights, so these terms under a weight set to 1 and the
    others to 0 are the split's features for that weight (``benchmarks/fit.py`` learns the weights so)."""

    birth: list[float]
    death: list[float]
    break_before: list[float]  # [0] is 0: nothing comes before the first line
    boundary_before: list[float]  # one more than the lines: a boundary may come after the last
    people_start_before: list[float]  # the same, for the boundary before the first birth or death

    @classmethod
    def of(cls, shapes: Sequence[LineShape], year: int | None, costs: SectionCosts) -> CostTerms:
        return cls(
            birth=[_line_cost(shape, "birth", year, costs) for shape in shapes],
            death=[_line_cost(shape, "death", year, costs) for shape in shapes],
            break_before=[0.0] + [_break_cost(a, b, costs) for a, b in zip(shapes, shapes[1:], strict=False)],
            boundary_before=[_boundary_cost(shapes, d, costs) for d in range(len(shapes) + 1)],
            people_start_before=[_people_start_cost(shapes, d, costs) for d in range(len(shapes) + 1)],
        )


def _prefixes(
    shapes: Sequence[LineShape], line_cost: LineCost, costs: SectionCosts
) -> tuple[list[float], list[float], list[float]]:
    """``births[k]``, ``deaths[k]``: the cost of lines [0, k) as births, as deaths; ``breaks[k]``: the cost
    of the breaks of calendar order between the lines inside [0, k)."""
    n = len(shapes)
    births = [0.0] * (n + 1)
    deaths = [0.0] * (n + 1)
    for i, shape in enumerate(shapes):
        births[i + 1] = births[i] + line_cost(shape, "birth")
        deaths[i + 1] = deaths[i] + line_cost(shape, "death")
    breaks = [0.0] * (n + 1)
    for k in range(1, n):
        breaks[k + 1] = breaks[k] + _break_cost(shapes[k - 1], shapes[k], costs)
    return births, deaths, breaks


def _cheapest_split(shapes: Sequence[LineShape], line_cost: LineCost, costs: SectionCosts) -> Sections:
    n = len(shapes)
    births, deaths, breaks = _prefixes(shapes, line_cost, costs)

    def block(prefix: list[float], start: int, end: int) -> float:
        """Cost of lines [start, end) as one section: line costs plus breaks inside it."""
        if start >= end:
            return 0.0
        return prefix[end] - prefix[start] + breaks[end] - breaks[start + 1]

    best_total, best_births_start, best_deaths_start = 0.0, n, n  # everything an event
    # Running minimum over births starts a < deaths_start of the part of
    # block(births, a, deaths_start) that depends on a alone.
    lowest_start_term, lowest_start = float("inf"), 0
    for deaths_start in range(n + 1):
        # no births: the deaths (if any) start the people
        births_start = deaths_start
        births_cost = _people_start_cost(shapes, deaths_start, costs) + _births_empty_cost(deaths_start, deaths_start, n, costs)
        if lowest_start_term < float("inf"):
            cost = births[deaths_start] + breaks[deaths_start] + lowest_start_term + _boundary_cost(shapes, deaths_start, costs)
            if cost < births_cost:
                births_start, births_cost = lowest_start, cost
        total = births_cost + block(deaths, deaths_start, n)
        if total < best_total - _TIE:
            best_total, best_births_start, best_deaths_start = total, births_start, deaths_start
        if deaths_start < n:
            term = -births[deaths_start] - breaks[deaths_start + 1] + _people_start_cost(shapes, deaths_start, costs)
            if term <= lowest_start_term:
                lowest_start_term, lowest_start = term, deaths_start
    return Sections(births_start=best_births_start, deaths_start=best_deaths_start)


# A split whose total cost comes within this much of the cheapest is a near-tie: one piece of weak
# evidence (an unmarked line's lean, a day out of order) decides between them. It is the margin the fit
# asks of a labelled split over one that places a single item wrongly (``benchmarks/fit.py``), so a
# near-tie is a split the weights do not hold apart by that margin. Every line that the two splits place
# in different sections was placed on weak evidence; docs/accuracy.md measures how often such lines are
# wrong ("Doubt made visible").
WEAK_EVIDENCE_MARGIN = 1.0
# How far from the chosen boundaries the near-ties are looked for (lines): the evidence that moves a
# boundary further is no near-tie.
NEAR_TIE_WINDOW = 12


def weakly_placed(
    shapes: Sequence[LineShape],
    sections: Sections,
    births_known: bool = False,
    deaths_known: bool = False,
    year: int | None = None,
    margin: float = WEAK_EVIDENCE_MARGIN,
    costs: SectionCosts | None = None,
) -> set[int]:
    """The indexes of the lines whose section a near-tie could change: those that another split, within
    ``margin`` of the chosen one's cost and with its boundaries near the chosen ones, places elsewhere.
    A boundary a heading gives (``births_known``, ``deaths_known``) does not move."""
    costs = costs or _IN_USE.get()
    n = len(shapes)
    births, deaths, breaks = (
        np.array(prefix) for prefix in _prefixes(shapes, functools.partial(_line_cost, year=year, costs=costs), costs)
    )
    boundary = np.array([_boundary_cost(shapes, d, costs) for d in range(n + 1)])
    people = np.array([_people_start_cost(shapes, b, costs) for b in range(n + 1)])
    chosen_b, chosen_d = sections.births_start, sections.deaths_start
    b_options = [chosen_b] if births_known else range(max(0, chosen_b - NEAR_TIE_WINDOW), min(n, chosen_b + NEAR_TIE_WINDOW) + 1)
    d_options = [chosen_d] if deaths_known else range(max(0, chosen_d - NEAR_TIE_WINDOW), min(n, chosen_d + NEAR_TIE_WINDOW) + 1)
    # every split of the window at once, the chosen one first (the same sums as split_cost, in its order)
    grid_d, grid_b = np.meshgrid(np.array(d_options), np.array(b_options), indexing="ij")
    b = np.concatenate(([chosen_b], grid_b.ravel()))
    d = np.concatenate(([chosen_d], grid_d.ravel()))

    def block(prefix: np.ndarray, start: np.ndarray, end: np.ndarray | int) -> np.ndarray:
        inside = prefix[end] - prefix[start] + breaks[end] - breaks[np.minimum(start + 1, n)]
        return np.where(start >= end, 0.0, inside)

    empty_births = np.where((b == d) & (d < n), costs.deaths_without_births, 0.0)
    total = block(births, b, d) + block(deaths, d, n) + (np.where(b < d, boundary[d], 0.0) + empty_births) + people[b]
    near = (b <= d) & ((b != chosen_b) | (d != chosen_d)) & (total <= total[0] + margin)
    weak: set[int] = set()
    for other_b, other_d in zip(b[near].tolist(), d[near].tolist(), strict=True):
        # the lines the two splits place apart: those between their births starts (an event in one, a
        # person in the other) and those between their deaths starts (a death in one, not in the other)
        weak.update(range(min(other_b, chosen_b), max(other_b, chosen_b)))
        weak.update(range(min(other_d, chosen_d), max(other_d, chosen_d)))
    return weak
