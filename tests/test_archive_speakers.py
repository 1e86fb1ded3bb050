"""Speaker counts across articles (service.archive.names, service.archive.summary): named
speakers merge by normalised name and by surname variants; anonymous and group speakers are
counted as classes and never merged by description. No cluster needed.

The names below are made up for these tests."""

from __future__ import annotations

import pytest

from service.archive.names import alias_map, speaker_key
from service.archive.summary import count_records, describe, merge_counts, rows


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [
        ("Dana Okafor", "person", "person:dana okafor"),
        ("DANA  OKAFOR", "person", "person:dana okafor"),
        ("Dana T. Okafor", "person", "person:dana okafor"),  # a middle initial
        ("Dána Okafor Jr.", "person", "person:dana okafor"),  # accents, a generational suffix
        ("Okafor’s", "person", "person:okafor"),  # a possessive left on a name
        ("Seán O’Neill", "person", "person:sean oneill"),
        ("The Northgate Foods Inc.", "organization", "organization:northgate foods"),
        ("Northgate Foods", "organization", "organization:northgate foods"),
        ("a port official", "anonymous", None),  # never a key: counted as a class
        ("Officials", "group", None),
        ("…", "person", None),
    ],
)
def test_speaker_keys(name, kind, key):
    assert speaker_key(name, kind) == key


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        # a surname alone, or an initial and a surname, joins the one full name that fits
        (["person:dana okafor", "person:okafor", "person:d okafor"], {"person:okafor", "person:d okafor"}),
        # two full names fit: no guess
        (["person:dana okafor", "person:chidi okafor", "person:okafor"], set()),
        # an initial that does not fit
        (["person:dana okafor", "person:c okafor"], set()),
        # organisations are never joined by a word of their name
        (["organization:northgate", "organization:northgate foods"], set()),
    ],
)
def test_surname_variants_join_one_full_name(keys, expected):
    aliases = alias_map(keys)
    assert set(aliases) == expected
    assert set(aliases.values()) <= {"person:dana okafor"}


def _speaker(name, kind, quotes, role=None, roles=()):
    return {"id": "s", "name": name, "kind": kind, "quotes": [f"q{i}" for i in range(quotes)], "role": role,
            "roles": list(roles), "mentions": []}  # fmt: skip


def _article(doc_id, *speakers):
    return {"id": doc_id, "speakers": list(speakers), "quotes": [], "meta": {}}


ARCHIVE = [
    _article(
        "a1",
        _speaker("Dana Okafor", "person", 2, "harbour master", ["harbour master"]),
        _speaker("spokesperson", "anonymous", 1),
        _speaker("Officials", "group", 1),
    ),
    _article("a2", _speaker("Okafor", "person", 1), _speaker("spokesperson", "anonymous", 2)),
    _article("a3", _speaker("Dana T. Okafor", "person", 1), _speaker("a port official", "anonymous", 1)),
    _article("a4", _speaker("The Port Authority", "organization", 1), _speaker("Port Authority", "organization", 0)),
    _article("a5", _speaker("Port Authority", "organization", 2), _speaker("officials", "group", 1)),
]


def test_named_speakers_merge_and_anonymous_speakers_are_a_class():
    table = rows(count_records(ARCHIVE))
    assert [tuple(row.values()) for row in table] == [
        ("Dana Okafor", "person", "named", 4, 3, "Dana Okafor (2); Dana T. Okafor (1); Okafor (1)", "harbour master"),
        ("Port Authority", "organization", "named", 3, 2, "Port Authority (2); The Port Authority (1)", ""),
        # two spokespeople in two articles are not one speaker with three quotes: a class of four
        ("anonymous sources", "anonymous", "class", 4, 3, "spokesperson (3); a port official (1)", ""),
        ("groups", "group", "class", 2, 2, "Officials (1); officials (1)", ""),
    ]
    assert describe(table) == (
        "2 named (people and organisations, merged across articles by name) with 7 quotes; "
        "anonymous sources: 4 quotes in 3 articles; groups: 2 quotes in 2 articles"
    )


def test_counts_merged_from_parts_equal_counts_of_the_whole():
    # counted per file and merged, as the cluster does; the surname join happens after the merge
    parts = [count_records(ARCHIVE[:1]), count_records(ARCHIVE[1:2]), count_records(ARCHIVE[2:])]
    assert rows(merge_counts(parts)) == rows(count_records(ARCHIVE))


def test_an_ambiguous_surname_stays_its_own_row():
    archive = [*ARCHIVE, _article("a6", _speaker("Chidi Okafor", "person", 1))]
    names = [row["speaker"] for row in rows(count_records(archive))]
    assert names[:2] == ["Dana Okafor", "Port Authority"]
    assert {"Chidi Okafor", "Okafor"} <= set(names)


def test_speakers_without_quotes_and_empty_archives_count_nothing():
    assert rows(count_records([_article("a", _speaker("Mayor", "person", 0)), _article("b")])) == []
    assert describe([]) == (
        "0 named (people and organisations, merged across articles by name) with 0 quotes; "
        "anonymous sources: 0 quotes in 0 articles; groups: 0 quotes in 0 articles"
    )


def test_one_quote_in_one_article_is_said_in_the_singular():
    table = rows(count_records([_article("a", _speaker("a spokesperson", "anonymous", 1))]))
    assert describe(table).endswith("anonymous sources: 1 quote in 1 article; groups: 0 quotes in 0 articles")
