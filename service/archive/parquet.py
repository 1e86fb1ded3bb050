"""Parquet partitions: the three tables of `tables` per partition, written all or nothing.

    OUT/articles/part-<run>-<partition>.parquet   one row per article (the resume key)
    OUT/quotes/part-<run>-<partition>.parquet     one row per quotation
    OUT/speakers/part-<run>-<partition>.parquet   one row per speaker per article

Each file is written to a hidden temporary file beside it and synced; then the quotes and
speakers files are renamed into place, and the articles file last: the articles file is the
partition's commit. A run killed between the renames leaves quotes or speakers files without
their articles file; the next run removes those orphans (`remove_orphans`) and redoes the
partition, so no quotation is ever counted twice.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

import pyarrow.parquet as pq

from .tables import TABLES, flatten, metadata_column_names, to_arrow

SUFFIX = ".parquet"
COMMIT_TABLE = "articles"  # renamed last: its file says the partition is complete
_TEMP_GLOB = ".part-*.tmp"


def table_dir(out_dir: str | os.PathLike, table: str) -> str:
    return os.path.join(out_dir, table)


def table_paths(out_dir: str | os.PathLike, table: str) -> list[str]:
    """The complete files of one table under OUT, sorted."""
    return sorted(glob.glob(os.path.join(glob.escape(table_dir(out_dir, table)), f"part-*{SUFFIX}")))


def _write(table_name: str, rows: list[dict], temp: str, metadata_columns: tuple[str, ...]) -> None:
    with open(temp, "wb") as handle:
        pq.write_table(to_arrow(table_name, rows, metadata_columns), handle)
        handle.flush()
        os.fsync(handle.fileno())


def write_partition(
    out_dir: str | os.PathLike,
    run_id: str,
    index: int,
    records: Iterable[dict],
    metadata_columns: tuple[str, ...] = (),
) -> str | None:
    """Write `records` as the three tables' files of one partition; None if there were none."""
    rows = flatten(records, metadata_columns)
    if not rows[COMMIT_TABLE]:
        return None
    name = f"part-{run_id}-{index:06d}{SUFFIX}"
    order = [t for t in TABLES if t != COMMIT_TABLE] + [COMMIT_TABLE]
    temps = {}
    for table in order:
        folder = table_dir(out_dir, table)
        os.makedirs(folder, exist_ok=True)
        temps[table] = os.path.join(folder, f".{name}.tmp")
        _write(table, rows[table], temps[table], metadata_columns)
    for table in order:
        os.replace(temps[table], os.path.join(table_dir(out_dir, table), name))
    return name


def iter_written_ids(out_dir: str | os.PathLike) -> Iterator[str]:
    for path in table_paths(out_dir, COMMIT_TABLE):
        yield from pq.read_table(path, columns=["article_id"]).column("article_id").to_pylist()


def remove_temporaries(out_dir: str | os.PathLike) -> int:
    """Delete half-written files and orphans (files of a partition whose articles file is missing)."""
    removed = 0
    committed = {os.path.basename(p) for p in table_paths(out_dir, COMMIT_TABLE)}
    for table in TABLES:
        folder = glob.escape(table_dir(out_dir, table))
        stale = glob.glob(os.path.join(folder, _TEMP_GLOB))
        if table != COMMIT_TABLE:
            stale += [p for p in table_paths(out_dir, table) if os.path.basename(p) not in committed]
        for path in stale:
            os.remove(path)
            removed += 1
    return removed


def written_metadata_columns(out_dir: str | os.PathLike) -> tuple[str, ...] | None:
    """The promoted metadata columns of the partitions already under OUT; None if there are none."""
    paths = table_paths(out_dir, COMMIT_TABLE)
    return metadata_column_names(pq.read_schema(paths[0])) if paths else None


def has_partitions(out_dir: str | os.PathLike) -> bool:
    return any(table_paths(out_dir, table) for table in TABLES)
