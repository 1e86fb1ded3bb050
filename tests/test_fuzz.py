"""Hypothesis-generated requests against every API route: random JSON, wrong types, huge
strings, odd Unicode (lone surrogates, controls, combining marks), raw bytes, wrong
content types, methods and paths.  Whatever comes in, the answer is never a 5xx, its
body is JSON, an error is the {"error": {"code", "message", "details"}} envelope, and a
successful answer's offsets are exact (for HTML input, exact once the markup is taken away).

At least 1,000 requests run in the fast suite (the last test checks the count);
`QUOTES_FUZZ_SCALE=10` (what `make stress` sets) multiplies every test's examples.
"""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from service.app import create_app
from service.config import Config
from service.htmltext import html_to_text

SCALE = max(1, int(os.environ.get("QUOTES_FUZZ_SCALE", "1")))
SENT = {"requests": 0}
STATUSES: Counter = Counter()


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


class FuzzConfig(Config):
    TESTING = True
    # Small limits, so that "too big" is reached by strings cheap to generate and to parse.
    MAX_CONTENT_LENGTH = 20_000
    MAX_TEXT_CHARS = 4_000
    MAX_BATCH_DOCS = 6
    MAX_BATCH_CHARS = 8_000
    MAX_BATCH_BYTES = 40_000


class KeyedFuzzConfig(FuzzConfig):
    API_KEYS = ("fuzz-key-1",)
    RATE_LIMIT = "100000/minute"


@pytest.fixture(scope="module")
def fuzz_client(nlp):
    return create_app(FuzzConfig, nlp=nlp).test_client()


@pytest.fixture(scope="module")
def keyed_client(nlp):
    return create_app(KeyedFuzzConfig, nlp=nlp).test_client()


# --- strategies -----------------------------------------------------------------------

# Every code point, lone surrogates included, with the odd ones weighted up.
any_char = st.characters(codec=None, exclude_categories=())
odd_chars = st.sampled_from(
    [
        *"“”„‟«»‹›'\"\u2018\u2019\u00a0\u200b\u200d\u2028\u2029\ufeff\ufffd\u0301\u0000\t\r\n\x0b\x1b",
        *["\ud800", "\udfff", "\U0001f600", "\U0010ffff", "ǅ", "ß", "İ", "\u202e"],
    ]
)
words = st.sampled_from(
    ["said", "told", "Mayor", "Ann", "Lee", "officials", "according", "to", "“", "”", '"', ",", ".", "\n\n", ":", "—"]
)
prose = st.lists(st.one_of(words, st.text(any_char, max_size=6), odd_chars), max_size=60).map(" ".join)
texts = st.one_of(
    st.text(any_char, max_size=200),
    st.text(odd_chars, max_size=80),
    prose,
    st.integers(3_900, 4_100).map(lambda n: "x " * (n // 2)),  # around MAX_TEXT_CHARS
    st.integers(10_000, 30_000).map(lambda n: "“" * n),  # over the byte limit
)
json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(any_char)
)
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
)
quote_payloads = st.one_of(
    json_values,
    st.fixed_dictionaries({"text": texts}),
    st.fixed_dictionaries({"text": texts}, optional={"id": json_values}),
    st.fixed_dictionaries({"text": texts, "format": st.sampled_from(["html", "text", "xml", ""])}),
    st.fixed_dictionaries({"text": json_values}, optional={"id": st.text(max_size=300), "x": json_values}),
)
documents = st.one_of(
    st.fixed_dictionaries(
        {"text": st.one_of(prose, st.text(any_char, max_size=100))},
        optional={"id": json_values, "format": st.sampled_from(["html", "text"])},
    ),
    json_values,
)
batch_payloads = st.one_of(
    st.fixed_dictionaries({"documents": st.lists(documents, max_size=8)}),
    st.fixed_dictionaries({"documents": json_values}),
    st.dictionaries(st.sampled_from(["documents", "docs", "text"]), json_values, max_size=2),
    json_values,
)
content_types = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "application/vnd.api+json",
        "text/plain",
        "text/plain; charset=latin-1",
        "text/plain; charset=utf-16",
        "text/plain; charset=no-such-charset",
        "text/html",
        "text/html; charset=utf-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
        "",
        "garbage/;;;",
    ]
)
raw_bodies = st.one_of(
    st.binary(max_size=300),
    st.text(any_char, max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.integers(20_001, 60_000).map(lambda n: b"a" * n),
)
api_paths = st.sampled_from(["/v1/quotes", "/v1/quotes/batch", "/v1/health", "/metrics"])
any_paths = st.one_of(
    api_paths,
    st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF, exclude_characters="?#%"), max_size=20).map(
        lambda p: "/v1/" + p
    ),
)
methods = st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
headers = st.dictionaries(
    st.sampled_from(["X-Request-ID", "Authorization", "X-API-Key", "Accept", "Content-Encoding"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40),
    max_size=3,
)


# --- checks ---------------------------------------------------------------------------


def check(response, method: str, sent_text=None, sent_documents=None, sent_html=False) -> None:
    SENT["requests"] += 1
    STATUSES[response.status_code] += 1
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    if method in {"HEAD", "OPTIONS"}:
        return
    if response.request.path == "/metrics" and response.status_code == 200:
        assert response.mimetype == "text/plain"
        return
    body = json.loads(response.get_data(as_text=True))
    if response.status_code >= 400:
        assert set(body) == {"error"}
        error = body["error"]
        assert set(error) == {"code", "message", "details"}
        assert isinstance(error["code"], str) and isinstance(error["message"], str)
        assert isinstance(error["details"], dict)
        return
    if "quotes" in body:
        assert sent_text is not None
        assert_offsets(sent_text, body, sent_html)
    if "results" in body:
        assert isinstance(sent_documents, list) and len(body["results"]) == len(sent_documents)
        for document, result in zip(sent_documents, body["results"]):
            if "error" in result:
                assert set(result["error"]) == {"code", "message", "details"}
            else:
                assert_offsets(as_received(document["text"]), result, document.get("format") == "html")


def assert_offsets(text: str, body: dict, html: bool = False) -> None:
    """`text[start:end]` is each span's text; for HTML, once its markup is taken away."""

    def shown(start: int, end: int) -> str:
        return " ".join(html_to_text(text[start:end]).text.split()) if html else text[start:end]

    def words(span: str) -> str:
        return " ".join(span.split()) if html else span

    for quote in body["quotes"]:
        assert shown(quote["start"], quote["end"]) == words(quote["text"])
        for part in ("mention", "cue"):
            if quote.get(part):
                assert shown(quote[part]["start"], quote[part]["end"]) == words(quote[part]["text"])
    for speaker in body["speakers"]:
        for mention in [*speaker["mentions"], *speaker["role_mentions"]]:
            assert shown(mention["start"], mention["end"]) == words(mention["text"])


def as_received(text: str) -> str:
    """The text the service reads: JSON joins an escaped surrogate pair ("\\ud800\\udc00")
    into the one character it encodes."""
    return json.loads(json.dumps(text))


def sent_text_of(payload):
    if isinstance(payload, dict) and isinstance(payload.get("text"), str):
        return as_received(payload["text"])
    return None


def sent_html(payload) -> bool:
    return isinstance(payload, dict) and payload.get("format") == "html"


# --- the runs -------------------------------------------------------------------------


@fuzz_settings(300)
@given(payload=quote_payloads, extra=headers)
@example(payload={"text": "\u201c\ud800\udc00"}, extra={})  # a surrogate pair after a mark
def test_fuzz_quotes_json(fuzz_client, payload, extra):
    extra = {k: v for k, v in extra.items() if k != "Content-Encoding"}
    response = fuzz_client.post("/v1/quotes", data=json.dumps(payload), content_type="application/json", headers=extra)
    check(response, "POST", sent_text=sent_text_of(payload), sent_html=sent_html(payload))


@fuzz_settings(250)
@given(body=raw_bodies, content_type=content_types, path=st.sampled_from(["/v1/quotes", "/v1/quotes/batch"]))
def test_fuzz_raw_bodies_and_content_types(fuzz_client, body, content_type, path):
    response = fuzz_client.post(path, data=body, headers={"Content-Type": content_type} if content_type else {})
    text, html = None, content_type.startswith("text/html")
    if response.status_code == 200 and path == "/v1/quotes":
        if content_type.startswith(("text/plain", "text/html")):
            charset = "latin-1" if "latin-1" in content_type else "utf-16" if "utf-16" in content_type else "utf-8"
            text = body.decode(charset)
        else:
            text = json.loads(body)["text"]
            html = sent_html(json.loads(body))
    documents = json.loads(body)["documents"] if response.status_code == 200 and path.endswith("batch") else None
    check(response, "POST", sent_text=text, sent_documents=documents, sent_html=html)


@fuzz_settings(200)
@given(payload=batch_payloads)
def test_fuzz_batch(fuzz_client, payload):
    response = fuzz_client.post("/v1/quotes/batch", data=json.dumps(payload), content_type="application/json")
    documents = payload.get("documents") if isinstance(payload, dict) else None
    check(response, "POST", sent_documents=documents)


@fuzz_settings(200)
@given(method=methods, path=any_paths, body=st.one_of(st.none(), raw_bodies), extra=headers)
def test_fuzz_methods_paths_and_headers(fuzz_client, method, path, body, extra):
    extra = {k: v for k, v in extra.items() if k != "Content-Encoding"}
    # No Content-Type is sent here, so no body can be parsed: never a 200 with quotes.
    check(fuzz_client.open(path, method=method, data=body, headers=extra), method)


key_headers = st.one_of(
    headers,
    st.sampled_from(
        [
            {"X-API-Key": "fuzz-key-1"},
            {"Authorization": "Bearer fuzz-key-1"},
            {"Authorization": "bearer   fuzz-key-1  "},
            {"Authorization": "Bearer fuzz-key-2"},
            {"X-API-Key": "fuzz-key-1 x"},
        ]
    ),
)


def has_valid_key(sent: dict) -> bool:
    scheme, _, credentials = sent.get("Authorization", "").partition(" ")
    return (scheme.lower() == "bearer" and credentials.strip() == "fuzz-key-1") or (
        sent.get("X-API-Key", "").strip() == "fuzz-key-1"
    )


@fuzz_settings(100)
@given(method=methods, path=api_paths, extra=key_headers, payload=quote_payloads)
def test_fuzz_with_api_keys(keyed_client, method, path, extra, payload):
    extra = {k: v for k, v in extra.items() if k != "Content-Encoding"}
    data = json.dumps(payload)
    response = keyed_client.open(path, method=method, data=data, content_type="application/json", headers=extra)
    needs_key = path.startswith("/v1/") and path != "/v1/health"
    assert (response.status_code == 401) == (needs_key and not has_valid_key(extra))
    text = sent_text_of(payload) if path == "/v1/quotes" else None
    documents = payload.get("documents") if path.endswith("batch") and isinstance(payload, dict) else None
    check(response, method, sent_text=text, sent_documents=documents)


def test_fuzz_huge_bodies_against_the_default_limits(nlp):
    client = create_app(type("Huge", (Config,), {"TESTING": True}), nlp=nlp).test_client()
    for path in ("/v1/quotes", "/v1/quotes/batch"):
        response = client.post(
            path, data=b'{"text": "' + b"\xe2\x80\x9c" * 3_000_000 + b'"}', content_type="application/json"
        )
        check(response, "POST")
        assert response.status_code == 413
    response = client.post("/v1/quotes", json={"text": "é" * 200_001})
    check(response, "POST")
    assert response.status_code == 413


def test_at_least_a_thousand_requests_were_sent():
    print(f"fuzz: {SENT['requests']} requests, statuses {dict(sorted(STATUSES.items()))}")
    assert SENT["requests"] >= 1_000 * SCALE, SENT
    # The runs reach the parser, not only the error paths (random draws gave 85 to 166
    # answers of 200 in six runs of 1,054 requests: the floor leaves room for chance).
    assert STATUSES[200] >= 50 * SCALE and STATUSES[422] and STATUSES[413] and STATUSES[415], STATUSES
