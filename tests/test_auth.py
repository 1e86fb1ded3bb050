"""API keys (QUOTES_API_KEYS) and the optional per-key rate limit (QUOTES_RATE_LIMIT)."""

from __future__ import annotations

import logging

import pytest

import service.auth as auth
from service.app import create_app
from service.config import Config

KEYS = ("alpha-key-0123456789", "beta-key-9876543210")
TEXT = "“We will appeal,” Mayor Ann Lee said."


class KeyConfig(Config):
    TESTING = True
    API_KEYS = KEYS


@pytest.fixture
def keyed(nlp):
    return create_app(KeyConfig, nlp=nlp).test_client()


def assert_unauthorized(response):
    assert response.status_code == 401
    body = response.get_json()
    assert body["error"]["code"] == "unauthorized"
    assert body["error"]["details"] == {}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_without_keys_configured_the_api_is_open(client):
    assert client.post("/v1/quotes", json={"text": TEXT}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {KEYS[0]}"},
        {"Authorization": "Bearer "},
        {"X-API-Key": KEYS[0] + "x"},
        {"X-API-Key": KEYS[0][:-1]},
        {"X-API-Key": ""},
    ],
)
def test_every_v1_route_needs_a_valid_key(keyed, headers):
    assert_unauthorized(keyed.post("/v1/quotes", json={"text": TEXT}, headers=headers))
    assert_unauthorized(keyed.post("/v1/quotes/batch", json={"documents": [{"text": TEXT}]}, headers=headers))
    # Unknown /v1/ paths too: without a key nothing about the API is told.
    assert_unauthorized(keyed.get("/v1/nothing-here", headers=headers))


@pytest.mark.parametrize("key", KEYS)
def test_either_header_carries_any_configured_key(keyed, key):
    assert keyed.post("/v1/quotes", json={"text": TEXT}, headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert (
        keyed.post("/v1/quotes", json={"text": TEXT}, headers={"authorization": f"bearer  {key} "}).status_code == 200
    )
    response = keyed.post("/v1/quotes/batch", json={"documents": [{"text": TEXT}]}, headers={"X-API-Key": key})
    assert response.status_code == 200
    assert response.get_json()["results"][0]["quotes"]


def test_health_and_metrics_stay_open(keyed):
    assert keyed.get("/v1/health").status_code == 200
    assert keyed.get("/metrics").status_code == 200


def test_keys_are_compared_in_constant_time_against_every_key(monkeypatch):
    calls = []
    real = auth.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    keys = tuple(k.encode() for k in KEYS)
    assert auth.matches_any(KEYS[0], keys)  # a match on the first key does not stop the loop
    assert len(calls) == 2
    calls.clear()
    assert not auth.matches_any("nope", keys)
    assert len(calls) == 2


def test_keys_never_reach_the_log(keyed):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Keep()
    logger = logging.getLogger("quotes.access")
    logger.addHandler(handler)
    try:
        keyed.post("/v1/quotes", json={"text": TEXT}, headers={"Authorization": f"Bearer {KEYS[0]}"})
        keyed.post("/v1/quotes", json={"text": TEXT}, headers={"X-API-Key": KEYS[1]})
        keyed.post("/v1/quotes", json={"text": TEXT}, headers={"X-API-Key": "a-wrong-key-123"})
    finally:
        logger.removeHandler(handler)
    assert len(records) == 3
    joined = "\n".join(records)
    for secret in (*KEYS, "a-wrong-key-123"):
        assert secret not in joined
    assert auth.key_id(KEYS[0]) in records[0]


def test_non_ascii_and_odd_keys_are_refused_without_a_crash(keyed):
    for value in ("ключ", "\udcff", "x" * 10_000):
        response = keyed.post(
            "/v1/quotes",
            json={"text": TEXT},
            headers={"X-API-Key": value.encode("utf-8", "surrogateescape").decode("latin-1")},
        )
        assert_unauthorized(response)


class LimitedConfig(KeyConfig):
    RATE_LIMIT = "3/minute"


def test_rate_limit_is_per_key_and_answers_429_in_the_envelope(nlp):
    client = create_app(LimitedConfig, nlp=nlp).test_client()
    first = {"X-API-Key": KEYS[0]}
    for _ in range(3):
        assert client.post("/v1/quotes", json={"text": TEXT}, headers=first).status_code == 200
    response = client.post("/v1/quotes", json={"text": TEXT}, headers=first)
    assert response.status_code == 429
    body = response.get_json()
    assert body["error"]["code"] == "too_many_requests"
    assert int(response.headers["Retry-After"]) > 0
    # Another key has its own allowance; health and metrics are never limited.
    assert client.post("/v1/quotes", json={"text": TEXT}, headers={"X-API-Key": KEYS[1]}).status_code == 200
    for _ in range(5):
        assert client.get("/v1/health").status_code == 200
        assert client.get("/metrics").status_code == 200


def test_rate_limit_is_off_by_default(app):
    assert "quote_limiter" not in app.extensions
