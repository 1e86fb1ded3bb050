"""One JSON envelope for every error: {"error": {"code", "message", "details"}}."""

from __future__ import annotations

from flask import Flask, has_request_context, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "too_many_requests",
    500: "internal_error",
    503: "over_time_budget",
}


class APIError(Exception):
    """An error the API reports on purpose, with a status and optional details."""

    def __init__(self, status: int, message: str, details: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details or {}


def error_body(status: int, message: str, details: dict | None = None, code: str | None = None) -> dict:
    """The `{"code", "message", "details"}` object: the envelope's content, and a batch
    document's error entry (`code` for a status the app itself never answers)."""
    return {"code": code or CODES.get(status, "error"), "message": message, "details": details or {}}


def error_envelope(status: int, message: str, details: dict | None = None, code: str | None = None) -> dict:
    """The whole error body: `{"error": {"code", "message", "details"}}`."""
    return {"error": error_body(status, message, details, code)}


def error_response(status: int, message: str, details: dict | None = None, headers: dict | None = None):
    """The JSON error envelope as a Flask response."""
    return jsonify(error_envelope(status, message, details)), status, headers or {}


def _exception_headers(error: HTTPException) -> dict:
    """The headers an HTTP error carries besides its HTML body's, e.g. `Allow` on a 405
    (RFC 9110 requires it) and `Retry-After` on a 429."""
    return {name: value for name, value in error.get_headers() if name.lower() != "content-type"}


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(APIError)
    def handle_api_error(error: APIError):
        return error_response(error.status, error.message, error.details)

    @app.errorhandler(HTTPException)
    def handle_http_exception(error: HTTPException):
        message = error.description or error.name
        if error.code == 413:
            # The limit in force for this request (the batch route sets its own).
            limit = request.max_content_length if has_request_context() else app.config.get("MAX_CONTENT_LENGTH")
            message = f"The request body is larger than the limit of {limit} bytes."
        return error_response(error.code or 500, message, headers=_exception_headers(error))

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        app.logger.exception("unhandled error")
        return error_response(500, InternalServerError.description)
