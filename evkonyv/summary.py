"""The end-of-run summary: rows per table, quarantined lines, duplicates removed."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from evkonyv.parsing.parse import contested_years
from evkonyv.parsing.records import OUT_OF_ORDER
from evkonyv.schemas.tables import RECORD_TABLES
from evkonyv.tables.build import ParsedTables


@dataclass(frozen=True)
class RunSummary:
    output: str
    version: str
    rows: dict[str, int]
    records_by_article: dict[str, dict[str, int]]
    quarantined_lines: int
    duplicates_removed: int
    line_roles: dict[str, int]
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def markdown(self) -> str:
        lines = [
            f"# evkonyv release {self.version} in {self.output}",
            "",
            "| table | rows |",
            "|---|---:|",
            *(f"| {table} | {count} |" for table, count in self.rows.items()),
            "",
            "| article | events | births | deaths |",
            "|---|---:|---:|---:|",
            *(
                f"| {article} | {counts.get('event', 0)} | {counts.get('birth', 0)} | {counts.get('death', 0)} |"
                for article, counts in self.records_by_article.items()
            ),
            "",
            f"- quarantined lines: {self.quarantined_lines}",
            f"- duplicate articles removed: {self.duplicates_removed}",
            "- raw lines by role: " + ", ".join(f"{role} {count}" for role, count in self.line_roles.items()),
            *(f"- warning: {warning}" for warning in self.warnings),
        ]
        return "\n".join(lines) + "\n"


def summarise(
    result: ParsedTables, tables: dict[str, pd.DataFrame], files: list[str], output: str, version: str, warnings: list[str]
) -> RunSummary:
    """The run's summary; ``warnings`` as the run gave them (:func:`run_warnings` and those of reading and publishing).
    The rows are counted in the validated ``tables`` (the parse's columns may be gone by then)."""
    by_article: dict[str, Counter[str]] = {}
    for kind, name in RECORD_TABLES.items():
        for article, count in Counter(tables[name]["article"]).items():
            by_article.setdefault(article, Counter())[kind] += count
    quarantine = tables["quarantine"]
    lines = zip(quarantine["source_file"], quarantine["source_line"], strict=True)
    return RunSummary(
        output=output,
        version=version,
        rows={name: len(frame) for name, frame in tables.items()},
        records_by_article={article: dict(counts) for article, counts in sorted(by_article.items())},
        quarantined_lines=len(set(lines)),
        duplicates_removed=len(result.duplicates),
        line_roles=dict(sorted(Counter(tables["source_lines"]["role"]).items())),
        files=files,
        warnings=list(warnings),
    )


def run_warnings(result: ParsedTables) -> list[str]:
    """What an operator should look at even though the run succeeded."""
    warnings = [f"{s.name}: encoding uncertain, read as {s.encoding}" for s in result.sources if s.encoding_uncertain]
    warnings += [
        f"{a.source_file}:{a.first_line}: year article {a.title} stops before its references (cut off?)"
        for a in result.articles
        if a.complete is False
    ]
    warnings += [
        f"{a.source_file}:{a.first_line}: year article whose year cannot be read ({a.problem}): "
        f"its {a.line_count} lines quarantined"
        for a in result.articles
        if a.kind == "year" and a.year is None
    ]
    warnings += [
        f"{a.source_file}:{a.first_line}: a chronology with no title, navigation or hatnote above it: read as "
        f"year {a.year}, the year its file's name names (its records flagged year_from_file_name)"
        for a in result.articles
        if a.year_from_file_name
    ]
    contested = contested_years(result.articles, result.duplicates)
    warnings += [
        f"{d.article_id}: {d.kind} duplicate of {d.original_id} not published"
        for d in result.duplicates
        if d.kind != "exact" and d.article_id not in contested
    ]
    warnings += [f"{article_id}: {reason}: its lines are quarantined" for article_id, reason in contested.items()]
    out_of_order: dict[tuple[str, str | None], list[int]] = {}
    quarantine = result.parts["quarantine"]
    rows = zip(
        *(quarantine.column(name).to_pylist() for name in ("source_file", "article", "source_line", "reason")), strict=True
    )
    for source_file, article, line, reason in rows:
        if reason.startswith(OUT_OF_ORDER):
            out_of_order.setdefault((source_file, article), []).append(line)
    warnings += [
        f"{file}:{lines[0]}: {len(lines)} lines of article {article} are {OUT_OF_ORDER} (after its Nobel Prize section): quarantined"
        for (file, article), lines in out_of_order.items()
    ]
    return warnings
