"""Archive scale: attribute the quotes of millions of articles on a Dask cluster.

`python -m service.archive IN OUT` plans the work on the client, runs it on an embedded
`LocalCluster` (or on an existing cluster with `--scheduler`), and writes one JSON line per
article, the API's body for it, into atomically written partition files under OUT, or with
`--format parquet` three flat tables (articles, quotes, speakers) per partition.

- `inputs`: what the articles are (JSONL, a folder of .txt files, a glob) and how they are
  cut into partitions; reading one partition back on a worker.
- `process`: the worker side: one spaCy pipeline per process, a partition in, records out.
- `output`: the layout of OUT: partition files, the ids already written, the failures file.
- `tables`: the flat tables' fixed schemas, and a record's rows in them.
- `parquet`: those tables written as Parquet files per partition, all or nothing.
- `job`: the Dask job itself: a bag of partitions mapped on the cluster, with progress.
- `names`: who a speaker is across articles: normalised names, surname variants.
- `summary`: speaker counts over everything written under OUT (named speakers, and the
  anonymous and group classes), as CSV.
- `cli`: the command line.
"""

from __future__ import annotations

from .job import RunSummary, run_archive

__all__ = ["RunSummary", "run_archive"]
