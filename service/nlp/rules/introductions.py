"""Layouts that name the speaker around a quote without a cue verb beside it: a label
(`Ana Silva: "…"`), a byline dash after the quote (`"…" — Ana Silva`), and a sentence
that introduces the quote after it (`The council responded:`, `Silva continued her
remarks.`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import ATTITUDE_ONLY, LEADING_CUE_FORMS, NOT_A_SPEAKER_SUBJECT, NOT_AN_INTRODUCER, SPEECH_NOUNS
from ..parse import (
    DASHES,
    VERB_POS,
    cue_span,
    inverted_subject,
    is_cue_verb,
    mention_span,
    own_subject,
    subject_of,
    token_span,
)
from .base import Attribution, QuoteContext, Rule

# What ends a sentence that introduces the quote after it: a colon, or a dash.
INTRODUCING_MARKS = frozenset({":", "—", "–", "-"})
MAX_LABEL_TOKENS = 7
MAX_BYLINE_WORDS = 5


def label(ctx: QuoteContext) -> Attribution | None:
    """`Name: "…"`, `From Name: "…"` and `More from Name: "…"`: a short name and a colon
    before the quote, also after a topic and a dash (`Turnout is up - Ana Silva: "…"`)."""
    tokens = ctx.tokens_before
    if not tokens or tokens[-1].text != ":":
        return None
    dashes = [n for n, t in enumerate(tokens) if t.text in DASHES and t.whitespace_ and n > 0]
    if dashes:
        tokens = tokens[dashes[-1] + 1 :]
    if len(tokens) > MAX_LABEL_TOKENS:
        return None
    words = tokens[:-1]
    cue_word = None
    if len(words) > 1 and words[0].lower_ == "more" and words[1].lower_ == "from":
        words = words[1:]
    if words and (words[0].lower_ == "from" or words[0].lower_ in LEADING_CUE_FORMS):
        cue_word = words[0] if words[0].lower_ != "from" else None
        words = words[1:]
    if not words or not all(t.pos_ == "PROPN" or t.is_title or t.text in {".", "-"} for t in words):
        return None
    doc = ctx.doc
    cue = token_span(cue_word) if cue_word is not None else token_span(tokens[-1])
    return Attribution(doc[words[0].i : words[-1].i + 1], cue, Rule.LABEL)


def dash(ctx: QuoteContext) -> Attribution | None:
    """A quote followed by `— Name, Title`."""
    tokens = ctx.tokens_after
    if len(tokens) < 2 or tokens[0].text not in DASHES:
        return None
    names = []
    for token in tokens[1 : 1 + MAX_BYLINE_WORDS]:
        if token.pos_ != "PROPN" and not token.is_title:
            break
        names.append(token)
    if not names:
        return None
    return Attribution(ctx.doc[names[0].i : names[-1].i + 1], token_span(tokens[0]), Rule.DASH)


def _introducing_mark(ctx: QuoteContext) -> int | None:
    """Where the words before the quote end: in its paragraph, or at the end of the
    paragraph before when the quote opens its own."""
    text = ctx.text
    before = text[ctx.paragraph_start : ctx.quote.open_start]
    if before.strip():
        return ctx.paragraph_start + len(before.rstrip()) - 1
    if ctx.previous_paragraph_end is None:
        return None
    colon = ctx.previous_paragraph_end - 1
    while colon > 0 and text[colon].isspace():
        colon -= 1
    return colon


def colon_intro(ctx: QuoteContext) -> Attribution | None:
    """A sentence that ends in a colon introduces the quote after it
    (`The council responded:` / `the senator released a statement:` then the quote,
    in the same paragraph or opening the next one): its subject is the speaker."""
    colon = _introducing_mark(ctx)
    if colon is None or colon < 0:
        return None
    if ctx.text[colon] == ".":
        return _speech_sentence_before(ctx.doc, colon)
    if ctx.text[colon] not in INTRODUCING_MARKS:
        return None
    span = ctx.doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None:
        return None
    colon_token = span[0]
    before = [t for t in colon_token.sent if t.i < colon_token.i]
    verbs = [t for t in before if t.pos_ in VERB_POS and t.dep_ != "aux"]
    # The clause's main verb: the one whose head is not another verb before the colon.
    mains = [v for v in verbs if v.head is v or v.head not in verbs]
    if not mains:
        return None
    verb = mains[0]
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        subject = inverted_subject(verb, colon_token.i)
    if subject is None or subject.i >= colon_token.i or subject.lower_ in NOT_AN_INTRODUCER:
        return None
    return Attribution(mention_span(subject), token_span(verb), Rule.COLON_INTRO)


def _has_words_of_its_own(root: Token) -> bool:
    """A clause, or an object other than a speech noun (`said the plan works`, `told
    a story`), is what the sentence says: it introduces nothing."""
    for child in root.children:
        if child.dep_ in {"ccomp", "xcomp", "parataxis"} or (
            child.dep_ == "dobj" and child.lemma_.lower() not in SPEECH_NOUNS and child.lower_ not in SPEECH_NOUNS
        ):
            return True
    return False


def _speech_sentence_before(doc: Doc, stop: int) -> Attribution | None:
    """`Ana Silva continued her remarks.` then a quote: a sentence right before the
    quote whose main verb is a verb of speech with no words of its own (no clause, no
    object other than a speech noun) introduces it."""
    span = doc.char_span(stop, stop + 1, alignment_mode="expand")
    if span is None:
        return None
    root = span[0].sent.root
    if not is_cue_verb(root) or root.lemma_.lower() in ATTITUDE_ONLY:
        return None
    if any(t.is_quote for t in span[0].sent if t.i < root.i):
        return None  # a sentence with a quotation in it is no plain introduction
    if _has_words_of_its_own(root):
        return None
    subject = own_subject(root)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ in NOT_A_SPEAKER_SUBJECT:
        return None  # (a passive's subject is what was said about, not who spoke)
    return Attribution(mention_span(subject), cue_span(root), Rule.SPEECH_SENTENCE_INTRO)
