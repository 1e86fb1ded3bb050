"""How archive runs scale: documents/s in one process, then on Dask with 1 and 2 workers, writing JSONL and Parquet.

    .venv/bin/python bench/archive_scaling.py [--docs 300] [--workers 1 2] [--formats jsonl parquet]
                                              [--repeat N] [--json FILE]

The corpus is the first --docs articles of ../shared/eval/polnear-train.jsonl when it is there
(read at run time, never copied into the project), else the seed articles repeated. Every
configuration runs the same code on the same articles and writes its output to a fresh
temporary folder:

- single process: `service.archive.process.attribute_partition` over the planned partitions,
  one after another, in one fresh process (no Dask at all);
- Dask, N workers: `service.archive.run_archive` on the command line's own `LocalCluster`
  (`service.archive.cluster.local_cluster`): N worker processes with one thread each;
- each Dask configuration once per output format (`--formats`; JSONL first in odd rounds,
  Parquet first in even ones),
  so the Parquet writer's cost shows as the ratio of their documents/s;
- the writers alone: the records of the whole corpus, parsed once, written as JSONL and as
  Parquet partitions in this process (best of 5), in milliseconds per document and as a share
  of the time a document takes to parse: the cost no other load on the machine can hide;
- the control, N processes without Dask: N plain processes, each given every N-th partition,
  started together once each has its model. It shows how much parallelism the machine had to
  offer at that moment (others share it), so Dask's scaling can be read against it.

documents/s counts from the first partition handed out to the last one written; every process
is new and has loaded the model and parsed one sentence before the clock starts (cluster
start-up and model loading are shown apart).
docs/CPU-s divides by the CPU time of the processes doing the work, which other people's load
disturbs far less than wall time: equal figures mean Dask adds no work per document. The load
average (`uptime`) is printed with every result: other people's work on the machine slows the
figures, so compare runs made under the same load; `--repeat N` runs every configuration N
times, in turn, and reports the best of each.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
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
from service.archive.inputs import plan, read_partition  # noqa: E402
from service.archive.process import archive_record, attribute_partition, pipeline_for, warm_up  # noqa: E402
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


def _plain_worker(partitions, model, out_dir, batch_size, barrier, results) -> None:
    warm_up(model)
    barrier.wait()  # every process has its model: start together
    started, cpu_started = time.perf_counter(), time.process_time()
    documents = quotes = 0
    run_id = output.new_run_id()
    for partition in partitions:
        report = attribute_partition(
            partition, model=model, out_dir=out_dir, run_id=run_id, batch_size=batch_size, max_chars=10**9
        )
        documents += report["documents"]
        quotes += report["quotes"]
    results.put((started, time.perf_counter(), time.process_time() - cpu_started, documents, quotes))


def plain_processes(
    source: str, out_dir: str, model: str, processes: int, partition_size: int, batch_size: int
) -> dict:
    """The control: `processes` independent processes without Dask, each given every n-th
    partition, started together. The best any scheme could do on this machine at this moment."""
    context = multiprocessing.get_context("spawn")
    partitions = plan(source, partition_size).partitions
    barrier, results = context.Barrier(processes), context.Queue()
    started = time.perf_counter()
    workers = [
        context.Process(
            target=_plain_worker, args=(partitions[i::processes], model, out_dir, batch_size, barrier, results)
        )
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    finished = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    first, last = min(f[0] for f in finished), max(f[1] for f in finished)
    documents, cpu = sum(f[3] for f in finished), sum(f[2] for f in finished)
    return {
        "config": "single process" if processes == 1 else f"{processes} processes, no Dask",
        "workers": processes,
        "documents": documents,
        "quotes": sum(f[4] for f in finished),
        "seconds": round(last - first, 2),
        "startup_seconds": round(first - started, 2),
        "documents_per_second": round(documents / (last - first), 2),
        "cpu_seconds": round(cpu, 2),
        "documents_per_cpu_second": round(documents / cpu, 2),
    }


def on_dask(
    source: str, out_dir: str, model: str, workers: int, partition_size: int, batch_size: int, output_format: str
) -> dict:
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
            output_format=output_format,
        )
    wall = time.perf_counter() - started
    return {
        "config": dask_config(workers, output_format),
        "format": output_format,
        "workers": workers,
        "documents": summary.documents,
        "quotes": summary.quotes,
        "seconds": round(summary.seconds, 2),
        "startup_seconds": round(wall - summary.seconds, 2),
        "documents_per_second": round(summary.documents_per_second, 2),
        "cpu_seconds": round(summary.cpu_seconds, 2),
        "documents_per_cpu_second": round(summary.documents / summary.cpu_seconds, 2),
    }


def dask_config(workers: int, output_format: str = "jsonl") -> str:
    name = f"Dask, {workers} worker{'s' if workers > 1 else ''}"
    return name if output_format == "jsonl" else f"{name}, {output_format}"


def writer_cost(source: str, out_dir: str, model: str, partition_size: int, rounds: int = 5) -> dict:
    """Parse the corpus once in this process, then time each writer alone over its records."""
    nlp = pipeline_for(model)
    partitions = plan(source, partition_size).partitions
    started = time.perf_counter()
    records = []
    for partition in partitions:
        articles = list(read_partition(partition))
        docs = nlp.pipe(a.text for a in articles)
        records.append([archive_record(nlp, doc, article) for article, doc in zip(articles, docs)])
    parse_seconds = time.perf_counter() - started
    documents = sum(len(r) for r in records)
    result = {"documents": documents, "parse_ms_per_doc": round(1000 * parse_seconds / documents, 3)}
    for output_format in ("jsonl", "parquet"):
        best = float("inf")
        for repetition in range(rounds):
            folder = os.path.join(out_dir, f"{output_format}-{repetition}")
            os.makedirs(folder)
            began = time.perf_counter()
            for index, partition_records in enumerate(records):
                output.write_partition(folder, "bench", index, partition_records, output_format)
            best = min(best, time.perf_counter() - began)
        result[f"{output_format}_ms_per_doc"] = round(1000 * best / documents, 3)
        result[f"{output_format}_share_of_parse"] = round(best / parse_seconds, 4)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="articles in the corpus (default: %(default)s)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="Dask worker counts (default: 1 2)")
    parser.add_argument(
        "--formats",
        nargs="+",
        choices=("jsonl", "parquet"),
        default=["jsonl", "parquet"],
        help="output formats of the Dask runs (default: jsonl parquet)",
    )
    parser.add_argument("--partition-size", type=int, default=20, help="articles per task (default: %(default)s)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--model", default=Config.SPACY_MODEL)
    parser.add_argument(
        "--corpus", type=Path, default=POLNEAR, help="JSONL to take articles from (default: %(default)s)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="rounds of every configuration; the best counts")
    parser.add_argument(
        "--no-control", dest="control", action="store_false", help="skip the plain-processes control run"
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
                f"{result['config']:<26} {result['documents']:>5} docs  {result['seconds']:>7.1f} s  "
                f"{result['documents_per_second']:>6.2f} docs/s  {result['documents_per_cpu_second']:>5.2f} docs/CPU-s"
                f"   (start-up {result['startup_seconds']:.1f} s; load average now {load_average()})",
                flush=True,
            )

        for repetition in range(args.repeat):
            if args.repeat > 1:
                print(f"-- round {repetition + 1} of {args.repeat}", flush=True)
            out = scratch / f"single-{repetition}"
            out.mkdir()
            record(plain_processes(str(source), str(out), args.model, 1, args.partition_size, args.batch_size))
            # the formats take turns going first, so that neither always runs in the other's wake
            formats = args.formats if repetition % 2 == 0 else args.formats[::-1]
            for workers in args.workers:
                for output_format in formats:
                    out = scratch / f"dask-{workers}-{output_format}-{repetition}"
                    record(
                        on_dask(
                            str(source),
                            str(out),
                            args.model,
                            workers,
                            args.partition_size,
                            args.batch_size,
                            output_format,
                        )
                    )
            if args.control and max(args.workers) > 1:
                out = scratch / f"plain-{repetition}"
                out.mkdir()
                processes = max(args.workers)
                record(
                    plain_processes(str(source), str(out), args.model, processes, args.partition_size, args.batch_size)
                )

        quotes = {r["quotes"] for r in results}
        if len(quotes) != 1:
            print(f"warning: configurations found different numbers of quotes: {sorted(quotes)}", file=sys.stderr)
        best: dict[str, dict] = {}
        for result in results:
            if (
                result["config"] not in best
                or result["documents_per_second"] > best[result["config"]]["documents_per_second"]
            ):
                best[result["config"]] = result
        if args.repeat > 1:
            print(f"best of {args.repeat} rounds:")
            for result in best.values():
                print(f"  {result['config']:<26} {result['documents_per_second']:>6.2f} docs/s")
        speed = {config: result["documents_per_second"] for config, result in best.items()}
        ratios = {}
        main_format = args.formats[0]
        one = speed.get(dask_config(1, main_format))
        for workers in args.workers:
            config = dask_config(workers, main_format)
            if workers > 1 and one:
                ratios[f"dask_{workers}_vs_1_worker"] = round(speed[config] / one, 2)
            ratios[f"dask_{workers}_vs_single_process"] = round(speed[config] / speed["single process"], 2)
            if {"jsonl", "parquet"} <= set(args.formats):
                ratios[f"dask_{workers}_parquet_vs_jsonl"] = round(
                    speed[dask_config(workers, "parquet")] / speed[dask_config(workers, "jsonl")], 3
                )
        for config in speed:
            if config.endswith("no Dask"):
                ratios[f"plain_{config.split()[0]}_processes_vs_single_process"] = round(
                    speed[config] / speed["single process"], 2
                )
        print("scaling: " + ", ".join(f"{k} = {v}" for k, v in ratios.items()))
        writers = None
        if {"jsonl", "parquet"} <= set(args.formats):
            (scratch / "writers").mkdir()
            writers = writer_cost(str(source), str(scratch / "writers"), args.model, args.partition_size)
            print(
                f"writers alone ({writers['documents']} docs, best of 5; parsing took {writers['parse_ms_per_doc']:.2f} "
                f"ms/doc): JSONL {writers['jsonl_ms_per_doc']:.3f} ms/doc ({100 * writers['jsonl_share_of_parse']:.2f}% "
                f"of parsing), Parquet {writers['parquet_ms_per_doc']:.3f} ms/doc "
                f"({100 * writers['parquet_share_of_parse']:.2f}% of parsing); load average now {load_average()}",
                flush=True,
            )
        print(f"load average after: {load_average()}")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(
                    {
                        "corpus": origin,
                        "cores": os.cpu_count(),
                        "results": results,
                        "best": best,
                        "ratios": ratios,
                        "writers": writers,
                    },
                    handle,
                    indent=2,
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
