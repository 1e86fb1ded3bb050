"""Prometheus metrics at `GET /metrics`, a request id, and one JSON log line per request.

Metrics come from `prometheus_client`.  Under gunicorn every worker counts in its own
process; `gunicorn.conf.py` sets `PROMETHEUS_MULTIPROC_DIR` before the app is imported,
so the counters live in files there and `/metrics` adds up all workers (dead ones too,
so counts never go backwards when a worker is replaced).  Without that variable (tests,
`flask run`) the process's own registry is served.

The log line goes to the `quotes.access` logger (stderr) and holds no header values and
no API key; `key_id` is a hash of the key (see `auth.py`).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import uuid

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from .openapi import plain_response, service_get

REQUEST_ID_HEADER = "X-Request-ID"
# A client's request id is echoed only if it is short and plain; otherwise a new one is made.
_REQUEST_ID_RE = re.compile(r"[A-Za-z0-9._:\-]{1,128}")

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

REQUESTS = Counter("quotes_http_requests", "HTTP requests answered.", ["method", "route", "status"])
LATENCY = Histogram(
    "quotes_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
DOCUMENTS = Counter("quotes_documents_processed", "Documents parsed.", ["endpoint"])
CHARACTERS = Counter("quotes_characters_processed", "Characters of text parsed.", ["endpoint"])
QUOTES = Counter("quotes_quotes_found", "Quotations found, by kind.", ["kind"])
DOCUMENT_ERRORS = Counter("quotes_batch_document_errors", "Batch documents answered with an error entry.", ["code"])

access_log = logging.getLogger("quotes.access")


def record_document(endpoint: str, chars: int, quotes: list[dict]) -> None:
    """Count one parsed document (`endpoint` is "quotes" or "batch")."""
    DOCUMENTS.labels(endpoint).inc()
    CHARACTERS.labels(endpoint).inc(chars)
    for quote in quotes:
        QUOTES.labels(quote.get("kind", "unknown")).inc()


def record_document_error(code: str) -> None:
    DOCUMENT_ERRORS.labels(code).inc()


def metrics_payload() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@service_get(
    "metrics",
    "Prometheus metrics of every worker",
    plain_response("The Prometheus text exposition format.", "text/plain", "string"),
)
def metrics():
    return Response(metrics_payload(), mimetype=CONTENT_TYPE_LATEST)


def _route() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "<unmatched>"


def _start_request() -> None:
    g.started = time.perf_counter()
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _REQUEST_ID_RE.fullmatch(given) else uuid.uuid4().hex


def _finish_request(response: Response) -> Response:
    elapsed = time.perf_counter() - g.get("started", time.perf_counter())
    request_id = g.get("request_id") or uuid.uuid4().hex
    response.headers[REQUEST_ID_HEADER] = request_id
    route = _route()
    status = str(response.status_code)
    REQUESTS.labels(request.method, route, status).inc()
    LATENCY.labels(request.method, route, status).observe(elapsed)
    if access_log.isEnabledFor(logging.INFO):
        access_log.info(
            json.dumps(
                {
                    "ts": round(time.time(), 3),
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(elapsed * 1000, 1),
                    "bytes_in": request.content_length or 0,
                    "bytes_out": response.calculate_content_length() or 0,
                    "key_id": g.get("key_id"),
                    "pid": os.getpid(),
                },
                ensure_ascii=False,
            )
        )
    return response


def configure_access_log(enabled: bool) -> None:
    """One bare JSON line per record on stderr; set up once per process."""
    if not any(getattr(h, "_quotes_access", False) for h in access_log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler._quotes_access = True
        access_log.addHandler(handler)
        access_log.propagate = False
    access_log.setLevel(logging.INFO if enabled else logging.WARNING)


def init_observability(app: Flask) -> None:
    """Register first, so the request id and the clock start before any other hook."""
    configure_access_log(app.config.get("ACCESS_LOG", True))
    app.before_request(_start_request)
    app.after_request(_finish_request)
    app.add_url_rule("/metrics", "metrics", metrics, methods=["GET"])
