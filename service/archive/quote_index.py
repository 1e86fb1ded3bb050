"""The same quotation across articles: groups of quotations with the same words, or one
containing another (a partial quote of a longer one), each with every article, offset and
speaker, flagged when the articles give it to more than one speaker.

- **Which quotations**: direct and partial quotations (not indirect speech: reported words
  are the reporter's) of at least `min_words` words once normalised: case folded, quote
  marks, punctuation and apostrophes dropped, hyphens and whitespace made single spaces.
  Shorter fragments ("no comment", "long overdue") match too much to mean one quotation.
- **How, on the cluster**: every quotation is cut into shingles of `min_words` words; the
  shingles are shuffled by a stable hash of their words (`dask.bag.groupby`, a task shuffle),
  so quotations that share one meet on one worker. There a quotation whose *first* shingle
  is the bucket's is checked against every other in the bucket: if its words are the same
  as, or a run inside, the other's, the pair is an edge. A quotation inside another always
  shares its first shingle with it, so no pair is missed, and each check is exact, so a hash
  collision costs time, never a wrong group. The edges come back to the client (only
  quotations that have a match travel), which makes one group per longest quotation: its
  printings and those of every quotation inside it. A short quotation inside two different
  longer ones is listed in both groups and never joins them.
- **Speakers**: a group's speakers are its attributed quotations' speakers: named people and
  organisations by normalised name (a surname alone joins the one full name in the group it
  fits), anonymous sources as one class, groups ("officials") as another. Unattributed
  quotations are listed but are nobody. `multiple_speakers` is true when there are two or more.

One row per quotation in a group; groups are numbered by size (articles, then quotations).
"""

from __future__ import annotations

import csv
import hashlib
import json
import operator
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator

import dask.bag as db
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client

from . import parquet
from .names import alias_map
from .output import format_of, part_paths
from .tables import quote_rows

INDEXED_KINDS = frozenset({"direct", "partial"})
DEFAULT_MIN_WORDS = 4
_QUOTE_COLUMNS = [
    "article_id",
    "quote_id",
    "kind",
    "text",
    "start",
    "end",
    "speaker_name",
    "speaker_kind",
    "speaker_key",
]
_APOSTROPHES = re.compile(r"['’ʼ`]")
_NON_WORD = re.compile(r"[^\w]+|_")

INDEX_SCHEMA = pa.schema(
    [
        pa.field("group_id", pa.int64(), nullable=False),
        pa.field("group_articles", pa.int64(), nullable=False),
        pa.field("group_quotes", pa.int64(), nullable=False),
        pa.field("group_speakers", pa.int64(), nullable=False),  # distinct speakers, as counted above
        pa.field("multiple_speakers", pa.bool_(), nullable=False),
        pa.field("longest_text", pa.string(), nullable=False),  # the group's longest quotation, as printed
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("quote_id", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("contained", pa.bool_(), nullable=False),  # fewer words than the longest: a part of it
        pa.field("speaker_name", pa.string()),
        pa.field("speaker_kind", pa.string()),
        pa.field("speaker", pa.string()),  # who this quotation counts as in group_speakers
    ]
)
COLUMNS = tuple(INDEX_SCHEMA.names)


def normalise(text: str) -> str:
    """A quotation's words for matching: `“We can’t wait,” -` → `we cant wait`."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", text)).split())


def _stable_hash(words: str) -> int:
    # Python's own str hash differs between worker processes; the shuffle needs one that does not
    return int.from_bytes(hashlib.blake2b(words.encode("utf-8"), digest_size=8).digest(), "big")


def entries(rows: Iterable[dict], min_words: int = DEFAULT_MIN_WORDS) -> list[dict]:
    """The indexed quotations among some quote rows, each with its normalised words."""
    found = []
    for row in rows:
        if row["kind"] not in INDEXED_KINDS:
            continue
        words = normalise(row["text"])
        if len(words.split()) >= min_words:
            found.append({k: row[k] for k in _QUOTE_COLUMNS} | {"words": words})
    return found


def shingles(items: Iterable[dict], min_words: int = DEFAULT_MIN_WORDS) -> Iterator[tuple[int, bool, dict]]:
    """(hash of a run of `min_words` words, whether it is the quotation's first, the quotation)."""
    for entry in items:
        words = entry["words"].split()
        seen = set()
        for i in range(len(words) - min_words + 1):
            key = _stable_hash(" ".join(words[i : i + min_words]))
            if key not in seen:
                seen.add(key)
                yield key, i == 0, entry


def contains(outer: str, inner: str) -> bool:
    """Whether the words `inner` are the words `outer` or a run inside them."""
    return f" {inner} " in f" {outer} "


def bucket_edges(bucket: tuple[int, list[tuple[int, bool, dict]]]) -> list[tuple[dict, dict]]:
    """Pairs of quotations in different articles where the first is the same as, or inside, the second."""
    _, members = bucket
    heads = [entry for _, first, entry in members if first]
    others = [entry for _, _, entry in members]
    return [
        (head, other)
        for head in heads
        for other in others
        if other["article_id"] != head["article_id"] and contains(other["words"], head["words"])
    ]


def _edges_of(buckets: Iterable[tuple[int, list]]) -> list[tuple[dict, dict]]:
    return [edge for bucket in buckets for edge in bucket_edges(bucket)]


def _uid(entry: dict) -> tuple[str, str]:
    return entry["article_id"], entry["quote_id"]


def groups(edges: Iterable[tuple[dict, dict]]) -> list[list[dict]]:
    """The groups the edges make: one per longest quotation (words inside no other matched
    quotation), with every printing of it and of each quotation inside it. A short quotation
    inside two different longer ones is in both groups: it never joins them into one."""
    printings: dict[str, dict[tuple, dict]] = {}  # words -> printings with those words
    containers: dict[str, set[str]] = {}  # words -> the longer words they are inside
    for inner, outer in edges:
        for entry in (inner, outer):
            printings.setdefault(entry["words"], {})[_uid(entry)] = entry
        if inner["words"] != outer["words"]:
            containers.setdefault(inner["words"], set()).add(outer["words"])

    def outermost(words: str) -> set[str]:
        # a run of words inside B inside C is inside C, even if no article printed it with C
        stack, seen, roots = [words], {words}, set()
        while stack:
            current = stack.pop()
            above = containers.get(current)
            if not above:
                roots.add(current)
                continue
            for outer in above - seen:
                seen.add(outer)
                stack.append(outer)
        return roots

    members: dict[str, dict[tuple, dict]] = {}
    for words, found in printings.items():
        for root in outermost(words):
            members.setdefault(root, {}).update(found)
    return [
        sorted(found.values(), key=lambda e: (e["article_id"], e["start"]))
        for found in members.values()
        if len({e["article_id"] for e in found.values()}) > 1
    ]


def _speakers(members: list[dict]) -> dict[tuple, str | None]:
    """Who each quotation of a group counts as: a named speaker's key, a class, or None."""
    aliases = alias_map(e["speaker_key"] for e in members if e["speaker_key"])
    who = {}
    for entry in members:
        if entry["speaker_key"]:
            who[_uid(entry)] = aliases.get(entry["speaker_key"], entry["speaker_key"])
        elif entry["speaker_kind"]:
            who[_uid(entry)] = f"class:{entry['speaker_kind']}"
        else:
            who[_uid(entry)] = None
    return who


def index_rows(found: list[list[dict]]) -> list[dict]:
    """One row per quotation of every group, the groups numbered largest first."""

    def size(members: list[dict]) -> tuple:
        longest = max(members, key=lambda e: len(e["words"]))
        return (-len({e["article_id"] for e in members}), -len(members), longest["words"])

    table = []
    for number, members in enumerate(sorted(found, key=size), start=1):
        longest = min(members, key=lambda e: (-len(e["words"]), e["article_id"], e["start"]))  # first of the longest
        who = _speakers(members)
        speakers = {w for w in who.values() if w}
        for entry in members:
            table.append(
                {
                    "group_id": number,
                    "group_articles": len({e["article_id"] for e in members}),
                    "group_quotes": len(members),
                    "group_speakers": len(speakers),
                    "multiple_speakers": len(speakers) > 1,
                    "longest_text": longest["text"],
                    "article_id": entry["article_id"],
                    "quote_id": entry["quote_id"],
                    "kind": entry["kind"],
                    "start": entry["start"],
                    "end": entry["end"],
                    "text": entry["text"],
                    "contained": entry["words"] != longest["words"],
                    "speaker_name": entry["speaker_name"],
                    "speaker_kind": entry["speaker_kind"],
                    "speaker": who[_uid(entry)],
                }
            )
    return table


def _quote_rows_of_lines(lines: Iterable[str]) -> list[dict]:
    return [row for line in lines if line.strip() for row in quote_rows(json.loads(line))]


def _quote_rows_of_files(paths: Iterable[str]) -> list[dict]:
    return [row for path in paths for row in pq.read_table(path, columns=_QUOTE_COLUMNS).to_pylist()]


def quotation_bag(out_dir: str) -> db.Bag | None:
    """Every quote row under OUT (either format) as a bag, one partition per file; None if none."""
    if format_of(out_dir) == "parquet":
        paths = parquet.table_paths(out_dir, "quotes")
        if not paths:
            return None
        return db.from_sequence(paths, npartitions=len(paths)).map_partitions(_quote_rows_of_files)
    paths = part_paths(out_dir)
    if not paths:
        return None
    return db.read_text(paths, blocksize=None, encoding="utf-8").map_partitions(_quote_rows_of_lines)


def build_index(out_dir: str, client: Client | None = None, min_words: int = DEFAULT_MIN_WORDS) -> list[dict]:
    """The quote index over everything under OUT, computed on `client`'s cluster."""
    if min_words < 2:
        raise ValueError("min_words must be at least 2")
    quotes = quotation_bag(out_dir)
    if quotes is None:
        return []
    keyed = quotes.map_partitions(entries, min_words).map_partitions(shingles, min_words)
    buckets = keyed.groupby(operator.itemgetter(0), shuffle="tasks", npartitions=quotes.npartitions)
    edges = buckets.map_partitions(_edges_of)
    found = edges.compute() if client is None else client.compute(edges).result()
    return index_rows(groups(found))


def write_index(table: list[dict], path: str) -> None:
    """Write the index as Parquet (a `.parquet` path) or CSV (any other), through a temporary file."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temp = os.path.join(os.path.dirname(os.path.abspath(path)), f".{os.path.basename(path)}.tmp")
    if path.endswith(".parquet"):
        pq.write_table(pa.Table.from_pylist(table, schema=INDEX_SCHEMA), temp)
    else:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(table)
    os.replace(temp, path)


def describe(table: list[dict]) -> str:
    group_ids = {row["group_id"] for row in table}
    flagged = {row["group_id"] for row in table if row["multiple_speakers"]}
    return (
        f"{len(group_ids)} quotation{'s' * (len(group_ids) != 1)} printed in more than one article "
        f"({len(table)} rows), {len(flagged)} attributed to more than one speaker"
    )
