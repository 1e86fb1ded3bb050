"""People and organisations named in a document, with every role stated for them.

One `Entity` per real person or organisation: "U.S. Defense Secretary Mark Esper",
"Esper" and "Mr. Esper" share the key `esper`.  Roles are gathered over the whole
document (titles before a name, appositives after it or before it), so a role stated
in the first paragraph is known for a quote in the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .doccache import doc_ents
from .lexicon import (
    APPOSITIVE_STOPS,
    ARTICLES,
    GENDERED_TITLES,
    HONORIFICS,
    LEADING_CUE_FORMS,
    NAME_CONNECTORS,
    NAME_TITLES,
    NATIONALITY_PREFIXES,
    ORG_DESCRIPTIONS,
    RANKS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SERVICE_WORDS,
)
from .parse import POSSESSIVE_ENDINGS, QUOTE_MARK_CHARS, strip_articles
from .records import SpeakerKind

PARTY_TAG_RE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
ORG_LABELS = frozenset({"ORG", "FAC", "GPE", "NORP"})
# What ends an appositive after a name, and one before it.
APPOSITIVE_AFTER_STOPS = frozenset({",", ";", ")", "(", "—", "–"})
APPOSITIVE_BEFORE_STOPS = APPOSITIVE_AFTER_STOPS | {":"}


def is_title_word(token: Token) -> bool:
    word = token.lower_
    return word in NAME_TITLES or word in RANKS or word in HONORIFICS or word in ROLE_NOUNS


def is_quote_mark(token: Token) -> bool:
    return all(ch in QUOTE_MARK_CHARS for ch in token.text)


def clean_name_tokens(tokens: list[Token]) -> list[Token]:
    """Drop titles, ranks, honorifics and nationality words from the front of a name."""
    start = 0
    while start < len(tokens) - 1 and (
        is_title_word(tokens[start])
        or tokens[start].lower_ in NATIONALITY_PREFIXES
        or tokens[start].lower_ in SERVICE_WORDS
        or tokens[start].lower_ in ARTICLES
        or tokens[start].lower_ in LEADING_CUE_FORMS
    ):
        start += 1
    kept = tokens[start:]
    while kept and (kept[-1].text in POSSESSIVE_ENDINGS | {",", "."} or is_quote_mark(kept[-1])):
        kept = kept[:-1]
    return kept


def person_name(tokens: list[Token]) -> str:
    """Display name: a nickname in quote marks replaces the given name
    (Kenneth ‘‘Frank’’ McKenzie → Frank McKenzie)."""
    words: list[str] = []
    in_nickname = False
    nickname: list[str] = []
    for token in tokens:
        if is_quote_mark(token):
            in_nickname = not in_nickname
            continue
        (nickname if in_nickname else words).append(token.text)
    if nickname and words:
        words = nickname + words[1:] if len(words) > 1 else nickname + words
    return " ".join(words)


def surname_key(name: str) -> str:
    last = name.split()[-1] if name.split() else name
    return re.sub(r"['’]s$", "", last).strip(".,").lower()


def org_key(text: str) -> str:
    words = [w for w in re.sub(r"[^\w\s-]", " ", text.lower()).split() if w not in ARTICLES]
    return " ".join(words)


@dataclass
class Role:
    text: str
    score: tuple[int, int, int]


@dataclass
class Entity:
    key: str
    name: str
    kind: SpeakerKind
    roles: list[Role] = field(default_factory=list)
    descriptions: set[str] = field(default_factory=set)
    gender: str | None = None
    first_seen: int = 0
    positions: list[int] = field(default_factory=list)

    def add_role(self, text: str, order: int) -> None:
        text = text.strip(" ,")
        if not text or any(r.text.lower() == text.lower() for r in self.roles):
            return
        self.roles.append(Role(text, role_score(text, order)))
        for word in text.lower().replace(".", "").split():
            if word in ROLE_NOUNS or word in NAME_TITLES or word in RANKS:
                self.descriptions.add(word)

    @property
    def role(self) -> str | None:
        return max(self.roles, key=lambda r: r.score).text if self.roles else None

    @property
    def role_texts(self) -> list[str]:
        return [r.text for r in self.roles]


def role_score(text: str, order: int) -> tuple[int, int, int]:
    """How informative a role is: an office beats a bare title, which beats a rank;
    then more content words; then the earlier mention."""
    words = [w.lower() for w in text.split()]
    content = [w for w in words if w not in NATIONALITY_PREFIXES and w not in NAME_CONNECTORS]
    if all(w in RANKS or w in HONORIFICS or w in SERVICE_WORDS for w in content):
        level = 0
    elif len(content) == 1:
        level = 1
    else:
        level = 2
    return (level, len(content), -len(words) * 1000 - order)


def _pre_title(doc: Doc, start: int) -> tuple[str | None, int]:
    """The title written right before a name ("Defense Secretary", "Chairman of the
    Joint Chiefs of Staff Army Gen."), and where it begins."""
    i = start - 1
    first = start
    while i >= 0:
        token = doc[i]
        if token.ent_type_ == "PERSON" or token.is_punct or token.is_space or token.like_num:
            break
        if token.lower_ in NAME_CONNECTORS:
            previous = doc[i - 1] if i > 0 else None
            if previous is None or i + 1 == start:
                break
            if token.lower_ == "the" and previous.lower_ not in NAME_CONNECTORS - {"the", "and"}:
                break
            if token.lower_ != "the" and not (previous.is_title or previous.is_upper):
                break
        elif not (token.is_title or token.is_upper or is_title_word(token)):
            break
        first = i
        i -= 1
    tokens = [t for t in doc[first:start]]
    while tokens and tokens[0].lower_ in NAME_CONNECTORS:
        tokens = tokens[1:]
    if not any(is_title_word(t) for t in tokens):
        return None, start
    return doc[tokens[0].i : start].text, tokens[0].i


def _appositive_after(doc: Doc, end: int) -> str | None:
    """ ", commander of U.S. Central Command," or ", the chairman of the Joint Chiefs"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    tokens: list[Token] = []
    for token in doc[end + 1 : end + 16]:
        if token.text in APPOSITIVE_AFTER_STOPS or token.is_space or token.is_sent_start:
            break
        if token.text == "." and not tokens:
            break
        if token.lower_ in APPOSITIVE_STOPS or (token.pos_ == "VERB" and token.tag_ != "VBN"):
            break
        tokens.append(token)
    return _role_phrase(tokens)


def _appositive_before(doc: Doc, start: int) -> str | None:
    """ "the top Democrat on the Senate Armed Services Committee, Sen. Jack Reed"."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    tokens: list[Token] = []
    i = start - 2
    while i >= 0 and len(tokens) < 15:
        token = doc[i]
        if token.text in APPOSITIVE_BEFORE_STOPS or token.is_space or token.is_quote:
            break
        tokens.insert(0, token)
        if token.is_sent_start:
            break
        i -= 1
    if not tokens or tokens[0].lower_ not in ARTICLES:
        return None
    return _role_phrase(tokens)


def _role_phrase(tokens: list[Token]) -> str | None:
    while tokens and tokens[-1].text in {".", "'s", "’s"} and not tokens[-1].text[:-1]:
        tokens = tokens[:-1]
    tokens = strip_articles(tokens)
    if not tokens or len(tokens) > 12:
        return None
    if tokens[0].ent_type_ == "PERSON" or PARTY_TAG_RE.match(tokens[0].text):
        return None
    if not any(t.lower_ in ROLE_NOUNS or t.lower_ in NAME_TITLES for t in tokens):
        return None
    first = tokens[0]
    plain_start = first.lower_ not in ROLE_MODIFIERS and not is_title_word(first) and not first.is_title
    if plain_start and first.pos_ not in {"ADJ", "NOUN", "PROPN"}:
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, joined across a nickname in quote marks."""
    spans: list[Span] = []
    ents = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        end = ent.end
        i = end
        if i < len(doc) and is_quote_mark(doc[i]):
            while i < len(doc) and (is_quote_mark(doc[i]) or doc[i].pos_ == "PROPN") and i < end + 8:
                i += 1
            if i > end + 1 and doc[i - 1].pos_ == "PROPN":
                end = i
        spans.append(doc[ent.start : end])
        skip_until = end
    return spans


@dataclass
class EntityIndex:
    """Every person and organisation of a document, keyed so that mentions merge."""

    people: dict[str, Entity] = field(default_factory=dict)
    orgs: dict[str, Entity] = field(default_factory=dict)

    def person(self, key: str) -> Entity | None:
        return self.people.get(key)

    def org(self, key: str) -> Entity | None:
        return self.orgs.get(key)

    def add_person(self, tokens: list[Token], position: int) -> Entity | None:
        tokens = clean_name_tokens(tokens)
        if not tokens or not any(t.is_alpha for t in tokens):
            return None
        name = person_name(tokens)
        key = surname_key(name)
        if not key or not key[0].isalpha():
            return None
        entity = self.people.get(key)
        if entity is None:
            entity = self.people[key] = Entity(key, name, SpeakerKind.PERSON, first_seen=position)
        elif len(name.split()) > len(entity.name.split()):
            entity.name = name
        entity.positions.append(position)
        return entity

    def add_org(self, text: str, position: int) -> Entity | None:
        key = org_key(text)
        if not key:
            return None
        entity = self.orgs.get(key)
        if entity is None:
            name = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
            entity = self.orgs[key] = Entity(key, name, SpeakerKind.ORGANIZATION, first_seen=position)
            entity.descriptions.update(w for w in key.split())
        entity.positions.append(position)
        return entity

    def find_by_description(self, head: str, before: int) -> Entity | None:
        """The most recent entity (before `before`) whose name or roles contain `head`."""
        best: tuple[int, Entity] | None = None
        for entity in [*self.people.values(), *self.orgs.values()]:
            if head not in entity.descriptions:
                continue
            seen = [p for p in entity.positions if p < before]
            if seen and (best is None or max(seen) > best[0]):
                best = (max(seen), entity)
        return best[1] if best else None


def build_entity_index(doc: Doc) -> EntityIndex:
    index = EntityIndex()
    for span in person_spans(doc):
        entity = index.add_person(list(span), span.start_char)
        if entity is None:
            continue
        _add_appositive_heads(doc, span, entity)
        title, title_start = _pre_title(doc, span.start)
        if title:
            entity.add_role(_strip_rank_tail(title), span.start)
            for token in doc[title_start : span.start]:
                gender = GENDERED_TITLES.get(token.lower_)
                entity.gender = entity.gender or gender
        for role in (_appositive_after(doc, span.end), _appositive_before(doc, title_start)):
            if role:
                entity.add_role(role, span.start)
    for ent in doc_ents(doc):
        if ent.label_ in ORG_LABELS and ent.label_ != "NORP":
            if surname_key(ent.text) in index.people and len(ent) <= 2:
                index.people[surname_key(ent.text)].positions.append(ent.start_char)
                continue
            entity = index.add_org(ent.text, ent.start_char)
            if entity is not None:
                role = _appositive_after(doc, ent.end)
                if role:
                    entity.descriptions.update(role.lower().split())
                _add_appositive_heads(doc, ent, entity)
    return index


def _add_appositive_heads(doc: Doc, ent: Span, entity: Entity) -> None:
    """ "Kataib Hezbollah, the militia blamed for ..." teaches that it is "the militia";
    a name described as a militia, group or party is an organisation, whatever NER said."""
    if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ in ARTICLES:
        for token in doc[ent.end + 2 : ent.end + 6]:
            if token.pos_ == "NOUN":
                entity.descriptions.add(token.lower_)
                if token.lower_ in ORG_DESCRIPTIONS:
                    entity.kind = SpeakerKind.ORGANIZATION
                break


def _strip_rank_tail(title: str) -> str:
    """ "Chairman of the Joint Chiefs of Staff Army Gen." → "Chairman of the Joint Chiefs of
    Staff"; a title that is only a rank stays as it is."""
    words = title.split()
    end = len(words)
    while end > 0 and (words[end - 1].lower() in RANKS or words[end - 1].lower() in SERVICE_WORDS):
        end -= 1
    if end == 0:
        return title
    start = 0
    while start < end - 1 and words[start].lower() == "the":
        start += 1
    return " ".join(words[start:end])
