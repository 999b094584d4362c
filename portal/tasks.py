"""Celery tasks of the site app: thin wrappers around services."""

from celery import shared_task


@shared_task(name="portal.publish_due")
def publish_due() -> int:
    """Publish the items whose scheduled time has come (run by beat every minute)."""
    from portal.services import publish_due as publish_due_items

    return publish_due_items()


@shared_task(name="portal.rebuild_facet_counts")
def rebuild_facet_counts() -> list[str]:
    """Count every list's facets again (beat, nightly): heals what triggers miss."""
    from django.db import transaction

    from portal import facet_counts

    with transaction.atomic():
        return facet_counts.rebuild()


# Tasks of packages that are not apps, which autodiscovery does not import.
from portal.workflow import tasks as workflow_tasks  # noqa: E402, F401
