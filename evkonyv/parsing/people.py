"""Birth and death lines: the person's name, the description, and the other year.

``Háry László repülő vezérőrnagy, ... (* 1890)`` → name ``Háry László``,
description ``repülő vezérőrnagy, ...``, other year 1890.
"""

from __future__ import annotations

import re

from evkonyv.parsing.calendars import day_exists
from evkonyv.parsing.hungarian import (
    ADVERBIAL_SUFFIXES,
    ARABIC_ARTICLES,
    CASE_SUFFIXES,
    COUNTRY_NAME_ENDS,
    DEMONSTRATIVES,
    DEMONYMS,
    DETERMINERS,
    ERAS_BEFORE_COMMON_ERA,
    GIVEN_NAMES,
    LENGTHENED_VOWELS,
    MARKER_WORDS,
    MONTH_PATTERN,
    MONTHS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NOBEL_CATEGORIES,
    NOBLE_TITLES,
    NOMINAL_EVENT_HEADS,
    ONE_OF_TWO,
    PAST_VERBS,
    PRIZE_NAMES,
    RELATION_NOUNS,
    UNKNOWN_YEARS,
    YEAR_QUALIFIERS,
    alternation,
    compound_ends,
    is_word_or_compound,
)
from evkonyv.parsing.sentences import dot_ends_sentence
from evkonyv.parsing.values import value_class
from evkonyv.parsing.verbs import PLURAL_DEFINITE_ENDINGS as _PLURAL_DEFINITE
from evkonyv.parsing.verbs import PREFIXED_UL_VERB, is_plural_definite_verb, is_prefixed_verb_form

MAX_NAME_WORDS = 6

_UPPER = "A-ZÁÉÍÓÖŐÚÜŰĀ-ſȀ-ɏḀ-ỿ"
INITIAL = re.compile(rf"[{_UPPER}][a-zs]?\.$")  # "F.", "Cs.", "Gy."
ROMAN = re.compile(r"[IVXLC]+\.$")  # regnal numbers: "II. Erzsébet"
_HYPHENATED = re.compile(r"-[a-záéíóöőúüű]")  # a compound's lower-case second part: "Nobel-díjas"
# A hyphen also joins the syllables of a name transcribed from Chinese the Hungarian way, the later ones in
# lower case ("Tu-cung", "Mao Ce-tung", "Teng Hsziao-ping", "Kung-ti"): each a syllable of the transcription,
# an initial consonant (cs, sz, zs, hsz or one letter), one to three vowels and a final -n, -ng or -j. The
# second part of a Hungarian compound is no such syllable ("díjas", "rendű", "párti").
_SYLLABLE = "(?:cs|sz|zs|hsz|[bcdfghjklmnprstvz])?[aeiouöü]{1,3}(?:ng|n|j)?"
TRANSCRIBED_NAME = re.compile(rf"[{_UPPER}][a-zöü]{{0,6}}(?:-{_SYLLABLE})+")
# An epithet of origin written with a hyphen after a foreign place name ("Toulouse-i", "Bordeaux-i"): the
# adjective in -i that opens a name like "Aquinói" does ("Toulouse-i Szent Lajos"), when a capital follows.
# The house a royal or noble line is of is written the same way, "-házi" ("Árpád-házi Szent Margit", "Anjou-házi
# Károly Róbert").
_ORIGIN = re.compile(rf"[{_UPPER}][^\W\d_]+-(?:házi|i)")
# A ruler's epithet in brackets between his regnal number and his name ("IV. (Kun) László", "I. (Nagy)
# Lajos"): one capitalised word.
_EPITHET = re.compile(rf"\([{_UPPER}][^\W\d_]+\)")
# A name's other spelling in brackets inside it, one word, a hyphen joining its parts ("(Sulkhan-Saba)").
_OTHER_SPELLING = re.compile(rf"\([{_UPPER}][^\W\d_]+(?:-[{_UPPER}][^\W\d_]+)*\)")
# The particle "de" (French), "della"/"dalla" (Italian) elided before a vowel and glued to the name that
# follows ("Jeanne d'Arc", "Pierre d'Ailly", "Francesco dell'Orto"): a name's word after its first.
_ELIDED_PARTICLE = re.compile(rf"(?:d|dell|dall)['’][{_UPPER}][^\W\d_]+")
# "díjas" (prize-winning), "díjat", "díjjal": a prize's name before it is the description's first word, when
# the compound is written in two words ("Nobel díjas", "Kossuth díjas") instead of "Nobel-díjas".
_PRIZE = "díj"
# A trailing "(* 1890)" or "(† 2005)", or a word for the symbol ("(szül. 1890)", "(megh. 2005)":
# data/marker_words.tsv); anything else inside the brackets before the year is a stray character to flag
# ("(̈* 1878)").
# A full date may follow the year: "(† 1998. május 14.)"; the year's own dot may stand alone: "(† 1795.)".
# The item's full stop may close the line after the marker, as lists that end their items with one write it: "VI. Erik dán király († 1319).",
# "(* 1337).", "(*1225)." (the symbol glued to the year, as well).
# A note may stand before the marker in its brackets, closed by a comma: "(meggyilkolták, * 1453)".
# A word may make the year approximate, after it ("(* 1204 körül)", "(* 1337?)") or before it
# ("(* kb. 1204)"): evkonyv/parsing/data/year_qualifiers.tsv.
_ABOUT_AFTER = "|".join(re.escape(word) for word in sorted(YEAR_QUALIFIERS["after"], key=len, reverse=True))
_ABOUT_BEFORE = frozenset(word.casefold() for word in YEAR_QUALIFIERS["before"])
# A year the marker cannot give exactly is kept as written, the first one, and flagged approximate too: its
# decade ("(† 1080-as évek)"), or two years it is one of ("(† 1400/1401)", "(* 1337 vagy 1338)").
_OTHER_YEAR = re.compile(
    rf"\s*\((?:(?P<note>[^()\d*†+✝✞]{{2,60}}),\s*)?(?P<mark>[^()\d]{{0,12}}?)\s*(?P<year>\d{{1,4}})"
    rf"(?:(?P<decade>-[ae]s\s+évek)|\s*{ONE_OF_TWO}\s*(?P<alternative>\d{{1,4}}))?"
    rf"(?:\.\s*(?:(?P<month>{MONTH_PATTERN})(?:\s+(?P<day>\d{{1,2}})\.?)?)?)?"
    rf"(?:\s*(?P<about>{_ABOUT_AFTER}))?\s*\)\s*\.?\s*$",
    re.IGNORECASE,
)
# A lower-case noun with the possessive -ja/-je ("uralkodója", "őrgrófja", "alapítója"): the capitalised
# word before it is its possessor ("Firenze uralkodója", ruler of Florence), which opens the description.
POSSESSED = re.compile(r"[a-záéíóöőúüű]{3,}j[ae]")


def is_possessed_noun(word: str) -> bool:
    """Whether ``word`` is a relation (data/relation_nouns.txt: "fia", "felesége") or a lower-case noun in the
    possessive -ja/-je (:data:`POSSESSED`): the possessed noun after its possessor ("Sandra anyja")."""
    return word in RELATION_NOUNS or POSSESSED.fullmatch(word) is not None


# A marker whose year is written as not known: "(† ismeretlen)", "(* ?)" (evkonyv/parsing/data/unknown_years.txt).
_UNKNOWN_YEAR = re.compile(rf"\s*\((?P<mark>[*†+✝✞])\s*(?:{alternation(UNKNOWN_YEARS)})\s*\)\s*\.?\s*$", re.IGNORECASE)
# A place's name in a case whose ending follows the stem's lengthened last vowel ("Sevillába", "Rómában",
# "Kütahyából", "Rodostóba"): a name inflected, which the name of a people-list line, in the nominative,
# never is, and which no name word ends in (Hungarian lengthens a final -a/-e before a case ending).
INFLECTED = re.compile(rf"[^\W\d_]{{2,}}[áéóőúű](?:{'|'.join(ADVERBIAL_SUFFIXES)})")
# A past-tense verb with a verbal prefix ("Megjelent", "Összedölt", "Hazahozták"): a sentence's first word,
# not a name's (evkonyv/parsing/data/past_verbs.tsv). The stem between takes two letters at least.
_PAST_VERB = re.compile(
    rf"(?:{alternation(PAST_VERBS['prefix'])})[a-záéíóöőúüű]{{2,}}(?:{alternation(PAST_VERBS['ending'])})", re.IGNORECASE
)
# The same prefixes before a present-tense verb of the -ik conjugation ("Megjelenik", "Megszűnik"): a
# sentence's first word too (the -ik after a consonant, as present_verbs.tsv gives it).
_PRESENT_IK_VERB = re.compile(
    rf"(?:{alternation(PAST_VERBS['prefix'])})[a-záéíóöőúüű]{{2,}}(?<![aáeéiíoóöőuúüű])ik", re.IGNORECASE
)
BIRTH_SYMBOLS = frozenset("*")
# the dagger, a plus for it, and the Latin crosses some copies write in its place ("(✝ 1901)")
DEATH_SYMBOLS = frozenset("†+✝✞")


@value_class
class OtherYear:
    """The year in a trailing ``(* YYYY)`` / ``(† YYYY)`` marker."""

    year: int | None  # None: the marker writes the year as not known ("(† ismeretlen)")
    symbol: str | None  # "*" (born), "†" (died) or None when neither is there
    stray: bool
    start: int  # where the marker starts in the text
    month: int | None = None  # when the marker gives a full date
    day: int | None = None
    approximate: bool = False  # a qualifier makes the year approximate: "(* 1204 körül)"
    before_common_era: bool = False  # the year is written before the Common Era: "(* i. e. 63)" (data/eras.tsv)


@value_class
class Person:
    name: str
    description: str


def _marker_match(text: str) -> re.Match[str] | None:
    """``_OTHER_YEAR.search(text)``, without trying every position: the marker closes the text and
    holds no bracket but its own, so it can only start in the spaces before the text's last "("."""
    closed = text.rstrip()
    closed = closed[:-1].rstrip() if closed.endswith(".") else closed  # the item's full stop after the marker
    if not closed.endswith(")"):
        return None
    opening = closed.rfind("(")
    return _OTHER_YEAR.search(text, len(text[:opening].rstrip())) if opening >= 0 else None


def find_other_year(text: str) -> OtherYear | None:
    match = _marker_match(text)
    if not match:
        unknown = _UNKNOWN_YEAR.search(text, len(text[: text.rfind("(")].rstrip())) if text.rstrip(" .").endswith(")") else None
        if unknown is None:
            return None
        return OtherYear(None, "*" if unknown["mark"] in BIRTH_SYMBOLS else "†", False, unknown.start())
    mark = match["mark"]
    symbols = [char for char in mark if char in BIRTH_SYMBOLS | DEATH_SYMBOLS]
    if symbols:
        words = mark.replace(symbols[0], " ", 1).split()
    else:  # a word in place of the symbol: "(szül. 1337)", "(megh. 1400)" (data/marker_words.tsv)
        symbols = [MARKER_WORDS[word.casefold()] for word in mark.split() if word.casefold() in MARKER_WORDS]
        words = [word for word in mark.split() if word.casefold() not in MARKER_WORDS]
        note = (match["note"] or "").split()
        if not symbols and note and note[0].casefold() in MARKER_WORDS:
            # the word and a place before the year, the place closed by a comma as after the symbol ("(* Pest,
            # 1800)"): "(szül. Budapest, 1900)", "(megh. Bécs, 1900)"
            symbols, words = [MARKER_WORDS[note[0].casefold()]], [*note[1:], *words]
    if len(symbols) != 1:
        return None  # "(2006–2009)" or "(1992)" is not a life-year marker
    words, before_common_era = _without_era(words)
    stray = any(word.casefold() not in _ABOUT_BEFORE for word in words)
    approximate = bool(match["about"] or match["decade"] or match["alternative"]) or any(
        word.casefold() in _ABOUT_BEFORE for word in words
    )
    symbol = "*" if symbols[0] in BIRTH_SYMBOLS else "†"
    month = MONTHS[match["month"].casefold()] if match["month"] else None
    day = int(match["day"]) if match["day"] and month else None
    if month is not None and day is not None and not day_exists(int(match["year"]), month, day):
        day = None
    return OtherYear(int(match["year"]), symbol, stray, match.start(), month, day, approximate, before_common_era)


def _without_era(words: list[str]) -> tuple[list[str], bool]:
    """The marker's words before its year without the era they end in, if any ("i. e.", "Kr. u.": eras.tsv),
    and whether that era is before the Common Era. An era is no stray character."""
    for size in (2, 1):  # "i. e." as two words, "i.e." as one
        if len(words) >= size and (era := "".join(words[-size:]).casefold()) in ERAS_BEFORE_COMMON_ERA:
            return words[:-size], ERAS_BEFORE_COMMON_ERA[era]
    return words, False


def other_year_of(kind: str, record_year: int, marker: OtherYear | None) -> tuple[int | None, list[str]]:
    """The other life year a marker gives a birth (its death year) or a death (its birth year).

    The marker's year is taken by its place in time, not by its symbol, which the
    source sometimes gets wrong (``(† 1870)`` on a death); a wrong symbol or a stray
    character is flagged. Returns (year, flags).
    """
    if marker is None:
        return None, []
    flags: list[str] = []
    expected_symbol = "†" if kind == "birth" else "*"
    if marker.symbol != expected_symbol:
        flags.append("wrong_year_symbol")
    if marker.stray:
        flags.append("stray_character_in_marker")
    if marker.year is None:
        return None, flags
    if marker.before_common_era:  # "(* i. e. 63)": a year the tables do not hold (no year before the Common Era)
        flags.append("other_year_before_common_era")
        return None, flags
    consistent = marker.year >= record_year if kind == "birth" else marker.year <= record_year
    if not consistent:
        flags.append("inconsistent_other_year")
        return None, flags
    if marker.approximate:
        flags.append("approximate_other_year")
    return marker.year, flags


def split_person(text: str, allow_single_word: bool = False) -> Person | None:
    """Split ``text`` into a name and a description; ``None`` when no name leads it.

    One capitalised word starts most sentences, so it is taken as a name (``Pelé
    brazil labdarúgó``) only with ``allow_single_word``, on a line already known to
    be a birth or a death.

    Why two functions: every list item is read as a possible people line, and most of them have a
    lower-case second word, so no name runs past the first word; this short road answers those without
    reading the words one by one. Every other line goes to :func:`read_person`, the whole reading, which
    gives the same answer on the short road's lines (a property test checks it on generated name-like
    texts): rules are written there.
    """
    head = text.split(None, 2)
    if (
        len(head) > 1
        and head[1][:1].islower()
        and head[1].rstrip(",;:") not in NAME_PARTICLES
        and head[0][:1] != "("
        and not (("'" in head[1] or "’" in head[1]) and _ELIDED_PARTICLE.fullmatch(head[1]))
        and not ("-" in head[1] and _is_arabic_article_name(head[1]))
    ):
        # Most lines: a lower-case second word that is no name particle ("von"), so no name goes past
        # the first word (see _is_name_word); the same answer as below, without splitting out more words.
        first = head[0].rstrip(",;:")
        if not (allow_single_word and _is_name_word(first, 0, head[1]) and _is_proper_word(first)):
            return None
        return Person(first, text.split(None, 1)[1].lstrip(",;: ").strip())
    return read_person(text, allow_single_word)


def read_person(text: str, allow_single_word: bool = False) -> Person | None:
    """:func:`split_person` word by word, for every line (its short road is checked against this)."""
    words = text.split(None, MAX_NAME_WORDS + 1)  # the words a name can take, the next one, then the rest
    if words and words[0].startswith("(") and words[0].endswith(")") and words[0][1:-1] in NAME_PREFIXES:
        text = " ".join([words[0][1:-1], *text.split()[1:]])  # "(ifj.) Ábrányi Emil": a name prefix written in brackets
        words = text.split(None, MAX_NAME_WORDS + 1)
    name_words: list[str] = []
    for position, word in enumerate(words[:MAX_NAME_WORDS]):
        bare = word.rstrip(",;:")
        following = words[position + 1] if position + 1 < len(words) else ""
        if not following and bare.endswith(".") and dot_ends_sentence(bare, len(bare) - 1):
            # a line that is a name alone, closed by the item's full stop, as lists that end every item with
            # one write it ("Szekfű Gyula."): the stop is the item's, not the name's (an initial, a regnal
            # number or an abbreviation keeps its dot: "Kovács J.", "ifj.")
            bare = bare[:-1]
        if (
            len(name_words) >= 2
            and word == bare
            and (POSSESSED.fullmatch(following.rstrip(",;:.")) or following.rstrip(",;:.") in NOBLE_TITLES)
        ):
            # "Giovanni Medici Firenze uralkodója", "Prágai Szent Adalbert Prága püspöke": the place is the
            # possessor of the title, not a name
            break
        if len(name_words) >= 2 and bare[:1].isupper() and bare.endswith(COUNTRY_NAME_ENDS):
            # "Borisz Jelcin Oroszország első elnöke": a country's name (data/country_name_ends.txt, the lower-case
            # last part of a longer word: the family name "Ország" is none) is the possessor of the title after
            # it, however many words the title takes
            break
        if (
            len(name_words) >= 2
            and _is_proper_word(name_words[-1])  # not after "von" or an initial: "Gerd von Rundstedt"
            and word == bare
            and word[:1].isupper()
            and following[:1].islower()
            and _possessor_of_title(" ".join(words[position + 1 :]))
        ):
            break  # "Ana de Mendoza Fülöp spanyol király udvarhölgye": Fülöp is whose lady-in-waiting she was
        if not _is_name_word(bare, position, following, name_words[-1] if name_words else ""):
            break
        name_words.append(bare)
        if word != bare:  # a comma closes the name: "Hans Fritzsche, az NSDAP ..."
            break
    if name_words and name_words[-1] in NAME_PREFIXES and name_words[-1][:1].isupper():
        return None  # a title no name follows ("Róma Szent Péter bazilikája": Rome's St Peter's basilica)
    name_words = _hungarian_order(name_words)
    if not any(_is_proper_word(word) for word in name_words):
        return None
    if len(name_words) == 1 and len(words) > 1 and not allow_single_word:
        return None
    rest = text.split(None, len(name_words))
    description = rest[len(name_words)] if len(rest) > len(name_words) else ""
    person = Person(" ".join(name_words), description.lstrip(",;: ").strip())
    return _with_partner(person) if len(name_words) >= 2 and description.startswith("és ") else person


# A description whose first noun ends in the plural -k ("amerikai színésznők", "ikertestvérek"): it is shared.
_PLURAL_DESCRIPTION = re.compile(r"^[^,;:(]*?[a-záéíóöőúüű]{3,}(?:[aáeéoóöőuúüű]k|[bcdfghjlmnprstvz]ek|ok|ök)\b")


# What may end a description's first clause: a comma, semicolon, colon, bracket or dash, or a dot before a
# space (:func:`clause_end` tells which dots end it).
_CLAUSE_MARK = re.compile(r"[,;:(–]|\.(?:\s|$)")


def clause_end(text: str) -> int | None:
    """Where the first clause of ``text`` ends (None: it runs to the end): at a comma, semicolon, colon,
    bracket or dash, or at a dot that can end a sentence. The dot of a regnal number, an initial, an
    ordinal or an abbreviation ends none (the rule of :mod:`evkonyv.parsing.sentences`): "André Longumeau
    IX. Lajos francia király követeként elindul ...", "... és Franklin D. Roosevelt amerikai elnök aláírja
    ..." state something past the dot."""
    for match in _CLAUSE_MARK.finditer(text):
        if match.group()[0] != "." or dot_ends_sentence(text, match.start()):
            return match.start()
    return None


# A possessive phrase whose possessor is a person named by one word and described by his own title: the
# possessor's title (a demonym or another adjective, then the title), then the possessed noun, a relation
# (-ja/-je, or one of evkonyv/parsing/data/relation_nouns.txt), all in lower case and no article before them
# ("Fülöp spanyol király udvarhölgye", lady-in-waiting of Philip, the Spanish king; "Pedro portugál herceg
# szeretője"). Two to four words: fewer, and a name's last word before a title would read as a possessor;
# more, or a noun in an adverbial case among them ("rendelettel"), and the clause states something. A
# description's last word in -a/-e that is no relation ("aktivista") closes no such phrase.
_LONGEST_TITLE = 4
# What the last word of such a phrase ends in: -ja/-je, or a listed relation (cheaply tested first).
_POSSESSED_ENDINGS = ("ja", "je", *sorted({noun[-2:] for noun in RELATION_NOUNS}))


def _possessor_of_title(rest: str) -> bool:
    """Whether ``rest`` (the text after a capitalised word) opens with the title and the possessed noun of
    a possessive phrase that word is the possessor of."""
    end = clause_end(rest)
    clause_text = rest[:end] if end is not None else rest
    if not clause_text.rstrip().endswith(_POSSESSED_ENDINGS):  # most descriptions: no relation closes them
        return False
    clause = clause_text.split()
    return (
        2 <= len(clause) <= _LONGEST_TITLE
        and clause[0] not in ("a", "az")
        and not any(word.endswith(ADVERBIAL_SUFFIXES) for word in clause[:-1])
        and all(word.isalpha() and word.islower() for word in clause)
        and is_possessed_noun(clause[-1])
    )


def _with_partner(person: Person) -> Person:
    """Two people named on one line and described together, "Mary-Kate Olsen és Ashley Olsen amerikai
    színésznők": one record naming both (the description, plural, is theirs). Anything else after "és"
    ("Paul Allen és Bill Gates megalapítja a Microsoftot") is left to the predicate test."""
    partner = read_person(person.description[3:])
    if partner is None or " " not in partner.name or not _PLURAL_DESCRIPTION.match(partner.description):
        return person
    return Person(f"{person.name} és {partner.name}", partner.description)


# A given name in the accusative: the name and -t, after a linking vowel or the name's last a/e lengthened
# ("Andrást", "Lászlót", "Zsoltot", "Gézát", "Bencét"): a person named as the object of a statement ("Paskai
# Lászlót ... esztergomi érsekké nevezi ki", "Hazahozták ... Toma Andrást"), which a people-list line's name,
# in the nominative, never is. A given name that itself ends in -t ("Albert", "Margit", "Bernát") is none.
_LENGTHENED = {long: short for short, long in LENGTHENED_VOWELS.items()}  # "á" -> "a": a lengthened vowel's short one


def is_accusative_given_name(word: str) -> bool:
    if not word.endswith("t") or len(word) < 4 or word in GIVEN_NAMES or not word[:1].isupper():
        return False
    stem = word[:-1]
    candidates = [stem, stem[:-1] + _LENGTHENED.get(stem[-1], stem[-1])]
    if stem[-1] in "oeöa":
        candidates.append(stem[:-1])  # a linking vowel: "Zsolt-o-t"
    return any(candidate in GIVEN_NAMES for candidate in candidates)


def is_initial(word: str) -> bool:
    """An initial ("F.", "Cs."): a word (no whitespace in it) that ``INITIAL`` matches, its length and dot looked at first."""
    return word.endswith(".") and len(word) <= 3 and INITIAL.match(word) is not None


def _is_proper_word(word: str) -> bool:
    return not (is_initial(word) or word in NAME_PARTICLES or word in NAME_PREFIXES)


def _is_name_word(word: str, position: int, next_word: str, previous: str = "") -> bool:
    if not word:
        return False
    if word in NAME_PREFIXES:
        # first, or after an epithet of origin, an adjective in -i ("Aquinói Szent Tamás", "Assisi Szent Ferenc");
        # a saint's title after any epithet before his given name ("Nagy Szent Albert", Albert the Great;
        # "Kapisztrán Szent János", of Capestrano, which the tradition writes without -i)
        after_epithet = previous.endswith("i") or (word[:1].isupper() and next_word.rstrip(",;:") in GIVEN_NAMES)
        return (position == 0 or (position == 1 and after_epithet)) and next_word[:1].isupper()
    if word in NAME_PARTICLES:
        # "Joost van den Vondel", "Johannes van der Waals": two particles in a row before the family name
        return position > 0 and (next_word[:1].isupper() or next_word in NAME_PARTICLES)
    if position > 0 and ("'" in word or "’" in word) and _ELIDED_PARTICLE.fullmatch(word):
        return True
    if position > 0 and word[:1] in _OPENING_QUOTES and word[-1:] in _CLOSING_QUOTES and word[1:2].isupper():
        return next_word[:1].isupper()  # "Ernesto „Che” Guevara", "Earvin „Magic” Johnson": a nickname inside a name
    if "-" in word and _is_arabic_article_name(word):
        # "Abu Bakr al-Bagdadi", "Hárún ar-Rasíd": the article of an Arabic name, inside it; or opening a name
        # known by its last part, written in lower case as in running text ("al-Hvárizmi perzsa matematikus")
        return True
    if position == 1 and word[:1] == "(" and ROMAN.match(previous) and _EPITHET.fullmatch(word):
        return next_word[:1].isupper()
    if position > 0 and word[:1] == "(" and _OTHER_SPELLING.fullmatch(word) and _is_proper_word(previous):
        # "Szulhan Szaba (Sulkhan-Saba) Orbeliani grúz író": the given names' other spelling in brackets, between
        # them and the family name; the name goes on only when a capitalised word follows
        return next_word[:1].isupper() and next_word[:1] != "("
    if word.endswith(".") and (is_initial(word) or (position == 0 and ROMAN.match(word))):
        return True
    if not word[0].isupper() or (not word.isalpha() and any(char.isdigit() for char in word)):
        return False
    if word in DETERMINERS or word.casefold() in DEMONSTRATIVES:
        return False
    if position == 0 and _is_nominal_event_head(word):
        return False  # "Országgyűlés Pozsonyban.", "Pestisjárvány Budán.": an event's noun opens a nominal statement
    if ("–" in word or "-" in word) and _is_demonym_compound(word):
        return False  # "Jugoszláv–lengyel barátsági szerződés", "Osztrák–Magyar Monarchia": peoples, not a name
    if position == 0 and (
        _PAST_VERB.fullmatch(word)
        or (word.endswith("ik") and _PRESENT_IK_VERB.fullmatch(word))
        or (word.endswith(("ul", "ül")) and PREFIXED_UL_VERB.fullmatch(word))
        or is_prefixed_verb_form(word.lower())  # "Bemutatják Bartók Béla ...", "Lemond ..."
        or (word.endswith(_PLURAL_DEFINITE) and is_plural_definite_verb(word.lower()))  # "Egyesítik Esztergom, ..."
    ):
        return False  # "Megjelent Madonna debütáló albuma ...", "Megjelenik ...": a verb opens the sentence
    if position > 0 and word in NOBEL_CATEGORIES and next_word.startswith("Nobel-"):
        return False  # "François Mauriac Irodalmi Nobel-díjas ...": the prize's category opens the description
    if "-" in word and _HYPHENATED.search(word):  # "Nobel-díjas", "Kossuth-díjas"
        if _ORIGIN.fullmatch(word):
            return next_word[:1].isupper()  # "Toulouse-i Szent Lajos"
        if not (TRANSCRIBED_NAME.fullmatch(word) and not word.split("-", 1)[0].isupper()):
            return False
    if position > 0 and next_word.startswith(_PRIZE):
        return False  # "Barry J. Marshall Nobel díjas orvos": a prize's name written apart from "díjas"
    if position > 0 and "-" in next_word and f"{word} {next_word.partition('-')[0]}" in PRIZE_NAMES:
        return False  # "Jodie Foster Golden Globe-díjas színésznő": a prize named in two words
    if position > 0 and _is_eponym_prize(next_word):
        return False  # "Lator László József Attila-díjas költő": the family name of the prize's eponym
    if position > 0 and word.rstrip(",").endswith("-"):
        return False  # "Barbra Streisand Oscar-, ... és Grammy-díjas ...": a compound's suspended first part
    if len(word) > 1 and word.isupper():  # acronyms: "MTA", "NSDAP"
        return False
    # "Stan Sakai Amerikában élő ...": an inflected noun is description; "Magellán Sevillába érkezik": an
    # inflected place after the first word too, where its ending cannot be part of a name
    if position == 0 or not word.lower().endswith(CASE_SUFFIXES):
        return True  # (most words: no case ending, tested the cheap way)
    if word.endswith(("nak", "nek")) and next_word.rstrip(",;:") in DEMONYMS:
        return True  # "Boris Leonyidovics Paszternak orosz költő": a family name that ends like a dative, before a demonym
    return not ((position >= 2 and len(word) >= 6) or INFLECTED.fullmatch(word) is not None)


# The nouns of events that open a nominal statement (data/nominal_event_heads.txt) told at the end of a compound.
_EVENT_HEAD_ENDS = compound_ends(NOMINAL_EVENT_HEADS)


def _is_nominal_event_head(word: str) -> bool:
    """Whether a capitalised first word is a noun of an event in the nominative, or a compound ending in one
    ("Pestisjárvány")."""
    return is_word_or_compound(word.rstrip(".,;:").casefold(), NOMINAL_EVENT_HEADS, _EVENT_HEAD_ENDS)


# The quotation marks a nickname inside a name is written in: Hungarian „...”, and the typewriter's "...".
_OPENING_QUOTES = '„"“'
_CLOSING_QUOTES = '”"'


def _is_arabic_article_name(word: str) -> bool:
    """A name part written with the Arabic article before a hyphen ("al-Bagdadi", "el-Aszad"):
    data/arabic_articles.txt, a capital after the hyphen."""
    article, _, name = word.partition("-")
    return article in ARABIC_ARTICLES and name[:1].isupper() and name.replace("-", "").isalpha()


def _is_demonym_compound(word: str) -> bool:
    """Two or more demonyms joined by a dash or a hyphen ("Jugoszláv–lengyel", "Osztrák–Magyar",
    "francia-porosz"): the adjective of a relation between peoples (a treaty, a war, a state), a name of no
    person (data/demonyms.txt)."""
    parts = re.split("[–-]", word.rstrip(",;:.").casefold())
    return len(parts) >= 2 and all(part in DEMONYMS for part in parts)


def _is_eponym_prize(word: str) -> bool:
    """A prize named after a person in Hungarian order, written as a compound of the eponym's given name and
    "díj" ("Attila-díjas" of "József Attila-díjas", "Béla-díjas" of "Balázs Béla-díjas"): the word before it
    is the eponym's family name, the description's first word, even where it could be a given name too."""
    first, hyphen, rest = word.partition("-")
    return bool(hyphen) and rest.startswith(_PRIZE) and first in GIVEN_NAMES


def _hungarian_order(words: list[str]) -> list[str]:
    """Cut a Hungarian name after its given names.

    In Hungarian order the family name (possibly several words or an initial) comes
    first and the given names follow; a capitalised word after the given names is
    already description ("Gundel Károly Gundel János fia", "Fejér Lipót Nagyváradon ...").
    A given name after the first word marks Hungarian order even when the first word
    is a given name too (family names such as "Farkas" or "Balázs"); a given name only
    at the start marks foreign order ("Frank Sinatra"), where every word is kept.
    """
    for index, word in enumerate(words[1:], start=1):
        if word in GIVEN_NAMES:
            end = index
            while end < len(words) and (words[end] in GIVEN_NAMES or is_initial(words[end])):
                end += 1
            return words[:end]
    return words
