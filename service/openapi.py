"""The OpenAPI 3.1 document, generated from the marshmallow schemas and the routes.

Nothing here is a hand-written spec: the request and response bodies come from the same
marshmallow schemas that validate requests and shape responses (`schemas/`, through
apispec's MarshmallowPlugin), and the paths come from the app's own `url_map`.  What a
view adds is its operation (its `operationId`, the name a generated client gives the
call; summary, bodies, which errors it can answer), attached to the view function with
`@operation`:

    from ..openapi import error_responses, json_body, json_response, operation

    @bp.post("/quotes/batch")
    @operation(
        "post",
        operationId="attributeBatch",
        summary="Attribute the quotations in many texts",
        requestBody=json_body(BatchRequestSchema, example={...}),
        responses={"200": json_response(BatchResponseSchema, "One result per text."), **error_responses(400, 413, 422)},
    )
    def batch(): ...

That is all a new route needs.  A GET under the `service` tag with its one answer (a page,
this document, the health, the metrics) is shorter with `@service_get(operationId, summary,
response)`, and `plain_response` describes a body that is no schema of ours.  Every operation also gets the `500` response, and
`error_responses` turns status codes into references to one shared error response per
code (all of them the `{"error": {"code", "message", "details"}}` envelope, `Error`);
an operation that can answer 401 also gets the API-key security requirement.
A view with no operation is left out of the spec, and `tests/test_openapi.py` fails for
it, unless it is a static-file route marked with `@exclude_from_spec`.
A view in a module this one may not decorate can be documented from here instead, with
an entry in `ENDPOINT_OPERATIONS` (endpoint name -> {method: operation}, operationId
included).  What marshmallow cannot say is added to the built document: a batch
result is a `oneOf` of `BatchResult` and `BatchError` (`_with_batch_one_of`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask
from werkzeug.routing import Rule

from schemas.batch import BatchErrorSchema, BatchResultSchema
from schemas.quotes import NOT_BLANK, ErrorSchema

from .errors import CODES, error_envelope
from .nlp.confidence import confidence_for
from .version import __version__

OPENAPI_VERSION = "3.1.0"
IGNORED_METHODS = frozenset({"HEAD", "OPTIONS"})

# Operations for views this module documents without decorating them (see the docstring).
ENDPOINT_OPERATIONS: dict[str, dict[str, dict[str, Any]]] = {}

DESCRIPTION = """\
Finds every quotation in a news article — direct (“…”), partial (a quoted fragment in the
writer's sentence) and indirect (reported speech) — and says who said it and in what role,
with exact character offsets (Unicode code points, as Python counts them).

Every error, whatever the route, is the same JSON envelope:
`{"error": {"code": "validation_failed", "message": "…", "details": {…}}}`.
Besides the responses listed on each operation, any route answers `404` for an unknown
path and `405` for a method it does not accept, in that envelope.
"""

TAGS = [
    {"name": "quotes", "description": "Quote attribution."},
    {"name": "service", "description": "Health, the API description and the demo page."},
]

# What each error status means in this API; a code not listed gets its HTTP reason phrase.
ERROR_DESCRIPTIONS = {
    400: "The body is not valid JSON, or not valid text in its declared charset.",
    401: "No valid API key was sent.",
    404: "There is no such route.",
    405: "The route does not accept this method.",
    413: "The body is larger than `QUOTES_MAX_BYTES`, or the text longer than `QUOTES_MAX_CHARS`.",
    415: "The body is neither `application/json` nor `text/plain`.",
    422: "The body is valid JSON but fails the request schema; `details` maps each field to its messages.",
    429: "Too many requests; retry after the number of seconds in `Retry-After`.",
    500: "The service failed unexpectedly; the request may be retried.",
    503: "The work took longer than the time budget (`QUOTES_REQUEST_BUDGET_S`); send less text at once.",
}

# Example requests and their real answers: tests/test_openapi.py checks that they fit the
# schemas and that the service still gives these answers (all but `elapsed_ms`).  Their
# confidence is the fitted table's, which `make calibrate` rewrites.
SAID_AFTER_CONFIDENCE = confidence_for("cue_after", "direct")  # “…,” X said
SAID_THAT_CONFIDENCE = confidence_for("reported", "indirect")  # X said (that) …
QUOTE_TEXT_EXAMPLE = (
    "“We’re going to take this one step at a time,” Defense Secretary Mark Esper told reporters. "
    "Officials said the strikes were defensive."
)
QUOTE_REQUEST_EXAMPLE = {"text": QUOTE_TEXT_EXAMPLE, "id": "example-1"}
QUOTE_RESPONSE_EXAMPLE = {
    "id": "example-1",
    "quotes": [
        {
            "id": "q1",
            "text": "We’re going to take this one step at a time,",
            "start": 1,
            "end": 45,
            "kind": "direct",
            "confidence": SAID_AFTER_CONFIDENCE,
            "speaker": {"id": "s1", "name": "Mark Esper", "kind": "person", "role": "Defense Secretary"},
            "mention": {"text": "Defense Secretary Mark Esper", "start": 47, "end": 75},
            "cue": {"text": "told", "start": 76, "end": 80},
        },
        {
            "id": "q2",
            "text": "the strikes were defensive",
            "start": 107,
            "end": 133,
            "kind": "indirect",
            "confidence": SAID_THAT_CONFIDENCE,
            "speaker": {"id": "s2", "name": "Officials", "kind": "group", "role": "Officials"},
            "mention": {"text": "Officials", "start": 92, "end": 101},
            "cue": {"text": "said", "start": 102, "end": 106},
        },
    ],
    "speakers": [
        {
            "id": "s1",
            "name": "Mark Esper",
            "kind": "person",
            "role": "Defense Secretary",
            "roles": ["Defense Secretary"],
            "role_mentions": [{"text": "Defense Secretary", "start": 47, "end": 64}],
            "mentions": [{"text": "Defense Secretary Mark Esper", "start": 47, "end": 75}],
            "quotes": ["q1"],
        },
        {
            "id": "s2",
            "name": "Officials",
            "kind": "group",
            "role": "Officials",
            "roles": ["Officials"],
            "role_mentions": [{"text": "Officials", "start": 92, "end": 101}],
            "mentions": [{"text": "Officials", "start": 92, "end": 101}],
            "quotes": ["q2"],
        },
    ],
    "meta": {"model": "en_core_web_sm 3.8.0", "version": "1.2.0", "chars": 134, "elapsed_ms": 108.7},
}
QUOTE_HTML_EXAMPLE = (
    "<p>&ldquo;We will <em>appeal</em>,&rdquo; said <b>Principal Laura King</b>.</p>"
    "<p>Parents said the ruling was unfair.</p>"
)
QUOTE_HTML_REQUEST_EXAMPLE = {"text": QUOTE_HTML_EXAMPLE, "format": "html", "id": "example-html"}
QUOTE_HTML_RESPONSE_EXAMPLE = {
    "id": "example-html",
    "quotes": [
        {
            "id": "q1",
            "text": "We will appeal,",
            "start": 10,
            "end": 34,
            "kind": "direct",
            "confidence": SAID_AFTER_CONFIDENCE,
            "speaker": {"id": "s1", "name": "Laura King", "kind": "person", "role": "Principal"},
            "mention": {"text": "Principal Laura King", "start": 50, "end": 70},
            "cue": {"text": "said", "start": 42, "end": 46},
        },
        {
            "id": "q2",
            "text": "the ruling was unfair",
            "start": 95,
            "end": 116,
            "kind": "indirect",
            "confidence": SAID_THAT_CONFIDENCE,
            "speaker": {"id": "s2", "name": "Parents", "kind": "group", "role": "Parents"},
            "mention": {"text": "Parents", "start": 82, "end": 89},
            "cue": {"text": "said", "start": 90, "end": 94},
        },
    ],
    "speakers": [
        {
            "id": "s1",
            "name": "Laura King",
            "kind": "person",
            "role": "Principal",
            "roles": ["Principal"],
            "role_mentions": [{"text": "Principal", "start": 50, "end": 59}],
            "mentions": [{"text": "Principal Laura King", "start": 50, "end": 70}],
            "quotes": ["q1"],
        },
        {
            "id": "s2",
            "name": "Parents",
            "kind": "group",
            "role": "Parents",
            "roles": ["Parents"],
            "role_mentions": [{"text": "Parents", "start": 82, "end": 89}],
            "mentions": [{"text": "Parents", "start": 82, "end": 89}],
            "quotes": ["q2"],
        },
    ],
    "meta": {"model": "en_core_web_sm 3.8.0", "version": "1.2.0", "chars": 121, "elapsed_ms": 12.3},
}
BATCH_REQUEST_EXAMPLE = {
    "documents": [
        {"id": "a1", "text": "“We will appeal,” the mayor said."},
        {"id": "a2", "text": "<p>Officials said the strikes were defensive.</p>", "format": "html"},
    ]
}
BATCH_RESPONSE_EXAMPLE = {
    "results": [
        {
            "id": "a1",
            "quotes": [
                {
                    "id": "q1",
                    "text": "We will appeal,",
                    "start": 1,
                    "end": 16,
                    "kind": "direct",
                    "confidence": SAID_AFTER_CONFIDENCE,
                    "speaker": {"id": "s1", "name": "mayor", "kind": "person", "role": "mayor"},
                    "mention": {"text": "the mayor", "start": 18, "end": 27},
                    "cue": {"text": "said", "start": 28, "end": 32},
                }
            ],
            "speakers": [
                {
                    "id": "s1",
                    "name": "mayor",
                    "kind": "person",
                    "role": "mayor",
                    "roles": ["mayor"],
                    "role_mentions": [{"text": "mayor", "start": 22, "end": 27}],
                    "mentions": [{"text": "the mayor", "start": 18, "end": 27}],
                    "quotes": ["q1"],
                }
            ],
        },
        {
            "id": "a2",
            "quotes": [
                {
                    "id": "q1",
                    "text": "the strikes were defensive",
                    "start": 18,
                    "end": 44,
                    "kind": "indirect",
                    "confidence": SAID_THAT_CONFIDENCE,
                    "speaker": {"id": "s1", "name": "Officials", "kind": "group", "role": "Officials"},
                    "mention": {"text": "Officials", "start": 3, "end": 12},
                    "cue": {"text": "said", "start": 13, "end": 17},
                }
            ],
            "speakers": [
                {
                    "id": "s1",
                    "name": "Officials",
                    "kind": "group",
                    "role": "Officials",
                    "roles": ["Officials"],
                    "role_mentions": [{"text": "Officials", "start": 3, "end": 12}],
                    "mentions": [{"text": "Officials", "start": 3, "end": 12}],
                    "quotes": ["q1"],
                }
            ],
        },
    ],
    "meta": {
        "model": "en_core_web_sm 3.8.0",
        "version": "1.2.0",
        "documents": 2,
        "errors": 0,
        "chars": 82,
        "elapsed_ms": 45.6,
    },
}
HEALTH_EXAMPLE = {"status": "ok", "model": "en_core_web_sm 3.8.0", "version": "1.2.0"}

ERROR_EXAMPLES: dict[int, tuple[str, dict]] = {
    400: ("The request body is not valid JSON.", {}),
    401: ("Send an API key in the X-API-Key header.", {}),
    404: ("The requested URL was not found on the server.", {}),
    405: ("The method is not allowed for the requested URL.", {}),
    413: ("The text has 250000 characters; the limit is 200000.", {"limit": 200000}),
    415: ("Send application/json or text/plain.", {"content_type": "application/xml"}),
    422: ("The request failed validation.", {"text": ["Missing data for required field."]}),
    429: ("Too many requests.", {}),
    500: ("The server encountered an internal error and was unable to complete your request.", {}),
    503: ("The request took longer than its time budget of 30 s.", {"budget_s": 30.0}),
}


def operation(method: str, *, operationId: str, **spec: Any) -> Callable:
    """Attach the OpenAPI operation for `method` (get, post, ...) to a view function.

    `operationId` is the name generated clients give the call (`attributeQuotes`);
    `spec` is the rest of an OpenAPI operation object (summary, description,
    requestBody, responses, ...); marshmallow schema classes may stand where a schema
    goes.  Stack one decorator per method for a view that answers several."""

    def decorate(view: Callable) -> Callable:
        operations = dict(getattr(view, "__openapi__", {}))
        operations[method.lower()] = {"operationId": operationId, **spec}
        view.__openapi__ = operations
        return view

    return decorate


def service_get(operation_id: str, summary: str, response: dict, description: str | None = None) -> Callable:
    """`operation` for a GET under the `service` tag (a page, this document, the health, the
    metrics), with its one answer, 200: `response`."""
    spec: dict[str, Any] = {"summary": summary}
    if description is not None:
        spec["description"] = description
    spec["tags"] = ["service"]
    spec["responses"] = {"200": response}
    return operation("get", operationId=operation_id, **spec)


def exclude_from_spec(view: Callable) -> Callable:
    """Mark a view that serves files (not API operations) as deliberately left out."""
    view.__openapi_exclude__ = True
    return view


def _media(schema: Any, example: Any, examples: dict[str, Any] | None) -> dict:
    media: dict[str, Any] = {"schema": schema}
    if examples:
        media["examples"] = {name: {"value": value} for name, value in examples.items()}
    elif example is not None:
        media["example"] = example
    return media


def _text_body(description: str, example: str) -> dict:
    # The text is the whole body: the same not-blank rule as the JSON `text` field.  No
    # `type`: a body is always text, so a "wrong type" is only other text (`-4937`), which
    # a fuzzer would otherwise count as invalid input wrongly accepted.
    return {"schema": {"pattern": NOT_BLANK.pattern, "description": description}, "example": example}


def json_body(
    schema: Any,
    *,
    example: dict | None = None,
    examples: dict[str, dict] | None = None,
    text_plain: str | None = None,
    text_html: str | None = None,
    **extra: Any,
) -> dict:
    """A required request body in JSON, and optionally also as text/plain and text/html
    (`examples`: name -> value, for several JSON examples)."""
    content: dict[str, Any] = {"application/json": _media(schema, example, examples)}
    if text_plain is not None:
        content["text/plain"] = _text_body("The article text itself.", text_plain)
    if text_html is not None:
        content["text/html"] = _text_body("The article as HTML; offsets in the answer point into it.", text_html)
    return {"required": True, "content": content, **extra}


def json_response(
    schema: Any, description: str, example: dict | None = None, examples: dict[str, dict] | None = None, **extra: Any
) -> dict:
    return {"description": description, "content": {"application/json": _media(schema, example, examples)}, **extra}


def plain_response(description: str, media_type: str, schema_type: str) -> dict:
    """A response that is no schema of ours: a body of `media_type`, a JSON Schema `schema_type`
    ("string" for a page or a text, "object" for a JSON document)."""
    return {"description": description, "content": {media_type: {"schema": {"type": schema_type}}}}


def error_response_name(status: int) -> str:
    """The component name of an error response: 422 -> `ValidationFailed`."""
    code = CODES.get(status) or HTTPStatus(status).phrase.lower().replace(" ", "_")
    return "".join(part.capitalize() for part in code.split("_"))


def error_responses(*statuses: int) -> dict[str, str]:
    """`{"422": "ValidationFailed", ...}`: references to the shared error responses."""
    return {str(status): error_response_name(status) for status in statuses}


def is_static(rule: Rule) -> bool:
    return rule.endpoint == "static" or rule.endpoint.endswith(".static")


def rule_methods(rule: Rule) -> list[str]:
    return sorted(method.lower() for method in (rule.methods or set()) - IGNORED_METHODS)


def view_operations(app: Flask, rule: Rule) -> dict[str, dict] | None:
    view = app.view_functions.get(rule.endpoint)
    if rule.endpoint in ENDPOINT_OPERATIONS:
        return ENDPOINT_OPERATIONS[rule.endpoint]
    return getattr(view, "__openapi__", None)


def is_excluded(app: Flask, rule: Rule) -> bool:
    return is_static(rule) or getattr(app.view_functions.get(rule.endpoint), "__openapi_exclude__", False)


def undocumented_routes(app: Flask) -> list[tuple[str, str]]:
    """Every (METHOD, rule) the app answers that has no operation in the spec."""
    missing = []
    for rule in app.url_map.iter_rules():
        if is_excluded(app, rule):
            continue
        operations = view_operations(app, rule) or {}
        missing += [(method.upper(), rule.rule) for method in rule_methods(rule) if method not in operations]
    return sorted(missing)


_CONVERTER_TYPES = {
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "uuid": {"type": "string", "format": "uuid"},
}
_RULE_PART = re.compile(r"<(?:(?P<converter>[a-zA-Z_][a-zA-Z0-9_]*)(?:\([^)]*\))?:)?(?P<name>[a-zA-Z_][a-zA-Z0-9_]*)>")


def openapi_path(rule: Rule) -> tuple[str, list[dict]]:
    """`/v1/jobs/<int:job_id>` -> (`/v1/jobs/{job_id}`, [its path parameter])."""
    parameters = []
    for match in _RULE_PART.finditer(rule.rule):
        schema = _CONVERTER_TYPES.get(match["converter"] or "default", {"type": "string"})
        parameters.append({"name": match["name"], "in": "path", "required": True, "schema": dict(schema)})
    return _RULE_PART.sub(lambda m: "{" + m["name"] + "}", rule.rule), parameters


def _error_component(status: int) -> dict:
    message, details = ERROR_EXAMPLES.get(status, (HTTPStatus(status).phrase + ".", {}))
    return {
        "description": ERROR_DESCRIPTIONS.get(status, HTTPStatus(status).phrase),
        "content": {
            "application/json": {
                "schema": "Error",
                "example": error_envelope(status, message, details),
            }
        },
    }


# API keys are off unless QUOTES_API_KEYS is set; an operation that can answer 401 takes
# one in either header, or none ({}) on a service run without keys.
SECURITY_SCHEMES = {
    "bearerKey": {"type": "http", "scheme": "bearer", "description": "`Authorization: Bearer <key>`"},
    "headerKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
}
KEY_SECURITY = [{}, {"bearerKey": []}, {"headerKey": []}]


def _complete(op: dict, tag: str) -> dict:
    op = dict(op)
    op.setdefault("tags", [tag])
    responses = dict(op.get("responses", {}))
    responses.setdefault("500", error_response_name(500))
    op["responses"] = responses
    if "401" in responses:
        op.setdefault("security", KEY_SECURITY)
    return op


def build_spec(app: Flask) -> dict:
    """The OpenAPI document for every documented route of `app`, as a dict."""
    spec = APISpec(
        title="Quote attribution service",
        version=__version__,
        openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={"description": DESCRIPTION},
        tags=TAGS,
    )
    spec.components.schema("Error", schema=ErrorSchema)
    spec.components.schema("BatchResult", schema=BatchResultSchema)
    spec.components.schema("BatchError", schema=BatchErrorSchema)
    for name, scheme in SECURITY_SCHEMES.items():
        spec.components.security_scheme(name, scheme)
    for status in sorted(CODES):
        spec.components.response(error_response_name(status), _error_component(status))

    paths: dict[str, dict[str, Any]] = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        operations = view_operations(app, rule)
        if not operations or is_excluded(app, rule):
            continue
        path, parameters = openapi_path(rule)
        tag = rule.endpoint.split(".")[0] if "." in rule.endpoint else "service"
        entry = paths.setdefault(path, {"operations": {}, "parameters": parameters})
        for method in rule_methods(rule):
            if method in operations:
                entry["operations"][method] = _complete(operations[method], tag)
    for path, entry in paths.items():
        spec.path(path=path, operations=entry["operations"], parameters=entry["parameters"] or None)
    return _with_batch_one_of(spec.to_dict())


def _with_batch_one_of(document: dict) -> dict:
    """Each batch result is a BatchResult or a BatchError (marshmallow has no `oneOf`)."""
    schemas = document["components"]["schemas"]
    if "BatchResponse" in schemas:
        results = schemas["BatchResponse"]["properties"]["results"]
        results["items"] = {
            "oneOf": [{"$ref": "#/components/schemas/BatchResult"}, {"$ref": "#/components/schemas/BatchError"}]
        }
    return document


def app_spec(app: Flask) -> dict:
    """The app's document, built once (routes are all registered by then)."""
    if "openapi_spec" not in app.extensions:
        app.extensions["openapi_spec"] = build_spec(app)
    return app.extensions["openapi_spec"]
