"""A cue after the quote: `"…," X said.`, `"…," said X.`, `"…" according to X.`

Any verb right after a quote that has a subject and no object of its own is the quote's
cue whatever the verb (`"Never again," Ruiz fumed.`, `"This is fantastic!" beamed Ana
Silva`, `CUE_AFTER_POSITION`): after a quote ending in a comma, `!`, `?` or a dash, or
after the quote's own full stop when the next sentence is only a name and its verb
(`"Frankly, we were robbed." Ince deadpanned.`).  The person `told` or `informed` is
never the speaker (`"…," Ruiz told the Gazette's Hale`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import ADDRESSEE_FIRST_VERBS, CUE_VERB_FORMS
from ..parse import (
    DASHES,
    NOMINAL_POS,
    PAST_OR_THIRD_PERSON_TAGS,
    SENTENCE_STOPS,
    SUBJECT_DEPS,
    VERB_POS,
    cue_span,
    inverted_subject,
    is_cue_verb,
    mention_span,
    own_subject,
    quote_token_limit,
    reports_a_clause_of_its_own,
    sentence_stop,
    subject_of,
    token_span,
)
from ..resources import person_nouns, speech_verbs
from .base import Attribution, QuoteContext, Rule, according_to

# The dashes a quote broken off can end in (`"We were—" Silva began.`).
DASH_MARKS = frozenset(d for d in DASHES if len(d) == 1)

AFTER_WINDOW = 9
# How far a cue form may stand after the name that opens the words after a quote.
LONG_AFTER_WINDOW = 18
# How far after a quote any verb counts as its cue (`"...!" beamed X`, `"...," X barked`).
POSITIONAL_CUE_WINDOW = 4
# The closing marks of a quotation nested at the end of a quote.
NESTED_CLOSING_MARKS = "'’\"”"
# The marks a quote can end in before a cue.
OPEN_ENDINGS = frozenset({",", "!", "?"}) | DASH_MARKS
# The longest sentence after a closed quote that can be its cue (`Ana Maria Silva
# deadpanned drily.`).
BARE_CLAUSE_WORDS = 6
# The longest description before a name after the cue (`said Leeds City striker Sam Otto`).
MAX_DESCRIPTION_WORDS = 4
# Words of such a description.
DESCRIPTION_POS = frozenset({"PROPN", "NOUN", "ADJ", "PART"})
# What a verb after a quote may not have to be its cue: an object, a clause, a noun
# phrase of time, a predicate (`Silva left the room`, `resigned the next day`).
OWN_WORDS_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "npadvmod", "attr", "acomp", "oprd"})


def cue_after(ctx: QuoteContext) -> Attribution | None:
    words = ctx.tokens_after
    while words and words[0].is_punct and words[0].text not in DASHES:
        words = words[1:]
    first = quote_token_limit(ctx.doc, ctx.quote.close_end)
    last_mark = ctx.text[ctx.quote.start : ctx.quote.end].rstrip()[-1:]
    open_ended = last_mark in OPEN_ENDINGS
    closed = last_mark in SENTENCE_STOPS
    if last_mark == "." and words and words[0].is_title and words[0].pos_ != "PROPN":
        return None  # `"… so."  With a deficit that …`: a new sentence, not a cue
    if _new_clause_after_an_aside(words):
        return None
    closing_cue = _verb_of_a_bare_clause(words) if closed else None
    limit = words[-1].i + 1 if words else first
    for n, token in enumerate(words[:AFTER_WINDOW]):
        if sentence_stop(token) or token.is_quote:
            break
        according = according_to(token)
        if according is not None:
            return according
        positional = (
            open_ended
            and n < POSITIONAL_CUE_WINDOW
            and token.pos_ == "VERB"
            and token.is_alpha
            and (token.tag_ in PAST_OR_THIRD_PERSON_TAGS or (n == 0 and token.tag_ == "VBN"))
            and (not _has_words_of_its_own(token, limit) or token.lemma_.lower() in speech_verbs())
        ) or (closing_cue is not None and token.i == closing_cue.i)
        if closed and reports_a_clause_of_its_own(token):
            break  # `"…?"  The aides said it was …`: the verb's words are its own clause
        cue_verb = is_cue_verb(token)
        if cue_verb or positional:
            found = _speaker_of_cue(token, first, limit, cue_verb)
            if found is not None:
                return found
    return _subject_of_a_distant_cue(words[:2]) or _misread_cue_after(words[:LONG_AFTER_WINDOW])


def cue_after_fragment(ctx: QuoteContext) -> Attribution | None:
    """A fragment inside the writer's sentence has a cue after it only when it is set off
    as in `"…," X said`: a comma, `!`, `?` or a dash ends it, inside the marks or right
    after them (`called it "a fiasco," Ruiz said`, `called it "a fiasco", Ruiz said`).  A
    fragment the sentence runs on from is part of the writer's noun phrase, and the verb
    after it is the sentence's own (`the "Never Again" movement gains ground`, `"sunset
    clause" provisions inserted by ...`)."""
    inside = ctx.text[ctx.quote.start : ctx.quote.end].rstrip().rstrip(NESTED_CLOSING_MARKS)[-1:]  # `… ringleader,’”`
    after = ctx.text[ctx.quote.close_end : ctx.quote.close_end + 1]
    if inside not in OPEN_ENDINGS and after not in OPEN_ENDINGS:
        return None
    return cue_after(ctx)


def _new_clause_after_an_aside(words: list[Token]) -> bool:
    """`— "…?" — and residents agreed`: the dash closed an aside, and `and` opens a clause
    with a subject of its own (`— "…" — and said he …` still speaks for the subject
    before the quote)."""
    if len(words) < 3 or words[0].text not in DASHES or words[1].pos_ != "CCONJ":
        return False
    verb = next((t for t in words[2:] if t.pos_ in VERB_POS), None)
    subject = own_subject(verb) if verb is not None else None
    return subject is not None and subject.i > words[1].i


def _has_words_of_its_own(verb: Token, limit: int) -> bool:
    """An object, a clause or a noun phrase of time before `limit` (`left the room`,
    `resigned the next day`): the verb tells what someone did, not how they said the
    quote.  (The quote before the verb, or the next one after `limit`, parsed as its
    object does not count.)"""
    return any(child.dep_ in OWN_WORDS_DEPS and verb.i < child.i < limit for child in verb.children)


def _verb_of_a_bare_clause(words: list[Token]) -> Token | None:
    """`"…." Ince deadpanned.`, `"…!" deadpanned Ince.`: after a quote closed by its own
    full stop, a sentence that is nothing but a name and a past or present verb (and
    adverbs of the verb) says who spoke, whatever the verb; a verb with words of its
    own (`Silva left the room.`) starts the writer's next sentence."""
    end = next((n for n, t in enumerate(words) if sentence_stop(t) or t.is_quote), len(words))
    clause = words[:end]
    verbs = [t for t in clause if t.pos_ == "VERB" and t.is_alpha]  # (a dash tagged VERB is none)
    if len(verbs) != 1 or len(clause) > BARE_CLAUSE_WORDS or verbs[0].tag_ not in PAST_OR_THIRD_PERSON_TAGS:
        return None
    verb = verbs[0]
    subject = own_subject(verb)
    if subject is None or subject.pos_ != "PROPN" or _has_words_of_its_own(verb, words[-1].i + 1):
        return None
    named = {t.i for t in subject.subtree}
    if any(t.i not in named and t.i != verb.i and not (t.dep_ == "advmod" and t.head.i == verb.i) for t in clause):
        return None
    return verb


def _speaker_of_cue(verb: Token, first: int, limit: int, cue_verb: bool) -> Attribution | None:
    """The subject of a cue after the quote: its own, the noun right before it, or the
    noun after it (`said Esper`; only a finite verb inverts: a participle's noun is its
    object, and the noun after `told` is whom the speaker told: `"…," Ruiz told the
    Gazette's Hale`)."""
    subject = subject_of(verb)
    addressed = verb.lemma_.lower() in ADDRESSEE_FIRST_VERBS
    if addressed and subject is not None and subject.i > verb.i:
        subject = None
    if subject is None or subject.i < first:
        inverts = verb.tag_ != "VBG" and not addressed
        inverted = inverted_subject(verb, limit) if inverts else None
        subject = _noun_right_before(verb, first) or inverted or subject
    if subject is not None and subject.i > verb.i and subject.ent_type_ != "PERSON":
        subject = _person_after_description(subject, limit) or subject  # `said Leeds striker Sam Otto`
    participle = verb.tag_ == "VBG" and subject is not None and cue_verb
    if subject is not None and (subject.i >= first or participle):
        # (`defended "New York values," saying ...`: the participle's subject is before)
        return Attribution(
            _without_the_cue(mention_span(subject), verb),
            cue_span(verb),
            Rule.CUE_AFTER if cue_verb else Rule.CUE_AFTER_POSITION,
        )
    return None


def _without_the_cue(mention: Span, verb: Token) -> Span:
    """`"…," beamed goalkeeper Tom Hardy` with `beamed` parsed into the name's phrase: the
    mention starts after the cue."""
    if mention.start <= verb.i < mention.end - 1:
        return mention.doc[verb.i + 1 : mention.end]
    return mention


def _person_after_description(start: Token, limit: int) -> Token | None:
    """`"…," said Leeds striker Sam Otto`: after the cue, a description of a club, a
    company or a role (the tagger may read `striker` as a verb) that ends in a person's
    name: the name is the speaker."""
    doc = start.doc
    for token in doc[start.i : min(limit, start.i + MAX_DESCRIPTION_WORDS + 1)]:
        if token.ent_type_ == "PERSON":
            while token.i + 1 < limit and doc[token.i + 1].ent_type_ == "PERSON":
                token = doc[token.i + 1]
            return token
        describes = token.pos_ in DESCRIPTION_POS or token.lower_ in person_nouns()
        if not describes or token.is_punct:
            return None
    return None


def _noun_right_before(verb: Token, first: int) -> Token | None:
    """`"...," Silva snapped` parsed with `Silva` as a compound of the verb: the noun
    that stands right before the cue."""
    before = verb.doc[verb.i - 1] if verb.i - 1 >= first else None
    return before if before is not None and before.pos_ in NOMINAL_POS else None


def _misread_cue_after(words: list[Token]) -> Attribution | None:
    """`"…," the ministers state in the paper`, `"…!" Silva, the head of the harbour fund
    since 2019, Tweeted`: a cue form (whatever the tagger made of it) after a noun phrase
    that opens the words after the quote, however long its apposition."""
    subject = None
    for token in words:
        if sentence_stop(token) or token.is_quote:
            return None
        if token.lower_ in CUE_VERB_FORMS and subject is not None and not reports_a_clause_of_its_own(token):
            while subject.dep_ == "compound" and subject.head.i > subject.i and subject.head.i < token.i:
                subject = subject.head
            return Attribution(mention_span(subject), token_span(token), Rule.CUE_AFTER)
        follows = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in CUE_VERB_FORMS
        if subject is None and (token.pos_ in NOMINAL_POS or (token.is_title and follows)):
            subject = token  # (a capitalised word right before a cue form is a name: `"…," Will wrote`)
        elif subject is None and token.pos_ not in {"DET", "ADJ", "PUNCT"}:
            return None
    return None


def _subject_of_a_distant_cue(words: list[Token]) -> Attribution | None:
    """`"…," Silva, the mayor since 2019 and a former judge of the county court, said.`:
    a name right after the quote whose verb, a cue, stands beyond the usual window."""
    for token in words:
        verb = token.head
        if (
            token.pos_ in NOMINAL_POS
            and token.dep_ in SUBJECT_DEPS
            and verb.i > token.i
            and is_cue_verb(verb)
            and not reports_a_clause_of_its_own(verb)
            and not any(sentence_stop(t) for t in token.doc[token.i : verb.i])
        ):
            return Attribution(mention_span(token), cue_span(verb), Rule.CUE_AFTER)
    return None
