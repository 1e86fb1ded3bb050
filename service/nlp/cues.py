"""Find the cue (said, told, according to, a colon, a dash) that attributes a quote,
and the words that name its speaker.

Each finder returns an `Attribution` naming the rule that produced it, so that the
confidence of an answer can be measured per rule (see `confidence.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .doccache import doc_text
from .lexicon import (
    CUE_VERB_FORMS,
    LEADING_CUE_FORMS,
    NAME_TITLES,
    PHRASAL_CUES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_OBJECT_VERBS,
)
from .marks import QuotedSpan

# A date or an amount is never who spoke ("Saturday said" is a misparse of "said Saturday").
NOT_SOURCE_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "prep"})
DROP_FROM_MENTION = frozenset({"relcl", "acl", "appos", "advcl", "punct", "parataxis", "prep"})
KEEP_PREP_HEADS = frozenset({"people", "person", "official", "officials", "member", "members", "sources", "source"})
DASHES = frozenset({"—", "–", "-", "--"})
# Verbs of speech that also narrate what someone thinks, never introducing words.
ATTITUDE_ONLY = frozenset({"agree", "disagree", "concur", "object", "protest"})
# What ends a sentence that introduces the quote after it: a colon, or a dash.
INTRODUCING_MARKS = frozenset({":", "—", "–", "-"})
AFTER_WINDOW = 9
# How far a cue form may stand after the name that opens the words after a quote.
LONG_AFTER_WINDOW = 18
# How far after a quote any verb counts as its cue (`"...!" beamed X`, `"...," X barked`).
POSITIONAL_CUE_WINDOW = 4
# Subjects that stand for a speaker named elsewhere.
PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "who", "it"})
# Cues that report speech only right after a quote (`..." he continued.`), never as
# verbs that govern a quoted fragment.
NARRATION_ONLY_CUES = frozenset({"continue", "begin", "read"})


@dataclass(frozen=True)
class Attribution:
    """Who a quote is attributed to: `mention`, the words naming the speaker nearest the
    quote, and `antecedent`, the words to resolve instead when the mention is a pronoun
    of a speaker named further out (`said Ana Silva, who thinks the plan "..."`)."""

    mention: Span | None
    cue: Span | None
    rule: str
    antecedent: Span | None = None


def is_cue_verb(token: Token, lexicon: frozenset[str] = SPEECH_VERBS) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() == "be":
        return False
    if token.lemma_.lower() in lexicon:
        return True
    return lexicon is not STANCE_OBJECT_VERBS and (_puts_it(token) or _phrasal_cue(token))


def _phrasal_cue(token: Token) -> bool:
    """`fired back`, `lashed out`, `made (it) clear`: a verb of speech with its particle
    or complement."""
    return any(
        (token.lemma_.lower(), c.lower_) in PHRASAL_CUES
        for c in token.children
        if c.dep_ in {"prt", "advmod", "ccomp", "acomp", "oprd", "dobj"}
    )


def _puts_it(token: Token) -> bool:
    """`as the senator put it`: an idiom of speech."""
    return token.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)


def is_according_to(token: Token) -> bool:
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"


def mention_span(head: Token) -> Span:
    """The noun phrase that names a speaker, without relative clauses or appositive
    descriptions: "Gen. Frank McKenzie" from "Gen. Frank McKenzie, commander of ...".
    A role noun with a named appositive gives the name ("the top Democrat ..., Sen.
    Jack Reed" → "Sen. Jack Reed")."""
    for child in head.children:
        named = child.dep_ in {"appos", "conj"} and child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON"
        if named and (child.dep_ == "appos" or head.doc[child.left_edge.i - 1].text == ","):
            head = child
            break
    if head.ent_type_ != "PERSON" and (head.lower_ in ROLE_NOUNS or head.lower_ in NAME_TITLES):
        # "the Chairman of the Energy Board Army Gen. Ray Cole": the name in the phrase.
        named = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"]
        if named:
            head = named[0]
    keep = [head]
    for child in head.children:
        if (
            child.dep_ == "prep"
            and child.i > head.i
            and head.lower_ in KEEP_PREP_HEADS
            and child.lower_ not in {"including", "like", "such"}
        ) or child.dep_ not in DROP_FROM_MENTION:
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
    if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and _after_comma(verb):
        # "X did Y, saying Z": the participle speaks for the main clause's subject.
        root_subject = _own_subject(verb.sent.root)
        if root_subject is not None and root_subject.i < verb.i:
            return root_subject
    if verb.dep_ == "acl" and verb.head.lemma_ in SPEECH_NOUNS and verb.head.head.pos_ in {"VERB", "AUX"}:
        # "X issued a statement saying ...": the statement's issuer speaks.
        return _own_subject(verb.head.head)
    if verb.dep_ == "acl" and (
        (verb.tag_ in {"VBD", "VBZ", "VBP"} and verb.head.pos_ in {"PROPN", "NOUN"})
        or (verb.tag_ == "VBG" and verb.head.pos_ == "PROPN" and verb.head.i == verb.i - 1)
    ):
        # (and `with Ana Silva tweeting that ...`: the name the participle hangs on)
        # A parse that hangs the cue under its subject ("McKenzie, commander of ..., hinted").
        return verb.head
    token = verb
    for _ in range(4):
        subject = _own_subject(token)
        if subject is not None:
            return subject
        if token.dep_ in CLIMB_DEPS and token.head is not token:
            token = token.head
        else:
            break
    return None


def _after_comma(token: Token) -> bool:
    """A comma right before the token, or inside the quote mark right before it
    (`defended "New York values," saying ...`)."""
    i = token.i - 1
    while i >= 0 and token.doc[i].is_quote:
        i -= 1
    return i >= 0 and token.doc[i].text == ","


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a misparse of `In Lyon, France, the mayor spoke`),
    the one nearest before the verb."""
    subjects = [
        child
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS
        and child.pos_ not in {"SCONJ", "PUNCT"}
        and child.ent_type_ not in NOT_SOURCE_ENTITIES
        and not _line_break_between(child, verb)
    ]
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


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
        if token.pos_ in {"NOUN", "PROPN", "PRON"}:
            return speech_noun_owner(token.head if token.head.i > token.i and token.dep_ == "compound" else token)
    return None


def speech_noun_owner(token: Token) -> Token:
    """ "a Defense Department statement" speaks for the Defense Department."""
    if token.lower_ in SPEECH_NOUNS or token.lemma_ in SPEECH_NOUNS:
        for child in token.children:
            if child.dep_ in {"compound", "poss", "nmod"} and child.pos_ in {"PROPN", "NOUN"} and child.i < token.i:
                return child
    return token


def inverted_subject(verb: Token, limit: int) -> Token | None:
    """ "said Esper": the noun right after the cue."""
    for token in verb.doc[verb.i + 1 : min(limit, verb.i + 6)]:
        if token.pos_ in {"PROPN", "NOUN", "PRON"}:
            while token.dep_ == "compound" and token.head.i > token.i:
                token = token.head
            return token
        if token.is_punct or token.pos_ in {"CCONJ", "VERB"}:
            break
    return None


def _noun_right_before(verb: Token, first: int) -> Token | None:
    """`"...," Silva snapped` parsed with `Silva` as a compound of the verb: the noun
    that stands right before the cue."""
    before = verb.doc[verb.i - 1] if verb.i - 1 >= first else None
    return before if before is not None and before.pos_ in {"PROPN", "NOUN", "PRON"} else None


def _tokens_between(doc: Doc, start_char: int, end_char: int) -> list[Token]:
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return list(span) if span is not None else []


def _sentence_stop(token: Token) -> bool:
    return token.text in {".", "!", "?"} or "\n" in token.text


def cue_after(doc: Doc, quote: QuotedSpan, limit_char: int) -> Attribution | None:
    """`"…," X said.` / `"…," said X.` / `"…" according to X.`  A quote that ends in a
    comma, `!` or `?` and runs straight into a short clause makes that clause's verb its
    cue whatever the verb (`"This is fantastic!" beamed Donald Hartley`)."""
    tokens = _tokens_between(doc, quote.close_end, limit_char)
    words = [t for t in tokens if not t.is_space]
    while words and words[0].is_punct and words[0].text not in DASHES:
        words = words[1:]
    first = quote_token_limit(doc, quote.close_end)
    last_mark = doc_text(doc)[quote.start : quote.end].rstrip()[-1:]
    open_ended = last_mark in {",", "!", "?", "—", "-"}
    closed = last_mark in {".", "!", "?"}
    if last_mark == "." and words and words[0].is_title and words[0].pos_ != "PROPN":
        return None  # `"… so."  With a deficit that …`: a new sentence, not a cue
    for n, token in enumerate(words[:AFTER_WINDOW]):
        if _sentence_stop(token) or token.is_quote:
            break
        if is_according_to(token):
            source = according_to_source(token)
            if source is not None:
                return Attribution(mention_span(source), doc[token.i : token.i + 2], "according_to")
        positional = (
            open_ended
            and n < POSITIONAL_CUE_WINDOW
            and token.pos_ == "VERB"
            and (token.tag_ in {"VBD", "VBZ"} or (n == 0 and token.tag_ == "VBN"))
        )
        if closed and _reports_a_clause_of_its_own(token):
            break  # `"…?"  The aides said it was …`: the verb's words are its own clause
        cue_verb = is_cue_verb(token)
        if cue_verb or positional:
            cue = _cue_span(token)
            subject = subject_of(token)
            if subject is None or subject.i < first:
                # only a finite verb inverts (`said Esper`); a participle's noun is its object
                inverted = inverted_subject(token, words[-1].i + 1) if token.tag_ != "VBG" else None
                subject = _noun_right_before(token, first) or inverted or subject
            participle = token.tag_ == "VBG" and subject is not None and cue_verb
            if subject is not None and (subject.i >= first or participle):
                # (`defended "New York values," saying ...`: the participle's subject is before)
                return Attribution(mention_span(subject), cue, "cue_after" if cue_verb else "cue_after_position")
    return _subject_of_a_distant_cue(words[:2]) or _misread_cue_after(words[:LONG_AFTER_WINDOW])


def _misread_cue_after(words: list[Token]) -> Attribution | None:
    """`"…," the ministers state in the paper`, `"…!" Silva, the head of the harbour fund
    since 2019, Tweeted`: a cue form (whatever the tagger made of it) after a noun phrase
    that opens the words after the quote, however long its apposition."""
    subject = None
    for token in words:
        if _sentence_stop(token) or token.is_quote:
            return None
        if token.lower_ in CUE_VERB_FORMS and subject is not None and not _reports_a_clause_of_its_own(token):
            while subject.dep_ == "compound" and subject.head.i > subject.i and subject.head.i < token.i:
                subject = subject.head
            return Attribution(mention_span(subject), token.doc[token.i : token.i + 1], "cue_after")
        follows = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in CUE_VERB_FORMS
        if subject is None and (token.pos_ in {"PROPN", "NOUN", "PRON"} or (token.is_title and follows)):
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
            token.pos_ in {"PROPN", "NOUN", "PRON"}
            and token.dep_ in SUBJECT_DEPS
            and verb.i > token.i
            and is_cue_verb(verb)
            and not _reports_a_clause_of_its_own(verb)
            and not any(_sentence_stop(t) for t in token.doc[token.i : verb.i])
        ):
            return Attribution(mention_span(token), _cue_span(verb), "cue_after")
    return None


def _reports_a_clause_of_its_own(verb: Token) -> bool:
    return any(child.dep_ == "ccomp" and child.i > verb.i and not child.is_punct for child in verb.children)


def quote_token_limit(doc: Doc, char: int) -> int:
    """Index of the first token at or after a character offset."""
    span = doc.char_span(char, len(doc_text(doc)), alignment_mode="expand") if char < len(doc_text(doc)) else None
    return span.start if span is not None else len(doc)


def _cue_span(verb: Token) -> Span:
    """The cue with its particle or auxiliary-free extensions ("pointed out")."""
    end = verb.i + 1
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return verb.doc[verb.i : end]


def cue_before(doc: Doc, quote: QuotedSpan, lower_char: int) -> Attribution | None:
    """`X said, "…"` / `X said: "…"` / `X said that "…"` / `According to X, "…"`."""
    tokens = [t for t in _tokens_between(doc, lower_char, quote.open_start) if not t.is_space]
    if not tokens:
        return None
    label = _label_form(tokens)
    if label is not None:
        return label
    positional = _verb_right_before(tokens)
    if positional is not None:
        return positional
    for token in reversed(tokens):
        if is_according_to(token):
            source = according_to_source(token)
            if source is not None:
                return Attribution(mention_span(source), doc[token.i : token.i + 2], "according_to")
        if is_cue_verb(token, REPORTING_VERBS):
            subject = subject_of(token)
            if subject is not None:
                return Attribution(mention_span(subject), _cue_span(token), "cue_before")
            return None
        if token.lemma_ in SPEECH_NOUNS and token.dep_ == "dobj" and token.head.pos_ == "VERB":
            # `The mayor issued a statement: "…"`
            subject = subject_of(token.head)
            if subject is not None:
                return Attribution(mention_span(subject), doc[token.i : token.i + 1], "cue_before")
            return None
    return None


def _verb_right_before(tokens: list[Token]) -> Attribution | None:
    """`Ana Silva shot back, "…"` / `Silva fired back: "…"`: whatever the verb, a clause
    that ends in a comma or colon right before the quote introduces it."""
    words = list(tokens)
    if len(words) < 2 or words[-1].text not in {",", ":"}:
        return None
    words = words[:-1]
    while words and words[-1].dep_ in {"prt", "advmod"} and words[-1].head.i < words[-1].i:
        words = words[:-1]  # `shot back`, `replied sharply`
    if not words:
        return None
    verb = words[-1]
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "dobj" for c in verb.children):
        return None
    subject = _own_subject(verb)
    if subject is None or subject.i > verb.i:
        return None
    rule = "cue_before" if is_cue_verb(verb, REPORTING_VERBS) else "cue_before_position"
    return Attribution(mention_span(subject), _cue_span(verb), rule)


def _label_form(tokens: list[Token]) -> Attribution | None:
    """`Name: "…"`, `From Name: "…"` and `More from Name: "…"`: a short name and a colon
    before the quote, also after a topic and a dash (`Turnout is up - Ana Silva: "…"`)."""
    if tokens[-1].text != ":":
        return None
    dashes = [n for n, t in enumerate(tokens) if t.text in DASHES and t.whitespace_ and n > 0]
    if dashes:
        tokens = tokens[dashes[-1] + 1 :]
    if len(tokens) > 7:
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
    doc = tokens[0].doc
    cue = doc[cue_word.i : cue_word.i + 1] if cue_word is not None else doc[tokens[-1].i : tokens[-1].i + 1]
    return Attribution(doc[words[0].i : words[-1].i + 1], cue, "label")


def dash_form(doc: Doc, quote: QuotedSpan, limit_char: int) -> Attribution | None:
    """A quote followed by `— Name, Title`."""
    tokens = [t for t in _tokens_between(doc, quote.close_end, limit_char) if not t.is_space]
    if len(tokens) < 2 or tokens[0].text not in DASHES:
        return None
    names = []
    for token in tokens[1:6]:
        if token.pos_ != "PROPN" and not token.is_title:
            break
        names.append(token)
    if not names:
        return None
    return Attribution(doc[names[0].i : names[-1].i + 1], doc[tokens[0].i : tokens[0].i + 1], "dash")


def governing_cue(doc: Doc, quote: QuotedSpan, inside_quote=lambda char: False) -> Attribution | None:
    """A quoted fragment inside the writer's sentence: the cue that governs it
    (`Trump has signalled that ... his "red line"`).  Of the cue verbs above the quote,
    the outermost verb of speech wins (`Cruz said he is certain Rubio will continue to be
    "..."` is Cruz's); failing one, the nearest verb of attitude.  Verbs inside other
    quotations (`inside_quote(char)`) are someone's words, never a cue."""
    inside = _tokens_between(doc, quote.start, quote.end)
    roots = [t for t in inside if t.head.idx < quote.open_start or t.head.idx >= quote.close_end or t.head is t]
    if not roots:
        return None
    speech: list[Attribution] = []
    attitude: list[Attribution] = []
    # A quote that closes its sentence (`"… to me."  Aides said …`) is not governed by a
    # verb after it, whatever the parse.
    closed = doc_text(doc)[quote.start : quote.end].rstrip()[-1:] in {".", "?", "!"}
    token = roots[0]
    for _ in range(12):
        outside = token.idx < quote.open_start or token.idx >= quote.close_end
        after_its_sentence = closed and token.idx >= quote.close_end
        if outside and not after_its_sentence and not inside_quote(token.idx):
            if is_according_to(token):
                source = according_to_source(token)
                if source is not None:
                    return Attribution(mention_span(source), doc[token.i : token.i + 2], "according_to")
            if (
                is_cue_verb(token, REPORTING_VERBS) or is_cue_verb(token, STANCE_OBJECT_VERBS)
            ) and token.lemma_ not in NARRATION_ONLY_CUES:
                subject = subject_of(token)
                if subject is not None and not (quote.start <= subject.idx < quote.end):
                    found = Attribution(mention_span(subject), _cue_span(token), "governing")
                    (speech if token.lemma_ in SPEECH_VERBS else attitude).append(found)
                    if token.dep_ in {"conj", "advcl"} and _own_subject(token) is not None:
                        break  # `called it "X", but he also noted "Y"`: a clause of its own
        if token.head is token:
            break
        token = token.head
    chosen = speech[-1] if speech else (attitude[0] if attitude else None)
    nearest = min(speech + attitude, key=lambda a: abs(a.cue.start - roots[0].i), default=None)
    if chosen is not None and nearest is not chosen and nearest.mention.root.lower_ in PRONOUN_SUBJECTS:
        # the pronoun nearest the quote names the speaker found further out
        return Attribution(nearest.mention, nearest.cue, chosen.rule, antecedent=chosen.mention)
    return chosen


def colon_intro(
    doc: Doc, quote: QuotedSpan, paragraph_start: int, previous_paragraph_end: int | None
) -> Attribution | None:
    """A sentence that ends in a colon introduces the quote after it
    (`The council responded:` / `the senator released a statement:` then the quote,
    in the same paragraph or opening the next one): its subject is the speaker."""
    before = doc_text(doc)[paragraph_start : quote.open_start]
    if before.strip():
        colon = paragraph_start + len(before.rstrip()) - 1
    elif previous_paragraph_end is not None:
        colon = previous_paragraph_end - 1
        while colon > 0 and doc_text(doc)[colon].isspace():
            colon -= 1
    else:
        return None
    if colon < 0:
        return None
    if doc_text(doc)[colon] == ".":
        return _speech_sentence_before(doc, colon)
    if doc_text(doc)[colon] not in INTRODUCING_MARKS:
        return None
    span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None:
        return None
    colon_token = span[0]
    before = [t for t in colon_token.sent if t.i < colon_token.i]
    verbs = [t for t in before if t.pos_ in {"VERB", "AUX"} and t.dep_ != "aux"]
    # The clause's main verb: the one whose head is not another verb before the colon.
    mains = [v for v in verbs if v.head is v or v.head not in verbs]
    if not mains:
        return None
    verb = mains[0]
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        subject = inverted_subject(verb, colon_token.i)
    if subject is None or subject.i >= colon_token.i or subject.lower_ in {"it", "this", "that", "here", "there"}:
        return None
    return Attribution(mention_span(subject), doc[verb.i : verb.i + 1], "colon_intro")


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
    for child in root.children:
        if child.dep_ in {"ccomp", "xcomp", "parataxis"} or (
            child.dep_ == "dobj" and child.lemma_.lower() not in SPEECH_NOUNS and child.lower_ not in SPEECH_NOUNS
        ):
            return None
    subject = _own_subject(root)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ in {"it", "this", "that", "i", "we", "you"}:
        return None  # (a passive's subject is what was said about, not who spoke)
    return Attribution(mention_span(subject), _cue_span(root), "speech_sentence_intro")
