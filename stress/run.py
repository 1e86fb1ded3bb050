"""The long reliability runs (`make stress`), each against gunicorn on 127.0.0.1.

    python -m stress.run [load|kill|offsets|all] [--requests 2000] [--concurrency 16]

- load:    a bounded load (default 2,000 single-article requests at concurrency 16):
           zero failed or dropped requests; p50/p95/p99 printed.
- kill:    a load during which one worker gets SIGKILL: gunicorn forks a replacement,
           and no request sent after the kill fails (the one the dying worker held
           can, and is reported).
- restart: a load during which workers are recycled (QUOTES_MAX_REQUESTS) and the
           master gets SIGHUP (a graceful reload of every worker): no request fails.
- offsets: every document of ../shared/eval/polnear-train.jsonl (or the seeds) through
           POST /v1/quotes/batch: text[start:end] == text for every quote, mention and cue.

Every run is bounded in requests and time and stops the server it started.  The exit
status is 1 if any check failed.  (The fuzz run is `QUOTES_FUZZ_SCALE=10 pytest
tests/test_fuzz.py`, which `make stress` runs first.)
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from collections.abc import Callable

from bench.articles import load_articles
from bench.loadgen import LoadResult, run_load
from bench.server import GunicornServer


def _article_payloads(limit: int | None = None) -> tuple[str, list[dict]]:
    source, articles = load_articles(limit)
    return source, [{"text": a["text"]} for a in articles]


def _print_summary(label: str, summary: dict) -> None:
    print(
        f"{label}: {summary['requests']} requests, {summary['ok']} ok, {summary['failed']} failed, "
        f"statuses {summary['statuses']}, {summary['wall_s']} s, {summary['rps']} req/s, "
        f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, p99 {summary['p99_ms']} ms, max {summary['max_ms']} ms",
        flush=True,
    )


def run_load_check(requests: int, concurrency: int, workers: int, articles: int | None) -> bool:
    source, payloads = _article_payloads(articles)
    print(f"load: {requests} POST /v1/quotes at concurrency {concurrency}, {workers} workers, articles from {source}")
    with GunicornServer(workers=workers) as server:
        started = time.monotonic()

        def progress(done: int) -> None:
            if done % max(1, requests // 10) == 0:
                print(f"  {done}/{requests} after {time.monotonic() - started:.0f} s", flush=True)

        result = run_load(
            server.url, "/v1/quotes", payloads, total=requests, concurrency=concurrency, on_progress=progress
        )
        alive = len(server.worker_pids())
    summary = result.summary()
    _print_summary("load", summary)
    errors = sorted({o.error for o in result.failures if o.error})[:5]
    if errors:
        print(f"  transport errors: {errors}")
    ok = summary["failed"] == 0 and summary["requests"] == requests and alive == workers
    print(f"load: {'PASS' if ok else 'FAIL'} (zero failed or dropped requests; {alive} workers alive at the end)")
    return ok


def _load_acting_once(
    server: GunicornServer,
    payloads: list[dict],
    requests: int,
    concurrency: int,
    after: int,
    act: Callable[[int], dict],
) -> tuple[LoadResult, dict]:
    """`requests` POST /v1/quotes to `server`, calling `act(done)` once, as soon as `after` of
    them are done; the load's result, and what `act` returned plus the time it was called ("at"),
    empty if it never was."""
    acted: dict = {}
    lock = threading.Lock()

    def progress(done: int) -> None:
        with lock:
            if done >= after and not acted:
                acted["at"] = time.monotonic()
                acted.update(act(done))

    result = run_load(server.url, "/v1/quotes", payloads, total=requests, concurrency=concurrency, on_progress=progress)
    return result, acted


def run_kill_check(requests: int, concurrency: int, workers: int, articles: int | None) -> bool:
    source, payloads = _article_payloads(articles)
    print(f"kill: {requests} POST /v1/quotes at concurrency {concurrency}, {workers} workers, articles from {source}")
    with GunicornServer(workers=workers) as server:
        before = set(server.worker_pids())

        def kill(done: int) -> dict:
            pid = server.kill_worker()
            print(f"  SIGKILL to worker {pid} after {done} requests", flush=True)
            return {"pid": pid}

        result, killed = _load_acting_once(server, payloads, requests, concurrency, requests // 3, kill)
        replaced = server.wait_for_workers(workers, exclude={killed.get("pid")}, timeout=60)
        after = set(server.worker_pids())
    summary = result.summary()
    _print_summary("kill", summary)
    late = [o for o in result.outcomes if o.started > killed.get("at", float("inf")) + 0.001]
    late_failures = [o for o in late if o.status != 200]
    in_flight = [o for o in result.failures if o.started <= killed.get("at", 0)]
    print(
        f"  workers before {sorted(before)}, after {sorted(after)}; replacement forked: {replaced}; "
        f"requests sent after the kill: {len(late)}, failed: {len(late_failures)}; "
        f"failed requests in flight at the kill: {len(in_flight)} {sorted({o.error for o in in_flight})[:3]}"
    )
    ok = bool(killed) and replaced and not late_failures and len(in_flight) <= 1 and len(result.outcomes) == requests
    print(f"kill: {'PASS' if ok else 'FAIL'} (worker replaced; no request sent after the kill failed)")
    return ok


def run_restart_check(requests: int, concurrency: int, workers: int, articles: int | None) -> bool:
    """Graceful restarts under load: SIGHUP to the master halfway (every worker replaced),
    and QUOTES_MAX_REQUESTS low enough that workers are recycled throughout."""
    source, payloads = _article_payloads(articles)
    recycle = max(10, requests // (workers * 4))
    print(
        f"restart: {requests} POST /v1/quotes at concurrency {concurrency}, {workers} workers recycled every "
        f"~{recycle} requests, SIGHUP to the master halfway; articles from {source}"
    )
    with GunicornServer(workers=workers, env={"QUOTES_MAX_REQUESTS": str(recycle)}) as server:
        before = set(server.worker_pids())

        def hup(done: int) -> dict:
            server.process.send_signal(signal.SIGHUP)
            print(f"  SIGHUP to the master after {done} requests", flush=True)
            return {}

        result, _ = _load_acting_once(server, payloads, requests, concurrency, requests // 2, hup)
        settled = server.wait_for_workers(workers, exclude=before, timeout=60)
        after = set(server.worker_pids())
        booted = sum(1 for line in server.log_lines if "Booting worker" in line)
    summary = result.summary()
    _print_summary("restart", summary)
    print(f"  workers booted in all: {booted}; first {sorted(before)}, last {sorted(after)}")
    ok = summary["failed"] == 0 and len(result.outcomes) == requests and settled and booted > workers * 2
    print(f"restart: {'PASS' if ok else 'FAIL'} (no request failed while workers were recycled and reloaded)")
    return ok


def _check_offsets(text: str, result: dict) -> list[str]:
    bad = []
    spans = []
    for quote in result["quotes"]:
        spans.append(("quote", quote))
        for part in ("mention", "cue"):
            if quote.get(part):
                spans.append((part, quote[part]))
    for speaker in result["speakers"]:
        spans += [("speaker mention", m) for m in speaker["mentions"]]
    for kind, span in spans:
        if text[span["start"] : span["end"]] != span["text"]:
            bad.append(f"{kind} {span['start']}:{span['end']} {span['text'][:40]!r}")
    return bad


def run_offsets_check(workers: int, batch_docs: int) -> bool:
    source, articles = load_articles(None)
    print(f"offsets: {len(articles)} documents from {source} through POST /v1/quotes/batch ({batch_docs} per request)")
    payloads = [{"documents": articles[i : i + batch_docs]} for i in range(0, len(articles), batch_docs)]
    counts = {"quotes": 0, "mentions": 0, "cues": 0, "bad": 0, "errors": 0}
    with GunicornServer(workers=workers) as server:
        result = run_load(
            server.url, "/v1/quotes/batch", payloads, total=len(payloads), concurrency=workers * 2, keep_bodies=True
        )
    failed = result.failures
    by_index = {o.index: o for o in result.outcomes}
    for n, payload in enumerate(payloads):
        outcome = by_index.get(n)
        if outcome is None or outcome.status != 200:
            continue
        for document, answer in zip(payload["documents"], json.loads(outcome.body)["results"]):
            if "error" in answer:
                counts["errors"] += 1
                continue
            counts["quotes"] += len(answer["quotes"])
            counts["mentions"] += sum(1 for q in answer["quotes"] if q.get("mention"))
            counts["mentions"] += sum(len(s["mentions"]) for s in answer["speakers"])
            counts["cues"] += sum(1 for q in answer["quotes"] if q.get("cue"))
            bad = _check_offsets(document["text"], answer)
            counts["bad"] += len(bad)
            for line in bad[:3]:
                print(f"  wrong offsets in {document['id']}: {line}")
    print(
        f"offsets: {len(articles)} documents, {counts['quotes']} quotes, {counts['mentions']} mentions, "
        f"{counts['cues']} cues checked; wrong: {counts['bad']}; document errors: {counts['errors']}; "
        f"failed requests: {len(failed)}; {result.wall_seconds:.1f} s"
    )
    ok = counts["bad"] == 0 and counts["errors"] == 0 and not failed
    print(f"offsets: {'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stress.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="*", metavar="RUN", help="load, kill, restart, offsets or all (default: all)")
    parser.add_argument("--requests", type=int, default=2000, help="requests in the load run (default: %(default)s)")
    parser.add_argument(
        "--concurrency", type=int, default=16, help="concurrency of the load run (default: %(default)s)"
    )
    parser.add_argument(
        "--kill-requests", type=int, default=400, help="requests in the kill run (default: %(default)s)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: %(default)s)")
    parser.add_argument("--articles", type=int, default=None, help="use only the first N articles for load and kill")
    args = parser.parse_args(argv)
    known = {"load", "kill", "restart", "offsets"}
    if set(args.runs) - known - {"all"}:
        parser.error(f"unknown run(s): {', '.join(sorted(set(args.runs) - known - {'all'}))}")
    runs = known if not args.runs or "all" in args.runs else set(args.runs)
    results = {}
    if "load" in runs:
        results["load"] = run_load_check(args.requests, args.concurrency, args.workers, args.articles)
    if "kill" in runs:
        results["kill"] = run_kill_check(args.kill_requests, 8, args.workers, args.articles)
    if "restart" in runs:
        results["restart"] = run_restart_check(args.kill_requests, 8, args.workers, args.articles)
    if "offsets" in runs:
        results["offsets"] = run_offsets_check(args.workers, batch_docs=10)
    print("stress:", ", ".join(f"{name} {'PASS' if ok else 'FAIL'}" for name, ok in results.items()))
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
