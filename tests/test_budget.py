"""The time budget of a throughput target (benchmarks/budget.py): its parts are measured and add up."""

import pytest

from benchmarks.budget import budget, report


def test_the_budget_measures_each_part_and_adds_them_up():
    found = budget(20, 10.0)
    assert found["records"] == 20 * 62  # every record of the corpus got its id
    parse = ("ids", "fold", "repeats", "lines", "regex")
    assert all(found[part] > 0 for part in (*parse, "validate", "publish_cpu", "deflate", "deflate_1"))
    assert found["fixed_parse"] == pytest.approx(sum(found[part] for part in parse))
    assert found["bound"] == pytest.approx(found["publish_cpu"] / found["cores"] + found["validate"] + found["fixed_parse"])
    assert found["budget"] == pytest.approx(found["mb"] / 10.0)
    text = report(found, 20, 10.0)
    assert f"**{found['bound']:.2f}**" in text
    assert f"at most {found['mb'] / found['bound']:.1f} MB/s" in text
