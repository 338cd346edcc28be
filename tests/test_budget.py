"""The time budget of a throughput target (benchmarks/budget.py): its parts are measured and add up."""

from benchmarks.budget import budget, report


def test_the_budget_measures_each_part_and_adds_them_up():
    found = budget(20, 10.0)
    assert found["records"] == 20 * 62  # every record of the corpus got its id
    parse = ("ids", "fold", "repeats", "lines", "regex")
    assert all(found[part] > 0 for part in (*parse, "validate", "publish_cpu", "deflate", "deflate_1"))
    # the bound counts the serial parts whole and the publish spread over the cores: no less than the serial
    # parts, no more than everything run on one core
    serial = found["validate"] + found["fixed_parse"]
    assert serial < found["bound"] <= serial + found["publish_cpu"]
    assert found["fixed_parse"] >= max(found[part] for part in parse)
    text = report(found, 20, 10.0)
    assert f"**{found['bound']:.2f}**" in text
    assert f"at most {found['mb'] / found['bound']:.1f} MB/s" in text
