"""Status changes of publishable content: the only place that changes ``status``.

Admin actions, views and Celery tasks call these functions; each checks the
permission, validates the transition and writes the outbox Event in the same
transaction as a publication.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.models import User
from portal.notifications.models import Event
from portal.notifications.services import (
    content_submitted_notify,
    event_queue_dispatch,
)
from portal.publishing import Publishable, Status

# Which status may follow which; anything else is refused.
TRANSITIONS: dict[str, set[str]] = {
    Status.DRAFT: {Status.REVIEW, Status.PUBLISHED, Status.ARCHIVED},
    Status.REVIEW: {Status.DRAFT, Status.PUBLISHED, Status.ARCHIVED},
    Status.PUBLISHED: {Status.ARCHIVED, Status.DRAFT},
    Status.ARCHIVED: {Status.DRAFT, Status.PUBLISHED},
}


def _perm(item: Publishable, action: str) -> str:
    meta = item._meta
    return f"{meta.app_label}.{action}_{meta.model_name}"


def _check_transition(item: Publishable, target: str) -> None:
    if target not in TRANSITIONS[item.status]:
        raise ValidationError(
            _("“%(title)s” cannot go from %(source)s to %(target)s.")
            % {
                "title": item,
                "source": Status(item.status).label,
                "target": Status(target).label,
            }
        )


def content_save(*, item: Publishable, by: User | None) -> Publishable:
    """Save an edit, recording who made it."""
    if by is not None:
        if item.pk is None:
            item.created_by = by
        item.updated_by = by
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def content_submit(*, item: Publishable, by: User) -> Publishable:
    """An editor asks for review."""
    if not by.has_perm(_perm(item, "change")):
        raise PermissionDenied
    _check_transition(item, Status.REVIEW)
    item.status = Status.REVIEW
    content_save(item=item, by=by)
    content_submitted_notify(item=item)
    return item


@transaction.atomic
def content_publish(*, item: Publishable, by: User | None) -> Publishable:
    """Publish now, and write the outbox Event in the same transaction.

    ``by`` is None only when the scheduler publishes what a publisher set a time for.
    """
    if by is not None and not by.has_perm(_perm(item, "publish")):
        raise PermissionDenied
    _check_transition(item, Status.PUBLISHED)
    item.status = Status.PUBLISHED
    item.published_at = timezone.now()
    item.publish_at = None
    content_save(item=item, by=by)
    event = Event.objects.create(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    )
    # Queued after the commit; a dead broker is logged, never fails the publish.
    event_queue_dispatch(event=event)
    return item


@transaction.atomic
def content_archive(*, item: Publishable, by: User) -> Publishable:
    if not by.has_perm(_perm(item, "publish")):
        raise PermissionDenied
    _check_transition(item, Status.ARCHIVED)
    item.status = Status.ARCHIVED
    return content_save(item=item, by=by)


def publish_due(*, now=None) -> int:
    """Publish every item whose ``publish_at`` has come; return how many."""
    from django.apps import apps

    count = 0
    for model in apps.get_models():
        if not issubclass(model, Publishable):
            continue
        with transaction.atomic():
            due = model.objects.due_for_publishing(now).select_for_update(
                skip_locked=True
            )
            for item in due:
                content_publish(item=item, by=None)
                count += 1
    return count
