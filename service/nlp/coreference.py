"""Coreference: the one place that decides which entity each attributing mention is.

Names (with first-name and surname variants), pronouns (he/she by the gender the text
shows, they/it by number and kind), relative pronouns and descriptions ("the senator",
"the company") are resolved by `resolve.SpeakerResolver`, in document order so that "he"
can be the latest earlier speaker; a quote without a cue of its own then takes the
speaker of the quote it continues (`rules/continuation.py`).  Last, the lead's unnamed
source is the person the next paragraph names (`..., a Labour backbencher has said.` then
`Derek Wyatt said ...`), as news writing introduces a source in its second paragraph.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .attribute import Attributions
from .lexicon import ANONYMITY_MARKERS, SINGULAR_INDEFINITE_DETERMINERS
from .names import Entity, EntityIndex
from .records import SpeakerKind
from .resolve import SpeakerResolver
from .rules.base import Candidate
from .rules.continuation import (
    attribute_headline_quotes,
    inherit_from_previous_quote,
    inherit_from_reported_speech,
)


def resolve_speakers(
    doc: Doc, found: Attributions, index: EntityIndex, common_words: frozenset[str] = frozenset()
) -> None:
    """Give every candidate of `found` the entity its mention names (in place);
    `common_words` are English words, never read as a name from a label alone."""
    resolver = SpeakerResolver(index, found.inside_quote, common_words)
    for item in found.candidates:
        if item.attribution is not None and item.attribution.mention is not None:
            item.entity = resolver.resolve(item.attribution.antecedent or item.attribution.mention)
            if item.entity is not None:
                resolver.remember(item.attribution.mention.start_char, item.entity)
    inherit_from_previous_quote(found.candidates, doc, found.paragraphs)
    inherit_from_reported_speech(found.candidates, doc, found.paragraphs)
    attribute_headline_quotes(found.candidates, doc, found.paragraphs)
    name_the_lead_source(found, index)


# How many paragraphs from the top (a headline line, then the lead) an unnamed source
# named in the next paragraph may stand in.
LEAD_PARAGRAPHS = 3


def name_the_lead_source(found: Attributions, index: EntityIndex) -> None:
    """`The council must act, a Green councillor has said.` then, opening the next
    paragraph, `Maya Hollis said ...`: the councillor is Hollis, when the lead does not say
    the source is anonymous and Hollis is new to the story there (in place)."""
    named = {id(e) for e in [*index.people.values(), *index.orgs.values()]}
    paragraphs = found.paragraphs
    for n, (start, end) in enumerate(paragraphs[: min(LEAD_PARAGRAPHS, len(paragraphs) - 1)]):
        unnamed = _unnamed_source_in(found.candidates, start, end, named)
        person = _new_speaker_opening(found.candidates, paragraphs[n + 1], named) if unnamed else None
        if unnamed is None or person is None:
            continue
        for item in found.candidates:
            if item.entity is unnamed:
                item.entity = person
        person.adopt_offices(unnamed)
        return


def _unnamed_source_in(candidates: list[Candidate], start: int, end: int, named: set[int]) -> Entity | None:
    """The one person described as `a ...` (not as anonymous) who speaks in this paragraph."""
    for item in candidates:
        mention = item.attribution.mention if item.attribution else None
        if mention is None or item.entity is None or not start <= mention.start_char < end:
            continue
        sentence = mention.sent.text.lower()
        if (
            id(item.entity) not in named
            and item.entity.kind in {SpeakerKind.ANONYMOUS, SpeakerKind.PERSON}
            and mention[0].lower_ in SINGULAR_INDEFINITE_DETERMINERS
            and _perfect(item.attribution.cue)
            and not any(marker in sentence for marker in ANONYMITY_MARKERS)
        ):
            return item.entity
    return None


def _perfect(cue: Span | None) -> bool:
    """`has said`, `have warned`: the lead's tense, which the story then tells in the past."""
    verb = cue.root if cue is not None else None
    return verb is not None and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _new_speaker_opening(candidates: list[Candidate], paragraph: tuple[int, int], named: set[int]) -> Entity | None:
    """The named person who speaks in the first sentence of `paragraph`, when the story
    names them there for the first time."""
    start, end = paragraph
    for item in candidates:
        mention = item.attribution.mention if item.attribution else None
        if mention is None or not start <= mention.start_char < end:
            continue
        first_sentence = mention.doc.char_span(start, end, alignment_mode="expand")
        if first_sentence is None or mention.sent.start != next(iter(first_sentence.sents)).start:
            return None
        entity = item.entity
        if entity is None or id(entity) not in named or entity.kind is not SpeakerKind.PERSON:
            return None
        return entity if min(entity.positions, default=start) >= start else None
    return None
