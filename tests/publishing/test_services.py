"""Status changes go through services that check the permission and the transition."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation

from portal import services
from portal.notifications.models import Event
from portal.publishing import Status
from programme.models import Activity
from tests.factories import ActivityFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def draft(**kwargs):
    return ActivityFactory(status=Status.DRAFT, published_at=None, **kwargs)


def test_an_editor_submits_a_draft_for_review(editor):
    activity = draft()
    services.content_submit(item=activity, by=editor)
    activity.refresh_from_db()
    assert activity.status == Status.REVIEW
    assert activity.updated_by == editor


def test_an_editor_cannot_publish(editor):
    activity = draft()
    with pytest.raises(PermissionDenied):
        services.content_publish(item=activity, by=editor)
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT
    assert not Event.objects.exists()


def test_a_publisher_publishes_and_an_event_is_written(publisher):
    activity = draft()
    services.content_publish(item=activity, by=publisher)
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.published_at is not None
    event = Event.objects.get()
    assert event.content_object == activity
    assert event.dispatched_at is None


def test_a_rolled_back_publication_leaves_no_event(publisher):
    activity = draft()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.content_publish(item=activity, by=publisher)
        raise RuntimeError("something later in the request failed")
    activity.refresh_from_db()
    assert activity.status == Status.DRAFT
    assert not Event.objects.exists()


def test_an_illegal_transition_is_refused_with_a_message(publisher):
    activity = ActivityFactory()  # published
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        services.content_submit(item=activity, by=publisher)
    assert "cannot go from Published to In review" in str(excinfo.value)


def test_only_publishers_archive(editor, publisher):
    resource = ResourceFactory()
    with pytest.raises(PermissionDenied):
        services.content_archive(item=resource, by=editor)
    services.content_archive(item=resource, by=publisher)
    resource.refresh_from_db()
    assert resource.status == Status.ARCHIVED


def test_an_invalid_item_is_not_published(publisher):
    activity = draft()
    activity.end_date = activity.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.content_publish(item=activity, by=publisher)
    assert not Event.objects.exists()


def test_scheduled_items_are_published_when_due():
    now = timezone.now()
    due = draft(publish_at=now - datetime.timedelta(minutes=1))
    later = draft(publish_at=now + datetime.timedelta(hours=1))
    assert services.publish_due(now=now) == 1
    assert Activity.objects.get(pk=due.pk).status == Status.PUBLISHED
    assert Activity.objects.get(pk=later.pk).status == Status.DRAFT
    assert Event.objects.count() == 1
    # Run twice: nothing more to publish, no second event.
    assert services.publish_due(now=now) == 0
    assert Event.objects.count() == 1
