"""Fit and measure the confidence of each attribution rule: `python -m service.calibrate`.

Measure one gold file and its saved predictions (`service.evaluate --save`, which carry
each quote's rule and confidence), or run the pipeline in-process:

    python -m service.calibrate GOLD.jsonl --pred PRED.jsonl [--part heldout]

prints each rule's precision, and the reliability table, expected calibration error
(ECE) and precision at confidence ≥ 0.9 of the confidence the predictions carry.

Fit the table the service reads, on text the rules were not tuned on, and measure it
out of sample (what `make calibrate` runs):

    python -m service.calibrate --split polnear-train.jsonl polnear.jsonl \\
        --crossfit bbc-dev.jsonl bbc.jsonl --write --report docs/accuracy.md --plot docs/reliability.png

A `--split` set is cut by `service.evalsplit`: its tuning part goes into the fit, its
held-out fifth never does and is measured with the fitted table.  A `--crossfit` set goes
into the fit whole and is measured leave-one-document-out: each document's answers get
the table fitted without that document.  `--write` stores the table in
`service/nlp/data/rule_precision.json` (`service/nlp/confidence.py` reads it); `--report`
writes the markdown tables (between the calibration markers when the file has them) and
`--plot` the reliability curve.
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
from .reliability import (
    HIGH,
    PRIOR_STRENGTH,
    Judged,
    applied,
    cross_fitted,
    expected_calibration_error,
    fit,
    judge,
    precision_at,
    tally,
)
from .reliability_report import Check, render_reliability, render_rules, write_plot, write_report
from .scoring import judge_document

THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
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
    pairs = [(a.confidence, a.right) for a in judge(docs, predictions)]
    return [(t, precision_at(pairs, t)[1], precision_at(pairs, t)[0]) for t in THRESHOLDS]


def precision_file(rules: dict[str, dict], overall: float, source: str, strength: float = PRIOR_STRENGTH) -> dict:
    """The data file `confidence.py` reads."""
    missing = {str(rule) for rule in Rule} - set(rules)
    if missing:
        raise ValueError(f"the table has no precision for {sorted(missing)}")
    return {
        "about": "Fitted precision of each attribution rule, and of each rule on each quote kind, shrunk"
        " towards the global (for a rule) or the rule's (for a kind) precision with prior_strength"
        " pseudo-answers; written by python -m service.calibrate --write.",
        "source": source,
        "prior_strength": strength,
        "global_precision": round(overall, 3),
        "rules": rules,
    }


def load(gold: str, pred: str | None, part: str = "all", model: str = Config.SPACY_MODEL) -> tuple[int, list[Judged]]:
    """(documents in `part` of `gold`, their answers judged)."""
    docs = read_gold(gold, part)
    predictions = read_predictions(pred) if pred else dict(predict_in_process(docs, model))
    return len(docs), judge(docs, predictions)


def calibrate(
    split: list[list[str]], crossfit: list[list[str]], weight: float = 1.0, strength: float = PRIOR_STRENGTH
) -> tuple[float, dict[str, dict], list[Check], str]:
    """Fit on the tuning parts of `split` and the whole of `crossfit` (each a [gold, pred]
    pair); measure the held-out fifths and, leave-one-document-out, the cross-fitted sets."""
    base = tally([])
    held, crossed, source = [], [], []
    for gold, pred in split:
        n, tune = load(gold, pred, "tune")
        tally(tune, into=base)
        held.append((Path(gold).name, load(gold, pred, "heldout")[1]))
        source.append(f"{Path(gold).name} tuning part ({n} documents)")
    for gold, pred in crossfit:
        n, answers = load(gold, pred)
        tally(answers, weight, into=base)
        crossed.append((Path(gold).name, answers))
        source.append(f"{Path(gold).name} ({n} documents, weight {weight:g})")
    overall, rules = fit(base, strength)
    checks = [Check(f"{name}, held-out fifth", "not in the fit", _own(a), applied(rules, a)) for name, a in held]
    checks += [
        Check(name, "leave one document out", _own(a), cross_fitted(base, a, weight, strength)) for name, a in crossed
    ]
    return overall, rules, checks, " + ".join(source)


def _own(answers: list[Judged]) -> list[tuple[float, bool]]:
    """The confidence the predictions carry: the table in force when they were made."""
    return [(a.confidence, a.right) for a in answers]


def measure(args: argparse.Namespace) -> int:
    """One gold file: precision per rule and the reliability of the predictions' confidence."""
    docs = read_gold(args.gold, args.part, args.limit)
    predictions = read_predictions(args.pred) if args.pred else dict(predict_in_process(docs, args.model))
    answers = judge(docs, predictions)
    print("| rule | attributions | precision |\n| --- | --- | --- |")
    for rule, (n, ok) in sorted(rule_precision(docs, predictions).items(), key=lambda item: -item[1][0]):
        print(f"| {rule} | {n} | {ok / n:.2f} |")
    name = f"{Path(args.gold).name} ({args.part})"
    pairs = _own(answers)
    print(f"\nThe predictions' own confidence: ECE {expected_calibration_error(pairs):.3f}", end="")
    print(f", precision at ≥ {HIGH} {_at(pairs)}\n\n{render_reliability(pairs)}")
    if args.write:
        overall, rules = fit(tally(answers), args.strength)
        _write(precision_file(rules, overall, f"{name}, in sample", args.strength))
    return 0


def _source_in_force() -> str:
    """What the table the service reads now (the one the predictions carry) was fitted on."""
    if not PRECISION_FILE.exists():
        return "no table"
    return json.loads(PRECISION_FILE.read_text(encoding="utf-8")).get("source", "an unnamed source")


def _write(data: dict) -> None:
    PRECISION_FILE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {PRECISION_FILE}")


def sweep(args: argparse.Namespace) -> int:
    """For each weight of the --crossfit sets: each set's out-of-sample ECE and precision at ≥ 0.9."""
    for weight in (float(w) for w in args.weights.split(",")):
        _, _, checks, _ = calibrate(args.split or [], args.crossfit or [], weight, args.strength)
        cells = [f"{c.name} ECE {expected_calibration_error(c.after):.3f}, at ≥ {HIGH} {_at(c.after)}" for c in checks]
        print(f"weight {weight:g}: " + "; ".join(cells))
    return 0


def _at(pairs: list[tuple[float, bool]]) -> str:
    precision, n = precision_at(pairs, HIGH)
    return f"{precision:.3f} ({n:,})"


def fit_and_report(args: argparse.Namespace) -> int:
    overall, rules, checks, source = calibrate(args.split or [], args.crossfit or [], args.weight, args.strength)
    previous = _source_in_force()
    for check in checks:
        ece = expected_calibration_error(check.after)
        print(f"{check.name} ({check.how}): ECE {ece:.3f}, precision at ≥ {HIGH} {_at(check.after)}")
    if args.write:
        _write(precision_file(rules, overall, source, args.strength))
    if args.plot:
        write_plot(checks, args.plot)
        print(f"wrote {args.plot}")
    if args.report:
        image = Path(args.plot).resolve() if args.plot else None
        write_report(args.report, checks, render_rules(rules), (source, previous), image)
        print(f"wrote {args.report}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", help="measure one gold file (with --pred, or in-process)")
    parser.add_argument("--pred", help="saved predictions with their rule (service.evaluate --save)")
    parser.add_argument("--model", default=Config.SPACY_MODEL)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--part", choices=PARTS, default="all", help="one part of the split in service.evalsplit")
    pair = {"nargs": 2, "action": "append", "metavar": ("GOLD", "PRED")}
    parser.add_argument("--split", **pair, help="fit on the tuning part, measure the held-out fifth")
    parser.add_argument("--crossfit", **pair, help="fit on the whole set, measure it leave-one-document-out")
    parser.add_argument("--weight", type=float, default=1.0, help="weight of each --crossfit answer in the fit")
    parser.add_argument("--weights", help="comma-separated --weight values: print each one's figures, write nothing")
    parser.add_argument("--strength", type=float, default=PRIOR_STRENGTH, help="pseudo-answers of the prior")
    parser.add_argument("--write", action="store_true", help=f"store the fitted table in {PRECISION_FILE.name}")
    parser.add_argument("--report", help="markdown file for the tables (its calibration section, if marked)")
    parser.add_argument("--plot", help="PNG file for the reliability curve (needs matplotlib)")
    args = parser.parse_args(argv)
    if args.gold and (args.split or args.crossfit):
        parser.error("give either GOLD (measure) or --split/--crossfit (fit), not both")
    if not args.gold and not (args.split or args.crossfit):
        parser.error("give GOLD to measure, or --split/--crossfit to fit")
    if args.gold:
        return measure(args)
    return sweep(args) if args.weights else fit_and_report(args)


if __name__ == "__main__":
    sys.exit(main())
