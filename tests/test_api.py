"""The HTTP API through Flask's test client: status codes and bodies."""

import pytest
from envelope import assert_error

ARTICLE = "“We will rebuild the bridge,” Mayor Anna Petrov said on Monday."


def test_quotes_json(client):
    response = client.post("/v1/quotes", json={"text": ARTICLE, "id": "a1"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == "a1"
    [quote] = body["quotes"]
    assert quote["text"] == "We will rebuild the bridge,"
    assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]
    assert quote["kind"] == "direct"
    assert quote["speaker"] == {"id": "s1", "name": "Anna Petrov", "kind": "person", "role": "Mayor"}
    assert quote["mention"]["text"] == "Mayor Anna Petrov"
    assert quote["cue"] == {"text": "said", "start": ARTICLE.index("said"), "end": ARTICLE.index("said") + 4}
    assert 0 < quote["confidence"] <= 1
    [speaker] = body["speakers"]
    assert speaker["quotes"] == ["q1"] and speaker["roles"] == ["Mayor"]
    assert body["meta"]["model"] == "en_core_web_sm 3.8.0"
    assert body["meta"]["chars"] == len(ARTICLE)
    assert body["meta"]["elapsed_ms"] >= 0


def test_quotes_plain_text_body(client):
    response = client.post("/v1/quotes", data=ARTICLE.encode(), content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    assert response.get_json()["quotes"][0]["speaker"]["name"] == "Anna Petrov"


def test_text_without_quotes_gives_empty_lists(client):
    body = client.post("/v1/quotes", json={"text": "Nothing to see here."}).get_json()
    assert body["quotes"] == [] and body["speakers"] == []


def test_health(client):
    response = client.get("/v1/health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
    assert response.get_json()["model"] == "en_core_web_sm 3.8.0"


def test_malformed_json_is_400(client):
    assert_error(client.post("/v1/quotes", data="{not json", content_type="application/json"), 400, "bad_request")


def test_undecodable_plain_text_is_400(client):
    response = client.post("/v1/quotes", data=b"\xff\xfe\xfa", content_type="text/plain; charset=utf-8")
    assert_error(response, 400, "bad_request")


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data", "text/csv", None])
def test_other_media_types_are_415(client, content_type):
    kwargs = {"data": b"<p>hi</p>"}
    if content_type:
        kwargs["content_type"] = content_type
    assert_error(client.post("/v1/quotes", **kwargs), 415, "unsupported_media_type")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "   \n "}, "text"),
        ({"text": 42}, "text"),
        ({"text": None}, "text"),
        ({"text": ["a"]}, "text"),
        ({"text": "ok", "id": 7}, "id"),
        ({"text": "ok", "colour": "red"}, "colour"),
    ],
)
def test_validation_failures_are_422(client, payload, field):
    error = assert_error(client.post("/v1/quotes", json=payload), 422, "validation_failed")
    assert field in error["details"]


@pytest.mark.parametrize("payload", [[1, 2], "text", 3, None])
def test_json_that_is_not_an_object_is_422(client, payload):
    response = client.post("/v1/quotes", data=__import__("json").dumps(payload), content_type="application/json")
    assert_error(response, 422, "validation_failed")


def test_body_over_the_byte_limit_is_413(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    error = assert_error(client.post("/v1/quotes", json={"text": "x" * 2000}), 413, "payload_too_large")
    assert "1000" in error["message"]


def test_text_over_the_character_limit_is_413(app, client):
    app.config["MAX_TEXT_CHARS"] = 50
    error = assert_error(client.post("/v1/quotes", json={"text": "y" * 51}), 413, "payload_too_large")
    assert "50" in error["message"]


def test_unknown_route_is_404_json(client):
    assert_error(client.get("/v2/nothing"), 404, "not_found")


def test_wrong_method_is_405_json(client):
    assert_error(client.get("/v1/quotes"), 405, "method_not_allowed")


def test_unexpected_failure_is_500_json_and_service_keeps_serving(app, client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("pipeline exploded")

    monkeypatch.setattr("service.api.quotes.response_body", boom)
    error = assert_error(client.post("/v1/quotes", json={"text": ARTICLE}), 500, "internal_error")
    assert "exploded" not in error["message"]
    monkeypatch.undo()
    assert client.post("/v1/quotes", json={"text": ARTICLE}).status_code == 200


def test_service_keeps_serving_after_errors(client):
    client.post("/v1/quotes", data="{", content_type="application/json")
    client.post("/v1/quotes", json={"text": 1})
    assert client.post("/v1/quotes", json={"text": ARTICLE}).status_code == 200


def test_lone_surrogate_is_422_from_the_schema(client):
    response = client.post("/v1/quotes", data='{"text": "abc \\ud800 def"}', content_type="application/json")
    error = assert_error(response, 422, "validation_failed")
    assert "surrogate" in error["details"]["text"][0]
