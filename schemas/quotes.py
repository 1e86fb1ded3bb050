"""Request and response schemas of the quotes API (marshmallow)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate


class QuoteRequestSchema(Schema):
    text = fields.String(required=True, validate=validate.Length(min=1), metadata={"description": "The article text."})
    id = fields.String(
        load_default=None, allow_none=True, validate=validate.Length(max=200), metadata={"description": "Echoed back."}
    )


class TextSpanSchema(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class SpeakerRefSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    kind = fields.Function(lambda s: s.kind.value, required=True)
    role = fields.String(allow_none=True)


class QuoteSchema(Schema):
    id = fields.String(required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    kind = fields.Function(lambda q: q.kind.value, required=True)
    confidence = fields.Float(required=True)
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True)
    mention = fields.Nested(TextSpanSchema, allow_none=True)
    cue = fields.Nested(TextSpanSchema, allow_none=True)


class SpeakerSchema(SpeakerRefSchema):
    roles = fields.List(fields.String(), required=True)
    mentions = fields.List(fields.Nested(TextSpanSchema), required=True)
    quotes = fields.List(fields.String(), required=True)


class MetaSchema(Schema):
    model = fields.String(required=True)
    version = fields.String(required=True)
    chars = fields.Integer(required=True)
    elapsed_ms = fields.Float(required=True)


class QuoteResponseSchema(Schema):
    id = fields.String(allow_none=True)
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    speakers = fields.List(fields.Nested(SpeakerSchema), required=True)
    meta = fields.Nested(MetaSchema, required=True)


class HealthSchema(Schema):
    status = fields.String(required=True)
    model = fields.String(required=True)
    version = fields.String(required=True)


class ErrorBodySchema(Schema):
    code = fields.String(required=True)
    message = fields.String(required=True)
    details = fields.Dict(required=True)


class ErrorSchema(Schema):
    error = fields.Nested(ErrorBodySchema, required=True)


quote_request_schema = QuoteRequestSchema()
quote_response_schema = QuoteResponseSchema()
health_schema = HealthSchema()
