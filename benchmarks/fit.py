"""Fit the section inference's weights on the labelled articles; measure how the fit carries over.

    python -m benchmarks.fit            # fit on the development sets: the weights and their errors
    python -m benchmarks.fit --check    # exit 1 when the shipped weights are not what the fit gives

The model is ``SectionCosts`` in ``evkonyv/parsing/sections.py``: a weight for each piece of evidence
a list item gives (its date, its shape, its marker, a break of calendar order), the split of an article
into events, births and deaths being the one of least total cost. A split's cost is linear in the
weights (:class:`~evkonyv.parsing.sections.CostTerms`), so the model is a structured linear model and is
fitted as one: a large-margin fit (the structured perceptron with a margin scaled by the loss, averaged;
Collins 2002, Tsochantaridis et al. 2005). For each labelled article in turn, the split the current
weights find when every wrongly placed item is a bonus of 1 is compared with the labelled split (of the
splits that place fewest items wrongly, the cheapest); where they differ, the weights move by the
difference of their features, so that the labelled split becomes cheaper than every other split by at
least the number of items that split gets wrong. The weights averaged over the second half of the passes,
rounded to 0.01, are the fit. Each labelled file is read twice: as exported (headings gone, the hard
case) and with its section headings put back (where a kept heading fixes its boundary and a section no
kept heading opens costs ``unheaded_section``), each reading an article of the fit. The splits of an
article are the ones its kept headings leave open. The fit is deterministic: a fixed order of the
articles, from a fixed start, the costs rounded to 1e-9 before they are compared.

Leave-one-article-out (:func:`leave_one_out`): each labelled file is scored with weights fitted on all
the other files, without it, from the same neutral start as the shipped fit (:func:`neutral`: every
weight 1 with the sign the model gives its evidence, so that the magnitudes are learned, not carried over
from weights chosen with every article in view). The rules that read a line (what counts as a name, a
description, a predicate) were written with the development articles in view: this measures the weights,
and the first run of each set collected later, before any rule was written on it, measures the rest.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.accuracy import LABELLED_SETS, VARIANTS, Score, labelled_files, read_gold, score_labelled_file, with_headings
from evkonyv.parsing.articles import split_articles
from evkonyv.parsing.records import SectionEvidence, section_evidence
from evkonyv.parsing.sections import COSTS, CostTerms, SectionCosts, Sections, costs_in_use, infer_sections
from evkonyv.reading.sources import decode_source

# The sets the shipped weights are fitted on: every labelled Hungarian set of year articles. Each held-out
# set joined them after its first run was published (docs/accuracy.md); from then on it is in-sample.
DEV_SETS = tuple(name for name in LABELLED_SETS if not name.startswith("en-"))
# The sets leave-one-article-out runs over: every labelled set of year articles.
LEAVE_ONE_OUT_SETS = DEV_SETS
# The readings of each labelled file the fit learns from: as exported (headings gone, the hard case) and with
# the section headings put back (what a kept heading, and a section no kept heading opens, weigh).
FITTED_VARIANTS = (VARIANTS[0], VARIANTS[1])
WEIGHTS = tuple(weight.name for weight in dataclasses.fields(SectionCosts))
# The passes over the articles, and the size of a step (shrinking as the steps add up).
PASSES = 100
STEP = 0.05
SECTION = {"events": "event", "births": "birth", "deaths": "death"}


@dataclass(frozen=True)
class Case:
    """One year article of a labelled file: what the inference reads, and each item's labelled section."""

    file: str  # "<set>/<file name>"
    evidence: SectionEvidence
    labels: tuple[str | None, ...]  # per item: "event", "birth", "death", or None (no record labelled)
    variant: str = VARIANTS[0]

    def errors(self, costs: SectionCosts) -> int:
        found = self.sections(costs)
        return sum(label is not None and found.label(index) != label for index, label in enumerate(self.labels))

    @functools.cached_property
    def splits(self) -> tuple[np.ndarray, np.ndarray]:
        """Every split ``[events | births | deaths]`` of the article: its features (one row a split, one
        column a weight: the split's cost with that weight 1 and the others 0) and the number of
        labelled items it places wrongly."""
        shapes, n = self.evidence.shapes, len(self.evidence.shapes)
        units = [SectionCosts(**{name: float(name == weight) for name in WEIGHTS}) for weight in WEIGHTS]
        terms = [CostTerms.of(shapes, self.evidence.year, unit) for unit in units]
        births = np.vstack([np.zeros(len(WEIGHTS)), np.cumsum(np.array([t.birth for t in terms]).T, axis=0)])
        deaths = np.vstack([np.zeros(len(WEIGHTS)), np.cumsum(np.array([t.death for t in terms]).T, axis=0)])
        breaks = np.vstack([np.zeros(len(WEIGHTS)), np.cumsum(np.array([t.break_before for t in terms]).T, axis=0)])
        boundary = np.array([t.boundary_before for t in terms]).T
        people = np.array([t.people_start_before for t in terms]).T
        b, d = np.triu_indices(n + 1)  # every births start b <= deaths start d
        opened = (b < d)[:, None]
        inside_births = breaks[d] - breaks[np.minimum(b + 1, n)]
        features = np.where(opened, births[d] - births[b] + inside_births + boundary[d], 0.0)
        features = features + np.where((d < n)[:, None], deaths[n] - deaths[d] + breaks[n] - breaks[np.minimum(d + 1, n)], 0.0)
        features = features + people[np.minimum(b, d)]
        wrong = np.array(
            [[label is not None and label != section for label in self.labels] for section in ("event", "birth", "death")]
        )
        counted = np.hstack([np.zeros((3, 1)), np.cumsum(wrong, axis=1)])
        losses = counted[0][b] + counted[1][d] - counted[1][b] + counted[2][n] - counted[2][d]
        empty_births = (b == d) & (d < n) & self.evidence.births_rarely_empty  # (as sections._births_empty_cost)
        features[:, WEIGHTS.index("deaths_without_births")] = empty_births.astype(float)
        evidence, unheaded = self.evidence, WEIGHTS.index("unheaded_section")
        allowed = np.ones(len(b), dtype=bool)
        if evidence.births_start is not None:
            allowed &= b == evidence.births_start
        deaths_known = evidence.deaths_start is not None and bool((allowed & (d == evidence.deaths_start)).any())
        if deaths_known:  # (headings out of order: the births heading alone is kept)
            allowed &= d == evidence.deaths_start
        if evidence.births_start is not None or evidence.deaths_start is not None or evidence.events_headed:
            opened = ((b < d) & (evidence.births_start is None)).astype(float) + ((d < n) & (not deaths_known)).astype(
                float
            )  # (as sections._unheaded_cost)
            features[:, unheaded] = opened
        return features, np.where(allowed, losses, np.inf)

    @functools.cached_property
    def open_splits(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The splits the source's kept headings leave open, as the fit reads them: their features, their
        losses, and which of them place fewest labelled items wrongly (the labelled split is the cheapest
        of those)."""
        features, losses = self.splits
        allowed = np.isfinite(losses)
        open_losses = losses[allowed]
        return np.ascontiguousarray(features[allowed]), open_losses, np.flatnonzero(open_losses == open_losses.min())

    def sections(self, costs: SectionCosts) -> Sections:
        """The split the parse finds with these weights."""
        evidence = self.evidence
        return infer_sections(
            evidence.shapes,
            evidence.births_start,
            evidence.deaths_start,
            evidence.year,
            evidence.costs(costs),
            headed=evidence.events_headed,
        )

    def sections_of(self, split: int) -> Sections:
        b, d = np.triu_indices(len(self.evidence.shapes) + 1)
        return Sections(int(b[split]), int(d[split]))


def _files(set_name: str) -> list[tuple[Path, Path]]:
    return labelled_files(*LABELLED_SETS[set_name][:2])


def cases(set_names: Iterable[str] = DEV_SETS, variants: Sequence[str] = FITTED_VARIANTS) -> list[Case]:
    """The year articles of the sets' files, read in each variant (as exported; with the section headings
    put back, as the accuracy report reads them)."""
    found: list[Case] = []
    for set_name in set_names:
        for gold_path, raw_path in _files(set_name):
            labelled = read_gold(gold_path)
            gold = {(int(item["line"]), int(item.get("segment", 0) or 0)): str(item["table"]) for item in labelled}  # type: ignore[call-overload]
            lines = raw_path.read_text(encoding="utf-8").splitlines()
            for variant in variants:
                read, origin = (
                    (lines, list(range(1, len(lines) + 1))) if variant == VARIANTS[0] else with_headings(lines, labelled, False)
                )
                source = decode_source(raw_path.name, "\n".join(read).encode("utf-8"))
                for article in split_articles(source.name, source.lines):
                    evidence = section_evidence(article, source.line_flags()) if article.kind == "year" else None
                    if evidence is not None and evidence.items:
                        labels = tuple(
                            SECTION.get(gold.get((origin[line - 1], segment), ""), None) for line, segment in evidence.items
                        )
                        found.append(Case(f"{set_name}/{raw_path.name}", evidence, labels, variant))
    return found


def errors(costs: SectionCosts, of: Sequence[Case]) -> int:
    return sum(case.errors(costs) for case in of)


def fit(of: Sequence[Case], start: SectionCosts | None = None) -> SectionCosts:
    """The weights of the large-margin fit on ``of`` (the module's docstring), from ``start`` (by default
    :func:`neutral`)."""
    weights = np.array([getattr(start or neutral(), name) for name in WEIGHTS])
    total, averaged, steps = np.zeros(len(WEIGHTS)), 0, 0
    order = np.random.default_rng(0)
    for sweep in range(PASSES):
        for index in order.permutation(len(of)):
            features, losses, fewest_wrong = of[index].open_splits
            cost = np.round(features @ weights, 9)
            labelled = int(fewest_wrong[np.argmin(cost[fewest_wrong])])  # fewest items placed wrongly, then cheapest
            found = int(np.argmin(cost - losses))  # the margin's test
            steps += 1
            if found != labelled:
                weights = weights - STEP / np.sqrt(1 + steps / 50) * (features[labelled] - features[found])
            if sweep >= PASSES // 2:
                total, averaged = total + weights, averaged + 1
    return SectionCosts(**{name: round(float(value), 2) + 0.0 for name, value in zip(WEIGHTS, total / averaged, strict=True)})


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


def leave_one_set_out(set_names: Sequence[str] = LEAVE_ONE_OUT_SETS) -> dict[str, dict[str, Score]]:
    """Each set's files scored with the weights fitted, from :func:`neutral`, on the other sets' files only
    (as exported and with its headings put back): the sets were collected at different times, from
    different copies of the pages (the static dumps, current pages, re-publishing sites) and different eras,
    so this is how the weights carry over to a source they never saw, a stricter test than leaving out one
    article whose set's other articles stay in the fit."""
    everything = cases(set_names)
    start = neutral()
    scores: dict[str, dict[str, Score]] = {}
    for set_name in set_names:
        fitted = fit([case for case in everything if not case.file.startswith(f"{set_name}/")], start)
        scores[set_name] = {variant: Score() for variant in VARIANTS}
        with costs_in_use(fitted):
            for gold_path, raw_path in _files(set_name):
                for variant, score in score_labelled_file(gold_path, raw_path).items():
                    scores[set_name][variant].add(score)
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped weights are not the fit's")
    args = parser.parse_args(argv)
    dev = cases()
    fitted = fit(dev)
    print(f"{len(dev)} readings ({', '.join(FITTED_VARIANTS)}) of the year articles of {', '.join(DEV_SETS)}")
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
