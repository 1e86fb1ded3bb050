"""Reported speech (kind: indirect): the reported clause without the cue and `that`."""

import pytest


def indirect(extraction):
    return [q for q in extraction.quotes if q.kind.value == "indirect"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Mayor Anna Petrov said that the bridge would reopen in May.",
            "the bridge would reopen in May",
            "Anna Petrov",
        ),
        ("Mayor Anna Petrov said the bridge would reopen in May.", "the bridge would reopen in May", "Anna Petrov"),
        ("The bridge would reopen in May, Mayor Anna Petrov said.", "The bridge would reopen in May", "Anna Petrov"),
        ("Petrov warned that the repairs could cost millions.", "the repairs could cost millions", "Petrov"),
        (
            "The bridge would reopen in May, according to city officials.",
            "The bridge would reopen in May",
            "city officials",
        ),
        (
            "According to city officials, the bridge would reopen in May.",
            "the bridge would reopen in May",
            "city officials",
        ),
        ("Economists believe that prices will fall next year.", "prices will fall next year", "Economists"),
        ("Mayor Anna Petrov made it clear that the bridge would reopen.", "the bridge would reopen", "Anna Petrov"),
        (
            "The ferry line, Mayor Anna Petrov said, would carry tourists by June.",
            "The ferry line, Mayor Anna Petrov said, would carry tourists by June",
            "Anna Petrov",
        ),
        (
            "In the harbour, Mayor Anna Petrov said, the water is clean again.",
            "In the harbour, Mayor Anna Petrov said, the water is clean again",
            "Anna Petrov",
        ),
        (
            "The harbour budget grew by 4 percent, a rise which Mayor Anna Petrov said would pay for new cranes.",
            "would pay for new cranes",
            "Anna Petrov",
        ),
    ],
)
def test_reported_clauses(attribute, text, content, speaker):
    found = indirect(attribute(text))
    assert [q.text for q in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.name == speaker
    assert text[found[0].start : found[0].end] == content


def test_first_person_speech_inside_a_quote_is_not_reported_speech(attribute):
    assert indirect(attribute("“I believe we will win,” the coach said.")) == []


def test_a_quoted_complement_is_a_direct_quote_not_reported_speech(attribute):
    extraction = attribute("Petrov said: “The bridge will reopen in May.”")
    assert indirect(extraction) == []
    assert [q.kind.value for q in extraction.quotes] == ["direct"]


def test_pronoun_subject_of_reported_speech_resolves(attribute):
    text = "“We are ready,” Mayor Anna Petrov said. She added that the bridge would reopen in May."
    found = indirect(attribute(text))
    assert found and found[0].speaker.name == "Anna Petrov"
    assert found[0].mention.text == "She"


def test_a_coordinated_second_report_is_its_own_clause(attribute):
    text = "The mayor has said that the bridge is safe, and city engineers have said that the tunnel is not."
    found = indirect(attribute(text))
    assert [q.text for q in found] == ["the bridge is safe", "the tunnel is not"]
    assert [q.speaker.name for q in found] == ["mayor", "city engineers"]


def test_an_open_question_is_not_reported_speech(attribute):
    assert indirect(attribute("Lawmakers have questioned whether the strategy has worked.")) == []


def test_a_related_link_line_reports_nothing(attribute):
    text = "Story text.\n\nRelated: Prices Will Fall Next Year, Economists Say\n\nMore story text."
    assert indirect(attribute(text)) == []


def test_reported_clause_holds_a_quotation_whole(attribute):
    text = "The agency sought to emphasize that the strikes were “defensive.”"
    [found] = indirect(attribute(text))
    assert found.text == "the strikes were “defensive.”"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Senator Jo Park called the plan “reckless.”", "the plan “reckless.”", "Jo Park"),
        ("Governor Lee Chang endorsed the new budget on Friday.", "the new budget", "Lee Chang"),
        ("Mayor Anna Petrov wants to rebuild the bridge.", "to rebuild the bridge", "Anna Petrov"),
        ("Mayor Anna Petrov urged residents to stay indoors.", "to stay indoors", "Anna Petrov"),
    ],
)
def test_what_a_verb_of_stance_is_about(attribute, text, content, speaker):
    found = indirect(attribute(text))
    assert [q.text for q in found] == [content]
    assert found[0].speaker.name == speaker


def test_an_infinitive_that_reports_is_left_to_the_inner_verb(attribute):
    found = indirect(attribute("The agency sought to emphasize that the strikes were limited."))
    assert [q.text for q in found] == ["the strikes were limited"]


def test_a_pronoun_object_alone_is_not_content(attribute):
    assert indirect(attribute("Mayor Anna Petrov defended it.")) == []


def test_headline_with_a_source_before_a_colon(attribute):
    text = "Graham: New Tariffs Will Hurt Farmers.\n\nThe senator spoke on Monday."
    [found] = indirect(attribute(text))
    assert found.text == "New Tariffs Will Hurt Farmers"
    assert found.speaker.name == "Graham"


@pytest.mark.parametrize("label", ["Update", "Editor’s note", "Related", "The Latest", "Delegate Update", "FIX IS IN"])
def test_labels_that_name_no_source(attribute, label):
    text = f"{label}: Senators Return To The Capitol After The Recess.\n\nBody text follows here."
    assert indirect(attribute(text)) == []


def test_say_parsed_with_an_object_still_reports_the_rest_of_the_sentence(attribute):
    text = "Senator Jo Park says the\u00a0populist movement that is sweeping the country appeals to fear."
    found = indirect(attribute(text))
    assert found and found[0].speaker.name == "Jo Park"
    assert found[0].text.endswith("appeals to fear")


def test_object_with_its_prepositional_complement(attribute):
    [found] = indirect(attribute("Senator Jo Park criticized the proposal as too vague."))
    assert found.text == "the proposal as too vague"


def test_reported_clause_runs_to_the_end_of_its_sentence(attribute):
    text = "Mayor Anna Petrov said crime fell sharply because more officers were hired last year."
    [found] = indirect(attribute(text))
    assert found.text == "crime fell sharply because more officers were hired last year"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "“It was close,” Mayor Anna Petrov said, referring to the vote on the budget.",
            "the vote on the budget",
            "Anna Petrov",
        ),
        ("Mayor Anna Petrov declined to comment on the lawsuit.", "to comment on the lawsuit", "Anna Petrov"),
        ("Mayor Anna Petrov called for a new bridge.", "a new bridge", "Anna Petrov"),
        ("Mayor Anna Petrov railed against the toll increase.", "the toll increase", "Anna Petrov"),
        ("Mayor Anna Petrov sided with the striking drivers.", "the striking drivers", "Anna Petrov"),
        ("Mayor Anna Petrov refused to raise the toll.", "to raise the toll", "Anna Petrov"),
        ("Mayor Anna Petrov is seeking to close the old bridge.", "to close the old bridge", "Anna Petrov"),
    ],
)
def test_prepositional_and_infinitive_stance(attribute, text, content, speaker):
    found = indirect(attribute(text))
    assert [q.text for q in found] == [content]
    assert found[0].speaker.name == speaker


def test_a_sentence_opening_with_a_poll_reports_what_follows(attribute):
    text = "In a city survey released Monday, most residents backed the new bridge."
    [found] = indirect(attribute(text))
    assert found.text == "most residents backed the new bridge"
    assert found.mention.text == "a city survey released Monday"


def test_said_followed_by_an_adverbial_clause_reports_nothing(attribute):
    found = indirect(attribute("“Thank you,” Senator Jo Park said when the reporter asked him a question."))
    assert all(q.cue.text != "said" for q in found)


@pytest.mark.parametrize(
    "text", ["Mayor Anna Petrov was asked to resign.", "Mayor Anna Petrov is expected to attend the gala."]
)
def test_the_subject_of_a_passive_is_not_the_source(attribute, text):
    assert indirect(attribute(text)) == []


def test_a_parenthetical_cue_inside_a_passive_clause(attribute):
    text = "On stormy nights, harbour officials say, they have been told to leave the gates open."
    found = indirect(attribute(text))
    assert [q.text for q in found] == [text.rstrip(".")]
    assert found[0].mention.text == "harbour officials"


def test_a_reported_clause_never_runs_over_a_paragraph_break(attribute):
    text = "Mayor Petrov Says Bridge Will Reopen In May\n\nThe bridge closed in March after a crash."
    found = indirect(attribute(text))
    assert [q.text for q in found] == ["Bridge Will Reopen In May"]


def test_the_clause_after_the_cue_when_a_quote_sentence_comes_first(attribute):
    text = "“The vote is not over.”  Her campaign staff said Monday that the mayor would not concede the race."
    found = indirect(attribute(text))
    assert [q.text for q in found] == ["the mayor would not concede the race"]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Petrov's claim that the bridge is safe was greeted with laughter.", "the bridge is safe", "claim"),
        ("Petrov's promise to rebuild the bridge won her votes.", "to rebuild the bridge", "promise"),
        ("Petrov's support for the toll surprised the council.", "the toll", "support"),
    ],
)
def test_a_stance_noun_owned_by_its_source(attribute, text, content, cue):
    found = indirect(attribute(text))
    assert [q.text for q in found] == [content]
    assert found[0].cue.text == cue
    assert found[0].mention.text.startswith("Petrov")


def test_a_second_that_clause_and_a_shared_subject_stay_in_the_report(attribute):
    text = "Mayor Anna Petrov said that the bridge was safe, and that engineers would tell the council so."
    found = indirect(attribute(text))
    assert [q.text for q in found] == ["the bridge was safe, and that engineers would tell the council so"]
