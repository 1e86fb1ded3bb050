"""What every rule shares: the rule ids, the attribution a rule returns, and the context
a quote finder reads.

A quote finder is a function of one `QuoteContext` returning an `Attribution` tagged
with its `Rule`, or `None`; `rules/__init__.py` lists the finders in the order they are
tried.  The measured precision of each rule is data (`data/rule_precision.json`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..doccache import doc_text
from ..marks import QuotedSpan
from ..names import Entity
from ..parse import according_to_source, is_according_to, mention_span, token_span, tokens_between
from ..records import QuoteKind


class Rule(StrEnum):
    """Every way an answer gets its speaker; the value travels with the answer."""

    # quotations: a cue after the quote, before it, or a verb governing a fragment
    CUE_AFTER = "cue_after"
    CUE_AFTER_POSITION = "cue_after_position"
    CUE_BEFORE = "cue_before"
    CUE_BEFORE_POSITION = "cue_before_position"
    ACCORDING_TO = "according_to"
    GOVERNING = "governing"
    # introductions and layouts without a verb after the quote
    LABEL = "label"
    DASH = "dash"
    COLON_INTRO = "colon_intro"
    SPEECH_SENTENCE_INTRO = "speech_sentence_intro"
    # a quote with no cue of its own takes an earlier speaker
    INHERITED = "inherited"
    INHERITED_PARAGRAPH = "inherited_paragraph"
    INHERITED_REPORTED = "inherited_reported"
    # reported speech
    REPORTED = "reported"
    REPORTED_PARENTHETICAL = "reported_parenthetical"
    REPORTED_OBJECT = "reported_object"
    REPORTED_NOMINAL = "reported_nominal"
    ACCORDING_TO_REPORTED = "according_to_reported"
    FINDING = "finding"
    HEADLINE = "headline"
    HEADLINE_QUOTE = "headline_quote"
    # nobody could be named
    NONE = "none"


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to: `mention`, the words naming the speaker nearest the
    quote, and `antecedent`, the words to resolve instead when the mention is a pronoun
    of a speaker named further out (`said Ana Silva, who thinks the plan "..."`)."""

    mention: Span | None
    cue: Span | None
    rule: Rule
    antecedent: Span | None = None


@dataclass(frozen=True)
class QuoteContext:
    """A quotation and the stretch of its paragraph a finder may read.

    `after_limit` is where the words after the quote end (the paragraph's end or the
    next quote); `before_limit` where the words before it begin (the start of its
    sentence, or the end of the quote before it)."""

    doc: Doc
    quote: QuotedSpan
    after_limit: int
    before_limit: int
    paragraph_start: int
    previous_paragraph_end: int | None
    inside_quote: Callable[[int], bool]

    @property
    def text(self) -> str:
        return doc_text(self.doc)

    @cached_property
    def tokens_after(self) -> list[Token]:
        """The tokens after the closing mark, up to `after_limit`, without spaces."""
        return [t for t in tokens_between(self.doc, self.quote.close_end, self.after_limit) if not t.is_space]

    @cached_property
    def tokens_before(self) -> list[Token]:
        """The tokens from `before_limit` up to the opening mark, without spaces."""
        return [t for t in tokens_between(self.doc, self.before_limit, self.quote.open_start) if not t.is_space]


@dataclass(frozen=True)
class ReportedClause:
    """A reported clause without quote marks: its offsets and who reported it."""

    start: int
    end: int
    attribution: Attribution


@dataclass
class Candidate:
    """A quotation (`span` set) or a reported clause on its way to becoming a `Quote`."""

    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None
    span: QuotedSpan | None = None
    entity: Entity | None = None


def according_to(token: Token) -> Attribution | None:
    """`according to X` at `token`: X's attribution, or None (not the phrase, or no X)."""
    if not is_according_to(token):
        return None
    source = according_to_source(token)
    if source is None:
        return None
    return Attribution(mention_span(source), token_span(token, 2), Rule.ACCORDING_TO)


QuoteFinder = Callable[[QuoteContext], Attribution | None]
