"""Speaker counts across articles: named speakers merged by name, anonymous and group speakers as classes.

What is counted is quotations attributed to a speaker (unattributed ones are not anyone's):

- **named speakers**, people and organisations, one row each: merged across articles by
  normalised name, a surname alone joining the one full name it fits (`names.py`);
- **anonymous sources** and **groups** ("officials", "analysts"), one row per class: a
  spokesperson in one article and a spokesperson in another are not known to be one person,
  so they are never merged by their description; the descriptions are listed instead.

    speaker, kind, counted_as, quotes, articles, variants, roles

- `counted_as`: `named` or `class`; `quotes`: quotations attributed; `articles`: articles
  quoting them; `variants`: every spelling (named) or description (class) seen, with its
  number of quotes, most first; `roles`: every role seen, most frequent first.

The run summary printed at the end of a run counts the same thing over that run's articles
(`describe`); the CSV counts it over everything under OUT. The counting runs on the cluster:
each output file is counted on a worker, and the counts are merged in a tree.
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Iterable

import dask.bag as db
import pyarrow.parquet as pq
from distributed import Client

from . import parquet
from .names import CLASS_KINDS, CLASS_LABELS, NAMED_KINDS, alias_map, speaker_key
from .output import format_of, part_paths
from .tables import speaker_rows

COLUMNS = ("speaker", "kind", "counted_as", "quotes", "articles", "variants", "roles")
_SPEAKER_COLUMNS = ["article_id", "name", "kind", "role", "roles", "quotes"]


def _new_entry() -> dict:
    return {"names": Counter(), "kinds": Counter(), "roles": Counter(), "quotes": 0, "articles": 0}


def count_speakers(rows: Iterable[dict]) -> dict[str, dict]:
    """Counts keyed by speaker key (named speakers) or `class:<kind>`, from speaker rows
    (`tables.speaker_rows`). Every row of one article must be in the same call."""
    counts: dict[str, dict] = {}
    seen: set[tuple[str, str]] = set()
    for row in rows:
        quotes = row["quotes"]
        if not quotes:
            continue
        kind = row["kind"]
        key = speaker_key(row["name"], kind) if kind in NAMED_KINDS else f"class:{kind}"
        if key is None:  # a name of punctuation alone: nobody to count
            continue
        entry = counts.setdefault(key, _new_entry())
        entry["names"][row["name"]] += quotes
        entry["kinds"][kind] += quotes
        entry["quotes"] += quotes
        if (row["article_id"], key) not in seen:
            seen.add((row["article_id"], key))
            entry["articles"] += 1
        roles = list(row.get("roles") or [])
        if row.get("role") and row["role"] not in roles:
            roles.append(row["role"])
        entry["roles"].update(roles)
    return counts


def count_records(records: Iterable[dict]) -> dict[str, dict]:
    return count_speakers(row for record in records for row in speaker_rows(record))


def count_lines(lines: Iterable[str]) -> dict[str, dict]:
    return count_records(json.loads(line) for line in lines if line.strip())


def count_parquet_files(paths: Iterable[str]) -> dict[str, dict]:
    return merge_counts(count_speakers(pq.read_table(p, columns=_SPEAKER_COLUMNS).to_pylist()) for p in paths)


def _merge_into(into: dict, entry: dict) -> None:
    for name in ("names", "kinds", "roles"):
        into[name].update(entry[name])
    for name in ("quotes", "articles"):
        into[name] += entry[name]


def add_counts(into: dict[str, dict], part: dict[str, dict]) -> dict[str, dict]:
    """Add the counts `part` to `into` (changed in place, and returned)."""
    for key, entry in part.items():
        _merge_into(into.setdefault(key, _new_entry()), entry)
    return into


def merge_counts(parts: Iterable[dict[str, dict]]) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for part in parts:
        add_counts(merged, part)
    return merged


def resolve_aliases(counts: dict[str, dict]) -> dict[str, dict]:
    """Merge each surname-only (or initial and surname) key into the one full name it fits."""
    aliases = alias_map(counts)
    resolved: dict[str, dict] = {}
    for key, entry in counts.items():
        target = aliases.get(key, key)
        into = resolved.setdefault(target, _new_entry())
        _merge_into(into, entry)
        if target != key:
            into.setdefault("aliases", Counter()).update(entry["names"])
    return resolved


def _most_common(counter: Counter) -> str:
    # ties go to the alphabetically first, so the table does not depend on file order
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def _listed(counter: Counter) -> str:
    return "; ".join(f"{name} ({n})" for name, n in sorted(counter.items(), key=lambda i: (-i[1], i[0])))


def rows(counts: dict[str, dict]) -> list[dict]:
    """One row per named speaker, most quoted first, then one per class (anonymous, groups)."""
    counts = resolve_aliases(counts)
    named, classes = [], []
    for key, entry in counts.items():
        kind_of_class = key.partition(":")[2] if key.startswith("class:") else None
        if kind_of_class:
            speaker = CLASS_LABELS.get(kind_of_class, kind_of_class)
        else:
            # the display name is the spelling seen most, leaving out surname-only variants
            own = entry["names"] - entry.get("aliases", Counter())
            speaker = _most_common(own or entry["names"])
        row = {
            "speaker": speaker,
            "kind": kind_of_class or _most_common(entry["kinds"]),
            "counted_as": "class" if kind_of_class else "named",
            "quotes": entry["quotes"],
            "articles": entry["articles"],
            "variants": _listed(entry["names"]),
            "roles": "; ".join(role for role, _ in sorted(entry["roles"].items(), key=lambda i: (-i[1], i[0]))),
        }
        (classes if kind_of_class else named).append(row)
    named.sort(key=lambda row: (-row["quotes"], -row["articles"], row["speaker"].casefold(), row["speaker"]))
    order = {kind: i for i, kind in enumerate(CLASS_KINDS)}
    classes.sort(key=lambda row: order.get(row["kind"], len(order)))
    return named + classes


def describe(table: list[dict]) -> str:
    """What a table of `rows` counts, in one line: the run summary and the CSV say the same."""
    named = [r for r in table if r["counted_as"] == "named"]
    by_class = {r["kind"]: r for r in table if r["counted_as"] == "class"}
    parts = [
        f"{len(named)} named (people and organisations, merged across articles by name) "
        f"with {sum(r['quotes'] for r in named)} quotes"
    ]
    for kind in CLASS_KINDS:
        row = by_class.get(kind, {"quotes": 0, "articles": 0})
        parts.append(
            f"{CLASS_LABELS[kind]}: {row['quotes']} quote{'s' * (row['quotes'] != 1)} in "
            f"{row['articles']} article{'s' * (row['articles'] != 1)}"
        )
    return "; ".join(parts)


def archive_counts(out_dir: str, client: Client | None = None) -> dict[str, dict]:
    """Speaker counts over every partition under `out_dir` (either format), counted on the cluster."""
    if format_of(out_dir) == "parquet":
        paths = parquet.table_paths(out_dir, "speakers")
        if not paths:
            return {}
        bag = db.from_sequence(paths, npartitions=len(paths))
        reduction = bag.reduction(count_parquet_files, merge_counts, split_every=8)
    else:
        paths = part_paths(out_dir)
        if not paths:
            return {}
        bag = db.read_text(paths, blocksize=None, encoding="utf-8")
        reduction = bag.reduction(count_lines, merge_counts, split_every=8)
    if client is None:
        return reduction.compute()
    return client.compute(reduction).result()


def write_csv(table: list[dict], path: str) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(table)


def write_summary(out_dir: str, path: str, client: Client | None = None) -> list[dict]:
    table = rows(archive_counts(out_dir, client))
    write_csv(table, path)
    return table
