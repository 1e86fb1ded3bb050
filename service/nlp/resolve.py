"""Turn the words that name a speaker into one speaker per real entity.

"U.S. Defense Secretary Mark Esper", "Esper" and "he" become one speaker; "the
department" becomes the Defense Department the document named earlier; "a U.S.
official" is an anonymous source and "Defense officials" a group.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .doccache import ents_within
from .lexicon import (
    AGE_UNITS,
    ANONYMITY_MARKERS,
    ANONYMOUS_DETERMINERS,
    ANONYMOUS_HEADS,
    ANONYMOUS_PLURAL_DETERMINERS,
    ARTICLES,
    CONTINUING_CUES,
    CONTRASTIVE_DETERMINERS,
    DEFINITE_DETERMINERS,
    GENERIC_ORG_HEADS,
    GROUP_NOUNS,
    HONORIFICS,
    PERSONAL_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    UNNAMED_SOURCE_HEADS,
)
from .names import Entity, EntityIndex, Role, add_person_roles, clean_name_tokens, given_key, org_key, surname_key
from .parse import NOMINAL_SUBJECT_DEPS, NOUN_POS, ORG_ENT_LABELS, PLURAL_TAGS, is_age, mention_span
from .records import SpeakerKind
from .resources import demonyms, name_gender, org_nouns, person_noun
from .roles import is_occupation, is_role_head, role_head, role_phrase


class SpeakerResolver:
    """Resolves mentions in document order, remembering who spoke last."""

    def __init__(
        self,
        index: EntityIndex,
        inside_quote: Callable[[int], bool] = lambda char: False,
        common_words: frozenset[str] = frozenset(),
    ):
        self.index = index
        self.common_words = common_words
        # A name inside someone's quotation is who they talk about, never who a pronoun
        # of the writer's stands for.
        self.inside_quote = inside_quote
        self.groups: dict[str, Entity] = {}
        self.history: list[tuple[int, Entity]] = []

    def remember(self, position: int, entity: Entity) -> None:
        self.history.append((position, entity))

    def resolve(self, mention: Span) -> Entity | None:
        root = mention.root
        word = mention.text.lower()
        if len(mention) == 1 and word in PERSONAL_PRONOUNS:
            return self._pronoun(word, root, mention.start_char)
        issuer = _issuer_of(root)
        if issuer is not None:  # "a statement from the club" is the club's
            span = mention_span(issuer)
            return self.resolve(span[:-1] if len(span) > 1 and span[-1].dep_ == "case" else span)
        named = _appositive_name(root)
        if named is not None:  # "the company, Northwind Ltd.," is Northwind Ltd.
            # (a name described by a person noun is a person's, whatever NER said)
            if _first_of_all_a_person(root):
                entity = self._person(named) or self.index.add_person(list(named), named.start_char)
            else:
                entity = self.resolve(named)
            if entity is not None:
                _add_description_role(entity, mention)
                return entity
        if is_age(root):  # "the 23-year-old" stands for a person as "he" does
            return self._aged(mention, root)
        if _definite_description(mention) or _capitalised_description(mention):
            return self._description(mention, root)  # "The MP for Easton", "one Iowa Democrat"
        mention = _whole_entity(mention)
        person = self._person(mention)
        if person is not None:
            return person
        org = self._organization(mention)
        if org is not None:
            return org
        if (root.pos_ == "PROPN" and not root.is_lower) or _capitalised_noun(root):
            return self._proper_name(mention)
        described = self._description(mention, root) if root.pos_ in NOUN_POS else None
        # (a lower-case "senator" the tagger took for a name is a description too)
        if described is None and _a_label(mention, self.common_words):
            return self._proper_name(mention)
        return described

    def _aged(self, mention: Span, root: Token) -> Entity | None:
        """The person named just before ("Tom Reed missed. "…," the 23-year-old said"),
        else a speaker of their own."""
        found = self._person_without_a_role_before(mention, roles_matter=False)
        return found if found is not None else self._own_speaker(mention, SpeakerKind.PERSON)

    def _pronoun(self, word: str, token: Token, position: int) -> Entity | None:
        kind = PERSONAL_PRONOUNS[word]
        if kind == "relative":
            antecedent = token.head.head if token.head.dep_ == "relcl" else None
            if antecedent is not None and antecedent.i < token.i:
                return self.resolve(antecedent.doc[antecedent.i : antecedent.i + 1])
            return None
        if kind in {"male", "female"}:
            fits = lambda e: _one_person(e) and e.gender in {None, kind}  # noqa: E731
            if token.head.lemma_.lower() in CONTINUING_CUES:  # `..., he added`: who spoke last
                return self._recent(position, fits) or self._subject_before(token, fits)
            return self._subject_before(token, fits) or self._recent(position, fits)
        if kind == "plural":
            fits = lambda e: e.kind in {SpeakerKind.GROUP, SpeakerKind.ORGANIZATION, SpeakerKind.ANONYMOUS}  # noqa: E731
            plural = lambda t: t.tag_ in PLURAL_TAGS  # noqa: E731
            return self._subject_entity_before(token, fits, plural) or self._recent(position, fits)
        if kind == "neuter":
            fits = lambda e: e.kind is SpeakerKind.ORGANIZATION  # noqa: E731
            return self._subject_entity_before(token, fits, lambda t: t.ent_type_ == "ORG") or self._recent(
                position, fits
            )
        return None

    def _subject_before(self, pronoun: Token, fits) -> Entity | None:
        """A named person who is a subject just before the pronoun (`While Silva praises
        the plan, she doubts ...`, `Silva met reporters. She said ...`)."""
        for token in _subjects_before(pronoun, self.inside_quote):
            if token.pos_ == "PROPN" and not self.inside_quote(token.idx):
                entity = self._person(token.doc[token.i : token.i + 1]) or self._unrecognised_person(token)
                if entity is not None and fits(entity):
                    return entity
        return None

    def _unrecognised_person(self, subject: Token) -> Entity | None:
        """A subject NER missed that the text shows is a person's name (`Coach Ana Ruiz
        praised her players`: a given name before the surname)."""
        mention = mention_span(subject)
        if not any(t.i < subject.i and t.pos_ == "PROPN" and name_gender(t.text) for t in mention):
            return None
        entity = self._proper_name(mention)
        return entity if entity is not None and entity.kind is SpeakerKind.PERSON else None

    def _subject_entity_before(self, pronoun: Token, fits, shaped) -> Entity | None:
        """A subject of the right shape (plural for they, an organisation for it) just
        before the pronoun (`Harbour workers met on Monday. They said ...`)."""
        for token in _subjects_before(pronoun, self.inside_quote):
            if token.dep_ == "nsubj" and shaped(token):
                entity = self.resolve(mention_span(token))
                if entity is not None and fits(entity):
                    return entity
        return None

    def _recent(self, position: int, fits) -> Entity | None:
        """The latest earlier speaker that fits; failing that, the latest entity of the
        index that fits and was mentioned before."""
        for _, entity in reversed([h for h in self.history if h[0] < position]):
            if fits(entity):
                return entity
        best: tuple[int, Entity] | None = None
        for entity in [*self.index.people.values(), *self.index.orgs.values()]:
            seen = [p for p in entity.positions if p < position and not self.inside_quote(p)]
            if seen and fits(entity) and (best is None or max(seen) > best[0]):
                best = (max(seen), entity)
        return best[1] if best else None

    def _person(self, mention: Span) -> Entity | None:
        root = mention.root
        tokens = [
            t
            for t in mention
            if (t.pos_ == "PROPN" or t.ent_type_ == "PERSON" or t.is_title) and (t.i == root.i or t.head.i == root.i)
        ]
        if len(tokens) >= 2:
            full = self.index.person(given_key(" ".join(t.text for t in tokens)))
            if full is not None:
                return full
        for token in reversed(tokens):
            entity = self.index.person(surname_key(token.text), mention.start_char)
            if entity is not None:
                return entity
        return None

    def _organization(self, mention: Span) -> Entity | None:
        for ent in ents_within(mention):
            if ent.label_ in ORG_ENT_LABELS and ent.start <= mention.root.i < ent.end:
                entity = self.index.org(org_key(ent.text))
                if entity is not None:
                    return entity
        return None

    def _proper_name(self, mention: Span) -> Entity | None:
        label = _a_label(mention, self.common_words)
        tokens = clean_name_tokens(
            [
                t
                for t in mention
                if t.pos_ == "PROPN" or t.is_quote or _capitalised_noun(t) or (label and (t.is_title or t.is_upper))
            ]
        )
        if not tokens:
            return None
        if not ents_within(mention) and (len(tokens) >= 2 or _said_of_a_person(mention) or not _org_like(tokens)):
            person = self.index.add_person(tokens, mention.start_char)
            if person is not None:  # the roles NER would have let the index read ("Mayor Ana Ruiz")
                add_person_roles(mention.doc, mention.doc[tokens[0].i : tokens[-1].i + 1], person)
            return person
        return self.index.add_org(mention.text, mention.start_char)

    def _description(self, mention: Span, head: Token) -> Entity | None:
        determiner = next((t.lower_ for t in mention if t.dep_ in {"det", "nummod", "amod"} and t.i < head.i), "")
        first = mention[0].lower_
        if first in DEFINITE_DETERMINERS:
            found = self._described_before(mention, head)
            if found is not None:
                _add_description_role(found, mention)
                return found
        kind = self._source_kind(mention, head, determiner or first)
        if kind is None:
            return None
        entity = self._own_speaker(mention, kind)
        entity.descriptions.add(head.lemma_.lower())
        _add_description_role(entity, mention)
        return entity

    def _own_speaker(self, mention: Span, kind: SpeakerKind) -> Entity:
        """The speaker a description that points back to nobody stands for on its own
        ("a senior official", "the 23-year-old"), one per wording, named without its article."""
        key = org_key(mention.text)
        entity = self.groups.get(key)
        if entity is None:
            name = mention[1:].text if mention[0].lower_ in ARTICLES and len(mention) > 1 else mention.text
            plural = mention.root.tag_ in PLURAL_TAGS
            entity = self.groups[key] = Entity(key, name, kind, first_seen=mention.start_char, plural=plural)
        entity.positions.append(mention.start_char)
        return entity

    def _described_before(self, mention: Span, head: Token) -> Entity | None:
        """Who a definite description points back to: an entity whose roles or name hold
        its head noun ("the senator" for Sen. Ana Silva), the group it repeats ("the
        aides" after "two aides familiar with the talks"), the latest organisation for
        "the company", or a person just named whose role the text has not said ("Jo Marsh
        ... said the 74-year-old comedian")."""
        at = mention.start_char
        if head.tag_ in PLURAL_TAGS:
            return self._group_before(head, at)
        of_a_person = is_role_head(head)  # "the Wisconsin Republican" is no Iowa Republican Party
        for noun in [head, *[t for t in mention if t.pos_ == "NOUN" and t is not head]]:
            found = self.index.find_by_description(noun.lower_, at, people_only=of_a_person)
            if found is not None:
                return found
        if _an_organisation(head):
            return self._recent(at, lambda e: e.kind is SpeakerKind.ORGANIZATION)
        if head.text in demonyms():  # stands for a person as "he" does
            fits = lambda e: e.kind is SpeakerKind.PERSON  # noqa: E731
            return self._subject_before(head, fits) or self._recent(at, fits)
        if is_role_head(head):
            return self._person_without_a_role_before(mention)
        return None

    def _group_before(self, head: Token, at: int) -> Entity | None:
        same_head = [e for e in self.groups.values() if e.first_seen < at and head.lemma_.lower() in e.descriptions]
        return max(same_head, key=lambda e: max(e.positions), default=None)

    def _person_without_a_role_before(self, mention: Span, roles_matter: bool = True) -> Entity | None:
        """The person named last in this sentence or the one before, when no role of
        theirs is known that the description would contradict."""
        sentence = mention.sent
        start = sentence.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        best: tuple[int, Entity] | None = None
        for entity in self.index.people.values():
            seen = [p for p in entity.positions if start <= p < mention.start_char and not self.inside_quote(p)]
            if seen and (best is None or max(seen) > best[0]):
                best = (max(seen), entity)
        if best is None or (roles_matter and any(_is_occupational(mention.doc, role) for role in best[1].roles)):
            return None
        return best[1]

    @staticmethod
    def _source_kind(mention: Span, head: Token, determiner: str) -> SpeakerKind | None:
        sentence = mention.sent.text.lower()
        anonymous_marked = any(marker in sentence for marker in ANONYMITY_MARKERS)
        word = head.lower_
        plural = head.tag_ in PLURAL_TAGS
        if word in ANONYMOUS_HEADS and (
            anonymous_marked or determiner in ANONYMOUS_DETERMINERS or word in UNNAMED_SOURCE_HEADS
        ):
            return SpeakerKind.ANONYMOUS
        if (
            determiner in ANONYMOUS_DETERMINERS
            and (word in ROLE_NOUNS or word in GROUP_NOUNS or plural or is_role_head(head) or head.text in demonyms())
            and determiner not in CONTRASTIVE_DETERMINERS
        ):
            return (
                SpeakerKind.ANONYMOUS
                if (anonymous_marked or not plural or determiner in ANONYMOUS_PLURAL_DETERMINERS)
                else SpeakerKind.GROUP
            )
        if plural and (word in GROUP_NOUNS or word in ROLE_NOUNS or word.endswith("s")):
            return SpeakerKind.GROUP
        if word in ROLE_NOUNS or is_role_head(head) or head.text in demonyms():
            return SpeakerKind.PERSON
        if _an_organisation(head):
            return SpeakerKind.ORGANIZATION
        return None


def _one_person(entity: Entity) -> bool:
    """Who "he" or "she" can stand for: a person, named or not ("one dealer")."""
    return entity.kind is SpeakerKind.PERSON or (entity.kind is SpeakerKind.ANONYMOUS and not entity.plural)


def _is_occupational(doc: Doc, role: Role) -> bool:
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
    return span is not None and is_occupation(role_head(list(span)))


def _without_age(tokens: list[Token]) -> list[Token]:
    """ "the 58-year-old engineer" is an engineer: an age is no part of a role."""
    for n, token in enumerate(tokens):
        if token.lower_ == "old" and n >= 2 and tokens[n - 1].text == "-" and tokens[n - 2].lower_ in AGE_UNITS:
            return tokens[n + 1 :]
    return tokens


def _whole_entity(mention: Span) -> Span:
    """One word of a named entity stands for all of it (`Marlow` of `Ines Marlow`, the
    antecedent of a relative pronoun)."""
    if len(mention) != 1 or not mention[0].ent_type_:
        return mention
    for ent in ents_within(mention.doc[max(0, mention.start - 6) : mention.end + 6]):
        if ent.start <= mention.start < ent.end:
            return ent
    return mention


def _an_organisation(head: Token) -> bool:
    """ "the department", "the club", "the charity": a noun first of all an organisation."""
    return head.lower_ in GENERIC_ORG_HEADS or head.lemma_.lower() in org_nouns()


def _issuer_of(head: Token) -> Token | None:
    """Who issued a statement, letter or post that is named as the source: `a statement
    from the club`, `a letter by the minister`, `the club's statement`, `a statement
    released by the club`."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in NOUN_POS:
            return child
        if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
            return next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in NOUN_POS), None)
        if child.dep_ == "acl" and child.tag_ == "VBN":  # `a statement released by Fox News`
            agent = next((g for g in child.children if g.dep_ == "agent"), None)
            issuer = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if issuer is not None and issuer.pos_ in NOUN_POS:
                return issuer
    return None


def _appositive_name(head: Token) -> Span | None:
    """The name set off after a description of its bearer ("the company, Northwind Ltd.,",
    "the senator, Ana Silva,"): the person or organisation entity an apposition of `head` is
    in, or a name NER missed that starts with a given name ("the club's manager, Ana Ruiz,")."""
    if head.pos_ != "NOUN" or not head.is_lower:
        return None
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i:
            continue
        if child.ent_type_ in {"PERSON", *ORG_ENT_LABELS}:
            named = _whole_entity(head.doc[child.i : child.i + 1])
            return named if named.label_ or len(named) > 1 else None
        name = head.doc[child.left_edge.i : child.i + 1]
        if len(name) >= 2 and all(t.pos_ == "PROPN" for t in name) and name_gender(name[0].text) is not None:
            return name if _first_of_all_a_person(head) else None
    return None


def _first_of_all_a_person(noun: Token) -> bool:
    """A noun whose most frequent sense in WordNet is a person ("senator", "hopeful"), not
    a body or a thing ("company", "regulator")."""
    entry = person_noun(noun.lemma_.lower()) or person_noun(noun.lower_)
    return entry is not None and "primary" in entry.flags


def _definite_description(mention: Span) -> bool:
    """`the` and a role or a demonym, capitalised or not: "The MP for Easton", "the
    Dutchman" describe a person; "The Guardian" is a name, and so is "The union's general
    secretary Ann Marsh", also when its head is the role or a surname that is a noun
    ("James Seller")."""
    root = mention.root
    if mention[0].lower_ not in DEFINITE_DETERMINERS:
        return False
    if root.text in demonyms():
        return True
    named = any(t.ent_type_ == "PERSON" and t.i >= root.i and not _inside_preposition(t, root) for t in mention)
    return is_role_head(root) and root.ent_type_ not in ORG_ENT_LABELS and not named


def _capitalised_description(mention: Span) -> bool:
    """A capitalised noun for people of a party or a place: "one Iowa Democrat", "a Texas
    Republican" describe an unnamed person, "New Hampshire Democrats" a group of them,
    not a party or a place."""
    root = mention.root
    if root.pos_ != "PROPN" or root.ent_type_ in {"PERSON", "ORG"} or not is_role_head(root):
        return False
    if root.tag_ in PLURAL_TAGS:
        return root.ent_type_ == "NORP"
    return mention[0].lower_ in ANONYMOUS_DETERMINERS and mention[0].dep_ in {"det", "nummod"}


def _inside_preposition(token: Token, root: Token) -> bool:
    """Whether `token` hangs from `root` through a preposition ("Easton" in "the MP for Easton")."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def _org_like(tokens: list[Token]) -> bool:
    """A one-word name NER left unlabelled reads as an organisation when written in
    capitals (`NATO`, `BBC`); otherwise (`"…," Ruiz fumed`) it is a person's."""
    return len(tokens) == 1 and tokens[0].is_upper and len(tokens[0].text) > 1


def _a_label(mention: Span, common_words: frozenset[str]) -> bool:
    """Capitalised words right before a colon (`Ortiz: We Will Rebuild`, a transcript's
    `BOULDUAN:`): a label that names its source, however the tagger read it; not when a
    word of it is an English word (`Wow:`, `LOOK:`) or a single letter (`Q:`, `A:`)."""
    doc = mention.doc
    before_colon = mention.end < len(doc) and doc[mention.end].text == ":"
    return before_colon and all(
        (t.is_title or t.is_upper) and len(t.text) > 1 and t.lower_ not in common_words for t in mention
    )


def _capitalised_noun(token: Token) -> bool:
    """A capitalised word the tagger took for a common noun or an auxiliary inside a
    sentence (`"Never again," Ruiz fumed.`, `"…," Will wrote.`): a name, unless it is a
    role ("Senator", "Striker")."""
    return token.pos_ in {"NOUN", "AUX"} and token.is_title and not token.is_sent_start and not is_role_head(token)


def _said_of_a_person(mention: Span) -> bool:
    """A name NER left unlabelled is a person's when the text says so: an age after it
    (`Smith, 45,`), or an honorific or a known given name in it."""
    doc = mention.doc
    after = doc[mention.end : mention.end + 3]
    aged = len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ","
    titled = mention.start > 0 and doc[mention.start - 1].lower_ in HONORIFICS
    return aged or titled or any(name_gender(t.text) is not None for t in mention)


def _add_description_role(entity: Entity, mention: Span) -> None:
    """A description is a role of whom it describes: "the 74-year-old comedian" says what
    the person named earlier is; "a spokesman for the council" what an unnamed source is."""
    if entity.kind is SpeakerKind.ORGANIZATION:
        return
    tokens = _without_age(list(mention))
    while tokens and (tokens[0].dep_ in {"det", "nummod"} or tokens[0].lower_ in ANONYMOUS_DETERMINERS):
        tokens = tokens[1:]  # "two aides familiar with the talks" are aides
    role = role_phrase(tokens, mention.root)
    if role is not None:
        entity.add_role(role, mention.start)


# How many sentences of a quotation a pronoun looks back over for its antecedent.
MAX_QUOTED_SENTENCES = 3


def _subjects_before(pronoun: Token, inside_quote: Callable[[int], bool]) -> list[Token]:
    """Subjects nearest first: those before the pronoun in its own sentence, then those
    of the main clauses of the sentence before, past sentences that are all quotation
    (`Rijkaard was critical. "There was a lot of talking. It is not good," he said.`)."""
    sentence = pronoun.sent
    candidates = [t for t in sentence if t.i < pronoun.i]
    before = sentence
    for _ in range(MAX_QUOTED_SENTENCES + 1):
        if before.start == 0:
            break
        before = pronoun.doc[before.start - 1].sent
        if not all(t.is_punct or t.is_space or inside_quote(t.idx) for t in before):
            mains = {before.root.i, *(c.i for c in before.root.children if c.dep_ == "conj")}
            candidates = [t for t in before if t.head.i in mains] + candidates
            break
    return [t for t in reversed(candidates) if t.dep_ in NOMINAL_SUBJECT_DEPS]
