"""GET /metrics (Prometheus), the request id, the JSON access log and GET /v1/health."""

from __future__ import annotations

import json
import logging

import pytest
from prometheus_client.parser import text_string_to_metric_families

TEXT = "“We will appeal,” Mayor Ann Lee said. Officials said the strikes were defensive."


def samples(client) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    found = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found, name, **labels) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def access_records():
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Keep()
    logger = logging.getLogger("quotes.access")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def test_requests_documents_characters_and_quotes_are_counted(client):
    before = samples(client)
    body = client.post("/v1/quotes", json={"text": TEXT}).get_json()
    kinds = [q["kind"] for q in body["quotes"]]
    assert sorted(kinds) == ["direct", "indirect"]
    client.post("/v1/quotes/batch", json={"documents": [{"text": TEXT}]})
    client.post("/v1/quotes/batch", json={"documents": [{"text": TEXT}, {"text": ""}]})  # 422: nothing parsed
    client.post("/v1/quotes", json={"text": ""})
    client.get("/no/such/page")
    after = samples(client)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    route = {"method": "POST", "route": "/v1/quotes"}
    assert delta("quotes_http_requests_total", **route, status="200") == 1
    assert delta("quotes_http_requests_total", **route, status="422") == 1
    assert delta("quotes_http_requests_total", method="POST", route="/v1/quotes/batch", status="200") == 1
    assert delta("quotes_http_requests_total", method="POST", route="/v1/quotes/batch", status="422") == 1
    assert delta("quotes_http_requests_total", method="GET", route="<unmatched>", status="404") == 1
    assert delta("quotes_http_request_duration_seconds_count", **route, status="200") == 1
    assert delta("quotes_http_request_duration_seconds_sum", **route, status="200") > 0
    assert delta("quotes_documents_processed_total", endpoint="quotes") == 1
    assert delta("quotes_documents_processed_total", endpoint="batch") == 1
    assert delta("quotes_characters_processed_total", endpoint="quotes") == len(TEXT)
    assert delta("quotes_characters_processed_total", endpoint="batch") == len(TEXT)
    assert delta("quotes_quotes_found_total", kind="direct") == 2
    assert delta("quotes_quotes_found_total", kind="indirect") == 2
    assert delta("quotes_batch_document_errors_total", code="validation_failed") == 0


def test_a_request_id_is_echoed_or_made(client):
    response = client.get("/v1/health", headers={"X-Request-ID": "abc-123.def"})
    assert response.headers["X-Request-ID"] == "abc-123.def"
    made = client.get("/v1/health").headers["X-Request-ID"]
    assert len(made) == 32 and int(made, 16) >= 0
    # An id with odd characters (or too long) is not echoed into headers and logs.
    for odd in ("bad id\x7f", "x" * 200, '"quoted"', "a;b=c"):
        response = client.get("/v1/health", headers={"X-Request-ID": odd})
        assert response.headers["X-Request-ID"] != odd
        assert len(response.headers["X-Request-ID"]) == 32
    assert client.post("/v1/quotes", data="{", content_type="application/json").headers["X-Request-ID"]


def test_one_json_log_line_per_request(client, access_records):
    client.post("/v1/quotes", json={"text": TEXT}, headers={"X-Request-ID": "req-1"})
    client.post("/v1/quotes", data="{", content_type="application/json")
    client.get("/metrics")
    assert len(access_records) == 3
    lines = [json.loads(r) for r in access_records]
    assert lines[0]["request_id"] == "req-1"
    assert lines[0]["status"] == 200 and lines[0]["route"] == "/v1/quotes" and lines[0]["method"] == "POST"
    assert lines[0]["duration_ms"] > 0 and lines[0]["bytes_out"] > 0
    assert lines[1]["status"] == 400
    assert lines[2]["path"] == "/metrics"
    assert lines[0]["request_id"] != lines[1]["request_id"] != lines[2]["request_id"]
    assert all("\n" not in r for r in access_records)


def test_the_access_log_can_be_turned_off(nlp, access_records):
    from service.app import create_app
    from service.config import Config

    class Quiet(Config):
        TESTING = True
        ACCESS_LOG = False

    try:
        create_app(Quiet, nlp=nlp).test_client().get("/v1/health")
        assert access_records == []
    finally:
        logging.getLogger("quotes.access").setLevel(logging.INFO)


def test_health_reports_the_model_and_version(client):
    body = client.get("/v1/health").get_json()
    assert body["status"] == "ok"
    assert body["model"] == "en_core_web_sm 3.8.0"
    assert body["version"]
