"""The release's own README, data licence and citation file."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import yaml

from evkonyv.escaping import controls, markdown
from evkonyv.parsing.language import LANGUAGES
from evkonyv.vocabulary import QUALITY_FLAGS

LICENSE_NAME = "CC-BY-SA-4.0"
LICENSE_TITLE = "Creative Commons Attribution-ShareAlike 4.0 International"
LICENSE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
# The Wikipedias a release may be read from: one per language the parse reads, by its code, in that order.
WIKIPEDIAS = {code: language.name for code, language in LANGUAGES.items()}


@dataclass(frozen=True)
class SourceFile:
    name: str
    sha256: str
    encoding: str
    language: str = "hu"  # the code of the language the file was read in


@dataclass(frozen=True)
class SourceArticle:
    title: str
    kind: str
    language: str = "hu"

    @property
    def url(self) -> str:
        host = f"https://{self.language}.wikipedia.org"
        if self.kind == "year":
            return f"{host}/wiki/{urllib.parse.quote(self.title)}"
        # a prose title is read from the first sentence: search finds the page it names
        return f"{host}/w/index.php?search=" + urllib.parse.quote_plus(self.title)

    @property
    def wikipedia(self) -> str:
        return f"{WIKIPEDIAS[self.language]} Wikipedia"


def source_articles(articles: pd.DataFrame, sources: Sequence[SourceFile] = ()) -> list[SourceArticle]:
    """The published articles, each with the language its file was read in (``sources``; Hungarian for
    a file not among them)."""
    published = articles[articles["duplicate_of"].isna()]
    language = {source.name: source.language for source in sources}
    return sorted(
        {
            SourceArticle(str(row.title), str(row.kind), language.get(str(row.source_file), "hu"))
            for row in published.itertuples(index=False)
        },
        key=lambda a: (list(WIKIPEDIAS).index(a.language), a.kind != "year", a.title),
    )


def _codes(articles: Sequence[SourceArticle]) -> list[str]:
    """The languages of the articles, in :data:`WIKIPEDIAS` order (Hungarian when there are none)."""
    present = {article.language for article in articles} or {"hu"}
    return [code for code in WIKIPEDIAS if code in present]


def wikipedia(articles: Sequence[SourceArticle]) -> str:
    """The Wikipedias the articles come from, named: "Hungarian Wikipedia", "Hungarian and English Wikipedia"."""
    return " and ".join(WIKIPEDIAS[code] for code in _codes(articles)) + " Wikipedia"


def hosts(articles: Sequence[SourceArticle]) -> str:
    return ", ".join(f"{code}.wikipedia.org" for code in _codes(articles))


def title(articles: Sequence[SourceArticle]) -> str:
    return f"evkonyv: events, births and deaths from {wikipedia(articles)} year articles"


TITLE = title([])  # the title of a release read from Hungarian articles alone


def license_data(articles: Sequence[SourceArticle], sources: Sequence[SourceFile]) -> str:
    lines = [
        f"Data licence: {LICENSE_TITLE} ({LICENSE_NAME})",
        f"{LICENSE_URL}legalcode",
        "",
        "Applies to every table of this release (*.parquet, *.csv) and the text in it.",
        "",
        "Source and attribution",
        f"  Adapted from these articles of the {wikipedia(articles)} ({hosts(articles)}), written by their",
        "  contributors (see the history of each article):",
        *(f"    - {controls(a.title)}: {a.url}" for a in articles),
        "  Raw exports read (plain text, SHA-256):",
        *(f"    - {controls(s.name)}: {s.sha256}" for s in sources),
        "",
        "Changes made",
        "  The exported text was split into articles, parsed, classified and restructured into tables of",
        "  events, births and deaths, and a timeline of the prose articles' dated statements (each with its",
        "  sentence); no text was rewritten beyond cutting dates and names from it.",
        "",
        "You may share and adapt the data, also commercially, if you give appropriate credit (name the",
        "Wikipedia articles above and link to this licence), indicate changes, and distribute your",
        f"contributions under the same licence ({LICENSE_NAME}). No warranties are given.",
    ]
    return "\n".join(lines) + "\n"


def citation(version: str, released: dt.date | None, articles: Sequence[SourceArticle]) -> str:
    """CITATION.cff, written by a YAML writer: any title (quotes, colons) stays valid YAML."""
    wikipedians = f"Contributors of the {wikipedia(articles)}"
    document: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": f"If you use this data, please cite it and the {wikipedia(articles)} articles it comes from.",
        "type": "dataset",
        "title": title(articles),
        "version": version,
        **({"date-released": released.isoformat()} if released else {}),
        "license": LICENSE_NAME,
        "authors": [{"name": "evkonyv"}, {"name": wikipedians}],
        "references": [
            {
                "type": "encyclopedia",
                "title": article.title,
                "authors": [{"name": wikipedians}],
                "publisher": {"name": "Wikimedia Foundation"},
                "url": article.url,
                "license": LICENSE_NAME,
            }
            for article in articles
        ],
    }
    # libyaml's safe dumper when PyYAML was built with it (the wheels are): the same text, five times faster
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump(document, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return text


def _flag_list() -> str:
    return "\n".join(f"- `{flag}`: {meaning}" for flag, meaning in QUALITY_FLAGS.items())


def readme(version: str, rows: Mapping[str, int], zip_name: str, articles: Sequence[SourceArticle]) -> str:
    titles = ", ".join(markdown(a.title) for a in articles)
    return f"""# {title(articles)}

Release {version}. Tables read from the {wikipedia(articles)} articles {titles}: the historical
events, births and deaths of the year articles, and a timeline of the dated statements of the prose
articles; each row traceable to the line of the raw export it came from.

## Files

| file | rows | one row per |
|---|---:|---|
| `events.parquet`, `events.csv` | {rows["events"]} | event of the year (chronology, undated and topical items) |
| `births.parquet`, `births.csv` | {rows["births"]} | person born in the year |
| `deaths.parquet`, `deaths.csv` | {rows["deaths"]} | person who died in the year |
| `timeline.parquet`, `timeline.csv` | {rows["timeline"]} | date expression in a prose article, with its date and sentence |
| `articles.parquet` | {rows["articles"]} | article occurrence in the raw exports, with `duplicate_of` |
| `source_lines.parquet` | {rows["source_lines"]} | raw line, with its role and the ids of its records |
| `quarantine.parquet` | {rows["quarantine"]} | line that could not be read, with the reason |

Also: `datapackage.json` (Frictionless descriptor with every column's type, constraints and
description), `quality.md` (quality report and errata for the source articles), `CHANGELOG.md`,
`SHA256SUMS` (check with `sha256sum -c SHA256SUMS`), `index.html` (this release as a page),
`evkonyv.sqlite` (every table in one SQLite database, with keys, indexes and full-text search), and
`{zip_name}` (the CSVs with this README, the licence and a CSV-only descriptor).

## Loading

pandas:

```python
import pandas as pd
events = pd.read_parquet("events.parquet")          # nullable integers stay integers
```

polars:

```python
import polars as pl
events = pl.read_parquet("events.parquet")
```

DuckDB:

```sql
SELECT year, month, count(*) FROM 'events.parquet' GROUP BY ALL ORDER BY ALL;
```

SQLite, or a browser: `evkonyv browse --output DIR` serves `evkonyv.sqlite` with Datasette at
http://127.0.0.1:8001 (read-only: filter, facet, full-text search, SQL); `datasette evkonyv.sqlite` does
too. Dates are ISO text there, lists JSON arrays; each table `T` with text has a full-text index `T_fts`:

```sql
SELECT name, year FROM deaths WHERE rowid IN (SELECT rowid FROM deaths_fts WHERE deaths_fts MATCH 'Gottwald');
```

A spreadsheet: open `events.csv` (UTF-8, comma-separated, a header row). Text that a spreadsheet would
run as a formula starts with an apostrophe in the CSV files only; `quality_flags` is a `;`-joined list
there.

## Caveats

- Dates are often partial. `year`, `month`, `day` say what the line says; `date_earliest` and
  `date_latest` give the interval the date is known to lie in, and `date_precision` says which case
  it is (day, day_range, month, season, approximate, year, invalid).
- Undated items inside the chronology take the interval between their dated neighbours (flag
  `date_inferred_from_neighbours`); other undated items take the whole year (flag `undated`).
- The sections (events, births, deaths) are inferred from the structure of the articles, whose
  headings the export lost; names are split from descriptions by rule. `quality.md` lists the
  anomalies met.
- `record_id` is stable: it depends on the article and the text of the item, not on its file or line.
- The timeline reads the prose articles as a careful reader does: a date without its year takes the
  narrative's year (the article's main year, moved by an explicit date that opens a sentence), a day
  alone and "Másnap", "ugyanezen a napon" count from the date before them; `date_basis` says which
  case a row is, `date_relation` what the statement does at the date (on, from, until, by, since,
  after, before), and `attributive` marks a date that qualifies a noun ("az október 23-i tüntetés")
  rather than the sentence's action. `char_start`/`char_end` locate the expression in its line;
  further reading and links at the end of an article give no rows (role `citation` in `source_lines`).

## Quality flags

The `quality_flags` column lists what is unusual about a record's source line or its reading:

{_flag_list()}

## Licence and citation

The data is adapted from the {wikipedia(articles)} and shared under {LICENSE_TITLE}: see
`LICENSE-DATA` for the attribution and the terms, and `CITATION.cff` for how to cite this release.
"""
