"""POST /v1/quotes and GET /v1/health."""

from __future__ import annotations

import time

from flask import Blueprint, current_app

from schemas.quotes import HealthSchema, QuoteRequestSchema, QuoteResponseSchema, health_schema

from ..budget import request_budget
from ..nlp.pipeline import model_label
from ..observability import record_document
from ..openapi import (
    HEALTH_EXAMPLE,
    QUOTE_HTML_EXAMPLE,
    QUOTE_HTML_REQUEST_EXAMPLE,
    QUOTE_HTML_RESPONSE_EXAMPLE,
    QUOTE_REQUEST_EXAMPLE,
    QUOTE_RESPONSE_EXAMPLE,
    QUOTE_TEXT_EXAMPLE,
    error_responses,
    json_body,
    json_response,
    operation,
    service_get,
)
from ..response import response_body
from ..version import __version__
from .documents import load_document, request_payload

bp = Blueprint("quotes", __name__, url_prefix="/v1")


@bp.post("/quotes")
@operation(
    "post",
    operationId="attributeQuotes",
    summary="Find and attribute the quotations in one text",
    description=(
        "Send the article as a JSON object, or as the whole `text/plain` or `text/html` body. "
        'For HTML (`text/html`, or `"format": "html"` in JSON) every offset in the answer points into the HTML '
        "as sent, and each span's `text` is its decoded plain text."
    ),
    requestBody=json_body(
        QuoteRequestSchema,
        examples={"text": QUOTE_REQUEST_EXAMPLE, "html": QUOTE_HTML_REQUEST_EXAMPLE},
        text_plain=QUOTE_TEXT_EXAMPLE,
        text_html=QUOTE_HTML_EXAMPLE,
    ),
    responses={
        "200": json_response(
            QuoteResponseSchema,
            "The quotations and their speakers.",
            examples={"text": QUOTE_RESPONSE_EXAMPLE, "html": QUOTE_HTML_RESPONSE_EXAMPLE},
        ),
        **error_responses(400, 401, 413, 415, 422, 429, 503),
    },
)
def quotes():
    document = load_document(request_payload())
    nlp = current_app.extensions["quote_nlp"]
    with request_budget():
        started = time.perf_counter()
        doc = nlp(document.text)
        body = response_body(nlp, doc, document.id, (time.perf_counter() - started) * 1000, document.source)
    record_document("quotes", body["meta"]["chars"], body["quotes"])
    return body


@bp.get("/health")
@service_get(
    "health",
    "Whether the service is up, and which model it runs",
    json_response(HealthSchema, "The service is up.", HEALTH_EXAMPLE),
)
def health():
    nlp = current_app.extensions["quote_nlp"]
    return health_schema.dump({"status": "ok", "model": model_label(nlp), "version": __version__})
