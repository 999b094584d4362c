"""Notification mails with a real Redis, real workers and a real SMTP server.

Each test counts what the SMTP server received: every subscriber exactly once,
whatever failed on the way (broker down, worker killed, SMTP refusals).
"""

import os
import signal
import time

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from portal.celery import app as celery_app
from portal.notifications import tasks
from portal.notifications.models import Delivery, DeliveryStatus, Event
from portal.publishing import Status
from resources.models import Resource
from tests import factories
from tests.conftest import need
from tests.notifications.outside import (
    Inbox,
    free_port,
    point_broker,
    start_smtp,
    start_worker,
)

pytestmark = pytest.mark.redis


@pytest.fixture
def inbox():
    inbox = Inbox()
    controller = start_smtp(inbox)
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def workers(transactional_db, redis_url, inbox, tmp_path):
    """Start (and restart) workers mailing through ``inbox``; this process queues
    to the same Redis queue."""
    need(
        connection.vendor == "postgresql",
        "the worker suite needs PostgreSQL (set DATABASE_URL)",
    )
    db = settings.DATABASES["default"]
    database_url = (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}"
    )
    queue = f"test-mail-{os.getpid()}-{time.monotonic_ns()}"
    started = []
    log = (tmp_path / "worker.log").open("w")

    def start(**extra_env):
        worker = start_worker(
            database_url=database_url,
            redis_url=redis_url,
            smtp_port=inbox.port,
            queue=queue,
            extra_env={
                "NOTIFICATIONS_RETRY_BASE": "0.2",
                "NOTIFICATIONS_RETRY_MAX": "1",
                "NOTIFICATIONS_SWEEP_AFTER": "0",
                **extra_env,
            },
            log_file=log,
        )
        started.append(worker)
        return worker

    old = celery_app.conf.task_always_eager, celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    point_broker(celery_app, redis_url, queue)
    start.redis_url = redis_url
    try:
        yield start
    finally:
        celery_app.conf.task_always_eager = old[0]
        point_broker(celery_app, settings.CELERY_BROKER_URL, old[1])
        for worker in started:
            if worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(timeout=10)
                except Exception:
                    worker.kill()
        log.close()


def readers(count: int, **fields) -> list[str]:
    subscriptions = factories.SubscriptionFactory.create_batch(count, **fields)
    return [s.email for s in subscriptions]


def publish_through_admin(client, user, resource) -> float:
    """Publish with the admin action, as staff do; seconds it took."""
    client.force_login(user)
    started = time.monotonic()
    response = client.post(
        reverse("admin:resources_resource_changelist"),
        {"action": "publish_now", "_selected_action": [resource.pk]},
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == Status.PUBLISHED
    return elapsed


def draft() -> Resource:
    return factories.ResourceFactory(status=Status.REVIEW, published_at=None)


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_redis_down_at_publish_then_the_sweeper_sends_each_mail_once(
    workers, inbox, client, superuser
):
    emails = readers(5)
    resource = draft()
    workers()
    point_broker(celery_app, f"redis://127.0.0.1:{free_port()}/0")  # nothing there
    elapsed = publish_through_admin(client, superuser, resource)
    assert elapsed < 3, f"publish took {elapsed:.1f} s with Redis down"
    assert Event.objects.get().dispatched_at is None
    time.sleep(1)
    assert inbox.total == 0

    point_broker(celery_app, workers.redis_url)
    tasks.sweep.delay()
    assert inbox.wait_for(5, timeout=30)
    tasks.sweep.delay()  # a second sweep finds nothing left to do
    time.sleep(1.5)
    assert dict(inbox.received) == dict.fromkeys(emails, 1)
    print(f"\nRedis down: publish answered in {elapsed:.2f} s; 5 mails, 0 duplicates")


def test_a_worker_killed_mid_fan_out_loses_nothing(workers, inbox, client, superuser):
    count = 400  # two chunks
    emails = readers(count)
    inbox.delay = 0.01  # about 100 mails a second: the kill lands mid fan-out
    worker = workers()
    publish_through_admin(client, superuser, draft())
    assert inbox.wait_for(60, timeout=60, worker=worker)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    at_kill = inbox.total
    assert at_kill < count, "the fan-out ended before the kill"

    inbox.delay = 0
    workers()
    # The killed worker's message waits for Redis' visibility timeout (an hour):
    # the sweeper re-queues its deliveries now.
    tasks.sweep.delay()
    assert inbox.wait_for(count, timeout=60)
    assert wait_until(
        lambda: not Delivery.objects.filter(status=DeliveryStatus.PENDING).exists(), 30
    )
    time.sleep(1)
    duplicates = inbox.duplicates()
    assert set(inbox.received) == set(emails)
    # Only a mail the server had accepted when the worker died can go twice.
    assert duplicates <= 1, inbox.received.most_common(3)
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == count
    print(
        f"\nSIGKILL after {at_kill} of {count} mails: {inbox.total} received, "
        f"{duplicates} duplicate(s)"
    )


def test_smtp_451_is_retried_with_backoff_and_550_fails_the_one_delivery(
    workers, inbox, client, superuser
):
    emails = readers(6)
    greylisted, unknown = emails[0], emails[1]
    inbox.temporary[greylisted] = 2
    inbox.permanent.add(unknown)
    workers()
    started = time.monotonic()
    publish_through_admin(client, superuser, draft())
    assert inbox.wait_for(5, timeout=30)
    took = time.monotonic() - started
    assert wait_until(
        lambda: not Delivery.objects.filter(status=DeliveryStatus.PENDING).exists(), 10
    )
    time.sleep(0.5)
    assert dict(inbox.received) == {e: 1 for e in emails if e != unknown}
    assert inbox.refusals[greylisted] == 2

    sent = Delivery.objects.get(subscription__email=greylisted)
    assert (sent.status, sent.attempts) == (DeliveryStatus.SENT, 3)
    assert "451" in sent.last_error
    failed = Delivery.objects.get(subscription__email=unknown)
    assert failed.status == DeliveryStatus.FAILED
    assert "550" in failed.last_error and failed.attempts == 1
    # Backoff of 0.2 s then 0.4 s (NOTIFICATIONS_RETRY_BASE) before the third try.
    assert took >= 0.6
    print(
        f"\n451 twice then sent on try 3 after {took:.1f} s; 550 failed, 4 others sent"
    )
