"""How far to trust an attribution, by the rule that produced it.

Each figure is the measured precision of that rule (right span and right speaker, as
`service.scoring` judges them), read from `data/rule_precision.json`, which
`python -m service.calibrate GOLD.jsonl --pred PRED.jsonl --write` regenerates.  A rule
measured fewer than `min_samples` times gets the file's prior; `Rule.NONE` (nobody
named) has confidence 0.  docs/accuracy.md gives the precision at each threshold.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .rules.base import Rule

PRECISION_FILE = "rule_precision.json"


@cache
def precision_table() -> dict[str, dict]:
    """rule -> {"precision", "attributions"} as the calibration measured them."""
    data = json.loads(resources.files("service.nlp").joinpath("data", PRECISION_FILE).read_text(encoding="utf-8"))
    return data["rules"]


def confidence_for(rule: Rule) -> float:
    """Measured precision of `rule`; `KeyError` for a rule the table does not know."""
    return precision_table()[Rule(rule)]["precision"]
