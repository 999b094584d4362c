"""SMTP answers: 4xx retried with backoff, 5xx failed with its reason, the rest go."""

import pytest
from django.core import mail
from django.utils import timezone

from portal.notifications.models import Delivery, DeliveryStatus, Event
from portal.notifications.services import (
    TemporaryMailError,
    deliveries_send,
    delivery_send,
    event_dispatch,
    retry_delay,
)
from tests import factories
from tests.notifications.conftest import subscribe

pytestmark = pytest.mark.django_db


def deliveries(count: int = 1) -> list[Delivery]:
    for n in range(count):
        subscribe(email=f"reader{n}@example.org")
    event = Event.objects.create(content_object=factories.ResourceFactory())
    # Created, not yet sent: the test sends them.
    from unittest import mock

    with mock.patch("portal.notifications.services.outbox._queue_sends"):
        event_dispatch(event_id=event.pk)
    return list(Delivery.objects.order_by("pk"))


def test_a_temporary_refusal_is_recorded_and_raised_for_retry(refusing_smtp, settings):
    settings.NOTIFICATIONS_RETRY_BASE = 30
    (delivery,) = deliveries()
    refusing_smtp.append(451)
    with pytest.raises(TemporaryMailError) as raised:
        delivery_send(delivery_id=delivery.pk)
    assert raised.value.retry_in == 30
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 1
    assert "451" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    assert delivery_send(delivery_id=delivery.pk) == "sent"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
    assert len(mail.outbox) == 1


def test_backoff_doubles_and_is_capped(settings):
    settings.NOTIFICATIONS_RETRY_BASE = 10
    settings.NOTIFICATIONS_RETRY_MAX = 50
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [10, 20, 40, 50]


def test_a_permanent_refusal_fails_that_delivery_and_the_others_go(refusing_smtp):
    first, second, third = deliveries(3)
    refusing_smtp.extend([None, 550, None])
    assert deliveries_send(delivery_ids=[first.pk, second.pk, third.pk]) == {
        "sent": 2,
        "failed": 1,
    }
    second.refresh_from_db()
    assert second.status == DeliveryStatus.FAILED
    assert "550" in second.last_error
    assert len(mail.outbox) == 2


def test_temporary_refusals_in_a_chunk_are_retried_until_sent(refusing_smtp):
    """Unit tests run Celery eagerly: the queued retry runs at once."""
    (delivery,) = deliveries()
    refusing_smtp.append(421)
    assert deliveries_send(delivery_ids=[delivery.pk]) == {"retry": 1}
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)
    assert len(mail.outbox) == 1


def test_too_many_temporary_refusals_end_in_failure(refusing_smtp, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    (delivery,) = deliveries()
    refusing_smtp.extend([451] * 5)
    deliveries_send(delivery_ids=[delivery.pk])
    for _try in range(3):  # whatever the eager retries left to do
        try:
            delivery_send(delivery_id=delivery.pk)
        except TemporaryMailError:
            continue
    assert delivery_send(delivery_id=delivery.pk) == "skipped"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 3)
    assert mail.outbox == []


def test_a_sent_delivery_is_never_sent_again():
    (delivery,) = deliveries()
    assert delivery_send(delivery_id=delivery.pk) == "sent"
    assert delivery_send(delivery_id=delivery.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_unsubscribing_or_unpublishing_before_the_send_cancels_it():
    first, second = deliveries(2)
    first.subscription.unsubscribed_at = timezone.now()
    first.subscription.save()
    assert delivery_send(delivery_id=first.pk) == "cancelled"
    second.event.content_object.status = "archived"
    second.event.content_object.save()
    assert delivery_send(delivery_id=second.pk) == "cancelled"
    assert mail.outbox == []
