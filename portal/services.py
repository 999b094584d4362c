"""The editorial workflow: the only place that changes ``status`` and ``publish_at``.

Admin buttons and actions, views and Celery tasks call these functions; each checks
the permission, validates the transition and writes the outbox Event in the same
transaction as a publication.

Who may do what (the admin only shows what these rules allow):

- an editor (``<app>.add_/change_<model>``) creates drafts, edits drafts (including
  items returned to them or taken back from the archive) and submits them;
- an item in review, scheduled, published or archived is out of the editors'
  hands: only a publisher (``<app>.publish_<model>``) edits it, so what was reviewed
  is what goes out;
- a publisher returns an item in review to draft with a comment, publishes now or
  at a time (which locks the item in review until then), archives, and takes an
  item out of the archive (back to draft: it is revised and published again, which
  announces it again);
- nobody else changes anything. ``by=None`` is the system (the scheduler).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.models import User
from portal.models import ReviewComment
from portal.notifications.models import Event
from portal.notifications.services import (
    content_submitted_notify,
    event_queue_dispatch,
)
from portal.publishing import Publishable, Status
from portal.queueing import queue_on_commit
from portal.workflow import tasks as workflow_tasks

logger = logging.getLogger(__name__)

# Fields only the workflow services change; an edit that changes them is refused.
WORKFLOW_FIELDS = ("status", "publish_at", "published_at")


@dataclass(frozen=True)
class Step:
    """One workflow action: from which statuses, to which, and who may take it."""

    sources: frozenset[str]
    target: str
    permission: str  # "change" (editors) or "publish" (publishers)


STEPS: dict[str, Step] = {
    "submit": Step(frozenset({Status.DRAFT}), Status.REVIEW, "change"),
    "return": Step(frozenset({Status.REVIEW}), Status.DRAFT, "publish"),
    "publish": Step(
        frozenset({Status.DRAFT, Status.REVIEW}), Status.PUBLISHED, "publish"
    ),
    # A scheduled item waits in review: editors can no longer change it.
    "schedule": Step(
        frozenset({Status.DRAFT, Status.REVIEW}), Status.REVIEW, "publish"
    ),
    "archive": Step(
        frozenset({Status.DRAFT, Status.REVIEW, Status.PUBLISHED}),
        Status.ARCHIVED,
        "publish",
    ),
    "unarchive": Step(frozenset({Status.ARCHIVED}), Status.DRAFT, "publish"),
}

# Which status may follow which (derived from the steps; anything else is refused).
TRANSITIONS: dict[str, set[str]] = {
    status: {
        step.target
        for step in STEPS.values()
        if status in step.sources and step.target != status
    }
    for status in Status.values
}


class SingleLanguageError(ValidationError):
    """Publishing an item complete in one language only needs a confirmation."""


def _perm(item: Publishable, action: str) -> str:
    meta = item._meta
    return f"{meta.app_label}.{action}_{meta.model_name}"


def can_publish(user: User, item: Publishable) -> bool:
    return user.is_active and user.has_perm(_perm(item, "publish"))


def can_edit(user: User, item: Publishable) -> bool:
    """May ``user`` save changes to ``item`` as it is stored now?"""
    if not user.is_active:
        return False
    if item.pk is None:
        return user.has_perm(_perm(item, "add"))
    if not user.has_perm(_perm(item, "change")):
        return False
    return item.status == Status.DRAFT or can_publish(user, item)


def content_check(*, item: Publishable, by: User, action: str) -> None:
    """Raise PermissionDenied or ValidationError if ``by`` may not take ``action``."""
    step = STEPS[action]
    if not by.is_active or not by.has_perm(_perm(item, step.permission)):
        raise PermissionDenied(
            _("You do not have permission to do this with “%(title)s”.")
            % {"title": item}
        )
    if item.status not in step.sources:
        raise ValidationError(
            _("“%(title)s” cannot go from %(source)s to %(target)s.")
            % {
                "title": item,
                "source": Status(item.status).label,
                "target": Status(step.target).label,
            },
            code="transition",
        )


def content_actions(*, item: Publishable, by: User) -> list[str]:
    """The actions ``by`` may take on ``item`` now, in ``STEPS`` order."""
    allowed = []
    for action in STEPS:
        try:
            content_check(item=item, by=by, action=action)
        except (PermissionDenied, ValidationError):
            continue
        allowed.append(action)
    return allowed


def _check_languages(item: Publishable, *, confirm_single_language: bool) -> None:
    complete = item.complete_languages()
    names = dict(settings.LANGUAGES)
    if not complete:
        raise ValidationError(
            _(
                "“%(title)s” cannot be published: its required fields are filled "
                "in no language."
            )
            % {"title": item},
            code="no_language",
        )
    if len(complete) < len(names) and not confirm_single_language:
        raise SingleLanguageError(
            _(
                "“%(title)s” is complete in %(language)s only: confirm that it "
                "should be published in one language."
            )
            % {"title": item, "language": names[complete[0]]},
            code="single_language",
        )


def _save(item: Publishable, by: User | None) -> Publishable:
    if by is not None:
        if item.pk is None:
            item.created_by = by
        item.updated_by = by
    item.full_clean()
    item.save()
    return item


def content_save(*, item: Publishable, by: User | None) -> Publishable:
    """Save an edit, recording who made it; ``by=None`` is the system.

    The rules are checked against the stored row, so an edit can neither change
    the status nor the schedule, nor touch an item out of the user's hands.
    """
    if item.pk is None:
        stored = None
    else:
        stored = type(item)._default_manager.filter(pk=item.pk).first()
    if by is not None:
        if not can_edit(by, stored or item):
            raise PermissionDenied(
                _("You may not change “%(title)s” in its present status.")
                % {"title": item}
            )
        for field in WORKFLOW_FIELDS:
            before = (
                getattr(stored, field)
                if stored
                else item._meta.get_field(field).get_default()
            )
            if getattr(item, field) != before:
                raise ValidationError(
                    _(
                        "The status and the schedule change only through the "
                        "workflow actions."
                    ),
                    code="workflow_field",
                )
    return _save(item, by)


@transaction.atomic
def content_submit(*, item: Publishable, by: User) -> Publishable:
    """An editor asks for review; the publishers are told."""
    content_check(item=item, by=by, action="submit")
    item.status = Status.REVIEW
    _save(item, by)
    content_submitted_notify(item=item)
    return item


@transaction.atomic
def content_return(*, item: Publishable, by: User, comment: str) -> ReviewComment:
    """A publisher sends an item in review back to draft with a comment.

    The comment is stored with the item and mailed to its last editor.
    """
    content_check(item=item, by=by, action="return")
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(
            _("Say what should change before returning the item."), code="comment"
        )
    recipient = item.updated_by
    item.status = Status.DRAFT
    item.publish_at = None
    _save(item, by)
    review = ReviewComment.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        author=by,
        recipient=recipient,
        text=comment,
    )
    if recipient is not None and recipient != by and recipient.email:
        queue_on_commit(workflow_tasks.notify_returned, review.pk)
    return review


@transaction.atomic
def content_publish(
    *, item: Publishable, by: User | None, confirm_single_language: bool = False
) -> Publishable:
    """Publish now, and write the outbox Event in the same transaction.

    ``by`` is None only when the scheduler publishes what a publisher set a time
    for (the publisher confirmed the languages then).
    """
    if by is not None:
        content_check(item=item, by=by, action="publish")
        _check_languages(item, confirm_single_language=confirm_single_language)
    elif item.status not in STEPS["publish"].sources:
        raise ValidationError(_("Only drafts and items in review can be published."))
    item.status = Status.PUBLISHED
    item.published_at = timezone.now()
    item.publish_at = None
    _save(item, by)
    event = Event.objects.create(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    )
    # Queued after the commit; a dead broker is logged, never fails the publish.
    event_queue_dispatch(event=event)
    return item


@transaction.atomic
def content_schedule(
    *,
    item: Publishable,
    by: User,
    publish_at: datetime.datetime,
    confirm_single_language: bool = False,
) -> Publishable:
    """Set the time the beat task (``publish_due``) publishes the item at."""
    content_check(item=item, by=by, action="schedule")
    if publish_at is None or publish_at <= timezone.now():
        raise ValidationError(_("Choose a time in the future."), code="publish_at_past")
    _check_languages(item, confirm_single_language=confirm_single_language)
    item.status = Status.REVIEW
    item.publish_at = publish_at
    return _save(item, by)


@transaction.atomic
def content_archive(*, item: Publishable, by: User) -> Publishable:
    """Take an item off the site (or shelve a draft); a schedule is dropped."""
    content_check(item=item, by=by, action="archive")
    item.status = Status.ARCHIVED
    item.publish_at = None
    return _save(item, by)


@transaction.atomic
def content_unarchive(*, item: Publishable, by: User) -> Publishable:
    """Take an item out of the archive, back to draft for revision."""
    content_check(item=item, by=by, action="unarchive")
    item.status = Status.DRAFT
    return _save(item, by)


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
                try:
                    content_publish(item=item, by=None)
                except ValidationError:
                    # Its own savepoint rolled back; the others still go out.
                    logger.exception("scheduled %r could not be published", item)
                    continue
                count += 1
    return count
