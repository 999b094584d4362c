"""Celery tasks of the workflow: thin, they take ids and call ``notify``."""

from celery import shared_task


@shared_task(bind=True, name="portal.workflow.notify_returned", max_retries=5)
def notify_returned(self, comment_id: int) -> int:
    """Mail the editor of a returned item the publisher's comment."""
    from portal.notifications.services import TemporaryMailError
    from portal.workflow.notify import returned_notify

    try:
        return returned_notify(comment_id=comment_id)
    except TemporaryMailError as error:
        raise self.retry(exc=error, countdown=error.retry_in) from error
