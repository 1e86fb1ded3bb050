"""Measure the precision of each attribution rule: `python -m service.calibrate GOLD.jsonl`.

Prints, for every rule path of the pipeline, how many quotes it attributed and what
share of them had the right span and the right speaker, then the table to paste into
`service/nlp/confidence.py`, then the precision a client gets at each confidence
threshold.  Reads saved predictions (`--pred`, as written by `service.evaluate --save`,
which carry the rule) or runs the pipeline in-process.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from .config import Config
from .evaluate import predict_in_process, read_jsonl
from .scoring import judge_document

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# Fewer attributions than this measure nothing: such a rule gets PRIOR_PRECISION.
MIN_SAMPLES = 20
PRIOR_PRECISION = 0.5


def rule_precision(docs: list[dict], predictions: dict[str, list[dict]]) -> dict[str, tuple[int, int]]:
    """rule -> (attributions, right attributions)."""
    total: Counter = Counter()
    right: Counter = Counter()
    for doc in docs:
        predicted = predictions.get(doc["id"], [])
        for quote, (_, speaker_right) in zip(predicted, judge_document(doc, predicted)):
            rule = quote.get("rule", "none")
            total[rule] += 1
            right[rule] += speaker_right
    return {rule: (total[rule], right[rule]) for rule in total}


def threshold_curve(docs: list[dict], predictions: dict[str, list[dict]]) -> list[tuple[float, int, float]]:
    """(threshold, quotes kept, precision of those kept) for each threshold."""
    judged = []
    for doc in docs:
        predicted = predictions.get(doc["id"], [])
        judged.extend((q["confidence"], ok) for q, (_, ok) in zip(predicted, judge_document(doc, predicted)))
    curve = []
    for threshold in THRESHOLDS:
        kept = [ok for confidence, ok in judged if confidence >= threshold]
        curve.append((threshold, len(kept), sum(kept) / len(kept) if kept else 0.0))
    return curve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--pred", help="saved predictions with their rule (service.evaluate --save)")
    parser.add_argument("--model", default=Config.SPACY_MODEL)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    docs = read_jsonl(args.gold)[: args.limit] if args.limit else read_jsonl(args.gold)
    if args.pred:
        predictions = {d["id"]: d.get("quotes", []) for d in read_jsonl(args.pred)}
    else:
        predictions = dict(predict_in_process(docs, args.model))
    table = rule_precision(docs, predictions)
    print("| rule | attributions | precision |\n| --- | --- | --- |")
    for rule, (n, ok) in sorted(table.items(), key=lambda item: -item[1][0]):
        print(f"| {rule} | {n} | {ok / n:.2f} |")
    measured = {r: round(ok / n, 2) if n >= MIN_SAMPLES else PRIOR_PRECISION for r, (n, ok) in sorted(table.items())}
    print(f"\n# rules with fewer than {MIN_SAMPLES} attributions get {PRIOR_PRECISION}")
    print("RULE_PRECISION = " + json.dumps(measured, indent=4))
    print("\n| confidence >= | quotes kept | precision |\n| --- | --- | --- |")
    for threshold, kept, precision in threshold_curve(docs, predictions):
        print(f"| {threshold:.1f} | {kept} | {precision:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
