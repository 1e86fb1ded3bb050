"""The error report of `service.evaluate`, on a small hand-made document: it judges with the
scorer's matching, so its counts add up to what `service.scoring.score` reports."""

import re

from service.evaluate import error_report
from service.scoring import score

TEXT = (
    "“We will win,” Mark Esper said. “No comment,” a spokesman said. "
    "Officials said that the base was hit. Reed told reporters the vote would fail. "
    "“It is over,” Lee said. The weather was fine today."
)


def span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def gold(fragment, kind, speaker, cue, speaker_kind="person"):
    start, end = span(fragment)
    return {"start": start, "end": end, "kind": kind, "speaker": speaker, "speaker_kind": speaker_kind, "cue": cue}


def predicted(fragment, kind, name, rule, cue="said"):
    start, end = span(fragment)
    return {
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "kind": kind,
        "speaker": {"name": name},
        "cue": {"text": cue},
        "rule": rule,
    }


DOC = {
    "id": "d1",
    "text": TEXT,
    "quotes": [
        gold("We will win,", "direct", "Mark Esper", "said"),  # found, right speaker
        gold("No comment,", "direct", "a spokesman", "said"),  # found, wrong speaker
        gold("It is over,", "direct", "Lee", "Said"),  # missed
        gold("that the base was hit", "indirect", "Officials", "said", "group"),  # found, wrong speaker
        gold("the vote would fail", "indirect", "Reed", "told"),  # missed
    ],
}
PREDICTIONS = {
    "d1": [
        predicted("We will win,", "direct", "Esper", "cue_after"),
        predicted("No comment,", "direct", "Mark Esper", "inherited"),
        # Two predictions cover the reported clause; the scorer judges the one with the most
        # of it, whose speaker is wrong, so the gold record counts as a wrong speaker.
        predicted("the base was hit", "indirect", "Officials", "according_to"),
        predicted("that the base was hit", "indirect", "Reed", "reported"),
        predicted("The weather was fine", "direct", "Lee", "colon_intro", cue=None),  # false
        predicted("Reed told reporters", "indirect", "Reed", "reported", cue="Told"),  # false
    ]
}


def categories(report: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"^## (.+): (\d+)$", report, re.M)}


def test_error_report_categories_and_counts():
    report = error_report([DOC], PREDICTIONS, examples=5)
    assert categories(report) == {
        "quote missed (gold cue: said)": 1,
        "quote wrong speaker (rule: inherited)": 1,
        "quote false (cue: -)": 1,
        "indirect missed (gold cue: told)": 1,
        "indirect wrong speaker (rule: reported)": 1,
        "indirect false (cue: told)": 1,
    }
    # Examples show the span in its context, and the speakers.
    assert "would fail. “[[It is over,]]” Lee said. The weather" in report
    assert "gold speaker: Lee" in report
    assert "gold: a spokesman | predicted: Mark Esper (mention None)" in report
    assert "gold: Officials | predicted: Reed (mention None)" in report
    assert "[[Reed told reporters]]" in report


def test_error_report_agrees_with_the_scores():
    report = categories(error_report([DOC], PREDICTIONS, examples=0))
    result = score([DOC], PREDICTIONS)
    for family, spans, speakers in (
        ("quote", "quotes", "attribution"),
        ("indirect", "indirect", "indirect_attribution"),
    ):
        n_gold, n_pred = result[spans]["gold"], result[spans]["pred"]
        found, found_attr = round(result[spans]["r"] * n_gold), round(result[speakers]["r"] * n_gold)
        right = round(result[spans]["p"] * n_pred)
        totals = {
            kind: sum(n for key, n in report.items() if key.startswith(f"{family} {kind} "))
            for kind in ("missed", "wrong speaker", "false")
        }
        assert totals == {"missed": n_gold - found, "wrong speaker": found - found_attr, "false": n_pred - right}


def test_error_report_examples_are_limited_and_empty_without_failures():
    report = error_report([DOC], PREDICTIONS, examples=0)
    assert "  - " not in report
    perfect = {"d1": [predicted(TEXT[g["start"] : g["end"]], g["kind"], g["speaker"], "x") for g in DOC["quotes"]]}
    assert error_report([DOC], perfect, examples=3) == ""
