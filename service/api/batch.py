"""POST /v1/quotes/batch: many texts in one request, parsed in one `nlp.pipe` pass.

The request is validated as a whole, with the same schema and limits as POST /v1/quotes
for each document (service/api/documents.py): an invalid document is a 422 for the
request, its index in `details`.  The answer has one entry per document, in input
order: its quotes and speakers, or an `error` (the same {"code", "message", "details"}
as the API's error envelope) when the service could not finish that document within
the time budget, or failed on it.
"""

from __future__ import annotations

import time

from flask import Blueprint, current_app, request
from spacy.language import Language

from schemas.batch import BatchRequestSchema, BatchResponseSchema, batch_meta_schema

from ..budget import Budget, OverBudget, request_budget
from ..errors import APIError, error_body
from ..nlp.pipeline import model_label
from ..observability import record_document, record_document_error
from ..openapi import (
    BATCH_REQUEST_EXAMPLE,
    BATCH_RESPONSE_EXAMPLE,
    error_responses,
    json_body,
    json_response,
    operation,
)
from ..response import response_body
from ..version import __version__
from .documents import Document, is_json, json_object, load_batch

bp = Blueprint("batch", __name__, url_prefix="/v1")

# Documents per spaCy minibatch: big enough for the parser's batching, small enough that
# the time budget is checked often.
PIPE_BATCH_SIZE = 8


def _request_documents() -> list[Document]:
    if not is_json(request.mimetype):
        raise APIError(415, "Send application/json.", {"content_type": request.content_type or ""})
    # The batch body limit replaces MAX_CONTENT_LENGTH for this route (Flask 3.1).
    request.max_content_length = current_app.config["MAX_BATCH_BYTES"]
    return load_batch(json_object())


def _result(nlp: Language, doc, document: Document) -> dict:
    body = response_body(nlp, doc, document.id, 0.0, document.source)
    record_document("batch", document.chars, body["quotes"])
    return {"id": body["id"], "quotes": body["quotes"], "speakers": body["speakers"]}


def _parse(nlp: Language, jobs: list[tuple[int, Document]], results: list, budget: Budget) -> None:
    """Fill `results` for `jobs` in one `nlp.pipe` pass.  Should the pass fail, the
    documents it did not finish are parsed one by one, so only a failing one fails."""
    done = 0
    try:
        texts = (document.text for _, document in jobs)
        for (n, document), doc in zip(jobs, nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE)):
            results[n] = _result(nlp, doc, document)
            done += 1
            if budget.exceeded():
                raise budget.error()
        return
    except OverBudget:
        raise
    except Exception:
        current_app.logger.exception("batch pass failed; parsing the rest one by one")
    for n, document in jobs[done:]:
        if budget.exceeded():
            raise budget.error()
        try:
            results[n] = _result(nlp, nlp(document.text), document)
        except OverBudget:
            raise
        except Exception:
            current_app.logger.exception("document %d failed", n)
            results[n] = {"id": document.id, "error": error_body(500, "This document could not be processed.")}


@bp.post("/quotes/batch")
@operation(
    "post",
    operationId="attributeBatch",
    summary="Find and attribute the quotations in many texts",
    description=(
        "Up to `QUOTES_MAX_BATCH_DOCS` documents and `QUOTES_MAX_BATCH_CHARS` characters, parsed in one pass; "
        "each document is what POST /v1/quotes takes as JSON (plain text or HTML). "
        "The request is validated as a whole: an invalid document, or one over `QUOTES_MAX_CHARS`, fails the "
        "request (`details` names the document by its index). Results come in input order; a document the "
        "service could not finish (time budget, failure) gets an `error` entry instead of `quotes` and `speakers`."
    ),
    requestBody=json_body(BatchRequestSchema, example=BATCH_REQUEST_EXAMPLE),
    responses={
        "200": json_response(
            BatchResponseSchema, "One result per document, in input order.", example=BATCH_RESPONSE_EXAMPLE
        ),
        **error_responses(400, 401, 413, 415, 422, 429),
    },
)
def batch():
    started = time.perf_counter()
    documents = _request_documents()
    nlp = current_app.extensions["quote_nlp"]
    results: list[dict | None] = [None] * len(documents)
    jobs = list(enumerate(documents))
    with request_budget() as budget:
        try:
            _parse(nlp, jobs, results, budget)
        except OverBudget as over:
            for n, document in jobs:
                if results[n] is None:
                    results[n] = {"id": document.id, "error": error_body(over.status, over.message, over.details)}

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
        "chars": sum(document.chars for document in documents),
        "elapsed_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    return {"results": results, "meta": batch_meta_schema.dump(meta)}
