"""The calibration tool: per-rule precision and the threshold curve."""

import pytest

from service.calibrate import precision_file, rule_precision, threshold_curve
from service.nlp.confidence import confidence_for, precision_table
from service.nlp.rules import Rule

TEXT = "“We will win,” Mark Esper said. “We lost,” Jo Park said."
DOC = {
    "id": "d",
    "text": TEXT,
    "quotes": [
        {"start": 1, "end": 13, "kind": "direct", "speaker": "Mark Esper"},
        {"start": 33, "end": 41, "kind": "direct", "speaker": "Jo Park"},
    ],
}


def predicted(start, end, name, rule, confidence):
    return {
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "kind": "direct",
        "rule": rule,
        "confidence": confidence,
        "speaker": {"name": name},
    }


def test_rule_precision_counts_right_speakers_per_rule():
    predictions = {
        "d": [predicted(1, 13, "Mark Esper", "cue_after", 0.9), predicted(33, 41, "Mark Esper", "inherited", 0.7)]
    }
    assert rule_precision([DOC], predictions) == {"cue_after": (1, 1), "inherited": (1, 0)}


def test_threshold_curve_keeps_only_confident_quotes():
    predictions = {
        "d": [predicted(1, 13, "Mark Esper", "cue_after", 0.9), predicted(33, 41, "Mark Esper", "inherited", 0.7)]
    }
    curve = dict((t, (kept, precision)) for t, kept, precision in threshold_curve([DOC], predictions))
    assert curve[0.0] == (2, 0.5)
    assert curve[0.8] == (1, 1.0)


def test_every_rule_has_a_precision_and_every_precision_names_a_rule():
    table = precision_table()
    assert set(table) == {str(rule) for rule in Rule}
    assert all(0.0 <= entry["precision"] <= 1.0 for entry in table.values())
    assert confidence_for(Rule.NONE) == 0.0


def test_a_rule_without_a_precision_is_an_error_not_a_default():
    with pytest.raises(ValueError):
        confidence_for("a_rule_nobody_wrote")


def test_the_precision_file_covers_every_rule_and_refuses_unknown_ones():
    data = precision_file({"cue_after": (40, 38), "label": (3, 3)}, "test")
    assert set(data["rules"]) == {str(rule) for rule in Rule}
    assert data["rules"]["cue_after"] == {"precision": 0.95, "attributions": 40, "measured": True}
    assert data["rules"]["label"]["precision"] == data["prior"]  # too few to measure
    with pytest.raises(ValueError, match="old_rule"):
        precision_file({"old_rule": (30, 20)}, "test")
