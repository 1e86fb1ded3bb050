"""gunicorn settings, read from the environment (see service/config.py for the app's)."""

import multiprocessing
import os

bind = os.environ.get("QUOTES_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("QUOTES_WORKERS") or multiprocessing.cpu_count())
# Load the app (and so the spaCy model) once in the master; workers share it copy-on-write.
preload_app = True
timeout = int(os.environ.get("QUOTES_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = int(os.environ.get("QUOTES_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
accesslog = None
