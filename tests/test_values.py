"""The parse's value classes: immutable for the type checker, equal and hashed by value."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from mypy import api

from evkonyv.parsing.dates import whole_year
from evkonyv.parsing.people import Person


def test_value_classes_compare_and_hash_by_value_and_have_no_dict() -> None:
    assert whole_year(1956) == whole_year(1956)
    assert len({whole_year(1956), whole_year(1956), whole_year(1957)}) == 2
    assert dataclasses.replace(Person("a", "b"), name="c") == Person("c", "b")
    assert not hasattr(Person("a", "b"), "__dict__")


def test_the_type_checker_refuses_to_change_a_value(tmp_path: Path) -> None:
    program = tmp_path / "change.py"
    program.write_text("from evkonyv.parsing.people import Person\nperson = Person('a', 'b')\nperson.name = 'c'\n")
    report, _, status = api.run(["--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(program)])
    assert status == 1 and 'Property "name" defined in "Person" is read-only' in report, report
