"""gunicorn settings, read from the environment (see service/config.py for the app's).

    gunicorn --config gunicorn.conf.py wsgi:app

QUOTES_BIND (127.0.0.1:8000), QUOTES_WORKERS (one per CPU), QUOTES_TIMEOUT (60 s: a worker
silent that long is killed and replaced), QUOTES_GRACEFUL_TIMEOUT (30 s for in-flight
requests on a restart or shutdown), QUOTES_MAX_REQUESTS (2000, with jitter: workers are
recycled one by one, never all at once).  Sync workers: each request runs in the worker's
main thread, which the app's time budget (QUOTES_REQUEST_BUDGET_S, below the timeout)
relies on to answer with a 503 before gunicorn would kill the worker; requests gunicorn's
own parser rejects get the JSON error envelope too (service/gunicorn_worker.py).
"""

import gc
import multiprocessing
import os
import shutil
import tempfile

# One BLAS/OpenMP thread per worker: the workers are the parallelism.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# Prometheus counts of every worker go to files here (read by GET /metrics); the variable
# must be set before the app, and so prometheus_client, is imported by preload_app.
_own_metrics_dir = not os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if _own_metrics_dir:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quotes-metrics-")
_metrics_dir = os.environ["PROMETHEUS_MULTIPROC_DIR"]
# A directory handed in may hold the files of an earlier run: start the counts afresh.
for _name in os.listdir(_metrics_dir):
    if _name.endswith(".db"):
        os.unlink(os.path.join(_metrics_dir, _name))

bind = os.environ.get("QUOTES_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("QUOTES_WORKERS") or multiprocessing.cpu_count())
# The sync worker, answering requests that gunicorn's own parser rejects (request line or
# headers malformed or over the limits) in the API's JSON error envelope.
worker_class = "service.gunicorn_worker.JSONErrorWorker"
# Load the app (and so the spaCy model) once in the master; workers share it copy-on-write.
preload_app = True
timeout = int(os.environ.get("QUOTES_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("QUOTES_GRACEFUL_TIMEOUT", "30"))
max_requests = int(os.environ.get("QUOTES_MAX_REQUESTS", "2000"))
max_requests_jitter = max(1, max_requests // 10)
# Requests sit in the kernel's queue while every worker is busy, rather than being refused.
backlog = 2048
# The heartbeat file on tmpfs, so a slow disk cannot make a busy worker look dead.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The app writes its own JSON access log line (service/observability.py).
accesslog = None
errorlog = "-"
# gunicorn's control socket has one fixed default path for every instance on the machine;
# several services (or test runs) side by side would fight over it.  Signals suffice.
control_socket_disable = os.environ.get("QUOTES_CONTROL_SOCKET", "") == ""
if not control_socket_disable:
    control_socket = os.environ["QUOTES_CONTROL_SOCKET"]


def when_ready(server):
    # The preloaded model is in the master now; keep the collector from touching (and so
    # copying) its pages in every worker.
    gc.collect()
    gc.freeze()


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if _own_metrics_dir:
        shutil.rmtree(_metrics_dir, ignore_errors=True)
