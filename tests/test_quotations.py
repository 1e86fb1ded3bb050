"""Quotations (`marks.py`, `quotations.py`): which quoted stretches are quotes, not
nicknames, titles of works or scare quotes."""

import pytest
from helpers import quote_for, speaker_name

from service.nlp.rules import Rule


def test_nickname_is_not_a_quote_and_joins_the_name(attribute):
    text = (
        "Marine Gen. Robert ‘‘Bob’’ Lane, the chief of the regional command, spoke. “We are ready,” Gen. Bob Lane said."
    )
    extraction = attribute(text)
    assert all(q.text != "Bob" for q in extraction.quotes)
    assert speaker_name(quote_for(extraction, "ready")) == "Bob Lane"


# Texts in which nothing is a quotation.
NO_QUOTATIONS = [
    pytest.param("She wrote the book “Winds Over the Valley” in 2019.", id="title of a work"),
    pytest.param("The so-called “peace dividend” never arrived.", id="scare quote without a speaker"),
]


@pytest.mark.parametrize("text", NO_QUOTATIONS)
def test_no_quotations_here(attribute, text):
    assert attribute(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” she said on NBC’s “Sunday Desk.”",
        "“We will win,” she said on “Meet the Press.”",
        "“We will win,” she told the network's “Morning Show” on Monday.",
        "“We will win,” said Ana Silva, whose new book, “Rivers of Salt and Stone,” comes out in May.",
        "“We will win,” said Ana Silva, who starred in “The Long Harbour.”",
        "“We will win,” said the “Late Night Review” host, Ana Silva.",
        "“We will win,” said Ana Silva, wearing a “Save Our Harbour” hat.",
        "“We will win,” said Ana Silva, who will appear on “The Morning Desk” and “Harbour Talk,” among others.",
    ],
)
def test_programme_titles_are_not_quotes(attribute, text):
    assert [q.text for q in attribute(text).quotes if q.kind.value != "indirect"] == ["We will win,"]


def test_a_height_in_feet_and_inches_is_not_a_quote(attribute):
    text = 'Otto stands 6\'2" and weighs 200 pounds. "I never liked football," he said.'
    assert [q.text for q in attribute(text).quotes] == ["I never liked football,"]


# A word quoted in a headline is a quotation (British style), attributed to whoever says
# it with a cue in the story.
HEADLINE_QUOTES = [
    pytest.param(
        "Bridge plan 'reckless'\n\nThe mayor of Harbourside attacked the plan on Monday. "
        "“It is reckless and it is late,” Mayor Ana Ruiz said.",
        "reckless",
        "Ana Ruiz",
        id="British: the headline's word said later",
    ),
    pytest.param(
        "A 'historic' season for Harbourside\n\nThe club finished top of the league for the first time.",
        "historic",
        None,
        id="British: nobody says it later: kept, unattributed",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), HEADLINE_QUOTES)
def test_a_word_quoted_in_a_headline(attribute, text, fragment, speaker):
    quote = next(q for q in attribute(text).quotes if q.text == fragment)
    assert (quote.speaker.name if quote.speaker else None) == speaker
    if speaker is not None:
        assert quote.rule == Rule.HEADLINE_QUOTE


def test_a_scare_quote_in_running_text_is_still_dropped(attribute):
    text = "Bridge plan under fire\n\nThe so-called 'reform' changes little."
    assert [q.text for q in attribute(text).quotes if q.kind.value != "indirect"] == []
