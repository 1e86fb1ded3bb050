"""An external suite against the app: schemathesis 4 generates requests from
`/openapi.json` and runs every one of its checks on the answers (`--checks all`: no 5xx,
status codes, content types, headers and bodies as documented, invalid input rejected,
valid input accepted, `Allow` on 405, ...).  Any finding fails the test.

Bounded here (50 examples per operation, a fixed seed); `make stress` runs it with
QUOTES_SCHEMATHESIS_EXAMPLES=2000.  The app is served by werkzeug on 127.0.0.1 in a
thread, and schemathesis runs as its own command, as a client would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = int(os.environ.get("QUOTES_SCHEMATHESIS_EXAMPLES", "50"))
SEED = 20261202
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def test_schemathesis_finds_nothing_with_every_check(live_server, tmp_path):
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{live_server}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--generation-database",
        "none",
        # Hypothesis' own check that generating data is fast enough: on a busy machine it
        # would fail the run without any finding about the API.
        "--suppress-health-check",
        "too_slow",
        "--no-color",
    ]
    # Its working folder is a temporary one: it leaves a `.schemathesis` folder behind.
    result = subprocess.run(command, capture_output=True, text=True, timeout=3000, check=False, cwd=tmp_path)
    lines = result.stdout.splitlines()
    summary = [line.strip() for line in lines if line.strip().endswith(("passed", "generated")) or line.startswith("=")]
    print("schemathesis:", *summary[-2:], sep="\n  ")  # shown with -s (make stress)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
    assert "Tested: 0" not in result.stdout
