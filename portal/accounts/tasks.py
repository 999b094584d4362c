"""Celery tasks of accounts: thin wrappers around the services."""

from smtplib import SMTPException

from celery import shared_task

# Transport errors come back later; the services make a second run harmless.
RETRY = {
    "autoretry_for": (SMTPException, OSError),
    "retry_backoff": 60,
    "retry_backoff_max": 3600,
    "max_retries": 6,
}


@shared_task(name="accounts.send_invitation", acks_late=True, **RETRY)
def send_invitation(invitation_id: int) -> bool:
    from portal.accounts.services import invitation_send_mail

    return invitation_send_mail(invitation_id=invitation_id)


@shared_task(name="accounts.send_password_reset", **RETRY)
def send_password_reset(user_id: int) -> bool:
    from portal.accounts.services import password_reset_send_mail

    return password_reset_send_mail(user_id=user_id)
