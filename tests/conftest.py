"""Shared fixtures: the spaCy pipeline is loaded once per session; each test gets a
fresh app from the factory with that pipeline handed in.

The attribution tests mirror the rule families of `service/nlp/rules/`: one module
`test_rules_<family>.py` each, beside `test_resolution.py`, `test_roles.py` and
`test_quotations.py`.  What they share (`quote_for`, `indirect`, `speaker`,
`speaker_name`, `assert_attributed`, `known_failure` for strict xfail rows) is in
`helpers.py`, imported as `from helpers import ...`."""

from __future__ import annotations

import pytest

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
