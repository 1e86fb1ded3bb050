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
    ARTICLES,
    GENDERED_TITLES,
    HONORIFICS,
    LEADING_CUE_FORMS,
    NAME_CONNECTORS,
    NAME_TITLES,
    NATIONALITY_PREFIXES,
    ORG_DESCRIPTIONS,
    POSSESSIVE_ENDINGS,
    POSTPOSITIVE_RANKS,
    RANKS,
    ROLE_NOUNS,
    SERVICE_WORDS,
    TITLE_ABBREVIATIONS,
)
from .parse import QUOTE_MARK_CHARS
from .records import SpeakerKind, TextSpan
from .resources import name_gender, org_nouns, person_acronyms, person_nouns
from .roles import (
    appositive_after,
    appositive_before,
    is_occupation,
    is_role_head,
    org_description_after,
    premodifier_role,
    relative_role_after,
    role_head,
)

PARTY_TAG_RE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
ORG_LABELS = frozenset({"ORG", "FAC", "GPE", "NORP"})
# Parts of speech that never belong to a title before a name ("But Mr Silva").
NOT_IN_TITLES = frozenset({"CCONJ", "SCONJ", "ADV", "DET", "PRON", "VERB", "AUX", "INTJ"})


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
        or _role_word_in_name(tokens, start)
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


def _role_word_in_name(tokens: list[Token], start: int) -> bool:
    """ "Striker Sam Otto" as one PERSON entity: a role noun before a given name and a
    surname is no part of the name (but "Baker Mayfield" keeps his given name)."""
    return len(tokens) - start >= 3 and tokens[start].ent_iob_ == "B" and is_role_head(tokens[start])


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


def given_key(name: str) -> str:
    """ "hillary clinton": a full name's given name and surname, the key that keeps the
    members of a family apart; a one-word name is its surname."""
    words = name.split()
    if len(words) < 2 or len(words[0].rstrip(".")) < 2:
        return surname_key(name)
    return f"{words[0].lower()} {surname_key(name)}"


def org_key(text: str) -> str:
    words = [w for w in re.sub(r"[^\w\s-]", " ", text.lower()).split() if w not in ARTICLES]
    return " ".join(words)


@dataclass
class Role:
    """A role as the article writes it, where it writes it, and how informative it is."""

    text: str
    start: int
    end: int
    score: tuple[int, int, int]


def _is_honorific(token: Token) -> bool:
    """ "Mr", "Dr", "Father" before a name; not "father" in "Ray's father"."""
    return token.lower_ in HONORIFICS and not token.is_lower


def role_words(text: str) -> set[str]:
    """The words of a role that describe a person ("comedian", "senator"): what a later
    description ("the comedian") is matched against."""
    found = {word.lower() for word in text.split() if word in person_acronyms()}  # "MP", "CEO"
    for word in text.lower().replace(".", "").split():
        if word in ROLE_NOUNS or word in NAME_TITLES or word in RANKS or word in person_nouns():
            found.add(word)
        if word in TITLE_ABBREVIATIONS:
            found.add(TITLE_ABBREVIATIONS[word])
    return found


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
    plural: bool = False  # a description of several ("two aides"), never "he" or "she"

    def add_role(self, span: Span, order: int, before_name: bool = False) -> None:
        """Add a role stated at `span` (an honorific alone is never one); a title written
        before the name loses the rank that ends it ("Chairman of the Joint Chiefs Gen.")."""
        tokens = [t for t in span if not t.is_space]
        if before_name:
            tokens = _strip_rank_tail(tokens)
        while tokens and (tokens[-1].text in {",", "'s", "’s"} or _is_honorific(tokens[-1])):
            tokens = tokens[:-1]
        while tokens and tokens[0].text in {",", "-"}:
            tokens = tokens[1:]
        if not tokens or all(_is_honorific(t) for t in tokens):
            return
        span = span.doc[tokens[0].i : tokens[-1].i + 1]
        text = span.text
        if any(r.text.lower() == text.lower() for r in self.roles):
            return
        self.roles.append(Role(text, span.start_char, span.end_char, role_score(tokens, order)))
        self.descriptions.update(role_words(text))

    @property
    def role(self) -> str | None:
        return max(self.roles, key=lambda r: r.score).text if self.roles else None

    def adopt_offices(self, other: Entity) -> None:
        """Take `other`'s offices and occupations (a description found to be this person),
        each behind every role the text ties to this one when they are as informative."""
        for role in other.roles:
            level, words, order = role.score
            if level >= OCCUPATION_LEVEL and all(r.text.lower() != role.text.lower() for r in self.roles):
                self.roles.append(Role(role.text, role.start, role.end, (level, words, order - ADOPTED)))
        self.descriptions |= other.descriptions

    @property
    def role_texts(self) -> list[str]:
        return [r.text for r in self.roles]

    @property
    def role_mentions(self) -> list[TextSpan]:
        """Where the document states each role, in the order of `role_texts`."""
        return [TextSpan(r.text, r.start, r.end) for r in self.roles]


# `role_score`'s first key for a role headed by an office or occupation.
OCCUPATION_LEVEL = 2
# Moves an adopted role's place in `role_score`'s last key behind every role of the text.
ADOPTED = 10**9


def role_score(tokens: list[Token], order: int) -> tuple[int, int, int]:
    """How informative a role is: an office or occupation stated in several words beats
    one in a word, which beats any other description of a person ("supporter",
    "veteran") or a title in one abbreviation ("Sen."), which beats a bare rank; then more
    content words; then the earlier."""
    words = [t.lower_ for t in tokens]
    content = [w for w in words if w not in NATIONALITY_PREFIXES and w not in NAME_CONNECTORS]
    if all(w in RANKS or w in HONORIFICS or w in SERVICE_WORDS for w in content):
        level = 0
    elif not is_occupation(role_head(tokens)) or _abbreviated_title(content):
        level = 1
    elif len(content) == 1:
        level = OCCUPATION_LEVEL
    else:
        level = OCCUPATION_LEVEL + 1
    return (level, len(content), -len(words) * 1000 - order)


def _abbreviated_title(words: list[str]) -> bool:
    """ "Sen.", "Rep.", "Gov.": a title written short before a name says less than the
    role a sentence gives the person ("a Clinton backer")."""
    return len(words) == 1 and words[0].endswith(".") and words[0].rstrip(".") in TITLE_ABBREVIATIONS


def _pre_title(doc: Doc, start: int) -> tuple[Span | None, int]:
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
        elif not (token.is_title or token.is_upper or is_title_word(token)) or token.pos_ in NOT_IN_TITLES:
            break
        first = i
        i -= 1
    tokens = [t for t in doc[first:start]]
    while tokens and tokens[0].lower_ in NAME_CONNECTORS:
        tokens = tokens[1:]
    if not any(is_title_word(t) and t.lower_ not in HONORIFICS for t in tokens):
        return None, start
    return doc[tokens[0].i : start], tokens[0].i


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, joined across a nickname in quote marks."""
    spans: list[Span] = []
    ents = [e for e in doc_ents(doc) if e.label_ == "PERSON"]
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        end = _through_surname(doc, ent.end)
        i = end
        if i < len(doc) and is_quote_mark(doc[i]):
            while i < len(doc) and (is_quote_mark(doc[i]) or doc[i].pos_ == "PROPN") and i < end + 8:
                i += 1
            if i > end + 1 and doc[i - 1].pos_ == "PROPN":
                end = i
        spans.append(doc[ent.start : end])
        skip_until = end
    return spans


def _through_surname(doc: Doc, end: int) -> int:
    """Where a person's name ends when NER stopped short of the surname the parse hangs it
    on ("Henk Ten [Cate]", "Dominic [Grieve]"): the capitalised word after the entity that
    its last word is a compound of, unless it names a body ("Ana Silva Foundation")."""
    if end >= len(doc) or end == 0:
        return end
    last, after = doc[end - 1], doc[end]
    if last.dep_ != "compound" or last.head.i != after.i or after.pos_ != "PROPN" or not after.is_title:
        return end
    if after.ent_type_ not in {"", "ORG"} or after.lower_ in org_nouns() or after.lemma_.lower() in org_nouns():
        return end
    return end + 1


@dataclass
class EntityIndex:
    """Every person and organisation of a document, keyed so that mentions merge."""

    people: dict[str, Entity] = field(default_factory=dict)
    orgs: dict[str, Entity] = field(default_factory=dict)
    # Everyone of a surname ("Bill Clinton", "Hillary Clinton"), in order of appearance,
    # and each by given name and surname.
    families: dict[str, list[Entity]] = field(default_factory=dict)
    full_names: dict[str, Entity] = field(default_factory=dict)

    def person(self, key: str, before: int | None = None) -> Entity | None:
        """The person a surname (or "given surname") names: of a family, the one named
        last before `before`, else the first."""
        if " " in key:
            return self.full_names.get(key)
        family = self.families.get(key, [])
        if len(family) > 1 and before is not None:
            seen = [
                (max(p for p in e.positions if p < before), e) for e in family if any(p < before for p in e.positions)
            ]
            if seen:
                return max(seen, key=lambda pair: pair[0])[1]
        return family[0] if family else None

    def org(self, key: str) -> Entity | None:
        return self.orgs.get(key)

    def add_person(self, tokens: list[Token], position: int) -> Entity | None:
        tokens = clean_name_tokens(tokens)
        if not tokens or not any(ch.isalpha() for t in tokens for ch in t.text):  # "O'Brien" too
            return None
        name = person_name(tokens)
        key = surname_key(name)
        if not key or not key[0].isalpha():
            return None
        entity = self._same_person(name, key, position)
        if entity is None:
            entity = Entity(key, name, SpeakerKind.PERSON, first_seen=position)
            self.families.setdefault(key, []).append(entity)
            self.people[key if len(self.families[key]) == 1 else given_key(name)] = entity
        if len(name.split()) > 1:
            self.full_names.setdefault(given_key(name), entity)
        elif len(name.split()) > len(entity.name.split()):
            entity.name = name
        entity.positions.append(position)
        return entity

    def _same_person(self, name: str, key: str, position: int) -> Entity | None:
        """The entity a name adds a mention of: the one with the same given name, else
        the family member named last ("Clinton" alone); None for a relative not yet seen
        ("Hillary Clinton" after "Bill Clinton")."""
        family = self.families.get(key, [])
        given = given_key(name)
        for entity in family:
            if given_key(entity.name) == given or len(entity.name.split()) < 2:
                return entity
        if len(name.split()) < 2:
            return self.person(key, position)
        return None

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

    def find_by_description(self, head: str, before: int, people_only: bool = False) -> Entity | None:
        """The most recent entity (before `before`) whose name or roles contain `head`."""
        best: tuple[int, Entity] | None = None
        for entity in [*self.people.values(), *([] if people_only else self.orgs.values())]:
            if head not in entity.descriptions:
                continue
            seen = [p for p in entity.positions if p < before]
            if seen and (best is None or max(seen) > best[0]):
                best = (max(seen), entity)
        return best[1] if best else None


def add_person_roles(doc: Doc, span: Span, entity: Entity) -> None:
    """Every role the text ties to this mention of the person, and the gender its
    titles and honorifics tell."""
    _add_appositive_heads(doc, span, entity)
    name = clean_name_tokens(list(span))
    if name and name[0].i > span.start and any(is_role_head(t) for t in doc[span.start : name[0].i]):
        entity.add_role(doc[span.start : name[0].i], span.start, before_name=True)  # NER took in the role
    title, title_start = _pre_title(doc, span.start)
    premodifier = premodifier_role(span)
    for role in (title, premodifier):
        if role is not None:
            entity.add_role(role, span.start, before_name=True)
    after = appositive_after(doc, span.end) or relative_role_after(doc, span.end)
    for role in (after, appositive_before(doc, title_start)):
        if role is not None:
            entity.add_role(role, span.start)
    for token in doc[max(0, title_start - 1) : span.start]:
        entity.gender = entity.gender or GENDERED_TITLES.get(token.lower_)


def _titled_as_a_person(ent: Span) -> bool:
    """A name NER calls an organisation, written after a person's title or occupation."""
    role = premodifier_role(ent)
    return role is not None and is_occupation(role_head(list(role))) and len(ent) >= 2


def _described_as_a_person(doc: Doc, ent: Span) -> bool:
    """A name NER calls an organisation, set off by a person's occupation, that starts
    with a given name ("Deb Kolar, a leader of Denver Families United,") or takes the
    relative pronoun of people ("Podesta, who is now chairman of the campaign,")."""
    given = len(ent) >= 2 and name_gender(ent[0].text) is not None
    who = ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who"
    if not (given or who):
        return False
    role = appositive_after(doc, ent.end)
    return role is not None and is_occupation(role_head(list(role)))


def build_entity_index(doc: Doc) -> EntityIndex:
    index = EntityIndex()
    for span in person_spans(doc):
        entity = index.add_person(list(span), span.start_char)
        if entity is not None:
            add_person_roles(doc, span, entity)
    for ent in doc_ents(doc):
        if ent.label_ == "ORG" and (_titled_as_a_person(ent) or _described_as_a_person(doc, ent)):
            entity = index.add_person(list(ent), ent.start_char)  # `councillor Ines Marlow`, read as an ORG
            if entity is not None:
                add_person_roles(doc, ent, entity)
            continue
        if ent.label_ in ORG_LABELS and ent.label_ != "NORP":
            known = index.person(surname_key(ent.text), ent.start_char)
            if known is not None and len(ent) <= 2:
                known.positions.append(ent.start_char)
                continue
            entity = index.add_org(ent.text, ent.start_char)
            if entity is not None:
                role = appositive_after(doc, ent.end)
                if role is not None:
                    entity.descriptions.update(role.text.lower().split())
                _add_appositive_heads(doc, ent, entity)
    for entity in index.people.values():
        if entity.gender is None and len(entity.name.split()) > 1:
            entity.gender = name_gender(entity.name.split()[0])
    return index


def _add_appositive_heads(doc: Doc, ent: Span, entity: Entity) -> None:
    """ "Kataib Hezbollah, the militia blamed for ..." teaches that it is "the militia";
    a name described as a militia, group or party is an organisation, whatever NER said."""
    if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ in ARTICLES:
        for token in doc[ent.end + 2 : ent.end + 6]:
            if token.pos_ == "NOUN" and token.dep_ != "compound":  # "the campaign manager" is a manager
                entity.descriptions.add(token.lower_)
                if token.lower_ in ORG_DESCRIPTIONS:
                    entity.kind = SpeakerKind.ORGANIZATION
                break
    if entity.kind is SpeakerKind.ORGANIZATION:
        description = org_description_after(doc, ent.end)  # what it is: its role
        if description is not None:
            entity.add_role(description, ent.start)


def _strip_rank_tail(tokens: list[Token]) -> list[Token]:
    """ "Chairman of the Joint Chiefs of Staff Army Gen." → "Chairman of the Joint Chiefs of
    Staff"; a title that is only a rank stays as it is, and so does an office WordNet names
    whose last word is a rank ("shadow attorney general") or a hyphenated one ending in a
    rank ("Secretary-General"), or one whose rank follows no other role ("England captain")."""
    end = len(tokens)
    while end > 0 and (tokens[end - 1].lower_ in RANKS or tokens[end - 1].lower_ in SERVICE_WORDS):
        before, rank = (tokens[end - 2] if end >= 2 else None), tokens[end - 1]
        if before is not None and (
            f"{before.lower_} {rank.lower_}" in person_nouns()
            or (before.text == "-" and not before.whitespace_)
            or (rank.lower_ in POSTPOSITIVE_RANKS and is_occupation(before))
        ):
            break  # a rank that ends an office: "attorney general", "Secretary-General"
        end -= 1
    sole_rank = end == len(tokens) - 1 and tokens[end].lower_ in RANKS and not tokens[end].text.endswith(".")
    if end == 0 or (sole_rank and not any(is_role_head(t) for t in tokens[:end])):
        return tokens  # a rank after a team or a country is the office: "England captain"
    start = 0
    while start < end - 1 and tokens[start].lower_ == "the":
        start += 1
    return tokens[start:end]
