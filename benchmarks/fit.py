"""Fit the section inference's weights on the labelled articles; measure how the fit carries over.

    python -m benchmarks.fit            # fit on the development sets: the weights and their errors
    python -m benchmarks.fit --check    # exit 1 when the shipped weights are not what the fit gives

The model is ``SectionCosts`` in ``evkonyv/parsing/sections.py``: a weight for each piece of evidence
a list item gives (its date, its shape, its marker, a break of calendar order), the split of an article
into events, births and deaths being the one of least total cost. The fit's objective is the number of
labelled list items a split puts in the wrong section when the articles are read as exported (headings
gone, the hard case: a heading fixes its boundary). It is minimised by coordinate descent: each weight
in turn is tried at multiples of its value (:data:`MULTIPLES`) and the one with fewest errors kept; a tie
keeps the current value, so the documented weights stand unless the data speaks against them. Passes
repeat until nothing changes.

Leave-one-article-out (:func:`leave_one_out`): each labelled file is scored with weights fitted on all
the other files, without it, from a neutral start (:func:`neutral`: every weight 1 with the sign the
model gives its evidence, so that the magnitudes are learned, not carried over from weights chosen
with every article in view). The rules that read a line (what counts as a name, a description, a
predicate) were written with the development articles in view: this measures the weights, and the
first run of each set collected later, before any rule was written on it, measures the rest.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.accuracy import LABELLED_SETS, VARIANTS, Score, labelled_files, read_gold, score_labelled_file
from evkonyv.parsing.articles import split_articles
from evkonyv.parsing.records import SectionEvidence, section_evidence
from evkonyv.parsing.sections import COSTS, SectionCosts, costs_in_use, infer_sections
from evkonyv.reading.sources import decode_source

# The sets the shipped weights are fitted on: every labelled Hungarian set of year articles. Each held-out
# set joined them after its first run was published (docs/accuracy.md); from then on it is in-sample.
DEV_SETS = tuple(name for name in LABELLED_SETS if not name.startswith("en-"))
# The sets leave-one-article-out runs over: every labelled set of year articles.
LEAVE_ONE_OUT_SETS = DEV_SETS
# The values a weight is tried at in one step, as multiples of its current value (0: the evidence unused).
MULTIPLES = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
MAX_PASSES = 4
SECTION = {"events": "event", "births": "birth", "deaths": "death"}


@dataclass(frozen=True)
class Case:
    """One year article of a labelled file: what the inference reads, and each item's labelled section."""

    file: str  # "<set>/<file name>"
    evidence: SectionEvidence
    labels: tuple[str | None, ...]  # per item: "event", "birth", "death", or None (no record labelled)

    def errors(self, costs: SectionCosts) -> int:
        found = infer_sections(self.evidence.shapes, year=self.evidence.year, costs=costs)
        return sum(label is not None and found.label(index) != label for index, label in enumerate(self.labels))


def _files(set_name: str) -> list[tuple[Path, Path]]:
    return labelled_files(*LABELLED_SETS[set_name][:2])


def cases(set_names: Iterable[str] = DEV_SETS) -> list[Case]:
    """The year articles of the sets' files, as exported."""
    found: list[Case] = []
    for set_name in set_names:
        for gold_path, raw_path in _files(set_name):
            gold = {(int(item["line"]), int(item.get("segment", 0) or 0)): str(item["table"]) for item in read_gold(gold_path)}  # type: ignore[call-overload]
            source = decode_source(raw_path.name, raw_path.read_bytes())
            for article in split_articles(source.name, source.lines):
                evidence = section_evidence(article, source.line_flags()) if article.kind == "year" else None
                if evidence is not None and evidence.items:
                    labels = tuple(SECTION.get(gold.get(key, ""), None) for key in evidence.items)
                    found.append(Case(f"{set_name}/{raw_path.name}", evidence, labels))
    return found


def errors(costs: SectionCosts, of: Sequence[Case]) -> int:
    return sum(case.errors(costs) for case in of)


def fit(of: Sequence[Case], start: SectionCosts = COSTS) -> SectionCosts:
    """The weights that put fewest labelled items in the wrong section, by coordinate descent from ``start``."""
    best, best_errors = start, errors(start, of)
    for _ in range(MAX_PASSES):
        changed = False
        for weight in dataclasses.fields(SectionCosts):
            current = getattr(best, weight.name)
            for multiple in MULTIPLES:
                value = round(current * multiple, 4)
                if value == current:
                    continue
                trial = best.replaced(**{weight.name: value})
                trial_errors = errors(trial, of)
                if trial_errors < best_errors:
                    best, best_errors, changed = trial, trial_errors, True
                    current = value
        if not changed:
            break
    return best


def neutral(costs: SectionCosts = COSTS) -> SectionCosts:
    """Every weight 1 in size, with its sign (evidence for or against): the start of an unbiased fit."""
    return SectionCosts(**{w.name: 1.0 if getattr(costs, w.name) >= 0 else -1.0 for w in dataclasses.fields(SectionCosts)})


@dataclass
class LeaveOneOut:
    scores: dict[str, dict[str, Score]]  # by set, by variant
    refitted: list[str]  # the files whose left-out fit differs from the shipped weights (all, as a rule)


def leave_one_out(set_names: Sequence[str] = LEAVE_ONE_OUT_SETS) -> LeaveOneOut:
    """Each file scored with the weights fitted, from :func:`neutral`, on every other file of the sets
    (as exported and with its headings put back)."""
    everything = cases(set_names)
    start = neutral()
    result = LeaveOneOut({name: {variant: Score() for variant in VARIANTS} for name in set_names}, [])
    for set_name in set_names:
        for gold_path, raw_path in _files(set_name):
            key = f"{set_name}/{raw_path.name}"
            fitted = fit([case for case in everything if case.file != key], start)
            if fitted != COSTS:
                result.refitted.append(key)
            with costs_in_use(fitted):
                for variant, score in score_labelled_file(gold_path, raw_path).items():
                    result.scores[set_name][variant].add(score)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped weights are not the fit's")
    args = parser.parse_args(argv)
    dev = cases()
    fitted = fit(dev)
    print(f"{len(dev)} year articles of {', '.join(DEV_SETS)}")
    print(f"shipped weights: {errors(COSTS, dev)} items in the wrong section")
    print(f"fitted weights:  {errors(fitted, dev)} items in the wrong section")
    for weight in dataclasses.fields(SectionCosts):
        shipped, found = getattr(COSTS, weight.name), getattr(fitted, weight.name)
        print(f"  {weight.name:26} {shipped:6.2f}" + ("" if shipped == found else f"  -> {found:.2f}"))
    if args.check and fitted != COSTS:
        print("the shipped weights are not what the fit gives: update SectionCosts", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
