"""The calibration: per-rule precision, reliability and ECE, shrinkage, the fitted table."""

import json

import pytest

from service import calibrate
from service.calibrate import precision_file, rule_precision, threshold_curve
from service.nlp.confidence import confidence_for, confidence_in, precision_table
from service.nlp.rules import Rule
from service.reliability import (
    PRIOR_STRENGTH,
    Judged,
    bucket_of,
    cross_fitted,
    expected_calibration_error,
    fit,
    precision_at,
    reliability,
    tally,
)
from service.reliability_report import BEGIN, END

TEXT = "“We will win,” Mark Esper said. “We lost,” Jo Park said."
DOC = {
    "id": "d",
    "text": TEXT,
    "quotes": [
        {"start": 1, "end": 13, "kind": "direct", "speaker": "Mark Esper"},
        {"start": 33, "end": 41, "kind": "direct", "speaker": "Jo Park"},
    ],
}
EVERY_RULE = {str(rule) for rule in Rule}


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


def answers(rule, n, right, kind="direct", doc="d"):
    """`n` judged answers of `rule`, the first `right` of them right."""
    return [Judged(doc, rule, kind, 0.5, i < right) for i in range(n)]


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


# (confidence, bucket): [0, 0.1), ..., [0.9, 1.0], the upper edge in the last bucket
BUCKET_EDGES = [(0.0, 0), (0.05, 0), (0.1, 1), (0.3, 3), (0.7, 7), (0.89, 8), (0.9, 9), (1.0, 9)]


@pytest.mark.parametrize(("confidence", "bucket"), BUCKET_EDGES)
def test_a_confidence_falls_in_its_bucket(confidence, bucket):
    assert bucket_of(confidence) == bucket


def test_the_reliability_table_gives_count_mean_confidence_and_precision_per_bucket():
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.3, True)] + [(0.3, False)] * 3
    table = reliability(pairs)
    assert [(b.low, b.high, b.count) for b in table] == [(0.3, 0.4, 4), (0.9, 1.0, 10)]
    assert table[0].confidence == pytest.approx(0.3) and table[0].precision == 0.25
    assert table[1].confidence == pytest.approx(0.95) and table[1].precision == 0.9


# (pairs, ECE): each bucket's |mean confidence − precision|, weighted by its share
ECES = [
    ([(0.95, True)] * 9 + [(0.95, False)], 0.05),
    ([(0.95, True)] * 9 + [(0.95, False)] + [(0.3, True)] + [(0.3, False)] * 9, 0.5 * 0.05 + 0.5 * 0.2),
    ([(0.8, True)] * 4 + [(0.8, False)], 0.0),
    ([(1.0, False)] * 3, 1.0),
    ([(0.0, False)] * 3 + [(0.5, True), (0.5, False)], 0.0),
    ([], 0.0),
]


@pytest.mark.parametrize(("pairs", "ece"), ECES)
def test_expected_calibration_error_on_hand_made_answers(pairs, ece):
    assert expected_calibration_error(pairs) == pytest.approx(ece)


def test_precision_at_a_threshold_counts_only_what_is_kept():
    pairs = [(0.95, True), (0.9, False), (0.89, False), (0.5, False)]
    assert precision_at(pairs, 0.9) == (0.5, 2)
    assert precision_at(pairs, 0.99) == (0.0, 0)


def test_a_rare_rule_is_shrunk_towards_the_global_precision():
    judged = answers("cue_after", 100, 80) + answers("label", 2, 2)
    overall, rules = fit(tally(judged))
    assert overall == pytest.approx(82 / 102)
    assert rules["label"]["precision"] == pytest.approx(
        (2 + PRIOR_STRENGTH * overall) / (2 + PRIOR_STRENGTH), abs=0.005
    )
    assert overall < rules["label"]["precision"] < overall + 0.05  # two right answers prove little
    assert rules["cue_after"]["precision"] == pytest.approx(0.80, abs=0.01)  # 100 answers nearly speak for themselves
    assert rules["dash"] == {"precision": round(overall, 2), "attributions": 0}  # never seen: the global figure
    assert rules["none"]["precision"] == 0.0


def test_a_rule_on_one_kind_is_shrunk_towards_the_rule():
    judged = answers("inherited", 200, 190) + answers("inherited", 40, 10, kind="partial")
    _, rules = fit(tally(judged))
    by_kind = rules["inherited"]["by_kind"]
    assert by_kind["direct"]["attributions"] == 200 and by_kind["partial"]["attributions"] == 40
    assert by_kind["partial"]["precision"] < 0.5 < by_kind["direct"]["precision"]
    assert by_kind["partial"]["precision"] > 10 / 40  # pulled towards the rule's 0.83
    assert confidence_in(rules, "inherited", "partial") == by_kind["partial"]["precision"]
    assert confidence_in(rules, "inherited", "indirect") == rules["inherited"]["precision"]  # kind never seen


def test_leave_one_document_out_never_scores_a_document_with_its_own_answers():
    judged = answers("cue_after", 1, 1, doc="a") + answers("cue_after", 1, 0, doc="b")
    pairs = cross_fitted(tally(judged), judged)
    assert sorted(pairs) == [(0.0, True), (1.0, False)]  # each got the other's precision
    assert expected_calibration_error(pairs) == 1.0  # in sample it would have been 0.5 each, ECE 0


def test_the_fit_covers_every_rule_and_refuses_unknown_ones():
    overall, rules = fit(tally(answers("cue_after", 40, 38) + answers("label", 3, 3)))
    assert set(precision_file(rules, overall, "test")["rules"]) == EVERY_RULE
    with pytest.raises(ValueError, match="old_rule"):
        fit(tally(answers("old_rule", 30, 20)))
    with pytest.raises(ValueError, match="label"):
        precision_file({k: v for k, v in rules.items() if k != "label"}, overall, "test")


def test_every_rule_has_a_precision_and_every_precision_names_a_rule():
    table = precision_table()
    assert set(table) == EVERY_RULE
    assert all(0.0 <= entry["precision"] <= 1.0 for entry in table.values())
    assert all(set(entry.get("by_kind", {})) <= {"direct", "partial", "indirect"} for entry in table.values())
    assert confidence_for(Rule.NONE) == 0.0


def test_a_rule_without_a_precision_is_an_error_not_a_default():
    with pytest.raises(ValueError):
        confidence_for("a_rule_nobody_wrote")


def test_the_service_table_trusts_a_direct_quote_more_than_a_partial_one_of_the_same_rule():
    assert confidence_for(Rule.CUE_AFTER, "direct") > confidence_for(Rule.CUE_AFTER, "partial")


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def test_make_calibrate_writes_the_table_the_section_and_the_curve(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    docs = [dict(DOC, id=f"d{i}", meta={"publisher": "p"}) for i in range(10)]
    right = [predicted(1, 13, "Mark Esper", "cue_after", 0.5), predicted(33, 41, "Mark Esper", "inherited", 0.5)]
    preds = [{"id": d["id"], "quotes": right} for d in docs]
    gold, pred = write_jsonl(tmp_path / "gold.jsonl", docs), write_jsonl(tmp_path / "pred.jsonl", preds)
    report = tmp_path / "accuracy.md"
    report.write_text(f"# Accuracy\n\nbefore\n\n{BEGIN}\nold tables\n{END}\n\nafter\n", encoding="utf-8")
    monkeypatch.setattr(calibrate, "PRECISION_FILE", tmp_path / "rule_precision.json")
    argv = ["--split", gold, pred, "--crossfit", gold, pred, "--write", "--report", str(report)]
    assert calibrate.main([*argv, "--plot", str(tmp_path / "reliability.png")]) == 0
    written = json.loads((tmp_path / "rule_precision.json").read_text(encoding="utf-8"))
    assert set(written["rules"]) == EVERY_RULE
    assert written["rules"]["cue_after"]["precision"] > 0.5 > written["rules"]["inherited"]["precision"]  # shrunk
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Accuracy\n\nbefore\n\n") and text.endswith(f"{END}\n\nafter\n")
    assert "old tables" not in text and "| gold.jsonl, held-out fifth | not in the fit | 4 |" in text
    assert "](reliability.png)" in text and "fitted on no table" in text
    assert (tmp_path / "reliability.png").read_bytes().startswith(b"\x89PNG")


def test_a_sweep_of_weights_prints_each_weights_figures_and_writes_nothing(tmp_path, monkeypatch, capsys):
    docs = [dict(DOC, id=f"d{i}", meta={"publisher": "p"}) for i in range(5)]
    right = [predicted(1, 13, "Mark Esper", "cue_after", 0.9)]
    gold = write_jsonl(tmp_path / "gold.jsonl", docs)
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": d["id"], "quotes": right} for d in docs])
    monkeypatch.setattr(calibrate, "PRECISION_FILE", tmp_path / "rule_precision.json")
    assert calibrate.main(["--split", gold, pred, "--crossfit", gold, pred, "--weights", "1,5", "--write"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["weight 1", "weight 5"]
    assert "gold.jsonl, held-out fifth ECE" in lines[0] and not (tmp_path / "rule_precision.json").exists()


def test_a_report_file_without_markers_is_left_alone(tmp_path):
    report = tmp_path / "notes.md"
    report.write_text("hand-written\n", encoding="utf-8")
    gold = write_jsonl(tmp_path / "gold.jsonl", [dict(DOC, meta={"publisher": "p"})])
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": "d", "quotes": []}])
    with pytest.raises(SystemExit, match="markers"):
        calibrate.main(["--crossfit", gold, pred, "--report", str(report)])
    assert report.read_text(encoding="utf-8") == "hand-written\n"


def test_measuring_one_gold_file_prints_the_reliability_of_the_confidence_it_carries(tmp_path, capsys):
    gold = write_jsonl(tmp_path / "gold.jsonl", [DOC])
    quotes = [predicted(1, 13, "Mark Esper", "cue_after", 0.95), predicted(33, 41, "Mark Esper", "inherited", 0.95)]
    pred = write_jsonl(tmp_path / "pred.jsonl", [{"id": "d", "quotes": quotes}])
    assert calibrate.main([gold, "--pred", pred]) == 0
    out = capsys.readouterr().out
    assert "ECE 0.450, precision at ≥ 0.9 0.500 (2)" in out  # both at 0.95, one right
    assert "| [0.9, 1.0] | 2 | 0.950 | 0.500 |" in out
