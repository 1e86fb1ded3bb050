"""Property tests: arbitrary text never raises, and every offset returned is exact."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.response import attribute_text

QUOTEY = st.sampled_from([*"\"'“”‘’«»„`", "''", "``", "‘‘", "’’", "\r\n", "\n\n", "\u00a0", " said ", " He "])
WORDS = st.sampled_from(
    ["Esper", "he", "said", "told", "the", "department", "Gen.", "Mark", ",", ".", ":", "—", "that"]
)
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), QUOTEY, WORDS), min_size=1, max_size=60).map("".join)


def assert_exact(text: str, body: dict) -> None:
    for quote in body["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        for part in ("mention", "cue"):
            span = quote[part]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
    for speaker in body["speakers"]:
        for mention in [*speaker["mentions"], *speaker["role_mentions"]]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
        assert [m["text"] for m in speaker["role_mentions"]] == speaker["roles"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_arbitrary_text_never_raises_and_offsets_are_exact(nlp, text):
    assert_exact(text, attribute_text(nlp, text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300))
def test_arbitrary_unicode(nlp, text):
    assert_exact(text, attribute_text(nlp, text))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(text=TEXT)
def test_api_never_fails_on_arbitrary_text(client, text):
    response = client.post("/v1/quotes", json={"text": text})
    assert response.status_code in {200, 422}
    if response.status_code == 200:
        assert_exact(text, response.get_json())
