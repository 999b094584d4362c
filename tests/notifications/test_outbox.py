"""Publishing to mails: one delivery per subscriber, sent once, nothing on rollback."""

import pytest
from django.core import mail
from django.db import transaction

from portal.notifications.models import Delivery, Event, Subscription
from portal.notifications.services import event_dispatch
from portal.publishing import Status
from portal.services import content_publish
from tests import factories
from tests.notifications.conftest import subscribe

pytestmark = pytest.mark.django_db


def publish(item, by, capture):
    with capture(execute=True):
        content_publish(item=item, by=by)


def test_publishing_mails_every_matching_subscriber_once(
    publisher, theme, django_capture_on_commit_callbacks
):
    subscribe(email="a@example.org", themes=[theme])
    subscribe(email="b@example.org")
    subscribe(email="c@example.org", themes=[factories.ThemeFactory()])
    resource = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    resource.themes.add(theme)
    publish(resource, publisher, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    event = Event.objects.get()
    assert event.dispatched_at is not None
    assert set(event.deliveries.values_list("status", flat=True)) == {"sent"}
    assert all(d.sent_at and d.attempts == 1 for d in event.deliveries.all())


def test_the_same_event_dispatched_twice_sends_nothing_twice(
    publisher, django_capture_on_commit_callbacks
):
    subscribe(email="a@example.org")
    resource = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    publish(resource, publisher, django_capture_on_commit_callbacks)
    event = Event.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert event_dispatch(event_id=event.pk) == 0
    # Even with the mark lost, the unique delivery keeps it to one mail.
    Event.objects.filter(pk=event.pk).update(dispatched_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        event_dispatch(event_id=event.pk)
    assert len(mail.outbox) == 1
    assert Delivery.objects.count() == 1


def test_a_rolled_back_publish_sends_nothing(
    publisher, django_capture_on_commit_callbacks
):
    subscribe(email="a@example.org")
    resource = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        content_publish(item=resource, by=publisher)
        raise RuntimeError("the rest of the request failed")
    assert callbacks == []
    assert mail.outbox == []
    assert not Event.objects.exists()


def test_a_publish_with_no_broker_still_succeeds(
    publisher, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    """The broker is outside the project: here it refuses; the worker suite
    points at a dead port for real."""
    from kombu.exceptions import OperationalError

    from portal.notifications import tasks

    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:9. Refused.")

    monkeypatch.setattr(tasks.dispatch_event, "delay", refuse)
    subscribe(email="a@example.org")
    resource = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    publish(resource, publisher, django_capture_on_commit_callbacks)
    resource.refresh_from_db()
    assert resource.status == Status.PUBLISHED
    assert Event.objects.get().dispatched_at is None  # left for the sweeper
    assert "could not queue notifications.dispatch_event" in caplog.text
    assert mail.outbox == []


def test_queries_per_mail_do_not_grow_with_subscribers(
    publisher, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def publish_to(total: int, tag: str) -> int:
        """Grow the subscribers to ``total``, publish one item, count the queries."""
        for n in range(total - Subscription.objects.count()):
            subscribe(email=f"{tag}-{n}@example.org")
        resource = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
        with CaptureQueriesContext(connection) as captured:
            publish(resource, publisher, django_capture_on_commit_callbacks)
        assert len(mail.outbox) == total
        mail.outbox.clear()
        return len(captured)

    q5 = publish_to(5, "a")
    q20 = publish_to(20, "b")
    q60 = publish_to(60, "c")
    # Per mail: lock and mark the row (plus the test's savepoints); the item is
    # read once per chunk.
    small, large = (q20 - q5) / 15, (q60 - q20) / 40
    assert small <= 4, (q5, q20, q60)
    assert abs(large - small) < 0.25, (q5, q20, q60)
