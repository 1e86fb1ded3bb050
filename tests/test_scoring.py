"""The project's scorer: metric definitions on small hand-made cases, and agreement with
the shared reference scorer where it is available."""

import importlib.util
import json
from pathlib import Path

import pytest

from service.scoring import normalise_name, role_matches, same_speaker_name, score, split_gold

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
TEXT = "“We will win,” Mark Esper said. Officials said that the base was hit."


def gold_doc():
    return {
        "id": "d1",
        "text": TEXT,
        "quotes": [
            {
                "start": 1,
                "end": 13,
                "kind": "direct",
                "speaker": "Mark Esper",
                "speaker_kind": "person",
                "roles_ok": ["Defense Secretary"],
            },
            {"start": 52, "end": 69, "kind": "indirect", "speaker": "Officials", "speaker_kind": "group"},
        ],
    }


def prediction(start, end, kind, name, role=None):
    return {"start": start, "end": end, "text": TEXT[start:end], "kind": kind, "speaker": {"name": name, "role": role}}


def test_perfect_prediction_scores_one():
    result = score(
        [gold_doc()],
        {
            "d1": [
                prediction(1, 13, "direct", "Esper", "U.S. Defense Secretary"),
                prediction(52, 69, "indirect", "officials"),
            ]
        },
    )
    assert result["quotes"]["f1"] == 1.0
    assert result["attribution"]["f1"] == 1.0
    assert result["roles"] == {"acc": 1.0, "n": 1}
    assert result["indirect_attribution"]["f1"] == 1.0


def test_half_coverage_counts_and_less_does_not():
    covered = score([gold_doc()], {"d1": [prediction(1, 9, "direct", "Esper")]})
    assert covered["quotes"]["r"] == 1.0
    missed = score([gold_doc()], {"d1": [prediction(1, 5, "direct", "Esper")]})
    assert missed["quotes"]["r"] == 0.0


def test_wrong_speaker_and_bad_offsets():
    result = score([gold_doc()], {"d1": [{**prediction(1, 13, "direct", "Jack Reed"), "text": "tampered"}]})
    assert result["attribution"]["f1"] == 0.0
    assert result["offset_bad"] == 1


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Gen. Mark Milley", "mark milley"),
        ("the Pentagon", "pentagon"),
        ("Esper’s", "esper"),
        ("U.S. Sen. Jack Reed", "jack reed"),
    ],
)
def test_name_normalisation(name, normalised):
    assert normalise_name(name) == normalised


def test_surname_rule_only_for_people():
    assert same_speaker_name("Esper", {"speaker": "Mark Esper", "speaker_kind": "person"})
    assert not same_speaker_name("Energy Department", {"speaker": "Defense Department", "speaker_kind": "organization"})


def test_role_matching():
    assert role_matches("commander of U.S. Central Command", {"roles_ok": ["commander of U.S. Central Command"]})
    assert not role_matches("Gen.", {"roles_ok": ["commander of U.S. Central Command"]})


def test_partial_reported_clause_splits_into_both_metrics():
    text = "He said the move was a “red line” for them."
    doc = {"id": "x", "text": text, "quotes": [{"start": 8, "end": 42, "kind": "partial", "speaker": "He"}]}
    quotes, reported = split_gold(doc)
    assert [text[q["start"] : q["end"]] for q in quotes] == ["red line"]
    assert len(reported) == 1


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference scorer is not beside this checkout")
def test_agrees_with_the_reference_scorer(nlp):
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    seeds = Path(__file__).resolve().parent.parent / "seeds" / "gold.jsonl"
    docs = [json.loads(line) for line in seeds.read_text(encoding="utf-8").splitlines() if line.strip()]
    from service.response import attribute_text

    predictions = {d["id"]: attribute_text(nlp, d["text"])["quotes"] for d in docs}
    predictions["extra"] = []
    mine = score(docs, predictions)
    theirs = reference.score(docs, predictions)
    assert mine == theirs
