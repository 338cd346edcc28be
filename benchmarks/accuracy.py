"""Score the pipeline against every labelled set of the project; write ``docs/accuracy.md``.

    python -m benchmarks.accuracy            # print the report and write docs/accuracy.md
    python -m benchmarks.accuracy --check    # exit 1 when docs/accuracy.md is stale

The report also holds a leave-one-article-out score (``benchmarks/fit.py``): each file scored with
section weights fitted without it.

A labelled set is a folder of raw exports (``raw/*.txt``) and hand labels (``gold/*.jsonl``,
one object per record: ``line`` (1-based), optional ``segment``, ``table``, ``month``,
``day``, ``end_month``, ``end_day``, ``name``, ``other_year``; see
``tests/fixtures/real-excerpts/README.md``). Each file is parsed on its own (versions of
one article are scored apart), as exported (headings gone) and again with its section
headings put back, in the plain form of a page copy (``Születések``) and in the MediaWiki
form of the API's plain-text extracts (``== Születések ==``): the same records are expected.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from evkonyv.parsing.articles import find_duplicates, split_articles
from evkonyv.parsing.hungarian import MONTH_NAMES
from evkonyv.parsing.language import detect_language
from evkonyv.parsing.lines import read_window
from evkonyv.parsing.parse import read_prose_article
from evkonyv.parsing.timeline import TimelineEntry
from evkonyv.pipeline import parse
from evkonyv.reading.sources import decode_source
from evkonyv.tables.rows import ParsedRows

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "accuracy.md"
FIXTURES = ROOT / "tests" / "fixtures"
# name -> (folder with gold/*.jsonl, folder with the raw files, description)
LABELLED_SETS: dict[str, tuple[Path, Path, str]] = {
    "seed": (
        FIXTURES / "seed",
        ROOT / "raw",
        "the seed export `raw/huwiki_1953-1956.txt` (1953, 1954, 1956 and a prose article); labels: its reviewed 1.0.0 release",
    ),
    "real-excerpts": (
        FIXTURES / "real-excerpts",
        FIXTURES / "real-excerpts" / "raw",
        "beginnings of real year articles, 1620–1987, versions of 2006–2025, labelled by hand",
    ),
    "more-excerpts": (
        FIXTURES / "more-excerpts",
        FIXTURES / "more-excerpts" / "raw",
        "more real year-article beginnings of other years and eras, converted and labelled the same way",
    ),
    "heldout-2026-12": (
        FIXTURES / "heldout-2026-12",
        FIXTURES / "heldout-2026-12" / "raw",
        "real year-article beginnings of 1257, 1475, 1478 and 1992, labelled by hand before any run (held out)",
    ),
    "heldout-2026-12b": (
        FIXTURES / "heldout-2026-12b",
        FIXTURES / "heldout-2026-12b" / "raw",
        "real year-article beginnings of fifteen other years, 1423–2004, labelled by hand before any run",
    ),
    "heldout-2026-12c": (
        FIXTURES / "heldout-2026-12c",
        FIXTURES / "heldout-2026-12c" / "raw",
        "real year-article beginnings of 1247, 1991 and 1993, labelled by hand before any run",
    ),
    "heldout-2026-12d": (
        FIXTURES / "heldout-2026-12d",
        FIXTURES / "heldout-2026-12d" / "raw",
        "real year-article beginnings of 1249, 1253, 1444, 1503, 1772, 1898, 1980 and 1998, labelled by hand before any run",
    ),
    "heldout-2026-12e": (
        FIXTURES / "heldout-2026-12e",
        FIXTURES / "heldout-2026-12e" / "raw",
        "real year-article beginnings of 1945, 1978 and 1989, labelled by hand before any run, collected after the "
        "rules written on heldout-2026-12d",
    ),
    "heldout-2026-12g": (
        FIXTURES / "heldout-2026-12g",
        FIXTURES / "heldout-2026-12g" / "raw",
        "real year-article beginnings of 1970 and 1983, labelled by hand before any run, collected after "
        "heldout-2026-12f was scored",
    ),
    "heldout-2026-12f": (
        FIXTURES / "heldout-2026-12f",
        FIXTURES / "heldout-2026-12f" / "raw",
        "real year-article beginnings of 1962 (two versions) and 1966, labelled by hand before any run, collected "
        "after the rule written on heldout-2026-12e",
    ),
    "heldout-2026-12h": (
        FIXTURES / "heldout-2026-12h",
        FIXTURES / "heldout-2026-12h" / "raw",
        "real year-article beginnings of 1783, 1791, 1887, 1951, 1960 (two versions) and 1972, labelled by hand "
        "before any run, collected after the rules written on heldout-2026-12g",
    ),
    "heldout-2026-12i": (
        FIXTURES / "heldout-2026-12i",
        FIXTURES / "heldout-2026-12i" / "raw",
        "real year-article beginnings of 632, 1215, 1848, 1849, 1854, 1880, 1916 and 1927, labelled by hand before "
        "any run, collected after the rules written on heldout-2026-12h and the line sets",
    ),
    "heldout-2026-12j": (
        FIXTURES / "heldout-2026-12j",
        FIXTURES / "heldout-2026-12j" / "raw",
        "real year-article beginnings of 1932, 1967, 1974, 1976 and 1982, labelled by hand before any run, "
        "collected after the rules written on what heldout-2026-12i's copies showed",
    ),
    "heldout-2026-12k": (
        FIXTURES / "heldout-2026-12k",
        FIXTURES / "heldout-2026-12k" / "raw",
        "real year-article beginnings of 1265, 1901, 1906, 1917, 1925, 1930 and 2003, labelled by hand before any "
        "run, collected after the rules written on the line sets and the copies of the page (2026-12-07)",
    ),
    "heldout-2026-12l": (
        FIXTURES / "heldout-2026-12l",
        FIXTURES / "heldout-2026-12l" / "raw",
        "real year-article beginnings of 1598 and 1985, labelled by hand before any run, collected after "
        "heldout-2026-12k was scored and before any rule was written on it",
    ),
    "heldout-2026-12m": (
        FIXTURES / "heldout-2026-12m",
        FIXTURES / "heldout-2026-12m" / "raw",
        "real year-article beginnings of 1959 and 1964, labelled by hand before any run, collected after "
        "heldout-2026-12l was scored and every rule of 2026-12-07 was written",
    ),
    "heldout-2026-12n": (
        FIXTURES / "heldout-2026-12n",
        FIXTURES / "heldout-2026-12n" / "raw",
        "real year-article beginnings of 1947, 1952 and 1979, labelled by hand before any run, collected after "
        "heldout-2026-12m was scored and after the section model's rule of 2026-12-08",
    ),
    "heldout-2026-12o": (
        FIXTURES / "heldout-2026-12o",
        FIXTURES / "heldout-2026-12o" / "raw",
        "real year-article beginnings of 1864, 1909 and 1933, labelled by hand before any run, collected after "
        "heldout-2026-12n was scored",
    ),
    "en-excerpts": (
        FIXTURES / "en-excerpts",
        FIXTURES / "en-excerpts" / "raw",
        "English Wikipedia year articles (212, 216, 228, 230, 320, 1123), read through the language seam with "
        "the section weights fitted on the Hungarian sets; labelled by hand before the English grammar was run, "
        "but in view while it was written (in-sample)",
    ),
    "en-heldout-2026-12": (
        FIXTURES / "en-heldout-2026-12",
        FIXTURES / "en-heldout-2026-12" / "raw",
        "English Wikipedia year articles of four other years (247, 412, 612, 1247), labelled by hand before any run",
    ),
}
# The figure a held-out set gave the first time it was scored, before any rule was written on it: kept
# here, as measured, so that the page shows it beside today's (a held-out set is held out once).
FIRST_RUNS: dict[str, str] = {
    "en-heldout-2026-12": "First run (2026-12-06), before any rule was written for this set: as exported 86.0% (37/43) "
    "fully right, events P / R 88.6% / 93.9%, births 100.0% / 40.0%, deaths 66.7% / 80.0%; headings kept 93.0% "
    "(40/43). Misses: two event lines that open with a name and a description and then state what the people do "
    "(`Lazarus, bishop of Aix-en-Provence, and Heros, bishop of Arles, are expelled ...`, `Fa-Hien, Chinese "
    "Buddhist monk, spends 2 years ...`) read as deaths; a date written as approximate (`c. February–March - "
    "Gundemar, ...`) not read, and with it the three births above it read as events. Since then rules were "
    "written on it, each a pattern of English (a finite verb after the clause that describes the subject, the "
    "be-forms and a verb before a number among them; `c.`, `ca.` or `circa` before a date): it is held out no "
    "more, and a new English set is needed before the grammar's generalisation is claimed. Its last two misses, "
    "two undated births at the end of 612's births read as deaths, went when the section model learned, from the "
    "Hungarian sets' structure, that the undated people close their section (2026-12-07, `undated_before_dated`).",
    "heldout-2026-12": "First run (2026-12-05), before any rule was written for this set: as exported 77.8% (35/45) "
    "fully right, births recall 45.5%, deaths precision 60.0%; headings kept 86.7% (39/45). Misses: undated and "
    "dated births read as events or deaths in the old-year articles (a births section that opens with an "
    "undated line, markers after a full stop in brackets), a name run on into its description "
    "(`Giovanni Medici Firenze uralkodója`), a marker holding more than its symbol (`(meggyilkolták, * 1453)`). "
    "Since then rules were written on it (a description phrase against a predicate; a title's possessor): it is "
    "no longer held out, and today's figures below are in-sample.",
    "heldout-2026-12b": "First run (2026-12-05), before any rule was written for this set: as exported 96.9% "
    "(187/193) fully right, events P / R 95.1% / 99.2%, births 98.4% / 95.5%, deaths 90.0% / 100.0%; headings kept "
    "97.9% (189/193), events 96.7% / 99.2%, births 98.5% / 98.5%, deaths 90.0% / 100.0%. Misses: four lead items "
    "of the year's themes (`A rizs nemzetközi éve`) published as events; an event line that ends like a "
    "description (`Horst Köhler Németország köztársasági elnöke (elődje Johannes Rau);`) read as a birth; two "
    "births at the top of a short births list read as events when the headings are gone; an undated birth "
    "closing the excerpt read as a death; an epithet run into a name (`François Mauriac Irodalmi`); a range "
    "written `december 10. és 14 között` read as its first day. Since then rules were written, each a pattern "
    "of Hungarian grammar (a designation of the year above the chronology; demonyms that end like an accusative; "
    "an article right after a name; a semicolon closing a statement; an epithet of origin before `Szent`; two "
    "people sharing a plural description; later, a prize's category written capitalised before it, `Irodalmi "
    "Nobel-díjas`, with the Nobel categories' data of heldout-2026-12e): it is held out no more, and today's "
    "figures below are in-sample.",
    "heldout-2026-12c": "First run (2026-12-05), before any rule was written for this set: as exported 92.7% (38/41) "
    "fully right, events P / R 97.4% / 100.0%, births – / 0.0% (its one birth published as an event), deaths "
    "100.0% / 100.0%; headings kept 95.1% (39/41), every table 100.0% / 100.0%. Misses: an undated birth, the "
    "only one of a medieval article, read as an event when the headings are gone "
    "(`Aragóniai Izabella, III. Fülöp francia király felesége`); a life-year marker of an approximate year "
    "(`(* 1204 körül)`) not read; a range written as two dates without their dots (`augusztus 15 - augusztus 28 -`) "
    "not read. Every line of the 1990s topic sub-sections that opens with a name (`Egerszegi Krisztina úszó "
    "Európa-bajnok (…)`, `Cseh Tamás - Bereményi Géza: Nyugati pályaudvar`) was an event, as labelled. Since "
    "then rules were written on its misses, each a pattern of Hungarian text (a marker's year qualified as "
    "approximate: `körül`, `k.`, `kb.`, `?`; a range written as two dates, or `X. és Y. között`; a description "
    "that is a possessive noun phrase, `III. Fülöp francia király felesége`): it is held out no more. Its one "
    "birth was read as a death when the headings are gone (nothing in the three undated lines tells the births "
    "from the deaths) until the model stopped leaning undated lines by era and weighed an empty births section "
    "(2026-12-06, the weights refitted on every Hungarian set).",
}
FIRST_RUNS["heldout-2026-12d"] = (
    "First run (2026-12-06), before any rule was written for this set: as exported 96.0% (97/101) fully right, "
    "events P / R 100.0% / 100.0%, births 100.0% / 77.8%, deaths 33.3% / 100.0%; headings kept 99.0% (100/101), "
    "births 100.0% / 94.4%, deaths 66.7% / 100.0%; dates, names and other years 100.0%. Misses: three dated births "
    "read as deaths when the headings are gone, where the births' dates run on into the one death's without a "
    "restart (`november 4. – Csizmazia Sándor magyar ügyvéd, író († ismeretlen)` then `november 9. – Banics "
    "Domokos ... (* 1694)`) and a death marker whose year is written as unknown was not read as a marker; the one "
    "undated person of a medieval article, under an empty deaths section, read as a death (`Heinrich Finck, német "
    "zeneszerző`), with the headings kept too. Since then two rules were written on it, each a pattern of "
    "Hungarian text: a marker that writes its year as not known (`(† ismeretlen)`, `(* ?)`) still tells which end "
    "of the life the line leaves out; a source that keeps the births heading keeps the deaths one, so a deaths "
    "section no heading opens needs evidence. With the marker read, the three 1772 births tied "
    "with the reading that makes them deaths; the section weights, refitted on every Hungarian set with this "
    "one among them (`benchmarks/fit.py`), weigh a matching marker -2.5 instead of -2.0 and break the tie. It is "
    "held out no more: the figures below are in-sample."
)
FIRST_RUNS["heldout-2026-12e"] = (
    "First run (2026-12-06), after the rules written on heldout-2026-12d and before any rule was written for this "
    "set: 100.0% (34/34) fully right in every variant, events recall 100.0% but precision 85.0% (34/40): the six "
    "rows of the Nobel laureates' table, written as the prize's category and the laureates' names without the "
    "word Nobel-díj (`Fizikai Pjotr Leonyidovics Kapica, Arno Allan Penzias, Robert Woodrow Wilson`, `Béke Anvar "
    "Szadat és Menáhem Begin`), were published as events. The event lines that open with a name (`Akihito lesz "
    "Japán császára.`, `Mussolinit olasz partizánok kivégzik`), the two ranges and the kept topic heading were "
    "right. Since then one rule was written on it, a pattern of the Hungarian year articles: a row of the "
    "laureates' table is a prize category (`evkonyv/parsing/data/nobel_categories.txt`) followed by nothing but "
    "names, and the table's heading is also written `Nobel-díjak`. It is held out no more."
)
FIRST_RUNS["heldout-2026-12f"] = (
    "First run (2026-12-06), after the rules written on heldout-2026-12d and heldout-2026-12e and before any rule "
    "was written for this set: 100.0% (39/39) fully right in every variant, every table's precision and recall "
    "100.0%, the five rows of its Nobel laureates' table no record. No rule was written on it; it joined the "
    "section weights' fit after this run."
)
FIRST_RUNS["heldout-2026-12g"] = (
    "First run (2026-12-06), before any rule was written for this set: 90.0% (18/20) fully right in every "
    "variant, events precision 100.0%, recall 90.0%: the last line of each article, an undated sentence, "
    "published as a birth, its first words read as a name: a pronoun, `Ezzel Brazília harmadszor nyerte el, ...`, "
    "and a verb, `Megjelent Madonna debütáló albuma Madonna címmel, ...`. Since then three rules were written on "
    "it (a kept events heading counts as a kept heading, so a section no heading opens costs evidence; a "
    "demonstrative pronoun opens a sentence, not a name; later, a past-tense verb with a verbal prefix, "
    "`Megjelent`, `Összedölt`, does too: `evkonyv/parsing/data/past_verbs.tsv`): it is held out no more, and "
    "it joined the section weights' fit."
)
FIRST_RUNS["heldout-2026-12h"] = (
    "First run (2026-12-06, late evening), before any rule was written for this set: as exported 93.7% (74/79) "
    "fully right, events precision / recall 89.1% / 97.6% (41/46, 41/42), births 94.6% / 94.6% (35/37), deaths "
    "precision 0.0% (0/2, none labelled); headings kept and MediaWiki headings 97.5% (77/79), events precision "
    "87.5% (42/48), births 100.0% / 100.0%. Misses: the six rows of a Nobel laureates' table written with the "
    "laureates' descriptions and `Béke nem adták ki` published as events (and one as a birth when the headings "
    "are gone); the last two births of 1791, unmarked, read as deaths and a book line before the births, `... "
    "- James White`, read as a birth when the headings are gone; a date written `szeptember 3:` not read; "
    "a name run on into `Nobel díjas` (`Barry J. Marshall Nobel`). Since then three rules were written on it, "
    "each a pattern of the text, not of a line: three or more lines in a row, each opening with another prize "
    "category, are the laureates' table whatever the rows hold; a day written without its dot may stand before "
    "a colon (`szeptember 3: ...`); a prize's name written apart from `díjas` opens the description. It is held "
    "out no more, and it joined the section weights' fit (the weights refitted): the last two births of 1791 "
    "are births in-sample, and stay deaths when 1791 is left out of the fit."
)
FIRST_RUNS["heldout-2026-12i"] = (
    "First run (2026-12-07, commit d32fcfc, before any rule was written for this set): 87.1% (54/62) fully right "
    "in every variant, events precision / recall 100.0% / 86.7% (52/52, 52/60), births 100.0% / 100.0% (2/2); "
    "dates, names and other years 100.0%. Every line of the six articles whose year the pipeline reads was "
    "right: the event lines that open with a name (`Guyon Richárd a branyiszkói ütközetben legyőzi ...`, "
    "`William Walker bejelenti ...`, `Ferenc József – kevesebb mint ... – ... feleségül veszi ...`, `David Lloyd "
    "George Nagy-Britannia új hadügyminisztere (elődje ...)`, `Rodin elkészíti a Gondolkodót`, `Filótás Ferenc "
    "vezetésével ...`), a month-only date before a dashed aside, a range of days, the Nobel rows. The eight "
    "misses are two whole articles quarantined, each with its reason, nothing published wrong: 632, whose "
    "navigation lists the decades 560s–660s around a window of the years 627–637 (the decade line does not centre "
    "on the year's decade: the article's year is not trusted), and 1848, a copy that lost the page's navigation "
    "(nothing in it says it is a year article, nor of which year). Since then rules were written on what its "
    "copies showed, each a form of the page the export may keep (the hatnote above an article, the place "
    "sub-headings of an old article's events, `Európa`, and later the rest of the page's head and the static "
    "dumps' footer, glued navigation, edit links, reference marks and bullets, each tested on the labelled sets "
    "made to hold it): none of its figures moved, both quarantines stand, and it is held out no more. Later "
    "(2026-12-07) the year of a window that the decades do not centre on stands where the page's head names "
    "the same year (632's hatnote, `Ez a szócikk a 632. évről szól.`) and the decades hold its decade: 632's "
    "three events are published; 1848's quarantine stands. Later the same day a file that holds no year article "
    "but a chronology (a dated list item among its first five lines of text, a third or more of its first "
    "twenty lines of text so) takes the year its file's name names, alone of its numbers (`hu_1848.txt`), each "
    "record flagged `year_from_file_name`, with a warning: 1848's five events are published, and every record of "
    "the set is right."
)
FIRST_RUNS["heldout-2026-12j"] = (
    "First run (2026-12-07, commit 481026f, before any rule was written for this set): as exported 100.0% "
    "(71/71) fully right, every table 100.0% / 100.0% (53 events, 18 births), dates, names and other years "
    "100.0%, no record published that no label holds: the topic sub-sections' works, albums (`Genesis: The Lamb "
    "Lies Down on Broadway`), sports results and world heritage sites (`Haiti: Történelmi Nemzeti Park – "
    "citadella, ...`) as events, a date with its case suffix (`november 11-én kerül sor ...`), a date without "
    "its dash, a range of days, the births with no markers after them, the two events under a date alone "
    "(`január 1.`). Headings kept and MediaWiki headings: 97.2% (69/71), the two events under `január 1.` "
    "undated: the scorer put the events heading back between the date alone and its items, where no page has "
    "it (the page's heading stands above the date). The scorer was mended (a heading put back goes above a date "
    "alone, as the page writes it), not the parser: with the heading above the date, and with a month heading "
    "too, the parser dated both; 71/71 in every variant since. It joined the section weights' fit after this run. "
    "Later, rules were written on what its page copies hold besides the exported lines (the table of contents' "
    "title with its box's border, `Tartalomjegyzék |`; the 2006 heading `1982-ben a Világörökség részévé vált`), "
    "none of which its labelled lines hold: no figure of it moved, and it is held out no more."
)
FIRST_RUNS["heldout-2026-12k"] = (
    "First run (2026-12-07, commit a19406e, before any rule was written for this set, by the shipped weights, "
    "which were fitted without it): as exported 97.8% (88/90) fully right, events P / R 100.0% / 98.3%, births "
    "100.0% / 96.6%, deaths 50.0% / 100.0%, dates, names and other years 100.0%, no record published that no "
    "label holds; headings kept and MediaWiki headings 98.9% (89/90). Both misses are 1265's: its births list "
    "two undated people before a dated one (`május 14. – Dante Alighieri itáliai költő`), which, as exported, "
    "was read as a death (the model's `undated_before_dated`: the labelled articles list their undated people "
    "last), flagged `section_inferred`; and a line the page lists among its births that names no person (`A "
    "Budweiser sör gyártásának kezdete ...`, labelled an undated event), quarantined with its reason (no person's "
    "name at the start of the line) in every variant. Right on its first run: events that open with a name and "
    "a predicate (`Karl Nesser Londonban mutatta be ...`, `II. Miklós orosz cár felhatalmazza ...`, `Székely "
    "Zoltán elkészíti ...`), a work `Author – Title` with a dash, `Band - Title`, a range with a hyphen (`május "
    "4-12.`), the lead items of 2003's themes, a `Lásd még:` line, a month without a day. Held out until "
    "2026-12-08, when a rule of the section model was written with its 1265 in view among others (a person "
    "that a statement of the same day above names is a death: 1265's `Simon de Monfort Leicester grófja. "
    "(Elesik az evesham-i csatában)` under the battle's event is one of the four such deaths counted); no "
    "figure of this set moved."
)
FIRST_RUNS["heldout-2026-12l"] = (
    "First run (2026-12-07, commit 689aea8, before any rule was written for this set or for heldout-2026-12k, "
    "by the weights fitted with heldout-2026-12k): as exported, headings kept and MediaWiki headings 100.0% "
    "(22/22) fully right, events P / R 100.0% / 100.0%, dates 100.0%: 1985's albums written `Performer – "
    "Title`, among them a person's name before the dash (`Koós János – Jubileum`), read as events, not people; "
    "its sentences that open with a verb (`Megjelenik ...`) and a sports result that opens with a name and a "
    "predicate (`Alain Prost nyeri ...`); 1598's date with the same day in the other calendar in brackets "
    "(`január 17. (január 7.) – ...`). The labels as first committed left out the last line of 1985 (`Alain "
    "Prost nyeri ...`), a slip in writing them, not a reading: the run published it as the event it is (against "
    "those labels, 21/21 right and one record with no label), and its label was added after the run."
)
FIRST_RUNS["heldout-2026-12m"] = (
    "First run (2026-12-08, commit b311ed6, before any rule was written for this set, by the weights fitted "
    "without it): as exported, headings kept and MediaWiki headings 100.0% (29/29) fully right, events P / R "
    "100.0% / 100.0%, dates 100.0%, no record published that no label holds, nothing quarantined. Read right on "
    "this first run: events that open with a name and its title and go on with a predicate (`XXIII. János pápa "
    "bejelenti ...`, `I. Hailé Szelasszié etióp császár hivatalos látogatáson Magyarországon tartózkodik.`), with "
    "a postposition (`Eisenhower amerikai elnök által aláírt rendelet ...`), with an article (`Manlio Brosio az "
    "új NATO–főtitkár.`), a name in the possessive (`Karol Wojtyła érseki beiktatása a Wawelben.`) or in the "
    "accusative (`Szalima Masamba mohéli királynőt ... helyezik.`), a name and a verb alone (`Tito Budapesten "
    "tárgyal.`), an undated invention after the dated events (`Francis Bacon feltalálja az üzemanyagcellát "
    "Anglia`); a date without its dash (flagged `missing_dash`); ranges of days in one month; 1964's copy that "
    "lost its head, dated by its file's name (every record flagged `year_from_file_name`). Its labels are all "
    "events (the stored copies end inside the events): it measures the reading of a line, not the sections."
)
FIRST_RUNS["heldout-2026-12n"] = (
    "First run (2026-12-08, commit d81f298, before any rule was written for this set, by the weights fitted "
    "without it): as exported, headings kept and MediaWiki headings 97.1% (34/35) fully right, every table "
    "100.0% / 100.0% (21 events, 11 births, 3 deaths), names and other years 100.0%, dates 97.1% (34/35), no "
    "record published that no label holds (the Nobel table's five rows are none), nothing quarantined. The one "
    "miss is a date: 1979's `június 18. – 18. - Leonyid Brezsnyev és Jimmy Carter ...`, the day repeated after "
    "the dash, read as a range from 18 June to 18 June (labelled the one day, no range). Read right on this "
    "first run: 1952's whole layout, events, the sports topic, eleven births and three deaths apart without "
    "headings (one birth a name, a place and a title in the possessive: `Demszky Gábor Budapest "
    "főpolgármestere`, named Demszky Gábor), 1979's range with spaced hyphens (`január 17. - 24.`) and its day "
    "without a dot, 1947's glued navigation, its `Composer: Work` lines and a caption that lost its opening link. "
    "After heldout-2026-12o was collected and scored, a rule was written on its miss (the pattern: a range whose "
    "end repeats its start, a dash after it, is that one day, flagged `range_of_one_day`; the same day again with "
    "no dash after it is the text's ordinal, `március 5. – 5. alkalommal ...`): 35/35 in every variant since, and "
    "it is held out no more."
)
FIRST_RUNS["heldout-2026-12o"] = (
    "First run (2026-12-08, commit be2654d, before any rule was written for this set, by the weights fitted "
    "without it): as exported, headings kept and MediaWiki headings 100.0% (34/34) fully right, events P / R "
    "100.0% / 100.0%, dates 100.0%, no record published that no label holds, nothing quarantined. Read right on "
    "this first run: 1864's events whose date is inside a sentence with its month capitalised and in a case "
    "(`Szeptember 28-án Karl Marx és Friedrich Engels ... megalapítja ...`, flagged `date_in_sentence`), one "
    "with a second date of its story later in it, dated by its first; its undated item that opens in lower case "
    "(dated between its neighbours, flagged `date_inferred_from_neighbours`); 1909's undated events that open "
    "with a name, a description and a predicate (`Louis Blériot francia mérnök elsőként repüli át ...`, `Hans "
    "Geiger német fizikus feltalálja ...`) or with a name and an article (`Babits Mihály az 1902 és 1908 között "
    "...`), and its bare line naming the year's film topic (`1909 a filmművészetben`, no record); 1933's ranges "
    "with an en dash, its works as `Author: Work` and `Author – Work`, a meeting of two people (`Weöres Sándor és "
    "Fülep Lajos találkozása`) and a capitalised month under a topic. Its labels are all events (the stored copies "
    "end before the first whole birth): it measures the reading of a line, not the sections."
)
# The held-out sets no rule was written on since their first run (each one's paragraph above says so).
STILL_HELD_OUT = ("heldout-2026-12f", "heldout-2026-12l", "heldout-2026-12m", "heldout-2026-12o")
# Each held-out set's first run at a glance, as its paragraph above gives it: (records fully right as
# exported, headings kept, records, records published that no label holds, the first run's misses in short).
FIRST_RUN_FIGURES: dict[str, tuple[int, int, int, int, str]] = {
    "heldout-2026-12": (35, 39, 45, 0, "old-year births read as events or deaths; a name run into its description"),
    "heldout-2026-12b": (187, 189, 193, 4, "the year's themes above the chronology published as events; an event shaped like a description"),
    "heldout-2026-12c": (38, 39, 41, 0, "an undated medieval birth; a marker of an approximate year; a range of two dates"),
    "heldout-2026-12d": (97, 100, 101, 0, "births read as deaths where the dates run on; a marker whose year is unknown"),
    "heldout-2026-12e": (34, 34, 34, 6, "the Nobel table's rows without the word Nobel-díj published as events"),
    "heldout-2026-12f": (39, 39, 39, 0, "none"),
    "heldout-2026-12g": (18, 18, 20, 0, "an undated sentence opening with a pronoun or a verb read as a name"),
    "heldout-2026-12h": (74, 77, 79, 6, "the Nobel table's rows with descriptions; two unmarked births at the end of the births"),
    "heldout-2026-12i": (54, 54, 62, 0, "two articles quarantined with their reasons (navigation off its decade, none)"),
    "heldout-2026-12j": (71, 69, 71, 0, "none by the parser; the scorer's heading put back below a date alone"),
    "heldout-2026-12k": (88, 89, 90, 0, "a dated birth after two undated ones read as a death; a non-person line among births quarantined"),
    "heldout-2026-12l": (22, 22, 22, 0, "none (a line the labels left out, by a slip, published as the event it is)"),
    "heldout-2026-12m": (29, 29, 29, 0, "none (events only: name-first events with a predicate, an article, a possessive)"),
    "heldout-2026-12n": (34, 34, 35, 0, "a day repeated after its dash read as a range of one day (`június 18. – 18.`)"),
    "heldout-2026-12o": (34, 34, 34, 0, "none (events only: dates inside sentences, name-first events with a predicate, a topic line)"),
}  # fmt: skip


def render_first_runs(results: dict[str, dict[str, Score]] | None = None) -> list[str]:
    out = [
        "## First runs at a glance",
        "",
        "Each Hungarian held-out set as its first run read it, before any rule was written on it (the figures of",
        "its paragraph above): how the pipeline did on year articles nobody wrote a rule for, at the time of each.",
        "",
        "| set | records | fully right, as exported | fully right, headings kept | records with no label | misses, in short |",
        "|---|---:|---:|---:|---:|---|",
    ]
    totals = [0, 0, 0, 0]
    for name, (exported, headed, records, extra, misses) in FIRST_RUN_FIGURES.items():
        out.append(f"| {name} | {records} | {_percent(exported, records)} | {_percent(headed, records)} | {extra} | {misses} |")
        totals = [totals[0] + exported, totals[1] + headed, totals[2] + records, totals[3] + extra]
    exported, headed, records, extra = totals
    out.append(f"| all | {records} | {_percent(exported, records)} | {_percent(headed, records)} | {extra} | |")
    exported = headed = records = 0
    for name in STILL_HELD_OUT:
        right, right_headed, count, _, _ = FIRST_RUN_FIGURES[name]
        exported, headed, records = exported + right, headed + right_headed, records + count
    out += [
        "",
        f"Still held out, no rule written on them since their first run: {', '.join(STILL_HELD_OUT)}. Their",
        f"first runs pooled: {_percent(exported, records)} fully right as exported, {_percent(headed, records)} headings",
        "kept. The last three were collected after every rule that reads a line was written, the first before",
        "some of them; the pooled figure above weighs the first runs of earlier models too, and is the one to",
        "quote: heldout-2026-12k (88/90 and 89/90 on its first run) left this pool on 2026-12-08, when a rule was",
        "written with its 1265 in view, and heldout-2026-12n (34/35) the same day, when a rule was written on its",
        "one miss after heldout-2026-12o's first run, which leaves the pool the kinder for both. (Each joined the section",
        "weights' fit after its first run: weights learned from a set are no rule written on it. The changes to",
        "the model since heldout-2026-12l's first run, a dated line without a marker leaning no way before 1900",
        "and a person a statement of the same day names weighing for the deaths, moved none of their figures;",
        "heldout-2026-12n was collected and scored after both. Two rules of the date grammar written after its",
        "first run, on no set's line, a year before a date phrase and the flag of a date of another year, moved",
        "none of their figures either; heldout-2026-12o was collected and scored after them.)",
    ]
    if results is not None:
        out += render_still_held_out(results)
    return out


def still_held_out_drift(results: dict[str, dict[str, Score]]) -> list[str]:
    """The sets still held out whose reading today differs from their first run's (fully right as exported,
    headings kept): none, while no rule was written on them; one listed here belongs out of the pool."""
    drift = []
    for name in STILL_HELD_OUT:
        exported, headed, _, _, _ = FIRST_RUN_FIGURES[name]
        today = (results[name][VARIANTS[0]].fully_right, results[name][VARIANTS[1]].fully_right)
        if today != (exported, headed):
            drift.append(f"{name}: first run {exported}/{headed}, today {today[0]}/{today[1]}")
    return drift


def render_still_held_out(results: dict[str, dict[str, Score]]) -> list[str]:
    """The sets still held out pooled table by table, as the pipeline reads them today: the precision and
    recall of each table on text no rule was written on (today's reading is their first run's while no
    rule is written on them: :func:`still_held_out_drift`)."""
    total = {variant: Score() for variant in VARIANTS}
    for name in STILL_HELD_OUT:
        for variant, score in results[name].items():
            total[variant].add(score)
    gold = total[VARIANTS[0]].gold
    drift = still_held_out_drift(results)
    return [
        "",
        "The same sets table by table, as read today ("
        + (
            "each reads as on its first run, its records fully right as exported and with headings kept the same"
            if not drift
            else "some read otherwise than on their first run: " + "; ".join(drift)
        )
        + f"; {gold['events']} events, {gold['births']} births and {gold['deaths']} deaths, the people too few",
        "to show a table's 0.97 by themselves):",
        "",
        *_score_table(total),
    ]


def score_cuts(sets: Iterable[str]) -> dict[str, Score]:
    """Every Hungarian labelled year-article file cut after each of its labelled lines, each cut parsed on
    its own and scored on the labels of its lines, as exported and with its headings kept: the excerpts a
    reader collects end anywhere, inside the events or after a birth or two."""
    scores = {variant: Score() for variant in VARIANTS[:2]}
    for name in sets:
        folder, raw, _ = LABELLED_SETS[name]
        for gold_path, raw_path in labelled_files(folder, raw):
            gold = read_gold(gold_path)
            lines = raw_path.read_text(encoding="utf-8").splitlines()
            for cut in sorted({int(item["line"]) for item in gold}):  # type: ignore[call-overload]
                kept = [item for item in gold if int(item["line"]) <= cut]  # type: ignore[call-overload]
                excerpt = lines[:cut]
                forms = ((VARIANTS[0], (excerpt, _numbered(excerpt))), (VARIANTS[1], with_headings(excerpt, kept, False)))
                for variant, (text, origin) in forms:
                    score = score_file(raw_path.name, text, origin, kept)
                    # (the first miss of each cut says what went wrong)
                    score.misses = [f"cut after line {cut}: {miss}" for miss in score.misses[:1]]
                    scores[variant].add(score)
    return scores


def render_cuts(scores: dict[str, Score]) -> list[str]:
    out = [
        "## Excerpts cut short",
        "",
        "Every Hungarian labelled year-article file above (the seed's year articles aside), cut after each of",
        "its labelled lines and parsed as if the cut were the end of the copy: an excerpt may end inside the",
        "events (its last event then has nothing after it to set it apart from a birth), or after a birth or two.",
        "A record is counted once per cut it is in, so the early lines weigh most. This measures the model where",
        "the labelled files, whole, do not test it.",
        "",
        "History of this figure: first measured 2026-12-07 (94cd885), 99.3% (6725/6773) as exported and",
        "99.7% (6752/6773) headings kept; its misses were mostly the last event of a cut that opens with a name,",
        "published as a birth. Then a dot closed a description's first clause only where it could end a sentence",
        "(not after a regnal number, an initial, an ordinal: `André Longumeau IX. Lajos francia király követeként",
        "elindul ...`), an inserted clause between dashes was read past, `új` before an office became an",
        "appointment and a band's credit before a colon a work: 99.5% (6737/6773) as exported. Then nouns of events",
        "in the possessive (`Ho Si Minh halála`), the names of contests (`Nyári olimpiai játékok`), a work written",
        "`Author - Title`, two subjects joined by `és` and a sentence opening with a verb in the definite plural were",
        "read as statements: 99.5% (6738/6773); then 632's year was read (its hatnote names the window's year),",
        "and a title followed by its genre (`István, a király - rockopera`) became a work: 99.6% (6745/6773) as",
        "exported, 99.8% (6758/6773) headings kept. Then a headless chronology took the year its file's name names",
        "(12i's 1848), and then one cut after its first item, a single dated line, too; a verb that is a noun too",
        "became a predicate before its object (`Jurij Andropov követi Leonyid Brezsnyevet ...`): 99.8% (6761/6773)",
        "as exported, 100.0% headings kept. Then the eleventh and twelfth held-out sets joined: 99.8% (7667/7685) as",
        "exported, 99.9% (7681/7685) headings kept. Then a dated line without a marker stopped leaning to the deaths",
        "in an article before 1900 (births and deaths lack the marker alike there, measured; a day's slip within a",
        "month weighs half a month's break, `DAY_SLIP`; the weights refitted): the cuts inside the births of 1851",
        "and 1772 read right. Then the thirteenth to fifteenth held-out sets joined (every record of 12m's and 12o's",
        "right in every cut; 12n's day repeated after its dash missed in the seven cuts that hold it): 99.8%",
        "(8387/8408) as exported, 99.9% (8398/8408) headings kept. Then a range whose end repeats its start, a dash",
        "after it, was read as that one day (`range_of_one_day`, written after 12o's first run): today's figures.",
        "What is left: the ties of 1475 and 1677 (flagged), two last events of a cut (an undated sports result, a",
        "misspelt nominal), and 1265's births, two undated before a dated one, and its line that names no one.",
        "",
    ]
    out += _score_table(scores)
    misses = list(dict.fromkeys(miss for score in scores.values() for miss in score.misses))  # (in file order)
    out += ["The first miss of each cut that has one:" if misses else "No misses.", ""]
    out += [f"- {_escape(miss)}" for miss in misses]
    return out


# The short excerpts :func:`score_short` makes: its first 1–3 events, and none, one or two of its births
# and of its deaths (two tables at least).
SHORT_EVENTS = (1, 2, 3)
SHORT_PEOPLE = (0, 1, 2)
# The year before which an article counts as old in the short excerpts' figures (its people unmarked
# or undated more often).
SHORT_OLD_BEFORE = 1700


def score_short(sets: Iterable[str]) -> dict[str, dict[str, Score]]:
    """Every Hungarian labelled year-article file that lists people, made into short excerpts: the lines
    above its first item (its navigation), its first 1–3 events and its first births and deaths (none, one
    or two of each, two tables at least), each excerpt parsed on its own, as exported and with its headings
    put back: the short articles of old years (two events, a birth, a death) and the excerpts that end in
    the people, where a table is told by little evidence. Scored by era (before 1700, and later)."""
    scores: dict[str, dict[str, Score]] = {}
    for name in sets:
        folder, raw, _ = LABELLED_SETS[name]
        for gold_path, raw_path in labelled_files(folder, raw):
            gold = read_gold(gold_path)
            by_table = {table: [item for item in gold if item["table"] == table] for table in TABLES}
            if not (by_table["births"] or by_table["deaths"]) or not by_table["events"]:
                continue
            lines = raw_path.read_text(encoding="utf-8").splitlines()
            first = min(int(item["line"]) for item in gold)  # type: ignore[call-overload]
            year = int(re.sub(r"\D", " ", raw_path.stem).split()[0])
            era = f"before {SHORT_OLD_BEFORE}" if year < SHORT_OLD_BEFORE else f"{SHORT_OLD_BEFORE} and later"
            for events in SHORT_EVENTS:
                for births in SHORT_PEOPLE:
                    for deaths in SHORT_PEOPLE:
                        kept = by_table["events"][:events] + by_table["births"][:births] + by_table["deaths"][:deaths]
                        if len({item["table"] for item in kept}) < 2 or len(kept) < events + births + deaths:
                            continue  # (an excerpt of one table, or a table with fewer items than asked)
                        origin = list(range(1, first)) + sorted(int(item["line"]) for item in kept)  # type: ignore[call-overload]
                        text = [lines[number - 1] for number in origin]
                        renumbered = [{**item, "line": origin.index(int(item["line"])) + 1} for item in kept]  # type: ignore[call-overload]
                        headed, new_origin = with_headings(text, renumbered, False)
                        forms = (
                            (VARIANTS[0], text, origin),
                            (VARIANTS[1], headed, [origin[n - 1] if n else 0 for n in new_origin]),
                        )
                        for variant, form_text, form_origin in forms:
                            score = score_file(raw_path.name, form_text, form_origin, kept)
                            score.misses = [f"{events} events, {births} births, {deaths} deaths: {miss}" for miss in score.misses]
                            scores.setdefault(era, {variant: Score() for variant in VARIANTS[:2]})[variant].add(score)
    return dict(sorted(scores.items(), key=lambda item: not item[0].startswith("before")))


def render_short(scores: dict[str, dict[str, Score]]) -> list[str]:
    out = [
        "## Short excerpts",
        "",
        "Every Hungarian labelled year-article file that lists people (the seed's aside), made into short",
        "excerpts: its navigation, its first one to three events, and none, one or two of its first births and",
        "of its first deaths (two tables at least), each parsed on its own: the short articles of old years (two",
        "events, a birth, a death) and excerpts that end in the people, where little tells a table from the next",
        "(no restart of the calendar between one birth and one death, no marker on either). The lines are real,",
        "the excerpts made: a record counts once per excerpt it is in.",
        "",
        "History of this figure: first measured 2026-12-07 (e38118b): before 1700 94.7% (321/339) as exported,",
        "1700 and later 95.4% (664/696); every record right with headings kept. Then a line no name opens (`január",
        "1. – életbe lép az ... törvény`) weighs against births and deaths (`SectionCosts.unnamed_person`; the",
        "weights refitted, no other figure moved): 96.0% (668/696) 1700 and later. Then a name followed by a",
        "predicate (`Alexandr Szolzsenyicin ... írót kitoloncolják ...`) weighs so too (`stated_person`; the fit",
        "kept every weight): 94.7% (321/339) before 1700, 96.6% (672/696) 1700 and later. Then the eleventh",
        "held-out set joined (1265's short excerpts miss five of their records: its births list two undated people",
        "before a dated one, and its one death has no marker): 93.9% (372/396) before 1700, 96.9% (744/768) 1700",
        "and later. Then a dated line without a marker stopped leaning to the deaths in an article before 1900",
        "(births and deaths lack the marker alike there, measured: `SectionCosts.unmarked_lean`; the weights",
        "refitted): 94.2% (373/396) before 1700, 97.9% (752/768) 1700 and later. Then a person a statement of",
        "the same day above names (the battle he fell in, his execution: `SectionCosts.death_named_by_days_statement`,",
        "2026-12-08) weighs for the deaths: 95.2% (377/396) before 1700; it decides a death alone after the events",
        "(1478's, 1265's) and flags the one record that was in the wrong table unflagged (\"Doubt made visible\").",
        "Then the fourteenth held-out set joined, and the weights were refitted with it (no record of the other",
        "sets' excerpts moved): today's figures, 1700 and later 97.5% (848/870); 1952's first death (`január 6. -",
        "Alfred Meebold botanikus, ...`) is read as a birth in the six excerpts that keep no birth before it: an",
        "unmarked person after the events of a modern article, with nothing to say it is a death, leans to the",
        "births, and a copy whose people are all deaths is rare. The section model is not fitted on these",
        "excerpts. What is missed is mostly",
        "where nothing tells the tables apart: an unmarked person of an old year alone in its table, next to",
        "an unmarked one of the other (1620, 1677, 1437, 1265), unmarked births followed by a death dated later in",
        "the year, with no restart of the calendar between them (1772, 1826, 1861), the flagged ties of 1475 and 1677.",
        "",
    ]
    for era, by_variant in scores.items():
        out += [f"### {era}", ""]
        out += _score_table(by_variant)
    misses = list(
        dict.fromkeys(
            miss.split(": ", 1)[1] for by_variant in scores.values() for score in by_variant.values() for miss in score.misses
        )
    )
    out += ["The records missed, each once (in the excerpts it is missed in):" if misses else "No misses.", ""]
    out += [f"- {_escape(miss)}" for miss in misses]
    return out


# name -> (folder with *.jsonl timeline labels, folder with the raw files, description)
TIMELINE_SETS: dict[str, tuple[Path, Path, str]] = {
    "seed prose": (
        FIXTURES / "seed" / "timeline-gold",
        ROOT / "raw",
        "the seed's prose article 1956-os forradalom és szabadságharc (lines 112–220), every date expression "
        "labelled by hand (tests/fixtures/seed/timeline-gold/README.md)",
    ),
    "prose-excerpts": (
        FIXTURES / "prose-excerpts" / "gold",
        FIXTURES / "prose-excerpts" / "raw",
        "beginnings of three other hu.wikipedia prose articles (a battle, an older version of the revolution "
        "article, a biography), labelled by hand before the reader was run on them",
    ),
}
TIMELINE_FIELDS = ("year", "month", "day", "end_year", "end_month", "end_day", "precision")
TABLES = ("events", "births", "deaths")
KIND_TABLE = {"event": "events", "birth": "births", "death": "deaths"}
FIELDS = ("month", "day", "end_month", "end_day", "name", "other_year")
VARIANTS = ("as exported", "headings kept", "MediaWiki headings")


@dataclass
class Score:
    gold: Counter[str] = field(default_factory=Counter)  # labelled records by table
    predicted: Counter[str] = field(default_factory=Counter)  # published records by table
    right_table: Counter[str] = field(default_factory=Counter)  # labelled and published in the same table
    fully_right: int = 0
    dates: list[int] = field(default_factory=lambda: [0, 0])  # right, compared
    names: list[int] = field(default_factory=lambda: [0, 0])
    other_years: list[int] = field(default_factory=lambda: [0, 0])
    misses: list[str] = field(default_factory=list)
    # The labelled records published with the flag `section_inferred` (placed on weak evidence), and those
    # published in another table than labelled: [all, those also in the other count].
    flagged: list[int] = field(default_factory=lambda: [0, 0])
    misplaced: list[int] = field(default_factory=lambda: [0, 0])
    silent: list[str] = field(default_factory=list)  # the misses in the wrong table and not flagged

    def add(self, other: Score) -> None:
        self.gold.update(other.gold)
        self.predicted.update(other.predicted)
        self.right_table.update(other.right_table)
        self.fully_right += other.fully_right
        pairs = (self.dates, other.dates), (self.names, other.names), (self.other_years, other.other_years)
        for mine, theirs in (*pairs, (self.flagged, other.flagged), (self.misplaced, other.misplaced)):
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.misses += other.misses
        self.silent += other.silent

    @property
    def records(self) -> int:
        return sum(self.gold.values())


def read_gold(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def with_headings(lines: Sequence[str], gold: Sequence[dict[str, object]], wiki: bool) -> tuple[list[str], list[int]]:
    """The lines with each year article's section headings put back, in the file's language; and each new
    line's original number (0: a heading)."""
    language = detect_language(lines)
    table_of = {int(item["line"]): str(item["table"]) for item in gold}  # type: ignore[call-overload]
    out: list[str] = []
    origin: list[int] = []
    opened: set[str] = set()

    def heading(table: str) -> None:
        title = language.section_headings[table]
        out.append(f"== {title} ==" if wiki else title)
        origin.append(0)
        opened.add(table)

    held: list[tuple[int, str]] = []  # dates alone just above the lines they date, not yet written
    for number, line in enumerate(lines, start=1):
        if number not in table_of and _date_alone(language.code, line):
            held.append((number, line))  # (its items' section heading goes above it, as on the page)
            continue
        if language.starts_year_article(line):
            opened = set()
        elif number in table_of:  # (a labelled line is a list item of the article's body)
            table = table_of[number]
            for earlier in TABLES[: TABLES.index(table) + 1]:
                if earlier not in opened:
                    heading(earlier)
        for held_number, held_line in held:
            out.append(held_line)
            origin.append(held_number)
        held = []
        out.append(line)
        origin.append(number)
    out += [held_line for _, held_line in held]
    origin += [held_number for held_number, _ in held]
    return out, origin


def _date_alone(language: str, line: str) -> bool:
    """Whether the line is a date and nothing else (``január 1.``, ``January 26``): a page writes it under
    the section heading of the items it dates (a nested list), so a heading put back goes above it."""
    if language == "en":
        from evkonyv.parsing.english import read_date

        dated = read_date(line, 2000)
        return dated is not None and not dated[1]
    from evkonyv.parsing.records import date_alone

    return date_alone(line, 2000) is not None


def score_file(name: str, lines: Sequence[str], origin: Sequence[int], gold: Sequence[dict[str, object]]) -> Score:
    data = "\n".join(lines).encode("utf-8")
    result = ParsedRows.of(parse([decode_source(name, data)]))
    by_line: dict[tuple[int, int], SimpleNamespace] = {}
    for record in result.records:
        line = origin[record.source_line - 1]
        if line == 0:
            continue  # a record made of a heading line: counted below as a false record
        by_line.setdefault((line, record.source_segment), record)
    score = Score()
    headings_published = [r for r in result.records if origin[r.source_line - 1] == 0]
    labelled = {(int(item["line"]), int(item.get("segment", 0) or 0)) for item in gold}  # type: ignore[call-overload]
    for record in result.records:
        score.predicted[KIND_TABLE[record.kind]] += 1
    for record in headings_published:
        score.misses.append(f"{name}: the heading `{record.text}` was published as {_a(record.kind)}")
    for (line, segment), record in sorted(by_line.items()):
        if (line, segment) not in labelled:
            score.misses.append(f"{name}:{line}: not a record, published as {_a(record.kind)} ({_show(record)})")
    for item in gold:
        key = (int(item["line"]), int(item.get("segment", 0) or 0))  # type: ignore[call-overload]
        table = str(item["table"])
        score.gold[table] += 1
        published = by_line.get(key)
        if published is None:
            score.misses.append(f"{name}:{key[0]}: {table[:-1]} not published ({_expected(item)})")
            continue
        record = published
        got = _fields(record)
        same_table = KIND_TABLE[record.kind] == table
        score.right_table[table] += same_table
        doubted = "section_inferred" in (record.quality_flags or ())
        score.flagged[0] += doubted
        score.flagged[1] += doubted and not same_table
        score.misplaced[0] += not same_table
        score.misplaced[1] += doubted and not same_table
        date_right = all(got[f] == item[f] for f in ("month", "day", "end_month", "end_day"))
        score.dates[0] += date_right
        score.dates[1] += 1
        if table != "events":
            score.names[0] += got["name"] == item["name"]
            score.names[1] += 1
            score.other_years[0] += got["other_year"] == item["other_year"]
            score.other_years[1] += 1
        if same_table and all(got[f] == item[f] for f in FIELDS):
            score.fully_right += 1
        else:
            wrong = ([f"table {KIND_TABLE[record.kind]}"] if not same_table else []) + [
                f"{f} {got[f]!r}" for f in FIELDS if got[f] != item[f] and (table != "events" or f in FIELDS[:4])
            ]
            score.misses.append(f"{name}:{key[0]}: expected {table[:-1]} {_expected(item)}; got {', '.join(wrong)}")
            if not same_table and not doubted:
                score.silent.append(score.misses[-1])
    return score


def _fields(record: SimpleNamespace) -> dict[str, object]:
    date = record.date
    return {
        "month": date.month,
        "day": date.day,
        "end_month": date.end_month,
        "end_day": date.end_day,
        "name": record.name,
        "other_year": record.other_year,
    }


def _expected(item: dict[str, object]) -> str:
    parts = [f"{f} {item[f]!r}" for f in FIELDS if item.get(f) is not None]
    return ", ".join(parts) or "undated"


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _show(record: SimpleNamespace) -> str:
    return record.text if len(record.text) <= 60 else record.text[:59] + "…"


def labelled_files(folder: Path, raw_folder: Path) -> list[tuple[Path, Path]]:
    """A set's (labels, raw file) pairs, in order."""
    return [(gold, raw_folder / f"{gold.stem}.txt") for gold in sorted((folder / "gold").glob("*.jsonl"))]


def score_labelled_file(gold_path: Path, raw_path: Path) -> dict[str, Score]:
    """One file's score in each variant (as exported, with headings, with MediaWiki headings)."""
    gold = read_gold(gold_path)
    lines = raw_path.read_text(encoding="utf-8").splitlines()
    scores = {VARIANTS[0]: score_file(raw_path.name, lines, _numbered(lines), gold)}
    for variant, wiki in ((VARIANTS[1], False), (VARIANTS[2], True)):
        headed, origin = with_headings(lines, gold, wiki)
        scores[variant] = score_file(raw_path.name, headed, origin, gold)
    return scores


def score_set(folder: Path, raw_folder: Path) -> dict[str, Score]:
    """The set's score in each variant (as exported, with headings, with MediaWiki headings)."""
    scores = {variant: Score() for variant in VARIANTS}
    for gold_path, raw_path in labelled_files(folder, raw_folder):
        for variant, score in score_labelled_file(gold_path, raw_path).items():
            scores[variant].add(score)
    return scores


def _percent(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}% ({right}/{total})" if total else "–"


def render(results: dict[str, dict[str, Score]]) -> str:
    out = [
        "# Accuracy",
        "",
        "Generated by `python -m benchmarks.accuracy` from the labelled sets in `tests/fixtures/`; a test fails",
        "when this page is stale. Each raw file is parsed on its own, as exported (headings gone), then with its",
        "section headings put back as a page copy has them (`Születések`, `Births`) and in MediaWiki form",
        "(`== Születések ==`); the same records are expected each time.",
        "",
        "A record is *fully right* when its table, date (month, day, range end), name and other life year all",
        "equal the label. Precision: of the records published in a table, the share labelled in that table;",
        "recall: of the labelled records of a table, the share published in it. Dates, names and other years",
        "are compared on the labelled records that were published (names and other years for people only).",
        "",
    ]
    for set_name, scores in results.items():
        folder, _, description = LABELLED_SETS[set_name]
        files = len(list((folder / "gold").glob("*.jsonl")))
        out += [f"## {set_name}", "", f"{description}: {files} files, `{folder.relative_to(ROOT).as_posix()}`.", ""]
        if set_name in FIRST_RUNS:
            out += [FIRST_RUNS[set_name], ""]
        out += _score_table(scores)
        misses = sorted({miss for score in scores.values() for miss in score.misses})
        out += ["Misses:" if misses else "No misses.", ""]
        out += [f"- {_escape(miss)}" for miss in misses]
        if misses:
            out.append("")
        notes = folder / "MISSES.md"
        if notes.exists():
            out += [
                "Why the remaining misses stay (ambiguous without headings):",
                "",
                notes.read_text(encoding="utf-8").strip(),
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


def _score_table(scores: dict[str, Score], first: str = "variant") -> list[str]:
    header = f"| {first} | records | fully right | events P / R | births P / R | deaths P / R | dates | names | other years |"
    out = [header, "|---|---:|---:|---|---|---|---:|---:|---:|"]
    for variant, score in scores.items():
        cells = [variant, str(score.records), _percent(score.fully_right, score.records)]
        for table in TABLES:
            precision = _percent(score.right_table[table], score.predicted[table]).split(" ")[0]
            recall = _percent(score.right_table[table], score.gold[table]).split(" ")[0]
            cells.append(f"{precision} / {recall}")
        cells += [_percent(*score.dates), _percent(*score.names), _percent(*score.other_years)]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def render_doubt(
    results: dict[str, dict[str, Score]],
    left_out: dict[str, dict[str, Score]],
    cuts: dict[str, Score] | None = None,
    short: dict[str, dict[str, Score]] | None = None,
) -> list[str]:
    """How well the flag `section_inferred` marks the records whose table is wrong, over every set, and over
    the excerpts cut short and the short excerpts made of them (where a table is told by the least evidence)."""
    out = [
        "## Doubt made visible",
        "",
        "A record placed on weak evidence (another split of its article within the margin of the chosen one)",
        "carries the flag `section_inferred`. Over every labelled set (leave one article out: the Hungarian",
        "year articles): the labelled records flagged and how many of them are in the wrong table; the labelled",
        "records published in the wrong table and how many of them are flagged (an analyst who drops the",
        "flagged records drops these).",
        "",
        "| reading | flagged | of them in the wrong table | in the wrong table | of them flagged |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, scores in (("in-sample", results), ("leave one article out", left_out)):
        for variant in VARIANTS[:2]:
            total = Score()
            for by_variant in scores.values():
                total.add(by_variant[variant])
            flagged, misplaced = total.flagged, total.misplaced
            out.append(f"| {label}, {variant} | {flagged[0]} | {flagged[1]} | {misplaced[0]} | {misplaced[1]} |")
    made: list[tuple[str, dict[str, Score]]] = [("excerpts cut short", cuts)] if cuts else []
    made += [(f"short excerpts, {era}", by_variant) for era, by_variant in (short or {}).items()]
    for label, by_variant in made:
        for variant in VARIANTS[:2]:
            flagged, misplaced = by_variant[variant].flagged, by_variant[variant].misplaced
            out.append(f"| {label}, {variant} | {flagged[0]} | {flagged[1]} | {misplaced[0]} | {misplaced[1]} |")
    if made:
        silent = list(
            dict.fromkeys(miss for _, by_variant in made for variant in VARIANTS[:2] for miss in by_variant[variant].silent)
        )
        out += [
            "",
            "The excerpts' rows count a record once per excerpt it is in (the sections above). The records in the",
            "wrong table and not flagged are the errors an analyst who drops the flagged records keeps, each once:",
            "" if silent else "none.",
        ]
        out += [f"- {_escape(miss)}" for miss in silent]
    return [*out, ""]


_LEAVE_ONE_SET_OUT = """\
## Leave one set out

Each labelled set of year articles scored with section weights fitted, as above from a neutral start, on
the other sets only (`benchmarks/fit.py: leave_one_set_out`). The sets were collected at different times
from different copies of the pages (the static dumps of 2006–2007, current pages, re-publishing sites)
and eras, so this is how the weights carry over to a source they never saw: stricter than leaving out
one article, whose set's other articles stay in the fit. As there, it measures the weights: the rules
that read a line were written with the sets in view. First measured 2026-12-07 (b1e69a1's model); 99.4%
(1201/1208) as exported with the eleventh and twelfth sets, until a dated line without a marker stopped
leaning to the deaths before 1900 (1791's last two births, unmarked, are births in its set's left-out fit).

| set | records | fully right, as exported | fully right, headings kept |
|---|---:|---:|---:|"""


def render_leave_one_set_out(scores: dict[str, dict[str, Score]]) -> list[str]:
    """The leave-one-set-out section: each set's files scored with weights fitted on the other sets only."""
    out = _LEAVE_ONE_SET_OUT.splitlines()
    total: dict[str, Score] = {variant: Score() for variant in VARIANTS}
    for by_variant in scores.values():
        for variant, score in by_variant.items():
            total[variant].add(score)
    for name, by_variant in {**scores, "all": total}.items():
        exported, headed = by_variant[VARIANTS[0]], by_variant[VARIANTS[1]]
        out.append(
            f"| {name} | {exported.records} | {_percent(exported.fully_right, exported.records)} "
            f"| {_percent(headed.fully_right, headed.records)} |"
        )
    misses = [miss for by_variant in scores.values() for variant in VARIANTS[:2] for miss in by_variant[variant].misses]
    misplaced = exported.misplaced[0] + headed.misplaced[0]
    flagged = f" ({exported.misplaced[1] + headed.misplaced[1]} of the {misplaced} in the wrong table flagged `section_inferred`)"
    out += ["", ("Misses of the left-out fits" + (flagged if misplaced else "") + ":") if misses else "No misses.", ""]
    out += [f"- {miss}" for miss in misses]
    return out


def render_leave_one_out(scores: dict[str, dict[str, Score]], refitted: int) -> list[str]:
    """The leave-one-article-out section: each set's files scored with weights fitted without them."""
    files = sum(len(list((LABELLED_SETS[name][0] / "gold").glob("*.jsonl"))) for name in scores)
    out = [
        "## Leave one article out",
        "",
        "Each labelled file above, year articles only, scored with section weights fitted by `benchmarks/fit.py`",
        "on all the other files, without it, from a neutral start (every weight 1 with the sign of its",
        "evidence: the magnitudes are learned, none carried over from the shipped weights, which were chosen",
        f"with every development article in view). {refitted} of the {files} left-out fits differ from the shipped",
        "weights. The rules that read a line were written with the development sets in view, so this measures",
        "the weights; the sets collected later measure the rest, each by its first run, above, before any",
        "rule was written on it.",
        "",
        "History of this figure, as exported (all sets): 98.4% (870/884) with births P / R 99.4% / 94.5% and",
        "deaths 87.8% / 95.6%, until two changes to the model of 2026-12-06, evening, written with every set in",
        "view (no held-out set was left to score them on first): an undated line no longer leans by era (weighed",
        "apart, the fit gave that lean 0.07), and a split that leaves the births empty while listing deaths costs",
        "`deaths_without_births` (Hungarian sets: 2 of the 32 articles with people list deaths only; English:",
        "3 of 7, so its grammar turns the cost off); then 99.2% (877/884). A third change, a past-tense verb with",
        "a verbal prefix opening a sentence (`Megjelent ...`), gave today's figure. Their cost, seen on lines made",
        "for the purpose: two dated, unmarked deaths that run on from the events under an empty births section",
        "are now read as events (three or more, or marked ones, stay deaths). That was 99.3% (878/884).",
        "The eighth held-out set then joined (79 records, 963 in all): scored by the left-out fits before any",
        "rule was written on it, 99.2% (955/963); three rules written on it since (a laureates' table of three or",
        "more category rows, a day written without its dot before a colon, a prize's name written apart from",
        "`díjas`) and the weights refitted with it gave 99.4% (957/963). Then a present-tense verb with a",
        "verbal prefix, definite (`meghódítja Novgorodot`), became a predicate: 1478's event line is read right,",
        "and with the weights fitted without it, 1475's two undated, unmarked births at the end of its births,",
        "a tie that no evidence breaks, went to the deaths; such ties are now broken by one rule whatever the",
        "weights (costs compared rounded, the earliest deaths start), where before the rounding noise of the",
        "sums decided: 99.3% (956/963), every such line flagged. A noble named by one given name and his",
        "title after the place it is of (`Edvard, Warwick grófja`, noble_titles.txt) then became a person line,",
        "and the weights were refitted: 99.4% (957/963). A work written `Title - Author` (the line ends with a",
        "dash and a bare name) then became no person line, and the weights were refitted: 99.5% (958/963).",
        "Then the model learned that births and deaths list their undated people last (a dated line right after",
        "an undated one inside births or deaths costs `undated_before_dated`; on the labelled Hungarian articles,",
        "of the births and deaths dated right after an undated line, 21 open their section and 1 does not), and the weights were",
        "refitted: the same, 99.5% (958/963). The ninth held-out set then joined (62 records, 1025 in all), and",
        "the weights were refitted with it (no in-sample figure moved): 98.9% (1014/1025). Its eight misses are",
        "its two quarantined articles (their lines refused with a reason, none published wrong); without them,",
        "99.7% (960/963): with the new set's articles in every left-out fit, 1791's two last births are births.",
        "The tenth held-out set then joined (71 records, 1096 in all; its first run, by the shipped weights, was",
        "right on every record), and the weights were refitted with it (no in-sample figure moved): 99.0%",
        "(1085/1096), every one of its records right when its article is left out too. On 2026-12-07 the line's",
        "reading learned more of the statements that open with a name (a dot that ends no clause, an inserted",
        "clause between dashes, event nouns, contests, a change of office, two subjects), the weights were refitted",
        "(no figure moved), and 632's year was read (its hatnote names the window's year): 99.3% (1088/1096). Then",
        "a chronology with no navigation took the year its file's name names (1848: its five events published,",
        "flagged): 99.7% (1093/1096). The eleventh held-out set then joined (90 records, 1186 in all; its first run,",
        "by the shipped weights, 97.8%), and the weights were refitted with it (no figure of another set moved):",
        "99.6% (1181/1186); and so the twelfth (22 records, 1208 in all; its first run 100.0%): today's figure. Its misses are people that neither a date, a marker nor a restart tells apart (their",
        "splits tie or nearly, and they are flagged), and 1265's two: a dated birth after two undated ones, and a",
        "line among its births that names no person, quarantined.",
        "",
    ]
    total: dict[str, Score] = {variant: Score() for variant in VARIANTS}
    for by_variant in scores.values():
        for variant, score in by_variant.items():
            total[variant].add(score)
    for variant in VARIANTS[:2]:
        rows = {name: by_variant[variant] for name, by_variant in scores.items()} | {"all": total[variant]}
        out += [f"{variant.capitalize()}:", "", *_score_table(rows, "set")]
    misses = sorted({miss for by_variant in scores.values() for score in by_variant.values() for miss in score.misses})
    out += ["Misses of the left-out fits:" if misses else "No misses.", ""]
    out += [f"- {_escape(miss)}" for miss in misses]
    return out


@dataclass
class TimelineScore:
    gold: int = 0
    found: int = 0
    spans: int = 0  # expressions found with exactly the labelled span
    dates: int = 0  # of those, with the labelled date and precision
    fully_right: int = 0  # and the labelled basis, relation and attributive
    misses: list[str] = field(default_factory=list)


def timeline_label(entry: TimelineEntry) -> dict[str, object]:
    """A timeline row in the form of its label (``line``, span, expression, date, basis, relation, attributive)."""
    d = entry.date
    return {
        "line": entry.source_line, "char_start": entry.char_start, "char_end": entry.char_end, "date_text": d.text,
        "year": d.year, "month": d.month, "day": d.day, "end_year": d.end_year, "end_month": d.end_month,
        "end_day": d.end_day, "precision": d.precision, "basis": entry.date_basis, "relation": entry.date_relation,
        "attributive": entry.attributive,
    }  # fmt: skip


def score_timeline(folder: Path, raw_folder: Path) -> TimelineScore:
    """The timeline rows of each labelled file's published prose articles against the labels."""
    score = TimelineScore()
    for gold_path in sorted(folder.glob("*.jsonl")):
        raw_path = raw_folder / f"{gold_path.stem}.txt"
        lines = decode_source(raw_path.name, raw_path.read_bytes()).lines
        articles = split_articles(raw_path.name, lines)
        repeated = {duplicate.article_id for duplicate in find_duplicates(articles)}
        rows = [
            entry
            for article in articles
            if article.kind == "prose" and article.article_id not in repeated
            for entry in read_prose_article(article).timeline
        ]
        got = {(e.source_line, e.char_start, e.char_end): timeline_label(e) for e in rows}
        gold = {(int(g["line"]), int(g["char_start"]), int(g["char_end"])): g for g in read_gold(gold_path)}  # type: ignore[call-overload]
        score.gold += len(gold)
        score.found += len(got)
        for key, label in gold.items():
            where = f"{raw_path.name}:{key[0]} `{label['date_text']}`"
            row = got.get(key)
            if row is None:
                score.misses.append(f"{where}: not found")
                continue
            score.spans += 1
            wrong = [name for name in TIMELINE_FIELDS if row[name] != label.get(name)]
            if not wrong:
                score.dates += 1
            wrong += [name for name in ("basis", "relation", "attributive") if row[name] != label[name]]
            if wrong:
                score.misses.append(f"{where}: " + ", ".join(f"{n} {row[n]!r}, labelled {label.get(n)!r}" for n in wrong))
            else:
                score.fully_right += 1
        for key in sorted(got.keys() - gold.keys()):
            score.misses.append(f"{raw_path.name}:{key[0]} `{got[key]['date_text']}`: found, not a labelled date expression")
    return score


def render_timeline(results: dict[str, TimelineScore]) -> list[str]:
    out = [
        "## Timeline of the prose articles",
        "",
        "Every date expression of the labelled prose, against the rows of the `timeline` table. An expression is",
        "*found* when a row has exactly its span (line, `char_start`, `char_end`); its *date* is right when year,",
        "month, day, the range end and the precision equal the label; it is *fully right* when `date_basis`,",
        "`date_relation` and `attributive` do too. Precision: of the rows, the share that are labelled expressions.",
        "",
        "| set | expressions | rows | precision | recall | dates right | fully right |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, score in results.items():
        out.append(
            f"| {name} | {score.gold} | {score.found} | {_percent(score.spans, score.found)} | {_percent(score.spans, score.gold)} "
            f"| {_percent(score.dates, score.gold)} | {_percent(score.fully_right, score.gold)} |"
        )
    out.append("")
    for name, score in results.items():
        folder, _, description = TIMELINE_SETS[name]
        out += _set_notes(name, description, folder, score.misses)
    return out


# Sets of single list lines (not whole articles): each line read as a people-list line or not, the name it
# opens with (tests/fixtures/lines-2026-12/README.md).
LINE_SETS: dict[str, tuple[Path, str]] = {
    "lines-2026-12": (
        FIXTURES / "lines-2026-12" / "lines.tsv",
        "99 list items of hu.wikipedia day articles and anniversary templates, 59 people and 40 statements, "
        "labelled by hand before any run",
    ),
    "lines-2026-12b": (
        FIXTURES / "lines-2026-12b" / "lines.tsv",
        "64 list items of four other hu.wikipedia day articles, 36 people and 28 statements, labelled by hand "
        "before any run, collected after the rules written on lines-2026-12",
    ),
    "lines-2026-12c": (
        FIXTURES / "lines-2026-12c" / "lines.tsv",
        "17 birth and death lines of two anniversary templates no set used, labelled by hand before any run, "
        "collected after the rules written on lines-2026-12b",
    ),
    "lines-2026-12e": (
        FIXTURES / "lines-2026-12e" / "lines.tsv",
        "55 list lines of four day pages and a calendar site's anniversaries no set used, 50 statements and 5 "
        "people, labelled by hand before any run, collected after the reading rules of 2026-12-07",
    ),
    "lines-2026-12f": (
        FIXTURES / "lines-2026-12f" / "lines.tsv",
        "7 birth and death lines of one more anniversary template no set used, labelled by hand before any run, "
        "collected after lines-2026-12e",
    ),
    "lines-2026-12g": (
        FIXTURES / "lines-2026-12g" / "lines.tsv",
        "53 list lines of a day page, a news site's copy of a day's events and a column's anniversaries no set "
        "used, 47 statements and 6 people, labelled by hand before any run, collected after lines-2026-12f",
    ),
    "lines-2026-12h": (
        FIXTURES / "lines-2026-12h" / "lines.tsv",
        "15 birth and death lines of two more anniversary templates no set used, labelled by hand before any "
        "run, collected after the rules written on lines-2026-12g",
    ),
    "lines-2026-12i": (
        FIXTURES / "lines-2026-12i" / "lines.tsv",
        "45 items of two anniversary calendars no set used, 27 people and 18 statements, old years above all, "
        "labelled by hand before any run, collected after the rules written on lines-2026-12h",
    ),
    "lines-2026-12j": (
        FIXTURES / "lines-2026-12j" / "lines.tsv",
        "31 people lines of a literary anniversary list no set used (two weekly posts), labelled by hand before "
        "any run, collected after every rule of the sessions before",
    ),
    "lines-2026-12k": (
        FIXTURES / "lines-2026-12k" / "lines.tsv",
        "32 items of a press site's day calendar and a poetry site's anniversary lists no set used, 27 people "
        "and 5 statements, labelled by hand before any run, collected after lines-2026-12j was scored",
    ),
    "lines-2026-12l": (
        FIXTURES / "lines-2026-12l" / "lines.tsv",
        "14 items of an anniversary template and a culture portal's day calendar no set used, 8 people and 6 "
        "statements, labelled by hand before any run, collected after lines-2026-12k was scored",
    ),
    "lines-2026-12m": (
        FIXTURES / "lines-2026-12m" / "lines.tsv",
        "15 items of a community site's daily anniversaries of two months no set used, 11 people and 4 "
        "statements, labelled by hand before any run, collected after lines-2026-12l was scored",
    ),
    "lines-2026-12n": (
        FIXTURES / "lines-2026-12n" / "lines.tsv",
        "11 people lines of a school library's calendar of literary anniversaries no set used, labelled by "
        "hand before any run, collected after lines-2026-12m was scored",
    ),
    "lines-2026-12o": (
        FIXTURES / "lines-2026-12o" / "lines.tsv",
        "16 people lines of a school library's list of a year's literary anniversaries no set used, labelled "
        "by hand before any run, collected after the rules written on lines-2026-12n",
    ),
    "lines-2026-12p": (
        FIXTURES / "lines-2026-12p" / "lines.tsv",
        "16 people lines of a school library's calendar of a month's literary anniversaries no set used, "
        "labelled by hand before any run, collected after lines-2026-12o was scored",
    ),
    "lines-2026-12q": (
        FIXTURES / "lines-2026-12q" / "lines.tsv",
        "18 people lines of a language society's calendar of a year's anniversaries no set used, labelled by "
        "hand before any run, collected after the rules written on lines-2026-12p",
    ),
}


@dataclass
class LineScore:
    people: int = 0
    people_right: int = 0  # read as a name and a description phrase, the labelled name
    statements: int = 0
    statements_right: int = 0  # not read as a people-list line
    misses: list[str] = field(default_factory=list)


def score_lines(path: Path) -> LineScore:
    """Each labelled line read alone (:func:`~evkonyv.parsing.records.read_line_person`) against its label."""
    from evkonyv.parsing.records import read_line_person

    score = LineScore()
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not row.strip() or row.startswith("#"):
            continue
        _, _, kind, name, text = row.split("\t")
        person = read_line_person(text)
        got = person.name if person else None
        if kind == "person":
            score.people += 1
            right = got == name
            score.people_right += right
            if not right:
                score.misses.append(
                    f"{path.name}:{number} `{text[:70]}`: " + (f"name {got!r}" if got else "not read as a person line")
                )
        else:
            score.statements += 1
            score.statements_right += got is None
            if got is not None:
                score.misses.append(f"{path.name}:{number} `{text[:70]}`: read as a person line, name {got!r}")
    return score


# The first run of each line set, before any rule was written on it.
LINE_FIRST_RUNS: dict[str, str] = {
    "lines-2026-12": (
        "First run (2026-12-07, commit 10f50d5 plus the scorer, before any rule was written on it): 94.9% "
        "(94/99): people 94.9% (56/59), statements 95.0% (38/40); the parser of a346a00, before the day's "
        "reading rules, read it the same (94/99, the same five misses). Since then two rules were written on "
        "its misses, two patterns of names (two particles in a row, `van den`; a place before a title in the "
        "possessive, `Prága püspöke`) and one of verbs (a verb of the -ul/-ül class after a verbal prefix opens "
        "a sentence, `Elpusztul`): it is no longer held out. Later one more (2026-12-07): a life-year marker "
        "closes people-list lines only, so before it a description may run long or open with an article (no event "
        "line of the labelled year articles ends in a marker; the one statement of these sets that does is a "
        "nominalised action, still read as a statement)."
    ),
    "lines-2026-12b": (
        "First run (2026-12-07, commit 19866a3, before any rule was written on it): 96.9% (62/64): people 97.2% "
        "(35/36), statements 96.4% (27/28). Misses: a one-word name followed by its bearer's original name in "
        "brackets (`Regiomontanus (er. Johannes Müller), német matematikus ...`) not read as a person line; a "
        "statement that opens with a ruler's name and title and goes on with an old locative of a town, a "
        "translative and a causative verb (`I. László király Székesfehérvárott szentté avattatja ...`) read as "
        "a person line. The other seven statements that open with a name or a country (`Horthy István "
        "kormányzóhelyettes ... áldozata lesz`, `Gömbös Gyula felhívást intéz`, `Magyarország és Finnország ... "
        "egyezményt köt`) were read right. Since then two rules were written on its misses, one of names (a "
        "bracket after a one-word name that gives the person's other name, `other_name_markers.txt`) and one of "
        "verbs (a verb's causative, -tat/-tet after its stem, is a verb): it is no longer held out."
    ),
    "lines-2026-12c": (
        "First run (2026-12-07, commit d32fcfc, before any rule was written on it): 88.2% (15/17), people only. "
        "Misses: a name run on into a prize named after a person, written in Hungarian order before `-díjas` "
        "(`Lator László József Attila-díjas magyar költő ...` read with the name 'Lator László József'); a "
        "description that opens with prizes joined by suspended hyphens (`Barbra Streisand Oscar-, háromszoros "
        "Golden Globe- és többszörös Grammy-díjas amerikai színésznő, ...`) not read as a person line. Since then "
        "two rules of Hungarian compounds were written on them: a compound of a given name and `díj` is a prize "
        "named after a person, whose family name before it opens the description (`József Attila-díjas`, `Balázs "
        "Béla-díjas`); a word that ends in a suspended hyphen (`Oscar-, ... és Grammy-díjas`) is the first part of a "
        "compound, description too. It is no longer held out."
    ),
    "lines-2026-12e": (
        "First run (2026-12-07, commit a65bbd0 plus the scorer, before any rule was written on it): 98.2% (54/55): "
        "people 100.0% (5/5), statements 98.0% (49/50). The parser of 94cd885, before the day's reading rules, "
        "read it the same (54/55, the same miss): of its fifteen statements that open with a name, a title or a "
        "country, none needed those rules. The miss: a statement whose subject, after a comma, is named by her "
        "relation to the name that opens the line (`III. Ferdinánd özvegye, Gonzaga Eleonóra királyné megalapítja "
        "a Csillagkeresztes Rendet.`), read as a person line. Since then one rule was written on it, a pattern of "
        "apposition (the line's first name the possessor of a relation, the one it names after a comma with a "
        "predicate of its own): it is no longer held out."
    ),
    "lines-2026-12f": (
        "First run (2026-12-07, commit 769391d plus the scorer, before any rule was written on it): 85.7% (6/7), "
        "people only; the parser of 94cd885 read it the same. The miss: a description that holds an adverbial of "
        "time before its life-year marker (`Stanisław Sosabowski lengyel tábornok a második világháborúban († "
        "1967).`) not read as a person line. Since then one rule was written on it: on a line a life-year marker "
        "closes, which only people lists write, an adverbial no longer makes a statement (a verb, a copula, an "
        "object or a nominalised action still does; the seed's `Heinz Guderian, ... teoretikusa a II. "
        "világháborúban (* 1888)` is the same form). It is no longer held out."
    ),
    "lines-2026-12g": (
        "First run (2026-12-07, commit 3c114d8 plus the scorer, before any rule was written on it): 96.2% (51/53): "
        "people 100.0% (6/6), statements 95.7% (45/47); the parser of 203638e, before the day's rules, read it the "
        "same. Every statement that opens with a name, a title or a place was read as one (`XVIII. Lajos francia "
        "király bevonul ...`, `Morris Michtom megalkotja ...`, `Cook kapitány áthajózott ...`, `Új-Amszterdam II. "
        "Jakab yorki herceg személyes tulajdonába került ...`). The misses: a nominal statement that opens with a "
        "compound demonym (`Jugoszláv–lengyel barátsági szerződés.`, read as a person line named "
        "'Jugoszláv–lengyel'), and a saint's feast written as his name, an apposition and the possessed noun "
        "(`Assisi Szent Ferenc, a kereskedők, ... és az állatok védőszentjének ünnepe`, read as a person line). "
        "Since then two rules were written on them, each a pattern of Hungarian: demonyms joined by a dash or a "
        "hyphen are the adjective of a relation between peoples, no name (`Osztrák–magyar kiegyezés`); the head "
        "of a description's noun phrase, its last word, is read for an event noun as its first clause is (a "
        "feast, `ünnepe`, `emléknapja`, joined data/event_nouns.txt). With them one more: an apposition whose "
        "head the subject's verb follows at once (`Uszta Gyula vezérőrnagy, a honvédelmi miniszter első "
        "helyettese elrendeli ...`, the seed's, and 12i's `Zichy Ferdinánd altábornagy, Velence katonai "
        "városparancsnoka feladja a várost`), no line of this set. It is no longer held out."
    ),
    "lines-2026-12h": (
        "First run (2026-12-07, commit 12101ea plus the scorer, before any rule was written on it): 93.3% (14/15), "
        "people only: a regnal name and an apposition giving the pope's own name (`III. Callixtusz pápa, eredeti "
        "nevén ...`), a four-word name, a particle (`Themistokles von Eckenbrecher`), a participle's phrase in the "
        "description (`XXIII. János által összehívott II. vatikáni zsinat befejezője`) were read right. The miss: "
        "a name run on into the family name of a prize's eponym, written in Hungarian order before `-díjas` "
        "(`Dárday Nikolett Ferenczy Noémi-díjas magyar üvegtervező`, read with the name 'Dárday Nikolett "
        "Ferenczy'): neither given name was on the project's list of given names, a hand-picked selection of "
        "the official register's names in common use. Since then the lists hold the 100 most frequent given "
        "names of each sex on record in Hungary in 2016 too (the Ministry of the Interior's figures, as the "
        "Faker package lists them: 55 names, `Nikolett`, `Noémi`, `Áron`, `Krisztián`, the names of people born "
        "since the 1970s): it is no longer held out."
    ),
    "lines-2026-12i": (
        "First run (2026-12-07, commit 4b3c0a6 plus the scorer, before any rule was written on it): 100.0% "
        "(45/45): people 100.0% (27/27), statements 100.0% (18/18). Read right: statements that open with a "
        "king's, a saint's or a noble's name and go on in the present tense (`Szent István kiadja ...`, `I. Károly "
        "magyar király oltalomlevelet ad ...`, `Csák Máté adományként megkapja ...`, `Kolozsvári Tamás szárnyas "
        "oltárt készít ...`), one whose object opens it (`I. Máriát ... Demeter esztergomi érsek ... koronázza`), "
        "past-tense statements that name a person (`Megszületett Várnai Zseni költő.`); people lines with an "
        "unknown year in the marker (`Garai Pál bán, tárnokmester (x?)`), a decade (`(† 1080-as évek)`), a place "
        "and a full date (`(† Salzburg, 1489. december 15.)`), a name followed by another's name in the "
        "description (`Alesi Dénes Szapolyai János király udvari papja`, `Habsburg Mária II. Lajos magyar király "
        "felesége`). No rule has been written on it: it is still held out."
    ),
    "lines-2026-12j": (
        "First run (2026-12-07, commit 617d902 plus the scorer, before any rule was written on it): 100.0% "
        "(31/31), people only. Read right: foreign names of two words and of four with a particle (`Tien Han`, "
        "`Elo Šándor`, `Pierre-Augustin Caron de Beaumarchais`), an initial inside a Hungarian name (`Ajtai K. "
        "Albert`), a title before the name (`Sir Richard Steele`), a description that holds a work's title in "
        "capitals (`... francia író, színműíró, A sevillai borbély és a Figaró házassága című vígjátékok "
        "szerzője`), a prize with its year in brackets (`Bor Ambrus József Attila-díjas (1981) magyar író`), a "
        "prize at the end of the description (`..., Kossuth-díjas`), descriptions of one bare occupation "
        "(`Harmath Lujza író`). No rule has been written on it: it is still held out."
    ),
    "lines-2026-12k": (
        "First run (2026-12-07, commit 234407c plus the scorer, before any rule was written on it): 96.9% "
        "(31/32): people 96.3% (26/27), statements 100.0% (5/5). Read right: people lines closed by a life span "
        "instead of a marker (`Hajnóczy Péter író (1942-1981)`), a description run on into a second sentence "
        "(`Barna Ferdinánd nyelvész, mûfordító, könyvtáros. 1871-ben magyarra fordította ...`), legacy letters "
        "in names and descriptions (`nagytõkés`), three-word foreign names; statements that open in lower case. "
        "The miss: a bare name closed by the item's full stop (`Szekfû Gyula.`), read with the stop in the name "
        "('Szekfû Gyula.'). Since then one rule was written on it, a pattern of the lists that close every item "
        "with a full stop: a line that is a name alone leaves the stop out of the name, unless the dot is an "
        "initial's, a regnal number's or an abbreviation's (`Aquinói Szent Tamás.`, `IV. Béla.`; `Kovács J.` "
        "keeps it). It is no longer held out."
    ),
    "lines-2026-12l": (
        "First run (2026-12-07, commit 46bcf6c plus the scorer, before any rule was written on it): 92.9% "
        "(13/14): people 100.0% (8/8), statements 83.3% (5/6). Read right: a name of a house and two given "
        "names (`Habsburg–Tescheni Frigyes Ferdinánd főherceg, ...`), a saint's name, a three-word Russian name "
        "before a prize (`Ivan Antonovics Jefremov Sztálin-díjas ...`), a description run on into a clause "
        "(`..., ő építette meg ...`); a statement that opens with the accusative of a name and a ruler after it "
        "(`Henry Purcell brit angol-barokk zeneszerzőt II. Jakab angol király ... nevezte ki`). The miss: a "
        "composer's name followed by his work's title, capitalised, in the dative, and the premiere it is the "
        "possessor of (`Benjamin Britten Tavaszi kórusszimfóniájának (op. 44.) ősbemutatója az amszterdami "
        "Concertgebouw-ban.`), read as a person line named 'Benjamin Britten Tavaszi'. Since then one rule was "
        "written on it, the event nouns' pattern read where the head's already was: a compound that ends in an "
        "event noun (`ősbemutatója`, `világrekordja`) makes a statement anywhere in the description's first "
        "clause, not only as its last word. It is no longer held out."
    ),
    "lines-2026-12m": (
        "First run (2026-12-07, commit 897530b plus the scorer, before any rule was written on it): 93.3% "
        "(14/15): people 100.0% (11/11), statements 75.0% (3/4). Read right: a description that opens with an "
        "article before a marker (`Csáky Rudolf a főrendiház tagja ... († 1887)`, `Boldog Özséb a pálos rend "
        "megalapítója (* 1200 körül)`), a house's epithet before a saint's title (`Árpád-házi Szent Margit, ...`), "
        "a title before the name (`Gróf Kollonich Lipót`), an approximate marker; statements that open with a "
        "name and a possessive (`Kossuth Lajos szerkesztésében megjelenik ...`), with a pope's regnal name (`X. "
        "Leó pápa kiátkozza Luther Mártont.`), with two subjects. The miss: a nominal statement, an event's noun "
        "and the place in a case (`Országgyűlés Marosvásárhelyen.`), read as a person line named 'Országgyűlés "
        "Marosvásárhelyen'. Since then one rule was written on it, a pattern of the chronologies' nominal items: "
        "a first word that is a noun of an event in the nominative (`Országgyűlés`, `Földrengés`, `Zsinat`; a "
        "compound ending in one, `Pestisjárvány`: data/nominal_event_heads.txt) is no name. It is no longer held "
        "out."
    ),
    "lines-2026-12n": (
        "First run (2026-12-07, commit 71b71fe plus the scorer, before any rule was written on it): 81.8% "
        "(9/11), people only. Read right: a married woman's name before her maiden name (`Kelemenné Zathureczky "
        "Berta`), a name with its other form in brackets after it (`Aldo Pallazzeschi (Giurliani) olasz ...`), a "
        "Polish name with its own letters (`Mikołaj Rej`), a one-word name (`Montesquieu francia filozófus ...`), "
        "descriptions closed by a full stop and followed by a second sentence. The misses: a Russian name whose "
        "family name ends like a dative (`Boris Leonyidovics Paszternak orosz költő ...`, read as 'Boris "
        "Leonyidovics': `-nak` taken for the case ending); a name with its other spelling in brackets between the "
        "given names and the family name (`Szulhan Szaba (Sulkhan-Saba) Orbeliani grúz író ...`, read as "
        "'Szulhan Szaba'). Since then two rules were written on them, each a pattern of names: a family name "
        "that ends like a dative (`-nak`, `-nek`) is the name's before a demonym, which opens a people line's "
        "description; one capitalised word in brackets between the given names and the family name is the given "
        "names' other spelling. It is no longer held out."
    ),
    "lines-2026-12o": (
        "First run (2026-12-07, commit 2492843 plus the scorer, before any rule was written on it): 100.0% "
        "(16/16), people only: Hungarian names of two and three words (`Csokonai Vitéz Mihály`), a family name "
        "that is a given name too (`Gábor Andor`), a pen name's bracket after the name (`Bözödi György (Jakab "
        "György) magyar író, ...`), descriptions of one to five occupations with no marker and no full stop, one "
        "opening with a superlative's apposition (`..., a magyar irodalom egyik legjelentősebb költője`). No rule "
        "has been written on it: it is still held out."
    ),
    "lines-2026-12p": (
        "First run (2026-12-07, commit abfeff3 plus the scorer, before any rule was written on it): 87.5% "
        "(14/16), people only. Read right: French, English, German, Romanian and Russian names of two to four "
        "words with a particle, a hyphen or their own letters (`Jean-François Casimir Delavigne`, `Hugo von "
        "Montfort`, `Barbu Ştefănescu Delavrancea`, `Alekszandr Nyikolajevics Osztrovszkij`), Hungarian names of "
        "three words, descriptions closed by a full stop. The misses: an apposition after a comma, eight words "
        "long, whose noun of a field of art read as an accusative (`Juhász Gyula, a XX. századi magyar "
        "költészet egyik kiemelkedő alakja.`: `költészet`, poetry, taken for an object); a possessive phrase "
        "right after the name, no comma between (`Grigol Orbeliani a grúz romantika nagy költője.`), the shape "
        "of an events section's nominal statements too (`Jasszer Arafat a PFSZ vezetője.`, labelled a "
        "statement elsewhere): the line alone does not tell them apart. Since then two rules were written on the "
        "first, each a pattern of Hungarian: a noun of a field of art or science (`-ászat`, `-észet`: "
        "`költészet`) is a nominative, no accusative; an apposition an article opens and its possessed head "
        "closes names what the person was, however long (the length that makes a clause a statement does not "
        "count it). No rule was written on the second (the section model decides it by its place). It is no "
        "longer held out."
    ),
    "lines-2026-12q": (
        "First run (2026-12-07, commit c50e3a7 plus the scorer, before any rule was written on it): 100.0% "
        "(18/18), people only: bare names (`George Orwell`, `Tamkó Sirató Károly`), a German name of three words, "
        "appositions that name a work or a word in quotation marks (`Révai Miklós nyelvész, a „helyesírás” szó "
        "megalkotója`), an abbreviation inside a description (`a Magyar Nemzet c. lap alapítója`). No rule has "
        "been written on it: it is still held out."
    ),
}


def render_lines(results: dict[str, LineScore]) -> list[str]:
    out = [
        "## Reading a line",
        "",
        "Single list lines of pages that are not year articles, each read alone as the parse reads a list item's",
        "text after its date: a person line is right when it reads as a name followed by a description phrase and",
        "the name is the labelled one; a statement is right when it does not read as a person line. (Which table a",
        "line lands in depends on the article around it too: this measures the line's own reading.)",
        "",
        "| set | people | people right | statements | statements right | all right |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, score in results.items():
        out.append(
            f"| {name} | {score.people} | {_percent(score.people_right, score.people)} | {score.statements} "
            f"| {_percent(score.statements_right, score.statements)} "
            f"| {_percent(score.people_right + score.statements_right, score.people + score.statements)} |"
        )
    out += ["", *render_line_first_runs(), ""]
    for name, score in results.items():
        path, description = LINE_SETS[name]
        out += _set_notes(name, description, path, score.misses, LINE_FIRST_RUNS.get(name))
    return out


# The figure a line set's first-run paragraph opens with: "First run (...): 96.2% (51/53)".
_FIRST_RUN_FIGURE = re.compile(r"\): \d+\.\d% \((\d+)/(\d+)\)")


def render_line_first_runs() -> list[str]:
    """Each line set's first run, read from its paragraph (``LINE_FIRST_RUNS``), and all of them pooled: how
    the line's reading did on text no rule had been written on, at the time of each."""
    out = [
        "First runs at a glance: each line set as its first run read it, before any rule was written on it (the",
        "figure its paragraph below opens with), in the order they were collected.",
        "",
        "| set | lines | first run |",
        "|---|---:|---:|",
    ]
    right_all = total_all = 0
    for name, text in LINE_FIRST_RUNS.items():
        figure = _FIRST_RUN_FIGURE.search(text)
        if figure is None:
            raise ValueError(f"{name}: its first-run paragraph opens with no figure")
        right, total = int(figure[1]), int(figure[2])
        right_all, total_all = right_all + right, total_all + total
        out.append(f"| {name} | {total} | {_percent(right, total)} |")
    out.append(f"| all | {total_all} | {_percent(right_all, total_all)} |")
    return out


def _set_notes(name: str, description: str, where: Path, misses: list[str], first_run: str | None = None) -> list[str]:
    """A set's paragraph under a section's table: what and where it is, its first run, every miss."""
    out = [f"{name}: {description}; `{where.relative_to(ROOT).as_posix()}`.", ""]
    if first_run:
        out += [first_run, ""]
    return [*out, *([f"- {_escape(miss)}" for miss in misses] or ["No misses."]), ""]


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


# The forms a copy of the page writes what the export does not keep, or keeps otherwise: each made from a
# labelled file (its lines and labels) as (lines, each new line's original number, 0 for an added line).
# The records expected are the labelled ones, whatever the form.
CopyForm = Callable[[Sequence[str], Sequence[dict[str, object]]], tuple[list[str], list[int]]]


def _numbered(lines: Sequence[str]) -> list[int]:
    return list(range(1, len(lines) + 1))


def _labelled_lines(gold: Sequence[dict[str, object]]) -> set[int]:
    return {int(item["line"]) for item in gold}  # type: ignore[call-overload]


def glued_navigation(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The decades and years of the navigation written with nothing between them, as the static dumps'
    copies write their links ("Évek: 12691270127112721273...")."""

    def glue(line: str) -> str:
        label, _, links = line.partition(":")
        return f"{label}: " + "".join(part.strip() for part in re.split(r" [–-] ", links))

    return [glue(line) if line.startswith(("Évek:", "Évtizedek:")) else line for line in lines], _numbered(lines)


def headings_with_edit_links(form: str) -> CopyForm:
    """The section headings put back with the edit link beside each, as the static dumps (``dump``:
    "[szerkesztés] Születések"), the desktop pages ("Születések[szerkesztés]") or the mobile pages
    ("Születésekszerkesztés") write it."""
    decorate = {"dump": "[szerkesztés] {}", "desktop": "{}[szerkesztés]", "mobile": "{}szerkesztés"}[form]

    def copy(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
        headed, origin = with_headings(lines, gold, wiki=False)
        return [decorate.format(line) if number == 0 else line for line, number in zip(headed, origin, strict=True)], origin

    return copy


def edit_links_on_their_own_lines(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The section headings put back, each followed by its edit link's text on a line of its own, as a copy of
    a mobile page writes it ("Születések", then "szerkesztés")."""
    headed, origin = with_headings(lines, gold, wiki=False)
    out: list[str] = []
    numbers: list[int] = []
    for line, number in zip(headed, origin, strict=True):
        out.append(line)
        numbers.append(number)
        if number == 0:
            out.append("szerkesztés")
            numbers.append(0)
    return out, numbers


def each_item(change: Callable[[int, str], str]) -> CopyForm:
    """Every labelled item changed by ``change`` (its line number, its text), every other line as it is."""

    def copy(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
        labelled = _labelled_lines(gold)
        changed = [change(number, line) if number in labelled else line for number, line in enumerate(lines, start=1)]
        return changed, _numbered(lines)

    return copy


# A reference mark after every labelled item ("... író († 1901)[4]"), as current pages write them.
reference_marks = each_item(lambda number, line: f"{line}[{number}]")


def list_bullets(bullet: str) -> CopyForm:
    """A list bullet before every labelled item ("• március 15. – ..."), as a copy of the page keeps it."""
    return each_item(lambda _, line: bullet + line)


# The dash after an item's date written as a hyphen ("március 15. - ..."), as many pages write it (the 2006
# copies of 1956 among them); the dashes inside the text too.
hyphen_dashes = each_item(lambda _, line: line.replace(" – ", " - "))
# Every labelled item indented by a tab, as a copy that keeps a nested list's indentation writes the items
# under a date alone.
indented_items = each_item(lambda _, line: "\t" + line)


def blank_lines_for_headings(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """A blank line where each section heading was: an export that drops the heading and keeps its line."""
    headed, origin = with_headings(lines, gold, wiki=False)
    return ["" if number == 0 else line for line, number in zip(headed, origin, strict=True)], origin


def _insert_above_items(
    lines: Sequence[str], gold: Sequence[dict[str, object]], first: Sequence[str], middle: Sequence[str]
) -> tuple[list[str], list[int]]:
    """The lines with ``first`` inserted above the file's first labelled item and ``middle`` above its middle
    one (the same item when there is one), each inserted line numbered 0."""
    labelled = sorted(int(item["line"]) for item in gold)  # type: ignore[call-overload]
    above: dict[int, list[str]] = {}
    if labelled:
        for number, extra in ((labelled[0], first), (labelled[len(labelled) // 2], middle)):
            above.setdefault(number, []).extend(extra)
    out: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        inserted = above.get(number, [])
        out += [*inserted, line]
        origin += [*[0] * len(inserted), number]
    return out, origin


def dump_pictures(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """A picture above each file's first item and another above its middle labelled item, as a copy of a
    static dumps' page writes a thumbnail: the image's text, the enlarge link (``Nagyít``), and the caption
    again over two lines. The caption holds a date and reads like an event."""
    picture = ["A város látképe, május 8.(korabeli rézmetszet)", "Nagyít", "A város látképe, május 8.", "(korabeli rézmetszet)"]
    return _insert_above_items(lines, gold, picture, picture)


def republished_copy(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """A re-publishing site's copy (wikiwand.com's): its "Remove ads" line above each file's first item and
    its middle labelled item, and a picture's placeholder ("Thumb") with its caption, a sentence that holds
    a date, above the first."""
    first = ["Remove ads", "Thumb", "A város látképe egy május 8-án készült metszeten."]
    return _insert_above_items(lines, gold, first, ["Remove ads"])


def page_head_and_footer(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The page's head above each year article (the skin's links, the reviewed page's badge, the site's
    tagline, the calendars' table without its borders, the centuries' navigation) and the static dumps'
    attribution below the file's last line, as a copy of the page holds them."""
    out: list[str] = []
    origin: list[int] = []
    language = detect_language(lines)
    for number, line in enumerate(lines, start=1):
        if language.starts_year_article(line) and line.startswith("Évtizedek:"):
            head = [
                "Ugrás a navigációhoz Ugrás a kereséshez",
                "Ellenőrzött",
                "A Wikipédiából, a szabad lexikonból.",
                "1250 más naptárakban",
                "Gergely-naptár1250",
                "Bizánci naptár6758 – 6759",
                "Dzsucse-naptárN/A",
                "Hindu naptárak",
                "Japán naptár1910 (Jimmu-korszak)",
                "Örmény naptár699",
                "ԹՎ ՈՂԹ",
                "Évszázadok: 12. század – 13. század – 14. század",
            ]
            out += head
            origin += [0] * len(head)
        out.append(line)
        origin.append(number)
    return [*out, "Based on work by Tgr and Anonymous user(s) of Wikipedia."], [*origin, 0]


def table_of_contents(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The page's table of contents under the navigation of each year article ("Tartalomjegyzék", "1
    Események", "1.1 Határozatlan dátumú események", "2 Születések", ...), as a copy of the page keeps it."""
    contents = [
        "Tartalomjegyzék",
        "[elrejtés]",
        "1 Események",
        "1.1 Határozatlan dátumú események",
        "2 Születések",
        "3 Halálozások",
        "4 Jegyzetek",
    ]
    out: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        out.append(line)
        origin.append(number)
        if line.startswith("Évek:"):
            out += contents
            origin += [0] * len(contents)
    return out, origin


def current_page_footer(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The end of a current page below the file's last line: the box of the sister project's media, the
    categories, the last edit's date, the licence and the site's links, as a copy of hu.wikipedia.org's page
    keeps them."""
    footer = [
        "A Wikimédia Commons tartalmaz témába vágó médiaállományokat.",
        "Kategória: Évek",
        "A lap utolsó módosítása: 2024. június 5., 14:27",
        "A lap szövege Creative Commons Nevezd meg! – Így add tovább! 4.0 licenc alatt van; egyes esetekben más "
        "módon is felhasználható. Részletekért lásd a felhasználási feltételeket.",
        "Adatvédelmi irányelvek",
        "A Wikipédiáról",
        "Jogi nyilatkozat",
        "Fejlesztők",
        "Statisztikák",
        "Mobil nézet",
    ]
    return [*lines, *footer], [*_numbered(lines), *[0] * len(footer)]


def month_headings(capitalised: bool) -> CopyForm:
    """The section headings put back and, inside a section, each month's heading above its first item, as
    the current pages of modern years write them ("Január", then "január 1. – ..."; a copy that lost the
    heading's markup may keep it in lower case, "január"), and the undated events after the dated ones under
    their heading ("Határozatlan dátumú események"). A section that lists undated people gets no month
    headings: its undated people would stand under the last month's, which no page writes."""

    def copy(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
        headed, origin = with_headings(lines, gold, wiki=False)
        if detect_language(lines).code != "hu":
            return headed, origin
        item_of = {int(item["line"]): item for item in gold}  # type: ignore[call-overload]
        undated_people = {str(item["table"]) for item in gold if item["table"] != "events" and item["month"] is None}
        out: list[str] = []
        numbers: list[int] = []
        table, month, undated_heading = None, None, False
        for index, (line, number) in enumerate(zip(headed, origin, strict=True)):
            # the item this line opens: a labelled item, or a date alone above the items it dates
            item = item_of.get(number)
            if item is None and number and _date_alone("hu", line):
                item = next((item_of[n] for n in origin[index + 1 :] if n in item_of), None)
            if item is not None:
                if item["table"] != table:
                    table, month, undated_heading = item["table"], None, False
                if item["month"] is None:
                    if table == "events" and month is not None and not undated_heading:
                        out.append("Határozatlan dátumú események")
                        numbers.append(0)
                        undated_heading = True
                elif item["month"] != month and table not in undated_people:
                    name = MONTH_NAMES[int(item["month"])]  # type: ignore[call-overload]
                    out.append(name.capitalize() if capitalised else name)
                    numbers.append(0)
                    month = item["month"]
            out.append(line)
            numbers.append(number)
        return out, numbers

    return copy


def edit_links_wrapped(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """A copy of a current desktop page as a browser writes it to text: the section and month headings kept,
    each heading's edit link wrapped onto the start of the line after it ("Események", "[szerkesztés]Január",
    "[szerkesztés]- január 1."), every item and date alone with its list bullet ("- ")."""
    headed, origin = month_headings(capitalised=True)(lines, gold)
    labelled = _labelled_lines(gold)
    language = detect_language(lines).code
    out: list[str] = []
    after_heading = False
    for line, number in zip(headed, origin, strict=True):
        text = f"- {line}" if number in labelled or (number and _date_alone(language, line)) else line
        out.append(f"[szerkesztés]{text}" if after_heading else text)
        after_heading = number == 0
    return out, list(origin)


def decades_line_lost(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The navigation without its decades' line (``Évtizedek: ...``), as a copy that drops a row of the
    navigation's box writes it: the years' window (``Évek: ...``) opens the article."""
    kept = [(line, number) for number, line in enumerate(lines, start=1) if not line.startswith("Évtizedek:")]
    return [line for line, _ in kept], [number for _, number in kept]


def navigation_lost(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """The navigation's box lost, the page's title left above the list in its place (the year alone on its
    line), as a copy that drops the box writes it: the file's name and the title are what name the year."""
    out: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("Évek:"):
            out.append(str(read_window(line)[0]))
            numbers.append(0)
        elif not line.startswith(("Évtizedek:", "Évszázadok:")):
            out.append(line)
            numbers.append(number)
    return out, numbers


def portrait_captions(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
    """A portrait among the people, as a browser's copy of a current page writes its caption on a line of its
    own: the person's name and the year the picture was taken ("Kiss Anna 2010-ben"), above every other
    labelled person of an article."""
    people = {int(item["line"]): str(item["name"]) for item in gold if item["table"] != "events" and item["name"]}  # type: ignore[call-overload]
    out: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(lines, start=1):
        if number in people and len(out) % 2 == 0:
            out.append(f"{people[number]} 2010-ben")
            numbers.append(0)
        out.append(line)
        numbers.append(number)
    return out, numbers


def one_heading_kept(table: str) -> CopyForm:
    """The section headings put back, then all but the one of ``table`` dropped: a copy that lost some of its
    headings and kept one, which no copy seen writes (the model takes a source to keep all its headings or
    none: a section no heading opens where another is kept costs evidence, ``SectionCosts.unheaded_section``)."""

    def copy(lines: Sequence[str], gold: Sequence[dict[str, object]]) -> tuple[list[str], list[int]]:
        headed, origin = with_headings(lines, gold, wiki=False)
        kept = detect_language(lines).section_headings[table]
        pairs = [(line, number) for line, number in zip(headed, origin, strict=True) if number != 0 or line == kept]
        return [line for line, _ in pairs], [number for _, number in pairs]

    return copy


COPY_FORMS: dict[str, tuple[str, CopyForm]] = {
    "navigation glued": ("the navigation's links with nothing between them (`Évek: 12691270...`)", glued_navigation),
    "edit links, dumps": ("headings kept, each with its edit link before it (`[szerkesztés] Születések`)", headings_with_edit_links("dump")),
    "edit links, mobile": ("headings kept, the edit link's text glued on (`Születésekszerkesztés`)", headings_with_edit_links("mobile")),
    "edit links, own lines": ("headings kept, each edit link on a line of its own (`Születések`, then `szerkesztés`)", edit_links_on_their_own_lines),
    "reference marks": ("a reference mark after every item (`... († 1901)[4]`)", reference_marks),
    "list bullets": ("a bullet before every item (`• március 15. – ...`)", list_bullets("• ")),
    "hyphen dashes": ("every dash of an item written as a hyphen (`március 15. - ...`), as many pages write the date's dash", hyphen_dashes),
    "indented items": ("every item indented by a tab, as a copy keeping a nested list's indentation writes the items under a date alone", indented_items),
    "table of contents": ("the table of contents under the navigation (`Tartalomjegyzék`, `1 Események`, ...)", table_of_contents),
    "blank lines for headings": ("a blank line where each section heading was", blank_lines_for_headings),
    "current page footer": ("the media box, the categories, the last edit's date, the licence and the site's links at the end (`A lap utolsó módosítása: ...`)", current_page_footer),
    "pictures of the dumps": ("a picture's text, its enlarge link and its caption among the items (`Nagyít`)", dump_pictures),
    "a re-publishing site's copy": ("the site's own lines among the items (`Remove ads`) and a picture's placeholder with its caption (`Thumb`)", republished_copy),
    "month headings": ("headings kept, and a month's heading above its first item in each section (`Január`), the undated events under theirs (`Határozatlan dátumú események`)", month_headings(capitalised=True)),
    "month headings, lower case": ("as `month headings`, the month's heading in lower case as a copy without the heading's markup writes it (`január`)", month_headings(capitalised=False)),
    "edit links wrapped": ("headings and month headings kept, each heading's edit link at the start of the line after it (`[szerkesztés]Január`, `[szerkesztés]- január 1.`), every item with its bullet, as a browser writes a current page to text", edit_links_wrapped),
    "decades' line lost": ("the navigation without its decades' line (`Évtizedek: ...`), its years' window (`Évek: ...`) opening the article", decades_line_lost),
    "navigation lost": ("the navigation's box lost, the page's title (the year alone) in its place; a file of several articles (the seed's) has nothing left to split them by", navigation_lost),
    "portraits' captions": ("a portrait's caption above every other person, the name and the year the picture was taken (`Kiss Anna 2010-ben`), as a browser's copy of a current page writes it", portrait_captions),
    "page head and footer": ("the skin's links, the tagline, the calendars' table without its borders (`Gergely-naptár1250`) and the centuries' line above each article, the dumps' attribution at the end", page_head_and_footer),
    "events heading alone": ("of the headings only `Események` kept, as no copy seen writes it (a source keeps all its headings or none, the model takes it: an unheaded births or deaths section costs evidence)", one_heading_kept("events")),
    "births heading alone": ("of the headings only `Születések` kept (the same: the deaths after it with no heading cost evidence)", one_heading_kept("births")),
    "deaths heading alone": ("of the headings only `Halálozások` kept (the same)", one_heading_kept("deaths")),
}  # fmt: skip


def score_copy_form(form: CopyForm, sets: Iterable[str]) -> tuple[Score, Score]:
    """The records of the sets' files as exported, and in the copy's form."""
    exported, copied = Score(), Score()
    for name in sets:
        folder, raw, _ = LABELLED_SETS[name]
        for gold_path, raw_path in labelled_files(folder, raw):
            gold = read_gold(gold_path)
            lines = raw_path.read_text(encoding="utf-8").splitlines()
            exported.add(score_file(raw_path.name, lines, _numbered(lines), gold))
            copied.add(score_file(raw_path.name, *form(lines, gold), gold))
    return exported, copied


def render_copy_forms(sets: Sequence[str]) -> list[str]:
    out = [
        "## Copies of the page",
        "",
        "The export is plain text, one list item per line, but a copy of the page may write what it keeps",
        "otherwise. Every Hungarian labelled set of year articles, made into each form below: the records expected",
        "are the labelled ones. (Each form is made from the export, so `as exported` is the figure to compare.)",
        "",
        "| form | what the copy holds | records | fully right | as exported |",
        "|---|---|---:|---:|---:|",
    ]
    for name, (description, form) in COPY_FORMS.items():
        exported, copied = score_copy_form(form, sets)
        out.append(
            f"| {name} | {description} | {copied.records} | {_percent(copied.fully_right, copied.records)} "
            f"| {_percent(exported.fully_right, exported.records)} |"
        )
    return out


def run_all(sets: Iterable[str] | None = None) -> dict[str, dict[str, Score]]:
    chosen = list(sets) if sets else [name for name, (folder, _, _) in LABELLED_SETS.items() if (folder / "gold").is_dir()]
    return {name: score_set(*LABELLED_SETS[name][:2]) for name in chosen}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/accuracy.md is not up to date")
    args = parser.parse_args(argv)
    from benchmarks.fit import leave_one_out, leave_one_set_out  # (fit reads this module's sets)

    timeline = {name: score_timeline(*TIMELINE_SETS[name][:2]) for name in TIMELINE_SETS}
    loo = leave_one_out()
    results = run_all()
    hungarian = [name for name in LABELLED_SETS if not name.startswith("en-")]
    cuts = score_cuts([name for name in hungarian if name != "seed"])
    short = score_short([name for name in hungarian if name != "seed"])
    sections = [
        render(results),
        "\n".join(render_leave_one_out(loo.scores, len(loo.refitted))),
        "\n".join(render_leave_one_set_out(leave_one_set_out())),
        "\n".join(render_first_runs(results)),
        "\n".join(render_cuts(cuts)),
        "\n".join(render_short(short)),
        "\n".join(render_doubt(results, loo.scores, cuts, short)),
        "\n".join(render_timeline(timeline)),
        "\n".join(render_lines({name: score_lines(path) for name, (path, _) in LINE_SETS.items()})),
        "\n".join(render_copy_forms(hungarian)),
    ]
    report = "\n\n".join(section.strip("\n") for section in sections) + "\n"
    if args.check:
        current = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
        if current != report:
            print("docs/accuracy.md is stale: run python -m benchmarks.accuracy", file=sys.stderr)
            return 1
        return 0
    REPORT.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
