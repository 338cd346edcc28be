"""The line-accounting invariant: nothing read is lost, nothing is counted twice.

Every raw line of every input file has exactly one role; every line whose role is
``record`` maps to published records (``timeline``: to published timeline rows), every
``quarantine`` line to a quarantine row.
It is checked when the records are built and again on the tables about to be
published; a broken invariant fails the run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from evkonyv.errors import InvariantBroken

LineKey = tuple[str, int]


def check_accounting(
    line_counts: Mapping[str, int],
    roles: Iterable[tuple[str, int, str, Iterable[str]]],
    published_ids: set[str],
    quarantined_lines: set[LineKey],
) -> None:
    """``roles``: (source_file, line, role, record_ids) for every line given a role."""
    roles = list(roles)
    counts = Counter((file, line) for file, line, _, _ in roles)
    expected = {(file, number) for file, count in line_counts.items() for number in range(1, count + 1)}
    for problem, keys in (
        ("raw line has no role", sorted(expected - counts.keys())),
        ("raw line has more than one role", sorted(key for key, count in counts.items() if count > 1)),
        ("role given to a line that is not in the raw file", sorted(counts.keys() - expected)),
    ):
        if keys:
            file, line = keys[0]
            raise InvariantBroken(f"{file}:{line}: {problem} ({len(keys)} lines in all)")
    for file, line, role, record_ids in roles:
        ids = set(record_ids)
        if role in ("record", "timeline") and not ids:
            raise InvariantBroken(f"{file}:{line}: {role} line without records")
        if role in ("record", "timeline") and not ids <= published_ids:
            raise InvariantBroken(f"{file}:{line}: {role} line names a record that is not published")
        if role == "quarantine" and (file, line) not in quarantined_lines:
            raise InvariantBroken(f"{file}:{line}: quarantined line without a quarantine row")
