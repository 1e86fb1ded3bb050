"""The one validation path at the API edge: request body -> `Document`s.

Both routes load their documents here, with the same schema (`QuoteRequestSchema`; a
batch nests it), the same length limit and the same HTML conversion; everything the
schemas can say (a missing or blank text, an unknown field, a wrong type) is a 422 for
the whole request, with marshmallow's messages as `details` (a batch's keyed by the
document's index).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from flask import current_app, request
from marshmallow import ValidationError

from schemas.batch import batch_request_schema
from schemas.quotes import quote_request_schema

from ..errors import APIError
from ..htmltext import HtmlText, html_to_text

JSON_TYPES = ("application/json",)
TEXT_TYPES = {"text/plain": "text", "text/html": "html"}


@dataclass(frozen=True)
class Document:
    """A valid document: `text` is what the pipeline reads; for HTML input, `source`
    maps it back into the HTML as sent."""

    text: str
    id: str | None
    chars: int  # characters of input as sent
    source: HtmlText | None = None


def is_json(mimetype: str) -> bool:
    return mimetype in JSON_TYPES or mimetype.endswith("+json")


def json_object() -> dict:
    """The request body as a JSON object (400 when not JSON, 422 when not an object)."""
    try:
        data = json.loads(request.get_data())
    except ValueError:
        raise APIError(400, "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise APIError(422, "The JSON body must be an object.", {"_schema": ["Expected an object."]})
    return data


def request_payload() -> dict:
    """POST /v1/quotes' body as a dict: a JSON object, or a text/plain or text/html body
    as {"text": body, "format": ...}."""
    mimetype = request.mimetype
    if is_json(mimetype):
        return json_object()
    if mimetype in TEXT_TYPES:
        try:
            text = request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))
        except (UnicodeDecodeError, LookupError):
            raise APIError(400, "The request body is not valid text in its declared charset.") from None
        return {"text": text, "format": TEXT_TYPES[mimetype]}
    raise APIError(415, "Send application/json, text/plain or text/html.", {"content_type": request.content_type or ""})


def to_document(data: dict, limit: int) -> Document:
    """A loaded request (`QuoteRequestSchema`) as a `Document`; 413 over `limit` characters."""
    text = data["text"]
    if len(text) > limit:
        raise APIError(413, f"The text has {len(text)} characters; the limit is {limit}.", {"limit": limit})
    if data["format"] == "html":
        source = html_to_text(text)
        return Document(source.text, data["id"], len(text), source)
    return Document(text, data["id"], len(text))


def load_document(payload: dict) -> Document:
    """The one document of POST /v1/quotes."""
    try:
        data = quote_request_schema.load(payload)
    except ValidationError as error:
        raise APIError(422, "The request failed validation.", error.messages) from None
    return to_document(data, current_app.config["MAX_TEXT_CHARS"])


def load_batch(payload: dict) -> list[Document]:
    """The documents of POST /v1/quotes/batch; 413 over the document limit, checked
    before anything else is."""
    documents = payload.get("documents")
    limit = current_app.config["MAX_BATCH_DOCS"]
    if isinstance(documents, list) and len(documents) > limit:
        raise APIError(
            413,
            f"The batch has {len(documents)} documents; the limit is {limit}.",
            {"limit": limit, "field": "documents"},
        )
    try:
        data = batch_request_schema.load(payload)
    except ValidationError as error:
        raise APIError(422, "The request failed validation.", error.messages) from None
    text_limit = current_app.config["MAX_TEXT_CHARS"]
    loaded = []
    for n, document in enumerate(data["documents"]):
        try:
            loaded.append(to_document(document, text_limit))
        except APIError as error:
            raise APIError(error.status, f"Document {n}: {error.message}", {**error.details, "document": n}) from None
    chars = sum(document.chars for document in loaded)
    chars_limit = current_app.config["MAX_BATCH_CHARS"]
    if chars > chars_limit:
        raise APIError(
            413, f"The batch has {chars} characters of text; the limit is {chars_limit}.", {"limit": chars_limit}
        )
    return loaded
