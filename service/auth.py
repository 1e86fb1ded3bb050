"""API keys (`QUOTES_API_KEYS`) and the optional per-key rate limit (`QUOTES_RATE_LIMIT`).

With keys configured, every `/v1/` route except `/v1/health` needs one, sent as
`Authorization: Bearer <key>` or `X-API-Key: <key>`; anything else is a 401 in the JSON
envelope.  Keys are compared in constant time and never logged: requests are told
apart in logs and by the rate limiter by `key_id`, a short hash of the key.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Flask, current_app, g, request

from .errors import APIError

OPEN_PATHS = frozenset({"/v1/health"})


def key_id(key: str) -> str:
    """A stable, non-reversible name for a key, safe to log."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def presented_key() -> str | None:
    """The key the request carries, from `Authorization: Bearer` or `X-API-Key`."""
    header = request.headers.get("Authorization", "")
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() == "bearer" and credentials.strip():
        return credentials.strip()
    key = request.headers.get("X-API-Key", "").strip()
    return key or None


def matches_any(candidate: str, keys: tuple[bytes, ...]) -> bool:
    """Compare against every key with `hmac.compare_digest`, without stopping early."""
    given = candidate.encode("utf-8", "surrogatepass")
    found = False
    for key in keys:
        found |= hmac.compare_digest(given, key)
    return found


def needs_key(path: str) -> bool:
    return path.startswith("/v1/") and path not in OPEN_PATHS


def _check_key() -> None:
    keys = current_app.extensions["quote_api_keys"]
    if not keys or not needs_key(request.path):
        return
    candidate = presented_key()
    if candidate is None:
        raise APIError(401, "Send an API key as 'Authorization: Bearer <key>' or in the X-API-Key header.")
    if not matches_any(candidate, keys):
        raise APIError(401, "The API key is not valid.")
    g.key_id = key_id(candidate)


def _rate_limit_key() -> str:
    return g.get("key_id") or request.remote_addr or "unknown"


def init_auth(app: Flask) -> None:
    """Install the key check and, when `RATE_LIMIT` is set, Flask-Limiter."""
    app.extensions["quote_api_keys"] = tuple(k.encode("utf-8", "surrogatepass") for k in app.config["API_KEYS"])
    app.before_request(_check_key)

    @app.after_request
    def ask_for_bearer(response):
        if response.status_code == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="quotes"'
        return response

    rate = app.config.get("RATE_LIMIT")
    if rate:
        from flask_limiter import Limiter

        limiter = Limiter(
            _rate_limit_key,
            app=app,
            default_limits=[rate],
            storage_uri=app.config.get("RATE_LIMIT_STORAGE", "memory://"),
            headers_enabled=True,
            # Limits apply after the key check (before_request order), per key_id.
            default_limits_exempt_when=lambda: not needs_key(request.path),
        )
        app.extensions["quote_limiter"] = limiter
