"""Headlines that put a source before a colon and a claim after it
(`Silva: Harbour Plan Will Fail`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from ..doccache import doc_text
from ..lexicon import NOT_HEADLINE_SOURCES, SERIES_WORDS
from ..parse import NAMED_ENT_LABELS
from .base import Attribution, ReportedClause, Rule

PLACE_ENT_LABELS = frozenset({"GPE", "LOC", "NORP"})
# A list of names has a comma between each two.
MAX_LIST_COMMAS = 3
HEADLINE_RE = re.compile(
    r"^\s*(?P<source>[A-Z][\w.’'&-]*(?: [A-Z][\w.’'&-]*| of| the){0,4})\s*(?P<colon>:)\s+(?P<claim>[^\s\"“‘'«].{8,})$"
)


def _names_a_source(source: Span) -> bool:
    """A headline label that names someone (`Silva`, `Harbour Gazette`), not a series
    (`The Latest`, `Delegate Update`, `FIX IS IN`)."""
    words = [t for t in source if not t.is_punct]
    if not words or words[0].lower_ == "the" or any(t.pos_ == "VERB" or t.like_num for t in words):
        return False
    if len(words) > 1 and all(t.is_upper for t in words):
        return False
    if any(t.lower_ in SERIES_WORDS for t in words):
        return False
    if any(t.ent_type_ in PLACE_ENT_LABELS for t in words):
        return False  # `Iowa:` heads a list of that state's members, not a claim
    named = any(t.ent_type_ in NAMED_ENT_LABELS for t in words)
    return named or (len(words) <= 2 and all(t.is_title or t.is_upper for t in words))


def _is_a_claim(claim: Span) -> bool:
    """What follows the colon says something (`Harbour Plan Will Fail`, a transcript's
    `SILVA: Well, I think ...`), rather than list names (`Iowa: Ana Silva, Bo Chen, ...`)."""
    names = sum(t.ent_type_ == "PERSON" and t.ent_iob_ == "B" for t in claim)
    commas = sum(t.text == "," for t in claim)
    return not (commas >= MAX_LIST_COMMAS and names >= commas)


def headline_claims(doc: Doc, paragraphs: list[tuple[int, int]]) -> Iterator[ReportedClause]:
    """`Silva: Harbour Plan Will Fail.` — a one-line paragraph that
    puts a short source name before a colon and a claim after it."""
    for start, end in paragraphs:
        line = doc_text(doc)[start:end]
        if "\n" in line.strip():
            continue
        match = HEADLINE_RE.match(line)
        if match is None or match.group("source").strip().lower() in NOT_HEADLINE_SOURCES:
            continue
        source = doc.char_span(start + match.start("source"), start + match.end("source"), alignment_mode="contract")
        colon = doc.char_span(start + match.start("colon"), start + match.end("colon"), alignment_mode="expand")
        claim_start = start + match.start("claim")
        claim_end = start + len(line.rstrip().rstrip("."))
        claim = doc.char_span(claim_start, claim_end, alignment_mode="expand")
        if source is None or colon is None or claim is None or not _names_a_source(source) or not _is_a_claim(claim):
            continue
        yield ReportedClause(claim_start, claim_end, Attribution(source, colon, Rule.HEADLINE))
