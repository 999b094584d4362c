"""A real Celery worker on a real Redis, sharing the test database."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from portal.celery import app as celery_app
from tests.conftest import need

ROOT = Path(__file__).resolve().parents[2]


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    need(bool(url) and _redis_answers(url), "this test needs Redis (set REDIS_URL)")
    return url


@pytest.fixture
def celery_worker(transactional_db, redis_url):
    """Start a worker process; tasks sent from the test go through Redis to it."""
    need(
        connection.vendor == "postgresql",
        "the worker suite needs PostgreSQL (set DATABASE_URL)",
    )
    db = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{db['NAME']}"
        ),
        "REDIS_URL": redis_url,
    }
    queue = f"test-{os.getpid()}-{time.monotonic_ns()}"
    # Tasks the worker queues itself (a publish queues its dispatch) stay on it.
    env["CELERY_TASK_DEFAULT_QUEUE"] = queue
    worker = subprocess.Popen(  # noqa: S603 - our own worker, fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "--app=portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            f"--queues={queue}",
            "--without-heartbeat",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    old = {
        "task_always_eager": celery_app.conf.task_always_eager,
        "broker_url": celery_app.conf.broker_url,
        "task_default_queue": celery_app.conf.task_default_queue,
    }
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = redis_url
    celery_app.conf.task_default_queue = queue
    try:
        yield worker
    finally:
        celery_app.conf.update(old)
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
