"""The lexicon (service/nlp/lexicon.py): every word list once, used, lower case, and
verb lists that hold lemmas."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from service.nlp import lexicon

SERVICE = Path(__file__).resolve().parent.parent / "service"
LEXICON_SOURCE = (SERVICE / "nlp" / "lexicon.py").read_text(encoding="utf-8")
VERB_LISTS = ("SPEECH_VERBS", "ATTITUDE_VERBS", "STANCE_OBJECT_VERBS", "ADDRESSEE_VERBS", "SAY_VERBS")
VERB_LISTS += ("ATTITUDE_ONLY", "NARRATION_ONLY_CUES")


def word_lists() -> dict[str, object]:
    return {name: value for name, value in vars(lexicon).items() if name.isupper()}


def entries(value) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(w for v in value.values() if not isinstance(v, str) for w in v)]
    return [w if isinstance(w, str) else " ".join(w) for w in value]


def test_words_refuses_a_word_written_twice():
    assert lexicon.words("say tell") == frozenset({"say", "tell"})
    with pytest.raises(ValueError, match="owner"):
        lexicon.words("owner chief owner")


def test_no_set_literal_in_the_lexicon_repeats_a_word():
    for node in ast.walk(ast.parse(LEXICON_SOURCE)):
        if isinstance(node, ast.Set):
            values = [ast.literal_eval(e) for e in node.elts]
            assert len(values) == len(set(values)), values
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "words":
            lexicon.words(ast.literal_eval(node.args[0]))  # raises on a repeat


def test_every_list_is_used_by_the_rules():
    others = "\n".join(p.read_text(encoding="utf-8") for p in SERVICE.rglob("*.py") if p.name != "lexicon.py")
    source_names = {n.id for n in ast.walk(ast.parse(others)) if isinstance(n, ast.Name)}
    lexicon_names = {n.id for n in ast.walk(ast.parse(LEXICON_SOURCE)) if isinstance(n, ast.Name)}
    unused = [name for name in word_lists() if name not in source_names and name not in lexicon_names]
    assert unused == []


@pytest.mark.parametrize("name", sorted(word_lists()))
def test_entries_are_lower_case(name):
    assert all(word == word.lower() for word in entries(word_lists()[name])), name


@pytest.mark.parametrize("name", VERB_LISTS)
def test_verb_lists_hold_lemmas(nlp, name):
    """Each entry is a base form in the model's own index of verb lemmas (the rules
    compare entries with `Token.lemma_`, so an inflected entry would never match)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer = getattr(lemmatizer, "lemmatizer", lemmatizer)  # the model's, under CachedLemmas
    verb_lemmas = lemmatizer.lookups.get_table("lemma_index")["verb"]
    assert [verb for verb in sorted(getattr(lexicon, name)) if verb not in verb_lemmas] == []


def test_an_inflected_form_is_not_a_lemma(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer = getattr(lemmatizer, "lemmatizer", lemmatizer)
    assert "said" not in lemmatizer.lookups.get_table("lemma_index")["verb"]
