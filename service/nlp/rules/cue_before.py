"""A cue before the quote: `X said, "…"`, `X said: "…"`, `X said that "…"`,
`According to X, "…"`, `The mayor issued a statement: "…"`; and a passive verb of speech
whose agent spoke (`The plan was described by Ana Silva as "a shambles."`, `was called
"a disgrace" by Ray Dunn`).  (`X was quoted as saying "…"` is the governing verb's.)"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import ADDRESSEE_FIRST_VERBS, ADDRESSEE_VERBS, QUOTING_VERBS, REPORTING_VERBS, SPEECH_NOUNS
from ..parse import (
    FINITE_TAGS,
    NOMINAL_POS,
    PASSIVE_DEPS,
    cue_span,
    is_cue_verb,
    mention_span,
    own_subject,
    quote_token_limit,
    subject_of,
    token_span,
)
from .base import Attribution, QuoteContext, Rule, according_to

# What ends a clause that introduces the quote right after it.
INTRODUCING_PUNCTUATION = frozenset({",", ":"})
# What the quote is of a verb that names its subject (`was called "a disgrace"`).
NAMING_DEPS = frozenset({"oprd", "attr", "xcomp", "acomp"})


def cue_before(ctx: QuoteContext) -> Attribution | None:
    """The nearest cue before the quote, in its sentence."""
    for token in reversed(ctx.tokens_before):
        according = according_to(token)
        if according is not None:
            return according
        if is_cue_verb(token, REPORTING_VERBS):
            subject = _speaking_subject(ctx, token)
            if subject is not None:
                return Attribution(mention_span(subject), cue_span(token), Rule.CUE_BEFORE)
            return None
        if token.lemma_ in SPEECH_NOUNS and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            subject = subject_of(token.head)
            if subject is not None:
                return Attribution(mention_span(subject), token_span(token), Rule.CUE_BEFORE)
            return None
    return None


def _speaking_subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """The cue's subject, unless it is whom the words were put to (`Silva was asked, "…"`,
    `the staff were told: "…"`: the passive subject of `ask` or `tell` heard the quote)
    or stands inside a quotation (`As Pike put it, "Senate leaders should …"`)."""
    subject = subject_of(verb)
    if subject is None or ctx.inside_quote(subject.idx):
        return None
    addressed = verb.lemma_.lower() in ADDRESSEE_VERBS | ADDRESSEE_FIRST_VERBS
    if addressed and subject.dep_ == "nsubjpass" and subject.head.i == verb.i:
        return None
    return subject


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


def passive_agent(ctx: QuoteContext) -> Attribution | None:
    """`The plan was described by Ana Silva as "a shambles."`, `The decision was called
    "a disgrace" by Ray Dunn`: the quote is what a passive cue verb calls its subject,
    and the verb has an agent: the agent spoke, not the subject, which is what was
    spoken about (`The bill was passed by the Senate as "…"` is no speech).  Not a verb of quoting (`Silva was quoted by Reuters as saying`:
    Reuters quoted her)."""
    span = ctx.doc.char_span(ctx.quote.start, ctx.quote.end, alignment_mode="expand")
    verb = _verb_naming(span.root) if span is not None else None
    if verb is None or verb.i >= span.start:
        return None
    lemma = verb.lemma_.lower()
    if verb.tag_ != "VBN" or not is_cue_verb(verb) or lemma in QUOTING_VERBS:
        return None
    if not any(c.dep_ in PASSIVE_DEPS for c in verb.children) and verb.dep_ != "acl":
        return None  # (`has described X as` is active: its subject spoke)
    speaker = _agent_of(verb, quote_token_limit(ctx.doc, ctx.quote.close_end))
    if speaker is None or span.start <= speaker.i < span.end:
        return None
    return Attribution(mention_span(speaker), cue_span(verb), Rule.CUE_BEFORE)


def _verb_naming(word: Token) -> Token | None:
    """The verb whose complement the quote is: what the subject is called
    (`called "a disgrace"`, the quote an `oprd`) or described as (`described as "…"`,
    under `as`); None when the quote is anything else of its sentence."""
    head = word.head
    if word.dep_ in NAMING_DEPS and head.pos_ == "VERB":
        return head
    if head.lower_ == "as" and head.head.pos_ == "VERB":
        return head.head
    return None


def _agent_of(verb: Token, after_quote: int) -> Token | None:
    """The `by` phrase of a passive verb, also when the parse hangs it on the quote's
    last word (`was called "a disgrace" by Ray Dunn`)."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    doc = verb.doc
    if not agents and after_quote < len(doc) and doc[after_quote].lower_ == "by":
        agents = [doc[after_quote]]
    for agent in agents:
        for child in agent.children:
            if child.dep_ == "pobj" and child.pos_ in NOMINAL_POS:
                return child
    return None
