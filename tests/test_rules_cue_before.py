"""Cue before the quote (`rules/cue_before.py`): `X said: "…"`, `X said, "…"`, `X was quoted
as saying "…"`, the agent of `described by X as "…"`, and any
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


SPEAKERS += [
    pytest.param(
        "Ana Silva, a former aide to the mayor, said of Mr. Baker: “He will win the seat.”",
        "win the seat",
        "Ana Silva",
        Rule.CUE_BEFORE,
        id="a title's full stop ends no sentence",
    ),
    pytest.param(
        "The coach, speaking after the match, said of Sgt. Otto: “He never stopped running.”",
        "never stopped",
        "coach",
        Rule.CUE_BEFORE,
        id="sports: a rank's full stop ends no sentence",
    ),
    # a subject the parse hung on a fronted phrase or read as a participle's head
    pytest.param(
        "In a statement to the Gazette, her senior policy adviser, Tom Hale, said: “The senator believes the deal is sound.”",
        "deal is sound",
        "Tom Hale",
        Rule.CUE_BEFORE,
        id="US: a subject after a fronted phrase",
    ),
    pytest.param(
        "Mitt Romney, the former nominee, tweeted in response: “An important distinction has been lost.”",
        "distinction",
        "Mitt Romney",
        Rule.CUE_BEFORE,
        id="a verb set off after an appositive",
    ),
    # a participle the parse coordinated with the finite verb of the clause before it
    pytest.param(
        "Fans reacted at once, with Ola Berg posting that it was a “farce” for the league and "
        "asking, “Who signs off on decisions like this?”",
        "signs off",
        "Ola Berg",
        Rule.CUE_BEFORE,
        id="US: a second participle after a that-clause",
    ),
]

# A participle after an appositive that is passive (an agent, a naming complement)
# reports nothing of its head's: no speaker.
PASSIVE_PARTICIPLES = [
    "The report, written by the auditors, ended: “No further action.”",
    "The statement, described as final, ended: “No further action.”",
]


@pytest.mark.parametrize("text", PASSIVE_PARTICIPLES)
def test_a_passive_participle_after_a_noun_names_no_speaker(attribute, text):
    quote = quote_for(attribute(text), "No further action")
    assert quote.speaker is None or quote.speaker.name.lower() not in {"report", "statement"}


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), SPEAKERS)
def test_speakers_of_a_cue_before_the_quote(attribute, text, fragment, speaker, rule):
    assert_attributed(quote_for(attribute(text), fragment), speaker, rule)


# `X was quoted as saying "…"`: X spoke, whoever quoted; `described by X as "…"` and
# `called "…" by X`: X spoke, not the subject described.
# (text, fragment of the quote, speaker name, rule)
QUOTED_AND_DESCRIBED = [
    pytest.param(
        'Ana Silva was quoted as saying "the deal is dead."',
        "deal is dead",
        "Ana Silva",
        None,
        id="US: quoted as saying",
    ),
    pytest.param(
        'Ana Silva was quoted by Reuters as saying the deal was "dead in the water."',
        "dead in the water",
        "Ana Silva",
        None,
        id="wire: the agency that quoted is not the speaker",
    ),
    pytest.param(
        'Coach Ray Dunn was quoted in the Harbour Gazette as saying: "We were robbed."',
        "We were robbed",
        "Ray Dunn",
        Rule.CUE_BEFORE,
        id="sports: quoted in a paper as saying, a colon",
    ),
    pytest.param(
        'The plan was described by Ana Silva as "a shambles."',
        "shambles",
        "Ana Silva",
        Rule.CUE_BEFORE,
        id="British: described by X as",
    ),
    pytest.param(
        'The merger was described by analysts at Northfield Bank as "a bold bet."',
        "bold bet",
        "analysts at Northfield Bank",
        Rule.CUE_BEFORE,
        id="business: described by analysts as",
    ),
    pytest.param(
        'Mia Lark was described by her manager as "the hardest-working singer in the business."',
        "hardest-working",
        "her manager",
        Rule.CUE_BEFORE,
        id="entertainment: the subject described is not the speaker",
    ),
    pytest.param(
        'The referee\'s decision was called "a disgrace" by Ray Dunn.',
        "disgrace",
        "Ray Dunn",
        Rule.CUE_BEFORE,
        id="sports: called by X after the quote",
    ),
    pytest.param(
        'The budget was described as "reckless" by the opposition leader, Tom Baker.',
        "reckless",
        "Tom Baker",
        Rule.CUE_BEFORE,
        id="British: described as, the agent after the quote",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), QUOTED_AND_DESCRIBED)
def test_speakers_of_quoted_as_saying_and_described_by(attribute, text, fragment, speaker, rule):
    assert_attributed(quote_for(attribute(text), fragment), speaker, rule)


# A passive verb that is no cue, or an active one: the `by` phrase names no speaker.
NO_AGENT_SPEAKS = [
    pytest.param('The bill was passed by the Senate as "an emergency measure of the highest order."', "Senate"),
    pytest.param('The striker was signed by Leeds as "a long-term investment in the club."', "Leeds"),
    pytest.param('Ana Silva has described the plan by the council as "a shambles from start to finish."', "council"),
]


@pytest.mark.parametrize(("text", "not_the_speaker"), NO_AGENT_SPEAKS)
def test_the_agent_of_a_verb_that_is_no_cue_is_no_speaker(attribute, text, not_the_speaker):
    for quote in attribute(text).quotes:
        assert quote.speaker is None or not_the_speaker not in quote.speaker.name, (quote.text, quote.rule)


# Whom the words were put to, and a name inside the quote, never speak for a cue before it.
# (text, fragment of the quote, who is not the speaker)
NOT_THE_SPEAKER_BEFORE = [
    pytest.param(
        "At the briefing, Ana Silva was asked, “Will you run again?”", "run again", "Ana Silva", id="was asked"
    ),
    pytest.param(
        "New staff at the store were told: “Smile at every customer.”", "Smile", "staff", id="business: were told"
    ),
    pytest.param(
        "As Tom Baker put it, “Harbour councillors should listen to the port.”",
        "should listen",
        "councillors",
        id="a subject inside the quote",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "not_the_speaker"), NOT_THE_SPEAKER_BEFORE)
def test_who_heard_the_words_is_not_the_speaker(attribute, text, fragment, not_the_speaker):
    quote = quote_for(attribute(text), fragment)
    assert quote.rule != Rule.CUE_BEFORE or not_the_speaker not in (quote.mention.text if quote.mention else ""), (
        quote.rule,
        quote.mention,
    )


def test_a_name_read_as_a_compound_of_the_verb_is_its_subject(nlp):
    """`…," Beck joked` as the model sometimes parses it, with `Beck` hung on the verb as
    a compound: the name is still the verb's subject."""
    from spacy.tokens import Doc

    from service.nlp.parse import subject_of

    words = ["Fans", "shouted", ",", "Beck", "joked", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 4, 1, 1],
        deps=["nsubj", "ROOT", "punct", "compound", "appos", "punct"],
        tags=["NNS", "VBD", ",", "NNP", "VBD", "."],
        pos=["NOUN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
        ents=["O", "O", "O", "B-PERSON", "O", "O"],
    )
    assert subject_of(doc[4]).text == "Beck"
