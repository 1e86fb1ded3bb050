"""Throughput and latency of the service, against raw spaCy, on one set of articles.

    python -m bench.throughput [--articles 100] [--repeat 2] [--profile] [--json OUT]

In one run, on the same articles (bench/articles.py):
  (a) raw `nlp.pipe` over the full en_core_web_sm pipeline (every pipe it enables);
  (b) the library path: our pipeline (`load_pipeline`) and `Doc` -> the API's JSON body;
  (c) POST /v1/quotes/batch through gunicorn on 127.0.0.1, with 1 and with 2 workers
      (two requests in flight per worker, so no worker waits for the client);
  (d) POST /v1/quotes, one article per request, p50/p95/p99 at concurrency 1 and 8;
  (e) RSS and PSS of each worker after the load;
and prints them as tables, with each throughput as a ratio to (a), in documents per
second of wall clock and per second of CPU (the benchmark process's for (a) and (b), the
workers' for (c): steadier when other work shares the machine).  --profile adds the CPU
time spent in each pipe of (b).  (a), (b) and (c) are timed `--repeat` times, alternating
(each (c) timing by a fresh server), and the best of each is kept, which damps the noise of
other work on the machine.

Caches: spaCy's lemmatizer and our `CachedLemmas` / `FastAttributeRuler` remember what
they looked up.  So that no path is timed on articles it has already seen, every timing
of (a) and (b) starts from emptied caches and `--warmup` other articles, and each server
of (c) and (d) is sent those warm-up articles (not the timed ones) before it is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

# One BLAS/OpenMP thread, as in each gunicorn worker (gunicorn.conf.py).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from bench.articles import load_articles  # noqa: E402
from bench.loadgen import run_load  # noqa: E402
from bench.server import GunicornServer, memory_kib  # noqa: E402

PIPE_BATCH = 8


def _load_raw(model: str):
    import spacy

    return spacy.load(model)


def reset_caches(nlp, warmup: list[str]) -> None:
    """Empty every per-process cache of the pipeline (spaCy's lemmatizer cache, ours),
    then parse `warmup`: each timed pass starts like a server that has seen the warm-up
    articles but none of the timed ones."""
    from service.nlp.fastpipes import CachedLemmas, FastAttributeRuler

    for _, proc in nlp.pipeline:
        if isinstance(proc, CachedLemmas | FastAttributeRuler):
            proc.clear()
        elif isinstance(getattr(proc, "cache", None), dict):  # spaCy's Lemmatizer
            proc.cache.clear()
    for _doc in nlp.pipe(warmup, batch_size=PIPE_BATCH):
        pass


def time_raw(nlp, texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    started, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def time_library(nlp, texts: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, quotes found)."""
    from service.response import response_body

    quotes = 0
    started, cpu = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, batch_size=PIPE_BATCH):
        quotes += len(response_body(nlp, doc, None, 0.0)["quotes"])
    return time.perf_counter() - started, time.process_time() - cpu, quotes


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # noqa: SIM115
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def profile_pipes(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds per pipe over `texts`, each pipe run over the whole set in turn."""
    started = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    seconds = {"tokenizer": time.process_time() - started}
    for name, proc in nlp.pipeline:
        started = time.process_time()
        docs = list(proc.pipe(docs, batch_size=PIPE_BATCH)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    return seconds


def warm_server(server: GunicornServer, warmup: list[dict], workers: int) -> None:
    """Send the warm-up articles to every worker (requests go to whichever is free)."""
    per_request = max(1, len(warmup) // (2 * workers))
    payloads = [{"documents": warmup[i : i + per_request]} for i in range(0, len(warmup), per_request)]
    run_load(server.url, "/v1/quotes/batch", payloads, total=len(payloads), concurrency=workers)


def http_batch(workers: int, articles: list[dict], warmup: list[dict], rounds: int, docs_per_request: int) -> dict:
    payloads = [
        {"documents": articles[i : i + docs_per_request]} for i in range(0, len(articles), docs_per_request)
    ] * rounds
    with GunicornServer(workers=workers) as server:
        warm_server(server, warmup, workers)
        pids = server.worker_pids()
        cpu = cpu_seconds(pids)
        result = run_load(server.url, "/v1/quotes/batch", payloads, total=len(payloads), concurrency=workers * 2)
        cpu = cpu_seconds(pids) - cpu
        memory = {pid: memory_kib(pid) for pid in server.worker_pids()}
    summary = result.summary()
    summary["docs"] = len(articles) * rounds
    summary["memory"] = memory
    summary["worker_cpu_s"] = round(cpu, 2)
    summary["cores_busy"] = round(cpu / result.wall_seconds, 2)
    return summary


def http_latency(
    articles: list[dict], warmup: list[dict], workers: int, plans: list[tuple[int, int]]
) -> tuple[dict, dict]:
    payloads = [{"text": a["text"]} for a in articles]
    results = {}
    with GunicornServer(workers=workers) as server:
        warm_server(server, warmup, workers)
        for concurrency, total in plans:
            results[concurrency] = run_load(server.url, "/v1/quotes", payloads, total=total, concurrency=concurrency)
        memory = {pid: memory_kib(pid) for pid in server.worker_pids()}
        master = memory_kib(server.process.pid)
    return {c: r.summary() for c, r in results.items()}, {"workers": memory, "master": master}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100, help="articles to use (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes of (a) and (b) (default: %(default)s)")
    parser.add_argument("--warmup", type=int, default=20, help="other articles parsed before each timing")
    parser.add_argument("--http-rounds", type=int, default=1, help="times the articles are sent in (c)")
    parser.add_argument("--batch-docs", type=int, default=5, help="documents per batch request in (c)")
    parser.add_argument("--latency-requests", type=int, default=0, help="requests per concurrency in (d) (0: articles)")
    parser.add_argument("--profile", action="store_true", help="also time each pipe of the library path")
    parser.add_argument("--json", metavar="OUT", help="also write every figure to this JSON file")
    args = parser.parse_args(argv)

    from service.config import Config
    from service.nlp.pipeline import load_pipeline

    source, pool = load_articles(args.articles + args.warmup)
    articles = pool[: args.articles]
    # Warm-up articles not among the timed ones when there are enough, else the same.
    warmup = pool[args.articles :] or pool[: args.warmup]
    warmup_texts = [a["text"] for a in warmup]
    texts = [a["text"] for a in articles]
    chars = sum(map(len, texts))
    print(f"articles: {len(articles)} from {source}, {chars:,} characters; cpus: {os.cpu_count()}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)

    raw = _load_raw(Config.SPACY_MODEL)
    library = load_pipeline(Config.SPACY_MODEL)
    print(f"(a) raw pipes:     {' '.join(raw.pipe_names)}")
    print(f"(b) library pipes: {' '.join(library.pipe_names)}", flush=True)
    print(f"each timing starts from empty caches and {len(warmup)} warm-up articles", flush=True)
    raw_runs, lib_runs, quotes = [], [], 0
    for _ in range(max(1, args.repeat)):
        reset_caches(raw, warmup_texts)
        raw_runs.append(time_raw(raw, texts))
        reset_caches(library, warmup_texts)
        wall, cpu, quotes = time_library(library, texts)
        lib_runs.append((wall, cpu))
        print(
            f"  pass: raw {raw_runs[-1][0]:.2f} s ({raw_runs[-1][1]:.2f} CPU s), "
            f"library {wall:.2f} s ({cpu:.2f} CPU s)",
            flush=True,
        )
    raw_s, raw_cpu = min(r[0] for r in raw_runs), min(r[1] for r in raw_runs)
    lib_s, lib_cpu = min(r[0] for r in lib_runs), min(r[1] for r in lib_runs)
    if args.profile:
        reset_caches(library, warmup_texts)
    profile = profile_pipes(library, texts) if args.profile else None
    del raw

    # As for (a) and (b): `--repeat` timings, each by a fresh server, the best kept.
    batch1 = batch2 = None
    for _ in range(max(1, args.repeat)):
        print("(c) HTTP batch, 1 worker ...", flush=True)
        run = http_batch(1, articles, warmup, args.http_rounds, args.batch_docs)
        batch1 = run if batch1 is None or run["wall_s"] < batch1["wall_s"] else batch1
        print("(c) HTTP batch, 2 workers ...", flush=True)
        run = http_batch(2, articles, warmup, args.http_rounds, args.batch_docs)
        batch2 = run if batch2 is None or run["wall_s"] < batch2["wall_s"] else batch2
    print("(d) HTTP single-article latency, 2 workers ...", flush=True)
    n = args.latency_requests or len(articles)
    latency, memory = http_latency(articles, warmup, 2, [(1, n), (8, n)])

    raw_rate, raw_cpu_rate = len(texts) / raw_s, len(texts) / raw_cpu
    rows = [
        ("(a) raw nlp.pipe, full en_core_web_sm", len(texts), raw_s, raw_cpu),
        ("(b) library: load_pipeline, Doc -> quotes", len(texts), lib_s, lib_cpu),
        ("(c) HTTP batch, gunicorn 1 worker", batch1["docs"], batch1["wall_s"], batch1["worker_cpu_s"]),
        ("(c) HTTP batch, gunicorn 2 workers", batch2["docs"], batch2["wall_s"], batch2["worker_cpu_s"]),
    ]
    print()
    print("docs/s: wall clock; docs/CPU-s: per second of CPU the parsing process(es) got (steadier on a busy machine)")
    print(
        f"{'path':44} {'docs':>5} {'wall s':>7} {'docs/s':>7} {'kchar/s':>8} {'vs (a)':>7} "
        f"{'CPU s':>7} {'docs/CPU-s':>10} {'vs (a)':>7}"
    )
    figures = {"articles": len(articles), "source": source, "chars": chars, "quotes": quotes, "paths": {}}
    for label, docs, seconds, cpu in rows:
        rate = docs / seconds
        cpu_rate = docs / cpu if cpu else 0.0
        kchars = chars * docs / len(texts) / seconds / 1000
        print(
            f"{label:44} {docs:5d} {seconds:7.2f} {rate:7.2f} {kchars:8.1f} {rate / raw_rate:6.2f}x "
            f"{cpu:7.2f} {cpu_rate:10.2f} {cpu_rate / raw_cpu_rate:6.2f}x"
        )
        figures["paths"][label] = {
            "docs": docs,
            "seconds": round(seconds, 3),
            "docs_per_s": round(rate, 3),
            "cpu_s": round(cpu, 3),
            "docs_per_cpu_s": round(cpu_rate, 3),
        }
    scaling = (batch2["docs"] / batch2["wall_s"]) / (batch1["docs"] / batch1["wall_s"])
    print(
        f"2 workers / 1 worker (HTTP batch, wall clock): {scaling:.2f}x; "
        f"cores kept busy: {batch1['cores_busy']:.2f} with 1 worker, {batch2['cores_busy']:.2f} with 2"
    )
    for label, result in (("1 worker", batch1), ("2 workers", batch2)):
        if result["failed"]:
            print(f"  HTTP batch {label}: {result['failed']} failed requests: {result['statuses']}")

    print()
    print(
        f"{'single article POST /v1/quotes, 2 workers':44} {'reqs':>5} {'failed':>6} {'req/s':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
    )
    for concurrency, s in latency.items():
        print(
            f"{'concurrency ' + str(concurrency):44} {s['requests']:5d} {s['failed']:6d} {s['rps']:6.2f} "
            f"{s['p50_ms']:7.1f} {s['p95_ms']:7.1f} {s['p99_ms']:7.1f}"
        )

    print()
    print(f"{'memory after the load (MB)':44} {'RSS':>7} {'PSS':>7}")
    for pid, m in memory["workers"].items():
        print(f"{'worker ' + str(pid):44} {m.get('rss', 0) / 1024:7.1f} {m.get('pss', 0) / 1024:7.1f}")
    m = memory["master"]
    print(f"{'master (holds the preloaded model)':44} {m.get('rss', 0) / 1024:7.1f} {m.get('pss', 0) / 1024:7.1f}")

    if profile:
        total = sum(profile.values())
        print()
        print(f"{'library path, CPU seconds per pipe':44} {'seconds':>8} {'share':>6}")
        for name, seconds in profile.items():
            print(f"{name:44} {seconds:8.2f} {seconds / total:6.1%}")
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    figures.update(
        {
            "scaling_2w_over_1w": round(scaling, 3),
            "batch_1_worker": batch1,
            "batch_2_workers": batch2,
            "latency": latency,
            "memory": memory,
            "profile": profile,
            "raw_passes": raw_runs,
            "library_passes": lib_runs,
        }
    )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=2, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
