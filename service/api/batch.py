"""POST /v1/quotes/batch: many texts in one request, parsed in one `nlp.pipe` pass.

The answer has one entry per document, in input order: its quotes and speakers, or an
`error` (the same {"code", "message", "details"} as the API's error envelope) when that
document was invalid, too long, not reached within the time budget, or failed.  Only
a request that is wrong as a whole (not JSON, no `documents` list, too many documents,
too much text) fails as a whole.
"""

from __future__ import annotations

import time

from flask import Blueprint, current_app, request
from marshmallow import ValidationError
from spacy.language import Language

from schemas.batch import BatchRequestSchema, BatchResponseSchema, batch_document_schema, batch_meta_schema

from ..budget import Budget, OverBudget, request_budget
from ..errors import CODES, APIError
from ..nlp.pipeline import model_label
from ..observability import record_document, record_document_error
from ..openapi import error_responses, json_body, json_response, operation
from ..response import response_body
from ..version import __version__

bp = Blueprint("batch", __name__, url_prefix="/v1")

# Documents per spaCy minibatch: big enough for the parser's batching, small enough that
# the time budget is checked often.
PIPE_BATCH_SIZE = 8


def _error(status: int, message: str, details: dict | None = None) -> dict:
    return {"code": CODES.get(status, "error"), "message": message, "details": details or {}}


def _request_documents() -> list:
    mimetype = request.mimetype
    if not (mimetype == "application/json" or mimetype.endswith("+json")):
        raise APIError(415, "Send application/json.", {"content_type": request.content_type or ""})
    # The batch body limit replaces MAX_CONTENT_LENGTH for this route (Flask 3.1).
    request.max_content_length = current_app.config["MAX_BATCH_BYTES"]
    data = request.get_json(silent=True)
    if data is None:
        raise APIError(400, "The request body is not valid JSON.")
    if not isinstance(data, dict):
        raise APIError(422, "The JSON body must be an object.", {"_schema": ["Expected an object."]})
    documents = data.get("documents")
    if not isinstance(documents, list):
        message = "Missing data for required field." if documents is None else "Not a valid list."
        raise APIError(422, "The request failed validation.", {"documents": [message]})
    unknown = sorted(set(data) - {"documents"})
    if unknown:
        raise APIError(422, "The request failed validation.", {field: ["Unknown field."] for field in unknown})
    if not documents:
        raise APIError(422, "The request failed validation.", {"documents": ["Send at least one document."]})
    limit = current_app.config["MAX_BATCH_DOCS"]
    if len(documents) > limit:
        raise APIError(
            413,
            f"The batch has {len(documents)} documents; the limit is {limit}.",
            {"limit": limit, "field": "documents"},
        )
    return documents


def _echo_id(document) -> str | None:
    if isinstance(document, dict) and isinstance(document.get("id"), str) and len(document["id"]) <= 200:
        return document["id"]
    return None


def _load_document(document) -> dict:
    """The valid document, or raise `APIError` with what is wrong with it."""
    if not isinstance(document, dict):
        raise APIError(422, "The document failed validation.", {"_schema": ["Expected an object."]})
    try:
        data = batch_document_schema.load(document)
    except ValidationError as error:
        raise APIError(422, "The document failed validation.", error.messages) from None
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(data["text"]) > limit:
        raise APIError(413, f"The text has {len(data['text'])} characters; the limit is {limit}.", {"limit": limit})
    if not data["text"].strip():
        raise APIError(422, "The document failed validation.", {"text": ["The text is blank."]})
    return data


def _result(nlp: Language, doc, doc_id: str | None) -> dict:
    body = response_body(nlp, doc, doc_id, 0.0)
    record_document("batch", len(doc.text), body["quotes"])
    return {"id": body["id"], "quotes": body["quotes"], "speakers": body["speakers"]}


def _parse(nlp: Language, jobs: list[tuple[int, dict]], results: list, budget: Budget) -> None:
    """Fill `results` for `jobs` in one `nlp.pipe` pass.  Should the pass fail, the
    documents it did not finish are parsed one by one, so only a failing one fails."""
    done = 0
    try:
        texts = (data["text"] for _, data in jobs)
        for (n, data), doc in zip(jobs, nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE)):
            results[n] = _result(nlp, doc, data["id"])
            done += 1
            if budget.exceeded():
                raise budget.error()
        return
    except OverBudget:
        raise
    except Exception:
        current_app.logger.exception("batch pass failed; parsing the rest one by one")
    for n, data in jobs[done:]:
        if budget.exceeded():
            raise budget.error()
        try:
            results[n] = _result(nlp, nlp(data["text"]), data["id"])
        except OverBudget:
            raise
        except Exception:
            current_app.logger.exception("document %d failed", n)
            results[n] = {"id": data["id"], "error": _error(500, "This document could not be processed.")}


BATCH_REQUEST_EXAMPLE = {
    "documents": [
        {"id": "a1", "text": "“We will appeal,” the mayor said."},
        {"id": "a2", "text": "   "},
    ]
}


@bp.post("/quotes/batch")
@operation(
    "post",
    summary="Find and attribute the quotations in many texts",
    description=(
        "Up to `QUOTES_MAX_BATCH_DOCS` documents and `QUOTES_MAX_BATCH_CHARS` characters, parsed in one pass. "
        "Results come in input order; a document that is invalid, too long (over `QUOTES_MAX_CHARS`), "
        "not reached within the time budget or failing gets an `error` entry instead of `quotes` and `speakers`."
    ),
    requestBody=json_body(BatchRequestSchema, example=BATCH_REQUEST_EXAMPLE),
    responses={
        "200": json_response(BatchResponseSchema, "One result per document, in input order."),
        **error_responses(400, 401, 413, 415, 422, 429),
    },
)
def batch():
    started = time.perf_counter()
    documents = _request_documents()
    nlp = current_app.extensions["quote_nlp"]
    results: list[dict | None] = [None] * len(documents)
    jobs: list[tuple[int, dict]] = []
    for n, document in enumerate(documents):
        try:
            jobs.append((n, _load_document(document)))
        except APIError as error:
            results[n] = {"id": _echo_id(document), "error": _error(error.status, error.message, error.details)}
    chars = sum(len(data["text"]) for _, data in jobs)
    limit = current_app.config["MAX_BATCH_CHARS"]
    if chars > limit:
        raise APIError(413, f"The batch has {chars} characters of text; the limit is {limit}.", {"limit": limit})

    with request_budget() as budget:
        try:
            _parse(nlp, jobs, results, budget)
        except OverBudget as over:
            for n, data in jobs:
                if results[n] is None:
                    results[n] = {"id": data["id"], "error": _error(over.status, over.message, over.details)}

    errors = 0
    for result in results:
        if "error" in result:
            errors += 1
            record_document_error(result["error"]["code"])
    meta = {
        "model": model_label(nlp),
        "version": __version__,
        "documents": len(documents),
        "errors": errors,
        "chars": chars,
        "elapsed_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    return {"results": results, "meta": batch_meta_schema.dump(meta)}
