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
    "according_to": 0.63,
    "according_to_reported": 0.85,
    "colon_intro": 0.48,
    "cue_after": 0.95,
    "cue_after_position": 0.45,
    "cue_before": 0.85,
    "cue_before_position": 0.5,
    "dash": 0.5,
    "finding": 0.7,
    "governing": 0.72,
    "headline": 0.49,
    "inherited": 0.89,
    "inherited_paragraph": 0.54,
    "inherited_reported": 0.5,
    "label": 0.88,
    "none": 0.0,
    "reported": 0.82,
    "reported_nominal": 0.44,
    "reported_object": 0.62,
    "reported_parenthetical": 0.55,
    "speech_sentence_intro": 0.94,
}


def confidence_for(rule: str) -> float:
    """Measured precision of `rule` (0.5 for a rule without a measurement)."""
    return RULE_PRECISION.get(rule, 0.5)
