"""How far to trust an attribution, by the rule that produced it.

Each figure is the measured precision of that rule path (right span and right speaker,
as `service.scoring` judges them) on the development data, PolNeAR's training part
(840 articles): regenerate with

    python -m service.evaluate ../shared/eval/polnear-train.jsonl --save PRED.jsonl
    python -m service.calibrate ../shared/eval/polnear-train.jsonl --pred PRED.jsonl

Rules seen fewer than 20 times there get 0.5 (no measurement).  A quote nobody could be
named for ("none") has confidence 0: its attribution is empty.  docs/accuracy.md gives
the precision a client gets at each threshold.
"""

from __future__ import annotations

RULE_PRECISION: dict[str, float] = {
    "according_to": 0.59,
    "according_to_reported": 0.84,
    "colon_intro": 0.51,
    "cue_after": 0.93,
    "cue_after_position": 0.39,
    "cue_before": 0.83,
    "dash": 0.5,
    "finding": 0.7,
    "governing": 0.7,
    "headline": 0.49,
    "inherited": 0.88,
    "inherited_paragraph": 0.5,
    "label": 0.5,
    "none": 0.0,
    "reported": 0.76,
    "reported_object": 0.64,
}


def confidence_for(rule: str) -> float:
    """Measured precision of `rule` (0.5 for a rule without a measurement)."""
    return RULE_PRECISION.get(rule, 0.5)
