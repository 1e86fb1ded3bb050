"""A short run of the real server: gunicorn.conf.py, two workers on 127.0.0.1, a worker
killed with SIGKILL and replaced, metrics added up over workers, a clean shutdown.
Requests gunicorn's own parser rejects get the JSON error envelope.  The long load and
kill runs are `make stress`."""

from __future__ import annotations

import json
import socket
import sys
import time
import urllib.request

import pytest

from bench.loadgen import post_json, run_load
from bench.server import GunicornServer

TEXT = "“We will appeal,” Mayor Ann Lee said. Officials said the strikes were defensive."

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads worker pids from /proc")


def get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def requests_counted(url: str, route: str) -> float:
    _, _, body = get(url + "/metrics")
    total = 0.0
    for line in body.decode().splitlines():
        if line.startswith("quotes_http_requests_total{") and f'route="{route}"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_gunicorn_serves_survives_a_killed_worker_and_stops_cleanly():
    with GunicornServer(workers=2) as server:
        assert len(server.worker_pids()) == 2
        status, headers, body = get(server.url + "/v1/health", {"X-Request-ID": "smoke-1"})
        assert status == 200 and headers["X-Request-ID"] == "smoke-1"
        assert json.loads(body)["model"] == "en_core_web_sm 3.8.0"

        first = run_load(server.url, "/v1/quotes", [{"text": TEXT}], total=12, concurrency=4, keep_bodies=True)
        assert first.statuses == {200: 12}, first.summary()
        answer = json.loads(first.outcomes[0].body)
        assert [q["kind"] for q in answer["quotes"]] == ["direct", "indirect"]

        victim = server.kill_worker()
        assert server.wait_for_workers(2, exclude={victim}, timeout=60), server.log_lines[-20:]
        after = run_load(server.url, "/v1/quotes", [{"text": TEXT}], total=12, concurrency=4)
        assert after.statuses == {200: 12}, after.summary()
        batch = post_json(
            server.url, "/v1/quotes/batch", {"documents": [{"text": TEXT}, {"text": "<p>Hi.</p>", "format": "html"}]}
        )
        assert batch.status == 200

        # Counts from every worker, the killed one included, are added up.
        assert requests_counted(server.url, "/v1/quotes") == 24
        # One JSON access-log line per request, each with its own request id.
        lines = [e for e in server.access_log() if e.get("route") == "/v1/quotes"]
        assert len(lines) == 24 and len({e["request_id"] for e in lines}) == 24
        assert len({e["pid"] for e in lines}) >= 2
        process = server.process
    assert process.returncode == 0


def raw_request(port: int, data: bytes) -> tuple[int, dict, bytes]:
    """Send bytes as they are and read the answer up to the server's close."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(data)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (h.partition(":") for h in header_lines)}
    return int(status_line.split()[1]), headers, body


def invalid_request_warnings(server: GunicornServer) -> int:
    return sum("[WARNING] Invalid request from ip=127.0.0.1" in line for line in list(server.log_lines))


@pytest.mark.parametrize(
    ("request_bytes", "status", "code", "message"),
    [
        # Over gunicorn's limit_request_line (4094 bytes): 414 from gunicorn 27.
        (
            b"GET /" + b"a" * 8200 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            414,
            "uri_too_long",
            "URI Too Long: Request Line is too large",
        ),
        (
            b"GET /v1/health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
            400,
            "bad_request",
            "Bad Request: Invalid HTTP Header",
        ),
        (
            b"GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n",
            431,
            "request_header_fields_too_large",
            "Request Header Fields Too Large",
        ),
        (b"NOT AN HTTP REQUEST\r\n\r\n", 400, "bad_request", "Bad Request: Invalid HTTP request line"),
    ],
    ids=["long-request-line", "malformed-header", "oversized-header", "bad-request-line"],
)
def test_requests_gunicorn_rejects_get_the_json_envelope(gunicorn_one_worker, request_bytes, status, code, message):
    server = gunicorn_one_worker
    warnings_before = invalid_request_warnings(server)
    got, headers, body = raw_request(server.port, request_bytes)
    assert got == status, body
    assert headers["content-type"] == "application/json" and int(headers["content-length"]) == len(body)
    error = json.loads(body)["error"]
    assert set(error) == {"code", "message", "details"} and error["details"] == {}
    assert error["code"] == code
    assert message in error["message"] and len(error["message"]) <= 200
    # gunicorn still logs the client's error as before; the server keeps serving.
    deadline = time.monotonic() + 10
    while invalid_request_warnings(server) == warnings_before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert invalid_request_warnings(server) == warnings_before + 1
    assert get(server.url + "/v1/health")[0] == 200
    assert server.process.poll() is None and len(server.worker_pids()) == 1


@pytest.fixture(scope="module")
def gunicorn_one_worker():
    with GunicornServer(workers=1) as server:
        yield server
