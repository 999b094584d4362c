"""A real SMTP server (aiosmtpd) and real Celery workers, for the worker suite and
the fan-out bench: they count what was really received."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from aiosmtpd.controller import Controller
from kombu import pools

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """An SMTP handler that counts mails per recipient and refuses on request.

    ``temporary[address] = n`` answers 451 to the next n attempts for that
    address; ``permanent`` addresses always get 550; ``delay`` slows each mail.
    """

    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.temporary: dict[str, int] = {}
        self.permanent: set[str] = set()
        self.refusals: Counter[str] = Counter()
        self.delay = 0.0
        self.last_at = 0.0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            if address in self.permanent:
                self.refusals[address] += 1
                return "550 5.1.1 no such mailbox here"
            if self.temporary.get(address, 0) > 0:
                self.temporary[address] -= 1
                self.refusals[address] += 1
                return "451 4.7.1 greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received[address] += 1
            self.last_at = time.monotonic()
        return "250 Message accepted"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.received.values())

    def duplicates(self) -> int:
        with self.lock:
            return sum(count - 1 for count in self.received.values() if count > 1)

    def wait_for(self, total: int, timeout: float, worker=None) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.total >= total:
                return True
            if worker is not None and worker.poll() is not None:
                raise AssertionError(worker.stdout.read() if worker.stdout else "died")
            time.sleep(0.05)
        return False


def start_smtp(inbox: Inbox) -> Controller:
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller


def start_worker(
    *,
    database_url: str,
    redis_url: str,
    smtp_port: int,
    queue: str,
    pool: str = "solo",
    concurrency: int = 1,
    extra_env: dict[str, str] | None = None,
    log_file=None,
) -> subprocess.Popen:
    """A worker on ``queue`` that mails through the local SMTP server.

    Base settings, not test settings: the test settings keep mail in memory.
    """
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_LOG_LEVEL": "WARNING",
        **(extra_env or {}),
    }
    return subprocess.Popen(  # noqa: S603 - our own worker, fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "--app=portal",
            "worker",
            f"--pool={pool}",
            f"--concurrency={concurrency}",
            "--loglevel=WARNING",
            f"--queues={queue}",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_file or subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def point_broker(app, url: str, queue: str | None = None) -> None:
    """Send this process's tasks to ``url``, dropping pooled connections."""
    app.conf.broker_url = url
    if queue:
        app.conf.task_default_queue = queue
    # kombu keeps pools per connection URL; a closed one must not be handed out again.
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
