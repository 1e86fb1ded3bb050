"""Documents per second of the library path alone: `python -m bench.library_speed [N [JSONL]]`.

Parses the first N articles of JSONL (default ../shared/eval/polnear-train.jsonl, else the
seeds repeated; N defaults to 100) with the
quote pipeline and reads every extraction; best of two passes.  Used to check that rule
changes cost no throughput (docs/accuracy.md).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from service.config import Config
from service.nlp.pipeline import load_pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train.jsonl"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def articles(count: int, corpus: Path = CORPUS) -> list[str]:
    if corpus.exists():
        with corpus.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle if line.strip()][:count]
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return (seeds * count)[:count]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    texts = articles(count, Path(sys.argv[2]) if len(sys.argv) > 2 else CORPUS)
    nlp = load_pipeline(Config.SPACY_MODEL)
    list(nlp.pipe(texts[:5]))
    best = 0.0
    for _ in range(2):
        started = time.perf_counter()
        quotes = sum(len(doc._.extraction.quotes) for doc in nlp.pipe(texts, batch_size=8))
        best = max(best, len(texts) / (time.perf_counter() - started))
    print(f"{best:.2f} documents/s over {len(texts)} articles ({quotes} quotes)")


if __name__ == "__main__":
    main()
