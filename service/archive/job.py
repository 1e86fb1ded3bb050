"""The Dask job: a bag of partitions mapped over the cluster's workers.

The client plans the partitions (`inputs.plan`), reads the ids already written under OUT,
broadcasts them to every worker once, and maps `process.attribute_partitions` over a
`dask.bag` with one of our partitions per bag partition. Each task writes its own file and
returns a small report, so results never travel back through the scheduler.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import dask.bag as db
from distributed import Client, as_completed

from . import output
from .inputs import JsonlSlice, Partition, plan
from .process import attribute_partitions, plan_check, warm_up
from .summary import add_counts, rows
from .tables import check_metadata_columns


@dataclass
class RunSummary:
    run_id: str
    documents: int = 0  # written by this run
    skipped: int = 0  # already written by an earlier run
    quotes: int = 0
    speaker_entries: int = 0  # speakers of the articles written, each article's counted apart
    failures: int = 0
    partitions: int = 0
    workers: int = 0
    seconds: float = 0.0  # from the first task submitted to the last report
    cpu_seconds: float = 0.0  # CPU time the workers' processes spent on the partitions
    failures_path: str = ""
    failed_ids: list[str | None] = field(default_factory=list)
    complete: bool = False
    # counts by speaker over this run's articles, as `summary.count_speakers` makes them
    speaker_counts: dict[str, dict] = field(default_factory=dict)

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def speaker_table(self) -> list[dict]:
        """This run's speakers as the --summary CSV counts them (named speakers, then classes)."""
        return rows(self.speaker_counts)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("failed_ids")
        data.pop("speaker_counts")
        table = self.speaker_table()
        by_class = {row["kind"]: row for row in table if row["counted_as"] == "class"}
        data["named_speakers"] = sum(1 for row in table if row["counted_as"] == "named")
        data["attributed_quotes"] = sum(row["quotes"] for row in table)
        for kind, label in (("anonymous", "anonymous"), ("group", "group")):
            data[f"{label}_quotes"] = by_class.get(kind, {}).get("quotes", 0)
            data[f"{label}_articles"] = by_class.get(kind, {}).get("articles", 0)
        data["documents_per_second"] = round(self.documents_per_second, 2)
        data["seconds"] = round(self.seconds, 2)
        data["cpu_seconds"] = round(self.cpu_seconds, 2)
        return data


def _describe(partition: Partition) -> str:
    source = partition.source
    if isinstance(source, JsonlSlice):
        return f"{source.path}:{source.first_line}+ ({source.documents} lines)"
    return f"{source.files[0][1]} .. {source.files[-1][1]} ({source.documents} files)"


def run_archive(
    source: str,
    out_dir: str,
    client: Client,
    *,
    model: str,
    partition_size: int = 100,
    batch_size: int = 32,
    max_chars: int = 200_000,
    metadata: bool = True,
    output_format: str = "jsonl",
    metadata_columns: tuple[str, ...] = (),
    on_plan: Callable[[int], None] | None = None,
    on_report: Callable[[dict], None] | None = None,
) -> RunSummary:
    """Attribute every article under `source` not yet written under `out_dir`, on `client`'s cluster,
    as JSONL partitions or Parquet tables (`output_format`, with `metadata_columns` as columns of their own).

    `on_plan(documents)` is called once the work is planned, `on_report(report)` as each
    partition finishes (the command line drives its progress bar with them)."""
    metadata_columns = check_metadata_columns(metadata_columns)
    os.makedirs(out_dir, exist_ok=True)
    out_dir = os.path.abspath(out_dir)
    with output.RunLock(out_dir):
        output.check_format(out_dir, output_format, metadata_columns)
        output.remove_temporaries(out_dir)
        done = output.written_ids(out_dir)
        work = plan(source, partition_size, done)
        summary = RunSummary(output.new_run_id(), skipped=work.skipped, partitions=len(work.partitions))
        summary.failures_path = os.path.join(out_dir, output.FAILURES)

        summary.workers = _prepare_workers(client, model, work.partitions[:1], out_dir)
        if on_plan:
            on_plan(work.documents)

        started = time.perf_counter()
        futures = _submit(
            client,
            work.partitions,
            done,
            model=model,
            out_dir=out_dir,
            run_id=summary.run_id,
            max_chars=max_chars,
            batch_size=batch_size,
            metadata=metadata,
            output_format=output_format,
            metadata_columns=metadata_columns,
        )
        try:
            _collect(summary, futures, work.partitions, on_report)
            summary.seconds = time.perf_counter() - started
            summary.complete = True
        finally:
            for future in futures:
                if not future.done():  # interrupted: stop the work still queued
                    future.cancel()
        _append_run(out_dir, summary)
    return summary


def _submit(client: Client, partitions: list[Partition], done: frozenset[str], **options) -> list:
    """Broadcast the ids already written to every worker, and map `attribute_partitions` (with
    `options`) over a bag of one of our partitions per bag partition; one future per bag partition
    (none when there is nothing to do)."""
    if not partitions:
        return []
    [done_future] = client.scatter([done], broadcast=True, hash=False)
    bag = db.from_sequence(partitions, npartitions=len(partitions))
    reports = bag.map_partitions(attribute_partitions, done=done_future, **options)
    return client.compute(reports.to_delayed())


def _collect(
    summary: RunSummary, futures: list, partitions: list[Partition], on_report: Callable[[dict], None] | None
) -> None:
    """Add each bag partition's reports to `summary` as it finishes (`futures` in the order of
    `partitions`), and write their failures to `summary.failures_path` as they come."""
    by_future = dict(zip(futures, partitions))
    with open(summary.failures_path, "w", encoding="utf-8") as failures:
        for future in as_completed(futures):
            try:
                partition_reports = future.result()
            except Exception as error:  # a worker died, or the disk is full: report, go on
                partition_reports = [_failed_partition_report(by_future[future], error)]
            for report in partition_reports:
                _add(summary, report)
                for failure in report["failures"]:
                    failures.write(json.dumps(failure, ensure_ascii=False) + "\n")
                failures.flush()
                if on_report:
                    on_report(report)


def _append_run(out_dir: str, summary: RunSummary) -> None:
    """Add the run's summary to OUT's list of runs."""
    with open(os.path.join(out_dir, output.RUNS), "a", encoding="utf-8") as runs:
        runs.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")


def _failed_partition_report(partition: Partition, error: Exception) -> dict:
    """The report of a partition whose task failed as a whole: one failure, every document attempted."""
    return {
        "partition": partition.index,
        "documents": 0,
        "skipped": 0,
        "quotes": 0,
        "speakers": 0,
        "failures": [
            {
                "id": None,
                "origin": _describe(partition),
                "error": f"partition failed: {type(error).__name__}: {error}",
            }
        ],
        "attempted": partition.documents,
    }


# How long to wait for a first worker to register before giving up on the cluster.
WORKER_WAIT_SECONDS = 60


class ClusterError(RuntimeError):
    """The cluster cannot run the job (no workers, or workers without this project or the model)."""


def _prepare_workers(client: Client, model: str, sample: list[Partition], out_dir: str) -> int:
    """Load the pipeline on every worker before the clock starts, as ordinary tasks (in the
    workers' threads, not their event loops), and check the cluster can run the job at all:
    the scheduler and the workers unpickle our task graph, so they need this project importable.
    Returns the number of workers."""
    with contextlib.suppress(TimeoutError, OSError):
        # workers that are starting (or restarting after a crash) register a moment later
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    workers = list(client.scheduler_info(n_workers=-1)["workers"])
    if not workers:
        raise ClusterError(f"the cluster has no workers (waited {WORKER_WAIT_SECONDS} s for one)")
    futures = [
        client.submit(warm_up, model, workers=[address], pure=False)  # pure=False: a fresh key every run
        for address in workers
    ]
    if sample:
        futures.append(client.submit(plan_check, sample[0], out_dir, pure=False))
    try:
        loaded = client.gather(futures)
    except Exception as error:
        raise ClusterError(
            f"the cluster cannot run the job: {type(error).__name__}: {error}".strip()
            + " (the scheduler and every worker need this project and its requirements installed, "
            "and must see IN and OUT at the same paths as this client)"
        ) from error
    labels = {info["model"] for info in loaded if "model" in info}
    if len(labels) > 1:
        raise ClusterError(f"workers run different models: {sorted(labels)}")
    return len(workers)


def _add(summary: RunSummary, report: dict) -> None:
    summary.documents += report["documents"]
    summary.skipped += report["skipped"]
    summary.quotes += report["quotes"]
    summary.speaker_entries += report["speakers"]
    add_counts(summary.speaker_counts, report.get("speaker_counts", {}))
    summary.failures += len(report["failures"])
    summary.cpu_seconds += report.get("cpu_seconds", 0.0)
    summary.failed_ids.extend(f["id"] for f in report["failures"])
