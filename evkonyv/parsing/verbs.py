"""Hungarian verb forms known by the dictionary (evkonyv/parsing/data/verb_stems.tsv): whether a lower-case
word is a finite verb, the predicate of a statement, in the forms a year article's statements take."""

from __future__ import annotations

import re
from collections.abc import Callable

from evkonyv.parsing.hungarian import DEFINITE_VERBS, NOBLE_TITLES, PRESENT_VERBS, RELATION_NOUNS, VERB_STEMS, alternation

# A verb in the present, third person singular, as the dictionary writes it (verb_stems.tsv): a word only ever
# a verb ("győz", "alakít", "indít"), or any verb stem after a verbal prefix ("lemond", "meghal",
# "visszatér"), less the words a prefix and a verb only spell ("levél", "felül").
VERBS_ONLY = VERB_STEMS["verb"]
ALL_VERB_STEMS = VERB_STEMS["verb"] | VERB_STEMS["ambiguous"]
NOT_VERBS = VERB_STEMS["not"]
VERBAL_PREFIX = re.compile(rf"(?:{alternation(DEFINITE_VERBS['prefix'])})")
# A verb of the -ul/-ül class after a verbal prefix, the one-syllable ones too ("megalakul", "elindul",
# "Elpusztul Dolly ..."), whether the dictionary lists it or not: present_verbs.tsv ("prefixed").
PREFIXED_UL_VERB = re.compile(
    rf"(?:{alternation(DEFINITE_VERBS['prefix'])})[a-záéíóöőúüű]{{2,}}(?:{alternation(PRESENT_VERBS['prefixed'])})",
    re.IGNORECASE,
)


# The past tense of the same verbs in the forms no participle takes: definite singular and the plural, with
# or without a linking vowel ("átadta", "megalapította", "elfoglalták", "kivégezték"): a statement's verb.
# (The singular indefinite, "-t", "-ott", is the past participle too, "ismert", "kitüntetett":
# :data:`PAST_INDEFINITE_ENDINGS`, read by where the word stands.)
PAST_ENDINGS = tuple(f"{vowel}{ending}" for ending in ("tta", "tte", "ttak", "ttek", "tták", "tték") for vowel in "oeö") + (
    "ta",
    "te",
    "tak",
    "tek",
    "ták",
    "ték",
)


# The definite present of the same verbs: -ja/-je, -ják/-jék (the j assimilated after a sibilant), and the
# singular -i ("fogadja", "választják", "jelenti"); a noun's possessive or a place's adjective takes the same
# endings, so only a word only ever a verb, or any verb stem after a prefix, is read so.
DEFINITE_ENDINGS = ("ja", "je", "ják", "jék", "i", *DEFINITE_VERBS["assimilated"])


def is_definite_verb(word: str) -> bool:
    """Whether a lower-case word is a known verb's stem and a definite present ending (see verb_stems.tsv).
    A relation or a title in the possessive is a noun whatever its stem spells ("férje", her husband, is
    "fér", fits, and "-je")."""
    if word in RELATION_NOUNS or word in NOBLE_TITLES:
        return False
    for ending in DEFINITE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            if ending in DEFINITE_VERBS["assimilated"]:
                stem += ending[0]  # "vétózza": the stem's z, doubled
            if is_verb(stem):
                return True
    return False


# The past tense, third person singular, indefinite: a verb's stem and -t, -ott, -ett, -ött ("meghalt",
# "lemondott", "győzött"), spelt as the past participle ("kitüntetett író"): only where the word stands tells
# the two apart (records.has_predicate).
PAST_INDEFINITE_ENDINGS = ("ott", "ett", "ött", "t")


def is_past_verb(word: str, endings: tuple[str, ...] = PAST_ENDINGS) -> bool:
    """Whether a lower-case word is one of ``endings`` (:data:`PAST_ENDINGS`, or
    :data:`PAST_INDEFINITE_ENDINGS`) after a verb's stem (see verb_stems.tsv)."""
    return _stem_and_ending(word, endings, 2)


def _stem_and_ending(word: str, endings: tuple[str, ...], shortest_stem: int, stem: Callable[[str], bool] | None = None) -> bool:
    """Whether ``word`` is one of ``endings`` after a stem of ``shortest_stem`` letters or more that ``stem``
    (by default :func:`is_verb`) accepts."""
    accepts = stem or is_verb
    return any(
        word.endswith(ending) and len(word) - len(ending) >= shortest_stem and accepts(word[: -len(ending)]) for ending in endings
    )


# The causative suffix: a verb's stem and -tat/-tet is the verb "to have it done" ("avat", "avattat": "szentté
# avattatja"; "épít", "építtet"), itself a verb the dictionary does not list. (Source: the causative, as
# Hungarian grammars give it: Rounds, Hungarian: An Essential Grammar, the derivational suffixes of verbs.)
# Its other form, -at/-et after a one-syllable stem ("írat"), is left out: it is the accusative of nouns too.
# (So is -tet after a participle in -t: "sebesültet", the wounded, read so, is an accusative, a predicate's
# object, which a description never holds either.)
CAUSATIVE_SUFFIXES = ("tat", "tet")


def is_verb(word: str) -> bool:
    """Whether a lower-case word is a verb in the present, third person singular (see verb_stems.tsv), or
    its causative (:data:`CAUSATIVE_SUFFIXES`)."""
    if word.endswith(CAUSATIVE_SUFFIXES) and len(word) >= 6 and _is_listed_verb(word[:-3]):
        return True
    return _is_listed_verb(word)


def _is_listed_verb(word: str) -> bool:
    if word in VERBS_ONLY:
        return True
    prefix = VERBAL_PREFIX.match(word)
    if prefix is None or word in NOT_VERBS:
        return False
    # the longest prefix, then the one prefix another starts with ("elő" + "ad"; "el" + "őz", "előz" none)
    if len(word) - prefix.end() >= 2 and word[prefix.end() :] in ALL_VERB_STEMS:
        return True
    return prefix.group() == "elő" and word[2:] in ALL_VERB_STEMS


# The definite present, third person plural: -ják/-jék after a back or front stem, -ik after a front one
# ("választják", "egyesítik", "kérik"). A word only ever a verb and one of them opens a sentence whose subject
# is left unsaid ("Egyesítik Esztergom, Szenttamás ... településeket."), as names never end so.
PLURAL_DEFINITE_ENDINGS = ("ják", "jék", "ik")


# A verb that is a noun too ("követ": envoy, stone; follows) in the definite singular, -i ("követi"): the same
# letters are the noun's adjective in -i ("gyári", of the factory; "női", of women), which the noun it
# qualifies follows. A definite verb's object follows it instead, a word in the accusative ("követi apját",
# "követi Leonyid Brezsnyevet", "követi őt"): that tells the verb (:func:`is_ambiguous_verb_before_object`).
AMBIGUOUS_VERB_STEMS = VERB_STEMS["ambiguous"]
# How far after the verb its object may end (a name of two or three words in the accusative).
_OBJECT_WORDS = 3
# A word in the accusative: a vowel, or a consonant cluster's linking vowel, then -t ("apját", "őt",
# "Brezsnyevet", "Amerikát"); a capitalised word too, a name as the object.
_ACCUSATIVE_WORD = re.compile(r"[^\W\d_]*[aáeéoóöőuúüűi]t")


def is_ambiguous_verb_before_object(word: str, following: list[str]) -> bool:
    """Whether a lower-case word is a verb that is a noun too in the definite singular ("követi") and a word
    in the accusative, its object, ends within the next words, before any other lower-case word that is no
    accusative (the noun an adjective in -i qualifies: "gyári munkás")."""
    if not (word.endswith("i") and word[:-1] in AMBIGUOUS_VERB_STEMS):
        return False
    for next_word in following[:_OBJECT_WORDS]:
        bare = next_word.strip(".,;:!?\"'„”()")
        if _ACCUSATIVE_WORD.fullmatch(bare):
            return True
        if bare[:1].islower():
            return False
    return False


def is_plural_definite_verb(word: str) -> bool:
    """Whether a lower-case word is a verb's stem (any verb, as :func:`is_verb` reads it) and the definite
    plural ending (:data:`PLURAL_DEFINITE_ENDINGS`)."""
    return _stem_and_ending(word, PLURAL_DEFINITE_ENDINGS, 3)


# The present, third person plural, indefinite: a verb's stem and -nak/-nek, with a linking vowel after some
# stems ("betörnek", "érkeznek", "állnak", "alapítanak"); an -ik verb drops its -ik before it. The dative
# of a noun takes the same endings ("királynak"), so only a stem the dictionary knows as a verb makes the
# word one.
PLURAL_ENDINGS = ("anak", "enek", "nak", "nek")


def is_plural_verb(word: str) -> bool:
    """Whether a lower-case word is a verb's stem and the present plural ending (:data:`PLURAL_ENDINGS`)."""
    return _stem_and_ending(word, PLURAL_ENDINGS, 3, _is_stem)


def _is_stem(stem: str) -> bool:
    """A verb's stem: the verb as the dictionary lists it, or an -ik verb's ("érkez", of "érkezik")."""
    return is_verb(stem) or is_verb(stem + "ik")


def is_prefixed_verb_form(word: str) -> bool:
    """Whether a lower-case word is a verbal prefix and a known verb in any of the forms above ("lemond",
    "bemutatják"; "kitört" is no such form): a sentence's first word when capitalised, never a name's
    ("Bemutatják Bartók Béla ..."; a name may be a verb without a prefix: "Teng"). The definite in -i is
    left out: family names made of places end so ("Feledi")."""
    if VERBAL_PREFIX.match(word) is None:
        return False
    return (
        is_verb(word)
        or (word.endswith(DEFINITE_ENDINGS) and not word.endswith("i") and is_definite_verb(word))
        or (word.endswith(PAST_ENDINGS) and is_past_verb(word))
    )
