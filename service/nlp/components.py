"""The spaCy components of the quote pipeline, registered with `@Language.factory`, in
the order they run:

- `paragraph_breaks`, before the model's parser: a paragraph break ends a sentence (a
  headline is not the subject of the lead's verb);
- `quotation_marks`: finds quoted stretches from the raw text (`doc._.quoted_spans`);
- `speaker_entities`: people and organisations with their roles (`doc._.entity_index`);
- `quote_attribution`: quotations and reported speech with the words that attribute
  them (`doc._.attributions`);
- `speaker_coreference`: the entity each attributing mention names (in place);
- `quote_records`: the records the API returns (`doc._.extraction`).

Each component computes what an earlier one would have set if it is missing, so a
pipeline without one still answers.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .attribute import Attributions, attributions, extraction
from .coreference import resolve_speakers
from .doccache import doc_text
from .marks import PARAGRAPH_BREAK_RE, find_quoted_spans
from .names import EntityIndex, build_entity_index

Doc.set_extension("quoted_spans", default=None, force=True)
Doc.set_extension("entity_index", default=None, force=True)
Doc.set_extension("attributions", default=None, force=True)
Doc.set_extension("speakers_resolved", default=False, force=True)
Doc.set_extension("extraction", default=None, force=True)


def _entity_index(doc: Doc) -> EntityIndex:
    if doc._.entity_index is None:
        doc._.entity_index = build_entity_index(doc)
    return doc._.entity_index


def _attributions(doc: Doc) -> Attributions:
    if doc._.attributions is None:
        quoted = doc._.quoted_spans if doc._.quoted_spans is not None else find_quoted_spans(doc_text(doc))
        doc._.attributions = attributions(doc, quoted, _entity_index(doc))
    return doc._.attributions


class ParagraphBreaks:
    """Only blank lines: a text without any may be hard-wrapped, its line breaks mid-sentence.
    A wire dateline that opens a paragraph (`LONDON (Reuters) -`) is no part of its sentence."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        paragraphs = [0, *(match.end() for match in PARAGRAPH_BREAK_RE.finditer(text))]
        datelines = (DATELINE_RE.match(text, start) for start in paragraphs)
        starts = iter(sorted({*paragraphs[1:], *(m.end() for m in datelines if m is not None)}))
        start = next(starts, None)
        for token in doc:
            while start is not None and token.idx >= start:
                if not token.is_space:
                    token.is_sent_start = True
                    start = next(starts, None)
                else:
                    break
        return doc


# A wire dateline: a place in capitals, perhaps the agency in brackets, then a dash.
DATELINE_RE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3},?(?: [A-Z][a-z]+\.?){0,3}(?: \([^()\n]{1,40}\))? (?:--|[-–—]) "
)


class QuotationMarks:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quoted_spans = find_quoted_spans(doc_text(doc))
        return doc


class SpeakerEntities:
    def __call__(self, doc: Doc) -> Doc:
        doc._.entity_index = build_entity_index(doc)
        return doc


class QuoteAttribution:
    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = None
        _attributions(doc)
        doc._.speakers_resolved = False
        return doc


class SpeakerCoreference:
    def __init__(self, common_words: frozenset[str] = frozenset()):
        self.common_words = common_words

    def __call__(self, doc: Doc) -> Doc:
        resolve_speakers(doc, _attributions(doc), _entity_index(doc), self.common_words)
        doc._.speakers_resolved = True
        return doc


class QuoteRecords:
    def __call__(self, doc: Doc) -> Doc:
        found = _attributions(doc)
        if not doc._.speakers_resolved:
            resolve_speakers(doc, found, _entity_index(doc))
        doc._.extraction = extraction(doc, found)
        return doc


@Language.factory("paragraph_breaks")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory("quotation_marks")
def make_quotation_marks(nlp: Language, name: str) -> QuotationMarks:
    return QuotationMarks()


@Language.factory("speaker_entities", requires=["doc.ents", "token.dep"])
def make_speaker_entities(nlp: Language, name: str) -> SpeakerEntities:
    return SpeakerEntities()


@Language.factory("quote_attribution", requires=["token.dep", "token.lemma", "doc.ents"])
def make_quote_attribution(nlp: Language, name: str) -> QuoteAttribution:
    return QuoteAttribution()


@Language.factory("speaker_coreference", requires=["token.dep", "doc.ents"])
def make_speaker_coreference(nlp: Language, name: str) -> SpeakerCoreference:
    return SpeakerCoreference(model_words(nlp))


def model_words(nlp: Language) -> frozenset[str]:
    """The words of the model's lemmatizer index (WordNet's, shipped with the model): an
    English word, not a name.  Empty for a model without one."""
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None) or getattr(getattr(pipe, "lemmatizer", None), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            return frozenset(word for key in table for word in table[key])
    return frozenset()


@Language.factory("quote_records")
def make_quote_records(nlp: Language, name: str) -> QuoteRecords:
    return QuoteRecords()
