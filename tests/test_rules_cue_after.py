"""Cue after the quote (`rules/cue_after.py`): `"…," X said.`, `"…," said X.`, `"…,"
according to X`, and any verb right after an open-ended quote (`CUE_AFTER_POSITION`)."""

import pytest
from helpers import assert_attributed, quote_for, speaker_name

from service.nlp.rules import Rule

# (text, fragment of the quote, speaker name, rule, cue text)
CUE_AFTER_THE_QUOTE = [
    ("“We will rebuild the bridge,” Mayor Anna Petrov said.", "rebuild", "Anna Petrov", Rule.CUE_AFTER, "said"),
    ("“We will rebuild the bridge,” said Mayor Anna Petrov.", "rebuild", "Anna Petrov", Rule.CUE_AFTER, "said"),
    ("“We will rebuild,” Petrov told reporters on Monday.", "rebuild", "Petrov", Rule.CUE_AFTER, "told"),
    ("“We will rebuild,” the mayor, Anna Petrov, added.", "rebuild", "Anna Petrov", Rule.CUE_AFTER, "added"),
    ("“Fine,” she said.", "Fine", None, Rule.CUE_AFTER, "said"),
    ("“Yes,” Tom Baker warned.", "Yes", "Tom Baker", Rule.CUE_AFTER, "warned"),
    ('"It is over," Governor Lee Chang said in a statement.', "over", "Lee Chang", Rule.CUE_AFTER, "said"),
    (
        "“This is wrong,” according to Senator Maria Ortiz.",
        "wrong",
        "Maria Ortiz",
        Rule.ACCORDING_TO,
        "according to",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule", "cue"), CUE_AFTER_THE_QUOTE)
def test_the_cue_after_the_quote_and_its_offsets(attribute, text, fragment, speaker, rule, cue):
    quote = quote_for(attribute(text), fragment)
    assert_attributed(quote, speaker, rule)
    assert quote.cue is not None and quote.cue.text == cue
    assert text[quote.cue.start : quote.cue.end] == quote.cue.text


# (text, fragment of the quote, speaker name, rule)
SPEAKERS = [
    pytest.param(
        "“The plan is ready,” Minister Paolo Conti said, “and we will start in June.”",
        "plan is ready",
        "Paolo Conti",
        Rule.CUE_AFTER,
        id="cue in the middle of a quote, first half",
    ),
    pytest.param(
        "“Our city will rebuild,” Ruth Ames, the governor since 2019 and a former mayor of the capital, said.",
        "rebuild",
        "Ruth Ames",
        Rule.CUE_AFTER,
        id="a distant cue after a long apposition",
    ),
    pytest.param(
        "“We never planned this, but we like it!” Okafor, the head of the harbour fund since 2019, tweeted on Friday.",
        "we like it",
        "Okafor",
        Rule.CUE_AFTER,
        id="a cue after a long apposition",
    ),
    # The mention comes back as "beamed delegate Ana Silva", the cue verb inside it: looks
    # like a bug of the position rule's mention span, though the speaker is right.
    pytest.param(
        "“This is fantastic!” beamed delegate Ana Silva.",
        "",
        "Ana Silva",
        Rule.CUE_AFTER_POSITION,
        id="any verb after an open-ended quote, inverted",
    ),
    pytest.param(
        "“Go back to your seat,” Trustee Ana Silva barked.",
        "",
        "Ana Silva",
        Rule.CUE_AFTER,
        id="any verb after an open-ended quote",
    ),
    pytest.param(
        "“We’ll appeal the ruling,” Dan Ruiz told the Chronicle’s Hale on Monday.",
        "appeal",
        "Dan Ruiz",
        Rule.CUE_AFTER,
        id="the addressee of told is not the speaker",
    ),
    # A surname the tagger reads as a common noun is still a name.
    pytest.param(
        '"Never again," Ruiz fumed.',
        "Never again",
        "Ruiz",
        None,
        id="US: fumed, a surname alone",
    ),
    pytest.param(
        "“Frankly, we were robbed.” Ince deadpanned.",
        "robbed",
        "Ince",
        Rule.CUE_AFTER_POSITION,
        id="sports: closing mark then deadpanned",
    ),
    pytest.param(
        "“We were robbed,” said Leeds striker Sam Otto.",
        "robbed",
        "Sam Otto",
        Rule.CUE_AFTER,
        id="sports: club and position before the name",
    ),
    pytest.param(
        "“Rates will fall by spring,” said Northfield Bank economist Priya Nair.",
        "Rates will fall",
        "Priya Nair",
        Rule.CUE_AFTER,
        id="business: company and role before the name",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), SPEAKERS)
def test_speakers_of_a_cue_after_the_quote(attribute, text, fragment, speaker, rule):
    assert_attributed(quote_for(attribute(text), fragment), speaker, rule)


# (text, fragment of the quote, mention text, rule)
MENTIONS = [
    pytest.param(
        "“Sit down and wait,” Silva snapped and an usher led the heckler away.",
        "Sit down",
        "Silva",
        Rule.CUE_AFTER,
        id="a name parsed into the cue verb still speaks",
    ),
    pytest.param(
        "“The storm is a reminder of what is at stake,” Will wrote.",
        "storm is a reminder",
        "Will",
        Rule.CUE_AFTER,
        id="a capitalised word before a cue form is a name",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "mention", "rule"), MENTIONS)
def test_mentions_of_a_cue_after_the_quote(attribute, text, fragment, mention, rule):
    quote = quote_for(attribute(text), fragment)
    assert quote.mention is not None and quote.mention.text == mention
    assert quote.rule == rule


def test_a_cue_form_read_as_a_noun_after_a_quote(attribute):
    text = "“Today the port leads the region,” the ministers state in the white paper."
    quote = quote_for(attribute(text), "port leads")
    assert quote.mention is not None and "ministers" in quote.mention.text
    assert quote.cue.text == "state"
    assert quote.rule == Rule.CUE_AFTER


def test_a_quote_ending_its_sentence_does_not_take_the_next_verb(attribute):
    text = "“The plan failed.” Ana Silva resigned the next day."
    quote = quote_for(attribute(text), "plan failed")
    assert quote.cue is None or quote.cue.text != "resigned"
    assert quote.rule == Rule.NONE


def test_a_participle_never_takes_its_object_as_speaker(attribute):
    # The partial quote is found by the cue-after rule, with `calling` as its cue.
    text = "Ruth Ames kept up her attack on the “harbour cartel,” calling councillor Tom Baker a liar."
    quotes = [q for q in attribute(text).quotes if "harbour cartel" in q.text and q.kind.value != "indirect"]
    assert all(speaker_name(q) != "Tom Baker" for q in quotes)
    assert [q.rule for q in quotes] == [Rule.CUE_AFTER]


# Any verb right after a quote, with a subject and no object of its own, is its cue
# (`CUE_AFTER_POSITION` when the verb is not a listed cue), after a comma, "!" or "?"
# or after the quote's own full stop when the sentence is nothing but a name and the
# verb; the person `told` or `informed` is never the speaker.
# (text, fragment of the quote, speaker name, rule)
ANY_VERB_AFTER_THE_QUOTE = [
    pytest.param('"Never again," Dan Ruiz fumed.', "Never again", "Dan Ruiz", Rule.CUE_AFTER_POSITION, id="US: fumed"),
    pytest.param(
        '"Never again!" Dan Ruiz fumed after the vote.',
        "Never again",
        "Dan Ruiz",
        Rule.CUE_AFTER_POSITION,
        id="US: fumed after an exclamation",
    ),
    pytest.param(
        '"Is that really the best you can do?" Priya Nair scoffed.',
        "best you can do",
        "Priya Nair",
        None,
        id="British: scoffed after a question",
    ),
    pytest.param(
        '"It was never a penalty." Sam Ince shrugged.',
        "never a penalty",
        "Sam Ince",
        Rule.CUE_AFTER_POSITION,
        id="sports: a full stop, then a name and a verb alone",
    ),
    pytest.param(
        '"Nice weather for ducks," Mia Lark quipped.', "ducks", "Mia Lark", Rule.CUE_AFTER, id="entertainment: quipped"
    ),
    pytest.param(
        '"We won," Ray Dunn beamed after the final whistle.',
        "We won",
        "Ray Dunn",
        Rule.CUE_AFTER_POSITION,
        id="sports: beamed",
    ),
    pytest.param(
        '"Profits will recover," Northfield Bank\'s Priya Nair predicted.',
        "Profits will recover",
        "Priya Nair",
        Rule.CUE_AFTER,
        id="business: a name after its company",
    ),
    pytest.param(
        '"We go again," Ray Dunn told BBC Radio Leeds.',
        "go again",
        "Ray Dunn",
        Rule.CUE_AFTER,
        id="British: told a station",
    ),
    pytest.param(
        "\"We'll appeal,\" lawyer Dan Ruiz told the Gazette's Amy Hale on Monday.",
        "appeal",
        "Dan Ruiz",
        Rule.CUE_AFTER,
        id="wire: the reporter told is not the speaker",
    ),
    pytest.param(
        '"The market is fine," Okafor told CNBC\'s Sam Lee in an interview.',
        "market is fine",
        "Okafor",
        Rule.CUE_AFTER,
        id="business: the interviewer told is not the speaker",
    ),
    pytest.param(
        '"No comment," Ana Silva informed the Harbour Gazette.',
        "No comment",
        "Ana Silva",
        Rule.CUE_AFTER,
        id="informed: the outlet is not the speaker",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "rule"), ANY_VERB_AFTER_THE_QUOTE)
def test_any_verb_after_the_quote_with_no_object_of_its_own(attribute, text, fragment, speaker, rule):
    assert_attributed(quote_for(attribute(text), fragment), speaker, rule)


# A sentence after a quote closed by its own full stop whose verb has words of its own
# (an object, a noun phrase of time) or whose subject is not a name is the writer's.
NOT_A_CUE_AFTER_THE_QUOTE = [
    pytest.param('"The plan failed." Ana Silva left the room.', id="an object"),
    pytest.param('"The plan failed." Ana Silva resigned the next day.', id="a noun phrase of time"),
    pytest.param('"Sold out." Mia Lark\'s tour opened in Leeds.', id="entertainment: a name owns the subject"),
    pytest.param('"We lost." Ray Dunn\'s side were booed off.', id="sports: a passive about the team"),
    pytest.param("“We'll see.” The minister smiled.", id="a description starting a new sentence"),
]


@pytest.mark.parametrize("text", NOT_A_CUE_AFTER_THE_QUOTE)
def test_a_sentence_of_its_own_after_a_closed_quote_is_no_cue(attribute, text):
    quote = attribute(text).quotes[0]
    assert quote.rule not in {Rule.CUE_AFTER, Rule.CUE_AFTER_POSITION}, (quote.text, quote.cue)


def test_a_clause_of_its_own_after_an_aside_is_no_cue(attribute):
    text = 'Ana Silva lamented the delays — "Why does it take so long?" — and residents in Millbrook agreed with her.'
    quote = quote_for(attribute(text), "so long")
    assert quote.mention is None or "residents" not in quote.mention.text


# (text, fragment, speaker): a fragment inside the writer's sentence set off as in
# `"…," X said`, with its comma inside the marks (US), after them (British), or inside a
# quotation nested at its end
FRAGMENTS_WITH_A_CUE_AFTER = [
    ("He called the plan “a fiasco,” Ruiz said.", "fiasco", "Ruiz"),
    ("He called the plan 'a fiasco', Ruiz said.", "fiasco", "Ruiz"),
    (
        "The final “was the only match where I heard them sing ‘Stand up,’” Okafor said after training.",
        "only match",
        "Okafor",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), FRAGMENTS_WITH_A_CUE_AFTER)
def test_a_fragment_set_off_before_the_cue_is_the_cues(attribute, text, fragment, speaker):
    assert speaker_name(quote_for(attribute(text), fragment)) == speaker


# A fragment the sentence runs on from is part of the writer's noun phrase: the verb
# after it is the sentence's own, no cue of the fragment (US, wire, business, sports)
FRAGMENTS_IN_A_NOUN_PHRASE = [
    "As the “Never Again” movement gains ground, the party is split.",
    "The deal collapsed over “sunset clause” provisions inserted by the committee.",
    "Delegates wore “Ana Ruiz” campaign pins and said little.",
    "Shares of the “Big Four” lenders fell on Tuesday.",
    "The club's “Project Restart” plan stalled when the league objected.",
]


@pytest.mark.parametrize("text", FRAGMENTS_IN_A_NOUN_PHRASE)
def test_a_fragment_inside_a_noun_phrase_takes_no_cue_after_it(attribute, text):
    assert [q.rule for q in attribute(text).quotes if q.rule in {Rule.CUE_AFTER, Rule.CUE_AFTER_POSITION}] == []
