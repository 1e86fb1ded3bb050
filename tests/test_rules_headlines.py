"""Headlines (`rules/headlines.py`): `Source: Claim` in a headline is reported speech
(`HEADLINE`); a section label before the colon names no source."""

import pytest
from helpers import indirect, known_failure

from service.nlp.rules import Rule

# (text, the claim, speaker name, rule)
HEADLINES = [
    (
        "Graham: New Tariffs Will Hurt Farmers.\n\nThe senator spoke on Monday.",
        "New Tariffs Will Hurt Farmers",
        "Graham",
        Rule.HEADLINE,
    ),
    ("Lena Ward: Profits Will Double By 2027\n\nBody text.", "Profits Will Double By 2027", "Lena Ward", Rule.HEADLINE),
    pytest.param(
        "Ortiz: We Will Rebuild The Pier\n\nBody text.",
        "We Will Rebuild The Pier",
        "Ortiz",
        Rule.HEADLINE,
        id="US: surname headline, the tagger reading the surname as an adjective",
    ),
    pytest.param(
        "Ortiz: We Will Rebuild The Pier\n\nMayor Dana Ortiz visited the pier on Monday.",
        "We Will Rebuild The Pier",
        "Dana Ortiz",
        Rule.HEADLINE,
        id="US: the headline's surname is the person the story names",
    ),
    pytest.param(
        "Bridge Will Reopen In May, Mayor Petrov Says\n\nThe bridge closed in March.",
        "Bridge Will Reopen In May",
        "Petrov",
        None,
        id="wire: cue at the end of the headline",
    ),
]


@pytest.mark.parametrize(("text", "claim", "speaker", "rule"), HEADLINES)
def test_headline_with_a_source_before_a_colon(attribute, text, claim, speaker, rule):
    found = indirect(attribute(text))
    assert [q.text for q in found] == [claim]
    found = found[0]
    assert found.speaker is not None and found.speaker.name == speaker
    if rule is not None:
        assert found.rule == rule


LABELS = [
    "Update",
    "Editor’s note",
    "Related",
    "The Latest",
    "Delegate Update",
    "FIX IS IN",
    known_failure(
        "Review", reason="a section label is taken as the headline's source", id="xfail entertainment: Review"
    ),
]


@pytest.mark.parametrize("label", LABELS)
def test_labels_that_name_no_source(attribute, label):
    text = f"{label}: Senators Return To The Capitol After The Recess.\n\nBody text follows here."
    assert indirect(attribute(text)) == []


def test_a_related_link_line_reports_nothing(attribute):
    text = "Story text.\n\nRelated: Prices Will Fall Next Year, Economists Say\n\nMore story text."
    assert indirect(attribute(text)) == []


# (text, speaker): a label before a colon names its source when no word of it is an English
# word the model knows, however the tagger read it.
LABEL_SOURCES = [
    ("BOULDUAN: So what happens next for the campaign?", "BOULDUAN"),
    ("Wow: Senator Makes Surprise Announcement About The Pier\n\nBody text.", None),
    ("LOOK: Photos Of The Rally Are Going Viral Tonight\n\nBody text.", None),
    ("BYLINE: Amber Phillips.\n\nBody text follows.", None),
]


@pytest.mark.parametrize(("text", "speaker"), LABEL_SOURCES)
def test_a_label_names_its_source_unless_it_is_a_word(attribute, text, speaker):
    names = [q.speaker.name if q.speaker else None for q in indirect(attribute(text))]
    if speaker is None:
        assert all(name is None for name in names)
    else:
        assert names == [speaker]
