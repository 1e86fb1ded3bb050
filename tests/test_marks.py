"""Quotation marks: every typography, apostrophes, paragraphs and unbalanced marks."""

import pytest

from service.nlp.marks import find_quoted_spans, paragraph_bounds


def contents(text: str) -> list[str]:
    spans = find_quoted_spans(text)
    for span in spans:
        assert text[span.start : span.end] == text[span.start : span.end].strip()
    return [text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Curly doubles,” she said.", ["Curly doubles,"]),
        ('"Straight doubles," she said.', ["Straight doubles,"]),
        ("‘‘Two single marks,’’ she said.", ["Two single marks,"]),
        ("``TeX style,'' she said.", ["TeX style,"]),
        ("''Two apostrophes,'' she said.", ["Two apostrophes,"]),
        ("«Guillemets», dit-elle.", ["Guillemets"]),
        ("„German style“ she said.", ["German style"]),
        ("She called it ‘a disgrace’ on Monday.", ["a disgrace"]),
        ("She called it 'a disgrace' on Monday.", ["a disgrace"]),
        ("“Short,” he said. “Very.”", ["Short,", "Very."]),
    ],
)
def test_typographies(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Kata’ib Hezbollah militia didn’t say.",
        "The Americans’ base was hit; the soldiers' families waited.",
        "Rock ’n’ roll in the ’90s and '80s.",
        "O'Brien's team won.",
    ],
)
def test_apostrophes_are_not_quote_marks(text):
    assert contents(text) == []


def test_single_quotes_nested_in_double_quotes_stay_inside():
    text = "“He told me ‘no way’ twice,” she said."
    assert contents(text) == ["He told me ‘no way’ twice,"]


def test_multi_paragraph_quote_continues_when_next_paragraph_opens_with_a_mark():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said.\n\nAfter."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["First paragraph of the quote.", "Second paragraph,"]
    assert spans[0].continues and not spans[0].has_close_mark
    assert spans[1].continued


def test_missing_closing_mark_stops_at_the_paragraph():
    text = "“This quote never closes, he said.\n\nThe next paragraph is the writer's own."
    assert contents(text) == ["This quote never closes, he said."]


def test_missing_opening_mark_recovers_at_the_sentence_after_the_previous_quote():
    text = "“We will act,” the minister said. We have been clear about this.” Then she left."
    assert contents(text) == ["We will act,", "We have been clear about this."]


def test_missing_opening_mark_at_paragraph_start_takes_the_paragraph():
    text = "Intro.\n\nWe have been clear about this.” Then she left."
    assert contents(text) == ["We have been clear about this."]


def test_second_opening_mark_closes_an_unclosed_quote():
    text = "“One without an end, she said. “Another,” he said."
    assert contents(text) == ["One without an end, she said.", "Another,"]


def test_marks_inside_markup_are_ignored():
    text = '<tweet author="someone" id="42">Hello</tweet> "Real quote," he said.'
    assert contents(text) == ["Real quote,"]


def test_crlf_and_non_breaking_spaces_keep_offsets_exact():
    text = "Intro.\r\n\r\n\u00a0“Quoted\u00a0words,” he said.\r\n\r\n“More.”"
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Quoted\u00a0words,", "More."]


def test_paragraphs_split_on_blank_lines_or_single_newlines():
    assert paragraph_bounds("a\n\nb") == [(0, 1), (3, 4)]
    assert paragraph_bounds("a\nb") == [(0, 1), (2, 3)]
    assert paragraph_bounds("a\nb\n\nc") == [(0, 3), (5, 6)]


# Foot and inch marks of measurements, in several house styles: only the real quotes.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'The 6\'3" forward scored twice. "We kept going," she said.', ["We kept going,"], id="sports height"
        ),
        pytest.param(
            'Otto, who is 5\' 11", said: "I was never the tallest."', ["I was never the tallest."], id="spaced"
        ),
        pytest.param(
            'Crews laid a 12" pipe. "It should hold," the engineer said.', ["It should hold,"], id="a 12-inch pipe"
        ),
        pytest.param('The store sold out of 65" televisions by noon.', [], id="business: a screen size"),
        pytest.param(
            '"He is 6\'2" and quick," the coach said.', ["He is 6'2\" and quick,"], id="a height inside a quote"
        ),
        pytest.param('"We need a 12"-wide gap," the fitter said.', ['We need a 12"-wide gap,'], id="before a hyphen"),
        pytest.param("A 10' fence went up, and 'a joke' was the verdict.", ["a joke"], id="feet before a word"),
        pytest.param('He called it "level 2" and left.', ["level 2"], id="a number ending a partial quote"),
        pytest.param('"The score was 3-2," he said.', ["The score was 3-2,"], id="a score is no measurement"),
    ],
)
def test_foot_and_inch_marks_of_measurements_are_not_quote_marks(text, expected):
    assert contents(text) == expected
