"""Celery tasks of the proposals: thin, they call services."""

from celery import shared_task


@shared_task(bind=True, name="proposals.notify_decision", max_retries=5)
def notify_decision(self, proposal_id: int) -> bool:
    """Tell the member whether their proposal was accepted or declined."""
    from portal.notifications.services import TemporaryMailError

    from .services import proposal_decision_send

    try:
        return proposal_decision_send(proposal_id=proposal_id)
    except TemporaryMailError as error:
        raise self.retry(exc=error, countdown=error.retry_in) from error
