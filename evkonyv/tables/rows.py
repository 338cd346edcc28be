"""The parsed tables read row by row: a read-only view for those who look at a parse a line at a time
(the tests, the accuracy benchmark).

The pipeline holds and publishes columns (:class:`~evkonyv.tables.build.ParsedTables`); nothing here
parses, it only reads those columns back. A row is an object with an attribute per column; a record
row also has its ``kind`` (``"event"``, ``"birth"``, ``"death"``: the table it is in), its other life
year as ``other_year`` / ``other_month`` / ``other_day`` (a birth's death, a death's birth), and, as
every dated row, its date's columns gathered as ``date`` (``date.month``, ``date.precision``, ...); a
column of one record table only (a person's ``name``) is None on the rows of the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pyarrow

from evkonyv.schemas.tables import RECORD_TABLES
from evkonyv.tables.build import ParsedTables
from evkonyv.tables.columns import DATE_COLUMNS

_OTHER_LIFE = {"event": None, "birth": "death", "death": "birth"}


def table_rows(table: pyarrow.Table, **extra: Any) -> list[SimpleNamespace]:
    """Each row of ``table`` as an object of its columns (lists as tuples), with ``extra`` attributes; a
    table with date columns gets each row's ``date`` too."""
    rows = []
    for values in table.to_pylist():
        row = {name: tuple(value) if isinstance(value, list) else value for name, value in values.items()}
        if "date_precision" in row:
            row["date"] = SimpleNamespace(**{part: row[column] for column, part in DATE_COLUMNS.items()})
        rows.append(SimpleNamespace(**row, **extra))
    return rows


@dataclass
class ParsedRows:
    """A parse's tables as rows, each table in the order it is published: file by file (in the order
    the files were given), then by line and segment."""

    tables: ParsedTables
    records: list[SimpleNamespace]
    timeline: list[SimpleNamespace]
    roles: list[SimpleNamespace]
    quarantined: list[SimpleNamespace]

    @classmethod
    def of(cls, tables: ParsedTables) -> ParsedRows:
        order = {source.name: index for index, source in enumerate(tables.sources)}
        # (a column of one record table only, such as a person's name, is None on the others' rows)
        columns = dict.fromkeys(name for table in RECORD_TABLES.values() for name in tables.parts[table].column_names)
        records = []
        for kind, name in RECORD_TABLES.items():
            for row in table_rows(tables.parts[name], kind=kind):
                for column in columns:
                    if not hasattr(row, column):
                        setattr(row, column, None)
                other = _OTHER_LIFE[kind]
                for part in ("year", "month", "day"):
                    setattr(row, f"other_{part}", getattr(row, f"{other}_{part}") if other else None)
                records.append(row)
        records.sort(key=lambda r: (order[r.source_file], r.source_line, r.source_segment))
        return cls(
            tables,
            records,
            table_rows(tables.parts["timeline"]),
            table_rows(tables.parts["source_lines"]),
            table_rows(tables.parts["quarantine"]),
        )

    @property
    def sources(self) -> list[Any]:
        return list(self.tables.sources)

    @property
    def articles(self) -> list[Any]:
        return list(self.tables.articles)

    @property
    def duplicates(self) -> list[Any]:
        return list(self.tables.duplicates)
