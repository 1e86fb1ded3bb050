"""`FastAttributeRuler` and `CachedLemmas` (service/nlp/fastpipes.py) must annotate exactly
as the model's own attribute ruler and lemmatizer: compared here token by token, and
answer by answer, with a pipeline loaded with `fast_pipes=False`."""

from __future__ import annotations

import pytest

from service.config import Config
from service.nlp.fastpipes import CachedLemmas, FastAttributeRuler, install_fast_attribute_ruler
from service.nlp.pipeline import load_pipeline
from service.response import response_body

TEXTS = [
    "“We will appeal the ruling,” Mayor Ann Lee said on Tuesday. Officials said the strikes were defensive.",
    # The ruler's multi-token exceptions and the words its IN / NOT_IN / REGEX rules name.
    "Ain't nobody gonna stop us, y'all. Let's go, c'mon. We gotta win. Y' all know it isn't over, ain't it?",
    "There is a plan. There's another. There are two, there were three, and there was none.",
    "I'd say that, because if it's true, whether or not he's right, though unless... 'cause I won't.",
    "He didn't, she doesn't, they don't, we haven't; nt, n't and n’t are all negations.",
    "Spaces  between\twords\n\n and   \u00a0 odd\u2009ones; an emoji 😀, a dash — and “smart” ‘quotes’.",
    "The senators' aides told reporters the bill's sponsors were meeting, according to a statement.",
    "",
    "   ",
    "A",
    "Said the president: “No.” Says who? Saying, said, says, told, tells, telling, claimed, claims.",
]

ATTRS = ("tag_", "pos_", "lemma_", "dep_", "ent_type_", "ent_iob_")


@pytest.fixture(scope="module")
def reference():
    return load_pipeline(Config.SPACY_MODEL, fast_pipes=False)


def test_the_fast_pipes_are_in_place(nlp, reference):
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmas)
    assert nlp.pipe_names == reference.pipe_names


def annotations(doc):
    return [(*(getattr(t, a) for a in ATTRS), str(t.morph), t.morph.key, t.head.i) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_is_annotated_as_by_the_model_pipes(nlp, reference, text):
    fast, slow = nlp(text), reference(text)
    assert annotations(fast) == annotations(slow)
    assert response_body(nlp, fast, None, 0.0) == response_body(reference, slow, None, 0.0)


def test_same_annotations_through_pipe_with_cold_and_warm_caches(nlp, reference):
    nlp.get_pipe("attribute_ruler").clear()
    nlp.get_pipe("lemmatizer").clear()
    for _ in range(2):  # cold, then every lookup cached
        for fast, slow in zip(nlp.pipe(TEXTS, batch_size=4), reference.pipe(TEXTS, batch_size=4)):
            assert annotations(fast) == annotations(slow)
    assert nlp.get_pipe("attribute_ruler").key_cache
    assert nlp.get_pipe("lemmatizer").cache


def test_an_unknown_pattern_form_keeps_the_model_ruler(nlp):
    from spacy.lang.en import English

    blank = English()
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"TEXT": {"FUZZY": "hello"}}]], {"POS": "INTJ"})
    install_fast_attribute_ruler(blank)
    assert type(blank.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    ruler.add([[{"LOWER": "hi"}]], {"POS": "INTJ"})
    with pytest.raises(ValueError):
        FastAttributeRuler().build(ruler)


def test_the_pipeline_still_pickles(nlp):
    import pickle

    copy = pickle.loads(pickle.dumps(nlp))
    assert annotations(copy(TEXTS[1])) == annotations(nlp(TEXTS[1]))


def test_the_fast_pipes_are_left_out_on_an_unverified_spacy():
    from service.nlp.fastpipes import verified_spacy

    assert verified_spacy("3.8.0") and verified_spacy("3.8.11")
    assert not verified_spacy("3.9.0") and not verified_spacy("3.80.1") and not verified_spacy("4.0.0")
