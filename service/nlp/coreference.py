"""Coreference: the one place that decides which entity each attributing mention is.

Names (with first-name and surname variants), pronouns (he/she by the gender the text
shows, they/it by number and kind), relative pronouns and descriptions ("the senator",
"the company") are resolved by `resolve.SpeakerResolver`, in document order so that "he"
can be the latest earlier speaker; a quote without a cue of its own then takes the
speaker of the quote it continues (`rules/continuation.py`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .attribute import Attributions
from .names import EntityIndex
from .resolve import SpeakerResolver
from .rules.continuation import (
    attribute_headline_quotes,
    inherit_from_previous_quote,
    inherit_from_reported_speech,
)


def resolve_speakers(doc: Doc, found: Attributions, index: EntityIndex) -> None:
    """Give every candidate of `found` the entity its mention names (in place)."""
    resolver = SpeakerResolver(index, found.inside_quote)
    for item in found.candidates:
        if item.attribution is not None and item.attribution.mention is not None:
            item.entity = resolver.resolve(item.attribution.antecedent or item.attribution.mention)
            if item.entity is not None:
                resolver.remember(item.attribution.mention.start_char, item.entity)
    inherit_from_previous_quote(found.candidates, doc, found.paragraphs)
    inherit_from_reported_speech(found.candidates, doc, found.paragraphs)
    attribute_headline_quotes(found.candidates, doc, found.paragraphs)
