"""Recognising the kinds of lines a year-article export holds."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from evkonyv.parsing.hungarian import (
    CALENDAR_LABELS,
    CALENDAR_TITLE,
    CROSS_REFERENCES,
    DEMONYMS,
    GIVEN_NAMES,
    HEADINGS,
    IMAGE_LINKS,
    MONTH_NAME_PATTERN,
    MONTH_NAMES,
    MONTHS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NOBEL_CATEGORIES,
    PAGE_FOOTER,
    PAGE_HEAD,
    PICTURE_PLACEHOLDERS,
    SECTION_HEADINGS,
    SITE_CHROME,
    YEAR_HEADINGS,
    alternation,
)
from evkonyv.parsing.values import value_class

_NAVIGATION = re.compile(r"(Évtizedek|Évek|Évszázadok|Évezredek)\s*:")
_REFERENCE = re.compile(r"\s*↑")
_NOBEL_INTRO = re.compile(r"A Nobel-díjat .*alapította")
# "Fizikai Nobel-díj: ...", "Irodalmi Nobel-díj – ...": the laureates of the year
_NOBEL_LAUREATES = re.compile(
    r"(Fizikai|Kémiai|Orvosi|Élettani|Fiziológiai|Irodalmi|Béke|Közgazdasági|Nobel)[\w\s-]{0,40}Nobel-díj(as)?\b"
)
# "1957 a tudományban", "1957 az irodalomban": links to the year's topical sub-articles
_TOPIC_LINK = re.compile(r"\d{1,4} (a|az) [\w -]{2,40}(ban|ben)\s*$")
# "Államok vezetőinek listája 1960-ban": the heading of modern articles that links to a list of the year, a
# capitalised noun phrase of at most five words, no article among them, then the year in the inessive.
_YEAR_LIST_LINK = re.compile(r"[A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű]+(?: (?!(?:a|az|egy) )[a-záéíóöőúüű]+){0,4} \d{1,4}-(?:ban|ben)\s*$")
# A section heading glued between a sentence and the next dated item:
# "...szükségességét.Határozatlan dátumú eseményekjúnius – Az ...". The heading
# starts with a capital after the sentence end and runs into a month name with
# no space, which no sentence does.
_GLUED_HEADING = re.compile(
    rf"(?<=[.!?)”\"])\s*(?P<heading>[A-ZÁÉÍÓÖŐÚÜŰ][^.!?\d–]{{1,80}}?[a-záéíóöőúüű])(?=(?:{MONTH_NAME_PATTERN})(?:\s+\d|\s*[–—-]))"
    # a known heading glued on both sides: "...világcsúcstartója.SportJuan Manuel Fangio ..."
    rf"|(?<=[.!?)”\"])(?P<known>{'|'.join(map(re.escape, SECTION_HEADINGS))})(?=[A-ZÁÉÍÓÖŐÚÜŰ0-9])"
)


# What every glued heading above has, in RE2 syntax for one pass over many lines at once: a
# lower-case letter running into a month name, or a known heading right after a sentence's end.
# Only the lines that have it are searched with the pattern above.
_GLUED_HEADING_HINT = (
    rf"[a-záéíóöőúüű](?:{MONTH_NAME_PATTERN})"
    rf"|[.!?)”\"](?:{'|'.join(map(re.escape, SECTION_HEADINGS))})"
)


# "== Születések ==", "=== Január ===": headings as the API's plain-text extracts write them
_WIKI_HEADING = re.compile(r"\s*(?P<level>={1,6})\s*(?P<title>[^=].*?)\s*(?P=level)\s*")
# "Forradalom Magyarországon:": a short capitalised phrase ending in a colon, opening a sub-list
SUB_HEADING = re.compile(r"\s*(?P<title>[A-ZÁÉÍÓÖŐÚÜŰ][^.!?:;–—\d]{1,80}?)\s*:\s*")


_LONGEST_MONTH = max(map(len, MONTH_NAMES.values()))
_MONTH_HEADINGS = frozenset(MONTH_NAMES.values())  # a month's name alone heads its items, not its abbreviation

# Headings of modern year articles that a page copy keeps as lines, by their grammar (not a list of
# titles): a heading names a topic, it states nothing, so it has no date, no dash, no sentence end and no
# article, and it is short.
#   "1881 sporteseményei", "1986 új világörökségi helyszínei": the year, then a noun in the plural
#   possessive (-ai, -ei, -i: "the year's sports events"), a topic sub-section of the events;
_YEAR_TOPIC_HEADING = re.compile(r"\d{1,4}(?: [a-záéíóöőúüű-]+){0,3} [a-záéíóöőúüű-]{3,}i")
#   "Albumok", "Fontosabb események", "Fontosabb külföldi albumok", "Színházi bemutatók": a capitalised word
#   and at most three lower-case ones, the last a noun in the plural (-ok, -ek, -ök, -ak, -ák, -ék, -ai, -ei,
#   and -k after a long ó/ő: "bemutatók", "szerzők").
_PLURAL_ENDINGS = ("ok", "ek", "ök", "ak", "ák", "ék", "ai", "ei", "ók", "ők")
_PLURAL_TOPIC_HEADING = re.compile(rf"[A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű-]+(?: [a-záéíóöőúüű-]+){{0,3}}(?:{'|'.join(_PLURAL_ENDINGS)})")
_ARTICLES = frozenset({"a", "az", "egy"})
# "az ökoturizmus nemzetközi éve", "A rizs nemzetközi éve (ENSZ)": a designation of the year (the
# possessed form of "év", year: "the year of ..."), with the body that declared it in brackets. Modern
# articles list them above the chronology: the year's themes, no event of it.
_YEAR_DESIGNATION = re.compile(r"[^\d–—]{3,160} éve(?: \([^()]{1,60}\))?\.?")


@value_class
class Heading:
    """A heading line: ``opens`` is the part of the article it opens, a section of
    ``evkonyv/parsing/data/headings.tsv`` (events, births, deaths, nobel, topic, end), ``month`` for a
    month heading, ``sub`` for a sub-list heading, or ``date`` for a date alone on its line."""

    opens: str
    title: str
    month: int | None = None


# The edit links a page copy keeps beside a heading: "[szerkesztés] Születések" (the static dumps of
# 2006–07), "Születések[szerkesztés]", "Születések [ szerkesztés | forrás szerkesztése ]" (the desktop
# pages), "Születésekszerkesztés" (the mobile pages, the link's text glued to the title).
# The table of contents of the same copies keeps its toggle: "Tartalomjegyzék [elrejtés]" (hide, show).
_EDIT_LINK = re.compile(r"\s*\[\s*(?:szerkesztés(?:\s*\|[^\[\]]{0,40})?|elrejtés|megjelenítés)\s*\]\s*")
_GLUED_EDIT_LINK = "szerkesztés"


def without_edit_link(line: str) -> str:
    """The line without the edit link of a heading (``[szerkesztés]`` before or after it); a link glued to
    the title (``Születésekszerkesztés``) is left to :func:`read_heading`, which knows the titles."""
    if "[" not in line:  # (most lines: looked at first, the cheap way)
        return line
    return _EDIT_LINK.sub(" ", line).strip()


def read_heading(line: str) -> Heading | None:
    """The heading a line is, in plain (``Születések``) or MediaWiki (``== Születések ==``) form, with or
    without the edit link a page copy keeps beside it (``Születések[szerkesztés]``,
    ``Születésekszerkesztés``)."""
    wiki = _WIKI_HEADING.fullmatch(line)
    title = without_edit_link(wiki["title"] if wiki else line.strip())
    if title.endswith("|"):  # the cell's border of the box it stands in, as the static dumps write it: "Tartalomjegyzék |"
        title = title.rstrip("| ")
    heading = _heading_of(title, bool(wiki))
    if heading is None and title.endswith(_GLUED_EDIT_LINK) and len(title) > len(_GLUED_EDIT_LINK):
        # only a title read as a heading without it: "szerkesztés" ends other words too
        heading = _heading_of(title[: -len(_GLUED_EDIT_LINK)].rstrip(), bool(wiki))
    if (
        heading is None
        and title.startswith(_GLUED_EDIT_LINK)
        and title[len(_GLUED_EDIT_LINK) : len(_GLUED_EDIT_LINK) + 1].isupper()
    ):
        # the link of the heading above glued to this one: "szerkesztésHatározott dátumú események"
        heading = _heading_of(title[len(_GLUED_EDIT_LINK) :], bool(wiki))
    return heading


# "1 Események", "1.1 Határozott dátumú események", "2.1 1849 a tudományban": an entry of the table of
# contents that a copy of the page keeps under "Tartalomjegyzék", its number and a heading's title.
_CONTENTS_ENTRY = re.compile(r"\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(?P<title>\S.*)")


def is_contents_entry(line: str) -> bool:
    """An entry of the page's table of contents: a section number, then what reads as a heading or as a
    link to the year's topic sub-article."""
    match = _CONTENTS_ENTRY.fullmatch(line)
    return match is not None and (read_heading(match["title"]) is not None or is_topic_link(match["title"]))


def is_edit_link(line: str) -> bool:
    """A heading's edit link alone on its line, as a copy of a mobile page writes it under the heading
    ("szerkesztés"), or in brackets ("[szerkesztés]", "[ szerkesztés | forrás szerkesztése ]"), or the table
    of contents' toggle ("[elrejtés]")."""
    return line.strip() == _GLUED_EDIT_LINK or ("[" in line and not without_edit_link(line))


# The headings that name the year (YEAR_HEADINGS), as patterns: the year, with or without a case ending.
_YEAR_HEADING_PATTERNS = tuple(
    (re.compile(rf"{re.escape(before)}\d{{1,4}}(?:-[a-záéíóöőúüű]{{1,4}})?{re.escape(after)}"), kind)
    for before, after, kind in YEAR_HEADINGS
)


def _heading_of(title: str, wiki: bool) -> Heading | None:
    if title in HEADINGS:
        return Heading(HEADINGS[title], title)
    for pattern, kind in _YEAR_HEADING_PATTERNS:
        if pattern.fullmatch(title):
            return Heading(kind, title)
    # (a text longer than every month name is not one, in any case: lower-casing never shortens a text)
    if len(title) <= _LONGEST_MONTH and title.lower() in _MONTH_HEADINGS:  # "Március", or "január" alone
        return Heading("month", title, MONTHS[title.lower()])
    if wiki:
        return Heading("topic", title)  # any other MediaWiki heading: a sub-section of the events
    if _is_topic_heading(title):
        return Heading("topic", title)
    return None


# "Az év albumai", "Az év sportolója": the year's ... (the possessed form of a noun after "Az év"), the title of
# a modern article's topic section, as "Az év témái" (headings.tsv) is of its themes.
_YEARS_OWN = re.compile(r"Az év [a-záéíóöőúüű]{3,}(?:[ae]i|j[ae]i|[ae]|j[ae])")


def _is_topic_heading(title: str) -> bool:
    """A modern article's topic heading kept as a line (see :data:`_YEAR_TOPIC_HEADING`)."""
    if len(title) > 80:
        return False
    if title.startswith("Az év ") and _YEARS_OWN.fullmatch(title):
        return True
    if _ARTICLES.intersection(title.lower().split()):
        return False
    return bool(_YEAR_TOPIC_HEADING.fullmatch(title) or _PLURAL_TOPIC_HEADING.fullmatch(title)) or _is_topic_coordination(title)


# "Művészet, kultúra és divat", "Tudomány és technika", "Politika és társadalom": topic headings joined by
# commas and "és", the nouns of one field; one of them a topic heading (headings.tsv), each one word. "Zene –
# albumok": a topic heading and, after a spaced dash, what its items are.
# "Magyar zene", "Külföldi irodalom": a topic heading qualified by where it is of, a demonym or an adjective
# in -i before it.
_COORDINATION = re.compile(r",\s*|\s+és\s+")
_TOPICS = frozenset(title.casefold() for title, kind in HEADINGS.items() if kind == "topic")


def _is_topic_coordination(title: str) -> bool:
    if not title[:1].isupper():
        return False
    topic, dash, rest = title.partition(" – ")
    if dash:  # "Zene – albumok": a topic heading, a spaced dash, the kind of its items, a plural, in lower case
        words = rest.split()
        return (
            topic.casefold() in _TOPICS
            and 1 <= len(words) <= 3
            and all(word.isalpha() and word.islower() and word not in _ARTICLES for word in words)
            and words[-1].endswith(_PLURAL_ENDINGS)
        )
    parts = _COORDINATION.split(title)
    if len(parts) > 1:
        return all(part.isalpha() for part in parts) and any(part.casefold() in _TOPICS for part in parts)
    words = title.split()
    return (
        len(words) == 2
        and words[1] in _TOPICS
        and (words[0].casefold() in DEMONYMS or words[0].endswith("i"))
        and words[0].isalpha()
    )


# "Európa", "Perzsia", "Bizánci Birodalom": the place sub-headings of the events of old-year articles (the
# hu.wikipedia counterpart of the English "By place" headings), kept as lines. One to three capitalised
# words (a hyphen may join two: "Közel-Kelet"), nothing else on the line.
_PLACE_WORD = r"[A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű]+(?:-[A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű]+)?"
_PLACE_TITLE = re.compile(rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}}")


def place_title(line: str) -> str | None:
    """The title of a line shaped like a place sub-heading (``Európa``, ``Bizánci Birodalom``), else None:
    capitalised words only, none of them a given name or a name's prefix or particle (``Simon Stevin``,
    ``Szent Bonaventura`` are people named alone). Whether it is one depends on what follows (a statement):
    the caller decides."""
    title = line.strip()
    if len(title) > 60 or not _PLACE_TITLE.fullmatch(title):
        return None
    if any(word in GIVEN_NAMES or word in NAME_PREFIXES or word in NAME_PARTICLES for word in title.split()):
        return None
    return title


def sub_heading_title(line: str) -> str | None:
    """The title of a line shaped like a sub-list heading (``Forradalom Magyarországon:``), else None.

    Whether it is one depends on what follows (a dated item): the caller decides.
    """
    if not line.rstrip().endswith(":"):  # (what the pattern ends with, looked at first: it is cheap)
        return None
    match = SUB_HEADING.fullmatch(line)
    return match["title"] if match else None


# "Lásd még: 1903-ban alapított labdarúgóklubok listája": a pointer to another article (a hatnote)
# (data/cross_references.txt)
_CROSS_REFERENCE = re.compile(rf"\s*(?:{alternation(CROSS_REFERENCES)})\s*:")


# "Ez a szócikk az 1854. évről szól. Az 1854-es számról szóló cikket lásd itt: 1854 (szám).": the hatnote that
# hu.wikipedia's disambiguation templates ({{Másik}}, {{Egyért}}) put above an article, saying what it is about.
_HATNOTE = re.compile(r"\s*Ez a (?:szó)?cikk\b.{0,200}?\bszól\b")
# The other hatnotes of those templates point the reader to a disambiguation page, which hu.wikipedia names
# "(egyértelműsítő lap)" ("Az 1878 további jelentéseiről lásd: 1878 (egyértelműsítő lap)."), or warn of a
# name easily mistaken ({{Nem összekeverendő}}: "Nem tévesztendő össze ...").
DISAMBIGUATION = "(egyértelműsítő lap)"
_POINTER_HATNOTE = re.compile(
    r"\s*(?:Nem (?:tévesztendő|összetévesztendő|összekeverendő) össze\b|.{0,200}\(egyértelműsítő lap\))"
)


def is_hatnote(line: str) -> bool:
    return bool(_HATNOTE.match(line) or _POINTER_HATNOTE.match(line))


# The lines a copy of the page keeps above the article's navigation: its title (the year: "1274"), the
# site's tagline ("A Wikipédiából, a szabad lexikonból.") or the menu's "Megjelenés" (appearance), the
# rows of the calendars' table ("1849 más naptárakban | |", "Gergely-naptár | 1849 |"), the centuries'
# navigation ("Évszázadok: ...") and a hatnote. They belong to the year article under them.
# The page's title: the year alone, or as the browser's title of the page writes it, "1977 – Wikipédia" (the
# site's "$1 – Wikipédia" title, which a page saved as text puts on its first line).
_PAGE_TITLE = re.compile(r"\s*(\d{1,4})(?:\s+[–-]\s+Wikipédia)?\s*")
# What the page's head lines open with, tested first (the cheap way) on every line: the title's digits, the
# first words of data/page_head.txt (the tagline, the skin's links), the hatnote's "Ez" and the "Év..."
# navigation, or the space before a row of the calendars' table (a row is told by its end, "|", too).
PAGE_HEAD_OPENINGS: tuple[str, ...] = (
    *"0123456789",
    " ",
    "\t",
    *sorted({phrase[:12] for phrase in PAGE_HEAD} | {"Év", "Ez ", "Nem "} | {label[:12] for label in CALENDAR_LABELS}),
    "ԹՎ",  # (the Armenian calendar's year, written in its own script under its row: "ԹՎ ՌՅԻԷ")
)
_TABLE_ROW = re.compile(r"[^|]{1,60}\|[^|]{0,60}\|\s*")  # a row of the infobox table, its cells ended by "|"
# The same table without its borders: a row's label glued to its value, digits and dashes ("Bizánci
# naptár7386 – 7387", "Japán naptár2538 (Jimmu-korszak)", "Dzsucse-naptárN/A"), the table's title ("1878 más
# naptárakban"), or the Armenian year in its own script ("ԹՎ ՌՅԻԷ").
_CALENDAR_ROW = re.compile(
    rf"\s*(?:{'|'.join(re.escape(label) for label in CALENDAR_LABELS)})\s*(?:[-–0-9 ]*(?:\([^()]{{1,30}}\))?|N/A)\s*"
)
_CALENDAR_TITLE = re.compile(rf"\s*\d{{1,4}}\s+{re.escape(CALENDAR_TITLE)}\s*")
_ARMENIAN_YEAR = re.compile(r"\s*ԹՎ[\u0531-\u0556\s]*")


def page_head_role(line: str) -> str | None:
    """Why a line above a year article's ``Évtizedek:`` line is the page's own, or None."""
    stripped = line.strip()
    if not (line.startswith(PAGE_HEAD_OPENINGS) or stripped.endswith("|") or DISAMBIGUATION in line):
        return None  # (most lines, the dated items among them: told by how they open and end)
    if _PAGE_TITLE.fullmatch(line):
        return "the page's title (the year)"
    if stripped in PAGE_HEAD:
        return "the site's tagline or menu above the article ('A Wikipédiából, a szabad lexikonból.')"
    if stripped.endswith("|") and _TABLE_ROW.fullmatch(line):
        return "a row of the calendars' table above the article ('Gergely-naptár | 1849 |')"
    if _CALENDAR_ROW.fullmatch(line) or _CALENDAR_TITLE.fullmatch(line) or _ARMENIAN_YEAR.fullmatch(line):
        return "a row of the calendars' table above the article, its borders dropped ('Gergely-naptár1849')"
    if is_navigation(line):
        return "year navigation ('Évszázadok:' line)"
    if is_hatnote(line):
        return "hatnote above the article ('Ez a szócikk az 1854. évről szól. ...')"
    return None


def page_title_year(line: str) -> int | None:
    """The year a page's title line names ("1878" alone on its line), or None."""
    title = _PAGE_TITLE.fullmatch(line)
    return int(title[1]) if title else None


# The year the hatnote says the article is about: "Ez a szócikk a 632. évről szól." (an ordinal: "the year 632").
_HATNOTE_YEAR = re.compile(r"\s*Ez a (?:szó)?cikk az? (\d{1,4})\. évről szól\b")


def named_year(line: str) -> int | None:
    """The year a line of the page's head names as the article's: its title ("632"), or its hatnote ("Ez a
    szócikk a 632. évről szól. ..."); None for any other line."""
    hatnote = _HATNOTE_YEAR.match(line)
    return int(hatnote[1]) if hatnote else page_title_year(line)


def is_page_chrome(line: str) -> bool:
    """Whether a line is one of the site's own lines that stand only at the top of a page (the tagline, the
    skin's links, the menus: data/page_head.txt): where it stands, a page begins."""
    return line.strip() in PAGE_HEAD


PICTURE_REASON = "a picture of the page: its text, its enlarge link and its caption, as the static dumps write it"
PLACEHOLDER_REASON = "a picture as a re-publishing site writes it: its placeholder ('Thumb') and its caption"
CHROME_REASON = "a re-publishing site's own line among the article's ('Remove ads')"


def furniture_lines(
    lines: Sequence[str],
    is_item: Callable[[str], bool],
    links: frozenset[str] = IMAGE_LINKS,
    chrome: frozenset[str] = SITE_CHROME,
    placeholders: frozenset[str] = PICTURE_PLACEHOLDERS,
) -> dict[int, str]:
    """The lines among an article's that are the page's furniture, by index, with why: none is a record,
    and none ends a list.

    * A picture as a copy of a static dumps' page has it: the enlarge link's text alone on a line
      (``data/image_links.txt``: "Nagyít"), the image's own text on the line above it and the caption under
      it, the same text again over one line or more ("A Lánchíd avatása, november 20.(korabeli metszet)",
      "Nagyít", "A Lánchíd avatása, november 20.", "(korabeli metszet)"). The lines around the link are the picture's only when the
      caption under it repeats the text above it, letter for letter (spaces aside); else the link's line
      alone is.
    * A picture as a re-publishing site writes it (``data/site_chrome.tsv``): its placeholder alone on a
      line ("Thumb") and the caption on the line under it, unless that line is a list item (``is_item``:
      it opens with a date).
    * The site's own chrome alone on a line ("Remove ads")."""
    found: dict[int, str] = {}
    for index, line in enumerate(lines):
        text = line.strip()
        if text in chrome:
            found[index] = CHROME_REASON
        elif text in placeholders:
            found[index] = PLACEHOLDER_REASON
            if index + 1 < len(lines) and not is_blank(lines[index + 1]) and not is_item(lines[index + 1]):
                found[index + 1] = PLACEHOLDER_REASON
        elif text in links:
            found[index] = PICTURE_REASON
            image = "".join(lines[index - 1].split()) if index else ""
            caption, end = "", index + 1
            while image and end < len(lines) and len(caption) < len(image):
                part = "".join(lines[end].split())
                if not part or not image.startswith(caption + part):
                    break
                caption, end = caption + part, end + 1
            if image and caption == image:
                found.update(dict.fromkeys((index - 1, *range(index + 1, end)), PICTURE_REASON))
    return found


def opens_page_footer(line: str, openings: tuple[str, ...] = PAGE_FOOTER) -> bool:
    """Whether a line opens the footer that closes a page under its article: the last edit's date, the
    licence, or the static dumps' attribution ("Based on work by ... of Wikipedia.");
    ``evkonyv/parsing/data/page_footer.txt``, or a language's own openings."""
    return line.lstrip().startswith(openings)


def is_navigation(line: str) -> bool:
    return bool(_NAVIGATION.match(line))


def is_cross_reference(line: str) -> bool:
    return bool(_CROSS_REFERENCE.match(line))


def starts_year_article(line: str) -> bool:
    return line.startswith("Évtizedek:")


def is_year_window(line: str) -> bool:
    return line.startswith("Évek:")


def is_reference(line: str) -> bool:
    return bool(_REFERENCE.match(line))


def is_nobel_intro(line: str) -> bool:
    return bool(_NOBEL_INTRO.match(line))


def is_nobel_laureates(line: str) -> bool:
    return bool(_NOBEL_LAUREATES.match(line)) or is_nobel_table_row(line)


def is_nobel_table_row(line: str) -> bool:
    """A row of a year article's table of the Nobel laureates, left as a line: the prize's category, then
    nothing but the laureates' names ("Fizikai Pjotr Leonyidovics Kapica, Arno Allan Penzias, Robert
    Woodrow Wilson", "Béke Anvar Szadat és Menáhem Begin"): capitalised words and initials, joined by
    commas or "és", name particles among them, at least a given name and a family name. An event line
    that opens with the same word goes on with lower-case words ("Béke köttetik ...")."""
    category, _, rest = line.strip().partition(" ")
    if category not in NOBEL_CATEGORIES:
        return False
    words = [word.rstrip(",") for word in rest.split()]
    names = [word for word in words if word != "és" and word not in NAME_PARTICLES]
    return len(names) >= 2 and all(word[:1].isupper() for word in names)


# The rows of the laureates' table run one a category, in the prize's order: three such lines in a row, of
# three categories at least, are the table whatever the rows hold (descriptions; "Béke nem adták ki", the
# prize not awarded), where one line that opens with "Béke" may be an event ("Béke köttetik ...").
NOBEL_TABLE_ROWS = 3
_NOBEL_ROW_OPENINGS = tuple(f"{category} " for category in sorted(NOBEL_CATEGORIES))


def _opens_nobel_row(line: str) -> bool:
    return line.startswith(_NOBEL_ROW_OPENINGS) or (line[:1].isspace() and line.lstrip().startswith(_NOBEL_ROW_OPENINGS))


def in_nobel_table(lines: Sequence[str], position: int) -> bool:
    """Whether ``lines[position]`` is a row of a Nobel laureates' table left as lines: it opens with a
    prize category, and so do the lines around it, at least :data:`NOBEL_TABLE_ROWS` in a row with as
    many categories ("Fizikai John Bardeen elektromérnök, ...", "Kémiai ...", ..., "Béke nem adták ki")."""
    if not _opens_nobel_row(lines[position]):
        return False
    first = last = position
    while first > 0 and _opens_nobel_row(lines[first - 1]):
        first -= 1
    while last + 1 < len(lines) and _opens_nobel_row(lines[last + 1]):
        last += 1
    categories = {line.strip().partition(" ")[0] for line in lines[first : last + 1]}
    return len(categories) >= NOBEL_TABLE_ROWS


def is_year_designation(line: str) -> bool:
    """A line naming what the year is the year of (see :data:`_YEAR_DESIGNATION`); read only above
    the article's first list item."""
    return bool(_YEAR_DESIGNATION.fullmatch(line.strip()))


def is_topic_link(line: str) -> bool:
    line = without_edit_link(line)
    if line.endswith(_GLUED_EDIT_LINK):  # "1880 az irodalombanszerkesztés": the mobile page's link glued on
        line = line[: -len(_GLUED_EDIT_LINK)]
    return bool(_TOPIC_LINK.match(line) or _YEAR_LIST_LINK.match(line))


def is_blank(line: str) -> bool:
    return not line.strip()


# The navigation of a year article: 11 years centred on the article's year, and 11
# decades centred on its decade.
WINDOW_SIZE = 11
_DECADE = re.compile(r"(?<!\d)(\d{1,4}0)-(?:as|es|ás|és)\b")  # (a copy may glue them: "évek1230-as évek")


def read_window(line: str) -> tuple[int | None, str | None]:
    """The year an ``Évek:`` line centres on, or None and what is wrong with the line."""
    years = [int(part) for part in re.findall(r"\b\d{1,4}\b", line)]
    if len(years) != WINDOW_SIZE:
        # a copy of the page that lost the separators of the links: "Évek: 12691270127112721273..."
        years = glued_years(re.sub(r"\D", "", line)) or years
    if len(years) != WINDOW_SIZE:
        return None, f"its 'Évek:' window lists {len(years)} years, not {WINDOW_SIZE}"
    if any(later - earlier != 1 for earlier, later in zip(years, years[1:], strict=False)):
        return None, f"its 'Évek:' window is not {WINDOW_SIZE} consecutive years ({years[0]} … {years[-1]})"
    return years[WINDOW_SIZE // 2], None


def glued_years(digits: str, count: int = WINDOW_SIZE) -> list[int]:
    """``count`` consecutive years written one after the other with nothing between them
    ("12691270...1279", "99599699799899910001001..."), or [] when the digits are no such run. The first
    year's length decides the rest: each next year is the one before plus one."""
    for length in range(1, 5):
        if len(digits) < length or digits[0] == "0":
            break
        years, rest = [int(digits[:length])], digits[length:]
        while rest and len(years) < count:
            following = str(years[-1] + 1)
            if not rest.startswith(following):
                break
            years.append(years[-1] + 1)
            rest = rest[len(following) :]
        if not rest and len(years) == count:
            return years
    return []


def decade_conflict(decades_line: str, year: int, named: frozenset[int] = frozenset()) -> str | None:
    """What the ``Évtizedek:`` line says against ``year``; None when it agrees or says nothing clear.

    ``named``: the years the page's head names as the article's (its title, its hatnote: :func:`named_year`).
    Where one of them is ``year`` and the decades still hold its decade, off their centre (the template writes
    them so for some early years: "Ez a szócikk a 632. évről szól.", decades 560–660), two witnesses agree
    against the decades' centre, and the year stands."""
    decades = [int(part) for part in _DECADE.findall(decades_line)]
    if len(decades) != WINDOW_SIZE or any(later - earlier != 10 for earlier, later in zip(decades, decades[1:], strict=False)):
        return None
    centre = decades[WINDOW_SIZE // 2]
    if year // 10 * 10 != centre and not (year in named and year // 10 * 10 in decades):
        return f"its 'Évek:' window centres on {year}, but its 'Évtizedek:' line on the {centre}s"
    return None


def glued_heading_lines(lines: Sequence[str], first_line: int = 1, array: pa.Array | None = None) -> set[int]:
    """The numbers of the lines in which a stripped section heading may be glued (one vectorised
    pass over them all, numbered from ``first_line``): :func:`split_glued_headings` can cut only these.
    ``array``: the lines' :func:`lines_array`, when it is made already."""
    if not lines:
        return set()
    hits = pc.match_substring_regex(lines_array(lines) if array is None else array, _GLUED_HEADING_HINT).to_pylist()
    return {number for number, hit in enumerate(hits, start=first_line) if hit}


def lines_array(lines: Sequence[str]) -> pa.Array:
    """The lines as one Arrow string array (their UTF-8 text in one buffer)."""
    # The lines go to Arrow joined in one temporary string: converted one by one, each line would keep
    # a UTF-8 copy of itself for as long as it lives (CPython caches it in a non-ASCII string).
    array = pc.list_flatten(pc.split_pattern(pa.array(["\n".join(lines)], pa.large_string()), "\n"))
    if len(array) != len(lines):  # a line holds a line break (not one read from a file)
        array = pa.array(lines, pa.large_string())
    return array


def split_glued_headings(line: str) -> tuple[list[str], list[str]]:
    """Cut a line where a stripped section heading glued two items together.

    Returns the item texts and the dropped headings.
    """
    pieces: list[str] = []
    headings: list[str] = []
    start = 0
    for match in _GLUED_HEADING.finditer(line):
        pieces.append(line[start : match.start()].strip())
        headings.append((match["heading"] or match["known"]).strip())
        start = match.end()
    pieces.append(line[start:].strip())
    return pieces, headings
