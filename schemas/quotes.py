"""Request and response schemas of the quotes API (marshmallow)."""

from __future__ import annotations

import re

from marshmallow import Schema, ValidationError, fields, validate

_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_text(value: str) -> None:
    """JSON can carry lone surrogates ("\\ud800"), which are not characters and which
    spaCy cannot hash: refuse them (422) rather than fail on them (500)."""
    found = _SURROGATE.search(value)
    if found:
        raise ValidationError(
            f"The text has an unpaired surrogate code point (U+{ord(found.group()):04X}) at {found.start()}; "
            "send valid Unicode."
        )


# What `str.isspace` calls whitespace, spelled out so that the pattern means the same to
# Python's `re` and to a JSON Schema (ECMA-262) validator; tests/test_schemas.py checks it.
WHITESPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# "Not blank": at least one character that is not whitespace (matched from the start, as
# marshmallow's Regexp does, or anywhere, as JSON Schema's `pattern` does: the same rule).
NOT_BLANK = re.compile(f"[{WHITESPACE}]*[^{WHITESPACE}]")
INPUT_FORMATS = ("text", "html")


class QuoteRequestSchema(Schema):
    """One document: the body of POST /v1/quotes and each entry of a batch."""

    text = fields.String(
        required=True,
        validate=[validate.Regexp(NOT_BLANK, error="The text is blank."), unicode_text],
        metadata={
            "description": "The article: plain text, or HTML when `format` is `html`. Not blank; at most "
            "`QUOTES_MAX_CHARS` characters (413 above)."
        },
    )
    format = fields.String(
        load_default="text",
        validate=validate.OneOf(INPUT_FORMATS),
        metadata={
            "description": "`html`: `text` is HTML; the quotes are found in the text a browser shows, and every "
            "`start`/`end` in the answer is an offset into the HTML as sent (so `html[start:end]` is the span with "
            "its markup), while each `text` is the span as decoded plain text."
        },
    )
    id = fields.String(
        load_default=None, allow_none=True, validate=validate.Length(max=200), metadata={"description": "Echoed back."}
    )


class TextSpanSchema(Schema):
    """A stretch of the input: `text == input[start:end]` (for HTML input, `text` is
    `input[start:end]` without its markup and with its character references decoded)."""

    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "Offset of the first character, in code points."})
    end = fields.Integer(required=True, metadata={"description": "Offset after the last character, in code points."})


class SpeakerRefSchema(Schema):
    id = fields.String(required=True, metadata={"description": "The speaker's id in `speakers`, e.g. `s1`."})
    name = fields.String(required=True, metadata={"description": "The fullest name the text gives."})
    kind = fields.Function(
        lambda s: s.kind.value,
        required=True,
        metadata={"type": "string", "enum": ["person", "organization", "group", "anonymous"]},
    )
    role = fields.String(allow_none=True, metadata={"description": "Title or job, e.g. `Defense Secretary`."})


class QuoteSchema(Schema):
    id = fields.String(required=True, metadata={"description": "e.g. `q1`, in order of appearance."})
    text = fields.String(
        required=True,
        metadata={"description": "The quoted words: `input[start:end]` (for HTML input, that without its markup)."},
    )
    start = fields.Integer(required=True, metadata={"description": "Offset in code points (into the HTML as sent)."})
    end = fields.Integer(required=True, metadata={"description": "Offset in code points, exclusive."})
    kind = fields.Function(
        lambda q: q.kind.value,
        required=True,
        metadata={"type": "string", "enum": ["direct", "partial", "indirect"]},
    )
    confidence = fields.Float(required=True, metadata={"description": "0 to 1: how sure the attribution is."})
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True, metadata={"description": "null when unattributed."})
    mention = fields.Nested(TextSpanSchema, allow_none=True, metadata={"description": "Where the speaker is named."})
    cue = fields.Nested(TextSpanSchema, allow_none=True, metadata={"description": "The reporting verb, e.g. `said`."})


class SpeakerSchema(SpeakerRefSchema):
    roles = fields.List(
        fields.String(), required=True, metadata={"description": "Every role the text states for the speaker."}
    )
    role_mentions = fields.List(
        fields.Nested(TextSpanSchema),
        required=True,
        metadata={"description": "Where the text states each role of `roles`, in the same order."},
    )
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
