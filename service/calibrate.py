"""Measure the precision of each attribution rule: `python -m service.calibrate GOLD.jsonl`.

Prints, for every rule of the pipeline, how many quotes it attributed and what share
of them had the right span and the right speaker, then the precision a client gets at
each confidence threshold.  `--write` stores the measured precision per rule in
`service/nlp/data/rule_precision.json`, which `service/nlp/confidence.py` reads.  Reads
saved predictions (`--pred`, as written by `service.evaluate --save`, which carry the
rule) or runs the pipeline in-process.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from .config import Config
from .evalsplit import PARTS
from .evaluate import predict_in_process, read_gold, read_predictions
from .nlp.rules import Rule
from .scoring import judge_document

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# Fewer attributions than this measure nothing: such a rule gets PRIOR_PRECISION.
MIN_SAMPLES = 20
PRIOR_PRECISION = 0.5
PRECISION_FILE = Path(__file__).parent / "nlp" / "data" / "rule_precision.json"


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


def precision_file(table: dict[str, tuple[int, int]], source: str) -> dict:
    """The data file `confidence.py` reads: every `Rule`, measured or given the prior."""
    rules = {}
    for rule in sorted(Rule):
        n, ok = table.get(rule, (0, 0))
        measured = n >= MIN_SAMPLES and rule is not Rule.NONE
        precision = round(ok / n, 2) if n >= MIN_SAMPLES else PRIOR_PRECISION
        if rule is Rule.NONE:
            precision = 0.0  # nobody named: nothing to trust
        rules[str(rule)] = {"precision": precision, "attributions": n, "measured": measured}
    unknown = sorted(set(table) - set(Rule))
    if unknown:
        raise ValueError(f"predictions name rules the pipeline does not have: {unknown}")
    return {
        "about": "Measured precision of each attribution rule; written by python -m service.calibrate --write.",
        "source": source,
        "min_samples": MIN_SAMPLES,
        "prior": PRIOR_PRECISION,
        "rules": rules,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--pred", help="saved predictions with their rule (service.evaluate --save)")
    parser.add_argument("--model", default=Config.SPACY_MODEL)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--write", action="store_true", help=f"store the precision per rule in {PRECISION_FILE.name}")
    parser.add_argument("--part", choices=PARTS, default="all", help="one part of the split in service.evalsplit")
    args = parser.parse_args(argv)
    docs = read_gold(args.gold, args.part, args.limit)
    predictions = read_predictions(args.pred) if args.pred else dict(predict_in_process(docs, args.model))
    table = rule_precision(docs, predictions)
    print("| rule | attributions | precision |\n| --- | --- | --- |")
    for rule, (n, ok) in sorted(table.items(), key=lambda item: -item[1][0]):
        print(f"| {rule} | {n} | {ok / n:.2f} |")
    print(f"\n(rules with fewer than {MIN_SAMPLES} attributions get {PRIOR_PRECISION})")
    print("\n| confidence >= | quotes kept | precision |\n| --- | --- | --- |")
    for threshold, kept, precision in threshold_curve(docs, predictions):
        print(f"| {threshold:.1f} | {kept} | {precision:.2f} |")
    if args.write:
        data = precision_file(table, f"{Path(args.gold).name} ({len(docs)} documents)")
        PRECISION_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {PRECISION_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
