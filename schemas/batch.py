"""Request and response schemas of POST /v1/quotes/batch (marshmallow).

One bad document gives an error entry for that document instead of failing the batch:
the view checks the envelope, then loads each document with `BatchDocumentSchema`.
"""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.quotes import ErrorBodySchema, QuoteSchema, SpeakerSchema, unicode_text


class BatchDocumentSchema(Schema):
    id = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Length(max=200),
        metadata={"description": "Echoed back in the document's result."},
    )
    text = fields.String(
        required=True, validate=[validate.Length(min=1), unicode_text], metadata={"description": "The article text."}
    )


class BatchRequestSchema(Schema):
    """The whole request, as documented.  The view checks the envelope itself and loads
    each document with `BatchDocumentSchema`, so that a bad document fails alone."""

    documents = fields.List(
        fields.Nested(BatchDocumentSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "The texts, answered in this order (at most `QUOTES_MAX_BATCH_DOCS`)."},
    )


class BatchResultSchema(Schema):
    """A document's quotes and speakers, or (instead of both) its error."""

    id = fields.String(allow_none=True)
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerSchema))
    error = fields.Nested(ErrorBodySchema)


class BatchMetaSchema(Schema):
    model = fields.String(required=True)
    version = fields.String(required=True)
    documents = fields.Integer(required=True, metadata={"description": "Documents in the request."})
    errors = fields.Integer(required=True, metadata={"description": "Documents answered with an error entry."})
    chars = fields.Integer(required=True, metadata={"description": "Characters of text in the valid documents."})
    elapsed_ms = fields.Float(required=True)


class BatchResponseSchema(Schema):
    results = fields.List(fields.Nested(BatchResultSchema), required=True)
    meta = fields.Nested(BatchMetaSchema, required=True)


batch_document_schema = BatchDocumentSchema()
batch_meta_schema = BatchMetaSchema()
