"""The OpenAPI document: valid OpenAPI 3.1, one operation for every route the app
answers, and real responses from the test client fit the schemas it gives for them."""

from __future__ import annotations

import json
import warnings

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from service.errors import CODES
from service.nlp.records import QuoteKind, SpeakerKind
from service.openapi import (
    BATCH_REQUEST_EXAMPLE,
    BATCH_RESPONSE_EXAMPLE,
    QUOTE_HTML_EXAMPLE,
    QUOTE_HTML_REQUEST_EXAMPLE,
    QUOTE_HTML_RESPONSE_EXAMPLE,
    QUOTE_REQUEST_EXAMPLE,
    QUOTE_RESPONSE_EXAMPLE,
    QUOTE_TEXT_EXAMPLE,
    build_spec,
    is_excluded,
    openapi_path,
    rule_methods,
    undocumented_routes,
)


@pytest.fixture
def spec(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def resolve(spec: dict, node: dict) -> dict:
    """Follow a local `$ref` (`#/components/...`) to what it names."""
    while isinstance(node, dict) and "$ref" in node:
        assert node["$ref"].startswith("#/"), node["$ref"]
        target = spec
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def schema_errors(spec: dict, schema: dict, instance) -> list[str]:
    """Messages of every way `instance` fails `schema` (whose refs point into `spec`)."""
    validator = OAS31Validator({**schema, "components": spec["components"]})
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def check_response(spec: dict, method: str, path: str, response) -> None:
    """The operation lists the status answered, and the body fits its schema."""
    operation = spec["paths"][path][method]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method.upper()} {path} answered {status}, not in its operation"
    documented = resolve(spec, operation["responses"][status])
    assert response.mimetype in documented["content"], (response.mimetype, list(documented["content"]))
    schema = documented["content"][response.mimetype]["schema"]
    body = response.get_json() if response.mimetype == "application/json" else response.get_data(as_text=True)
    assert schema_errors(spec, schema, body) == []


def test_the_document_is_valid_openapi_3_1(spec):
    assert spec["openapi"] == "3.1.0"
    validate(spec)  # raises on any error


def test_the_document_is_the_same_one_the_app_builds(app, spec):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        built = build_spec(app)
    assert [str(w.message) for w in caught] == []  # e.g. two schemas resolved to one name
    assert json.loads(json.dumps(built)) == spec


def test_every_route_has_an_operation(app, spec):
    """Walks the app's url_map: a new route (a /v1 one, /metrics, anything but static
    files) fails here until its view has `@operation(...)` (see service/openapi.py)."""
    missing, seen_paths = [], set()
    for rule in app.url_map.iter_rules():
        api_route = rule.rule.startswith(("/v1", "/metrics"))
        assert not (api_route and is_excluded(app, rule)), f"{rule.rule} is an API route: it must be documented"
        if is_excluded(app, rule):
            continue
        path, _ = openapi_path(rule)
        seen_paths.add(path)
        for method in rule_methods(rule):
            if method not in spec["paths"].get(path, {}):
                missing.append(f"{method.upper()} {rule.rule} ({rule.endpoint})")
    assert missing == [], "routes with no operation in the OpenAPI document: " + ", ".join(missing)
    assert undocumented_routes(app) == []
    assert set(spec["paths"]) == seen_paths, "the document has paths the app does not answer"
    assert {"/v1/quotes", "/v1/health", "/openapi.json", "/docs", "/"} <= seen_paths


def test_every_operation_has_a_summary_an_id_and_the_500_answer(spec):
    ids = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            assert operation.get("summary"), (method, path)
            assert "500" in operation["responses"], (method, path)
            ids.append(operation["operationId"])
    assert len(ids) == len(set(ids))


def test_operation_ids_are_the_names_a_generated_client_shows(spec):
    ids = {
        (method, path): operation["operationId"]
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method != "parameters"
    }
    assert ids[("post", "/v1/quotes")] == "attributeQuotes"
    assert ids[("post", "/v1/quotes/batch")] == "attributeBatch"
    assert ids[("get", "/v1/health")] == "health"
    assert all("_" not in name for name in ids.values()), ids


def test_a_batch_result_is_one_of_result_and_error(spec):
    schemas = spec["components"]["schemas"]
    items = schemas["BatchResponse"]["properties"]["results"]["items"]
    assert items == {
        "oneOf": [{"$ref": "#/components/schemas/BatchResult"}, {"$ref": "#/components/schemas/BatchError"}]
    }
    result = {"id": None, "quotes": [], "speakers": []}
    error = {"id": "a", "error": {"code": "internal_error", "message": "Failed.", "details": {}}}
    assert schema_errors(spec, items, result) == []
    assert schema_errors(spec, items, error) == []
    assert schema_errors(spec, items, {**result, **error})  # both at once fits neither
    assert schema_errors(spec, items, {"id": None})


def test_the_blank_rule_is_in_the_schemas_and_the_batch_reuses_the_document_schema(spec):
    text = spec["components"]["schemas"]["QuoteRequest"]["properties"]["text"]
    documents = spec["components"]["schemas"]["BatchRequest"]["properties"]["documents"]
    assert documents["items"] == {"$ref": "#/components/schemas/QuoteRequest"}
    body = spec["paths"]["/v1/quotes"]["post"]["requestBody"]["content"]
    for schema in (text, body["text/plain"]["schema"], body["text/html"]["schema"]):
        for blank in ["", " \t\n", "\x1f", "\u3000\xa0"]:
            assert schema_errors(spec, schema, blank), repr(blank)
        assert schema_errors(spec, schema, " x ") == []


def test_every_error_code_has_a_documented_response_in_the_envelope(spec):
    responses = spec["components"]["responses"]
    codes = {}
    for response in responses.values():
        media = response["content"]["application/json"]
        assert media["schema"] == {"$ref": "#/components/schemas/Error"}
        assert schema_errors(spec, media["schema"], media["example"]) == []
        codes[media["example"]["error"]["code"]] = response
    assert set(codes) == set(CODES.values())


# Examples known not to fit their schema, kept and explained; each must still be wrong
# (a fixed one fails the test below until its entry is removed).
KNOWN_BAD_EXAMPLES: dict[tuple[str, str, str, str], str] = {}


def test_every_example_fits_its_schema(spec):
    checked, bad = 0, {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            bodies = [("request", operation.get("requestBody", {}))]
            bodies += [(status, resolve(spec, r)) for status, r in operation["responses"].items()]
            for where, body in bodies:
                for media_type, media in body.get("content", {}).items():
                    examples = [media["example"]] if "example" in media else []
                    examples += [example["value"] for example in media.get("examples", {}).values()]
                    for example in examples:
                        errors = schema_errors(spec, media["schema"], example)
                        if errors:
                            bad[(method, path, where, media_type)] = errors
                        checked += 1
    assert checked >= 9  # the quotes request (JSON twice, text, HTML) and response (twice), batch, health
    unexpected = {key: errors for key, errors in bad.items() if key not in KNOWN_BAD_EXAMPLES}
    assert unexpected == {}, "examples that do not fit their schema"
    fixed = [key for key in KNOWN_BAD_EXAMPLES if key[1] in spec["paths"] and key not in bad]
    assert fixed == [], "these examples fit now: remove them from KNOWN_BAD_EXAMPLES"


def test_the_quotes_operation_shows_example_requests_and_responses(spec):
    operation = spec["paths"]["/v1/quotes"]["post"]
    body = operation["requestBody"]["content"]
    assert body["application/json"]["examples"]["text"]["value"] == QUOTE_REQUEST_EXAMPLE
    assert body["application/json"]["examples"]["html"]["value"] == QUOTE_HTML_REQUEST_EXAMPLE
    assert body["text/plain"]["example"] == QUOTE_TEXT_EXAMPLE
    assert body["text/html"]["example"] == QUOTE_HTML_EXAMPLE
    examples = operation["responses"]["200"]["content"]["application/json"]["examples"]
    assert examples["text"]["value"]["quotes"][0]["speaker"]["name"] == "Mark Esper"
    assert examples["html"]["value"]["quotes"][0]["speaker"]["name"] == "Laura King"
    assert {"400", "413", "415", "422", "500"} <= set(operation["responses"])


def _without_timing(body: dict) -> dict:
    return {**body, "meta": {k: v for k, v in body["meta"].items() if k != "elapsed_ms"}}


@pytest.mark.parametrize(
    ("path", "request_example", "response_example"),
    [
        ("/v1/quotes", QUOTE_REQUEST_EXAMPLE, QUOTE_RESPONSE_EXAMPLE),
        ("/v1/quotes", QUOTE_HTML_REQUEST_EXAMPLE, QUOTE_HTML_RESPONSE_EXAMPLE),
        ("/v1/quotes/batch", BATCH_REQUEST_EXAMPLE, BATCH_RESPONSE_EXAMPLE),
    ],
)
def test_the_example_answers_are_the_services_real_answers(client, path, request_example, response_example):
    """Fails when the pipeline's answers change: then paste the new answer in."""
    answer = client.post(path, json=request_example).get_json()
    assert _without_timing(answer) == _without_timing(response_example)


def test_the_html_example_offsets_point_into_the_html():
    html = QUOTE_HTML_EXAMPLE
    quote = QUOTE_HTML_RESPONSE_EXAMPLE["quotes"][0]
    assert html[quote["start"] : quote["end"]] == "We will <em>appeal</em>,"
    assert html[quote["mention"]["start"] : quote["mention"]["end"]] == "Principal Laura King"


def test_the_kinds_in_the_document_are_the_pipelines_kinds(spec):
    schemas = spec["components"]["schemas"]
    assert set(schemas["Quote"]["properties"]["kind"]["enum"]) == {kind.value for kind in QuoteKind}
    assert set(schemas["SpeakerRef"]["properties"]["kind"]["enum"]) == {kind.value for kind in SpeakerKind}


def _limit_text(app):
    app.config["MAX_TEXT_CHARS"] = 40


def _limit_body(app):
    app.config["MAX_CONTENT_LENGTH"] = 64


def _tiny_budget(app):
    app.config["REQUEST_BUDGET_S"] = 0.001


# (what is sent, how the app is set up) -> the status it must answer
QUOTE_REQUESTS = [
    ({"json": QUOTE_REQUEST_EXAMPLE}, None, 200),
    ({"data": QUOTE_TEXT_EXAMPLE.encode(), "content_type": "text/plain; charset=utf-8"}, None, 200),
    ({"json": {"text": "No quotations here at all."}}, None, 200),
    ({"data": b"{not json", "content_type": "application/json"}, None, 400),
    ({"data": "café".encode("latin-1"), "content_type": "text/plain; charset=utf-8"}, None, 400),
    ({"json": {"text": "x" * 41}}, _limit_text, 413),
    ({"json": {"text": "x" * 100}}, _limit_body, 413),
    ({"data": b"<text/>", "content_type": "application/xml"}, None, 415),
    ({"json": {}}, None, 422),
    ({"json": {"text": "Hi.", "colour": "blue"}}, None, 422),
    ({"json": {"text": "   "}}, None, 422),
    ({"json": ["a list"]}, None, 422),
    ({"json": {"text": QUOTE_TEXT_EXAMPLE * 40}}, _tiny_budget, 503),
]


@pytest.mark.parametrize(("request_args", "setup", "status"), QUOTE_REQUESTS)
def test_real_quotes_responses_fit_the_document(app, client, spec, request_args, setup, status):
    if setup:
        setup(app)
    response = client.post("/v1/quotes", **request_args)
    assert response.status_code == status, response.get_data(as_text=True)
    check_response(spec, "post", "/v1/quotes", response)


@pytest.mark.parametrize("path", ["/v1/health", "/openapi.json", "/", "/docs"])
def test_real_get_responses_fit_the_document(client, spec, path):
    response = client.get(path)
    assert response.status_code == 200
    check_response(spec, "get", path, response)


@pytest.mark.parametrize(("method", "path", "status"), [("get", "/v2/nothing", 404), ("get", "/v1/quotes", 405)])
def test_routing_errors_fit_the_error_schema(client, spec, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    assert schema_errors(spec, {"$ref": "#/components/schemas/Error"}, response.get_json()) == []
    assert response.get_json()["error"]["code"] == CODES[status]


def test_every_405_says_which_methods_the_route_takes(app, client):
    """RFC 9110: a 405 carries `Allow`.  Every route, with a method it does not take."""
    checked = 0
    for rule in app.url_map.iter_rules():
        if "<" in rule.rule:
            continue
        for method in sorted({"GET", "POST", "PUT", "DELETE", "PATCH", "TRACE"} - rule.methods):
            response = client.open(rule.rule, method=method)
            assert response.status_code == 405, (method, rule.rule)
            assert set(response.headers["Allow"].split(", ")) == rule.methods, (method, rule.rule)
            assert response.get_json()["error"]["code"] == "method_not_allowed"
            checked += 1
    assert checked >= 20


def test_a_wrong_body_fails_the_schema_check(spec):
    """The checks above could fail: a body off its schema is caught."""
    schema = {"$ref": "#/components/schemas/QuoteResponse"}
    bad = {"id": None, "quotes": [{"id": "q1", "kind": "shouted"}], "speakers": [], "meta": {}}
    errors = schema_errors(spec, schema, bad)
    assert any("shouted" in error for error in errors)
    assert any("'text' is a required property" in error for error in errors)
    assert any("'model' is a required property" in error for error in errors)


def test_openapi_path_converts_werkzeug_rules():
    from werkzeug.routing import Rule

    path, parameters = openapi_path(Rule("/v1/jobs/<int:job_id>/parts/<name>"))
    assert path == "/v1/jobs/{job_id}/parts/{name}"
    assert parameters == [
        {"name": "job_id", "in": "path", "required": True, "schema": {"type": "integer"}},
        {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}},
    ]


def test_a_real_401_fits_the_document_and_keyed_operations_say_so(nlp, spec):
    from service.app import create_app
    from service.config import Config

    class KeyConfig(Config):
        TESTING = True
        API_KEYS = ("test-key",)

    client = create_app(KeyConfig, nlp=nlp).test_client()
    response = client.post("/v1/quotes", json={"text": "Hello."})
    assert response.status_code == 401
    check_response(spec, "post", "/v1/quotes", response)
    operation = spec["paths"]["/v1/quotes"]["post"]
    assert {"bearerKey": []} in operation["security"] and {} in operation["security"]
    assert "security" not in spec["paths"]["/v1/health"]["get"]
    ok = client.post("/v1/quotes", json={"text": "Hello."}, headers={"Authorization": "Bearer test-key"})
    assert ok.status_code == 200
