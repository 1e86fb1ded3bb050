"""The demo page (`/`), the interactive API reference (`/docs`) and the OpenAPI
document it reads (`/openapi.json`).  Swagger UI's files are served from the installed
`flask-swagger-ui` package, never from a CDN; its initializer is a static file, since the
Content-Security-Policy forbids inline script."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, current_app, jsonify, render_template, send_from_directory

from ..openapi import app_spec, exclude_from_spec, plain_response, service_get

bp = Blueprint("pages", __name__)

SWAGGER_UI_DIST = Path(flask_swagger_ui.__file__).resolve().parent / "dist"
SAMPLE_ARTICLE = "sample-article.txt"  # seeds/000_ee22bb034a8b2be9.txt, in service/static


def html_page(operation_id: str, summary: str, description: str) -> Callable:
    """The OpenAPI operation of a page."""
    return service_get(operation_id, summary, plain_response("An HTML page.", "text/html", "string"), description)


@cache
def _read_static(root: str, name: str) -> str:
    return Path(root, name).read_text(encoding="utf-8")


@bp.get("/")
@html_page("demoPage", "The demo page", "Paste an article, attribute its quotations, see them highlighted.")
def demo():
    sample = _read_static(current_app.static_folder, SAMPLE_ARTICLE)
    return render_template("demo.html", sample=sample, needs_key=bool(current_app.config.get("API_KEYS")))


@bp.get("/docs")
@html_page("apiReference", "This API's interactive reference", "Swagger UI over `/openapi.json`.")
def docs():
    return render_template("docs.html")


@bp.get("/docs/assets/<path:filename>")
@exclude_from_spec
def docs_assets(filename: str):
    return send_from_directory(SWAGGER_UI_DIST, filename, max_age=3600)


@bp.get("/openapi.json")
@service_get(
    "openapiDocument",
    "This API's OpenAPI 3.1 document",
    plain_response("The document, generated from the request and response schemas.", "application/json", "object"),
)
def openapi_json():
    return jsonify(app_spec(current_app))
