"""POST /v1/quotes/batch: order, per-document errors, whole-batch limits, one nlp.pipe pass."""

from __future__ import annotations

import pytest
from envelope import assert_error

from service.app import create_app
from service.config import Config

DIRECT = "“We will appeal the ruling,” Mayor Ann Lee said on Tuesday."
INDIRECT = "Officials said the strikes were defensive."
NONE = "The river rose two metres overnight."


class SmallBatchConfig(Config):
    TESTING = True
    MAX_BATCH_DOCS = 5
    MAX_BATCH_CHARS = 400
    MAX_BATCH_BYTES = 3_000
    MAX_TEXT_CHARS = 200


@pytest.fixture
def small(nlp):
    return create_app(SmallBatchConfig, nlp=nlp).test_client()


def post_batch(client, documents, **kwargs):
    return client.post("/v1/quotes/batch", json={"documents": documents}, **kwargs)


def test_results_come_in_input_order_and_match_the_single_endpoint(client):
    texts = {"b": INDIRECT, "a": DIRECT, "c": NONE}
    response = post_batch(client, [{"id": k, "text": v} for k, v in texts.items()])
    assert response.status_code == 200
    body = response.get_json()
    assert [r["id"] for r in body["results"]] == ["b", "a", "c"]
    for result, (doc_id, text) in zip(body["results"], texts.items()):
        single = client.post("/v1/quotes", json={"text": text, "id": doc_id}).get_json()
        assert set(result) == {"id", "quotes", "speakers"}
        assert result["quotes"] == single["quotes"]
        assert result["speakers"] == single["speakers"]
    assert body["results"][1]["quotes"][0]["speaker"]["name"] == "Ann Lee"
    assert body["results"][2]["quotes"] == []
    meta = body["meta"]
    assert meta["documents"] == 3 and meta["errors"] == 0
    assert meta["chars"] == sum(map(len, texts.values()))
    assert meta["model"].startswith("en_core_web_sm") and meta["version"]


def test_offsets_are_exact_in_every_result(client):
    texts = [DIRECT, INDIRECT, "Ms. Lee, 54, told reporters: “It is over.” She left.\n\n“Not yet,” he said."]
    body = post_batch(client, [{"text": t} for t in texts]).get_json()
    for text, result in zip(texts, body["results"]):
        assert result["id"] is None
        for quote in result["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
            for part in ("mention", "cue"):
                if quote[part]:
                    assert text[quote[part]["start"] : quote[part]["end"]] == quote[part]["text"]


def test_a_bad_document_fails_the_request_and_details_name_it_by_index(small):
    """The request is validated as a whole, with POST /v1/quotes' schema for each
    document, as the OpenAPI document says: nothing is parsed, and `details` says which
    document is wrong and how."""
    documents = [
        "not an object",
        {"id": "no-text"},
        {"id": "wrong-type", "text": 42},
        {"id": "blank", "text": " \t"},
        {"text": NONE, "lang": "en"},
    ]
    error = assert_error(post_batch(small, documents), 422, "validation_failed")
    assert error["details"] == {
        "documents": {
            "0": {"_schema": ["Invalid input type."]},
            "1": {"text": ["Missing data for required field."]},
            "2": {"text": ["Not a valid string."]},
            "3": {"text": ["The text is blank."]},
            "4": {"lang": ["Unknown field."]},
        }
    }


def test_a_document_over_the_text_limit_fails_the_request_with_its_index(small):
    error = assert_error(post_batch(small, [{"text": DIRECT}, {"text": "x" * 201}]), 413, "payload_too_large")
    assert error["message"] == "Document 1: The text has 201 characters; the limit is 200."
    assert error["details"] == {"limit": 200, "document": 1}


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"documents": "nope"}, 422, "validation_failed"),
        ({"docs": []}, 422, "validation_failed"),
        ({"documents": []}, 422, "validation_failed"),
        ({"documents": [{"text": "a"}], "extra": 1}, 422, "validation_failed"),
        ([{"text": "a"}], 422, "validation_failed"),
        ({"documents": [{"text": "a"}] * 6}, 413, "payload_too_large"),
        ({"documents": [{"text": "y" * 150}] * 3}, 413, "payload_too_large"),
    ],
)
def test_a_batch_wrong_as_a_whole_fails_in_the_envelope(small, payload, status, code):
    error = assert_error(small.post("/v1/quotes/batch", json=payload), status, code)
    if status == 413:
        assert "limit" in error["details"]
        assert str(error["details"]["limit"]) in error["message"]


def test_body_over_the_batch_byte_limit_is_413_and_the_app_keeps_serving(small):
    response = small.post(
        "/v1/quotes/batch", data=b'{"documents": [{"text": "' + b"z" * 4000 + b'"}]}', content_type="application/json"
    )
    error = assert_error(response, 413, "payload_too_large")
    assert "3000 bytes" in error["message"]
    assert post_batch(small, [{"text": DIRECT}]).status_code == 200


def test_batch_byte_limit_replaces_the_single_request_limit(nlp):
    class Config_(Config):
        TESTING = True
        MAX_CONTENT_LENGTH = 500
        MAX_BATCH_BYTES = 5_000

    client = create_app(Config_, nlp=nlp).test_client()
    documents = [{"text": DIRECT}] * 10
    assert post_batch(client, documents).status_code == 200
    assert client.post("/v1/quotes", json={"text": DIRECT * 10}).status_code == 413


def test_not_json_wrong_type_and_wrong_method(client):
    assert_error(client.post("/v1/quotes/batch", data="{nope", content_type="application/json"), 400, "bad_request")
    assert_error(client.post("/v1/quotes/batch", data=DIRECT, content_type="text/plain"), 415, "unsupported_media_type")
    assert_error(client.get("/v1/quotes/batch"), 405, "method_not_allowed")


def test_the_batch_is_parsed_in_one_nlp_pipe_pass(client, nlp, monkeypatch):
    calls = []
    original = nlp.pipe

    def counting_pipe(texts, *args, **kwargs):
        texts = list(texts)
        calls.append(len(texts))
        return original(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    response = post_batch(client, [{"text": t} for t in (DIRECT, INDIRECT, NONE, DIRECT)])
    assert response.status_code == 200
    assert calls == [4]


def test_a_document_that_breaks_the_pipeline_fails_alone(client, monkeypatch):
    import service.api.batch as batch_module

    original = batch_module.response_body

    def fragile(nlp, doc, doc_id, elapsed, source=None):
        if doc_id == "boom":
            raise RuntimeError("simulated failure in the rules")
        return original(nlp, doc, doc_id, elapsed, source)

    monkeypatch.setattr(batch_module, "response_body", fragile)
    response = post_batch(
        client, [{"id": "a", "text": DIRECT}, {"id": "boom", "text": NONE}, {"id": "c", "text": INDIRECT}]
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == ["a", "boom", "c"]
    assert results[1]["error"]["code"] == "internal_error"
    assert "simulated" not in results[1]["error"]["message"]
    assert results[0]["quotes"] and results[2]["quotes"]


def test_documents_past_the_time_budget_get_an_error_entry(nlp):
    class Tight(Config):
        TESTING = True
        REQUEST_BUDGET_S = 0.001

    client = create_app(Tight, nlp=nlp).test_client()
    response = post_batch(client, [{"id": str(n), "text": DIRECT + " " + INDIRECT * 20} for n in range(20)])
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == [str(n) for n in range(20)]
    late = [r for r in results if "error" in r]
    assert late, "a 1 ms budget cannot cover 20 documents"
    for result in late:
        assert result["error"]["code"] == "over_time_budget"
        assert result["error"]["details"] == {"budget_s": 0.001}
    # The same app, and so the same worker, goes on answering.
    assert post_batch(client, [{"text": NONE}]).status_code == 200
