"""Request and response schemas of POST /v1/quotes/batch (marshmallow).

Each document is a `QuoteRequestSchema`, the same as the body of POST /v1/quotes.  A
request that fails these schemas fails as a whole (422, `details` keyed by the
document's index); a document the service could not finish (time budget, failure) gets
an error entry in its place, so each result is one of `BatchResultSchema` or
`BatchErrorSchema`.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.quotes import ErrorBodySchema, QuoteRequestSchema, QuoteSchema, SpeakerSchema


class BatchRequestSchema(Schema):
    documents = fields.List(
        fields.Nested(QuoteRequestSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "The texts, answered in this order (at most `QUOTES_MAX_BATCH_DOCS`)."},
    )


class BatchResultSchema(Schema):
    """A document's quotes and speakers."""

    id = fields.String(required=True, allow_none=True, metadata={"description": "The document's `id`, echoed."})
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    speakers = fields.List(fields.Nested(SpeakerSchema), required=True)


class BatchErrorSchema(Schema):
    """A document the service could not finish: its error instead of quotes and speakers."""

    id = fields.String(required=True, allow_none=True, metadata={"description": "The document's `id`, echoed."})
    error = fields.Nested(ErrorBodySchema, required=True)


class BatchMetaSchema(Schema):
    model = fields.String(required=True)
    version = fields.String(required=True)
    documents = fields.Integer(required=True, metadata={"description": "Documents in the request."})
    errors = fields.Integer(required=True, metadata={"description": "Documents answered with an error entry."})
    chars = fields.Integer(required=True, metadata={"description": "Characters of input in all the documents."})
    elapsed_ms = fields.Float(required=True)


class BatchResponseSchema(Schema):
    # Each entry is a BatchResult or a BatchError: the OpenAPI document says so with a
    # `oneOf` (service/openapi.py, BATCH_RESULT_ONE_OF); marshmallow only dumps `meta`.
    results = fields.List(fields.Dict(), required=True, metadata={"description": "One per document, in order."})
    meta = fields.Nested(BatchMetaSchema, required=True)


batch_request_schema = BatchRequestSchema()
batch_meta_schema = BatchMetaSchema()
