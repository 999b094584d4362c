"""gunicorn settings for the container; the TLS proxy in front of it talks to :8000."""

import multiprocessing
import os

bind = "0.0.0.0:8000"
# Sync workers: each request is short; scale out with more containers, not threads.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 30
# Recycle workers now and then so a slow leak never grows unbounded.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory, not on the container's overlay filesystem.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - gunicorn's advice for Docker
accesslog = "-"
errorlog = "-"
