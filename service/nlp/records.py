"""Plain records the extraction returns: no spaCy objects, no JSON.

The API edge turns these into JSON with marshmallow; the pipeline never does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class QuoteKind(StrEnum):
    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the input: `text == input[start:end]`."""

    text: str
    start: int
    end: int


@dataclass
class Speaker:
    id: str
    name: str
    kind: SpeakerKind
    role: str | None = None
    roles: list[str] = field(default_factory=list)
    role_mentions: list[TextSpan] = field(default_factory=list)
    mentions: list[TextSpan] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    confidence: float
    speaker: Speaker | None = None
    mention: TextSpan | None = None
    cue: TextSpan | None = None
    rule: str = "none"


@dataclass
class Extraction:
    quotes: list[Quote]
    speakers: list[Speaker]
