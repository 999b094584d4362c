"""Digests, the sweeper and the purge of unconfirmed subscriptions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from portal.notifications.models import (
    Delivery,
    DeliveryStatus,
    Event,
    Frequency,
    Subscription,
)
from portal.notifications.services import (
    digest_send,
    digests_queue,
    event_dispatch,
    outbox_sweep,
    subscriptions_purge_unconfirmed,
)
from portal.publishing import Status
from portal.services import content_publish
from tests import factories
from tests.notifications.conftest import subscribe

pytestmark = pytest.mark.django_db


def publish(item, by, capture):
    with capture(execute=True):
        content_publish(item=item, by=by)


def test_digest_subscribers_get_one_mail_with_everything_pending(
    publisher, django_capture_on_commit_callbacks
):
    daily = subscribe(email="daily@example.org", frequency=Frequency.DAILY)
    subscribe(email="weekly@example.org", frequency=Frequency.WEEKLY, language="en")
    subscribe(email="now@example.org")
    first = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    second = factories.ActivityFactory(status=Status.REVIEW, published_at=None)
    publish(first, publisher, django_capture_on_commit_callbacks)
    publish(second, publisher, django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == ["now@example.org", "now@example.org"]
    mail.outbox.clear()

    assert digests_queue(frequency=Frequency.DAILY) == 1  # eager: sent already
    (digest,) = mail.outbox
    assert digest.to == ["daily@example.org"]
    assert "2" in digest.subject
    assert first.title_ru in digest.body and second.title_ru in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    assert set(daily.deliveries.values_list("status", flat=True)) == {
        DeliveryStatus.SENT
    }
    # Nothing pending any more: the next daily run sends nothing.
    assert digests_queue(frequency=Frequency.DAILY) == 0
    assert digest_send(subscription_id=daily.pk) == 0

    assert digests_queue(frequency=Frequency.WEEKLY) == 1
    assert mail.outbox[-1].subject == "Weekly digest: 2 new items"


def test_a_digest_leaves_out_what_was_unpublished_meanwhile(
    publisher, django_capture_on_commit_callbacks
):
    daily = subscribe(email="daily@example.org", frequency=Frequency.DAILY)
    kept = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    withdrawn = factories.ResourceFactory(status=Status.REVIEW, published_at=None)
    publish(kept, publisher, django_capture_on_commit_callbacks)
    publish(withdrawn, publisher, django_capture_on_commit_callbacks)
    withdrawn.status = Status.ARCHIVED
    withdrawn.save()
    assert digest_send(subscription_id=daily.pk) == 1
    assert withdrawn.title_ru not in mail.outbox[0].body
    assert daily.deliveries.get(event__object_id=withdrawn.pk).status == "cancelled"


def test_the_sweeper_dispatches_events_the_broker_never_got(
    django_capture_on_commit_callbacks,
):
    subscribe(email="a@example.org")
    Event.objects.create(content_object=factories.ResourceFactory())
    assert outbox_sweep() == {"events": 0, "deliveries": 0}  # not old enough yet
    with django_capture_on_commit_callbacks(execute=True):
        swept = outbox_sweep(older_than=timedelta(0))
    assert swept == {"events": 1, "deliveries": 0}
    assert len(mail.outbox) == 1
    assert outbox_sweep(older_than=timedelta(0)) == {"events": 0, "deliveries": 0}
    assert len(mail.outbox) == 1


def test_the_sweeper_requeues_deliveries_left_pending(
    django_capture_on_commit_callbacks,
):
    from unittest import mock

    subscribe(email="a@example.org")
    subscribe(email="digest@example.org", frequency=Frequency.DAILY)
    event = Event.objects.create(content_object=factories.ResourceFactory())
    with mock.patch(
        "portal.notifications.services.outbox._queue_sends"
    ):  # a worker died
        event_dispatch(event_id=event.pk)
    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(hours=1))
    assert mail.outbox == []
    assert outbox_sweep() == {"events": 0, "deliveries": 1}  # not the digest one
    assert [m.to[0] for m in mail.outbox] == ["a@example.org"]
    assert outbox_sweep() == {"events": 0, "deliveries": 0}


def test_unconfirmed_subscriptions_are_purged_once_their_link_expired():
    old = subscribe(email="old@example.org", confirmed_at=None)
    Subscription.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=4)
    )
    subscribe(email="fresh@example.org", confirmed_at=None)
    confirmed = subscribe(email="confirmed@example.org")
    Subscription.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    assert subscriptions_purge_unconfirmed() == 1
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "fresh@example.org",
        "confirmed@example.org",
    }
