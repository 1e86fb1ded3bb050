"""The worker side: one spaCy pipeline per process, one partition in, one file and a report out.

The pipeline is cached at module level, keyed by model name, and filled the first time a
process needs it (or ahead of time by `warm_up`, which the job runs on every worker), so a
worker loads the model once however many partitions it is given.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.pipeline import load_pipeline, model_label
from ..response import response_body
from . import output
from .inputs import Article, Failure, JsonlSlice, Partition, read_partition
from .summary import count_speakers
from .tables import speaker_rows

# The keys of the API body an archive record keeps; input keys with these names are renamed.
RESERVED_KEYS = ("id", "quotes", "speakers", "meta")

_PIPELINES: dict[str, Language] = {}
_LOCK = threading.Lock()
# How many times this process loaded each model (the tests check it stays at one), and how
# many partitions it attributed.
LOADS: Counter[str] = Counter()
PARTITIONS_DONE = 0


def pipeline_for(model: str) -> Language:
    """This process's pipeline for `model`, loaded on first use."""
    nlp = _PIPELINES.get(model)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(model)
            if nlp is None:
                nlp = _PIPELINES[model] = load_pipeline(model)
                LOADS[model] += 1
    return nlp


def warm_up(model: str) -> dict:
    """Load the pipeline now (run on every worker before the job) and parse one sentence, so
    first-use costs are paid before the clock starts; say what was loaded."""
    nlp = pipeline_for(model)
    nlp("“We are ready,” the editor said.")
    return {"pid": os.getpid(), "model": model_label(nlp), "loads": LOADS[model]}


def plan_check(partition: Partition, out_dir: str) -> dict:
    """Run on a worker before the job: can it unpickle a partition, read its input, write OUT?"""
    source = partition.source
    path = source.path if isinstance(source, JsonlSlice) else source.files[0][1]
    if not os.access(path, os.R_OK):
        raise FileNotFoundError(f"a worker cannot read {path}")
    if not os.access(out_dir, os.W_OK):
        raise PermissionError(f"a worker cannot write to {out_dir}")
    return {"pid": os.getpid()}


def load_counts() -> dict:
    return {"pid": os.getpid(), "loads": dict(LOADS), "partitions": PARTITIONS_DONE}


def archive_record(nlp: Language, doc: Doc, article: Article, metadata: bool = True) -> dict:
    """The API's body for one article without its timing, plus the input's other fields.

    An input field named like a body field (`quotes`, `speakers`, `meta`) is kept as
    `input_<name>`."""
    body = response_body(nlp, doc, article.id, 0.0, article.source)
    body["meta"].pop("elapsed_ms", None)
    if metadata:
        for key, value in article.metadata.items():
            body[f"input_{key}" if key in RESERVED_KEYS else key] = value
    return body


def _parse(nlp: Language, articles: list[Article], batch_size: int) -> Iterator[tuple[Article, Doc | Exception]]:
    """Parse a batch with `nlp.pipe`; if any document breaks it, redo the batch one by one so
    only that document fails."""
    try:
        docs = list(nlp.pipe((a.text for a in articles), batch_size=batch_size))
    except Exception:
        for article in articles:
            try:
                yield article, nlp(article.text)
            except Exception as error:
                yield article, error
        return
    yield from zip(articles, docs)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _new_report(partition: Partition) -> dict:
    """A partition's report before any article is read."""
    return {
        "partition": partition.index,
        "pid": os.getpid(),
        "documents": 0,
        "skipped": 0,
        "quotes": 0,
        "speakers": 0,  # speakers of the articles, each article's counted apart
        "failures": [],
        "file": None,
    }


def _failed(report: dict, failure: Failure) -> None:
    report["failures"].append(failure.to_dict())


def _articles(partition: Partition, done: frozenset[str], max_chars: int, report: dict) -> Iterator[Article]:
    """The partition's articles to attribute: those written earlier are counted as skipped,
    unreadable, empty and too long ones as failures in `report`."""
    for item in read_partition(partition):
        if isinstance(item, Failure):
            _failed(report, item)
        elif item.id in done:
            report["skipped"] += 1
        elif not item.text.strip():
            _failed(report, Failure(item.id, item.origin, "empty text"))
        elif len(item.text) > max_chars:
            _failed(report, Failure(item.id, item.origin, f"text too long: {len(item.text)} characters > {max_chars}"))
        else:
            yield item


def _records(
    nlp: Language, articles: Iterable[Article], batch_size: int, metadata: bool, report: dict, speakers: list[dict]
) -> Iterator[dict]:
    """The archive records of `articles`, parsed in batches; counted in `report` (an article
    the pipeline or the output breaks on is a failure there), their speaker rows added to `speakers`."""
    for batch in _batches(articles, batch_size):
        for article, doc in _parse(nlp, batch, batch_size):
            if isinstance(doc, Exception):
                _failed(report, Failure(article.id, article.origin, f"pipeline error: {type(doc).__name__}: {doc}"))
                continue
            try:
                record = archive_record(nlp, doc, article, metadata)
            except Exception as error:
                _failed(report, Failure(article.id, article.origin, f"output error: {type(error).__name__}: {error}"))
                continue
            report["documents"] += 1
            report["quotes"] += len(record["quotes"])
            report["speakers"] += len(record["speakers"])
            speakers.extend(speaker_rows(record))
            yield record


def attribute_partition(
    partition: Partition,
    *,
    model: str,
    out_dir: str,
    run_id: str,
    done: frozenset[str] = frozenset(),
    max_chars: int = 200_000,
    batch_size: int = 32,
    metadata: bool = True,
    output_format: str = "jsonl",
    metadata_columns: tuple[str, ...] = (),
) -> dict:
    """Attribute the quotes of one partition and write its file(s) in `output_format`; return a small report."""
    started, cpu_started = time.perf_counter(), time.process_time()
    nlp = pipeline_for(model)
    report = _new_report(partition)
    speakers: list[dict] = []
    records = _records(nlp, _articles(partition, done, max_chars, report), batch_size, metadata, report, speakers)
    report["file"] = output.write_partition(out_dir, run_id, partition.index, records, output_format, metadata_columns)
    report["speaker_counts"] = count_speakers(speakers)  # the run summary merges these on the client
    report["attempted"] = report["documents"] + report["skipped"] + len(report["failures"])
    report["seconds"] = round(time.perf_counter() - started, 3)
    report["cpu_seconds"] = round(time.process_time() - cpu_started, 3)  # the whole worker process's CPU
    global PARTITIONS_DONE
    PARTITIONS_DONE += 1
    return report


def attribute_partitions(partitions: list[Partition], **options) -> list[dict]:
    """`attribute_partition` over one bag partition (a list of our partitions)."""
    return [attribute_partition(p, **options) for p in partitions]
