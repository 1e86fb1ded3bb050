"""A cue before the quote: `X said, "…"`, `X said: "…"`, `X said that "…"`,
`According to X, "…"`, `The mayor issued a statement: "…"`."""

from __future__ import annotations

from ..lexicon import REPORTING_VERBS, SPEECH_NOUNS
from ..parse import (
    FINITE_TAGS,
    cue_span,
    is_cue_verb,
    mention_span,
    own_subject,
    subject_of,
    token_span,
)
from .base import Attribution, QuoteContext, Rule, according_to

# What ends a clause that introduces the quote right after it.
INTRODUCING_PUNCTUATION = frozenset({",", ":"})


def cue_before(ctx: QuoteContext) -> Attribution | None:
    """The nearest cue before the quote, in its sentence."""
    for token in reversed(ctx.tokens_before):
        according = according_to(token)
        if according is not None:
            return according
        if is_cue_verb(token, REPORTING_VERBS):
            subject = subject_of(token)
            if subject is not None:
                return Attribution(mention_span(subject), cue_span(token), Rule.CUE_BEFORE)
            return None
        if token.lemma_ in SPEECH_NOUNS and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            subject = subject_of(token.head)
            if subject is not None:
                return Attribution(mention_span(subject), token_span(token), Rule.CUE_BEFORE)
            return None
    return None


def verb_right_before(ctx: QuoteContext) -> Attribution | None:
    """`Ana Silva shot back, "…"` / `Silva fired back: "…"`: whatever the verb, a clause
    that ends in a comma or colon right before the quote introduces it."""
    words = list(ctx.tokens_before)
    if len(words) < 2 or words[-1].text not in INTRODUCING_PUNCTUATION:
        return None
    words = words[:-1]
    while words and words[-1].dep_ in {"prt", "advmod"} and words[-1].head.i < words[-1].i:
        words = words[:-1]  # `shot back`, `replied sharply`
    if not words:
        return None
    verb = words[-1]
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS or any(c.dep_ == "dobj" for c in verb.children):
        return None
    subject = own_subject(verb)
    if subject is None or subject.i > verb.i:
        return None
    rule = Rule.CUE_BEFORE if is_cue_verb(verb, REPORTING_VERBS) else Rule.CUE_BEFORE_POSITION
    return Attribution(mention_span(subject), cue_span(verb), rule)
