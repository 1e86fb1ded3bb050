"""A bounded HTTP load on loopback: a fixed number of requests at a fixed concurrency.

Plain threads and `http.client`, one connection per request (gunicorn's sync workers
close it after each answer anyway).  Every request has a timeout and the run stops
after `total` requests, so a load can neither run away nor hang.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Outcome:
    status: int  # 0: no HTTP answer at all (refused, reset, timed out)
    seconds: float
    body: bytes = b""
    error: str = ""
    started: float = 0.0  # time.monotonic() when the request was sent
    index: int = -1  # which request of the run (payload index = index % len(payloads))


@dataclass
class LoadResult:
    outcomes: list[Outcome] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def statuses(self) -> Counter:
        return Counter(o.status for o in self.outcomes)

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != 200]

    def latency(self, q: float) -> float:
        return percentile([o.seconds for o in self.outcomes if o.status == 200], q)

    def summary(self) -> dict:
        ok = [o for o in self.outcomes if o.status == 200]
        return {
            "requests": len(self.outcomes),
            "ok": len(ok),
            "failed": len(self.outcomes) - len(ok),
            "statuses": dict(sorted(self.statuses.items())),
            "wall_s": round(self.wall_seconds, 2),
            "rps": round(len(ok) / self.wall_seconds, 2) if self.wall_seconds else 0.0,
            "p50_ms": round(self.latency(50) * 1000, 1),
            "p95_ms": round(self.latency(95) * 1000, 1),
            "p99_ms": round(self.latency(99) * 1000, 1),
            "max_ms": round(max((o.seconds for o in ok), default=0.0) * 1000, 1),
        }


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(min(rank, len(ordered))) - 1]


def post_json(base_url: str, path: str, payload, timeout: float = 120.0, headers: dict | None = None) -> Outcome:
    parts = urlsplit(base_url)
    assert parts.hostname in {"127.0.0.1", "localhost", "::1"}, "load only against loopback"
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    sent = time.monotonic()
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("POST", path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        response = connection.getresponse()
        data = response.read()
        return Outcome(response.status, time.perf_counter() - started, data, started=sent)
    except (OSError, http.client.HTTPException) as error:
        return Outcome(0, time.perf_counter() - started, error=f"{type(error).__name__}: {error}", started=sent)
    finally:
        connection.close()


def run_load(
    base_url: str,
    path: str,
    payloads: list,
    total: int,
    concurrency: int,
    timeout: float = 120.0,
    on_progress: Callable[[int], None] | None = None,
    keep_bodies: bool = False,
) -> LoadResult:
    """POST `total` requests (cycling through `payloads`) with `concurrency` threads."""
    lock = threading.Lock()
    state = {"next": 0}
    result = LoadResult()
    encoded = [p if isinstance(p, bytes) else json.dumps(p).encode() for p in payloads]

    def worker() -> None:
        while True:
            with lock:
                n = state["next"]
                if n >= total:
                    return
                state["next"] = n + 1
            outcome = post_json(base_url, path, encoded[n % len(encoded)], timeout=timeout)
            outcome.index = n
            if not keep_bodies and outcome.status == 200:
                outcome.body = b""
            with lock:
                result.outcomes.append(outcome)
                done = len(result.outcomes)
            if on_progress is not None:
                on_progress(done)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall_seconds = time.perf_counter() - started
    return result
