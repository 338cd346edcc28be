"""Errors the user can act on. Each carries one readable line; the CLI prints it as is."""

from __future__ import annotations


class EvkonyvError(Exception):
    """An expected failure: bad input, failed validation, unwritable output."""


class InputError(EvkonyvError):
    """A raw input path that cannot be used (missing, unreadable, empty, binary)."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient  # an I/O hiccup worth retrying, not a bad file


class ValidationFailed(EvkonyvError):
    """Published tables broke their schema; ``report`` lists the failing rows."""

    def __init__(self, message: str, report: str) -> None:
        super().__init__(message)
        self.report = report


class InvariantBroken(EvkonyvError):
    """A raw line was lost or counted twice between the raw files and the tables."""


class WorkerLost(EvkonyvError):
    """A process the parse was spread over ended before giving its part (killed: out of memory, a signal)."""
