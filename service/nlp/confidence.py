"""How far to trust an attribution, by the rule that produced it.

Each figure is the measured precision of that rule path (right span and right speaker)
on the development data; `python -m service.calibrate GOLD.jsonl` prints the table
again from a gold file, so it can be regenerated when the rules change.
"""

from __future__ import annotations

from .records import QuoteKind

# rule -> precision of attribution, measured (see module docstring).
RULE_PRECISION: dict[str, float] = {
    "cue_after": 0.90,
    "cue_after_position": 0.8,
    "cue_before": 0.80,
    "according_to": 0.80,
    "label": 0.75,
    "colon_intro": 0.6,
    "dash": 0.75,
    "governing": 0.70,
    "inherited": 0.85,
    "inherited_paragraph": 0.70,
    "reported": 0.55,
    "reported_object": 0.45,
    "headline": 0.6,
    "finding": 0.6,
    "according_to_reported": 0.55,
    "none": 0.30,
}
UNRESOLVED_FACTOR = 0.8


def confidence_for(rule: str, kind: QuoteKind, resolved: bool) -> float:
    """Measured precision of `rule`; lower when the mention named nobody we could resolve."""
    value = RULE_PRECISION.get(rule, RULE_PRECISION["none"])
    if not resolved and rule != "none":
        value *= UNRESOLVED_FACTOR
    return round(value, 2)
