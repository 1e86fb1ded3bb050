"""Reading spaCy's parse: the tag and dependency sets the rules test, and helpers that
find a cue verb's subject, the noun phrase that names a speaker and the tokens around a
quote.

Constants first (as textacy's `constants.py`), helpers after.  Nothing here decides an
attribution: the rules in `rules/` do, with these helpers.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .doccache import doc_text
from .lexicon import (
    ACCORDING_TO,
    AGE_UNITS,
    ARTICLES,
    CLAUSE_PREPOSITIONS,
    IDIOM_CUES,
    KEEP_PREP_HEADS,
    LIST_PREPOSITIONS,
    NAME_TITLES,
    PHRASAL_CUES,
    ROLE_NOUNS,
    ROLE_PREPOSITIONS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_OBJECT_VERBS,
)
from .resources import cue_verb
from .roles import is_role_head

# Parts of speech (Universal Dependencies tags, `Token.pos_`).
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"PROPN", "NOUN", "PRON"})
NOUN_POS = frozenset({"PROPN", "NOUN"})
# Penn Treebank tags (`Token.tag_`).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
PAST_OR_THIRD_PERSON_TAGS = frozenset({"VBD", "VBZ"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Dependency labels (`Token.dep_`, ClearNLP as the English models use them).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "prep"})
DROP_FROM_MENTION = frozenset({"relcl", "acl", "appos", "advcl", "punct", "parataxis", "prep"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})
PARTICIPLE_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})
OWNER_DEPS = frozenset({"compound", "poss", "nmod"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
PHRASAL_CUE_DEPS = frozenset({"prt", "advmod", "ccomp", "acomp", "oprd", "dobj"})
CLAUSE_OF_ITS_OWN_DEPS = frozenset({"conj", "advcl"})
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})
AUX_DEPS = frozenset({"aux", "auxpass"})
# Entity labels: a date or an amount is never who spoke ("Saturday said" is a misparse
# of "said Saturday"); organisations and places can speak.
NOT_SOURCE_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"})
ORG_ENT_LABELS = frozenset({"ORG", "FAC", "GPE"})
NAMED_ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
TIME_ENT_LABELS = frozenset({"DATE", "TIME"})
# Punctuation.
# Dashes: hyphen, en dash, em dash, horizontal bar (U+2015) and the typed double hyphen.
DASHES = frozenset({"—", "–", "-", "―", "--"})
SENTENCE_STOPS = frozenset({".", "!", "?"})
CLAUSE_STOPS = frozenset({";", ":"})
# Quote marks as a name's nickname may carry them, and every mark the text may quote with.
QUOTE_MARK_CHARS = frozenset("\"'“”‘’«»„‟`")
QUOTE_CHARS = QUOTE_MARK_CHARS | {"‹", "›"}


def is_cue_verb(token: Token, lexicon: frozenset[str] = SPEECH_VERBS) -> bool:
    if token.pos_ not in VERB_POS or token.lemma_.lower() == "be":
        return False
    if token.lemma_.lower() in lexicon:
        return True
    return lexicon is not STANCE_OBJECT_VERBS and (_puts_it(token) or _phrasal_cue(token))


def _phrasal_cue(token: Token) -> bool:
    """`fired back`, `lashed out`, `made (it) clear`: a verb of speech with its particle
    or complement."""
    return any((token.lemma_.lower(), c.lower_) in PHRASAL_CUES for c in token.children if c.dep_ in PHRASAL_CUE_DEPS)


def _puts_it(token: Token) -> bool:
    """`as the senator put it`: an idiom of speech."""
    return any((token.lemma_.lower(), c.lower_) in IDIOM_CUES for c in token.children if c.dep_ == "dobj")


def is_speech_verb(verb: Token) -> bool:
    """Speech is the verb's first sense in WordNet (`hail`, `deride`, `warn`; not
    `continue`, `allow`): a cue whatever the hand-written lists say."""
    if verb.pos_ not in VERB_POS:
        return False
    entry = cue_verb(verb.lemma_.lower())
    return entry is not None and entry.first_lexname == "verb.communication"


def is_according_to(token: Token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and (token.lower_, doc[token.i + 1].lower_) == ACCORDING_TO


def _named_head(head: Token) -> Token:
    """A role noun with a named appositive or conjunct gives the name ("the top Democrat
    ..., Sen. Jack Reed" → "Sen. Jack Reed"), as does a role phrase with a name inside
    ("the Chairman of the Energy Board Army Gen. Ray Cole")."""
    for child in head.children:
        named = child.dep_ in {"appos", "conj"} and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON"
        if named and (child.dep_ == "appos" or head.doc[child.left_edge.i - 1].text == ","):
            head = child
            break
    if head.ent_type_ != "PERSON" and (head.lower_ in ROLE_NOUNS or head.lower_ in NAME_TITLES):
        named = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON" and t.i > head.i]
        if named:
            head = named[0]
    return head


def _keeps_preposition(head: Token, child: Token) -> bool:
    """ "people familiar with the talks", "a spokesman for the company": a preposition
    after an unnamed source's head belongs to the mention."""
    if child.dep_ != "prep" or child.i < head.i or child.lower_ in LIST_PREPOSITIONS:
        return False
    if head.lower_ in KEEP_PREP_HEADS:
        return True
    return head.pos_ in NOUN_POS and child.lower_ in ROLE_PREPOSITIONS and is_role_head(head)


def _without_clauses(token: Token) -> list[Token]:
    """The subtree of `token` without the relative clauses, appositions and asides in it
    (`for the summit (WSIS), which meets in Geneva` → `for the summit`)."""
    dropped = {t.i for c in token.subtree if c.dep_ in CLAUSE_DEPS and c is not token for t in c.subtree}
    kept = [t for t in token.subtree if t.i not in dropped]
    end = next((n for n, t in enumerate(kept) if t.text in {",", "(", ";"}), len(kept))
    return kept[:end]


def mention_span(head: Token) -> Span:
    """The noun phrase that names a speaker, without relative clauses or appositive
    descriptions: "Gen. Frank McKenzie" from "Gen. Frank McKenzie, commander of ..."."""
    head = _named_head(head)
    keep = [head]
    for child in head.children:
        if _keeps_preposition(head, child):
            keep.extend(_without_clauses(child))
        elif child.dep_ not in DROP_FROM_MENTION:
            keep.extend(child.subtree)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = head.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing from participles and coordinated verbs
    ("..., saying", "and said") to the clause that has one."""
    if own_subject(verb) is None:
        misread = _subject_read_as_compound(verb)
        if misread is not None:
            return misread
        participle = _participle_coordinated_above(verb)
        if participle is not None:
            return subject_of(participle)
    if verb.tag_ == "VBG" and verb.dep_ in PARTICIPLE_CLAUSE_DEPS and _after_comma(verb):
        # "X did Y, saying Z": the participle speaks for the main clause's subject.
        root_subject = own_subject(verb.sent.root)
        if root_subject is not None and root_subject.i < verb.i:
            return root_subject
    if verb.dep_ == "acl" and verb.head.lemma_ in SPEECH_NOUNS and verb.head.head.pos_ in VERB_POS:
        # "X issued a statement saying ...": the statement's issuer speaks.
        return own_subject(verb.head.head)
    if verb.dep_ == "acl" and (
        (verb.tag_ in FINITE_TAGS and verb.head.pos_ in NOUN_POS)
        or (verb.tag_ == "VBG" and verb.head.pos_ == "PROPN" and verb.head.i == verb.i - 1)
        or (verb.tag_ == "VBN" and _after_appositive(verb) is not None and not _passive_marks(verb))
    ):
        # A parse that hangs the cue under its subject ("McKenzie, commander of ..., hinted",
        # `with Ana Silva tweeting that ...`).
        return verb.head
    if verb.dep_ == "advcl" and verb.tag_ in FINITE_TAGS and own_subject(verb) is None:
        conjunction_subject = _subject_read_as_object(verb)
        if conjunction_subject is not None:
            return conjunction_subject
    token = verb
    for _ in range(4):
        subject = own_subject(token)
        if subject is not None:
            return subject
        if token.dep_ in CLIMB_DEPS and token.head is not token:
            token = token.head
        else:
            break
    if verb.dep_ == "ROOT":
        return _after_appositive(verb)  # a subject the parse hung elsewhere
    return None


def _after_appositive(verb: Token) -> Token | None:
    """The name or description that ends in the comma right before `verb`, when the parse
    made it an appositive and left the verb without a subject: `In a statement, her
    adviser, Tom Hale, said: …` (Hale), `Mitt Romney, the former nominee, tweeted …`
    (the nominee, whose head is Romney), `As part of his plea, Ana Silva, 44, said …`."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    token = doc[verb.i - 2]
    if token.like_num and token.dep_ == "appos" and doc[token.i - 1].text == ",":
        token = token.head  # an age after the name: `…, Dana Brook, 52, said that …`
    while token.dep_ in {"compound", "flat"} and token.head.i > token.i:
        token = token.head
    if token.pos_ not in NOUN_POS or token.dep_ != "appos" or token.sent != verb.sent:
        return None
    if verb.dep_ == "acl":
        return verb.head if token.head.i == verb.head.i else None
    return token


def _subject_read_as_compound(verb: Token) -> Token | None:
    """`…," Beck joked, …` parsed with `Beck` as a compound of the verb: a name right
    before a finite verb that hangs on it as a compound is its subject (a verb has no
    compound modifiers); a capitalised word of a headline (`Mayor Spurns Trump`) is none."""
    if verb.tag_ not in FINITE_TAGS or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.head.i == verb.i and before.dep_ == "compound" and before.ent_type_ in {"PERSON", "ORG"}:
        return before
    return None


def _participle_coordinated_above(verb: Token) -> Token | None:
    """`with Ana Silva tweeting that it was a "disaster" and asking, "…"`: a participle
    the parse coordinated with the finite verb of a clause it does not belong to; only
    like joins like, so it is coordinated with the participle above that clause."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or verb.head.tag_ not in FINITE_TAGS:
        return None
    token = verb.head
    for _ in range(4):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.tag_ == "VBG":
            return token
    return None


def _passive_marks(verb: Token) -> bool:
    """A participle read as passive: `by` an agent, a passive auxiliary, a naming
    complement (`the plan, described by Ana Silva as …`)."""
    return any(c.dep_ in {"agent", "auxpass", "oprd"} for c in verb.children)


def _subject_read_as_object(verb: Token) -> Token | None:
    """`Shares fell after the chief executive, Mark Bell, warned that ...` parsed with
    `after` as a preposition: the noun it seems to govern, right before the verb but for an
    apposition, is the subject of the clause `after` opens."""
    for prep in (
        c for c in verb.head.children if c.dep_ == "prep" and c.i < verb.i and c.lower_ in CLAUSE_PREPOSITIONS
    ):
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None or noun.pos_ not in NOUN_POS:
            continue
        between = verb.doc[noun.right_edge.i + 1 : verb.i]
        if all(t.is_punct or t.dep_ == "appos" or t.head.dep_ == "appos" or t.head == noun for t in between):
            return noun
    return None


def _after_comma(token: Token) -> bool:
    """A comma right before the token, or inside the quote mark right before it
    (`defended "New York values," saying ...`)."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_quote:
        i -= 1
    return i >= 0 and token.doc[i].text == ","


def own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a misparse of `In Lyon, France, the mayor spoke`),
    the one nearest before the verb, unless the other follows an inverted cue."""
    subjects = [
        child
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS
        and child.pos_ not in {"SCONJ", "PUNCT"}
        and (child.ent_type_ not in NOT_SOURCE_ENTITIES or is_age(child))
        and not _line_break_between(child, verb)
    ]
    before = [s for s in subjects if s.i < verb.i]
    after = [s for s in subjects if s.i > verb.i]
    if before and after and _inverted(verb, after[0]):
        return after[0]  # `The treaty signals "the end", said Geert Wilders`: the misparse's other subject
    return before[-1] if before else (subjects[0] if subjects else None)


def _inverted(verb: Token, subject: Token) -> bool:
    """`…, said Geert Wilders`: a verb after a comma with its subject right after it."""
    return verb.i > 0 and verb.doc[verb.i - 1].text == "," and subject.left_edge.i == verb.i + 1


def is_age(token: Token) -> bool:
    """`old` of "the 23-year-old": a person by their age (NER calls it a date)."""
    doc = token.doc
    return (
        token.lower_ == "old" and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in AGE_UNITS
    )


def has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)


def _line_break_between(a: Token, b: Token) -> bool:
    """A parse that reaches across a paragraph break (a dateline or timestamp line)."""
    low, high = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[low:high])


def according_to_source(according: Token) -> Token | None:
    to = according.doc[according.i + 1]
    for child in [*to.children, *according.children]:
        if child.dep_ == "pobj":
            return speech_noun_owner(child)
    for token in according.doc[to.i + 1 : to.i + 8]:
        if token.pos_ in NOMINAL_POS:
            return speech_noun_owner(token.head if token.head.i > token.i and token.dep_ == "compound" else token)
    return None


def speech_noun_owner(token: Token) -> Token:
    """ "a Defense Department statement" speaks for the Defense Department."""
    if token.lower_ in SPEECH_NOUNS or token.lemma_ in SPEECH_NOUNS:
        for child in token.children:
            if child.dep_ in OWNER_DEPS and child.pos_ in NOUN_POS and child.i < token.i:
                return child
    return token


def inverted_subject(verb: Token, limit: int) -> Token | None:
    """ "said Esper": the noun right after the cue."""
    for token in verb.doc[verb.i + 1 : min(limit, verb.i + 6)]:
        if token.pos_ in NOMINAL_POS:
            while token.dep_ in NOUN_MODIFIER_DEPS and token.i < token.head.i < limit:
                token = token.head  # `said the Spurs sporting director`: the director
            return token
        if token.is_punct or token.pos_ in {"CCONJ", "VERB"}:
            break
    return None


def tokens_between(doc: Doc, start_char: int, end_char: int) -> list[Token]:
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return list(span) if span is not None else []


def sentence_stop(token: Token) -> bool:
    return token.text in SENTENCE_STOPS or "\n" in token.text


def reports_a_clause_of_its_own(verb: Token) -> bool:
    return any(child.dep_ == "ccomp" and child.i > verb.i and not child.is_punct for child in verb.children)


def quote_token_limit(doc: Doc, char: int) -> int:
    """Index of the first token at or after a character offset."""
    span = doc.char_span(char, len(doc_text(doc)), alignment_mode="expand") if char < len(doc_text(doc)) else None
    return span.start if span is not None else len(doc)


def cue_span(verb: Token) -> Span:
    """The cue with its particle ("pointed out")."""
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.doc[verb.i : end]


def token_span(token: Token, length: int = 1) -> Span:
    """`length` tokens from `token` as a span (a one-word cue, `according to`)."""
    return token.doc[token.i : token.i + length]


def strip_articles(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[0].lower_ in ARTICLES:
        tokens = tokens[1:]
    return tokens
