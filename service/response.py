"""The JSON body of a quotes answer, shared by the HTTP API and the command line."""

from __future__ import annotations

import time

from spacy.language import Language
from spacy.tokens import Doc

from schemas.quotes import quote_response_schema

from .nlp.pipeline import model_label
from .version import __version__


def response_body(nlp: Language, doc: Doc, doc_id: str | None, elapsed_ms: float) -> dict:
    extraction = doc._.extraction
    return quote_response_schema.dump(
        {
            "id": doc_id,
            "quotes": extraction.quotes,
            "speakers": extraction.speakers,
            "meta": {
                "model": model_label(nlp),
                "version": __version__,
                "chars": len(doc.text),
                "elapsed_ms": round(elapsed_ms, 1),
            },
        }
    )


def attribute_text(nlp: Language, text: str, doc_id: str | None = None) -> dict:
    """Parse `text` and return the API's JSON body for it."""
    started = time.perf_counter()
    doc = nlp(text)
    return response_body(nlp, doc, doc_id, (time.perf_counter() - started) * 1000)
