"""Values of a `Doc` that spaCy recomputes on every access, computed once.

spaCy rebuilds `Doc.text` from its tokens and `Doc.ents` from the entity tags on every
access; rules that read them many times per document go through these helpers, which
keep the values in `doc.user_data`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .marks import paragraph_breaker

TEXT_KEY = "quotes.text"
ENTS_KEY = "quotes.ents"
BREAKER_KEY = "quotes.paragraph_breaker"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple(doc.ents)
    return ents


def doc_paragraph_breaker(doc: Doc) -> re.Pattern:
    """`marks.paragraph_breaker` of the document's text, decided once."""
    breaker = doc.user_data.get(BREAKER_KEY)
    if breaker is None:
        breaker = doc.user_data[BREAKER_KEY] = paragraph_breaker(doc_text(doc))
    return breaker


def ents_within(span: Span) -> list[Span]:
    """The entities inside `span` (what `Span.ents` gives, without rebuilding them)."""
    return [e for e in doc_ents(span.doc) if span.start <= e.start and e.end <= span.end]
