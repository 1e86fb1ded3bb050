"""Roles read from the parse: the noun phrases that the syntax ties to a named person.

A role is headed by a noun that denotes a person's occupation or position: any noun of
WordNet's `noun.person` class (`resources.person_nouns`), a title written before names
(`lexicon.NAME_TITLES`, ranks) or a role noun of ours (`lexicon.ROLE_NOUNS`).  Four
places hold one:

- the modifier chain before the name: "Lib Dem home affairs spokesman Mark Oaten",
  "Arsenal striker Thierry Henry" (`premodifier_role`);
- an appositive after it, with its `of`/`at`/`for` attachment: "Ana Silva, chief
  economist at Capital Economics," (`appositive_after`), also after an age
  ("Ana Silva, 45, a nursing student");
- a predicate nominal in a relative clause: "Oaten, who is the party's spokesman", or
  a post the clause states: "Hale, who chairs the economics department at Leeds"
  (`relative_role_after`);
- an appositive before it: "the top Democrat on the committee, Sen. Jack Reed".

An honorific (Mr, Ms, Dr, Sir) is never a role.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicon import APPOSITIVE_STOPS, ARTICLES, HONORIFICS, NAME_TITLES, POSSESSIVE_ENDINGS, RANKS, ROLE_NOUNS
from .resources import cue_verb, occupation_nouns, org_nouns, person_acronyms, person_nouns

# How far an appositive may run after a name, in tokens.
MAX_APPOSITIVE_TOKENS = 16
MAX_ROLE_TOKENS = 14
# What ends an appositive after a name, and one before it.
APPOSITIVE_AFTER_STOPS = frozenset({",", ";", ")", "(", "—", "–", ":"})
APPOSITIVE_BEFORE_STOPS = APPOSITIVE_AFTER_STOPS
# Dependencies that tie a word before a name to it as a modifier ("Veteran comedian and
# broadcaster Cyril Fletcher": the coordinated roles too).
MODIFIER_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "case", "punct", "nummod", "npadvmod", "advmod", "cc", "conj"}
)
# What sets an appositive off after a name.
APPOSITIVE_OPENERS = frozenset({",", "-", "–", "—"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
COPULAS = frozenset({"is", "was", "'s", "’s"})
# "who has been the party's spokesman"; but "who has a lead in delegates" is no role.
PERFECT_AUXILIARIES = frozenset({"has", "had", "'s", "’s"})


def _hyphenated(token: Token) -> str | None:
    """ "front-runner", "fly-half": spaCy splits a hyphenated word into three tokens."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        first = doc[token.i - 2]
        if not first.whitespace_:
            return f"{first.lower_}-{token.lower_}"
    return None


def is_role_head(token: Token) -> bool:
    """A noun that denotes a person's occupation or position (or a title)."""
    word = token.lower_.rstrip(".")
    if (token.lower_ in HONORIFICS or word in HONORIFICS) and not token.is_lower:
        return False  # "Mr", "Dr", "Father Brown"; but "Ray's father" is a role
    if token.text in person_acronyms() or token.text.rstrip(".") in person_acronyms():
        return True
    # (a compound modifier or an appositive is a noun whatever its tag: after a closing
    # quote the tagger reads "Leeds striker Sam Otto" with `striker` as a verb, and "an IT
    # professional" with `professional` as an adjective)
    if (
        token.pos_ not in {"NOUN", "PROPN"}
        and token.dep_ not in {"compound", "appos"}
        and token.lower_ not in NAME_TITLES
    ):
        return False
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma == token.lower_:
        lemma = lemma.removesuffix("s")  # the tagger keeps a proper plural whole: "Democrats"
    hyphenated = _hyphenated(token)
    nouns = person_nouns()
    return (
        lemma in nouns
        or word in nouns
        or (hyphenated is not None and hyphenated in nouns)
        or token.lower_ in NAME_TITLES
        or token.lower_ in RANKS
        or word in ROLE_NOUNS
    )


def role_head(tokens: list[Token]) -> Token | None:
    """The noun a role is about: the last role noun before any preposition ("chief" in
    "chief economist"... "economist"; "director" in "director of football")."""
    head = None
    for token in tokens:
        if token.pos_ == "ADP" and head is not None:
            break
        if is_role_head(token):
            head = token
    return head


def is_occupation(token: Token | None) -> bool:
    """An office, title or occupation ("minister", "striker", "Sen."), not any other
    description of a person ("supporter", "veteran", "friend")."""
    if token is None:
        return False
    word = token.lower_.rstrip(".")
    if token.lower_ in NAME_TITLES or token.lower_ in RANKS or word in ROLE_NOUNS or token.text in person_acronyms():
        return True
    occupations = occupation_nouns()
    hyphenated = _hyphenated(token)
    return token.lemma_.lower() in occupations or word in occupations or hyphenated in occupations


def _trim_role(tokens: list[Token]) -> list[Token]:
    """Without articles, possessive pronouns or punctuation at either end, nor honorifics
    before the name, nor a verb of speech the parser hung on the name (`"…," beamed
    goalkeeper Tom Hardy`)."""
    while tokens and (
        tokens[0].lower_ in ARTICLES
        or tokens[0].tag_ == "PRP$"  # "her senior policy adviser": whose, out of context, says nothing
        or tokens[0].is_punct
        or tokens[0].is_space
        or _speech_verb_form(tokens[0])
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].text in POSSESSIVE_ENDINGS):
        tokens = tokens[:-1]
    while tokens and tokens[-1].lower_ in HONORIFICS and not tokens[-1].is_lower:
        tokens = tokens[:-1]
    return tokens


def _speech_verb_form(token: Token) -> bool:
    entry = cue_verb(token.lemma_.lower()) if token.pos_ == "VERB" and token.tag_ in {"VBD", "VBN"} else None
    return entry is not None and "speech" in entry.classes


def _span(tokens: list[Token]) -> Span | None:
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return None
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1]


def premodifier_role(name: Span) -> Span | None:
    """The words before the name that the parse hangs on it, when a role noun heads them
    ("White House press secretary Jo Park", "former referees' chief Ana Silva")."""
    doc = name.doc
    first = name.start
    host = name.root.head
    hangs = name.root.dep_ in {"appos", "compound", "conj", "nmod"} and host.i < first and is_role_head(host)
    if hangs and not any(_breaks_a_role(t) for t in doc[host.left_edge.i : first]):
        # a parse that hangs the name on the role (`their Welsh striker Craig Bellamy`,
        # `veteran comedian and broadcaster Cyril Platt`)
        return _span(_trim_role(list(doc[host.left_edge.i : first])))
    i = first - 1
    while i >= 0:
        token = doc[i]
        if token.is_space or "\n" in token.text or (token.ent_type_ == "PERSON" and token.i < first - 1):
            break
        if not (first <= _chain_head(token, first, name.end) < name.end):
            break
        if token.dep_ not in MODIFIER_DEPS and not is_role_head(token):
            break
        left = token.left_edge.i  # with its own modifiers: "University of Michigan librarian"
        if left < i and not any(_breaks_a_role(t) for t in doc[left:i]):
            i = left
        i -= 1
    start = i + 1
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
    ):
        start -= 2  # "co-host", "ex-minister": the word the hyphen joins
    tokens = _trim_role(list(doc[start:first]))
    if not tokens or not any(is_role_head(t) for t in tokens):
        return _modifier_with_attachment(name)
    return _span(tokens)


def _modifier_with_attachment(name: Span) -> Span | None:
    """A role before the name with its own `of` attachment, which the walk over heads
    leading into the name cannot cross: "former secretary of state Hilda Crane",
    "director of the bureau Tom Hale".  The whole subtree of the modifier the parse hangs
    on the name, when it is a role noun that reaches up to the name."""
    doc = name.doc
    for modifier in name.root.lefts:
        if modifier.i >= name.start or modifier.dep_ not in {"nmod", "compound", "amod"}:
            continue
        if not is_role_head(modifier) or not any(c.dep_ == "prep" for c in modifier.rights):
            continue
        words = doc[modifier.left_edge.i : name.start]
        if not any(_breaks_a_role(t) or t.ent_type_ == "PERSON" for t in words):
            return _span(_trim_role(list(words)))
    return None


def _breaks_a_role(token: Token) -> bool:
    return token.text in APPOSITIVE_AFTER_STOPS or _quote_mark(token) or token.is_space or "\n" in token.text


def _quote_mark(token: Token) -> bool:
    """A quote mark, not the apostrophe of a plural possessive (`the Liberal Democrats' spokesman`)."""
    return token.is_quote and token.tag_ != "POS"


def _chain_head(token: Token, first: int, end: int) -> int:
    """Where the heads of `token` lead: the index of the first head at or after `first`
    (inside the name or past it), climbing at most a few steps through the words between."""
    for _ in range(6):
        if token.head.i >= first or token.head is token:
            return token.head.i if token.head is not token else -1
        if token.head.i < token.i:
            return -1
        token = token.head
    return -1


def appositive_after(doc: Doc, end: int) -> Span | None:
    """ ", commander of U.S. Central Command,", ", 45, a nursing student", ", who is the
    party's spokesman": a role phrase set off by a comma after the name."""
    tokens = _appositive_tokens(doc, end)
    return role_phrase(tokens) or role_phrase(_first_conjunct(tokens))


def org_description_after(doc: Doc, end: int) -> Span | None:
    """ ", a conservative political action committee,", ", the official Chinese news
    agency,": what an organisation is, set off after its name, headed by a noun that is
    first of all an organisation in WordNet."""
    tokens = _trim_role(_appositive_tokens(doc, end))
    verb = next((n for n, t in enumerate(tokens) if t.pos_ == "VERB"), len(tokens))
    tokens = tokens[:verb]  # what it is, not what it did: "the militia [blamed for ...]"
    for phrase in (tokens, _first_conjunct(tokens)):
        head = _phrase_head(phrase)
        if head is not None and head.pos_ == "NOUN" and head.lemma_.lower() in org_nouns():
            return _span(phrase)
    return None


def _phrase_head(tokens: list[Token]) -> Token | None:
    """The first of the tokens whose head lies outside them: the phrase's own head."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head is t), None)


def _appositive_tokens(doc: Doc, end: int) -> list[Token]:
    """The words set off by a comma after a name, up to what ends an appositive."""
    end = _after_parenthesis(doc, end)
    if end >= len(doc) or doc[end].text not in APPOSITIVE_OPENERS:
        return []  # (a role set off by dashes: "Ana Silva - then adviser to the mayor -")
    start = _past_age(doc, end + 1)  # ", 45, a nursing student"
    start = _past_hometown(doc, start)  # ", 41, of Dayton, Ohio, an account executive"
    start = _past_relative_copula(doc, start)  # a predicate nominal: ", who is the party's spokesman"
    tokens: list[Token] = []
    for token in doc[start : start + MAX_APPOSITIVE_TOKENS]:
        if token.text in APPOSITIVE_AFTER_STOPS or token.is_space or "\n" in token.text:
            break
        if token.is_sent_start and tokens:
            break
        if token.text == "." and not tokens:
            break
        if token.lower_ in APPOSITIVE_STOPS or _starts_a_clause(token):
            break
        tokens.append(token)
    return tokens


def _past_age(doc: Doc, start: int) -> int:
    """Past an age set off by commas after a name (`, 45,`)."""
    if start + 1 < len(doc) and doc[start].like_num and doc[start + 1].text == ",":
        return start + 2
    return start


def _past_relative_copula(doc: Doc, start: int) -> int:
    """Past `who is`, `who was`, `who has been` (and an adverb after it: `who is now`)."""
    if start + 1 >= len(doc) or doc[start].lower_ != "who":
        return start
    i = start + 1
    if doc[i].lower_ in PERFECT_AUXILIARIES and i + 1 < len(doc) and doc[i + 1].lower_ == "been":
        i += 1
    elif doc[i].lower_ not in COPULAS:
        return start
    i += 1
    if i < len(doc) and doc[i].pos_ == "ADV" and doc[i].dep_ == "advmod":
        i += 1  # "who is now chairman of the campaign", "who was once a judge"
    return i


def _first_conjunct(tokens: list[Token]) -> list[Token]:
    """The first of two roles joined by "and" ("a professor of law at Yale and the director
    of its centre"), for an appositive too long to keep whole."""
    for n, token in enumerate(tokens):
        if token.dep_ == "cc" and n > 0:
            return tokens[:n]
    return []


def _past_hometown(doc: Doc, start: int) -> int:
    """Past a hometown set off by commas (`of Dayton, Ohio,`, `from Leeds,`): where the
    role after it begins, or `start` when there is none."""
    if start + 1 >= len(doc) or doc[start].lower_ not in {"of", "from"} or not _place_word(doc[start + 1]):
        return start
    after_comma = start
    for token in doc[start + 1 : start + 8]:
        if token.text == ",":
            after_comma = token.i + 1
        elif not _place_word(token):
            break
    return after_comma


def _place_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in {"GPE", "LOC"}


def _starts_a_clause(token: Token) -> bool:
    """A verb that is not a modifier of a noun ("managing director", "based in Tampa" are
    part of the role; "said", "told" start the sentence's own clause)."""
    if token.pos_ not in {"VERB", "AUX"} or token.tag_ == "VBN":
        return False
    return token.dep_ not in {"amod", "compound", "nmod"}


def _after_parenthesis(doc: Doc, end: int) -> int:
    """Past a short parenthesis after a name: "Sen. Ana Silva (D-Ore.), a former judge"."""
    if end < len(doc) and doc[end].text == "(":
        for i in range(end + 1, min(len(doc), end + 8)):
            if doc[i].text == ")":
                return i + 1
    return end


def appositive_before(doc: Doc, start: int) -> Span | None:
    """ "the top Democrat on the Senate Armed Services Committee, Sen. Jack Reed"."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    tokens: list[Token] = []
    i = start - 2
    while i >= 0 and len(tokens) < MAX_APPOSITIVE_TOKENS - 1:
        token = doc[i]
        if token.text in APPOSITIVE_BEFORE_STOPS or token.is_space or _quote_mark(token):
            break
        tokens.insert(0, token)
        if token.is_sent_start:
            break
        i -= 1
    if not tokens or not _determined(tokens):
        return None
    return role_phrase(tokens)


def _determined(tokens: list[Token]) -> bool:
    """A noun phrase with an article or a possessor in front: "the top Democrat", "her
    senior policy adviser", "Britain's foreign secretary" (not a list of names)."""
    first = tokens[0]
    return first.lower_ in ARTICLES or any(t.dep_ == "poss" and t.left_edge.i == first.i for t in tokens)


def role_phrase(tokens: list[Token], head: Token | None = None) -> Span | None:
    """The tokens as a role, when a role noun heads them: `head`, or a role noun before
    any preposition ("chief economist at Capital Economics"; not "the man at the door")."""
    tokens = _trim_role(_before_time(tokens))
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return None
    if _one_of(tokens):
        return _span(tokens)
    before_preposition = []
    for token in tokens:
        if token.pos_ == "ADP" or token.dep_ == "prep":
            break
        before_preposition.append(token)
    head = head if head is not None else _phrase_head(tokens)
    if head is not None and head.ent_type_ == "PERSON" and not is_role_head(head):
        return None  # another name ("Ana Silva, Bo Chen and ..."), not a role
    if not any(is_role_head(t) for t in before_preposition) and not (head is not None and is_role_head(head)):
        return None  # (the phrase's own head: "a University of Michigan librarian")
    return _span(tokens)


def _before_time(tokens: list[Token]) -> list[Token]:
    """Without a time adjunct at the end: "the party's spokeswoman [since May]"."""
    for n, token in enumerate(tokens):
        if (
            n > 0
            and token.dep_ == "prep"
            and any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in token.children)
        ):
            return tokens[:n]
    return tokens


def _one_of(tokens: list[Token]) -> bool:
    """ "one of several vocal critics on the staff", "one of the party's leading
    strategists": membership of a set of people is a role."""
    if len(tokens) < 3 or tokens[0].lower_ != "one" or tokens[1].lower_ != "of":
        return False
    members = next((c for c in tokens[1].children if c.dep_ == "pobj"), None)
    return members is not None and is_role_head(members)


def relative_role_after(doc: Doc, end: int) -> Span | None:
    """ ", who runs the party's polling unit", ", who served as her chief of staff": a
    relative clause that says what post the person holds ("served as her chief of
    staff", without the pronoun), read as the role when the verb's object is a body (an organisation entity or a WordNet organisation noun) or
    `as` a role noun.  A clause about anything else ("who grew up with Ali") is no role."""
    end = _after_parenthesis(doc, end)
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    start = _past_age(doc, end + 1)  # ", 22, who helped found the group"
    who = doc[start] if start < len(doc) else None
    if who is None or who.lower_ != "who" or who.dep_ != "nsubj" or who.head.dep_ != "relcl":
        return None
    verb = who.head
    if not _holds_a_post(verb):
        return None
    tokens: list[Token] = []
    for token in doc[who.i + 1 : verb.right_edge.i + 1]:
        if _breaks_a_role(token) or (token.dep_ == "cc" and token.head == verb):
            break
        tokens.append(token)
    return _span(_trim_role(_before_time(tokens)))


# Prepositions that tie a post to a body (`works at the bank`, `writes for the Post`) or
# name the post itself (`served as chief of staff`).
POST_PREPOSITIONS = frozenset({"at", "for", "as"})


def _holds_a_post(verb: Token) -> bool:
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "helped found the group"
    for word in verbs:
        for child in word.children:
            if child.dep_ == "dobj" and _is_body(child):
                return True
            if child.dep_ == "prep" and child.lower_ in POST_PREPOSITIONS:
                for noun in (c for c in child.children if c.dep_ == "pobj"):
                    if _is_body(noun) or (child.lower_ == "as" and is_role_head(noun)):
                        return True
    return False


def _is_body(token: Token) -> bool:
    return token.ent_type_ == "ORG" or (token.pos_ == "NOUN" and token.lemma_.lower() in org_nouns())
