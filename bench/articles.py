"""The articles the benchmark and the stress runs use: the PolNeAR training file when it
is there (`../shared/eval/polnear-train.jsonl`), else the seed articles repeated."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"
SEEDS = ROOT / "seeds"


def load_articles(limit: int | None = None) -> tuple[str, list[dict]]:
    """(source description, [{"id", "text"}]) — at most `limit` articles."""
    if POLNEAR.exists():
        with POLNEAR.open(encoding="utf-8") as handle:
            docs = [json.loads(line) for line in handle if line.strip()]
        articles = [{"id": d["id"], "text": d["text"]} for d in docs]
        source = str(POLNEAR.relative_to(ROOT.parent))
    else:
        seeds = sorted(SEEDS.glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in seeds]
        count = limit or 100
        articles = [{"id": f"seed-{n}", "text": texts[n % len(texts)]} for n in range(count)]
        source = f"{len(texts)} seed articles repeated"
    if limit is not None:
        articles = articles[:limit]
    return source, articles
