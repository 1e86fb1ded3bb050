"""Start the service under gunicorn on a free loopback port, for benchmarks and tests.

    with GunicornServer(workers=2) as server:
        server.url            # http://127.0.0.1:PORT
        server.worker_pids()  # the current workers
        server.kill_worker()  # SIGKILL one; gunicorn forks a replacement

Only 127.0.0.1 is ever bound.  `stop()` (or leaving the block) sends SIGTERM to the
master by its pid and waits; a master that does not stop is killed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTENING_RE = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")


class GunicornServer:
    def __init__(self, workers: int = 2, env: dict[str, str] | None = None, startup_timeout: float = 120.0):
        self.workers = workers
        self.env = env or {}
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.port: int | None = None
        self.log_lines: list[str] = []
        self._reader: threading.Thread | None = None
        self._metrics_dir: tempfile.TemporaryDirectory | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> GunicornServer:
        _exit_cleanly_on_sigterm()
        self._metrics_dir = tempfile.TemporaryDirectory(prefix="quotes-bench-metrics-")
        env = {
            **os.environ,
            "QUOTES_BIND": "127.0.0.1:0",
            "QUOTES_WORKERS": str(self.workers),
            "PROMETHEUS_MULTIPROC_DIR": self._metrics_dir.name,
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "--config", str(ROOT / "gunicorn.conf.py"), "wsgi:app"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
        self._reader = threading.Thread(target=self._read_log, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting:\n" + "\n".join(self.log_lines[-30:]))
            if self.port is not None and len(self.worker_pids()) == self.workers and self._healthy():
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start in time:\n" + "\n".join(self.log_lines[-30:]))

    def _read_log(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for line in self.process.stderr:
            line = line.rstrip("\n")
            if len(self.log_lines) < 200_000:
                self.log_lines.append(line)
            if self.port is None:
                match = LISTENING_RE.search(line)
                if match:
                    self.port = int(match.group(1))

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(self.url + "/v1/health", timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    def access_log(self) -> list[dict]:
        """The app's JSON access-log lines so far."""
        entries = []
        for line in list(self.log_lines):
            if line.startswith("{"):
                with contextlib.suppress(ValueError):
                    entries.append(json.loads(line))
        return entries

    def worker_pids(self) -> list[int]:
        """The master's live child processes (Linux /proc)."""
        if self.process is None:
            return []
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(c) for c in children if _is_running(int(c))]

    def kill_worker(self, pid: int | None = None) -> int:
        pid = pid if pid is not None else self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def wait_for_workers(self, count: int | None = None, exclude: set[int] = frozenset(), timeout: float = 60) -> bool:
        """Wait until `count` workers (none of them in `exclude`) are up and serving."""
        count = count or self.workers
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = self.worker_pids()
            if len(pids) == count and not set(pids) & set(exclude) and self._healthy():
                return True
            time.sleep(0.2)
        return False

    def stop(self, timeout: float = 40) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self._reader is not None:
            self._reader.join(timeout=5)
        if self._metrics_dir is not None:
            self._metrics_dir.cleanup()
            self._metrics_dir = None
        return self.process.returncode

    def __enter__(self) -> GunicornServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM to the benchmark or stress run raises SystemExit, so that `with
    GunicornServer()` blocks stop their server instead of leaving it behind."""
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in {"Z", "X"}


def memory_kib(pid: int) -> dict[str, int]:
    """RSS and PSS (shared pages split between the processes sharing them), in KiB."""
    figures = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in {"Rss", "Pss", "Private_Dirty", "Shared_Clean", "Shared_Dirty"}:
                figures[key.lower()] = int(rest.split()[0])
    except OSError:
        pass
    return figures
