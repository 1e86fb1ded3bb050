"""Attribution rules, one table per family, on sentences written for these tests."""

import pytest


def quote_for(extraction, fragment, kinds=("direct", "partial")):
    for quote in extraction.quotes:
        if fragment in quote.text and quote.kind.value in kinds:
            return quote
    raise AssertionError(f"no quote containing {fragment!r} in {[q.text for q in extraction.quotes]}")


def speaker_name(quote):
    return quote.speaker.name if quote.speaker else None


# (text, fragment of the quote, expected speaker name, expected cue text)
CUE_ORDERS = [
    ("“We will rebuild the bridge,” Mayor Anna Petrov said.", "rebuild", "Anna Petrov", "said"),
    ("“We will rebuild the bridge,” said Mayor Anna Petrov.", "rebuild", "Anna Petrov", "said"),
    ("Mayor Anna Petrov said, “We will rebuild the bridge.”", "rebuild", "Anna Petrov", "said"),
    ("Mayor Anna Petrov said: “We will rebuild the bridge.”", "rebuild", "Anna Petrov", "said"),
    ("“We will rebuild,” Petrov told reporters on Monday.", "rebuild", "Petrov", "told"),
    ("“We will rebuild,” the mayor, Anna Petrov, added.", "rebuild", "Anna Petrov", "added"),
    ("“Fine,” she said.", "Fine", None, "said"),
    ("“Yes,” Tom Baker warned.", "Yes", "Tom Baker", "warned"),
    ('"It is over," Governor Lee Chang said in a statement.', "over", "Lee Chang", "said"),
    ("“This is wrong,” according to Senator Maria Ortiz.", "wrong", "Maria Ortiz", "according to"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "cue"), CUE_ORDERS)
def test_cue_in_every_order(attribute, text, fragment, speaker, cue):
    quote = quote_for(attribute(text), fragment)
    assert speaker_name(quote) == speaker
    assert quote.cue is not None and quote.cue.text == cue
    assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_cue_in_the_middle_of_a_quote(attribute):
    text = "“The plan is ready,” Minister Paolo Conti said, “and we will start in June.”"
    extraction = attribute(text)
    assert speaker_name(quote_for(extraction, "plan is ready")) == "Paolo Conti"
    assert speaker_name(quote_for(extraction, "start in June")) == "Paolo Conti"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Jane Goodwin: “The vote was fair.”", "vote was fair", "Jane Goodwin"),
        ("From Jane Goodwin: “The vote was fair.”", "vote was fair", "Jane Goodwin"),
        ("More from Jane Goodwin: “The vote was fair.”", "vote was fair", "Jane Goodwin"),
        ("Turnout rose in the south - Jane Goodwin: “The vote was fair.”", "vote was fair", "Jane Goodwin"),
        ("“The vote was fair.” — Jane Goodwin, election monitor", "vote was fair", "Jane Goodwin"),
    ],
)
def test_forms_without_a_verb(attribute, text, fragment, speaker):
    assert speaker_name(quote_for(attribute(text), fragment)) == speaker


def test_short_quotes_count(attribute):
    extraction = attribute("Asked whether he would resign, Paul Okafor replied: “No.”")
    assert speaker_name(quote_for(extraction, "No")) == "Paul Okafor"


def test_quote_without_cue_takes_the_previous_speaker_in_the_paragraph(attribute):
    text = "“We won,” coach Mia Hart said. “Nobody expected it.”"
    quote = quote_for(attribute(text), "Nobody expected")
    assert speaker_name(quote) == "Mia Hart"
    assert quote.cue is None


def test_quote_continued_into_the_next_paragraph_keeps_its_speaker(attribute):
    text = "“The first part of the answer,” Dr. Ravi Menon said. “And it goes on.\n\n“Here is the rest.”"
    quote = quote_for(attribute(text), "Here is the rest")
    assert speaker_name(quote) == "Ravi Menon"


def test_paragraph_of_quote_after_another_speaker_is_named_is_not_inherited(attribute):
    text = "“We are ready,” Ana Silva said.\n\nLater, Victor Hugo Ramos arrived at the hall.\n\n“It was long.”"
    quote = quote_for(attribute(text), "It was long")
    assert speaker_name(quote) != "Ana Silva"


def test_pronoun_resolves_to_the_latest_speaker(attribute):
    text = (
        "Senator Maria Ortiz spoke first. “We need the bill,” Ortiz said.\n\n"
        "The committee met for an hour.\n\n“It will pass,” she said."
    )
    quote = quote_for(attribute(text), "It will pass")
    assert speaker_name(quote) == "Maria Ortiz"
    assert quote.mention.text == "she"


def test_pronoun_prefers_a_speaker_over_a_person_merely_mentioned(attribute):
    text = (
        "“The talks failed,” Foreign Minister Lena Berg said.\n\n"
        "The talks were meant to please President Omar Diallo.\n\n“We will try again,” she said."
    )
    assert speaker_name(quote_for(attribute(text), "try again")) == "Lena Berg"


def test_pronoun_prefers_the_subject_just_before_it_over_an_earlier_speaker(attribute):
    text = (
        "“The talks failed,” Minister Tom Baker said.\n\n"
        "Senator Omar Diallo met the press on Monday. He said that “the talks will resume in May.”"
    )
    quote = quote_for(attribute(text), "resume in May")
    assert speaker_name(quote) == "Omar Diallo"
    assert quote.mention.text == "He"


def test_they_resolves_to_the_plural_subject_just_before(attribute):
    text = "“We are done,” Mayor Ana Silva said.\n\nHarbour workers met on Monday. They said the deal “will not hold.”"
    quote = quote_for(attribute(text), "will not hold")
    assert speaker_name(quote) == "Harbour workers"


def test_definite_description_resolves_to_the_named_organisation(attribute):
    text = (
        "The strikes were confirmed in a Defense Department statement.\n\n"
        "“The strikes were defensive,” the department said."
    )
    quote = quote_for(attribute(text), "defensive")
    assert speaker_name(quote) == "Defense Department"
    assert quote.speaker.kind.value == "organization"
    assert quote.mention.text == "the department"


@pytest.mark.parametrize(
    ("text", "fragment", "kind"),
    [
        ("“Troops will stay,” one U.S. official said.", "Troops", "anonymous"),
        ("“Troops will stay,” a senior official said on condition of anonymity.", "Troops", "anonymous"),
        ("“Troops will stay,” Defense officials said.", "Troops", "group"),
        ("“Troops will stay,” the Pentagon said.", "Troops", "organization"),
        ("“Troops will stay,” General Sam Okoro said.", "Troops", "person"),
    ],
)
def test_speaker_kinds(attribute, text, fragment, kind):
    quote = quote_for(attribute(text), fragment)
    assert quote.speaker is not None
    assert quote.speaker.kind.value == kind


def test_one_speaker_per_person_without_titles(attribute):
    text = (
        "U.S. Defense Secretary Carl Jensen visited the base.\n\n"
        "“We are here to stay,” Jensen said. “The mission continues,” he added.\n\n"
        "“No comment,” Secretary Jensen said later."
    )
    extraction = attribute(text)
    assert [s.name for s in extraction.speakers] == ["Carl Jensen"]
    assert len(extraction.speakers[0].quotes) == 3


def test_nickname_is_not_a_quote_and_joins_the_name(attribute):
    text = (
        "Marine Gen. Robert ‘‘Bob’’ Lane, the chief of the regional command, spoke. “We are ready,” Gen. Bob Lane said."
    )
    extraction = attribute(text)
    assert all(q.text != "Bob" for q in extraction.quotes)
    assert speaker_name(quote_for(extraction, "ready")) == "Bob Lane"


def test_title_of_a_work_is_not_a_quote(attribute):
    extraction = attribute("She wrote the book “Winds Over the Valley” in 2019.")
    assert extraction.quotes == []


def test_scare_quote_without_speaker_is_dropped(attribute):
    extraction = attribute("The so-called “peace dividend” never arrived.")
    assert extraction.quotes == []


def test_partial_quote_inside_reported_speech(attribute):
    text = "President Alma Reyes has signalled that any attack on the embassy is her “red line” for action."
    extraction = attribute(text)
    quote = quote_for(extraction, "red line")
    assert quote.kind.value == "partial"
    assert speaker_name(quote) == "Alma Reyes"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        pytest.param(
            "Governor Ruth Ames said she is certain the plan will continue to be “a model for the region.”",
            "a model",
            "Ruth Ames",
            id="outermost speech verb",
        ),
        pytest.param(
            "Governor Ruth Ames called the storm “a disaster,” but her deputy Tom Baker also noted the “quick response.”",
            "quick response",
            "Tom Baker",
            id="coordinated clause has its own speaker",
        ),
        pytest.param(
            "Ruth Ames tweeted a reply while Tom Baker was arguing that “the bridge is safe for trucks.”",
            "safe for trucks",
            "Tom Baker",
            id="adverbial clause has its own speaker",
        ),
        pytest.param(
            "Asked about the email, Ana Silva responded: “I guess so.”  With a lead that large, the senator said nothing.",
            "guess so",
            "Ana Silva",
            id="a new sentence after a quote is not its cue",
        ),
        pytest.param(
            "At the port in Lyon, France, Ruth Ames answered her critics, calling them “a chorus of cynics.”",
            "chorus of cynics",
            "Ruth Ames",
            id="of two subjects the nearest speaks",
        ),
        pytest.param(
            "Mayor Ana Silva spoke after the storm. Governor Ruth Ames offered “my deepest sympathy” to the families.",
            "deepest sympathy",
            "Ruth Ames",
            id="a verb of stance governs its fragment",
        ),
    ],
)
def test_which_clause_speaks(attribute, text, fragment, speaker):
    assert speaker_name(quote_for(attribute(text), fragment)) == speaker


def test_a_name_parsed_into_the_cue_verb_still_speaks(attribute):
    text = "“Sit down and wait,” Silva snapped and an usher led the heckler away."
    quote = quote_for(attribute(text), "Sit down")
    assert quote.mention is not None and quote.mention.text == "Silva"


def test_a_quote_that_closes_its_sentence_is_not_governed_by_the_next_one(attribute):
    text = "“Who could have foreseen the flood?”  The city council said it had acted within the law."
    quote = quote_for(attribute(text), "foreseen")
    assert quote.mention is None or quote.mention.text != "The city council"


@pytest.mark.parametrize(
    "text",
    [
        "After the flood, Governor Ruth Ames issued a statement: “Our city will rebuild.”",
        "After the flood, Governor Ruth Ames issued a statement saying the city “will rebuild.”",
        "“Our city will rebuild,” Ruth Ames, the governor since 2019 and a former mayor of the capital, said.",
    ],
)
def test_statements_and_distant_cues_name_their_speaker(attribute, text):
    assert speaker_name(quote_for(attribute(text), "rebuild")) == "Ruth Ames"


def test_the_mention_is_the_pronoun_nearest_the_quote(attribute):
    text = "“We are tired,” said councillor Ines Marlow, who thinks the mayor “needs to listen.”"
    quote = quote_for(attribute(text), "needs to listen")
    assert quote.mention.text == "who"
    assert speaker_name(quote) == "Ines Marlow"


def test_a_quote_after_reported_speech_in_its_paragraph_is_the_reporters(attribute):
    text = "The bridge will reopen in May, consultant Ana Silva says. “Several surveys point to a second look.”"
    quote = quote_for(attribute(text), "second look")
    assert speaker_name(quote) == "Ana Silva"
    assert quote.confidence < 0.9  # a weaker rule, and the confidence says so


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("At the time, as prosecutor Ana Silva put it, “nobody saw the fire coming.”", "fire coming", "Ana Silva"),
        ("Governor Ruth Ames defended the toll -- “It pays for the bridge and nothing else.”", "pays for", "Ruth Ames"),
        ("Ruth Ames praised “harbour values,” saying the port embodied the “grit of the city.”", "grit", "Ruth Ames"),
        (
            "After Tom Baker criticized the plan, Ruth Ames shot back, “I could have stayed home.”",
            "stayed home",
            "Ruth Ames",
        ),
        ("Ruth Ames fired back that the “voters chose me twice” for the job.", "chose me twice", "Ruth Ames"),
        ("Ruth Ames made it clear that the port would “stay open for good.”", "stay open", "Ruth Ames"),
    ],
)
def test_idioms_dashes_and_participles_after_a_quoted_comma(attribute, text, fragment, speaker):
    assert speaker_name(quote_for(attribute(text), fragment)) == speaker


def test_a_cue_form_read_as_a_noun_after_a_quote(attribute):
    text = "“Today the port leads the region,” the ministers state in the white paper."
    quote = quote_for(attribute(text), "port leads")
    assert quote.mention is not None and "ministers" in quote.mention.text
    assert quote.cue.text == "state"


def test_a_capitalised_word_before_a_cue_form_is_a_name(attribute):
    text = "“The storm is a reminder of what is at stake,” Will wrote."
    quote = quote_for(attribute(text), "storm is a reminder")
    assert quote.mention is not None and quote.mention.text == "Will"


def test_a_cue_after_a_long_apposition(attribute):
    text = (
        "“We never planned this, but we like it!” Okafor, the head of the harbour fund since 2019, tweeted on Friday."
    )
    assert speaker_name(quote_for(attribute(text), "we like it")) == "Okafor"


def test_a_participle_never_takes_its_object_as_speaker(attribute):
    text = "Ruth Ames kept up her attack on the “harbour cartel,” calling councillor Tom Baker a liar."
    quotes = [q for q in attribute(text).quotes if "harbour cartel" in q.text and q.kind.value != "indirect"]
    assert all(speaker_name(q) != "Tom Baker" for q in quotes)


def test_a_subject_is_never_taken_across_a_paragraph_break(attribute):
    text = "6:50 p.m.\n\nSenator Ruth Ames told supporters that “we are in this together.”"
    quote = quote_for(attribute(text), "in this together")
    assert speaker_name(quote) == "Ruth Ames"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The council issued a statement. Mayor Ana Silva responded:\n\n“We will appeal.”", "Ana Silva"),
        ("Mayor Ana Silva responded: “We will appeal, and we will win.”", "Ana Silva"),
        ("Stated Silva: “We will appeal.”", "Silva"),
    ],
)
def test_a_sentence_ending_in_a_colon_introduces_the_quote(attribute, text, speaker):
    assert speaker_name(quote_for(attribute(text), "We will appeal")) == speaker


def test_a_sentence_of_speech_without_words_of_its_own_introduces_the_quote(attribute):
    text = "The hearing ran late.\n\nMayor Ines Marlow continued her remarks.\n\n“We cannot wait for May.”"
    assert "Ines Marlow" in speaker_name(quote_for(attribute(text), "wait for May"))


def test_a_passive_sentence_of_speech_introduces_nobody(attribute):
    text = "“The plan is dead,” Ana Silva said.\n\nEvery amendment was rejected.\n\n“We tried everything.”"
    quote = quote_for(attribute(text), "tried everything")
    assert quote.mention is None or quote.mention.text != "Every amendment"


def test_a_colon_introduction_never_takes_a_subject_from_inside_the_quote(attribute):
    text = "It gets better:\n\n“The committee will meet again in May.”"
    quote = quote_for(attribute(text), "committee will meet")
    assert quote.mention is None or quote.mention.start < text.index("“")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("When she returned, Judge Ana Silva began by saying, “The sentence stands.”", "Ana Silva"),
        ("Singer Ana Silva shared the news online, writing “The sentence stands.”", "Ana Silva"),
        ("Outside, the protesters led by Ana Silva chanted “The sentence stands.”", "protesters"),
    ],
)
def test_cues_reached_through_participles_and_prepositions(attribute, text, speaker):
    quote = quote_for(attribute(text), "sentence stands")
    assert quote.mention is not None
    assert speaker in (speaker_name(quote) or quote.mention.text)


def test_a_date_is_never_the_speaker(attribute):
    quote = quote_for(attribute("Saturday said the “deal is dead,” according to nobody."), "deal is dead")
    assert quote.speaker is None or quote.speaker.name != "Saturday"


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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“This is fantastic!” beamed delegate Ana Silva.", "Ana Silva"),
        ("“Go back to your seat,” Trustee Ana Silva barked.", "Ana Silva"),
    ],
)
def test_any_verb_right_after_an_open_ended_quote_is_its_cue(attribute, text, speaker):
    assert speaker_name(quote_for(attribute(text), "")) == speaker


def test_a_quote_ending_its_sentence_does_not_take_the_next_verb(attribute):
    text = "“The plan failed.” Ana Silva resigned the next day."
    quote = quote_for(attribute(text), "plan failed")
    assert quote.cue is None or quote.cue.text != "resigned"
