"""Words the stages share: the roles of raw lines, the precisions of dates and the quality flags.

The parser gives them, the schemas check them and the release describes them; all import them
from here (the flags' meanings are kept in :mod:`evkonyv.quality_flags`, and re-exported here).
"""

from __future__ import annotations

from evkonyv.quality_flags import ERRATA_FLAGS, QUALITY_FLAGS

__all__ = [
    "BASES", "ERRATA_FLAGS", "PRECISIONS", "QUALITY_FLAGS", "RECORD_TABLES", "RELATIONS", "ROLES", "TIMELINE_PRECISIONS",
]  # fmt: skip

# The table each kind of record is published in.
RECORD_TABLES: dict[str, str] = {"event": "events", "birth": "births", "death": "deaths"}

# What a raw line is, in source_lines.role.
ROLES: tuple[str, ...] = (
    "record",
    "quarantine",
    "heading",
    "navigation",
    "reference",
    "nobel_intro",
    "nobel",
    "prose",
    "timeline",
    "citation",
    "duplicate",
    "blank",
)

# How precisely a record's date is known, in date_precision.
PRECISIONS: tuple[str, ...] = ("day", "day_range", "month", "season", "approximate", "year", "invalid")

# How precisely a timeline row's date is known: the record precisions a prose date can have, and the
# spans only prose writes ("november-decemberben", "1948–1953 közötti", "az 1970-es években", "20. századi").
TIMELINE_PRECISIONS: tuple[str, ...] = (
    "day", "day_range", "month", "month_range", "season", "approximate", "year", "year_range", "decade", "century",
)  # fmt: skip

# How the date of a timeline row was found, in date_basis.
BASES: tuple[str, ...] = ("explicit", "context_year", "context_month", "relative")
# What a timeline statement does at its date (the case ending or postposition of the expression), in date_relation.
RELATIONS: tuple[str, ...] = ("on", "from", "until", "by", "since", "after", "before")
