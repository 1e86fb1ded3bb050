"""How far the confidence the service returns can be trusted, and the fit that sets it.

- `judge` turns gold and predictions into `Judged` answers (rule, kind, confidence, and
  whether `service.scoring` finds span and speaker right);
- `reliability`, `expected_calibration_error` and `precision_at` measure a list of
  (confidence, right) pairs: ten buckets [0, 0.1), ..., [0.9, 1.0];
- `fit` gives each rule, and each rule and quote kind, its precision, shrunk towards its
  parent's: the global precision for a rule, the rule's for a rule and kind.  An estimate
  from n answers is a Beta posterior mean with `PRIOR_STRENGTH` pseudo-answers of the
  parent's precision, so a rule seen 5 times moves a fifth of the way from the global
  precision towards its own, and one seen 2,000 times keeps its own.
- `cross_fitted` gives each document's answers the confidence of a fit that left that
  document out: the honest estimate for a set that is also in the fit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .nlp.confidence import confidence_in
from .nlp.rules import Rule
from .scoring import judge_document

BUCKETS = 10
HIGH = 0.9  # the threshold a client keeps "confident" answers at
PRIOR_STRENGTH = 20.0
RULE = ""  # the kind of a tally's rule-level entry
GLOBAL = ("", "")  # the tally's entry for every rule but `none`


class Judged(NamedTuple):
    """One returned answer, judged: its rule, kind and confidence, and whether it is right."""

    doc: str
    rule: str
    kind: str
    confidence: float
    right: bool


class Bucket(NamedTuple):
    low: float
    high: float
    count: int
    confidence: float  # mean confidence of the answers in the bucket
    precision: float  # share of them that are right


def judge(docs: Iterable[dict], predictions: dict[str, list[dict]]) -> list[Judged]:
    judged = []
    for doc in docs:
        predicted = predictions.get(doc["id"], [])
        for quote, (_, right) in zip(predicted, judge_document(doc, predicted)):
            rule, kind = quote.get("rule", str(Rule.NONE)), quote.get("kind", "")
            judged.append(Judged(doc["id"], rule, kind, float(quote.get("confidence", 0.0)), bool(right)))
    return judged


def bucket_of(confidence: float, buckets: int = BUCKETS) -> int:
    """0 for [0, 0.1), ..., 9 for [0.9, 1.0] (rounded first, so 0.3 is in [0.3, 0.4))."""
    return max(0, min(int(round(confidence * buckets, 9)), buckets - 1))


def reliability(pairs: Sequence[tuple[float, bool]], buckets: int = BUCKETS) -> list[Bucket]:
    """The non-empty buckets, lowest first."""
    groups: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for confidence, right in pairs:
        groups[bucket_of(confidence, buckets)].append((confidence, right))
    table = []
    for b in sorted(groups):
        members = groups[b]
        mean = sum(c for c, _ in members) / len(members)
        precision = sum(r for _, r in members) / len(members)
        table.append(Bucket(b / buckets, (b + 1) / buckets, len(members), mean, precision))
    return table


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], buckets: int = BUCKETS) -> float:
    """Σ over buckets of (share of answers) × |mean confidence − precision|."""
    if not pairs:
        return 0.0
    return sum(b.count / len(pairs) * abs(b.confidence - b.precision) for b in reliability(pairs, buckets))


def precision_at(pairs: Sequence[tuple[float, bool]], threshold: float = HIGH) -> tuple[float, int]:
    """(precision, count) of the answers at confidence ≥ threshold; precision 0 when none."""
    kept = [right for confidence, right in pairs if confidence >= threshold - 1e-9]
    return (sum(kept) / len(kept) if kept else 0.0), len(kept)


# A tally: (rule, kind) -> [answers, weighted answers, weighted right answers]; (rule, RULE)
# sums a rule's kinds and GLOBAL every rule but `none`.
Tally = dict[tuple[str, str], list[float]]


def tally(judged: Iterable[Judged], weight: float = 1.0, into: Tally | None = None, sign: int = 1) -> Tally:
    counts: Tally = defaultdict(lambda: [0.0, 0.0, 0.0]) if into is None else into
    for answer in judged:
        keys = [(answer.rule, answer.kind), (answer.rule, RULE)]
        if answer.rule != Rule.NONE:
            keys.append(GLOBAL)
        for key in keys:
            entry = counts[key]
            entry[0] += sign
            entry[1] += sign * weight
            entry[2] += sign * weight * answer.right
    return counts


def shrunk(entry: list[float] | None, prior: float, strength: float = PRIOR_STRENGTH) -> float:
    """Beta posterior mean: (right + strength × prior) / (answers + strength), weighted."""
    _, weighted, right = entry or (0, 0.0, 0.0)
    return (right + strength * prior) / (max(weighted, 0.0) + strength)


def fit(counts: Tally, strength: float = PRIOR_STRENGTH) -> tuple[float, dict[str, dict]]:
    """(global precision, {rule: entry}) in the format of `rule_precision.json`'s "rules".

    Every `Rule` gets an entry; `none` (nobody named) has precision 0.  A kind appears
    under a rule's "by_kind" only when answers of that kind were seen."""
    unknown = sorted({rule for rule, _ in counts if rule} - set(Rule))
    if unknown:
        raise ValueError(f"predictions name rules the pipeline does not have: {unknown}")
    whole = counts.get(GLOBAL)
    overall = whole[2] / whole[1] if whole and whole[1] > 0 else 0.5
    rules = {}
    for rule in sorted(Rule):
        entry = counts.get((rule, RULE))
        precision = 0.0 if rule is Rule.NONE else shrunk(entry, overall, strength)
        kinds = {}
        for (name, kind), cell in sorted(counts.items()):
            if name == rule and kind != RULE and cell[0] > 0:
                value = 0.0 if rule is Rule.NONE else shrunk(cell, precision, strength)
                kinds[kind] = {"precision": round(value, 2), "attributions": int(cell[0])}
        rules[str(rule)] = {"precision": round(precision, 2), "attributions": int(entry[0] if entry else 0)}
        if kinds:
            rules[str(rule)]["by_kind"] = kinds
    return overall, rules


def applied(rules: dict[str, dict], judged: Iterable[Judged]) -> list[tuple[float, bool]]:
    """(confidence the table `rules` gives, right) for each answer."""
    return [(confidence_in(rules, a.rule, a.kind), a.right) for a in judged]


def cross_fitted(
    base: Tally, judged: Sequence[Judged], weight: float = 1.0, strength: float = PRIOR_STRENGTH
) -> list[tuple[float, bool]]:
    """Leave one document out: each document's answers get the table fitted on `base`
    (which includes them, with `weight`) minus that document."""
    by_doc: dict[str, list[Judged]] = defaultdict(list)
    for answer in judged:
        by_doc[answer.doc].append(answer)
    pairs = []
    for answers in by_doc.values():
        without: Tally = defaultdict(lambda: [0.0, 0.0, 0.0], {key: list(value) for key, value in base.items()})
        tally(answers, weight, into=without, sign=-1)
        _, rules = fit(without, strength)
        pairs.extend(applied(rules, answers))
    return pairs
