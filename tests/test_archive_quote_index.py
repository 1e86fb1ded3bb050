"""The quote index (service.archive.quote_index) on archive records written here by hand, with
Dask's synchronous scheduler: the same shuffle and checks the cluster runs, without one.
(tests/test_archive_tables.py runs it on a cluster, on articles the pipeline parsed.)

The quotations and names below are made up for these tests."""

from __future__ import annotations

import csv

import dask
import pyarrow.parquet as pq
import pytest

from service.archive import output
from service.archive.quote_index import INDEX_SCHEMA, build_index, describe, normalise, write_index


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("\u201cWe can\u2019t wait,\u201d", "we cant wait"),
        ("We CAN'T  wait!", "we cant wait"),
        ("half-empty boats \u2014 every hour\u2026", "half empty boats every hour"),
        ("\u00abL\u2019\u00e9t\u00e9 sera long\u00bb", "l\u00e9t\u00e9 sera long"),  # accents are kept
        ("  \n\t ", ""),
    ],
)
def test_normalised_words(text, words):
    assert normalise(text) == words


def quote(qid, text, speaker=None, kind="direct"):
    return {"id": qid, "text": text, "start": 0, "end": len(text), "kind": kind, "confidence": 0.9,
            "speaker": speaker, "mention": None, "cue": None}  # fmt: skip


def person(name, kind="person"):
    return {"id": "s1", "name": name, "kind": kind, "role": None}


def record(doc_id, *quotes):
    return {"id": doc_id, "quotes": list(quotes), "speakers": [], "meta": {"model": "m", "version": "v", "chars": 0}}


FULL = "The tide waits for no council, and neither do we."
ARCHIVE = [
    # one quotation, attributed the same way three times (once by surname alone), once partly
    record("a1", quote("q1", FULL, person("Mira Solberg")), quote("q2", "We have only just started here.")),
    record("a2", quote("q1", f"\u2018{FULL.upper()}\u2019", person("Solberg"))),
    record("a3", quote("q1", "the tide waits for no council", person("Mira Solberg"), kind="partial")),
    # another: named in one article, an anonymous source in another, unattributed in a third
    record("b1", quote("q1", "Nobody in this building has read the report.", person("Tomas Brek"))),
    record("b2", quote("q1", "Nobody in this building has read the report", person("an aide", "anonymous"))),
    record("b3", quote("q1", "nobody in this building has read the report.")),
    # not indexed: too short, indirect speech, repeated inside one article only
    record("c1", quote("q1", "No comment.", person("Ann Ode")), quote("q2", "the report was late", kind="indirect")),
    record("c2", quote("q1", "No comment.", person("Lee Ode")), quote("q2", "the report was late", kind="indirect")),
    record("d1", quote("q1", "We will be back in the spring."), quote("q2", "We will be back in the spring.")),
]


def index_of(folder, archive, chunks=3) -> list[dict]:
    size = -(-len(archive) // chunks)
    for i in range(0, len(archive), size):
        output.write_partition(folder, "test", i, archive[i : i + size], "parquet")
    with dask.config.set(scheduler="sync"):
        return build_index(str(folder))


@pytest.fixture
def index(tmp_path) -> list[dict]:
    return index_of(tmp_path, ARCHIVE)


def by_group(index):
    found = {}
    for row in index:
        found.setdefault(row["group_id"], []).append(row)
    return found


def test_a_quotation_given_to_one_speaker_is_one_group_and_not_flagged(index):
    groups = by_group(index)
    [tide] = [g for g in groups.values() if g[0]["longest_text"] == FULL]
    assert [(r["article_id"], r["contained"], r["speaker"]) for r in tide] == [
        ("a1", False, "person:mira solberg"),
        ("a2", False, "person:mira solberg"),  # "Solberg" alone is Mira Solberg
        ("a3", True, "person:mira solberg"),  # a part of the longer quotation
    ]
    assert {(r["group_articles"], r["group_quotes"], r["group_speakers"], r["multiple_speakers"]) for r in tide} == {
        (3, 3, 1, False)
    }


def test_a_quotation_given_to_a_named_and_an_anonymous_speaker_is_flagged(index):
    [report] = [g for g in by_group(index).values() if g[0]["article_id"] == "b1"]
    assert [(r["article_id"], r["speaker"]) for r in report] == [
        ("b1", "person:tomas brek"),
        ("b2", "class:anonymous"),
        ("b3", None),  # unattributed: listed, but nobody
    ]
    assert report[0]["group_speakers"] == 2 and report[0]["multiple_speakers"] is True


def test_short_fragments_indirect_speech_and_repeats_inside_one_article_are_not_grouped(index):
    assert {r["article_id"] for r in index} == {"a1", "a2", "a3", "b1", "b2", "b3"}
    assert len(by_group(index)) == 2
    assert (
        describe(index)
        == "2 quotations printed in more than one article (6 rows), 1 attributed to more than one speaker"
    )


def test_a_fragment_inside_two_different_quotations_never_joins_them(tmp_path):
    fragment = "we will not be moved"
    archive = [
        record("x1", quote("q1", f"On the tolls, {fragment}.", person("Mira Solberg"))),
        record("x2", quote("q1", f"On the school, {fragment} either.", person("Tomas Brek"))),
        record("x3", quote("q1", fragment.capitalize(), person("Solberg"), kind="partial")),
        # A inside B inside C, with A and C in one article: A is in C's group through B
        record(
            "y1",
            quote("q1", "Keep the harbour open all year round for the boats.", person("Ann Ode")),
            quote("q2", "harbour open all year", person("Ode"), kind="partial"),
        ),
        record("y2", quote("q1", "the harbour open all year round", person("Ann Ode"), kind="partial")),
    ]
    groups = by_group(index_of(tmp_path, archive, chunks=2))
    assert sorted([r["article_id"] for r in g] for g in groups.values()) == [
        ["x1", "x3"],
        ["x2", "x3"],
        ["y1", "y1", "y2"],
    ]
    flagged = {g[0]["article_id"] for g in groups.values() if g[0]["multiple_speakers"]}
    assert flagged == {"x2"}  # Tomas Brek's quotation printed in part under Solberg's name


def test_the_index_file_as_parquet_and_as_csv(index, tmp_path):
    write_index(index, str(tmp_path / "index.parquet"))
    write_index(index, str(tmp_path / "index.csv"))
    table = pq.read_table(tmp_path / "index.parquet")
    assert table.schema.remove_metadata() == INDEX_SCHEMA and table.to_pylist() == index
    with open(tmp_path / "index.csv", encoding="utf-8", newline="") as handle:
        assert [row["article_id"] for row in csv.DictReader(handle)] == [row["article_id"] for row in index]


def test_an_empty_archive_has_an_empty_index(tmp_path):
    with dask.config.set(scheduler="sync"):
        assert build_index(str(tmp_path)) == []
