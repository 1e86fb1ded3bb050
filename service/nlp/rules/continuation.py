"""A quote with no cue of its own takes an earlier speaker: the speaker of the quote it
continues, or of reported speech just before it in its paragraph, when nobody else is
named in between."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..doccache import doc_ents, doc_text
from ..names import Entity
from ..parse import SUBJECT_DEPS, tokens_between
from ..records import QuoteKind
from ..resources import name_gender
from ..roles import is_role_head
from .base import Attribution, Candidate, Rule

# A headline is a short line.
MAX_HEADLINE_WORDS = 16
# The verbs of a sentence's main clauses.
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj"})


def _after_attribution(doc: Doc, previous: Candidate, end: int) -> list[Token]:
    """The words between two quotes, less those that attribute the first (`said the
    former aide`: the aide is who spoke, not someone new)."""
    own = previous.attribution
    skip = set()
    for span in (own.mention, own.cue, own.antecedent):
        if span is not None:
            skip.update(range(span.start, span.end))
            skip.update(t.i for t in span.root.subtree)
    return [t for t in tokens_between(doc, previous.span.close_end, end) if t.i not in skip]


def _another_source(token: Token, speaker: Entity | None) -> bool:
    """The subject of a main clause that introduces someone else: a name (`Rival Bo Chen
    derided ...`) or a description of a person (`However, a club spokeswoman was ...`),
    not the speaker again (`Silva`, `the minister` for a minister)."""
    if token.dep_ not in SUBJECT_DEPS or token.head.dep_ not in MAIN_CLAUSE_DEPS:
        return False
    if token.pos_ == "PROPN" and (token.ent_type_ == "PERSON" or _given_name_first(token)):
        return speaker is None or speaker.key not in token.lower_
    if token.pos_ != "NOUN" or not is_role_head(token):
        return False
    return speaker is None or token.lower_ not in speaker.descriptions


def _given_name_first(token: Token) -> bool:
    """A name NER missed that opens with a given name ("Ana Bystrom agreed.")."""
    first = token.left_edge
    return first.i < token.i and first.pos_ == "PROPN" and name_gender(first.text) is not None


def _continuation_rule(
    doc: Doc, paragraphs: list[tuple[int, int]], previous: Candidate, item: Candidate
) -> Rule | None:
    """How `item` continues the quote before it: `INHERITED` within a paragraph or a
    quote carried on across paragraphs, `INHERITED_PARAGRAPH` for a paragraph that opens
    with a quote right after an attributed one, when nobody else is named in between."""
    if previous.span.paragraph == item.span.paragraph:
        between = _after_attribution(doc, previous, item.span.open_start)
        return None if any(_another_source(t, previous.entity) for t in between) else Rule.INHERITED
    if previous.span.paragraph + 1 != item.span.paragraph:
        return None
    if item.span.continued:
        return Rule.INHERITED
    opens_paragraph = not doc_text(doc)[paragraphs[item.span.paragraph][0] : item.span.open_start].strip()
    between = _after_attribution(doc, previous, item.span.open_start)
    if opens_paragraph and not _someone_else_in(doc, between, previous.entity):
        return Rule.INHERITED_PARAGRAPH
    return None


def _someone_else_in(doc: Doc, tokens: list[Token], speaker: Entity | None) -> bool:
    """Someone else could have said it: a person named among `tokens` who is not
    `speaker`, or a subject that describes a source (`However, a club spokeswoman was
    "satisfied"`).  (Pass the words after the first quote's own attribution: a name inside
    "said Clinton's aide Jake Sullivan" is not someone new.)"""
    inside = {t.i for t in tokens}
    named = any(
        ent.label_ == "PERSON" and ent.start in inside and (speaker is None or speaker.key not in ent.text.lower())
        for ent in doc_ents(doc)
    )
    return named or any(_another_source(t, speaker) for t in tokens)


def inherit_from_previous_quote(items: list[Candidate], doc: Doc, paragraphs: list[tuple[int, int]]) -> None:
    """A quote with no cue of its own takes the speaker (and the attributing mention)
    of the quote it continues."""
    previous: Candidate | None = None
    for item in items:
        if item.span is None:
            continue
        if item.attribution is None and previous is not None and previous.attribution is not None:
            rule = _continuation_rule(doc, paragraphs, previous, item)
            if rule is not None:
                item.entity = previous.entity
                item.attribution = Attribution(previous.attribution.mention, None, rule)
        previous = item


def in_headline(doc: Doc, paragraphs: list[tuple[int, int]], item: Candidate) -> bool:
    """The quote stands in the article's first line, a headline: one short line that does
    not end a sentence (`Labour pig poster 'anti-Semitic'`)."""
    if item.span is None or item.span.paragraph != 0 or not paragraphs:
        return False
    start, end = paragraphs[0]
    line = doc_text(doc)[start:end].strip()
    return 0 < len(line.split()) <= MAX_HEADLINE_WORDS and "\n" not in line and line[-1:] not in {".", "?", "!"}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def attribute_headline_quotes(items: list[Candidate], doc: Doc, paragraphs: list[tuple[int, int]]) -> None:
    """A word quoted in a headline is the words of whoever says them in the story: the
    speaker of the first later quotation that holds them, said with a cue."""
    text = doc_text(doc)
    for n, item in enumerate(items):
        if item.attribution is not None or not in_headline(doc, paragraphs, item):
            continue
        words = _words(text[item.start : item.end])
        for later in items[n + 1 :]:
            said = later.span is not None and later.entity is not None and later.attribution is not None
            if said and words and f" {words} " in f" {_words(text[later.start : later.end])} ":
                item.entity = later.entity
                item.attribution = Attribution(later.attribution.mention, None, Rule.HEADLINE_QUOTE)
                break


def inherit_from_reported_speech(items: list[Candidate], doc: Doc, paragraphs: list[tuple[int, int]]) -> None:
    """A quote still without a speaker that follows reported speech in its paragraph,
    nobody else named in between, is the reported speaker's (`The dam will hold, engineer
    Ana Silva says. "We tested it twice."`)."""
    reported: Candidate | None = None
    for item in items:
        if item.span is None:
            if item.attribution is not None and item.attribution.mention is not None:
                reported = item
            continue
        if item.attribution is None and reported is not None and item.kind is QuoteKind.DIRECT:
            start = paragraphs[item.span.paragraph][0] if item.span.paragraph < len(paragraphs) else 0
            if (
                start <= reported.start
                and reported.end <= item.span.open_start
                and not _someone_else_in(doc, tokens_between(doc, reported.end, item.span.open_start), reported.entity)
            ):
                item.entity = reported.entity
                item.attribution = Attribution(reported.attribution.mention, None, Rule.INHERITED_REPORTED)
        if item.attribution is not None:
            reported = None
