"""The layout of OUT, and resuming from it.

    OUT/part-<run>-<partition>.jsonl   one JSON line per article, written atomically (--format jsonl)
    OUT/articles/, quotes/, speakers/  or three Parquet tables per partition (--format parquet, see parquet.py)
    OUT/failures.jsonl                 this run's failures: {"id", "origin", "error"}
    OUT/runs.jsonl                     one summary line per finished run
    OUT/.lock                          held while a run writes (one run per OUT at a time)

A partition file appears only once it is complete (written to a hidden temporary file,
synced, then renamed), so a killed run leaves whole partitions behind and nothing half
written. A rerun reads the ids in the partition files and skips them: ids are the resume key.
One OUT holds one format: a run in the other format is refused rather than split the archive.
"""

from __future__ import annotations

import fcntl
import glob
import json
import os
import secrets
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import parquet

FORMATS = ("jsonl", "parquet")
PART_GLOB = "part-*.jsonl"
FAILURES = "failures.jsonl"
RUNS = "runs.jsonl"
LOCK = ".lock"
_TEMP_GLOB = ".part-*.tmp"
_ID_PREFIX = '{"id": '
_DECODER = json.JSONDecoder()


def new_run_id() -> str:
    """Unique per run, sortable by start time: partition files of different runs never collide."""
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + f"-{secrets.token_hex(4)}"


def part_paths(out_dir: str | os.PathLike) -> list[str]:
    return sorted(glob.glob(os.path.join(glob.escape(str(out_dir)), PART_GLOB)))


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_partition(
    out_dir: str | os.PathLike,
    run_id: str,
    index: int,
    records: Iterable[dict],
    output_format: str = "jsonl",
    metadata_columns: tuple[str, ...] = (),
) -> str | None:
    """Write one partition's `records` in `output_format`, all or nothing; None if there were none."""
    if output_format == "parquet":
        return parquet.write_partition(out_dir, run_id, index, records, metadata_columns)
    return write_jsonl_partition(out_dir, run_id, index, records)


def write_jsonl_partition(out_dir: str | os.PathLike, run_id: str, index: int, records: Iterable[dict]) -> str | None:
    """Write `records` as OUT/part-<run>-<index>.jsonl, all or nothing; None if there were none."""
    name = f"part-{run_id}-{index:06d}.jsonl"
    final = os.path.join(out_dir, name)
    temp = os.path.join(out_dir, f".{name}.tmp")
    count = 0
    with open(temp, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(dumps(record))
            handle.write("\n")
            count += 1
        handle.flush()
        os.fsync(handle.fileno())
    if not count:
        os.remove(temp)
        return None
    os.replace(temp, final)
    return name


def _line_id(line: str) -> str | None:
    """The id of one output line; records start with `{"id": ` so only that prefix is decoded."""
    if line.startswith(_ID_PREFIX):
        try:
            value, _ = _DECODER.raw_decode(line, len(_ID_PREFIX))
            return value if isinstance(value, str) else None
        except json.JSONDecodeError:
            pass
    try:
        value = json.loads(line).get("id")
    except (json.JSONDecodeError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def iter_written_ids(out_dir: str | os.PathLike) -> Iterator[str]:
    yield from parquet.iter_written_ids(out_dir)
    for path in part_paths(out_dir):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                doc_id = _line_id(line)
                if doc_id is not None:
                    yield doc_id


def written_ids(out_dir: str | os.PathLike) -> frozenset[str]:
    """Every id already written under OUT: a rerun skips these."""
    return frozenset(iter_written_ids(out_dir))


def remove_temporaries(out_dir: str | os.PathLike) -> int:
    """Delete half-written partitions a killed run left behind (only under the run lock)."""
    stale = glob.glob(os.path.join(glob.escape(str(out_dir)), _TEMP_GLOB))
    for path in stale:
        os.remove(path)
    return len(stale) + parquet.remove_temporaries(out_dir)


def format_of(out_dir: str | os.PathLike) -> str | None:
    """The format of the partitions already under OUT; None when there are none."""
    if parquet.has_partitions(out_dir):
        return "parquet"
    return "jsonl" if part_paths(out_dir) else None


class OutputFormatMismatch(ValueError):
    """OUT already holds partitions of the other format."""


def check_format(out_dir: str | os.PathLike, output_format: str, metadata_columns: tuple[str, ...] = ()) -> None:
    """Refuse a run whose partitions would not match those under OUT: another format, or other columns."""
    if output_format not in FORMATS:
        raise ValueError(f"unknown output format {output_format!r}: one of {', '.join(FORMATS)}")
    if metadata_columns and output_format != "parquet":
        raise ValueError("metadata columns are for --format parquet (JSONL records keep every field)")
    found = format_of(out_dir)
    if found not in (None, output_format):
        raise OutputFormatMismatch(
            f"{out_dir} holds {found} partitions: rerun with --format {found}, or write {output_format} to another OUT"
        )
    written = parquet.written_metadata_columns(out_dir) if found == "parquet" else None
    if written is not None and written != tuple(metadata_columns):
        shown = ",".join(written) or "(none)"
        raise OutputFormatMismatch(
            f"{out_dir} holds tables with metadata columns {shown}: rerun with the same --metadata-columns, "
            "or write to another OUT, so that every file has one schema"
        )


class OutputLocked(RuntimeError):
    """Another run is writing to the same OUT."""


class RunLock:
    """An exclusive `flock` on OUT/.lock for the length of a run."""

    def __init__(self, out_dir: str | os.PathLike):
        self.path = Path(out_dir, LOCK)
        self._handle = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise OutputLocked(f"{self.path.parent}: another run is writing here") from None
        self._handle = handle
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
