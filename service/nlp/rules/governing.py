"""A quoted fragment inside the writer's sentence: the cue that governs it (`Ana Silva
has signalled that ... her "red line"`)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import NARRATION_ONLY_CUES, PRONOUN_SUBJECTS, REPORTING_VERBS, SPEECH_VERBS, STANCE_OBJECT_VERBS
from ..parse import (
    CLAUSE_OF_ITS_OWN_DEPS,
    PASSIVE_DEPS,
    SENTENCE_STOPS,
    cue_span,
    is_cue_verb,
    is_speech_verb,
    mention_span,
    own_subject,
    subject_of,
    tokens_between,
)
from .base import Attribution, QuoteContext, Rule, according_to

# How many heads the climb from the quote may pass.
MAX_CLIMB = 12


def _governs(token: Token) -> bool:
    listed = is_cue_verb(token, REPORTING_VERBS) or is_cue_verb(token, STANCE_OBJECT_VERBS)
    # (a verb only WordNet calls speech governs in the active voice: `was signed by Leeds
    # as "an investment"` reports nobody's words)
    heard = listed or (is_speech_verb(token) and not _is_passive(token))
    return heard and token.lemma_ not in NARRATION_ONLY_CUES


def _speaker_of(verb: Token) -> Token | None:
    """Who the verb says spoke: its subject, or in the passive the agent (`was described
    as a "consummate professional" by his friend Ana Silva`); the subject of a passive is
    what was spoken about (`The party has been accused of "racism"`)."""
    if _is_passive(verb):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    return subject_of(verb)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def governing(ctx: QuoteContext) -> Attribution | None:
    """Of the cue verbs above the quote, the outermost verb of speech wins (`Cruz said he
    is certain Rubio will continue to be "..."` is Cruz's); failing one, the nearest verb
    of attitude.  Verbs inside other quotations are someone's words, never a cue."""
    quote, doc = ctx.quote, ctx.doc
    inside = tokens_between(doc, quote.start, quote.end)
    roots = [t for t in inside if t.head.idx < quote.open_start or t.head.idx >= quote.close_end or t.head is t]
    if not roots:
        return None
    speech: list[Attribution] = []
    attitude: list[Attribution] = []
    # A quote that closes its sentence (`"… to me."  Aides said …`) is not governed by a
    # verb after it, whatever the parse.
    closed = ctx.text[quote.start : quote.end].rstrip()[-1:] in SENTENCE_STOPS
    token = roots[0]
    for _ in range(MAX_CLIMB):
        outside = token.idx < quote.open_start or token.idx >= quote.close_end
        after_its_sentence = closed and token.idx >= quote.close_end
        if outside and not after_its_sentence and not ctx.inside_quote(token.idx):
            according = according_to(token)
            if according is not None:
                return according
            quoting = _is_passive(token) and bool(speech)  # `was quoted by Reuters as saying "…"`
            if _governs(token) and not quoting:
                subject = _speaker_of(token)
                if subject is not None and not (quote.start <= subject.idx < quote.end):
                    found = Attribution(mention_span(subject), cue_span(token), Rule.GOVERNING)
                    (speech if token.lemma_ in SPEECH_VERBS else attitude).append(found)
                    if token.dep_ in CLAUSE_OF_ITS_OWN_DEPS and own_subject(token) is not None:
                        break  # `called it "X", but he also noted "Y"`: a clause of its own
        if token.head is token:
            break
        token = token.head
    return _chosen(speech, attitude, roots[0]) or _quoted_attitude(ctx, roots)


def _quoted_attitude(ctx: QuoteContext, roots: list[Token]) -> Attribution | None:
    """A quoted adjective said of someone, with the clause it is about: `a spokeswoman was
    "satisfied" that the data was safe`, `he is "confident" the deal will hold` report what
    the subject stated."""
    if len(roots) != 1:
        return None
    word = roots[0]
    copula = word.head
    # (an adjective, or a participle used as one: "concerned", "satisfied")
    if word.dep_ != "acomp" or word.pos_ not in {"ADJ", "VERB"} or not any(c.dep_ == "ccomp" for c in word.children):
        return None
    subject = own_subject(copula)
    if subject is None or ctx.inside_quote(subject.idx) or subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    return Attribution(mention_span(subject), cue_span(copula), Rule.GOVERNING)


def _chosen(speech: list[Attribution], attitude: list[Attribution], root: Token) -> Attribution | None:
    """The outermost speech verb, else the nearest attitude verb; when a pronoun nearer
    the quote names the speaker found further out, that pronoun is the mention."""
    chosen = speech[-1] if speech else (attitude[0] if attitude else None)
    nearest = min(speech + attitude, key=lambda a: abs(a.cue.start - root.i), default=None)
    if chosen is not None and nearest is not chosen and nearest.mention.root.lower_ in PRONOUN_SUBJECTS:
        return Attribution(nearest.mention, nearest.cue, chosen.rule, antecedent=chosen.mention)
    return chosen
