"""POST /v1/quotes and GET /v1/health."""

from __future__ import annotations

import json

from flask import Blueprint, current_app, request
from marshmallow import ValidationError

from schemas.quotes import (
    HealthSchema,
    QuoteRequestSchema,
    QuoteResponseSchema,
    health_schema,
    quote_request_schema,
)

from ..budget import request_budget
from ..errors import APIError
from ..nlp.pipeline import model_label
from ..observability import record_document
from ..openapi import (
    HEALTH_EXAMPLE,
    QUOTE_REQUEST_EXAMPLE,
    QUOTE_RESPONSE_EXAMPLE,
    QUOTE_TEXT_EXAMPLE,
    error_responses,
    json_body,
    json_response,
    operation,
)
from ..response import attribute_text
from ..version import __version__

bp = Blueprint("quotes", __name__, url_prefix="/v1")


def _payload() -> dict:
    """The request as a dict: a JSON object, or a text/plain body as {"text": body}."""
    mimetype = request.mimetype
    if mimetype == "application/json" or mimetype.endswith("+json"):
        try:
            data = json.loads(request.get_data())
        except ValueError:
            raise APIError(400, "The request body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise APIError(422, "The JSON body must be an object.", {"_schema": ["Expected an object."]})
        return data
    if mimetype == "text/plain":
        try:
            return {"text": request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))}
        except (UnicodeDecodeError, LookupError):
            raise APIError(400, "The request body is not valid text in its declared charset.") from None
    raise APIError(415, "Send application/json or text/plain.", {"content_type": request.content_type or ""})


def load_quote_request() -> dict:
    try:
        data = quote_request_schema.load(_payload())
    except ValidationError as error:
        raise APIError(422, "The request failed validation.", error.messages) from None
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(data["text"]) > limit:
        raise APIError(413, f"The text has {len(data['text'])} characters; the limit is {limit}.", {"limit": limit})
    if not data["text"].strip():
        raise APIError(422, "The request failed validation.", {"text": ["The text is blank."]})
    return data


@bp.post("/quotes")
@operation(
    "post",
    summary="Find and attribute the quotations in one text",
    description="Send the article as a JSON object, or as the whole `text/plain` body.",
    requestBody=json_body(QuoteRequestSchema, example=QUOTE_REQUEST_EXAMPLE, text_plain=QUOTE_TEXT_EXAMPLE),
    responses={
        "200": json_response(QuoteResponseSchema, "The quotations and their speakers.", QUOTE_RESPONSE_EXAMPLE),
        **error_responses(400, 401, 413, 415, 422, 429, 503),
    },
)
def quotes():
    data = load_quote_request()
    with request_budget():
        body = attribute_text(current_app.extensions["quote_nlp"], data["text"], data.get("id"))
    record_document("quotes", body["meta"]["chars"], body["quotes"])
    return body


@bp.get("/health")
@operation(
    "get",
    summary="Whether the service is up, and which model it runs",
    tags=["service"],
    responses={"200": json_response(HealthSchema, "The service is up.", HEALTH_EXAMPLE)},
)
def health():
    nlp = current_app.extensions["quote_nlp"]
    return health_schema.dump({"status": "ok", "model": model_label(nlp), "version": __version__})
