"""The JSON body of a quotes answer, shared by the HTTP API and the command line.

For HTML input the pipeline reads the plain text `service.htmltext` takes from the HTML,
and `html_offsets` then moves every `start`/`end` of the finished body into the HTML;
the pipeline itself never sees markup.
"""

from __future__ import annotations

import time

from spacy.language import Language
from spacy.tokens import Doc

from schemas.quotes import quote_response_schema

from .htmltext import HtmlText, html_to_text
from .nlp.pipeline import model_label
from .version import __version__


def _move_span(span: dict | None, source: HtmlText) -> None:
    if span is not None:
        span["start"], span["end"] = source.source_span(span["start"], span["end"])


def html_offsets(body: dict, source: HtmlText) -> dict:
    """`body` (quotes and speakers found in `source.text`) with every offset moved into
    `source.html`; each span's `text` stays the decoded plain text.  Changes `body`."""
    for quote in body["quotes"]:
        _move_span(quote, source)
        _move_span(quote.get("mention"), source)
        _move_span(quote.get("cue"), source)
    for speaker in body["speakers"]:
        for mention in [*speaker["mentions"], *speaker["role_mentions"]]:
            _move_span(mention, source)
    return body


def response_body(
    nlp: Language, doc: Doc, doc_id: str | None, elapsed_ms: float, source: HtmlText | None = None
) -> dict:
    """The API's JSON body for a parsed `doc`; `source` when the input was HTML."""
    extraction = doc._.extraction
    body = quote_response_schema.dump(
        {
            "id": doc_id,
            "quotes": extraction.quotes,
            "speakers": extraction.speakers,
            "meta": {
                "model": model_label(nlp),
                "version": __version__,
                "chars": len(source.html) if source is not None else len(doc.text),
                "elapsed_ms": round(elapsed_ms, 1),
            },
        }
    )
    return html_offsets(body, source) if source is not None else body


def attribute_text(nlp: Language, text: str, doc_id: str | None = None, *, html: bool = False) -> dict:
    """Parse `text` (HTML when `html`) and return the API's JSON body for it."""
    started = time.perf_counter()
    source = html_to_text(text) if html else None
    doc = nlp(source.text if source is not None else text)
    return response_body(nlp, doc, doc_id, (time.perf_counter() - started) * 1000, source)
