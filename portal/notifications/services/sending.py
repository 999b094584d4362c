"""Deliveries become mails: one at a time or in chunks, retries, digests."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.models import User
from portal.notifications import mail, tasks
from portal.notifications.models import (
    Delivery,
    DeliveryStatus,
    Event,
    Subscription,
)
from portal.publishing import Status

from .outbox import queue_on_commit, queue_task

logger = logging.getLogger(__name__)


class TemporaryMailError(Exception):
    """The SMTP server or the network said "later": retry in ``retry_in`` seconds."""

    def __init__(self, message: str, *, retry_in: float) -> None:
        super().__init__(message)
        self.retry_in = retry_in


# --- sending --------------------------------------------------------------------


def is_temporary(error: Exception) -> bool:
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        code = min(codes) if codes else None
    if code is None:  # no SMTP answer at all: network, refused connection, timeout
        return isinstance(error, OSError | smtplib.SMTPServerDisconnected)
    return 400 <= code < 500


def error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def retry_delay(attempts: int) -> float:
    """Seconds before the next try after ``attempts`` tries: exponential, capped."""
    delay = settings.NOTIFICATIONS_RETRY_BASE * 2 ** max(attempts - 1, 0)
    return min(delay, settings.NOTIFICATIONS_RETRY_MAX)


def messages_send(messages: list) -> int:
    """Send these mails now (staff notices, decisions: no Delivery row of their
    own); a temporary refusal raises TemporaryMailError for the task to retry."""
    if not messages:
        return 0
    try:
        get_connection().send_messages(messages)
    except (smtplib.SMTPException, OSError) as error:
        if is_temporary(error):
            raise TemporaryMailError(
                error_text(error), retry_in=retry_delay(1)
            ) from error
        raise
    return len(messages)


def _visible_item(event: Event, cache: dict):
    """The event's item if it is still published; cached per chunk of sends."""
    key = (event.content_type_id, event.object_id)
    if key not in cache:
        model = ContentType.objects.get_for_id(event.content_type_id).model_class()
        cache[key] = model.objects.filter(
            pk=event.object_id, status=Status.PUBLISHED
        ).first()
    return cache[key]


def delivery_send(
    *, delivery_id: int, connection=None, cache: dict | None = None
) -> str:
    """Send one pending delivery; return what happened.

    Raises ``TemporaryMailError`` (after recording the attempt) when the send
    should be tried again later.
    """
    cache = {} if cache is None else cache
    error = None
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscription", "event")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "locked"  # or deleted; whoever holds the lock finishes the job
        if delivery.status != DeliveryStatus.PENDING:
            return "skipped"
        subscription = delivery.subscription
        item = _visible_item(delivery.event, cache)
        if subscription.unsubscribed_at or item is None:
            delivery.status = DeliveryStatus.CANCELLED
            delivery.save(update_fields=["status"])
            return "cancelled"
        message = mail.subscriber_message(
            subscription=subscription,
            template="notifications/email/item",
            context={"item": mail.item_text(item, subscription.language)},
            connection=connection,
        )
        delivery.attempts += 1
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as exc:
            error = exc
            _record_failure(delivery, exc)
        else:
            delivery.status = DeliveryStatus.SENT
            delivery.sent_at = timezone.now()
            delivery.save(update_fields=["status", "sent_at", "attempts"])
            return "sent"
    # Raised after the commit, so the attempt and its error stay recorded.
    if delivery.status == DeliveryStatus.PENDING:
        raise TemporaryMailError(
            error_text(error), retry_in=retry_delay(delivery.attempts)
        ) from error
    return "failed"


def _record_failure(delivery: Delivery, error: Exception) -> None:
    delivery.last_error = error_text(error)
    exhausted = delivery.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS
    if is_temporary(error) and not exhausted:
        delay = retry_delay(delivery.attempts)
        delivery.next_attempt_at = timezone.now() + timedelta(seconds=delay)
    else:
        delivery.status = DeliveryStatus.FAILED
    delivery.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])


def deliveries_send(*, delivery_ids: list[int]) -> dict[str, int]:
    """Send a chunk over one SMTP connection; temporary failures are re-queued one by
    one with their backoff."""
    outcomes: dict[str, int] = {}
    cache: dict = {}
    connection = get_connection()
    try:
        for delivery_id in delivery_ids:
            try:
                outcome = delivery_send(
                    delivery_id=delivery_id, connection=connection, cache=cache
                )
            except TemporaryMailError as error:
                outcome = "retry"
                _queue_retry(delivery_id, error.retry_in)
                connection.close()  # the server may have dropped it; reopen for the next
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    finally:
        connection.close()
    return outcomes


def _queue_retry(delivery_id: int, countdown: float) -> None:
    try:
        tasks.send_delivery.apply_async((delivery_id,), countdown=countdown)
    except Exception:
        logger.exception("could not queue the retry of delivery %s", delivery_id)


@transaction.atomic
def delivery_resend(*, delivery: Delivery, by: User) -> Delivery:
    """Put a failed (or cancelled) delivery back in the queue, from the admin."""
    if not by.has_perm("notifications.change_delivery"):
        raise PermissionDenied
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status not in (DeliveryStatus.FAILED, DeliveryStatus.CANCELLED):
        raise ValidationError(_("Only failed or cancelled deliveries can be re-sent."))
    delivery.status = DeliveryStatus.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = timezone.now()
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    queue_on_commit(tasks.send_delivery, delivery.pk)
    return delivery


# --- digests --------------------------------------------------------------------


def digests_queue(*, frequency: str) -> int:
    """Queue one digest per subscription of ``frequency`` that has something pending."""
    ids = list(
        Subscription.objects.active()
        .filter(frequency=frequency)
        .filter(
            Exists(
                Delivery.objects.filter(
                    subscription_id=OuterRef("pk"), status=DeliveryStatus.PENDING
                )
            )
        )
        .values_list("pk", flat=True)
    )
    for pk in ids:
        queue_task(tasks.send_digest, pk)
    return len(ids)


def digest_send(*, subscription_id: int, connection=None) -> int:
    """Gather a subscription's pending deliveries into one mail; return how many
    items it carried. Raises ``TemporaryMailError`` to be retried later."""
    error = None
    with transaction.atomic():
        subscription = (
            Subscription.objects.active()
            .select_for_update(skip_locked=True)
            .filter(pk=subscription_id)
            .first()
        )
        if subscription is None:
            return 0
        pending = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("event")
            .filter(subscription=subscription, status=DeliveryStatus.PENDING)
            .order_by("event__created_at")
        )
        cache: dict = {}
        shown, gone = [], []
        for delivery in pending:
            item = _visible_item(delivery.event, cache)
            (shown if item is not None else gone).append((delivery, item))
        Delivery.objects.filter(pk__in=[d.pk for d, _i in gone]).update(
            status=DeliveryStatus.CANCELLED
        )
        if not shown:
            return 0
        message = mail.subscriber_message(
            subscription=subscription,
            template="notifications/email/digest",
            context={
                "items": [mail.item_text(i, subscription.language) for _d, i in shown],
                "frequency": subscription.frequency,
            },
            connection=connection,
        )
        ids = [d.pk for d, _i in shown]
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as exc:
            error = exc
            for delivery, _item in shown:
                delivery.attempts += 1
                _record_failure(delivery, exc)
        else:
            Delivery.objects.filter(pk__in=ids).update(
                status=DeliveryStatus.SENT, sent_at=timezone.now()
            )
            return len(ids)
    if any(d.status == DeliveryStatus.PENDING for d, _i in shown):
        attempts = max(d.attempts for d, _i in shown)
        raise TemporaryMailError(
            error_text(error), retry_in=retry_delay(attempts)
        ) from error
    return 0
