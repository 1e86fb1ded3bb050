"""Cue before the quote (`rules/cue_before.py`): `X said: "…"`, `X said, "…"`, and any
finite verb ending the clause right before the quote (`CUE_BEFORE_POSITION`)."""

import pytest
from helpers import assert_attributed, quote_for

from service.nlp.rules import Rule

# (text, fragment of the quote, speaker name, rule, cue text)
CUE_BEFORE_THE_QUOTE = [
    ("Mayor Anna Petrov said, “We will rebuild the bridge.”", "rebuild", "Anna Petrov", Rule.CUE_BEFORE, "said"),
    ("Mayor Anna Petrov said: “We will rebuild the bridge.”", "rebuild", "Anna Petrov", Rule.CUE_BEFORE, "said"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule", "cue"), CUE_BEFORE_THE_QUOTE)
def test_the_cue_before_the_quote_and_its_offsets(attribute, text, fragment, speaker, rule, cue):
    quote = quote_for(attribute(text), fragment)
    assert_attributed(quote, speaker, rule)
    assert quote.cue is not None and quote.cue.text == cue
    assert text[quote.cue.start : quote.cue.end] == quote.cue.text


# (text, fragment of the quote, speaker name, rule)
SPEAKERS = [
    pytest.param(
        "“The plan is ready,” Minister Paolo Conti said, “and we will start in June.”",
        "start in June",
        "Paolo Conti",
        Rule.CUE_BEFORE,
        id="cue in the middle of a quote, second half",
    ),
    pytest.param(
        "Asked whether he would resign, Paul Okafor replied: “No.”",
        "No",
        "Paul Okafor",
        Rule.CUE_BEFORE,
        id="short quotes count",
    ),
    pytest.param(
        "Asked about the email, Ana Silva responded: “I guess so.”  With a lead that large, the senator said nothing.",
        "guess so",
        "Ana Silva",
        Rule.CUE_BEFORE,
        id="a new sentence after a quote is not its cue",
    ),
    pytest.param(
        "After the flood, Governor Ruth Ames issued a statement: “Our city will rebuild.”",
        "rebuild",
        "Ruth Ames",
        Rule.CUE_BEFORE,
        id="a statement noun before a colon",
    ),
    pytest.param(
        "At the time, as prosecutor Ana Silva put it, “nobody saw the fire coming.”",
        "fire coming",
        "Ana Silva",
        Rule.CUE_BEFORE,
        id="as X put it",
    ),
    pytest.param(
        "After Tom Baker criticized the plan, Ruth Ames shot back, “I could have stayed home.”",
        "stayed home",
        "Ruth Ames",
        Rule.CUE_BEFORE,
        id="shot back after an adverbial clause",
    ),
    pytest.param(
        "Mayor Ana Silva responded: “We will appeal, and we will win.”",
        "We will appeal",
        "Ana Silva",
        Rule.CUE_BEFORE,
        id="a clause ending in a colon in the quote's paragraph",
    ),
    pytest.param(
        "When she returned, Judge Ana Silva began by saying, “The sentence stands.”",
        "sentence stands",
        "Ana Silva",
        Rule.CUE_BEFORE,
        id="a cue reached through a preposition",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), SPEAKERS)
def test_speakers_of_a_cue_before_the_quote(attribute, text, fragment, speaker, rule):
    assert_attributed(quote_for(attribute(text), fragment), speaker, rule)
