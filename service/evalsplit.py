"""A tuning part and a held-out fifth of an evaluation file, fixed once and for all.

    python -m service.evalsplit ../shared/eval/polnear-train.jsonl     # counts per part

Documents are stratified by `meta.publisher` (by `source` when there is none): within
each publisher they are ranked by the SHA-256 of their id, and ranks 0, 5, 10, ... are
held out, so each publisher gives a fifth (24 of PolNeAR's 120 per publisher) and the
split never changes while the file's ids do not.  No randomness, no state.  A derived
file whose documents keep their ids (`polnear_roles.py` output) splits the same way.

Tune rules on `tune`; measure `heldout` only to check that a change generalises.
The part of a document depends on the other documents of its publisher, so split the
whole file first and cut it down (`--limit`) afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Literal

Part = Literal["tune", "heldout"]
PARTS: tuple[str, ...] = ("tune", "heldout", "all")
EVERY = 5  # one document in five is held out


def stratum(doc: dict) -> str:
    return (doc.get("meta") or {}).get("publisher") or doc.get("source") or ""


def _rank_key(doc_id: str) -> tuple[str, str]:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), doc_id


def assign(docs: Iterable[dict]) -> dict[str, Part]:
    """{document id: part} for every document."""
    by_stratum: dict[str, list[str]] = defaultdict(list)
    for doc in docs:
        by_stratum[stratum(doc)].append(doc["id"])
    parts: dict[str, Part] = {}
    for ids in by_stratum.values():
        for rank, doc_id in enumerate(sorted(set(ids), key=_rank_key)):
            parts[doc_id] = "heldout" if rank % EVERY == 0 else "tune"
    return parts


def part_of(doc: dict, docs: Sequence[dict]) -> Part:
    """The part of `doc` in the file `docs` it belongs to."""
    return assign(d for d in docs if stratum(d) == stratum(doc))[doc["id"]]


def select(docs: Sequence[dict], part: str) -> list[dict]:
    """The documents of `part` ("tune", "heldout" or "all"), in file order."""
    if part == "all":
        return list(docs)
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, not {part!r}")
    parts = assign(docs)
    return [d for d in docs if parts[d["id"]] == part]


def counts(docs: Sequence[dict]) -> str:
    """Documents and quotes per part, and documents per part for each publisher."""
    parts = assign(docs)
    total, quotes = Counter(), Counter()
    per: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        part = parts[d["id"]]
        total[part] += 1
        quotes[part] += len(d.get("quotes", []))
        per[stratum(d)][part] += 1
    detail = ", ".join(f"{name or '-'} {c['tune']}/{c['heldout']}" for name, c in sorted(per.items()))
    return (
        f"tune {total['tune']} documents ({quotes['tune']} quotes), heldout {total['heldout']} documents"
        f" ({quotes['heldout']} quotes); tune/heldout per publisher: {detail}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.evalsplit", description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="gold JSONL")
    parser.add_argument("--part", choices=PARTS, help="write that part's documents to stdout as JSONL")
    args = parser.parse_args(argv)
    from .evaluate import read_jsonl

    docs = read_jsonl(args.gold)
    print(counts(docs), file=sys.stderr if args.part else sys.stdout)
    if args.part:
        for doc in select(docs, args.part):
            sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
