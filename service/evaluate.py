"""Score the pipeline against a gold file: `python -m service.evaluate GOLD.jsonl`.

Runs the pipeline in-process (or asks a running service with `--url`, or reads saved
predictions with `--pred`) and prints precision, recall and F1 as defined in
`service.scoring`.  `--errors N` prints N examples of each kind of failure; `--part tune`
or `--part heldout` scores one part of the split in `service.evalsplit`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
from collections import Counter, defaultdict
from collections.abc import Iterator

from .config import Config
from .evalsplit import PARTS, counts, select
from .response import response_body
from .scoring import match_document, score, speaker_matches


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_gold(path: str, part: str = "all", limit: int | None = None) -> list[dict]:
    """The gold documents of `part` of the split in service.evalsplit (the split is printed to
    stderr), then the first `limit` of them."""
    docs = read_jsonl(path)
    if part != "all":
        split, docs = counts(docs), select(docs, part)
        print(f"part {part}: {len(docs)} documents; split: {split}", file=sys.stderr)
    return docs[:limit] if limit else docs


def read_predictions(path: str) -> dict[str, list[dict]]:
    """Saved predictions (JSONL of {id, quotes}): {document id: quotes}."""
    return {d["id"]: d.get("quotes", []) for d in read_jsonl(path)}


def predict_in_process(docs: list[dict], model: str) -> Iterator[tuple[str, list[dict]]]:
    from .nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    for doc, parsed in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=8)):
        quotes = response_body(nlp, parsed, doc["id"], 0.0)["quotes"]
        for quote, record in zip(quotes, parsed._.extraction.quotes):
            quote["rule"] = record.rule  # for the error report only; the API does not return it
        yield doc["id"], quotes


def predict_over_http(docs: list[dict], url: str) -> Iterator[tuple[str, list[dict]]]:
    for doc in docs:
        request = urllib.request.Request(
            url.rstrip("/") + "/v1/quotes",
            data=json.dumps({"text": doc["text"]}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            yield doc["id"], json.load(response).get("quotes", [])


def _context(text: str, start: int, end: int, width: int = 80) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[[{text[start:end]}]]{right}…".replace("\n", " ")


def error_report(docs: list[dict], predictions: dict[str, list[dict]], examples: int) -> str:
    """Failures grouped by category and by the rule or cue involved.

    Judged as `service.scoring.score` judges them: a gold record no prediction finds is
    missed; one found by a prediction with another speaker has the wrong speaker (the
    rule named is that prediction's); a prediction the gold does not cover is false."""
    groups: dict[str, list[str]] = defaultdict(list)
    counts: Counter = Counter()
    for doc in docs:
        text = doc["text"]
        for match in match_document(doc, predictions.get(doc["id"], [])):
            family = "indirect" if match.indirect else "quote"
            for g, positions, best in zip(match.gold, match.gold_pos, match.found_by):
                if not positions:
                    continue  # nothing to find: the scorer counts it neither found nor missed
                where = _context(text, g["start"], g["end"])
                if best is None:
                    key = f"{family} missed (gold cue: {(g.get('cue') or '-').lower()})"
                    example = f"{where}\n    gold speaker: {g.get('speaker')}"
                elif not speaker_matches(p := match.predicted[best], g):
                    key = f"{family} wrong speaker (rule: {p.get('rule', '?')})"
                    name = (p.get("speaker") or {}).get("name")
                    mention = (p.get("mention") or {}).get("text")
                    example = f"{where}\n    gold: {g.get('speaker')} | predicted: {name} (mention {mention!r})"
                else:
                    continue
                counts[key] += 1
                groups[key].append(example)
            for p, positions, (span_right, _) in zip(match.predicted, match.pred_pos, match.verdicts):
                if positions and not span_right:
                    key = f"{family} false (cue: {((p.get('cue') or {}).get('text') or '-').lower()})"
                    counts[key] += 1
                    groups[key].append(_context(text, p.get("start", 0), p.get("end", 0)))
    lines = []
    for key, n in counts.most_common():
        lines.append(f"\n## {key}: {n}")
        lines.extend(f"  - {example}" for example in groups[key][:examples])
    return "\n".join(lines)


def summarise(counts: Counter) -> str:
    return ", ".join(f"{k}: {v}" for k, v in counts.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="gold JSONL (seeds/gold.jsonl format)")
    parser.add_argument("--url", help="score a running service instead of the in-process pipeline")
    parser.add_argument("--pred", help="score saved predictions (JSONL of {id, quotes})")
    parser.add_argument("--model", default=Config.SPACY_MODEL, help="spaCy model for the in-process run")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument(
        "--part", choices=PARTS, default="all", help="the tuning part or the held-out fifth (service.evalsplit)"
    )
    parser.add_argument("--save", help="write the predictions as JSONL here")
    parser.add_argument("--json", help="write the scores as JSON here")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N examples of each failure")
    args = parser.parse_args(argv)

    docs = read_gold(args.gold, args.part, args.limit)
    started = time.perf_counter()
    if args.pred:
        predictions = read_predictions(args.pred)
    elif args.url:
        predictions = dict(predict_over_http(docs, args.url))
    else:
        predictions = dict(predict_in_process(docs, args.model))
    result = score(docs, predictions)
    result["docs"] = len(docs)
    result["seconds"] = round(time.perf_counter() - started, 2)
    if args.save:
        with open(args.save, "w", encoding="utf-8") as handle:
            for doc_id, quotes in predictions.items():
                handle.write(json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1)
    print(json.dumps(result))
    if args.errors:
        print(error_report(docs, predictions, args.errors), file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
