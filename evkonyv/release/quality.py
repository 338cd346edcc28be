"""The quality report (quality.md) and the events-per-month chart (SVG)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import cast

import pandas as pd

from evkonyv.escaping import markdown
from evkonyv.parsing.language import DEFAULT
from evkonyv.schemas.tables import RECORD_TABLES as TABLE_OF_KIND
from evkonyv.vocabulary import BASES, ERRATA_FLAGS, PRECISIONS, QUALITY_FLAGS, TIMELINE_PRECISIONS

# The chart's month labels: the default language's (evkonyv/parsing/data/chart_months.txt).
MONTH_LABELS = DEFAULT.month_labels
CHART_FILE = "events-per-month.svg"
RECORD_TABLES = tuple(TABLE_OF_KIND.values())  # events, births, deaths


@dataclass(frozen=True)
class _Code:
    """A table cell of the report's own Markdown (a flag in backticks), not escaped."""

    code: str


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    def cell(value: object) -> str:
        return value.code if isinstance(value, _Code) else markdown(str(value))

    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(cell(v) for v in row) + " |" for row in rows),
    ]


def _excerpt(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def errata(tables: Mapping[str, pd.DataFrame]) -> list[tuple[str, str, str, int, str]]:
    """(flag, article, source_file, source_line, excerpt) of every record with a source fault.

    The flags are exploded and filtered as columns; only the few rows with a fault are read one by one.
    """
    found = []
    for name in (*RECORD_TABLES, "timeline"):
        frame = tables[name]
        flags = frame["quality_flags"].explode()
        for position, flag in flags[flags.isin(ERRATA_FLAGS)].items():
            row = cast(pd.Series, frame.loc[cast(int, position)])  # (one row: the index is unique)
            if name == "timeline":
                text = row["sentence"]
            else:
                text = f"{row['date_text'] if isinstance(row['date_text'], str) else ''} {row['text']}"
            found.append((str(flag), row["article"], row["source_file"], int(row["source_line"]), _excerpt(text.strip())))
    return sorted(found, key=lambda item: (ERRATA_FLAGS.index(item[0]), item[2], item[3]))


def timeline_section(timeline: pd.DataFrame, source_lines: pd.DataFrame) -> list[str]:
    """Rows of the timeline by article, how their dates were found and how precise they are."""
    out = [f"## Timeline of the prose articles ({len(timeline)} dated statements)", ""]
    prose = source_lines[source_lines["role"].isin(["timeline", "prose", "citation"])]
    if prose.empty:
        return [*out, "No prose article was published."]
    lines = prose.groupby(["article", "role"]).size()
    rows = timeline.groupby("article").size()
    out += _table(
        ["article", "rows", "lines with rows", "lines without a date", "end-matter lines"],
        [
            (
                article,
                int(rows.get(article, 0)),
                *(int(lines.get((article, role), 0)) for role in ("timeline", "prose", "citation")),
            )
            for article in sorted(prose["article"].dropna().unique())
        ],
    )
    out += ["", "How the dates were found (`date_basis`) and how precise they are (`date_precision`):", ""]
    mix = timeline.groupby(["date_precision", "date_basis"]).size()
    out += _table(
        ["precision", *BASES],
        [(p, *(int(mix.get((p, b), 0)) for b in BASES)) for p in TIMELINE_PRECISIONS if p in set(timeline["date_precision"])],
    )
    attributive = int(timeline["attributive"].sum())
    out += ["", f"{attributive} of the rows are attributive (a date that qualifies a noun, `attributive`)."]
    return out


# Up to this many quarantined lines are listed one by one. Beyond it (a file of another export format, a
# run of unreadable articles) the report counts them by reason and lists the first ones: quarantine.parquet
# holds them all. (Listed whole, 264,000 quarantined lines made a report of 50 MB that took 440 MiB to write.)
QUARANTINE_LISTED = 1000


def quarantine_section(quarantine: pd.DataFrame) -> list[str]:
    out = [f"## Quarantined lines ({len(quarantine)})", ""]
    if not len(quarantine):
        return [*out, "None: every line was read."]
    if len(quarantine) > QUARANTINE_LISTED:
        counts = quarantine["reason"].astype(object).value_counts(sort=False)
        by_reason = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        out += [f"{len(quarantine)} lines in {len(by_reason)} reasons; every one is in `quarantine.parquet`.", ""]
        out += _table(
            ["reason", "lines"], [(_excerpt(str(reason), 200), int(count)) for reason, count in by_reason[:QUARANTINE_LISTED]]
        )
        out += ["", f"The first {QUARANTINE_LISTED}:", ""]
        quarantine = quarantine.head(QUARANTINE_LISTED)
    out += _table(
        ["source", "article", "reason", "text"],
        [
            (f"{q.source_file}:{q.source_line}", q.article or "", q.reason, _excerpt(str(q.text)))
            for q in quarantine.itertuples(index=False)
        ],
    )
    return out


def quality_report(tables: Mapping[str, pd.DataFrame], version: str, warnings: Sequence[str]) -> str:
    out = [f"# Quality report, release {version}", "", "## Rows per table", ""]
    out += _table(["table", "rows"], [(name, len(frame)) for name, frame in tables.items()])

    out += ["", "## Records per article", ""]
    counts = {name: tables[name].groupby("article").size() for name in RECORD_TABLES}
    articles = sorted(set().union(*(set(c.index) for c in counts.values())))
    out += _table(["article", *RECORD_TABLES], [(a, *(int(counts[n].get(a, 0)) for n in RECORD_TABLES)) for a in articles])

    out += ["", "## Date precision", ""]
    mix = {name: tables[name]["date_precision"].value_counts() for name in RECORD_TABLES}
    out += _table(["precision", *RECORD_TABLES], [(p, *(int(mix[n].get(p, 0)) for n in RECORD_TABLES)) for p in PRECISIONS])

    out += ["", *timeline_section(tables["timeline"], tables["source_lines"])]

    out += ["", *quarantine_section(tables["quarantine"])]

    duplicates = tables["articles"][tables["articles"]["duplicate_of"].notna()]
    out += ["", f"## Duplicate articles removed ({len(duplicates)})", ""]
    if len(duplicates):
        out += _table(
            ["occurrence", "title", "duplicate of", "kind", "similarity"],
            [(d.article_id, d.title, d.duplicate_of, d.duplicate_kind, d.similarity) for d in duplicates.itertuples(index=False)],
        )
    else:
        out.append("None.")

    out += ["", *doubtful_section(tables)]

    found = errata(tables)
    out += ["", f"## Errata for the source articles ({len(found)})", ""]
    out.append("Faults in the Wikipedia articles themselves, found while reading them; fixing them there helps every reader.")
    out.append("")
    if found:
        out += _table(
            ["fault", "article", "source", "text"],
            [(_Code(f"`{flag}`"), article, f"{file}:{line}", text) for flag, article, file, line, text in found],
        )
        out += ["", "Faults:", "", *(f"- `{flag}`: {QUALITY_FLAGS[flag]}" for flag in ERRATA_FLAGS)]
    else:
        out.append("None found.")

    out += ["", "## Warnings", ""]
    out += [f"- {markdown(warning)}" for warning in warnings] or ["None."]
    out += ["", "## Events per month", "", f"![Events per month and year]({CHART_FILE})", ""]
    return "\n".join(out)


# Records listed one by one under "Placed on weak evidence"; the rest are counted.
DOUBTFUL_LISTED = 100


def doubtful_section(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The records flagged ``section_inferred``: their table was inferred, and a near-tie would change it."""
    rows = []
    for name in RECORD_TABLES:
        frame = tables[name]
        flagged = frame[frame["quality_flags"].map(lambda flags: "section_inferred" in flags)]
        for row in flagged.itertuples(index=False):
            rows.append((name, row.article, f"{row.source_file}:{row.source_line}", _excerpt(str(row.text))))
    rows.sort(key=lambda row: (row[1], row[2]))
    out = [f"## Placed on weak evidence ({len(rows)})", ""]
    out.append(f"`section_inferred`: {QUALITY_FLAGS['section_inferred']}. Filter them with this flag.")
    out.append("")
    if rows:
        out += _table(["table", "article", "source", "text"], rows[:DOUBTFUL_LISTED])
        if len(rows) > DOUBTFUL_LISTED:
            out += ["", f"... and {len(rows) - DOUBTFUL_LISTED} more (every one carries the flag)."]
    else:
        out.append("None.")
    return out


def events_per_month_svg(events: pd.DataFrame) -> str:
    """A heat map: one row per year, one column per month, the count of events in each cell.

    Events with no month (undated, seasons, approximate) have a column of their own.
    """
    return "".join(events_per_month_svg_rows(events))


def events_per_month_svg_rows(events: pd.DataFrame) -> Iterator[str]:
    """:func:`events_per_month_svg` a year at a time (its head, each year's row, its foot), to be written
    as it is made: thousands of years make megabytes of SVG."""
    cells = pd.DataFrame({"year": events["year"].astype("int64"), "month": events["month"].fillna(0).astype("int64")})
    counts = cells.value_counts(sort=False)
    keys = zip(counts.index.get_level_values(0).tolist(), counts.index.get_level_values(1).tolist(), strict=True)
    grid = dict(zip(keys, counts.tolist(), strict=True))
    years = sorted({year for year, _ in grid})
    columns = [*range(1, 13), 0]
    labels = [*MONTH_LABELS, "n/a"]
    cell, left, top = 34, 52, 28
    width, height = left + cell * len(columns) + 10, top + cell * max(len(years), 1) + 30
    peak = max(grid.values(), default=1)
    parts: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif" font-size="11" role="img" aria-labelledby="title">',
        '<title id="title">Events per month and year</title>',
    ]
    for column, label in enumerate(labels):
        parts.append(f'<text x="{left + column * cell + cell // 2}" y="{top - 8}" text-anchor="middle">{label}</text>')
    escaped = [escape(label) for label in labels]
    for row, year in enumerate(years):
        yield "".join(f"{part}\n" for part in parts)
        y = top + row * cell
        parts = [f'<text x="{left - 6}" y="{y + cell // 2 + 4}" text-anchor="end">{year}</text>']
        for column, month in enumerate(columns):
            count = grid.get((year, month), 0)
            shade = 245 - 185 * count // peak
            x = left + column * cell
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="rgb({shade},{shade},255)">'
                f"<title>{year} {escaped[column]}: {count}</title></rect>"
            )
            if count:
                fill = "white" if shade < 150 else "black"
                parts.append(
                    f'<text x="{x + (cell - 2) // 2}" y="{y + cell // 2 + 3}" text-anchor="middle" fill="{fill}">{count}</text>'
                )
    parts.append(f'<text x="{left}" y="{height - 8}">Events per month of each year; darker is more (at most {peak}).</text>')
    parts.append("</svg>")
    yield "".join(f"{part}\n" for part in parts)
