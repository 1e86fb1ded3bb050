"""Per-speaker counts over everything written under OUT, as CSV.

Speakers are matched across articles by name, ignoring case ("Officials" at the start of a
sentence and "officials" inside one are one row); the row shows the spelling seen most.

    speaker, kind, quotes, articles, share_anonymous, roles

- `quotes`: quotations attributed to the speaker; `articles`: articles quoting them;
- `kind`: the kind the pipeline gave them most often (person, organization, group, anonymous);
- `share_anonymous`: the share of their quotes where they were an anonymous source;
- `roles`: every role seen for them, most frequent first, separated by "; ".

The counting runs on the cluster: each output file is counted on a worker, and the counts
are merged in a tree (`dask.bag` reduction).
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from collections.abc import Iterable

import dask.bag as db
from distributed import Client

from .output import part_paths

COLUMNS = ("speaker", "kind", "quotes", "articles", "share_anonymous", "roles")


def _new_entry() -> dict:
    return {"names": Counter(), "kinds": Counter(), "roles": Counter(), "quotes": 0, "anonymous": 0, "articles": 0}


def count_speakers(records: Iterable[dict]) -> dict[str, dict]:
    """Counts for the speakers of some archive records, keyed by case-folded name."""
    counts: dict[str, dict] = {}
    for record in records:
        seen: set[str] = set()
        for speaker in record.get("speakers", []):
            quotes = len(speaker.get("quotes", []))
            if not quotes:
                continue
            key = speaker["name"].casefold()
            entry = counts.setdefault(key, _new_entry())
            entry["names"][speaker["name"]] += 1
            entry["kinds"][speaker["kind"]] += quotes
            entry["quotes"] += quotes
            if key not in seen:
                seen.add(key)
                entry["articles"] += 1
            if speaker["kind"] == "anonymous":
                entry["anonymous"] += quotes
            roles = list(speaker.get("roles") or [])
            if speaker.get("role") and speaker["role"] not in roles:
                roles.append(speaker["role"])
            entry["roles"].update(roles)
    return counts


def count_lines(lines: Iterable[str]) -> dict[str, dict]:
    return count_speakers(json.loads(line) for line in lines if line.strip())


def merge_counts(parts: Iterable[dict[str, dict]]) -> dict[str, dict]:
    merged: dict[str, dict] = {}
    for part in parts:
        for key, entry in part.items():
            into = merged.setdefault(key, _new_entry())
            for name in ("names", "kinds", "roles"):
                into[name].update(entry[name])
            for name in ("quotes", "anonymous", "articles"):
                into[name] += entry[name]
    return merged


def _most_common(counter: Counter) -> str:
    # ties go to the alphabetically first, so the table does not depend on file order
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def rows(counts: dict[str, dict]) -> list[dict]:
    """One row per speaker, most quoted first."""
    table = [
        {
            "speaker": _most_common(entry["names"]),
            "kind": _most_common(entry["kinds"]),
            "quotes": entry["quotes"],
            "articles": entry["articles"],
            "share_anonymous": round(entry["anonymous"] / entry["quotes"], 3),
            "roles": "; ".join(role for role, _ in sorted(entry["roles"].items(), key=lambda i: (-i[1], i[0]))),
        }
        for entry in counts.values()
    ]
    table.sort(key=lambda row: (-row["quotes"], -row["articles"], row["speaker"].casefold(), row["speaker"]))
    return table


def archive_counts(out_dir: str, client: Client | None = None) -> dict[str, dict]:
    """Speaker counts over every partition file under `out_dir`, counted on the cluster."""
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
