"""The per-request time budget (`QUOTES_REQUEST_BUDGET_S`).

Parsing is CPU-bound work inside spaCy, so the budget is kept two ways:

- cooperatively: a batch checks `Budget.exceeded()` between documents and answers the
  documents it did not reach with an error entry;
- by an alarm: in the main thread (gunicorn's sync workers, the test client) a
  `SIGALRM` timer raises `OverBudget` inside whatever runs past the budget, so one huge
  text cannot hold a worker until gunicorn's own `timeout` kills it.  In other threads
  (the threaded development server) only the cooperative check applies.

`OverBudget` is an `APIError`: the client gets a 503 in the JSON envelope and the worker
goes on serving.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from flask import current_app

from .errors import APIError


class OverBudget(APIError):
    def __init__(self, seconds: float):
        super().__init__(
            503,
            f"The request took longer than its time budget of {seconds:g} s.",
            {"budget_s": seconds},
        )


class Budget:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds > 0 else math.inf

    def exceeded(self) -> bool:
        return time.monotonic() >= self.deadline

    def error(self) -> OverBudget:
        return OverBudget(self.seconds)


def _alarm_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def request_budget(seconds: float | None = None) -> Iterator[Budget]:
    """Run the block under the budget; `OverBudget` is raised inside it if the alarm
    fires.  `seconds` defaults to the app's `REQUEST_BUDGET_S` (0: no budget)."""
    if seconds is None:
        seconds = float(current_app.config.get("REQUEST_BUDGET_S") or 0)
    budget = Budget(seconds)
    if seconds <= 0 or not _alarm_available():
        yield budget
        return
    armed = True

    def on_alarm(signum, frame):
        if armed:
            raise budget.error()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield budget
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
