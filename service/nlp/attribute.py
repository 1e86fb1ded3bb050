"""Find every quotation and reported clause with the words that attribute it, and turn
them, once their speakers are resolved (`coreference.py`), into an `Extraction`.

Pure: a parsed `Doc` in, records out.  Two steps, each a spaCy component: `attributions`
runs the rules over the document (`Attributions`), `extraction` makes the records.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .confidence import confidence_for
from .doccache import doc_text
from .lexicon import LINK_LINE_PREFIXES
from .marks import SENTENCE_END_RE, QuotedSpan, paragraph_bounds
from .names import EntityIndex
from .parse import QUOTE_CHARS
from .quotations import quotation_spans, quote_kind
from .records import Extraction, Quote, QuoteKind, Speaker, TextSpan
from .rules import QuoteContext, Rule, attribute_quote
from .rules.base import Candidate
from .rules.continuation import in_headline
from .rules.headlines import headline_claims
from .rules.reported import reported_clauses

MAX_UNATTRIBUTED_PARTIAL_WORDS = 4


def _text_span(span: Span | None) -> TextSpan | None:
    if span is None:
        return None
    return TextSpan(span.text, span.start_char, span.end_char)


class _Attributor:
    def __init__(self, doc: Doc, quoted: list[QuotedSpan], index: EntityIndex):
        self.doc = doc
        self.text = doc_text(doc)
        self.paragraphs = paragraph_bounds(doc_text(doc))
        self.quoted = quotation_spans(doc_text(doc), quoted)
        self.index = index
        self._content_starts = [q.start for q in self.quoted]

    def paragraph_end(self, quote: QuotedSpan) -> int:
        return self.paragraphs[quote.paragraph][1] if quote.paragraph < len(self.paragraphs) else len(self.text)

    def paragraph_start(self, quote: QuotedSpan) -> int:
        return self.paragraphs[quote.paragraph][0] if quote.paragraph < len(self.paragraphs) else 0

    def previous_paragraph_end(self, quote: QuotedSpan) -> int | None:
        return self.paragraphs[quote.paragraph - 1][1] if 0 < quote.paragraph <= len(self.paragraphs) else None

    def inside_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self._content_starts, char) - 1
        return i >= 0 and self.quoted[i].start <= char < self.quoted[i].end

    def context(self, n: int) -> QuoteContext:
        """What the finders may read around the `n`th quotation: its paragraph up to the
        next quotation after it, and back to its sentence's start or the quote before."""
        quote = self.quoted[n]
        nxt = self.quoted[n + 1] if n + 1 < len(self.quoted) else None
        after_limit = min(
            self.paragraph_end(quote),
            nxt.open_start if nxt and nxt.paragraph == quote.paragraph else len(self.text),
        )
        prev = self.quoted[n - 1] if n > 0 else None
        lower = self.paragraph_start(quote)
        if prev is not None and prev.paragraph == quote.paragraph:
            lower = prev.close_end
        sentence = None
        for match in SENTENCE_END_RE.finditer(self.text, lower, quote.open_start):
            sentence = match.end()
        return QuoteContext(
            doc=self.doc,
            quote=quote,
            after_limit=after_limit,
            before_limit=sentence if sentence is not None else lower,
            paragraph_start=self.paragraph_start(quote),
            previous_paragraph_end=self.previous_paragraph_end(quote),
            inside_quote=self.inside_quote,
        )

    def quote_items(self) -> list[Candidate]:
        items = []
        for n, quote in enumerate(self.quoted):
            kind = QuoteKind(quote_kind(self.text, quote))
            attribution = attribute_quote(self.context(n), kind)
            items.append(Candidate(quote.start, quote.end, kind, attribution, span=quote))
        return items

    def reported_items(self) -> list[Candidate]:
        items = []
        clauses = [*reported_clauses(self.doc, self.inside_quote), *headline_claims(self.doc, self.paragraphs)]
        for clause in clauses:
            if self.is_quoted_complement(clause.start, clause.end):
                continue
            if not _is_link_line(self.text, clause.start):
                start, end = self.around_quotes(clause.start, clause.end)
                items.append(Candidate(start, end, QuoteKind.INDIRECT, clause.attribution))
        return items

    def is_quoted_complement(self, start: int, end: int) -> bool:
        """`X said, "..."`: a clause that is nothing but a quotation is the quotation's,
        unless `that` introduces it (`X said that "..."` reports it)."""
        words = [i for i in range(start, end) if not self.text[i].isspace() and self.text[i] not in QUOTE_CHARS]
        if not words or not self.inside_quote(words[0]):
            return False
        before = self.text[:start].rstrip()
        # (a "that" inside the quotation is its own word: `Cruz says, "That is fair."`)
        return not (before.lower().endswith("that") and not self.inside_quote(len(before) - 4))

    def around_quotes(self, start: int, end: int) -> tuple[int, int]:
        """Widen a span that cuts a quotation so that it holds the quotation whole,
        marks included."""
        for quote in self.quoted:
            if quote.open_start < start < quote.close_end:
                start = quote.open_start
            if quote.open_start < end < quote.close_end:
                end = quote.close_end
        return start, end


def _is_link_line(text: str, position: int) -> bool:
    """A "Related: ..." line links another story; it reports nobody's speech."""
    line_start = text.rfind("\n", 0, position) + 1
    return text[line_start : line_start + 20].lstrip().lower().startswith(LINK_LINE_PREFIXES)


@dataclass
class Attributions:
    """What the rules found in a document, in document order, before the speakers are
    resolved: each `Candidate` has its attribution and, once resolved, its entity."""

    candidates: list[Candidate]
    paragraphs: list[tuple[int, int]]
    inside_quote: Callable[[int], bool]


def attributions(doc: Doc, quoted: list[QuotedSpan], index: EntityIndex) -> Attributions:
    """Every quotation and reported clause of `doc`, with the words that attribute it."""
    attributor = _Attributor(doc, quoted, index)
    items = attributor.quote_items() + attributor.reported_items()
    items.sort(key=lambda it: (it.start, it.kind is QuoteKind.INDIRECT))
    return Attributions(items, attributor.paragraphs, attributor.inside_quote)


def extraction(doc: Doc, found: Attributions) -> Extraction:
    """The records of the resolved attributions, without scare quotes (but a word quoted
    in a headline is a quotation whoever says it in the story)."""
    items = [
        it for it in found.candidates if _worth_returning(it, doc_text(doc)) or in_headline(doc, found.paragraphs, it)
    ]
    return _records(items, doc_text(doc))


def _worth_returning(item: Candidate, text: str) -> bool:
    """Scare quotes (a short partial quote nobody is said to have said) are dropped."""
    if item.kind is QuoteKind.PARTIAL and item.attribution is None:
        return len(text[item.start : item.end].split()) > MAX_UNATTRIBUTED_PARTIAL_WORDS
    return True


def _records(items: list[Candidate], text: str) -> Extraction:
    speakers: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    for n, item in enumerate(items, start=1):
        quote_id = f"q{n}"
        speaker = None
        if item.entity is not None:
            speaker = speakers.get(id(item.entity))
            if speaker is None:
                entity = item.entity
                speaker = Speaker(
                    id=f"s{len(speakers) + 1}",
                    name=entity.name,
                    kind=entity.kind,
                    role=entity.role,
                    roles=entity.role_texts,
                    role_mentions=entity.role_mentions,
                )
                speakers[id(item.entity)] = speaker
            speaker.quotes.append(quote_id)
        attribution = item.attribution
        mention = _text_span(attribution.mention) if attribution else None
        if speaker is not None and mention is not None and mention not in speaker.mentions:
            speaker.mentions.append(mention)
        rule = attribution.rule if attribution else Rule.NONE
        quotes.append(
            Quote(
                id=quote_id,
                text=text[item.start : item.end],
                start=item.start,
                end=item.end,
                kind=item.kind,
                confidence=confidence_for(rule, item.kind),
                speaker=speaker,
                mention=mention,
                cue=_text_span(attribution.cue) if attribution else None,
                rule=rule,
            )
        )
    return Extraction(quotes=quotes, speakers=list(speakers.values()))
