"""HTML input: the text a browser shows, quotes found in it, offsets back into the HTML.

Tables of fragments written for these tests, with the expected answers and exact
offsets; then property tests: malformed markup never breaks the conversion, and for
random HTML wrappings of known texts the answer is the plain-text answer moved through
an offset map the generator itself keeps (not the one under test).
"""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest
from envelope import assert_error
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.__main__ import main
from service.htmltext import html_to_text

# (HTML, the plain text a browser shows)
CONVERSIONS = [
    ("<p>&ldquo;No,&rdquo; said <b>Ann Lee</b>.</p>", "“No,” said Ann Lee."),
    ("<p>one\n   two</p>\n\n<p>  three </p>", "one two\n\nthree"),
    ("a<br>b<br/>c", "a\n\nb\n\nc"),
    ("<ul><li>x</li><li>y</li></ul><h2>z</h2><blockquote>w</blockquote>", "x\n\ny\n\nz\n\nw"),
    ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"),
    ("A<script>var s = '<p>no</p>';</script>B<style>p {}</style>C", "ABC"),
    ("A<!-- hidden -->B<noscript>no</noscript>C<template><p>no</p></template>D", "ABCD"),
    ("Tom &amp; Jerry&rsquo;s &quot;show&quot; &#8220;&#x201D; &nbsp;x", 'Tom & Jerry’s "show" “” \u00a0x'),
    ("AT&T &notanentity; &#0; 3 < 4 > 2", "AT&T ¬anentity; \ufffd 3 < 4 > 2"),
    ("&“x” &x; &ampy", "&“x” &x; &y"),
    ("<p>unclosed <b>bold <i>italic", "unclosed bold italic"),
    ('a<b c="d', "a"),
    ("a<!-- never closed > b", "a"),
    ("x <", "x <"),
    ("<p>a</p></div></p>b", "a\n\nb"),
    ("<pre>x\n  y</pre>z", "x\n  y\n\nz"),
    ("<![ bogus ]>a<!DOCTYPE html>b</>c", "abc"),
    ("", ""),
    ("<p></p><div> </div>", ""),
]


@pytest.mark.parametrize(("source", "plain"), CONVERSIONS)
def test_html_becomes_the_text_a_browser_shows(source, plain):
    assert html_to_text(source).text == plain


def assert_offsets_are_exact(source: str) -> None:
    """Every plain character comes from its source range: a character reference that
    decodes to it, the character itself, or (for breaks and collapsed spaces) markup."""
    converted = html_to_text(source)
    assert len(converted.starts) == len(converted.ends) == len(converted.text)
    previous_end = 0
    for char, start, end in zip(converted.text, converted.starts, converted.ends):
        assert 0 <= start <= end <= len(source)
        assert start >= previous_end or start == end or converted.starts.count(start) > 1
        raw = source[start:end]
        if raw.startswith("&"):  # a reference; one to whitespace is collapsed like any other
            assert char in htmllib.unescape(raw) or (char == " " and htmllib.unescape(raw).isspace())
        elif char in "\n " and raw != char:
            assert raw == "" or htmllib.unescape(raw).isspace()
        else:
            assert raw == char
        previous_end = max(previous_end, end)


@pytest.mark.parametrize(("source", "plain"), CONVERSIONS)
def test_every_plain_character_maps_back_into_the_html(source, plain):
    assert_offsets_are_exact(source)


# (HTML, quote text, speaker, html[start:end] of the quote, start, end, html of the mention)
HTML_QUOTES = [
    (
        "<p>&ldquo;We will appeal,&rdquo; Mayor Ann Lee said.</p>",
        "We will appeal,",
        "Ann Lee",
        "We will appeal,",
        10,
        25,
        "Mayor Ann Lee",
    ),
    (
        "<p>“The budget is <b>final</b>,” said <b>Principal Laura King</b>.</p>",
        "The budget is final,",
        "Laura King",
        "The budget is <b>final</b>,",
        4,
        31,
        "Principal Laura King",
    ),
    (
        "<p>“We need more buses,” said parent Mark Diaz.</p>",
        "We need more buses,",
        "Mark Diaz",
        "We need more buses,",
        4,
        23,
        "parent Mark Diaz",
    ),
    (
        "<p>Mayor Ann Lee spoke on Tuesday.</p>\n<p>&#8220;It is over,&#x201D; she said.</p>",
        "It is over,",
        "Ann Lee",
        "It is over,",
        49,
        60,
        "she",
    ),
    (
        '<p>“Hello,” <!-- an editor’s note --> said <a href="/people/js">John Smith</a>.</p>'
        '<script>var q = "“Fake,” said Bob Jones.";</script>',
        "Hello,",
        "John Smith",
        "Hello,",
        4,
        10,
        "John Smith",
    ),
    (
        "<ul><li>“Prices will rise,” the minister said.</li><li>Fuel is short.</li></ul>",
        "Prices will rise,",
        "minister",
        "Prices will rise,",
        9,
        26,
        "the minister",
    ),
    ("<p>“We won,” said <b>coach Ted Ruiz.", "We won,", "Ted Ruiz", "We won,", 4, 11, "coach Ted Ruiz"),
    (
        "<h1>Strike ends</h1><div>Union leader Sam Okafor said the deal was fair.</div>",
        "the deal was fair",
        "Sam Okafor",
        "the deal was fair",
        54,
        71,
        "Union leader Sam Okafor",
    ),
    (
        "<p>“Tom &amp; Jerry&rsquo;s show is back,” said <i>Ms.</i> Rosa Park.</p>",
        "Tom & Jerry’s show is back,",
        "Rosa Park",
        "Tom &amp; Jerry&rsquo;s show is back,",
        4,
        41,
        "Ms.</i> Rosa Park",
    ),
]


def quote_with(body: dict, text: str) -> dict:
    matches = [q for q in body["quotes"] if q["text"] == text]
    assert len(matches) == 1, [q["text"] for q in body["quotes"]]
    return matches[0]


def assert_spans_point_into(source: str, body: dict) -> None:
    """Every span's `html[start:end]`, without markup and decoded, is its `text`."""
    spans = []
    for quote in body["quotes"]:
        spans += [quote] + [quote[part] for part in ("mention", "cue") if quote[part]]
    for speaker in body["speakers"]:
        spans += speaker["mentions"] + speaker["role_mentions"]
    for span in spans:
        shown = html_to_text(source[span["start"] : span["end"]]).text
        assert " ".join(shown.split()) == " ".join(span["text"].split()), (span, source[span["start"] : span["end"]])


@pytest.mark.parametrize(("source", "text", "speaker", "markup", "start", "end", "mention"), HTML_QUOTES)
def test_html_quotes_speakers_and_exact_offsets(client, source, text, speaker, markup, start, end, mention):
    response = client.post("/v1/quotes", data=source.encode(), content_type="text/html; charset=utf-8")
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    quote = quote_with(body, text)
    assert quote["speaker"]["name"] == speaker
    assert (quote["start"], quote["end"]) == (start, end)
    assert source[start:end] == markup
    assert source[quote["mention"]["start"] : quote["mention"]["end"]].startswith(mention)
    assert body["meta"]["chars"] == len(source)
    assert_spans_point_into(source, body)


def test_html_as_sent_is_not_text(client):
    """The issue's cases: the same fragment as plain text is misread; as HTML it is not."""
    source = "<p>&ldquo;We will appeal,&rdquo; said <b>Principal Laura King</b>.</p>"
    as_text = client.post("/v1/quotes", json={"text": source}).get_json()
    as_html = client.post("/v1/quotes", json={"text": source, "format": "html"}).get_json()
    assert as_text["quotes"] == [] or as_text["quotes"][0]["speaker"] is None
    quote = as_html["quotes"][0]
    assert quote["speaker"] == {"id": "s1", "name": "Laura King", "kind": "person", "role": "Principal"}
    assert source[quote["mention"]["start"] : quote["mention"]["end"]] == "Principal Laura King"


def test_the_batch_takes_html_documents_beside_plain_ones(client):
    source = HTML_QUOTES[1][0]
    documents = [{"id": "h", "text": source, "format": "html"}, {"id": "t", "text": "Officials said it was over."}]
    body = client.post("/v1/quotes/batch", json={"documents": documents}).get_json()
    single = client.post("/v1/quotes", data=source.encode(), content_type="text/html").get_json()
    assert body["results"][0]["quotes"] == single["quotes"]
    assert body["results"][0]["quotes"][0]["start"] == 4
    assert body["results"][1]["quotes"][0]["text"] == "it was over"
    assert body["meta"]["chars"] == len(source) + len(documents[1]["text"])


def test_html_with_no_text_is_answered_with_no_quotes(client):
    body = client.post("/v1/quotes", data=b"<p></p><script>x()</script>", content_type="text/html").get_json()
    assert body["quotes"] == [] and body["speakers"] == []


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"text": "<p>x</p>", "format": "xml"}, "format"), ({"text": " ", "format": "html"}, "text")],
)
def test_a_bad_format_or_blank_html_is_422(client, payload, field):
    error = assert_error(client.post("/v1/quotes", json=payload), 422, "validation_failed")
    assert field in error["details"]


def test_the_command_line_reads_html_files_and_the_html_flag(nlp, tmp_path, capsys):
    source = HTML_QUOTES[1][0]
    page = tmp_path / "article.html"
    page.write_text(source, encoding="utf-8")
    assert main([str(page), "--no-progress"], nlp=nlp) == 0
    body = json.loads(capsys.readouterr().out)
    assert (body["quotes"][0]["start"], body["quotes"][0]["end"]) == (4, 31)
    other = tmp_path / "article.txt"
    other.write_text(source, encoding="utf-8")
    assert main([str(other), "--input-format", "html", "--format", "text"], nlp=nlp) == 0
    assert capsys.readouterr().out == 'Laura King (Principal): "The budget is final,"\n'


# Malformed markup of every kind: never an exception, offsets always inside the HTML.
MARKUP_SOUP = st.text(alphabet="<>/!-&#;=\"' \npbxa[]", max_size=60)


@settings(max_examples=300, deadline=None)
@given(MARKUP_SOUP)
def test_malformed_markup_never_raises_and_offsets_stay_exact(source):
    assert_offsets_are_exact(source)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from([*'<>/&;"“” x', "<p>", "said", "Ann", "</b>", "&amp", "<!--"]), min_size=1).map("".join)
)
def test_malformed_html_is_never_a_500(client, source):
    response = client.post("/v1/quotes", data=source.encode(), content_type="text/html")
    assert response.status_code in (200, 422), response.get_data(as_text=True)
    if response.status_code == 200:
        assert_spans_point_into(source, response.get_json())


# Random HTML around known texts.  The generator writes the HTML one plain character at a
# time and records where each went, so the expected offsets do not come from the code
# under test.
SENTENCES = [
    "“We will appeal the ruling,” Mayor Ann Lee said.",
    "Officials said the strikes were defensive.",
    "“It’s over,” she told reporters on Tuesday.",
    "Coach Ted Ruiz said “the team played well” and left.",
    "The river rose two metres overnight.",
    "“Prices will rise,” the minister said, “and soon.”",
    "According to police, the road is closed.",
]
ENTITIES = {"“": ["&ldquo;", "&#8220;", "&#x201C;"], "”": ["&rdquo;", "&#8221;"], "’": ["&rsquo;", "&#x2019;"]}
INLINE = ["b", "i", "em", "strong", "span"]


@st.composite
def wrapped_articles(draw):
    paragraphs = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=2), min_size=1, max_size=3))
    plain = "\n\n".join(" ".join(p) for p in paragraphs)
    parts, starts, ends = [], [], []
    position = 0

    def emit(markup: str) -> None:
        nonlocal position
        parts.append(markup)
        position += len(markup)

    emit(draw(st.sampled_from(["", "<html><body>", "<!-- top -->"])))
    for n, paragraph in enumerate(paragraphs):
        block = draw(st.sampled_from(["p", "div", "li", "blockquote"]))
        if n:
            emit(draw(st.sampled_from(["\n", "", "<script>var s = '“x,” he said';</script>"])))
        emit(f"<{block}>")
        text = " ".join(paragraph)
        words = re.split("( )", text)
        for word in words:
            tag = draw(st.sampled_from([None, None, *INLINE])) if word != " " else None
            if tag:
                emit(f"<{tag}>")
            for char in word:
                encoded = draw(st.sampled_from([char, *ENTITIES.get(char, [])]))
                starts.append(position)
                emit(encoded)
                ends.append(position)
            if tag:
                emit(f"</{tag}>")
        emit(f"</{block}>")
        if n + 1 < len(paragraphs):
            starts += [None, None]  # the paragraph break: markup, no character
            ends += [None, None]
    return plain, "".join(parts), starts, ends


def moved(span: dict, starts: list, ends: list) -> tuple[int, int]:
    assert starts[span["start"]] is not None and ends[span["end"] - 1] is not None
    return starts[span["start"]], ends[span["end"] - 1]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(wrapped_articles())
def test_html_answers_are_the_plain_answers_moved_into_the_html(client, article):
    plain, source, starts, ends = article
    assert html_to_text(source).text == plain
    expected = client.post("/v1/quotes", json={"text": plain}).get_json()
    got = client.post("/v1/quotes", json={"text": source, "format": "html"}).get_json()
    assert len(got["quotes"]) == len(expected["quotes"])
    for mine, theirs in zip(got["quotes"], expected["quotes"]):
        assert (mine["start"], mine["end"]) == moved(theirs, starts, ends)
        for part in ("mention", "cue"):
            if theirs[part] is None:
                assert mine[part] is None
            else:
                assert (mine[part]["start"], mine[part]["end"]) == moved(theirs[part], starts, ends)
                assert mine[part]["text"] == theirs[part]["text"]
        same = {k: v for k, v in mine.items() if k not in ("start", "end", "mention", "cue")}
        assert same == {k: v for k, v in theirs.items() if k not in ("start", "end", "mention", "cue")}
    spans = ("mentions", "role_mentions")
    for mine, theirs in zip(got["speakers"], expected["speakers"], strict=True):
        for part in spans:
            assert [(m["start"], m["end"]) for m in mine[part]] == [moved(m, starts, ends) for m in theirs[part]]
        assert {k: v for k, v in mine.items() if k not in spans} == {k: v for k, v in theirs.items() if k not in spans}
