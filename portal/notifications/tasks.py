"""Celery tasks of notifications: thin wrappers around the services."""

from celery import shared_task


@shared_task(name="notifications.send_confirmation")
def send_confirmation(subscription_id: int) -> None:
    """Mail the double opt-in link of one subscription."""
    from portal.notifications.subscriptions import send_confirmation_mail

    send_confirmation_mail(subscription_id=subscription_id)


@shared_task(name="notifications.dispatch_event")
def dispatch_event(event_id: int) -> int:
    """Turn one publication into deliveries and queue the immediate sends."""
    from portal.notifications.services import event_dispatch

    return event_dispatch(event_id=event_id)


@shared_task(name="notifications.send_deliveries")
def send_deliveries(delivery_ids: list[int]) -> dict[str, int]:
    """Send a chunk of deliveries over one SMTP connection."""
    from portal.notifications.services import deliveries_send

    return deliveries_send(delivery_ids=delivery_ids)


@shared_task(
    bind=True, name="notifications.send_delivery", max_retries=None, acks_late=True
)
def send_delivery(self, delivery_id: int) -> str:
    """Send one delivery; SMTP temporary errors come back with exponential backoff.

    The service counts attempts and gives up (``failed``) after
    NOTIFICATIONS_MAX_ATTEMPTS, so the retries here are not capped again.
    """
    from portal.notifications.services import TemporaryMailError, delivery_send

    try:
        return delivery_send(delivery_id=delivery_id)
    except TemporaryMailError as error:
        raise self.retry(exc=error, countdown=error.retry_in) from error


@shared_task(bind=True, name="notifications.send_digest", max_retries=None)
def send_digest(self, subscription_id: int) -> int:
    """One digest mail with a subscription's pending deliveries."""
    from portal.notifications.services import TemporaryMailError, digest_send

    try:
        return digest_send(subscription_id=subscription_id)
    except TemporaryMailError as error:
        raise self.retry(exc=error, countdown=error.retry_in) from error


@shared_task(name="notifications.queue_digests")
def queue_digests(frequency: str) -> int:
    from portal.notifications.services import digests_queue

    return digests_queue(frequency=frequency)


@shared_task(name="notifications.sweep")
def sweep() -> dict[str, int]:
    """Dispatch Events and re-queue Deliveries left behind (broker down, worker died)."""
    from portal.notifications.services import outbox_sweep

    return outbox_sweep()


@shared_task(name="notifications.purge_unconfirmed")
def purge_unconfirmed() -> int:
    from portal.notifications.services import subscriptions_purge_unconfirmed

    return subscriptions_purge_unconfirmed()


@shared_task(bind=True, name="notifications.notify_publishers", max_retries=5)
def notify_publishers(self, content_type_id: int, object_id: int) -> int:
    """Tell the Publishers that an item or a proposal waits for them."""
    from portal.notifications.services import TemporaryMailError, publishers_notify

    try:
        return publishers_notify(content_type_id=content_type_id, object_id=object_id)
    except TemporaryMailError as error:
        raise self.retry(exc=error, countdown=error.retry_in) from error
