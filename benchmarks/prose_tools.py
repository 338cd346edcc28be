"""Measure two Hungarian language tools against the timeline's labels (see docs/timeline.md).

    python -m venv /tmp/tools && /tmp/tools/bin/pip install hun-date-parser==0.3.4 quntoken==3.3.2
    python -m benchmarks.prose_tools --tools-python /tmp/tools/bin/python

Neither tool is a dependency of the project: they run in an environment of their own, given the
labelled sentences as JSON on standard input, and print what they find. hun-date-parser is scored
on the seed's labelled prose (is each expression's interval among those it returns for the
sentence?), quntoken on the sentence cases of tests/test_timeline.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence

from benchmarks.accuracy import ROOT
from evkonyv.pipeline import parse
from evkonyv.reading.sources import read_source
from evkonyv.tables.rows import ParsedRows

_TOOLS = r"""
import datetime as dt, json, sys
from hun_date_parser import text2date
from quntoken import tokenize
task = json.load(sys.stdin)
dates = {}
for sentence, year in task["sentences"]:
    found = text2date(sentence, now=dt.datetime(year, 1, 1))
    dates[sentence] = [[str(x["start_date"]), str(x["end_date"])] for x in found if x.get("start_date") and x.get("end_date")]
splits = {text: len([s for s in tokenize(text, form="spl") if s.strip()]) for text in task["texts"]}
json.dump({"dates": dates, "splits": splits}, sys.stdout)
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools-python", required=True, help="python of the environment holding the two tools")
    args = parser.parse_args(argv)
    from tests.test_timeline import SENTENCES

    seed = ROOT / "raw" / "huwiki_1953-1956.txt"
    rows = ParsedRows.of(parse([read_source(seed.name, seed)])).timeline  # equal to the labels (tests/test_timeline.py)
    task = {"sentences": sorted({(row.sentence, 1956) for row in rows}), "texts": [text for text, _ in SENTENCES.values()]}
    done = subprocess.run([args.tools_python, "-c", _TOOLS], input=json.dumps(task), capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    hits = sum(
        [row.date.earliest.isoformat(), row.date.latest.isoformat()] in found["dates"][row.sentence] for row in rows
    )  # fmt: skip
    print(
        f"hun-date-parser: {hits} of {len(rows)} labelled expressions' intervals returned exactly ({100 * hits / len(rows):.1f}%)"
    )
    right = sum(found["splits"][text] == count for text, count in SENTENCES.values())
    print(f"quntoken: {right} of {len(SENTENCES)} sentence cases split right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
