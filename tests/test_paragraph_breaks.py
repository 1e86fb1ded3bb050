"""`paragraph_breaks`: a blank line ends a sentence before the model parses, so a headline
is never the subject of the lead's verb; single line breaks (hard-wrapped copy) do not."""

from helpers import quote_for, speaker_name

from service.nlp.pipeline import PARAGRAPH_PIPE


def test_it_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_PIPE) < names.index("parser")


def test_a_blank_line_ends_a_sentence(nlp):
    doc = nlp("Bets off after quiz 'leak'\n\nA bookmaker has stopped taking bets.\r\n \r\nMore text follows.")
    assert [s.text.strip() for s in doc.sents] == [
        "Bets off after quiz 'leak'",
        "A bookmaker has stopped taking bets.",
        "More text follows.",
    ]


def test_a_single_line_break_is_left_to_the_parser(nlp):
    doc = nlp("The minister said on Monday that the\nplan would be delayed until the spring.")
    assert len(list(doc.sents)) == 1


def test_a_headline_does_not_speak_for_the_lead(attribute):
    text = (
        "Bets off after quiz 'leak'\n\n"
        'A bookmaker has stopped taking bets on the show after claiming "secret details" '
        "about the final had been leaked."
    )
    assert speaker_name(quote_for(attribute(text), "secret details")) == "bookmaker"


def test_a_wire_dateline_is_no_part_of_the_first_sentence(nlp):
    doc = nlp("WASHINGTON (AP) — The Senate passed the bill on Tuesday.\n\nNEW YORK — Shares rose.")
    assert [s.text.strip() for s in doc.sents] == [
        "WASHINGTON (AP) —",
        "The Senate passed the bill on Tuesday.",
        "NEW YORK —",
        "Shares rose.",
    ]


def test_capitals_without_a_dash_are_no_dateline(nlp):
    assert len(list(nlp("UN: PEACEKEEPERS ACCUSED OF ABUSE").sents)) == 1
