"""Shared fixtures: the spaCy pipeline is loaded once per session; each test gets a
fresh app from the factory with that pipeline handed in.

The attribution tests mirror the rule families of `service/nlp/rules/`: one module
`test_rules_<family>.py` each, beside `test_resolution.py`, `test_roles.py` and
`test_quotations.py`.  What they share (`quote_for`, `indirect`, `speaker`,
`speaker_name`, `assert_attributed`, `known_failure` for strict xfail rows) is in
`helpers.py`, imported as `from helpers import ...`."""

from __future__ import annotations

import threading

import pytest
from werkzeug.serving import make_server

from service.app import create_app
from service.config import Config
from service.nlp.pipeline import load_pipeline


class TestConfig(Config):
    TESTING = True


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(Config.SPACY_MODEL)


@pytest.fixture
def app(nlp):
    return create_app(TestConfig, nlp=nlp)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def attribute(nlp):
    """Run the pipeline on a text and return its `Extraction`."""

    def run(text: str):
        return nlp(text)._.extraction

    return run


class QuietConfig(Config):
    ACCESS_LOG = False


@pytest.fixture
def live_server(nlp):
    """The app served over real HTTP on 127.0.0.1 (a free port) in a thread, for tools
    that run as their own process; yields its base URL."""
    server = make_server("127.0.0.1", 0, create_app(QuietConfig, nlp=nlp))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
