"""How archive runs scale: documents/s in one process, then on Dask with 1 and 2 workers.

    .venv/bin/python bench/archive_scaling.py [--docs 300] [--workers 1 2] [--json FILE]

The corpus is the first --docs articles of ../shared/eval/polnear-train.jsonl when it is there
(read at run time, never copied into the project), else the seed articles repeated. Every
configuration runs the same code on the same articles and writes its output to a fresh
temporary folder:

- single process: `service.archive.process.attribute_partition` over the planned partitions,
  one after another, in this process (no Dask at all);
- Dask, N workers: `service.archive.run_archive` on the command line's own `LocalCluster`
  (`service.archive.cluster.local_cluster`): N worker processes with one thread each.

documents/s counts from the first partition handed out to the last one written; the model is
loaded beforehand everywhere (cluster start-up and model loading are shown apart).
docs/CPU-s divides by the CPU time of the processes doing the work, which other people's load
disturbs far less than wall time: equal figures mean Dask adds no work per document. The load
average (`uptime`) is printed before and after: other people's work on the machine slows the
figures, so compare runs made under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.archive import output, run_archive  # noqa: E402
from service.archive.cluster import local_cluster  # noqa: E402
from service.archive.inputs import plan  # noqa: E402
from service.archive.process import attribute_partition, pipeline_for  # noqa: E402
from service.config import Config  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-train.jsonl"


def load_average() -> str:
    with open("/proc/loadavg", encoding="ascii") as handle:
        return " ".join(handle.read().split()[:3])


def write_corpus(path: Path, docs: int, corpus: Path) -> str:
    """Write the benchmark's input JSONL to `path` (a temporary folder); say where it came from."""
    articles: list[dict] = []
    if corpus.exists():
        with open(corpus, encoding="utf-8") as handle:
            for line in handle:
                if len(articles) == docs:
                    break
                doc = json.loads(line)
                articles.append({"id": doc["id"], "text": doc["text"]})
        origin = f"{corpus.name}, first {len(articles)} articles"
    else:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        texts = [p.read_text(encoding="utf-8") for p in seeds]
        articles = [{"id": f"seed-{i}", "text": texts[i % len(texts)]} for i in range(docs)]
        origin = f"the {len(seeds)} seed articles repeated to {docs}"
    with open(path, "w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return origin


def single_process(source: str, out_dir: str, model: str, partition_size: int, batch_size: int) -> dict:
    started = time.perf_counter()
    pipeline_for(model)
    loaded = time.perf_counter()
    work = plan(source, partition_size)
    documents = quotes = 0
    cpu_started = time.process_time()
    run_id = output.new_run_id()
    for partition in work.partitions:
        report = attribute_partition(
            partition, model=model, out_dir=out_dir, run_id=run_id, batch_size=batch_size, max_chars=10**9
        )
        documents += report["documents"]
        quotes += report["quotes"]
    seconds = time.perf_counter() - loaded
    cpu_seconds = time.process_time() - cpu_started
    return {
        "config": "single process",
        "workers": 1,
        "documents": documents,
        "quotes": quotes,
        "seconds": round(seconds, 2),
        "startup_seconds": round(loaded - started, 2),
        "documents_per_second": round(documents / seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "documents_per_cpu_second": round(documents / cpu_seconds, 2),
    }


def on_dask(source: str, out_dir: str, model: str, workers: int, partition_size: int, batch_size: int) -> dict:
    from distributed import Client

    started = time.perf_counter()
    with local_cluster(workers) as cluster, Client(cluster) as client:
        summary = run_archive(
            source,
            out_dir,
            client,
            model=model,
            partition_size=partition_size,
            batch_size=batch_size,
            max_chars=10**9,
        )
    wall = time.perf_counter() - started
    return {
        "config": f"Dask, {workers} worker{'s' if workers > 1 else ''}",
        "workers": workers,
        "documents": summary.documents,
        "quotes": summary.quotes,
        "seconds": round(summary.seconds, 2),
        "startup_seconds": round(wall - summary.seconds, 2),
        "documents_per_second": round(summary.documents_per_second, 2),
        "cpu_seconds": round(summary.cpu_seconds, 2),
        "documents_per_cpu_second": round(summary.documents / summary.cpu_seconds, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="articles in the corpus (default: %(default)s)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts (default: 1 2)")
    parser.add_argument("--partition-size", type=int, default=20, help="articles per task (default: %(default)s)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=Config.SPACY_MODEL)
    parser.add_argument(
        "--corpus", type=Path, default=POLNEAR, help="JSONL to take articles from (default: %(default)s)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results here as JSON")
    args = parser.parse_args(argv)

    scratch = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    try:
        source = scratch / "corpus.jsonl"
        origin = write_corpus(source, args.docs, args.corpus)
        print(f"corpus: {origin}; {os.cpu_count()} cores; load average before: {load_average()}", flush=True)
        results = []

        def record(result: dict) -> None:
            results.append(result)
            print(
                f"{result['config']:<16} {result['documents']:>5} docs  {result['seconds']:>7.1f} s  "
                f"{result['documents_per_second']:>6.2f} docs/s  {result['documents_per_cpu_second']:>5.2f} docs/CPU-s"
                f"   (start-up {result['startup_seconds']:.1f} s; load average now {load_average()})",
                flush=True,
            )

        out = scratch / "single"
        out.mkdir()
        record(single_process(str(source), str(out), args.model, args.partition_size, args.batch_size))
        for workers in args.workers:
            record(
                on_dask(
                    str(source),
                    str(scratch / f"dask-{workers}"),
                    args.model,
                    workers,
                    args.partition_size,
                    args.batch_size,
                )
            )

        quotes = {r["quotes"] for r in results}
        if len(quotes) != 1:
            print(f"warning: configurations found different numbers of quotes: {sorted(quotes)}", file=sys.stderr)
        by_workers = {r["workers"]: r["documents_per_second"] for r in results if r["config"].startswith("Dask")}
        ratios = {}
        if 1 in by_workers:
            for workers, speed in sorted(by_workers.items()):
                if workers > 1:
                    ratios[f"{workers}_vs_1_worker"] = round(speed / by_workers[1], 2)
        single = results[0]["documents_per_second"]
        for workers, speed in sorted(by_workers.items()):
            ratios[f"{workers}_workers_vs_single_process"] = round(speed / single, 2)
        print("scaling: " + ", ".join(f"{k} = {v}" for k, v in ratios.items()))
        print(f"load average after: {load_average()}")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(
                    {"corpus": origin, "cores": os.cpu_count(), "results": results, "ratios": ratios}, handle, indent=2
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
