"""Body size, text length and time budget limits: each answered in the JSON envelope, and
the app goes on serving after every one of them."""

from __future__ import annotations

import json
import signal

import pytest

from service.app import create_app
from service.budget import Budget, request_budget
from service.config import Config

TEXT = "“We will appeal,” Mayor Ann Lee said."


class Limits(Config):
    TESTING = True
    MAX_CONTENT_LENGTH = 2_000
    MAX_TEXT_CHARS = 500


@pytest.fixture
def limited(nlp):
    return create_app(Limits, nlp=nlp).test_client()


def answers_normally(client):
    response = client.post("/v1/quotes", json={"text": TEXT})
    assert response.status_code == 200
    assert response.get_json()["quotes"][0]["speaker"]["name"] == "Ann Lee"


def error_of(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_body_over_max_bytes_is_413(limited):
    error = error_of(limited.post("/v1/quotes", json={"text": "a" * 3_000}), 413)
    assert error["code"] == "payload_too_large"
    assert "2000 bytes" in error["message"]
    error = error_of(limited.post("/v1/quotes", data="b" * 3_000, content_type="text/plain"), 413)
    assert "2000 bytes" in error["message"]
    answers_normally(limited)


def test_text_over_max_chars_is_413_with_the_limit(limited):
    # Multi-byte characters: the limit counts characters, not bytes.
    body = json.dumps({"text": "é" * 501}, ensure_ascii=False).encode()
    error = error_of(limited.post("/v1/quotes", data=body, content_type="application/json"), 413)
    assert error["message"] == "The text has 501 characters; the limit is 500."
    assert error["details"] == {"limit": 500}
    body = json.dumps({"text": "é" * 500}, ensure_ascii=False).encode()
    assert limited.post("/v1/quotes", data=body, content_type="application/json").status_code == 200
    answers_normally(limited)


def test_over_the_time_budget_is_503_and_the_next_request_is_unharmed(client):
    config = client.application.config
    long_text = (TEXT + " Officials said the strikes were defensive, and the minister agreed. ") * 100
    baseline = client.post("/v1/quotes", json={"text": long_text}).get_json()
    handler_before = signal.getsignal(signal.SIGALRM)
    config["REQUEST_BUDGET_S"] = 0.02
    error = error_of(client.post("/v1/quotes", json={"text": long_text}), 503)
    assert error["code"] == "over_time_budget"
    assert error["details"] == {"budget_s": 0.02}
    assert "0.02 s" in error["message"]
    # The alarm is disarmed and the previous handler is back.
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == handler_before
    # Interrupted mid-parse, the shared pipeline still gives the same answer as before.
    config["REQUEST_BUDGET_S"] = 30
    again = client.post("/v1/quotes", json={"text": long_text}).get_json()
    assert again["quotes"] == baseline["quotes"] and again["speakers"] == baseline["speakers"]
    answers_normally(client)


def test_budget_off_and_budget_helpers():
    assert not Budget(0).exceeded()
    assert Budget(-1).deadline == float("inf")
    with request_budget(0) as budget:
        assert not budget.exceeded()
    with request_budget(5) as budget:
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_request_within_budget_is_unaffected(client):
    answers_normally(client)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v1/quotes", 405),
        ("PUT", "/v1/quotes/batch", 405),
        ("DELETE", "/v1/health", 405),
        ("GET", "/v2/x", 404),
    ],
)
def test_wrong_method_or_path_is_in_the_envelope(client, method, path, status):
    error = error_of(client.open(path, method=method), status)
    assert error["code"] in {"method_not_allowed", "not_found"}
    answers_normally(client)


@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "“Hi,” she said.\udc80"])
def test_lone_surrogates_are_refused_not_crashed_on(client, text):
    error = error_of(client.post("/v1/quotes", json={"text": text}), 422)
    assert "surrogate" in error["details"]["text"][0]
    response = client.post("/v1/quotes/batch", json={"documents": [{"text": TEXT}, {"text": text}]})
    error = error_of(response, 422)
    assert "surrogate" in error["details"]["documents"]["1"]["text"][0]
    answers_normally(client)
