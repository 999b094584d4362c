"""A real gunicorn on loopback, started for one configuration and always stopped.

``with Server(...) as server:`` starts ``gunicorn portal.wsgi`` with the bench
settings on a free port of 127.0.0.1, waits for /healthz, and on leaving the
block (normally, on an error or on Ctrl-C) stops it: SIGTERM to the master it
started, then SIGKILL to its own process group if it lingers.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess  # noqa: S404 - runs gunicorn from our own virtualenv
import sys
import time
from pathlib import Path

from django.conf import settings

START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    """One GET on loopback: status and body (no redirects followed)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Server:
    def __init__(
        self,
        *,
        cache: str,
        workers: int = 5,
        worker_class: str = "sync",
        threads: int = 1,
        log_path: Path | None = None,
    ):
        self.cache = cache
        self.workers = workers
        self.worker_class = worker_class
        self.threads = threads
        self.log_path = log_path or Path(settings.BENCH_DIR) / f"gunicorn-{cache}.log"
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def description(self) -> str:
        threads = f" x {self.threads} threads" if self.worker_class == "gthread" else ""
        return f"gunicorn {self.worker_class} x {self.workers} workers{threads}"

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start(self) -> None:
        self.port = free_port()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.bench",
            "BENCH_CACHE": self.cache,
            "DATABASE_URL": settings.BENCH_DATABASE_URL,
            "REDIS_URL": settings.BENCH_REDIS_URL,
            "PYTHONUNBUFFERED": "1",
        }
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            f"--worker-class={self.worker_class}",
            f"--threads={self.threads}",
            "--timeout=60",
            "--graceful-timeout=5",
            "--log-level=warning",
        ]
        with self.log_path.open("w", encoding="utf-8") as log:
            # A session of its own: Ctrl-C reaches the bench, which stops it.
            self.process = subprocess.Popen(  # noqa: S603 - our own command line
                command,
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                status, _body = get(self.port, "/healthz", timeout=2)
            except OSError:
                status = 0
            if status == 200:
                return
            time.sleep(0.1)
        self.stop()
        tail = self.log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"gunicorn did not become healthy:\n{tail}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT)
        # Workers of the master we started, should any have outlived it; an error
        # means the group is gone, every process of it having exited.
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
