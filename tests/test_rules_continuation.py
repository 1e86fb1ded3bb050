"""Continuation (`rules/continuation.py`): a quote with no cue of its own takes the
speaker of the quote it continues (`INHERITED`), of the attributed quote that ends the
paragraph before (`INHERITED_PARAGRAPH`), or of reported speech just before it in its
paragraph (`INHERITED_REPORTED`), when nobody else is named in between."""

import pytest
from helpers import assert_attributed, quote_for, speaker_name

from service.nlp.rules import Rule

# (text, fragment of the quote, speaker name, rule)
SPEAKERS = [
    pytest.param(
        "“We won,” coach Mia Hart said. “Nobody expected it.”",
        "Nobody expected",
        "Mia Hart",
        Rule.INHERITED,
        id="the previous speaker in the paragraph",
    ),
    pytest.param(
        "“The first part of the answer,” Dr. Ravi Menon said. “And it goes on.\n\n“Here is the rest.”",
        "Here is the rest",
        "Ravi Menon",
        Rule.INHERITED,
        id="a quote carried on into the next paragraph",
    ),
    pytest.param(
        "“We won,” said Mia Hart.\n\n“It was luck.”",
        "luck",
        "Mia Hart",
        Rule.INHERITED_PARAGRAPH,
        id="a paragraph that opens with a quote",
    ),
    pytest.param(
        "The bridge will reopen in May, consultant Ana Silva says. “Several surveys point to a second look.”",
        "second look",
        "Ana Silva",
        Rule.INHERITED_REPORTED,
        id="a quote after reported speech in its paragraph",
    ),
    pytest.param(
        "“This is a first for any candidate,” said Ana Silva's top foreign policy aide Tom Hale.\n\n"
        "“It has become a matter of national security.”",
        "national security",
        "Tom Hale",
        Rule.INHERITED_PARAGRAPH,
        id="a name inside the attribution of the quote before is nobody new",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), SPEAKERS)
def test_a_quote_without_a_cue_takes_an_earlier_speaker(attribute, text, fragment, speaker, rule):
    quote = quote_for(attribute(text), fragment)
    assert_attributed(quote, speaker, rule)
    assert quote.cue is None


def test_an_inherited_speaker_from_reported_speech_is_less_sure(attribute):
    text = "The bridge will reopen in May, consultant Ana Silva says. “Several surveys point to a second look.”"
    quote = quote_for(attribute(text), "second look")
    cued = quote_for(attribute("“Several surveys point to a second look,” consultant Ana Silva says."), "second look")
    # a weaker rule than a cue of its own, and the fitted confidence says so
    assert quote.rule == Rule.INHERITED_REPORTED and quote.confidence < cued.confidence


# (text, fragment of the quote, the earlier speaker it must not inherit)
NOT_INHERITED = [
    pytest.param(
        "“We are ready,” Ana Silva said.\n\nLater, Victor Hugo Ramos arrived at the hall.\n\n“It was long.”",
        "It was long",
        "Ana Silva",
        id="another person named in a paragraph between",
    ),
    # Known misattributions (issue 11: continuation with a check).
    pytest.param(
        "“We won,” coach Mia Hart said. Rival coach Bo Chen disagreed. “It was luck.”",
        "luck",
        "Mia Hart",
        id="sports: a rival named in between",
    ),
    pytest.param(
        "“Margins held up,” chief executive Lena Ward said. Analyst Tom Reid was less kind. “It was a weak quarter.”",
        "weak quarter",
        "Lena Ward",
        id="business: an analyst named in between",
    ),
    pytest.param(
        "Turnout was high, said Craig Robinson, an organiser. Ana Bystrom agreed. “Voters are running out of patience.”",
        "out of patience",
        "Craig Robinson",
        id="reported speech, then a subject NER missed that opens with a given name",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "earlier"), NOT_INHERITED)
def test_a_quote_after_another_person_is_named_is_not_inherited(attribute, text, fragment, earlier):
    assert speaker_name(quote_for(attribute(text), fragment)) != earlier
