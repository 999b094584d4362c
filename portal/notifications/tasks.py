"""Celery tasks of notifications: thin wrappers around the services."""

from celery import shared_task


@shared_task(name="notifications.send_confirmation")
def send_confirmation(subscription_id: int) -> None:
    """Mail the double opt-in link of one subscription."""
    from portal.notifications.subscriptions import send_confirmation_mail

    send_confirmation_mail(subscription_id=subscription_id)
