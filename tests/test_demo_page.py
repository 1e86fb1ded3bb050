"""The demo page, /docs and the security headers, through the test client (the browser
test, tests/test_browser.py, drives the same pages in Chromium)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from service.app import create_app
from service.config import Config
from service.csp import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ee22bb034a8b2be9.txt"
STATIC = ROOT / "service" / "static"
REFERENCE = re.compile(r"""(?:src|href)="([^"]*)\"""")


def directives(policy: str) -> dict[str, list[str]]:
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


def test_the_demo_page_preloads_the_first_seed_article(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    textarea = re.search(r'<textarea id="article"[^>]*>(.*?)</textarea>', page, re.S)
    assert textarea, "no article textarea"
    assert html.unescape(textarea.group(1)) == SEED.read_text(encoding="utf-8")
    assert re.search(r'<button type="submit" id="attribute">Attribute quotes</button>', page)
    assert 'data-api="/v1/quotes"' in page
    assert 'href="/docs"' in page


def test_the_served_sample_is_the_seed_article():
    """service/static keeps a copy (the package has no seeds/); it must not drift."""
    assert (STATIC / "sample-article.txt").read_bytes() == SEED.read_bytes()


def test_the_text_is_escaped_into_the_textarea(app, client, monkeypatch):
    from service.api import pages

    monkeypatch.setattr(pages, "_read_static", lambda root, name: "</textarea><script>alert(1)</script>&amp;")
    page = client.get("/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" in page


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_use_no_inline_script_or_style_and_nothing_from_elsewhere(client, path):
    page = client.get(path).get_data(as_text=True)
    for script in re.finditer(r"<script\b([^>]*)>(.*?)</script>", page, re.S):
        assert 'src="/' in script.group(1), f"a script without a same-origin src on {path}"
        assert script.group(2).strip() == "", f"an inline script on {path}"
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+=", page), "an inline event handler"
    references = REFERENCE.findall(page)
    assert references
    for reference in references:
        assert reference.startswith("/") and not reference.startswith("//"), reference
        assert client.get(reference).status_code == 200, reference


def test_swagger_ui_is_served_by_the_service(client):
    response = client.get("/docs/assets/swagger-ui-bundle.js")
    assert response.status_code == 200
    assert response.mimetype in {"text/javascript", "application/javascript"}
    assert b"SwaggerUIBundle" in response.get_data()
    assert client.get("/docs/assets/../../app.py").status_code == 404


def test_the_demo_script_never_parses_text_as_html():
    script = (STATIC / "demo.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert "createTextNode" in script and "textContent" in script


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("get", "/", {}),
        ("get", "/docs", {}),
        ("get", "/static/demo.js", {}),
        ("get", "/openapi.json", {}),
        ("get", "/v1/health", {}),
        ("post", "/v1/quotes", {"json": {"text": "Hello."}}),
        ("post", "/v1/quotes", {"data": b"x", "content_type": "application/xml"}),
        ("get", "/no/such/page", {}),
    ],
)
def test_every_response_carries_the_content_security_policy(client, method, path, kwargs):
    response = getattr(client, method)(path, **kwargs)
    policy = response.headers.get("Content-Security-Policy")
    assert policy == CONTENT_SECURITY_POLICY
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_the_policy_forbids_inline_script_and_other_origins():
    policy = directives(CONTENT_SECURITY_POLICY)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    for sources in policy.values():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources and "*" not in sources
        assert all(source.startswith("'") or source == "data:" for source in sources), sources


def test_a_key_field_appears_only_when_the_service_needs_keys(nlp):
    class KeyConfig(Config):
        TESTING = True
        API_KEYS = ("demo-key",)

    assert 'id="api-key"' not in create_app(Config, nlp=nlp).test_client().get("/").get_data(as_text=True)
    assert 'id="api-key"' in create_app(KeyConfig, nlp=nlp).test_client().get("/").get_data(as_text=True)
