"""Generated documents stay in step with what generates them."""

from __future__ import annotations

from evkonyv.schemas import dictionary

from benchmarks import accuracy
from tests.helpers import ROOT


def test_data_dictionary_is_current():
    assert (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8") == dictionary.render(), (
        "docs/data-dictionary.md is stale: python -m evkonyv.schemas.dictionary > docs/data-dictionary.md"
    )


def test_accuracy_report_is_current():
    assert accuracy.main(["--check"]) == 0, "docs/accuracy.md is stale: python -m benchmarks.accuracy"
