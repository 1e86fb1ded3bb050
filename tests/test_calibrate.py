"""The calibration tool: per-rule precision and the threshold curve."""

from service.calibrate import rule_precision, threshold_curve
from service.nlp.confidence import RULE_PRECISION

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


def test_every_rule_has_a_measured_precision():
    assert all(0.0 <= value <= 1.0 for value in RULE_PRECISION.values())
    assert {"cue_after", "cue_before", "governing", "inherited", "reported", "none"} <= set(RULE_PRECISION)
