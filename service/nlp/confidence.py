"""How far to trust an attribution, by the rule that produced it and the kind of quote.

Each figure is the precision (right span and right speaker, as `service.scoring` judges
them) of that rule on quotes of that kind, fitted by `service.calibrate` on evaluation
data the rules were not tuned on and read from `data/rule_precision.json`:

    {"rules": {"cue_after": {"precision": 0.95, "attributions": 3242,
                             "by_kind": {"direct": {"precision": 0.97, "attributions": 3164},
                                         "partial": {...}}}, ...}}

A kind the fit never saw takes the rule's precision; `Rule.NONE` (nobody named) has
confidence 0; a rule the file does not name is an error.  docs/accuracy.md gives the
reliability of these figures on held-out text.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .rules.base import Rule

PRECISION_FILE = "rule_precision.json"


@cache
def precision_table() -> dict[str, dict]:
    """rule -> {"precision", "attributions", "by_kind"} as the calibration fitted them."""
    data = json.loads(resources.files("service.nlp").joinpath("data", PRECISION_FILE).read_text(encoding="utf-8"))
    return data["rules"]


def confidence_in(rules: dict[str, dict], rule: str, kind: str | None = None) -> float:
    """The precision `rules` gives `rule` on quotes of `kind`; `ValueError` for an unknown
    rule, `KeyError` for a rule the table does not name."""
    entry = rules[Rule(rule)]
    by_kind = entry.get("by_kind") or {}
    return by_kind[kind]["precision"] if kind in by_kind else entry["precision"]


def confidence_for(rule: Rule, kind: str | None = None) -> float:
    """Fitted precision of `rule` on quotes of `kind` (the rule's own without a kind)."""
    return confidence_in(precision_table(), rule, kind)
