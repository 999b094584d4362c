"""``python -m tests.bench.fanout``: one publication mailed to thousands.

Its own database (portal_bench_fanout, or DATABASE_URL when its name contains
"fanout"), 10,000 confirmed subscribers of whom 30% match the item, one publish,
one Celery worker (prefork, concurrency 2) on Redis, and a local SMTP server
(aiosmtpd) counting what it receives. Reports the time from the publish to the
last mail received, mails per second, the worker's peak memory (all its
processes) and the SQL queries the worker ran per mail.

Target (issue 5): every mail within 60 seconds, memory flat (the sends are
chunked), queries per mail independent of the number of subscribers.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_fanout"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
QUERIES_KEY = "bench-fanout:queries"
TARGET_SECONDS = 60.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.fanout", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument(
        "--matching", type=float, default=0.3, help="share that matches (0.3)"
    )
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when the target is missed"
    )
    args = parser.parse_args(argv)
    if not 0 < args.subscribers <= 200_000 or not 0 < args.matching <= 1:
        parser.error("--subscribers: 1 to 200000; --matching: more than 0, at most 1")
    return args


def _environment() -> tuple[str, str]:
    url = os.environ.get("DATABASE_URL", "")
    if not (url and "fanout" in urlsplit(url).path):
        url = DEFAULT_DATABASE_URL  # never fill a database that is not the bench's
    redis_url = os.environ.get("BENCH_REDIS_URL") or os.environ.get(
        "REDIS_URL", DEFAULT_REDIS_URL
    )
    os.environ.update(
        DATABASE_URL=url,
        REDIS_URL=redis_url,
        DJANGO_SETTINGS_MODULE="portal.settings.base",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return url, redis_url


def _ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as maintenance:
        if not maintenance.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            maintenance.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )


def _fill(subscribers: int, matching: float):
    """Fresh subscribers (``matching`` of them on the item's theme) and a draft."""
    from django.db import transaction
    from django.utils import timezone

    from portal.notifications.models import Event, Subscription
    from portal.publishing import Status
    from portal.taxonomy.models import Theme
    from resources.models import Access, Resource, ResourceKind

    with transaction.atomic():
        Event.objects.all().delete()  # and their deliveries
        Subscription.objects.all().delete()
        Resource.objects.filter(slug="bench-fanout").delete()
        wanted, other = (
            Theme.objects.update_or_create(
                slug=slug, defaults={"name_ru": slug, "name_en": slug}
            )[0]
            for slug in ("bench-fanout-wanted", "bench-fanout-other")
        )
        now = timezone.now()
        Subscription.objects.bulk_create(
            (
                Subscription(
                    email=f"reader{n}@bench.example.org",
                    language="ru" if n % 2 else "en",
                    confirmed_at=now,
                )
                for n in range(subscribers)
            ),
            batch_size=2000,
        )
        through = Subscription.themes.through
        matching_count = round(subscribers * matching)
        ids = list(Subscription.objects.order_by("pk").values_list("pk", flat=True))
        through.objects.bulk_create(
            (
                through(
                    subscription_id=pk,
                    theme_id=(wanted if n < matching_count else other).pk,
                )
                for n, pk in enumerate(ids)
            ),
            batch_size=5000,
        )
        resource = Resource.objects.create(
            slug="bench-fanout",
            kind=ResourceKind.PUBLICATION,
            access=Access.PUBLIC,
            status=Status.REVIEW,
            title_ru="Руководство по обмену опытом",
            title_en="A guide to sharing expertise",
            summary_ru="Как страны Юга делятся опытом.",
            summary_en="How countries of the South share expertise.",
        )
        resource.themes.add(wanted)
    return resource, matching_count


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its children, in bytes."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


class MemoryWatch(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.stop = pid, [], threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.samples.append(_tree_rss(self.pid))
            time.sleep(0.1)


# -- in the worker: count the SQL queries each task runs -----------------------


def worker_main(argv: list[str]) -> None:
    """Run a Celery worker whose processes add their SQL query count to Redis."""
    import django

    django.setup()
    import redis
    from celery.signals import task_postrun, worker_process_init
    from django.db import connection

    from portal.celery import app

    counted = {"n": 0}

    def count(execute, sql, params, many, context):
        counted["n"] += 1
        return execute(sql, params, many, context)

    @worker_process_init.connect(weak=False)
    def _install(**kwargs):
        connection.execute_wrappers.append(count)

    @task_postrun.connect(weak=False)
    def _report(**kwargs):
        if counted["n"]:
            client = redis.Redis.from_url(os.environ["REDIS_URL"])
            client.incrby(QUERIES_KEY, counted["n"])
            counted["n"] = 0

    app.worker_main(["worker", *argv])


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["worker"]:
        worker_main(sys.argv[2:])
        return 0
    args = parse_args(argv)
    database_url, redis_url = _environment()
    _ensure_database(database_url)
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import transaction

    from portal.celery import app
    from portal.services import content_publish
    from tests.notifications.outside import Inbox, point_broker, start_smtp

    print(f"Database {urlsplit(database_url).path.lstrip('/')}, Redis {redis_url}")
    call_command("migrate", interactive=False, verbosity=0)
    started = time.monotonic()
    resource, expected = _fill(args.subscribers, args.matching)
    print(
        f"{args.subscribers:,} confirmed subscribers, {expected:,} matching "
        f"(filled in {time.monotonic() - started:.1f} s)"
    )

    inbox = Inbox()
    smtp = start_smtp(inbox)
    queue = f"bench-fanout-{os.getpid()}"
    client = redis.Redis.from_url(redis_url)
    client.delete(QUERIES_KEY)
    root = Path(__file__).resolve().parents[2]
    log = (root / "var").joinpath("bench-fanout-worker.log")
    log.parent.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp.port}",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
    }
    import subprocess

    with log.open("w") as log_file:
        worker = subprocess.Popen(  # noqa: S603 - this module, fixed arguments
            [
                sys.executable,
                "-m",
                "tests.bench.fanout",
                "worker",
                "--pool=prefork",
                f"--concurrency={args.concurrency}",
                "--loglevel=WARNING",
                f"--queues={queue}",
                "--without-heartbeat",
                "--without-mingle",
                "--without-gossip",
            ],
            cwd=root,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        watch = MemoryWatch(worker.pid)
        watch.start()
        try:
            point_broker(app, redis_url, queue)
            app.conf.task_always_eager = False
            time.sleep(4)  # the worker boots Django and forks its children
            idle_rss = max(watch.samples[-5:] or [0])

            published = time.monotonic()
            with transaction.atomic():
                content_publish(item=resource, by=None)
            answered = time.monotonic() - published
            done = inbox.wait_for(expected, timeout=args.timeout, worker=worker)
            elapsed = inbox.last_at - published if inbox.total else float("nan")
        finally:
            watch.stop.set()
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
            smtp.stop()

    time.sleep(0.2)
    queries = int(client.get(QUERIES_KEY) or 0)
    client.delete(QUERIES_KEY)
    received = inbox.total
    peak = max(watch.samples or [0])
    mb = 1024 * 1024
    print(f"publish answered in {answered * 1000:.0f} ms")
    print(
        f"mails received: {received:,} of {expected:,} "
        f"({inbox.duplicates()} duplicates){'' if done else '  TIMED OUT'}"
    )
    print(f"publish to last mail: {elapsed:.1f} s (target {TARGET_SECONDS:.0f} s)")
    print(f"mails per second: {received / elapsed:.0f}")
    print(
        f"worker memory (all processes): {idle_rss / mb:.0f} MB idle, "
        f"{peak / mb:.0f} MB peak"
    )
    print(
        f"SQL queries in the worker: {queries:,}, {queries / max(received, 1):.2f} "
        "per mail (dispatch included)"
    )
    met = done and received == expected and elapsed <= TARGET_SECONDS
    print("target met" if met else "TARGET MISSED")
    return 0 if met or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
