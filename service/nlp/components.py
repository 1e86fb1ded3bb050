"""The spaCy components of the quote pipeline, registered with `@Language.factory`.

- `quotation_marks`: finds quoted stretches from the raw text (`doc._.quoted_spans`);
- `speaker_entities`: people and organisations with their roles (`doc._.entity_index`);
- `quote_attribution`: quotations, reported speech and speakers (`doc._.extraction`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attribute import extract
from .doccache import doc_text
from .marks import find_quoted_spans
from .names import build_entity_index

Doc.set_extension("quoted_spans", default=None, force=True)
Doc.set_extension("entity_index", default=None, force=True)
Doc.set_extension("extraction", default=None, force=True)


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
        quoted = doc._.quoted_spans if doc._.quoted_spans is not None else find_quoted_spans(doc_text(doc))
        index = doc._.entity_index if doc._.entity_index is not None else build_entity_index(doc)
        doc._.extraction = extract(doc, quoted, index)
        return doc


@Language.factory("quotation_marks")
def make_quotation_marks(nlp: Language, name: str) -> QuotationMarks:
    return QuotationMarks()


@Language.factory("speaker_entities", requires=["doc.ents", "token.dep"])
def make_speaker_entities(nlp: Language, name: str) -> SpeakerEntities:
    return SpeakerEntities()


@Language.factory("quote_attribution", requires=["token.dep", "token.lemma", "doc.ents"])
def make_quote_attribution(nlp: Language, name: str) -> QuoteAttribution:
    return QuoteAttribution()
