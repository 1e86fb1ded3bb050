"""A short run of the real server: gunicorn.conf.py, two workers on 127.0.0.1, a worker
killed with SIGKILL and replaced, metrics added up over workers, a clean shutdown.
The long load and kill runs are `make stress`."""

from __future__ import annotations

import json
import sys
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
        batch = post_json(server.url, "/v1/quotes/batch", {"documents": [{"text": TEXT}, {"text": ""}]})
        assert batch.status == 200

        # Counts from every worker, the killed one included, are added up.
        assert requests_counted(server.url, "/v1/quotes") == 24
        # One JSON access-log line per request, each with its own request id.
        lines = [e for e in server.access_log() if e.get("route") == "/v1/quotes"]
        assert len(lines) == 24 and len({e["request_id"] for e in lines}) == 24
        assert len({e["pid"] for e in lines}) >= 2
        process = server.process
    assert process.returncode == 0
