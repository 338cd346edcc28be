import pytest

from evkonyv.parsing.articles import find_duplicates, prose_title, split_articles
from evkonyv.parsing.lines import read_window, split_glued_headings
from evkonyv.reading.sources import decode_source
from tests.helpers import SEED as SEED_FILE
from tests.helpers import parse_rows

NAV = "Évtizedek: 1900-as évek – 1910-es évek"


def year_article(year: int, *body: str) -> list[str]:
    window = " – ".join(str(y) for y in range(year - 5, year + 6))
    return [NAV, f"Évek: {window}", *body, "↑ Forrás: valami"]


def test_year_is_the_centre_of_the_window():
    assert read_window("Évek: 1948 – 1949 – 1950 – 1951 –  1952 – 1953 – 1954 – 1955 – 1956 – 1957 – 1958") == (1953, None)
    assert read_window("Évek: 1948 – 1950")[0] is None  # even: no centre
    assert read_window("Évek: 1948 – 1950 – 1951")[0] is None  # not consecutive
    assert read_window("Évek: 1950 – 1951 – 1952")[0] is None  # not 11 years


def test_prose_title_from_first_sentence():
    assert (
        prose_title("Az 1956-os forradalom és szabadságharc Magyarország népének a sztálinista terror elleni forradalma")
        == "1956-os forradalom és szabadságharc"
    )
    assert prose_title("A második világháború 1939 és 1945 között zajlott") == "második világháború"


def test_split_year_and_prose_articles():
    lines = [
        "",
        *year_article(1953, "január 3. – Esemény."),
        "Az első cikk Magyarország történetéről szól.",
        "Második bekezdés.",
        "",
        "A második cikk Budapestről szól.",
    ]
    articles = split_articles("f.txt", lines)
    assert [(a.kind, a.title, a.first_line, a.last_line) for a in articles] == [
        ("year", "1953", 2, 5),
        ("prose", "első cikk", 6, 7),
        ("prose", "második cikk", 9, 9),
    ]


def test_exact_near_and_divergent_duplicates():
    body = [f"január {d}. – Esemény száma {d}." for d in range(1, 21)]
    edited = list(body)
    edited[3] = "január 4. – Esemény száma négy."
    lines = (
        year_article(1953, *body)
        + year_article(1953, *body)
        + year_article(1953, *edited)
        + year_article(1953, "május 1. – Más.")
    )
    articles = split_articles("f.txt", lines)
    duplicates = find_duplicates(articles)
    assert [(d.article_id, d.original_id, d.kind) for d in duplicates] == [
        (articles[1].article_id, articles[0].article_id, "exact"),
        (articles[2].article_id, articles[0].article_id, "near"),
        (articles[3].article_id, articles[0].article_id, "divergent"),
    ]


def test_glued_heading_is_cut_and_dropped():
    pieces, headings = split_glued_headings(
        "december 23. – Közös közlemény szükségességét.Határozatlan dátumú eseményekjúnius – Az SZKP levelet intéz."
    )
    assert pieces == ["december 23. – Közös közlemény szükségességét.", "június – Az SZKP levelet intéz."]
    assert headings == ["Határozatlan dátumú események"]


def test_sentence_ending_in_a_month_word_is_not_a_heading():
    pieces, headings = split_glued_headings("március 1. – Ülés. Májusban újabb ülés jön.")
    assert len(pieces) == 1 and headings == []


def test_known_heading_glued_on_both_sides():
    pieces, headings = split_glued_headings("augusztus 28. – Aranyérmet nyer.SportJuan Manuel Fangio második elsősége.")
    assert pieces == ["augusztus 28. – Aranyérmet nyer.", "Juan Manuel Fangio második elsősége."]
    assert headings == ["Sport"]


HATNOTE = "Ez a szócikk az 1953. évről szól. Az 1953-as számról szóló cikket lásd itt: 1953 (szám)."


def test_a_hatnote_above_a_year_article_is_the_articles_first_line():
    lines = [
        HATNOTE,
        *year_article(1953, "január 3. – Esemény."),
        "",
        HATNOTE.replace("1953", "1954"),
        "",
        *year_article(1954, "május 1. – Más."),
    ]
    articles = split_articles("f.txt", lines)
    assert [(a.kind, a.title, a.first_line, a.last_line) for a in articles] == [("year", "1953", 1, 5), ("year", "1954", 7, 12)]


def test_a_hatnote_with_no_year_article_after_it_is_prose():
    articles = split_articles("f.txt", [HATNOTE, "", "Az első cikk Magyarország történetéről szól."])
    assert [a.kind for a in articles] == ["prose", "prose"]


def test_a_hatnote_is_navigation_and_the_decades_after_it_are_still_checked():
    decades = "Évtizedek: 1900-as évek – 1910-es évek – 1920-as évek – 1930-as évek – 1940-es évek – 1950-es évek – 1960-as évek – 1970-es évek – 1980-as évek – 1990-es évek – 2000-es évek"
    body = [decades, "Évek: " + " – ".join(str(y) for y in range(1948, 1959)), "január 3. – Esemény."]
    result = parse_rows([decode_source("x.txt", "\n".join([HATNOTE, *body]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in result.articles] == [("year", "1953")]
    assert [r.role for r in result.roles] == ["navigation", "navigation", "navigation", "record"]
    assert "hatnote" in result.roles[0].reason
    elsewhere = ["Évtizedek: " + " – ".join(f"{d}-es évek" for d in range(1810, 1920, 10)), *body[1:]]  # 1860s, no 1950s
    refused = parse_rows([decode_source("x.txt", "\n".join([HATNOTE, *elsewhere]).encode("utf-8"))])
    assert refused.records == [] and "'Évtizedek:' line on the 1860s" in refused.quarantined[0].reason
    shifted = ["Évtizedek: " + " – ".join(f"{d}-es évek" for d in range(1890, 2000, 10)), *body[1:]]  # centred on the 1940s
    without_hatnote = parse_rows([decode_source("x.txt", "\n".join(shifted).encode("utf-8"))])
    assert without_hatnote.records == [] and "'Évtizedek:' line on the 1940s" in without_hatnote.quarantined[0].reason
    # the hatnote names the window's year and the decades hold its decade, off their centre (as the template
    # writes them for some early years: 632's decades run 560s–660s): the two witnesses agree, the year stands
    agreed = parse_rows([decode_source("x.txt", "\n".join([HATNOTE, *shifted]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in agreed.articles] == [("year", "1953")] and len(agreed.records) == 1
    other_year = HATNOTE.replace("1953", "1954")
    refused_again = parse_rows([decode_source("x.txt", "\n".join([other_year, *shifted]).encode("utf-8"))])
    assert refused_again.records == []  # a hatnote of another year is no witness for this one


def test_the_pages_head_above_a_year_article_is_the_articles_and_the_dump_footer_no_record():
    """A copy of the page keeps its title, the site's tagline and the centuries' navigation above the
    decades, and the static dumps close every page with their attribution: none of them is a record or an
    article of its own."""
    window = "Évek: " + " – ".join(str(y) for y in range(1948, 1959))
    decades = "Évtizedek: " + " – ".join(f"{d}-es évek" for d in range(1900, 2010, 10)).replace("1900-es", "1900-as")
    head = ["1953", "A Wikipédiából, a szabad lexikonból.", "Évszázadok: 19. század – 20. század – 21. század"]
    table = ["Megjelenés", "1953 más naptárakban | |", "Gergely-naptár | 1953 |", "Kínai naptár | 4649–4650 |"]
    footer = "Based on work by Tgr, Csanády and Anonymous user(s) of Wikipedia."
    body = [decades, window, "január 3. – Megalakul a kormány.", "május 1. – Minta Péter magyar író († 2001)", footer]
    lines = [*head, *body, "", "1954", *[line.replace("1953", "1954") for line in head[1:]], decades, window.replace("1948", "x")]
    articles = split_articles("f.txt", lines)
    assert [(a.kind, a.first_line) for a in articles][:2] == [("year", 1), ("year", 10)]
    result = parse_rows([decode_source("x.txt", "\n".join([*head[:2], *table, head[2], *body]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in result.articles] == [("year", "1953")]
    assert [(r.source_line, r.kind) for r in result.records] == [(10, "event"), (11, "birth")]
    roles = {role.line: (role.role, role.reason) for role in result.roles}
    assert [roles[n][0] for n in range(1, 10)] == ["navigation"] * 9 and roles[12][0] == "reference"
    assert "title" in roles[1][1] and "tagline" in roles[2][1] and "calendars" in roles[5][1]
    assert "footer" in roles[12][1]


FOOTER = [
    "A lap utolsó módosítása: 2024. június 5., 14:27",
    "A lap szövege Creative Commons Nevezd meg! – Így add tovább! 4.0 licenc alatt van.",
    "Adatvédelmi irányelvek",
    "Fejlesztők",
]


def test_the_footer_of_a_current_page_ends_the_article_it_closes():
    """Below the references of a year article, or the text of a prose one, the footer a copy of the page keeps
    (the last edit's date, the licence, the site's links) is the article's end: no article of its own, no
    record, and its date no row of the timeline."""
    seed = _seed_lines()
    for lines in (seed[:57], seed):  # the 1953 article, which ends in references; the whole seed, prose last
        plain = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
        result = parse_rows([decode_source("x.txt", "\n".join([*lines, *FOOTER]).encode("utf-8"))])
        assert [(a.kind, a.title) for a in result.articles] == [(a.kind, a.title) for a in plain.articles]
        assert [r.record_id for r in result.records] == [r.record_id for r in plain.records]
        assert [t.record_id for t in result.timeline] == [t.record_id for t in plain.timeline]
        roles = {role.line: role.role for role in result.roles}
        assert all(roles[len(lines) + n] in ("reference", "citation") for n in range(1, len(FOOTER) + 1))


def _seed_lines():
    from tests.helpers import SEED

    return SEED.read_text(encoding="utf-8").splitlines()


def test_a_picture_of_a_dumps_page_is_no_record_and_ends_no_list():
    """A static dumps' page writes a thumbnail as the image's text, the enlarge link ("Nagyít") and the caption
    again, here over two lines and with a date in it: none of the four lines is a record, and the list goes on
    under the picture."""
    nav = [
        "Évtizedek: 1930-as évek – 1940-es évek – 1950-es évek – 1960-as évek – 1970-es évek – 1980-as évek – 1990-es évek – 2000-es évek – 2010-es évek – 2020-as évek – 2030-as évek",
        "Évek: 1979 – 1980 – 1981 – 1982 – 1983 – 1984 – 1985 – 1986 – 1987 – 1988 – 1989",
    ]
    picture = [
        "A Lánchíd avatása, február 7.(korabeli metszet)",
        "Nagyít",
        "A Lánchíd avatása, február 7.",
        "(korabeli metszet)",
    ]
    items = ["január 1. – Megnyílik a vasútvonal.", "február 3. – Átadják a hidat."]
    result = parse_rows([decode_source("x.txt", "\n".join([*nav, items[0], *picture, items[1]]).encode("utf-8"))])
    assert [(r.source_line, r.kind, r.date.month) for r in result.records] == [(3, "event", 1), (8, "event", 2)]
    assert [r.role for r in result.roles[3:7]] == ["navigation"] * 4
    assert "picture" in result.roles[4].reason
    # a caption under the link that does not repeat the text above it: the link's line alone is the picture's
    other = [picture[0], "Nagyít", "február 5. – Lemond a kormány."]
    result = parse_rows([decode_source("x.txt", "\n".join([*nav, items[0], *other]).encode("utf-8"))])
    assert [r.role for r in result.roles[2:]] == ["record", "record", "navigation", "record"]


def test_a_picture_of_a_dumps_page_gives_no_timeline_row():
    """In a prose article the picture's lines are no narrating lines: the caption's date makes no timeline row."""
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    base = parse_rows([decode_source("s.txt", "\n".join(lines).encode("utf-8"))])
    picture = ["Harcok a Corvin köznél, október 28.", "Nagyít", "Harcok a Corvin köznél,", "október 28."]
    at = 199  # inside the first copy of the prose article, between two of its paragraphs
    result = parse_rows([decode_source("s.txt", "\n".join([*lines[:at], *picture, *lines[at:]]).encode("utf-8"))])
    assert [r.role for r in result.roles[at : at + 4]] == ["navigation"] * 4
    assert len(result.timeline) == len(base.timeline) and len(result.records) == len(base.records)


def test_a_hatnote_pointing_to_a_disambiguation_page_is_the_next_articles_head():
    """A hatnote of hu.wikipedia's disambiguation templates above a year article, pointing to the
    disambiguation page ("... (egyértelműsítő lap)") or warning of a name easily mistaken ("Nem tévesztendő
    össze ..."): the head of the article under it, no record of the article above it."""

    def navigation(year):
        decades = " – ".join(
            f"{d}-{'as' if d // 10 % 10 in (2, 3, 6, 8) else 'es'} évek"
            for d in range(year // 10 * 10 - 50, year // 10 * 10 + 60, 10)
        )
        return [f"Évtizedek: {decades}", "Évek: " + " – ".join(str(y) for y in range(year - 5, year + 6))]

    above = [*navigation(1877), "március 3. – Megnyílik a vasútvonal.", "április 5. – Kovács Béla magyar író († 1940)"]
    for hatnote in (
        "Az 1878 további jelentéseiről lásd: 1878 (egyértelműsítő lap).",
        "Nem tévesztendő össze a következővel: 1788.",
    ):
        lines = [*above, hatnote, *navigation(1878), "május 1. – Átadják a hidat."]
        result = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
        assert [(a.kind, a.title) for a in result.articles] == [("year", "1877"), ("year", "1878")]
        assert [(r.source_line, r.kind) for r in result.records] == [(3, "event"), (4, "birth"), (8, "event")]
        assert result.roles[4].role == "navigation" and "hatnote" in result.roles[4].reason


def test_the_table_of_contents_in_the_forms_a_copy_writes_it_is_no_record():
    """The static dumps write the contents' title with its box's border ("Tartalomjegyzék |"); a current page
    titles it "Tartalom", its entries under it ("1 Események", "1.1 Január"): no record."""
    nav = [
        "Évtizedek: 1820-as évek – 1830-as évek – 1840-es évek – 1850-es évek – 1860-as évek – 1870-es évek – 1880-as évek – 1890-es évek – 1900-as évek – 1910-es évek – 1920-as évek",
        "Évek: 1872 – 1873 – 1874 – 1875 – 1876 – 1877 – 1878 – 1879 – 1880 – 1881 – 1882",
    ]
    items = ["március 3. – Megnyílik a vasútvonal.", "április 5. – Kovács Béla magyar író († 1940)"]
    for contents in (
        ["Tartalomjegyzék |"],
        ["Tartalomjegyzék |", "[elrejtés]"],
        ["Tartalom", "1 Események", "1.1 Január", "2 Születések"],
    ):
        result = parse_rows([decode_source("x.txt", "\n".join([*nav, *contents, *items]).encode("utf-8"))])
        first = len(nav) + len(contents) + 1
        assert [(r.source_line, r.kind) for r in result.records] == [(first, "event"), (first + 1, "birth")]
        assert [role.role for role in result.roles[2 : 2 + len(contents)]] == ["heading"] + ["navigation"] * (len(contents) - 1)


def test_a_reviewed_pages_badge_in_the_head_belongs_to_the_article_under_it():
    """A copy of a current page writes the reviewed page's badge ("Ellenőrzött") between its title and the
    tagline: the whole head belongs to the year article under it, none of it to the article above."""
    nav = [
        "Évtizedek: 1820-as évek – 1830-as évek – 1840-es évek – 1850-es évek – 1860-as évek – 1870-es évek – 1880-as évek – 1890-es évek – 1900-as évek – 1910-es évek – 1920-as évek",
        "Évek: 1872 – 1873 – 1874 – 1875 – 1876 – 1877 – 1878 – 1879 – 1880 – 1881 – 1882",
    ]
    above = [*nav, "március 3. – Megnyílik a vasútvonal.", "április 5. – Kovács Béla magyar író († 1940)"]
    head = ["Ugrás a tartalomhoz", "1878", "Ellenőrzött", "A Wikipédiából, a szabad enciklopédiából"]
    below = [nav[0], nav[1].replace("1872 – ", "").replace("1882", "1882 – 1883"), "május 1. – Átadják a hidat."]
    result = parse_rows([decode_source("x.txt", "\n".join([*above, *head, *below]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in result.articles] == [("year", "1877"), ("year", "1878")]
    assert [(r.source_line, r.kind) for r in result.records] == [(3, "event"), (4, "birth"), (11, "event")]
    assert {role.role for role in result.roles if 5 <= role.line <= 8} == {"navigation"}


def test_the_calendars_table_without_its_borders_is_the_next_articles_head():
    """A copy of a current page that drops the borders of the calendars' table writes each row's label
    glued to its value ("Gergely-naptár1878", "Dzsucse-naptárN/A"), a label alone ("Hindu naptárak", which
    reads like a topic heading) and the Armenian year in its script: all of it the head of the article under
    it (data/calendar_table.tsv), none of it a record of the article above."""
    nav = [
        "Évtizedek: 1820-as évek – 1830-as évek – 1840-es évek – 1850-es évek – 1860-as évek – 1870-es évek – 1880-as évek – 1890-es évek – 1900-as évek – 1910-es évek – 1920-as évek",
        "Évek: 1872 – 1873 – 1874 – 1875 – 1876 – 1877 – 1878 – 1879 – 1880 – 1881 – 1882",
    ]
    above = [*nav, "március 3. – Megnyílik a vasútvonal.", "április 5. – Kovács Béla magyar író († 1940)"]
    table = [
        "1878 más naptárakban",
        "Gergely-naptár1878",
        "Bizánci naptár7386 – 7387",
        "Dzsucse-naptárN/A",
        "Hindu naptárak",
        "Vikram Samvat1933 – 1934",
        "Japán naptár2538 (Jimmu-korszak)",
        "Kínai naptár4574–4575",
        "Örmény naptár1327",
        "ԹՎ ՌՅԻԷ",
        "Zsidó naptár5638 – 5639",
    ]
    head = ["1878", "A Wikipédiából, a szabad enciklopédiából", *table, "Évszázadok: 18. század – 19. század – 20. század"]
    below = [nav[0], nav[1].replace("1872 – ", "").replace("1882", "1882 – 1883"), "május 1. – Átadják a hidat."]
    result = parse_rows([decode_source("x.txt", "\n".join([*above, *head, *below]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in result.articles] == [("year", "1877"), ("year", "1878")]
    last = len(above) + len(head) + len(below)
    assert [(r.source_line, r.kind) for r in result.records] == [(3, "event"), (4, "birth"), (last, "event")]
    assert {role.role for role in result.roles if len(above) < role.line < last} == {"navigation"}


def test_a_republishing_sites_own_lines_and_picture_placeholder_are_no_records():
    """A re-publishing site's copy (data/site_chrome.tsv) writes its "Remove ads" among the items and a
    picture as its placeholder ("Thumb") above the caption: neither is a record, nor ends the list; a dated
    item right under the placeholder (a picture without a caption) stays a record."""
    nav = [
        "Évtizedek: 1820-as évek – 1830-as évek – 1840-es évek – 1850-es évek – 1860-as évek – 1870-es évek – 1880-as évek – 1890-es évek – 1900-as évek – 1910-es évek – 1920-as évek",
        "Évek: 1872 – 1873 – 1874 – 1875 – 1876 – 1877 – 1878 – 1879 – 1880 – 1881 – 1882",
    ]
    lines = [
        *nav,
        "Remove ads",
        "Thumb",
        "A vasútvonal megnyitása egy korabeli metszeten, március 3.",
        "március 3. – Megnyílik a vasútvonal.",
        "Remove ads",
        "Thumb",
        "április 2. – Átadják a hidat.",
        "április 5. – Kovács Béla magyar író († 1940)",
    ]
    result = parse_rows([decode_source("x.txt", "\n".join(lines).encode("utf-8"))])
    assert [(r.source_line, r.kind) for r in result.records] == [(6, "event"), (9, "event"), (10, "birth")]
    assert [role.role for role in result.roles[2:5]] == ["navigation"] * 3 and "Remove ads" in result.roles[2].reason


def test_a_page_whose_copy_lost_its_navigation_is_still_a_page_of_its_own():
    """A copy that lost the year navigation's box but kept the page's own lines: its title and the tagline
    above its chronology open an article of their own, the year its title names; with no title, the article's
    year is not read and its lines are quarantined with why. Never are they items of the article above."""
    nav = [
        "Évtizedek: 1820-as évek – 1830-as évek – 1840-es évek – 1850-es évek – 1860-as évek – 1870-es évek – 1880-as évek – 1890-es évek – 1900-as évek – 1910-es évek – 1920-as évek",
        "Évek: 1872 – 1873 – 1874 – 1875 – 1876 – 1877 – 1878 – 1879 – 1880 – 1881 – 1882",
    ]
    above = [*nav, "március 3. – Megnyílik a vasútvonal.", "április 5. – Kovács Béla magyar író († 1940)"]
    page = [
        "1878",
        "A Wikipédiából, a szabad enciklopédiából",
        "Események",
        "május 1. – Átadják a hidat.",
        "június 2. – Sztrájk.",
    ]
    result = parse_rows([decode_source("x.txt", "\n".join([*above, *page]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in result.articles] == [("year", "1877"), ("year", "1878")]
    assert [(r.source_line, r.kind, r.article) for r in result.records] == [
        (3, "event", "1877"), (4, "birth", "1877"), (8, "event", "1878"), (9, "event", "1878"),
    ]  # fmt: skip
    untitled = parse_rows([decode_source("x.txt", "\n".join([*above, *page[1:]]).encode("utf-8"))])
    assert [(r.source_line, r.kind) for r in untitled.records] == [(3, "event"), (4, "birth")]
    assert {q.source_line for q in untitled.quarantined} == {5, 6, 7, 8}
    assert "no page title above it names its year" in untitled.quarantined[0].reason


def test_a_copy_that_lost_the_decades_line_opens_its_article_with_the_years_window():
    """The navigation's "Évek:" window opens the article where no "Évtizedek:" line stands above it (a copy
    that dropped that row of the box): its year is the window's, its undated items are read as items. Under a
    decades' line the window is that article's line, no article of its own."""
    article = [
        "1247",
        "Évszázadok: 12. század – 13. század – 14. század",
        "Évek: 1242 – 1243 – 1244 – 1245 – 1246 – 1247 – 1248 – 1249 – 1250 – 1251 – 1252",
        "IV. Béla király a johannitákat telepíti a Szörénységbe.",
        "A velenceiek elfoglalják Zárát.",
        "március 5. – Meghal a pápai legátus.",
    ]
    result = parse_rows([decode_source("x.txt", "\n".join(article).encode("utf-8"))])
    assert [(a.kind, a.title) for a in result.articles] == [("year", "1247")]
    assert [(r.source_line, r.kind) for r in result.records] == [(4, "event"), (5, "event"), (6, "event")]
    assert not result.quarantined
    decades = "Évtizedek: 1190-es évek – 1200-as évek – 1210-es évek – 1220-as évek – 1230-as évek – 1240-es évek – 1250-es évek – 1260-as évek – 1270-es évek – 1280-as évek – 1290-es évek"
    whole = parse_rows([decode_source("x.txt", "\n".join([*article[:2], decades, *article[2:]]).encode("utf-8"))])
    assert [(a.kind, a.title, a.first_line) for a in whole.articles] == [("year", "1247", 1)]


# A copy of a year article that lost everything above its chronology (title, navigation, hatnote), as
# heldout-2026-12i's hu_1848.txt: a month heading the copy keeps among its dated items.
HEADLESS = [
    "március 18. – Berlinben a tüntetők barikádokat emelnek.",
    "április 20. – Batthyány Lajos miniszterelnök kinevezi Ottinger Ferenc vezérőrnagyot.",
    "Május",
    "május 7. – Az uralkodó a főhadparancsnokságokat a kormány alá rendeli.",
    "július 4. – A minisztertanács javaslatot tesz az országgyűlésnek.",
]


def test_the_year_a_file_name_names():
    from evkonyv.parsing.articles import year_of_file_name

    assert year_of_file_name("hu_1848.txt") == 1848
    assert year_of_file_name("632.txt") == 632
    assert year_of_file_name("hu_1962_alt.txt") == 1962
    assert year_of_file_name("huwiki_1953-1956.txt") is None  # two numbers: no one year
    assert year_of_file_name("export_20241201.txt") is None  # a date stamp, not a year
    assert year_of_file_name("hu_0848.txt") is None  # a leading zero
    assert year_of_file_name("evkonyv.txt") is None


def test_a_headless_chronology_takes_the_year_its_file_name_names():
    """Nothing in the text names the year, the file's name does: its dated items are published under that
    year, each flagged, with a warning; the month heading is no record."""
    from evkonyv.summary import run_warnings

    result = parse_rows([decode_source("hu_1848.txt", "\n".join(HEADLESS).encode("utf-8"))])
    assert [(a.kind, a.year, a.year_from_file_name) for a in result.articles] == [("year", 1848, True)]
    assert [(r.source_line, r.kind, r.year, r.month, r.day) for r in result.records] == [
        (1, "event", 1848, 3, 18),
        (2, "event", 1848, 4, 20),
        (4, "event", 1848, 5, 7),
        (5, "event", 1848, 7, 4),
    ]
    assert all("year_from_file_name" in r.quality_flags for r in result.records)
    assert result.quarantined == []
    assert any("read as year 1848, the year its file's name names" in w for w in run_warnings(result.tables))


@pytest.mark.parametrize(
    "change",
    [lambda line: line.replace(" – ", " - "), lambda line: "\t" + line, lambda line: line.replace(". – ", " - ")],
    ids=["hyphen-dash", "indented", "no-dot-hyphen"],
)
def test_a_headless_chronology_in_another_form_of_the_date_takes_its_file_names_year(change):
    """The chronology is told by its items' dates in any form the date grammar reads: a hyphen for the dash
    (as many pages write it), a day without its dot, items indented as a nested list's."""
    lines = [change(line) if line[:1].islower() else line for line in HEADLESS]
    result = parse_rows([decode_source("hu_1848.txt", "\n".join(lines).encode("utf-8"))])
    assert [(a.kind, a.year, a.year_from_file_name) for a in result.articles] == [("year", 1848, True)]
    assert [(r.source_line, r.month, r.day) for r in result.records] == [(1, 3, 18), (2, 4, 20), (4, 5, 7), (5, 7, 4)]


def test_the_browsers_title_of_a_saved_page_above_a_headless_chronology_is_no_event():
    """A page saved as text opens with the browser's title of the page ("1848 – Wikipédia"): the page's
    title, no dated item and no event, in a chronology that takes its file's year."""
    text = "\n".join(["1848 – Wikipédia", *HEADLESS])
    result = parse_rows([decode_source("hu_1848.txt", text.encode("utf-8"))])
    assert [(a.kind, a.year) for a in result.articles] == [("year", 1848)]
    assert [(r.source_line, r.month, r.day) for r in result.records] == [(2, 3, 18), (3, 4, 20), (5, 5, 7), (6, 7, 4)]


def test_a_headless_chronology_in_english_takes_its_file_names_year():
    lines = [
        "March 18 – Barricades go up in Berlin.",
        "April 20 – A general is appointed.",
        "May 7 – The army is placed under the government.",
    ]
    result = parse_rows([decode_source("en_1848.txt", "\n".join(lines).encode("utf-8"))])
    assert [(a.language, a.year, a.year_from_file_name) for a in result.articles] == [("en", 1848, True)]
    assert [(r.kind, r.month, r.day) for r in result.records] == [("event", 3, 18), ("event", 4, 20), ("event", 5, 7)]


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("notes.txt", HEADLESS),  # no year in the name
        ("huwiki_1848-1849.txt", HEADLESS),  # two years in the name
        # prose named with a year: a date opens a line now and then, the lines are no chronology
        (
            "hu_1848.txt",
            [
                "A forradalom márciusban tört ki.",
                "március 15. – Pesten kitör a forradalom.",
                "Ezután sok minden történt.",
                "A harcok őszig tartottak.",
                "A szabadságharc 1849-ben ért véget.",
            ],
        ),
        ("hu_1848.txt", ["Ez egy bevásárlólista.", "Tej, kenyér, vaj."]),
        # one dated line opening a page of prose: a third of its lines are no dated items
        ("hu_1848.txt", ["március 15. – Pesten kitör a forradalom.", *(f"A {n}. bekezdés szövege." for n in range(1, 6))]),
    ],
)
def test_a_file_with_no_year_article_that_is_no_chronology_of_a_named_year_stays_quarantined(name, lines):
    result = parse_rows([decode_source(name, "\n".join(lines).encode("utf-8"))])
    assert result.records == []
    assert {q.source_line for q in result.quarantined} == {n for n, line in enumerate(lines, start=1) if line.strip()}
    assert all(not a.year_from_file_name for a in result.articles)


def test_a_file_name_never_overrides_the_texts_year():
    """A year article's navigation names its year: a file named after another year changes nothing."""
    lines = year_article(1905, "március 18. – Valami történik.")
    result = parse_rows([decode_source("hu_1848.txt", "\n".join(lines).encode("utf-8"))])
    assert [(a.year, a.year_from_file_name) for a in result.articles] == [(1905, False)]
    assert [r.year for r in result.records] == [1905]
    assert not any("year_from_file_name" in r.quality_flags for r in result.records)


def test_a_headless_chronology_with_blank_lines_is_one_year_article():
    """Blank lines between its items (where a copy dropped its headings) would split prose into articles;
    a chronology named by its file is one year article from its first line of text to its last."""
    lines = ["", *HEADLESS[:2], "", "", *HEADLESS[2:], ""]
    result = parse_rows([decode_source("hu_1848.txt", "\n".join(lines).encode("utf-8"))])
    assert [(a.first_line, a.last_line, a.year) for a in result.articles] == [(2, 8, 1848)]
    assert [r.source_line for r in result.records] == [2, 3, 7, 8]


@pytest.mark.parametrize("headless_name", ["a_1848.txt", "z_1848.txt"])
def test_a_year_its_text_names_is_published_before_one_a_file_name_gives(headless_name):
    """A copy whose navigation names 1848 and a headless chronology its file's name dates 1848: the copy
    that names its year is published, whichever file comes first, and the headless one is its duplicate
    (not a contest of two texts that both claim the year)."""
    full = year_article(1848, "január 12. – Kitör a palermói felkelés.", "március 15. – Kitör a pesti forradalom.")
    sources = [
        decode_source(headless_name, "\n".join(HEADLESS).encode("utf-8")),
        decode_source("m_1848.txt", "\n".join(full).encode("utf-8")),
    ]
    result = parse_rows(sorted(sources, key=lambda source: source.name))
    assert {(r.source_file, r.month, r.day) for r in result.records} == {("m_1848.txt", 1, 12), ("m_1848.txt", 3, 15)}
    assert result.quarantined == []
    assert [(d.article_id, d.original_id) for d in result.duplicates] == [(f"{headless_name}:1", "m_1848.txt:1")]


def test_a_headless_chronology_cut_after_one_item_or_followed_by_a_footer_takes_its_file_names_year():
    one = parse_rows([decode_source("hu_1848.txt", HEADLESS[0].encode("utf-8"))])
    assert [(r.kind, r.year, r.month, r.day) for r in one.records] == [("event", 1848, 3, 18)]
    footer = [*HEADLESS, *(f"A lap utolsó módosítása: 2024. január {n}." for n in range(1, 12))]
    result = parse_rows([decode_source("hu_1848.txt", "\n".join(footer).encode("utf-8"))])
    assert [a.year for a in result.articles] == [1848]
    assert len(result.records) == 4


def test_a_titled_list_whose_dates_are_few_is_the_chronology_of_its_year():
    """A copy that lost the navigation's box but kept the page's title (the year alone), its list opening with
    undated items, as an old year's or a modern year's works do: under that title, short lines one of which is
    dated are the year's chronology; the same lines with no title, or a title over paragraphs, are not."""
    items = [
        "IV. Béla király a johannitákat telepíti a Szörénységbe.",
        "A tatárjárás után megkezdődik a várak építése.",
        "A velenceiek elfoglalják Zárát.",
        "A türingiai örökösödési háború kezdete.",
        "IV. Ince pápa misszionáriusokat küld a mongolok megtérítésére.",
        "március 5. – Meghal a pápai legátus.",
        "Guido Cavalcanti olasz költő",
    ]
    titled = parse_rows([decode_source("hu_1247.txt", "\n".join(["1247", *items]).encode("utf-8"))])
    assert [(a.kind, a.title) for a in titled.articles] == [("year", "1247")]
    assert len(titled.records) == 7 and all("year_from_file_name" in r.quality_flags for r in titled.records)
    untitled = parse_rows([decode_source("hu_1247.txt", "\n".join(items).encode("utf-8"))])
    assert not untitled.records  # a sixth of its lines dated, none among the first five: no chronology
    paragraphs = [f"{item} {'A krónikás hosszan ír róla, ' * 12}" for item in items]
    prose = parse_rows([decode_source("hu_1247.txt", "\n".join(["1247", *paragraphs]).encode("utf-8"))])
    assert not prose.records  # a title over paragraphs: no list
