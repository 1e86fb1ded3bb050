"""The governing verb (`rules/governing.py`): the verb whose clause holds a quoted
fragment speaks for it (`called the storm "a disaster"`, `said that "…"`)."""

import pytest
from helpers import assert_attributed, quote_for, speaker_name

from service.nlp.rules import Rule

# (text, fragment of the quote, speaker name, rule)
SPEAKERS = [
    pytest.param(
        "Governor Ruth Ames said she is certain the plan will continue to be “a model for the region.”",
        "a model",
        "Ruth Ames",
        Rule.GOVERNING,
        id="outermost speech verb",
    ),
    pytest.param(
        "Governor Ruth Ames called the storm “a disaster,” but her deputy Tom Baker also noted the “quick response.”",
        "quick response",
        "Tom Baker",
        Rule.GOVERNING,
        id="coordinated clause has its own speaker",
    ),
    pytest.param(
        "Ruth Ames tweeted a reply while Tom Baker was arguing that “the bridge is safe for trucks.”",
        "safe for trucks",
        "Tom Baker",
        Rule.GOVERNING,
        id="adverbial clause has its own speaker",
    ),
    pytest.param(
        "At the port in Lyon, France, Ruth Ames answered her critics, calling them “a chorus of cynics.”",
        "chorus of cynics",
        "Ruth Ames",
        Rule.GOVERNING,
        id="of two subjects the nearest speaks",
    ),
    pytest.param(
        "The rejection of the treaty signals “the beginning of the end” for the union, said Gerrit Vos, founder of the party.",
        "beginning of the end",
        "Gerrit Vos",
        Rule.GOVERNING,
        id="British: a subject after an inverted cue beats a misparse's other subject",
    ),
    pytest.param(
        "Mayor Ana Silva spoke after the storm. Governor Ruth Ames offered “my deepest sympathy” to the families.",
        "deepest sympathy",
        "Ruth Ames",
        Rule.GOVERNING,
        id="a verb of stance governs its fragment",
    ),
    pytest.param(
        "After the flood, Governor Ruth Ames issued a statement saying the city “will rebuild.”",
        "rebuild",
        "Ruth Ames",
        Rule.GOVERNING,
        id="a statement saying",
    ),
    pytest.param(
        "Governor Ruth Ames defended the toll -- “It pays for the bridge and nothing else.”",
        "pays for",
        "Ruth Ames",
        Rule.GOVERNING,
        id="a double dash before the quote",
    ),
    pytest.param(
        "Ruth Ames praised “harbour values,” saying the port embodied the “grit of the city.”",
        "grit",
        "Ruth Ames",
        Rule.GOVERNING,
        id="a participle after a quoted comma",
    ),
    pytest.param(
        "Ruth Ames fired back that the “voters chose me twice” for the job.",
        "chose me twice",
        "Ruth Ames",
        Rule.GOVERNING,
        id="fired back that",
    ),
    pytest.param(
        "Ruth Ames made it clear that the port would “stay open for good.”",
        "stay open",
        "Ruth Ames",
        Rule.GOVERNING,
        id="made it clear that",
    ),
    pytest.param(
        "6:50 p.m.\n\nSenator Ruth Ames told supporters that “we are in this together.”",
        "in this together",
        "Ruth Ames",
        Rule.GOVERNING,
        id="a subject is never taken across a paragraph break",
    ),
    pytest.param(
        "Singer Ana Silva shared the news online, writing “The sentence stands.”",
        "sentence stands",
        "Ana Silva",
        Rule.GOVERNING,
        id="a cue reached through a participle",
    ),
    pytest.param(
        "Outside, the protesters led by Ana Silva chanted “The sentence stands.”",
        "sentence stands",
        "protesters",
        Rule.GOVERNING,
        id="the subject, not the agent of its participle",
    ),
    pytest.param(
        "Dan Ruiz, speaking as the inspectors arrived, called the launch “a fiasco.”",
        "fiasco",
        "Dan Ruiz",
        Rule.GOVERNING,
        id="not the subject of an adverbial clause inside the apposition",
    ),
    # Known misattributions (issue 12: unlisted stance verbs).
    pytest.param(
        "Dan Ruiz praised the crew. Rival skipper Bo Chen derided “this stunt” on Sunday.",
        "this stunt",
        "Bo Chen",
        Rule.GOVERNING,
        id="sports: derided",
    ),
    pytest.param(
        "The ruling was described by defence lawyer Alan Pike as “a travesty.”",
        "travesty",
        "Alan Pike",
        None,
        id="British: described by X as",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), SPEAKERS)
def test_speakers_of_a_governing_verb(attribute, text, fragment, speaker, rule):
    assert_attributed(quote_for(attribute(text), fragment), speaker, rule)


def test_partial_quote_inside_reported_speech(attribute):
    text = "President Alma Reyes has signalled that any attack on the embassy is her “red line” for action."
    quote = quote_for(attribute(text), "red line")
    assert quote.kind.value == "partial"
    assert_attributed(quote, "Alma Reyes", Rule.GOVERNING)


def test_the_mention_is_the_pronoun_nearest_the_quote(attribute):
    text = "“We are tired,” said councillor Ines Marlow, who thinks the mayor “needs to listen.”"
    quote = quote_for(attribute(text), "needs to listen")
    assert quote.mention.text == "who"
    assert_attributed(quote, "Ines Marlow", Rule.GOVERNING)


def test_a_quote_that_closes_its_sentence_is_not_governed_by_the_next_one(attribute):
    text = "“Who could have foreseen the flood?”  The city council said it had acted within the law."
    quote = quote_for(attribute(text), "foreseen")
    assert quote.mention is None or quote.mention.text != "The city council"
    assert quote.rule == Rule.NONE


def test_a_date_is_never_the_speaker(attribute):
    # The partial quote is the `according to` rule's, reached from the governing finder;
    # `according to nobody` names nobody, so there is no speaker.
    quote = quote_for(attribute("Saturday said the “deal is dead,” according to nobody."), "deal is dead")
    assert quote.speaker is None or quote.speaker.name != "Saturday"
    assert quote.rule == Rule.ACCORDING_TO


# (text, fragment, speaker or None): a quoted adjective said of someone, taking the clause
# it is about, reports what they stated; without such a clause it reports nothing.
QUOTED_ATTITUDES = [
    ("However, a club spokeswoman was “satisfied” that the tickets remained valid.", "satisfied", "club spokeswoman"),
    ("Coach Ana Ruiz is “confident” her side will recover by March.", "confident", "Ana Ruiz"),
    ("The regulator was “deeply concerned” that prices had doubled.", "deeply concerned", "regulator"),
    ("The weather was “perfect” that day, and the crowd was huge.", "perfect", None),
    ("The new stand is “enormous” and seats ten thousand fans.", "enormous", None),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), QUOTED_ATTITUDES)
def test_a_quoted_attitude_with_its_clause(attribute, text, fragment, speaker):
    found = [q for q in attribute(text).quotes if fragment in q.text and q.kind.value == "partial"]
    if speaker is None:
        assert all(q.speaker is None for q in found)
    else:
        assert speaker_name(found[0]) == speaker and found[0].rule == Rule.GOVERNING
