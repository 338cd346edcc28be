"""Hungarian vocabulary the parser relies on: month names, date phrases and given names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def data_words(name: str, folder: Path = DATA) -> list[str]:
    """The entries of a word list in a language's data folder (by default the Hungarian one,
    ``evkonyv/parsing/data``), one per line; ``#`` starts a comment."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def data_rows(name: str, folder: Path = DATA) -> list[tuple[str, ...]]:
    """The rows of a tab-separated table in a language's data folder (by default the Hungarian one)."""
    return [tuple(cell.strip() for cell in line.split("\t")) for line in data_words(name, folder)]


_MONTH_ROWS = data_rows("months.tsv")
# Every form a date may write a month in (its name or its abbreviation), lower case, and the month's number.
MONTHS: dict[str, int] = {form: int(number) for form, number, _ in _MONTH_ROWS}
# The month names alone, by number (what a month heading is, and how a date is written back).
MONTH_NAMES: dict[int, str] = {int(number): form for form, number, kind in _MONTH_ROWS if kind == "name"}


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` literally, the longest first (no word is cut short
    by another that starts it)."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# The one pattern of the month names, and the one of every form of a month (names and abbreviations).
MONTH_NAME_PATTERN = alternation(MONTH_NAMES.values())
MONTH_PATTERN = alternation(MONTHS)


def month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


# Phrases that stand where a date would and name a part of the year: phrase -> (precision,
# first (month, day), last (month, day)), from evkonyv/parsing/data/date_phrases.tsv.
DATE_PHRASES: dict[str, tuple[str, tuple[int, int], tuple[int, int]]] = {
    phrase: (precision, month_day(first), month_day(last)) for phrase, precision, first, last in data_rows("date_phrases.tsv")
}

# Words naming a part of a month after its name, where a day would stand ("június közepe"), from
# evkonyv/parsing/data/month_parts.txt.
MONTH_PARTS: tuple[str, ...] = tuple(data_words("month_parts.txt"))
_DATE_SUFFIXES = data_rows("date_suffixes.tsv")


def _date_endings(unit: str, relation: str, form: str = "adverb") -> tuple[str, ...]:
    """The endings of data/date_suffixes.tsv that make a date of ``unit`` a ``form`` (an adverb, by default)
    of ``relation``."""
    return tuple(
        ending
        for row_unit, ending, row_relation, row_form in _DATE_SUFFIXES
        if (row_unit, row_relation, row_form) == (unit, relation, form)
    )


# The case endings that put a month in time ("márciusban", "márciusában": in March), from the table of the
# endings after a date (data/date_suffixes.tsv: unit month, relation on, an adverb).
MONTH_ON_ENDINGS: tuple[str, ...] = _date_endings("month", "on")
# The case endings of a day that open and close a range ("július 26-tól augusztus 11-ig": from, until), from
# the same table (unit day, relation from / until, an adverb).
DAY_FROM_ENDINGS: tuple[str, ...] = _date_endings("day", "from")
DAY_UNTIL_ENDINGS: tuple[str, ...] = _date_endings("day", "until")
# The case endings that put a year in time ("2010-ben", "1976-ban": in that year), from the same table.
YEAR_ON_ENDINGS: tuple[str, ...] = _date_endings("year", "on")
# The parts of a month that bound the item's time, from, until or by it ("március közepétől", "június végéig",
# "május végére"): the month parts (month_parts.txt) that end in a day's ending of those relations.
MONTH_PART_BOUNDS: frozenset[str] = frozenset(
    part for part in MONTH_PARTS if part.endswith(DAY_FROM_ENDINGS + DAY_UNTIL_ENDINGS + _date_endings("day", "by"))
)
# The night between two days ("október 22-ről 23-ra virradó éjjel"): the endings of its two days and its
# participle, by role (whence, whither, dawning), from data/night_between_days.tsv.
NIGHT_BETWEEN_DAYS: dict[str, tuple[str, ...]] = {
    role: tuple(word for row_role, word in data_rows("night_between_days.tsv") if row_role == role)
    for role in ("whence", "whither", "dawning")
}
# The possessive of a day, the date as a noun ("március 15-e", "július 1-je": the fifteenth of March), from
# the same table (unit day, relation on, a possessive), and the day in the temporal case (an adverb, "-án").
DAY_POSSESSIVE_ENDINGS: tuple[str, ...] = _date_endings("day", "on", "possessive")
DAY_ON_ENDINGS: tuple[str, ...] = _date_endings("day", "on")
# The names of the weekdays, written in brackets after a date ("március 4. (kedd) –"): data/weekdays.txt.
WEEKDAYS: tuple[str, ...] = tuple(data_words("weekdays.txt"))
# The parts of the day written after a date ("október 23. este – ..."): data/times_of_day.txt.
TIMES_OF_DAY: tuple[str, ...] = tuple(data_words("times_of_day.txt"))
# The long vowels a stem's last a or e becomes before a suffix ("opera", "operája"; "Bella", "Bellát"): the
# low vowels' lengthening, as Hungarian grammars give it (Rounds, Hungarian: An Essential Grammar).
LENGTHENED_VOWELS: dict[str, str] = {"a": "á", "e": "é"}
# The words naming the month an item is listed under, before a part of it ("a hónap végén").
THIS_MONTH: tuple[str, ...] = tuple(data_words("this_month.txt"))

# Forms of "van" and "lesz": a clause holding one has a predicate (evkonyv/parsing/data/copulas.txt).
COPULAS: frozenset[str] = frozenset(data_words("copulas.txt"))

# Hungarian determiners (the words "a", "az", "egy"): a capitalised one after a name starts the description.
DETERMINERS: frozenset[str] = frozenset({"A", "Az", "Egy"})
# The demonstrative pronouns and their case forms ("Ezzel", "Ebben", "Ekkor"): a line opening with one opens
# a sentence, not a name (evkonyv/parsing/data/demonstratives.txt).
DEMONSTRATIVES: frozenset[str] = frozenset(data_words("demonstratives.txt"))
# Kinship and court relations in the possessive, the last word of a possessive phrase ("... felesége").
RELATION_NOUNS: frozenset[str] = frozenset(data_words("relation_nouns.txt"))
# Noble and ruling titles in the possessive, after the place they are of ("Warwick grófja").
NOBLE_TITLES: frozenset[str] = frozenset(data_words("noble_titles.txt"))
# Adjectives that make the office after them a change of office ("Szlovákia új miniszterelnöke").
OFFICE_CHANGE: frozenset[str] = frozenset(data_words("office_change.txt"))
# Nouns of events in the possessive ("Ho Si Minh halála", "... házassága"): a line holding one states an event.
EVENT_NOUNS: frozenset[str] = frozenset(data_words("event_nouns.txt"))
# Nouns of contests, festivals and votes, the head of compounds ("Táncdalfesztivál", "olimpiai játékok").
CONTEST_NOUNS: tuple[str, ...] = tuple(data_words("contest_nouns.txt"))
# The kinds of work a title is followed by, in brackets or after a dash ("Abbey Road (album)").
WORK_GENRES: tuple[str, ...] = tuple(data_words("work_genres.txt"))
# Words that tell a birth in a statement of the events (data/birth_words.txt).
BIRTH_WORDS: tuple[str, ...] = tuple(data_words("birth_words.txt"))
# Titles written right after a one-word name ("Batu kán", "Rogerius mester"): the title makes the word a name.
TITLES: frozenset[str] = frozenset(data_words("titles.txt"))
# Function words joining the capitalised words of a band's name before a work's colon ("Simon and Garfunkel:").
CREDIT_WORDS: frozenset[str] = frozenset(data_words("credit_words.txt"))
# What a bracket after a name opens with when it gives the person's other name ("(er. Johannes Müller)").
OTHER_NAME_MARKERS: tuple[str, ...] = tuple(data_words("other_name_markers.txt"))

# A word of a list is told as the last part of a compound too ("Pestisjárvány", "ősbemutatója") when it has six
# letters or more: a shorter one ends too many other words.
SHORTEST_COMPOUND_END = 6


def compound_ends(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a list long enough to be told at the end of a compound (:data:`SHORTEST_COMPOUND_END`)."""
    return tuple(sorted(word for word in words if len(word) >= SHORTEST_COMPOUND_END))


def is_word_or_compound(word: str, words: frozenset[str], ends: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of ``words``, or a compound ending in one of their ``ends`` (:func:`compound_ends`)."""
    return word in words or (len(word) > SHORTEST_COMPOUND_END and word.endswith(ends))


# Nouns of events in the nominative that open a nominal statement ("Országgyűlés Pozsonyban."): data/nominal_event_heads.txt.
NOMINAL_EVENT_HEADS: frozenset[str] = frozenset(data_words("nominal_event_heads.txt"))

# The last part of a country's Hungarian name ("Oroszország"): data/country_name_ends.txt.
COUNTRY_NAME_ENDS: tuple[str, ...] = tuple(data_words("country_name_ends.txt"))

# The words a hatnote pointing to another article opens with, before its colon ("Lásd még:", "Főszócikk:"):
# data/cross_references.txt.
CROSS_REFERENCES: tuple[str, ...] = tuple(data_words("cross_references.txt"))

# Word lists kept as data files (evkonyv/parsing/data/), each naming its source in its header.
NAME_PARTICLES: frozenset[str] = frozenset(data_words("name_particles.txt"))
# The Arabic article joined by a hyphen to the name after it ("al-Bagdadi", "ar-Rasíd"): arabic_articles.txt.
ARABIC_ARTICLES: frozenset[str] = frozenset(data_words("arabic_articles.txt"))
CASE_SUFFIXES: tuple[str, ...] = tuple(data_words("case_suffixes.txt"))
# The case endings of an adverbial, where, whence, with what (the dative -nak/-nek, which also marks a
# possessor, and -ként left out).
ADVERBIAL_SUFFIXES: tuple[str, ...] = tuple(suffix for suffix in CASE_SUFFIXES if suffix not in ("nak", "nek", "ként"))
NAME_PREFIXES: frozenset[str] = frozenset(data_words("name_prefixes.txt"))
DEMONYMS: frozenset[str] = frozenset(data_words("demonyms.txt"))
# Nouns of a person's office that end like an accusative ("követ", "apát"): person_nouns_t.txt.
# The suffix that makes a noun of a field of art, science or trade (-ászat/-észet: "költészet", poetry;
# "festészet", "szobrászat", "régészet", "nyelvészet"): a noun in the nominative that ends in a vowel and -t,
# the accusative's shape; its accusative is "-ászatot/-észetet" (Keresztes László, Hungarian Practical
# Grammar, the derivational suffixes of nouns).
FIELD_NOUN_ENDINGS: tuple[str, ...] = ("ászat", "észet")
PERSON_NOUNS_T: frozenset[str] = frozenset(data_words("person_nouns_t.txt"))
# Words that make a life-year marker's year approximate, by where they stand ("after" or "before" the year).
YEAR_QUALIFIERS: dict[str, tuple[str, ...]] = {
    place: tuple(word for word, where in data_rows("year_qualifiers.tsv") if where == place) for place in ("after", "before")
}
# What joins two values one of which is meant, a year ("1400/1401", "1337 vagy 1338") or a day ("március 3.
# vagy 4."): a slash, or the conjunction "vagy" (or) between spaces.
ONE_OF_TWO = r"(?:/|\s+vagy\s+)"
# Words a life-year marker writes in place of its symbol ("(szül. 1337)", "(megh. 1400)"): marker_words.tsv.
MARKER_WORDS: dict[str, str] = {word.casefold(): symbol for word, symbol in data_rows("marker_words.tsv")}
# The eras a year may be written in before it ("i. e. 63", "Kr. u. 14"), their letters without spaces, lower
# case, and whether each is before the Common Era: eras.tsv.
ERAS_BEFORE_COMMON_ERA: dict[str, bool] = {
    abbreviation.replace(" ", "").casefold(): era == "bce" for abbreviation, era in data_rows("eras.tsv")
}
# The words after a date that make it approximate ("március 4. körül –"): the postpositions of
# data/year_qualifiers.tsv that stand after a year and are words (not an abbreviation, not a question mark).
APPROXIMATE_DATE_WORDS: tuple[str, ...] = tuple(word for word in YEAR_QUALIFIERS["after"] if word.isalpha())
# The verbal prefixes and past-tense endings of a finite verb that opens a sentence (past_verbs.tsv).
PAST_VERBS: dict[str, tuple[str, ...]] = {
    part: tuple(form for form, what in data_rows("past_verbs.tsv") if what == part) for part in ("prefix", "ending")
}
# The verbal prefixes and present definite endings of a finite verb inside a line (definite_verbs.tsv).
DEFINITE_VERBS: dict[str, tuple[str, ...]] = {
    part: tuple(form for form, what in data_rows("definite_verbs.tsv") if what == part)
    for part in ("prefix", "ending", "assimilated", "noun")
}
# The endings of a present-tense verb that nothing but its ending shows, and the words in -ik that are no
# verbs (present_verbs.tsv).
PRESENT_VERBS: dict[str, tuple[str, ...]] = {
    part: tuple(form for form, what in data_rows("present_verbs.tsv") if what == part) for part in ("ending", "not", "prefixed")
}


# Hungarian verbs in their citation form (present, third person singular), by what else the word may be
# (verb_stems.tsv: "verb", "ambiguous", "not").
def _verb_stems() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {"verb": set(), "ambiguous": set(), "not": set()}
    for word, kind in data_rows("verb_stems.tsv"):  # (read once: ten thousand rows)
        kinds[kind].add(word)
    return {kind: frozenset(words) for kind, words in kinds.items()}


VERB_STEMS: dict[str, frozenset[str]] = _verb_stems()
# The Nobel Prize categories as a year article's laureates' table names them ("Fizikai", "Béke").
NOBEL_CATEGORIES: frozenset[str] = frozenset(data_words("nobel_categories.txt"))
# The lines a copy of the page keeps above the article (data/page_head.txt): the tagline, the skin's links.
PAGE_HEAD: frozenset[str] = frozenset(data_words("page_head.txt"))
# The openings of the lines that close a page under its article (data/page_footer.txt).
PAGE_FOOTER: tuple[str, ...] = tuple(data_words("page_footer.txt"))
# The table of the year in other calendars above a year article (data/calendar_table.tsv): its rows' labels
# and what its title says after the year.
_CALENDAR_ROWS = data_rows("calendar_table.tsv")
CALENDAR_LABELS: tuple[str, ...] = tuple(text for kind, text in _CALENDAR_ROWS if kind == "label")
CALENDAR_TITLE: str = next(text for kind, text in _CALENDAR_ROWS if kind == "title")


# A re-publishing site's own lines among the article's (data/site_chrome.tsv): its chrome, and the placeholder
# it writes above a picture's caption.
def site_lines(folder: Path = DATA) -> dict[str, frozenset[str]]:
    """A language's data/site_chrome.tsv by kind: "chrome" (a site's own lines) and "picture" (its placeholder)."""
    rows = data_rows("site_chrome.tsv", folder)
    return {kind: frozenset(line for row_kind, line in rows if row_kind == kind) for kind in ("chrome", "picture")}


SITE_CHROME, PICTURE_PLACEHOLDERS = site_lines().values()
# The text of a picture's enlarge link as a copy of the static dumps writes it (data/image_links.txt).
IMAGE_LINKS: frozenset[str] = frozenset(data_words("image_links.txt"))
# Prizes named in two words, before "-díj" (data/prize_names.txt): "Golden Globe-díjas".
PRIZE_NAMES: frozenset[str] = frozenset(data_words("prize_names.txt"))

# Words a life-year marker writes for a year that is not known ("(† ismeretlen)", "(* ?)").
UNKNOWN_YEARS: tuple[str, ...] = tuple(data_words("unknown_years.txt"))

# Hungarian given names (the official register, names in common use). In Hungarian name order the
# family name comes first, so a name ends after its given names ("Gundel Károly Gundel János fia").
GIVEN_NAMES: frozenset[str] = frozenset(data_words("given_names_male.txt") + data_words("given_names_female.txt"))

# Section headings of year articles, by the part of the article they open. The export strips them,
# but now and then one is left glued between two items ("...világcsúcstartója.SportJuan Manuel Fangio
# ..."), and a copy of the page keeps them as lines.
HEADINGS: dict[str, str] = dict((heading, kind) for kind, heading in data_rows("headings.tsv") if "{year}" not in heading)
# Headings that name the article's year ("1982-ben a Világörökség részévé vált"): headings.tsv writes the year
# "{year}"; each here as (its text before the year, its text after it, kind), the year written with or without
# a case ending ("1982-ben", "1978-ban").
YEAR_HEADINGS: tuple[tuple[str, str, str], ...] = tuple(
    (heading.partition("{year}")[0], heading.partition("{year}")[2], kind)
    for kind, heading in data_rows("headings.tsv")
    if "{year}" in heading
)
# The heading of each record section as a page writes it: the first of its kind in headings.tsv.
SECTION_TITLES: dict[str, str] = {
    kind: next(h for h, k in HEADINGS.items() if k == kind) for kind in ("events", "births", "deaths")
}
EVENTS_HEADING = SECTION_TITLES["events"]
BIRTHS_HEADING = SECTION_TITLES["births"]
DEATHS_HEADING = SECTION_TITLES["deaths"]
SECTION_HEADINGS: tuple[str, ...] = tuple(HEADINGS)
