"""Where the job runs: an embedded `LocalCluster`, or an existing scheduler."""

from __future__ import annotations

import logging
import signal

import dask
from distributed import Client, LocalCluster

# Dask's statistical profiler samples each worker's stack every 10 ms for the dashboard. In A/B
# runs on the shared development machine (noisy) it cost roughly a tenth of the CPU per
# document of this pure-Python workload, so the embedded cluster turns it off unless the
# dashboard is wanted.
NO_PROFILER = {"distributed.worker.profile.enabled": False}


def local_cluster(workers: int, dashboard: str | None = None) -> LocalCluster:
    """`workers` processes with one thread each (spaCy holds the GIL), listening on 127.0.0.1 only.

    The worker processes start with SIGINT ignored: Ctrl-C reaches the whole process group, and
    it is the client's job to stop the run and close the cluster cleanly."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with dask.config.set({} if dashboard else NO_PROFILER):
            return LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=dashboard,
                silence_logs=logging.ERROR,
            )
    finally:
        signal.signal(signal.SIGINT, previous)


def connect(scheduler: str | None, workers: int, dashboard: str | None = None) -> tuple[Client, LocalCluster | None]:
    """A client on `scheduler`, or on a new local cluster (returned too, for closing) without one."""
    if scheduler:
        return Client(scheduler), None
    cluster = local_cluster(workers, dashboard)
    return Client(cluster), cluster
