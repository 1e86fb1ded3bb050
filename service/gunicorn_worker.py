"""gunicorn's sync worker, answering the requests its own HTTP parser rejects in the API's
JSON error envelope (service/errors.py) rather than gunicorn's HTML page.

    worker_class = "service.gunicorn_worker.JSONErrorWorker"   # gunicorn.conf.py

A request line over `limit_request_line`, too many or too large header fields, a
malformed request line or header never reaches the app; gunicorn answers it in
`Worker.handle_error`.  That method still runs as it is, so it decides the status (400,
414 for a long request line, 431 for headers, ... as this version of gunicorn does) and
logs as before (a warning for a client's error, the traceback for anything else, the
access log); only the bytes it would send are kept back and replaced with the envelope.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from gunicorn import util
from gunicorn.http.errors import ParseException
from gunicorn.workers.sync import SyncWorker
from werkzeug.exceptions import InternalServerError

from .errors import CODES, error_envelope

# Statuses gunicorn answers with that the app never does (errors.CODES has the others).
PARSER_CODES = {
    403: "forbidden",
    414: "uri_too_long",
    417: "expectation_failed",
    431: "request_header_fields_too_large",
    501: "not_implemented",
}
# gunicorn's exception texts may quote the offending request line or header.
MAX_MESSAGE = 200


class _HeldBack:
    """Takes the place of the client socket while gunicorn writes its error page, and
    keeps the bytes.  It has only what `gunicorn.util.write_error` uses: should a later
    gunicorn want more, the write fails (gunicorn logs that at debug level) and nothing
    of its page reaches the client."""

    def __init__(self) -> None:
        self.data = b""

    def gettimeout(self) -> float:
        return 0.0

    def setblocking(self, flag: bool) -> None:
        pass

    def sendall(self, data: bytes) -> None:
        self.data += data


def status_of(page: bytes, exc: BaseException) -> tuple[int, str]:
    """The status gunicorn chose, from the status line of the page it wrote."""
    try:
        _, code, reason = page.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        return int(code), reason
    except ValueError:
        status = HTTPStatus.BAD_REQUEST if isinstance(exc, ParseException) else HTTPStatus.INTERNAL_SERVER_ERROR
        return status.value, status.phrase


def envelope(status: int, reason: str, exc: BaseException) -> bytes:
    code = CODES.get(status) or PARSER_CODES.get(status) or reason.lower().replace(" ", "_") or "error"
    if status >= 500:
        message = InternalServerError.description  # as the app's own 500s: nothing revealed
    else:
        message = f"{reason}: {exc}" if str(exc) else reason
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
    return json.dumps(error_envelope(status, message, code=code)).encode()


class JSONErrorWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc):
        held = _HeldBack()
        super().handle_error(req, held, addr, exc)
        status, reason = status_of(held.data, exc)
        body = envelope(status, reason, exc)
        head = (
            f"HTTP/1.1 {status} {reason}\r\n"
            "Connection: close\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        try:
            util.write_nonblock(client, head.encode("latin-1") + body)
        except Exception:
            self.log.debug("Failed to send error message.")
