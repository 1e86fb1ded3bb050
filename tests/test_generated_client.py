"""A client generated from `/openapi.json` by openapi-python-client works against the
service: one single-text call (HTML), one batch call, one error.

openapi-python-client lives in its own virtualenv (`.venv-client`, `make install-dev`
makes it; see requirements-client.in for why) and runs as a command, offline, on the
document saved to a temporary folder; the client it writes needs only httpx and attrs,
which the test environment has.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / ".venv-client" / "bin" / "openapi-python-client"
PACKAGE = "quotes_api_client"

# The generator writes only JSON, form and multipart bodies, so it leaves out the two
# other ways POST /v1/quotes takes its text (the JSON body it keeps takes both, with
# "format"); every other warning fails the test.
EXPECTED_WARNINGS = {"Unsupported content type text/plain", "Unsupported content type text/html"}

HTML = "<p>“The budget is <b>final</b>,” said <b>Principal Laura King</b>.</p>"


@pytest.fixture
def client_package(live_server, tmp_path, monkeypatch):
    """Generate the client from the live document and import it."""
    assert GENERATOR.exists(), f"{GENERATOR} is missing: run `make install-dev`"
    with urllib.request.urlopen(f"{live_server}/openapi.json") as response:
        (tmp_path / "openapi.json").write_bytes(response.read())
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [str(GENERATOR), "generate", "--path", "openapi.json", "--output-path", PACKAGE, "--meta", "none"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Each warning is "WARNING <where>", a blank line, then what is wrong.
    warnings = set(re.findall(r"^WARNING .*\n\n(.+)$", output, re.M))
    assert warnings == EXPECTED_WARNINGS, output
    assert "not in PATH" not in output, output  # its post-hook (ruff) ran
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module(PACKAGE)
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def test_a_generated_client_makes_a_single_a_batch_and_a_failing_call(client_package, live_server):
    from quotes_api_client import Client
    from quotes_api_client.api.batch import attribute_batch
    from quotes_api_client.api.quotes import attribute_quotes
    from quotes_api_client.models import (
        BatchError,
        BatchRequest,
        BatchResponse,
        BatchResult,
        Error,
        QuoteRequest,
        QuoteRequestFormat,
        QuoteResponse,
    )

    client = Client(base_url=live_server, raise_on_unexpected_status=True)

    single = attribute_quotes.sync_detailed(
        client=client, body=QuoteRequest(text=HTML, format_=QuoteRequestFormat.HTML)
    )
    assert single.status_code == 200
    assert isinstance(single.parsed, QuoteResponse)
    quote = single.parsed.quotes[0]
    assert quote.speaker.name == "Laura King" and quote.speaker.role == "Principal"
    assert HTML[quote.start : quote.end] == "The budget is <b>final</b>,"
    assert quote.text == "The budget is final,"

    documents = [QuoteRequest(text=HTML, format_=QuoteRequestFormat.HTML, id="h"), QuoteRequest(text="No quotes.")]
    batch = attribute_batch.sync_detailed(client=client, body=BatchRequest(documents=documents))
    assert batch.status_code == 200
    assert isinstance(batch.parsed, BatchResponse)
    results = batch.parsed.results
    assert [type(r) for r in results] == [BatchResult, BatchResult]
    assert results[0].id == "h" and results[0].quotes[0].to_dict() == quote.to_dict()
    assert results[1].quotes == [] and batch.parsed.meta.documents == 2
    assert not any(isinstance(r, BatchError) for r in results)

    blank = attribute_quotes.sync_detailed(client=client, body=QuoteRequest(text=" \t "))
    assert blank.status_code == 422
    assert isinstance(blank.parsed, Error)
    assert blank.parsed.error.code == "validation_failed"
    assert blank.parsed.error.details.to_dict() == {"text": ["The text is blank."]}
    assert json.loads(blank.content)["error"]["message"] == "The request failed validation."
