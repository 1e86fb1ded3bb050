"""Reported speech without quote marks (`kind: indirect`).

`X said (that) ...`, `X warned ...`, `..., the department said.`, `according to X, ...`:
the content is the reported clause, without the cue and without `that`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from ..doccache import doc_paragraph_breaker
from ..lexicon import (
    ADDRESSEE_FIRST_VERBS,
    ADDRESSEE_VERBS,
    COMPLEMENTIZERS,
    FINDING_NOUNS,
    FIRST_AND_SECOND_POSSESSIVES,
    INTENTION_VERBS,
    NAMING_VERBS,
    NARRATION_ONLY_CUES,
    NOT_A_SOURCE,
    OPEN_QUESTION_MARKERS,
    REPORTING_VERBS,
    REQUEST_VERBS,
    SAY_VERBS,
    SPEECH_NOUNS,
    STANCE_NOUNS,
    STANCE_OBJECT_VERBS,
)
from ..parse import (
    CLAUSE_STOPS,
    FINITE_TAGS,
    PASSIVE_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    according_to_source,
    has_own_subject,
    is_according_to,
    is_cue_verb,
    is_speech_verb,
    mention_span,
    subject_of,
    token_span,
)
from ..resources import cue_verb
from ..roles import is_role_head
from .base import Attribution, ReportedClause, Rule

MIN_CLAUSE_TOKENS = 3
FINITE_OR_MODAL_TAGS = FINITE_TAGS | {"MD"}
RELATIVE_TAGS = frozenset({"WP", "WDT"})
# What stands between a verb and the words after it when they are circumstances, not
# what was said (`said when ...`, `said at a press conference`).
ADVERBIAL_DEPS = frozenset({"prep", "advcl", "advmod", "mark", "npadvmod", "agent"})


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ in COMPLEMENTIZERS):
        if tokens[0].is_quote:
            break
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and not tokens[-1].is_quote)):
        tokens = tokens[:-1]
    return tokens


def _is_reporting(token: Token) -> bool:
    """A verb that reports speech or belief: from the hand-checked lists, or a verb whose
    sense of speech or belief takes a `that` clause in WordNet (`conceded`, `alleged`)."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in INTENTION_VERBS:
        return False  # `expect the storm to hit`, `hopes to win`: no one's words
    if lemma in ADDRESSEE_FIRST_VERBS and not _is_passive(token) and not _addressed(token):
        return False  # `All told, up to 5 million ...`: telling is telling someone
    return is_cue_verb(token, REPORTING_VERBS) or _reports_a_that_clause(lemma)


def _addressed(verb: Token) -> bool:
    return any(c.dep_ in {"dobj", "dative", "iobj"} for c in verb.children)


def _reports_a_that_clause(lemma: str) -> bool:
    """Speech or belief is the verb's first sense, and that sense takes a clause: not
    `make` (whose sense of speech, "make it clear", is rare), not `learn` or `see`."""
    entry = cue_verb(lemma)
    if entry is None or not entry.that_clause or lemma in INTENTION_VERBS:
        return False
    return entry.first_lexname in {"verb.communication", "verb.cognition"}


def _speaks_on_its_own(token: Token) -> bool:
    """A coordinated or participial clause that is another report ("..., and officials
    have said that ...", "..., saying ..."), not more of the same one ("..., and that
    ...", "..., and then would continue to ...")."""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        return False
    # (the clause's own verb or one coordinated with it: a verb deeper down is part of what
    # is reported, `begged him ... and would have knelt if Trump had asked`)
    verbs = [token, *(t for t in token.subtree if t.dep_ == "conj" and t.head.i == token.i)]
    return any(
        _is_reporting(t) and t.lemma_ not in NARRATION_ONLY_CUES and (has_own_subject(t) or t.tag_ == "VBG")
        for t in verbs
    )


def _clause_of(verb: Token) -> list[Token] | None:
    if verb.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "oprd" for c in verb.children):
        return None  # `a PAC called Our Principles is ...`: a name, then a clause of its own
    if verb.lemma_.lower() in REQUEST_VERBS and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return None  # `called for a change to the view that ...`: a demand; the clause is the view's
    complements = (
        [c for c in verb.children if c.dep_ == "ccomp"]
        or _said_in_a_statement(verb)
        or _that_read_as_determiner(verb)
        or _told_that(verb)
    )
    if not complements:
        return None
    # `"…"  Aides said Sunday that …` parsed as one sentence: the clause after the verb.
    clause = next((c for c in complements if c.i > verb.i), complements[0])
    if clause.pos_ in {"PART", "PUNCT", "ADP"}:
        return None  # a parse error (`told the Herald’s Jan Holt`, the possessive as a clause)
    if clause.pos_ == "ADJ":
        # `made it clear that ...`: the clause the adjective governs
        clause = next((c for c in clause.children if c.dep_ in {"ccomp", "advcl"} and c.i > clause.i), clause)
    if any(c.dep_ == "mark" and c.lower_ in OPEN_QUESTION_MARKERS for c in clause.children) and verb.lemma_ != "ask":
        return None  # an open question, not something asserted
    dropped: set[int] = set()
    for child in clause.children:
        if child.dep_ in {"conj", "advcl"} and child.i > clause.i and _speaks_on_its_own(child):
            first = child.left_edge.i
            while first - 1 > clause.i and clause.doc[first - 1].dep_ in {"cc", "punct"}:
                first -= 1
            dropped.update(range(first, child.right_edge.i + 1))
    tokens = _trim(sorted((t for t in clause.subtree if t.i not in dropped), key=lambda t: t.i))
    tokens = _title_read_as_object(verb, tokens) + tokens
    if tokens and tokens[0].i > verb.i and not dropped:
        tokens = _to_sentence_end(tokens)
    return tokens or None


def _title_read_as_object(verb: Token, tokens: list[Token]) -> list[Token]:
    """`denied that coach [Bo Chen resigned]`: the title the parse made the verb's object,
    with `that` as its determiner, begins the clause."""
    if not tokens or tokens[0].i < 2:
        return []
    title = verb.doc[tokens[0].i - 1]
    if title.dep_ != "dobj" or title.head.i != verb.i or not is_role_head(title) or title.i - 1 <= verb.i:
        return []
    that = verb.doc[title.i - 1]
    return [title] if that.lower_ == "that" and that.dep_ == "det" and that.head.i == title.i else []


def _told_that(verb: Token) -> list[Token]:
    """`told the Music Hour programme that the industry was struggling`: the parse hangs
    the `that` clause on whom it was told, who is never what was said."""
    if verb.lemma_.lower() not in ADDRESSEE_FIRST_VERBS:
        return []
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i):
        for clause in (c for c in obj.children if c.dep_ == "acl" and c.i > obj.i):
            marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            if marked and has_own_subject(clause):
                return [clause]
    return []


def _that_read_as_determiner(verb: Token) -> list[Token]:
    """`denied that coach Jacques Santini resigned`, parsed as `denied [that coach]` with
    `Santini resigned` a relative clause: a title before a name after `that` opens the
    clause, and the object is where it starts."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i):
        determiner = next((c for c in obj.children if c.dep_ == "det" and c.lower_ == "that"), None)
        clause = next((c for c in obj.children if c.dep_ == "relcl"), None)
        if determiner is None or clause is None or not is_role_head(obj):
            continue
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.pos_ == "PROPN" and subject.left_edge.i == obj.i + 1:
            return [obj]
    return []


def _said_in_a_statement(verb: Token) -> list[Token]:
    """`said in a statement that profits fell`: the parser hangs the `that` clause on the
    noun as if relative, but with `that` as its complementizer and a subject of its own it
    is what the statement said."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_NOUNS):
            for clause in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
                marked = any(c.dep_ == "mark" and c.lower_ in COMPLEMENTIZERS for c in clause.children)
                if marked and has_own_subject(clause):
                    return [clause]
    return []


def _to_sentence_end(tokens: list[Token]) -> list[Token]:
    """Carry a reported clause on to the end of its sentence when what follows is more of
    it (`because ...`, `compared to ...`) rather than another report."""
    doc = tokens[0].doc
    rest = list(doc[tokens[-1].i + 1 : tokens[-1].sent.end])
    if not rest or any(_another_report(t) or is_according_to(t) or t.text in CLAUSE_STOPS or t.is_quote for t in rest):
        return tokens
    return _trim(tokens + rest)


def _parenthetical_host(verb: Token) -> list[Token] | None:
    """`The ferry, she said, will run by June.`: a cue set off by commas inside
    the clause it reports.  The content runs over the whole host clause; when the cue
    stands at either end of it, the cue is left out."""
    host = verb.head
    if verb.dep_ != "parataxis" or host.pos_ not in VERB_POS or (_is_reporting(host) and _clause_of(host)):
        return None  # `The mayor, she said, told them that ...`: the host reports on its own
    aside = {t.i for t in verb.subtree}
    tokens = _trim([t for t in host.subtree if t.i not in aside])
    return tokens if len(tokens) >= MIN_CLAUSE_TOKENS else None


def _another_report(token: Token) -> bool:
    """A verb of reporting with a subject of its own, or a participle that goes with the
    cue (`..., adding that ...`), rather than one inside what is reported (`— assuming
    a second vote`)."""
    if not _is_reporting(token):
        return False
    return has_own_subject(token) or token.tag_ != "VBG" or _is_reporting(token.head)


def _infinitive_of(verb: Token) -> Token | None:
    """The `to`-infinitive a verb takes (`vowed to resign`, `urged the council to act`)."""
    for child in verb.children:
        clausal = child.dep_ in {"xcomp", "ccomp"} and child.i > verb.i and child.pos_ in VERB_POS
        if clausal and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def _speaks_an_infinitive(verb: Token) -> bool:
    """A verb of speech whose sense takes an infinitive (promise, vow, urge, warn, ask:
    WordNet's frames 24 and 28); never one of intention, refusal or expectation."""
    lemma = verb.lemma_.lower()
    if lemma in INTENTION_VERBS:
        return False
    entry = cue_verb(lemma)
    if entry is None or entry.first_lexname != "verb.communication":
        return False
    return entry.to_infinitive or entry.object_to_infinitive


def _proposition_of(verb: Token, inside_quote: Callable[[int], bool]) -> list[Token] | None:
    """What a verb of stance says, when it says a proposition: a `to`-infinitive of a
    verb of speech (`vowed to resign`, `urged the council to act`), or an object with the
    predicate the source gave it (`called the plan a disaster`, `described the deal as
    fair`).  A bare noun phrase (`criticized the merger`, `requested anonymity`) is no
    proposition, nor is a predicate in quote marks: the quotation reports that."""
    infinitive = _infinitive_of(verb)
    if infinitive is not None:
        if not _speaks_an_infinitive(verb) or _clause_of(infinitive):
            return None  # (`sought to emphasize that ...`: the inner verb reports it)
        objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < infinitive.i]
        if verb.lemma_.lower() in ADDRESSEE_VERBS and not objects and not has_own_subject(infinitive):
            return None  # `asked not to be named`: a request for oneself, not a proposition
        parts = [*objects[:1], infinitive]
    elif verb.lemma_.lower() in NAMING_VERBS or is_speech_verb(verb):
        parts = _object_and_predicate(verb, naming=verb.lemma_.lower() in NAMING_VERBS)
        if parts is None or any(inside_quote(t.idx) for t in parts[-1].subtree):
            return None
    else:
        return None
    tokens = sorted((t for part in parts for t in part.subtree), key=lambda t: t.i)
    return _trim(tokens) or None


def _object_and_predicate(verb: Token, naming: bool) -> list[Token] | None:
    """`called [the plan] [a disaster]` (a verb of naming), `dismissed [the report] [as
    nonsense]` (any verb of speech, with `as`)."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    obj = objects[0]
    for child in verb.children:
        as_predicate = child.dep_ == "prep" and child.lower_ == "as"
        if child.i > obj.i and (as_predicate or (naming and child.dep_ in {"oprd", "xcomp", "ccomp"})):
            return [obj, child]
    for child in obj.children:  # a parse that hangs the predicate on the object
        as_predicate = child.dep_ == "prep" and child.lower_ == "as"
        if child.i > obj.i and (as_predicate or (naming and child.dep_ in {"appos", "amod"})):
            return [obj]
    return None


def _rest_of_sentence(verb: Token) -> list[Token] | None:
    """`X says the movement ... appeals to ...` parsed with `the movement` as an object:
    what follows `say` up to the end of its sentence is what was said, when it holds a
    clause of its own: a finite verb whose subject is in it too."""
    if any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children) or verb.i + 1 >= verb.sent.end:
        return None
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        return None  # `tell Holder, who ...`: the words after `tell` are whom it addresses
    after = verb.doc[verb.i + 1]
    if (after.head is verb and after.dep_ in ADVERBIAL_DEPS) or after.pos_ in {"ADP", "SCONJ", "INTJ"}:
        return None  # `said when ...`, `said at a press conference`: circumstances, not words
    following = list(verb.doc[verb.i + 1 : verb.sent.end])
    if following and following[0].is_punct:
        return None  # `said, "..."` or `said.`
    inside = {t.i for t in following}
    clauses = [
        t
        for t in following
        if (t.tag_ in FINITE_OR_MODAL_TAGS or any(c.tag_ == "MD" for c in t.children))
        and t.dep_ not in {"acl", "aux", "auxpass"}
        and any(c.dep_ in SUBJECT_DEPS and c.i in inside and c.tag_ not in RELATIVE_TAGS for c in t.children)
    ]
    if len(following) < 5 or not clauses:
        return None
    return _trim(following) or None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def _leading_noun_phrase(verb: Token) -> Token | None:
    """ "About 4 in 10 say ...": a subject the parser left unattached, as the last noun
    or number of the words that open the sentence before the verb."""
    before = [t for t in verb.sent if t.i < verb.i]
    if not before or len(before) > 8 or any(t.pos_ in VERB_POS or t.text in {",", ";", ":"} for t in before):
        return None
    heads = [t for t in before if t.pos_ in {"NOUN", "PROPN", "NUM"}]
    return heads[-1] if heads else None


def _name_right_before(verb: Token) -> Token | None:
    """`In a talk in Leeds Ms Park said ...` parsed with the name inside the preposition:
    a name right before a verb without a subject is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.ent_type_ in {"PERSON", "ORG"}:
        return before
    return None


def _is_question(verb: Token) -> bool:
    """`whether he believes ...`: a verb inside an open question asserts nothing."""
    return any(c.dep_ == "mark" and c.lower_ in OPEN_QUESTION_MARKERS for c in verb.children)


def _according_to_clause(according: Token) -> list[Token] | None:
    sentence = according.sent
    phrase = sorted(according.subtree, key=lambda t: t.i)
    phrase_start, phrase_end = phrase[0].i, phrase[-1].i + 1
    before = _trim([t for t in sentence if t.i < phrase_start])
    after = _trim([t for t in sentence if t.i >= phrase_end])
    return before if len(before) >= len(after) else after


def reported_clauses(doc: Doc, inside_quote: Callable[[int], bool]) -> Iterator[ReportedClause]:
    """Each reported clause of the document whose cue stands outside quotation marks.

    `inside_quote(char)` tells whether a character offset lies inside a quotation."""
    for token in doc:
        if inside_quote(token.idx):
            continue
        finding = _finding_clause(token)
        if finding is not None:
            yield finding
            continue
        if is_according_to(token):
            tokens = _according_to_clause(token)
            source = according_to_source(token)
            if tokens and source is not None and not inside_quote(source.idx):
                attribution = Attribution(mention_span(source), token_span(token, 2), Rule.ACCORDING_TO_REPORTED)
                yield from _clause(tokens, attribution)
            continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in STANCE_NOUNS:
            yield from _nominal_stance(token)
            continue
        if _is_question(token) or token.pos_ != "VERB":
            continue
        rule, tokens = Rule.REPORTED, _clause_of(token) if _is_reporting(token) else None
        if not tokens and _is_reporting(token):
            rule, tokens = Rule.REPORTED_PARENTHETICAL, _parenthetical_host(token)
        if not tokens and token.lemma_.lower() in SAY_VERBS:
            rule, tokens = Rule.REPORTED, _rest_of_sentence(token)
        if not tokens and (token.lemma_.lower() in STANCE_OBJECT_VERBS or is_speech_verb(token)):
            rule, tokens = Rule.REPORTED_OBJECT, _proposition_of(token, inside_quote)
        if not tokens:
            continue
        subject = subject_of(token) or _leading_noun_phrase(token) or _name_right_before(token)
        if subject is not None and tokens[0].i <= subject.i <= tokens[-1].i and rule is Rule.REPORTED:
            tokens = [t for t in tokens if t.i > token.i]  # `which he said would be ...`
        if not tokens or subject is None or subject.lower_ in NOT_A_SOURCE or inside_quote(subject.idx):
            continue
        if rule is not Rule.REPORTED_PARENTHETICAL and tokens[0].i <= subject.i <= tokens[-1].i:
            continue
        if _is_passive(token):
            continue  # `X was asked to ...`, `X is expected to ...`: X is not the source
        attribution = Attribution(mention_span(subject), token_span(token), rule)
        yield from _clause(tokens, attribution, MIN_CLAUSE_TOKENS if rule is Rule.REPORTED else 1)


def _nominal_stance(noun: Token) -> Iterator[ReportedClause]:
    """`Silva's claim that the dam is safe`, `his promise to build a bridge`, `her support for
    the bill`: what a stance noun owned by its source is about."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ in NOT_A_SOURCE or owner.lower_ in FIRST_AND_SECOND_POSSESSIVES:
        return
    content = None
    for child in noun.children:
        if child.i < noun.i:
            continue
        that_clause = child.dep_ in {"acl", "ccomp"} and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        )
        infinitive = child.dep_ in {"acl", "xcomp"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        )
        about = child.dep_ == "prep" and child.lower_ in STANCE_NOUNS[noun.lemma_.lower()]
        if that_clause or infinitive:
            content = _trim(sorted(child.subtree, key=lambda t: t.i))
        elif about:
            content = [t for t in child.subtree if t.i > child.i]
        if content:
            break
    if content:
        attribution = Attribution(mention_span(owner), token_span(noun), Rule.REPORTED_NOMINAL)
        yield from _clause(content, attribution, 1)


def _finding_clause(token: Token) -> ReportedClause | None:
    """`In an NBC News poll released Monday, 50 percent chose Clinton.`: a sentence that
    opens with a poll, survey or report reports what follows its comma."""
    if token.lower_ != "in" or not token.is_sent_start:
        return None
    heads = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDING_NOUNS]
    if not heads:
        return None
    phrase_end = token.right_edge.i + 1
    doc = token.doc
    if phrase_end >= len(doc) or doc[phrase_end].text != ",":
        return None
    rest = _trim(list(doc[phrase_end + 1 : token.sent.end]))
    if len(rest) < MIN_CLAUSE_TOKENS:
        return None
    source = doc[token.i + 1 : phrase_end]
    span = doc[rest[0].i : rest[-1].i + 1]
    return ReportedClause(span.start_char, span.end_char, Attribution(source, token_span(token), Rule.FINDING))


def _within_paragraph(tokens: list[Token], cue: Span | None) -> list[Token]:
    """A reported clause never runs over a paragraph break (a headline parsed into the
    paragraph after it): the part on the cue's side of the break.  Paragraphs are as
    `marks.paragraph_bounds` has them: blank lines, or line breaks in a text without."""
    if not tokens or cue is None:
        return tokens
    doc = tokens[0].doc
    low_end, high_end = min(tokens[0].i, cue.start), max(tokens[-1].i + 1, cue.end)
    breaks = [t for t in doc[low_end:high_end] if "\n" in t.text]
    if not breaks:
        return tokens
    breaker = doc_paragraph_breaker(doc)
    breaks = [t.i for t in breaks if breaker.search(t.text_with_ws)]
    before = [b for b in breaks if b < cue.start]
    after = [b for b in breaks if b >= cue.end]
    low = before[-1] if before else -1
    high = after[0] if after else len(doc)
    return _trim([t for t in tokens if low < t.i < high])


def _subject_and_finite_verb(tokens: list[Token]) -> bool:
    """`prices rose`: however short, a subject and its finite verb are a clause."""
    return any(
        t.tag_ in FINITE_TAGS and any(c.dep_ in SUBJECT_DEPS and c in tokens for c in t.children) for t in tokens
    )


def _clause(
    tokens: list[Token], attribution: Attribution, min_tokens: int = MIN_CLAUSE_TOKENS
) -> Iterator[ReportedClause]:
    tokens = _within_paragraph(tokens, attribution.cue)
    if len(tokens) < min_tokens and not _subject_and_finite_verb(tokens):
        return
    span: Span = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
    yield ReportedClause(span.start_char, span.end_char, attribution)
