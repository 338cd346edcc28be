"""Words the stages share: the roles of raw lines and the precisions of dates.

The parser gives them, the schemas check them and the release describes them; all import them
from here (the quality flags, with their meanings, are in :mod:`evkonyv.quality_flags`).
"""

from __future__ import annotations

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
    "duplicate",
    "blank",
)

# How precisely a record's date is known, in date_precision.
PRECISIONS: tuple[str, ...] = ("day", "day_range", "month", "season", "approximate", "year", "invalid")
