"""The workflow's rules, enforced in ``portal.services`` whoever calls them."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from portal import services
from portal.models import ReviewComment
from portal.notifications.models import Event
from portal.publishing import Status
from resources.models import Resource
from tests import factories

from .conftest import (
    ACTIONS,
    MAY,
    ROLES,
    STATUSES,
    expected_status,
    in_a_day,
    item_in,
    legal,
    run,
    state,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_step_from_every_status_for_every_role(users, role, action):
    """Allowed: the item moves. Refused: a permission or transition error, and
    nothing changes (status, schedule, publication, last editor, events)."""
    user = users[role]
    for status in STATUSES:
        item = item_in(status)
        before = state(item)
        allowed = action in MAY[role] and legal(action, status)
        if allowed:
            run(action, item, user)
            item.refresh_from_db()
            assert item.status == expected_status(action), (status, action)
            assert item.updated_by == user
            continue
        error = PermissionDenied if action not in MAY[role] else ValidationError
        with pytest.raises(error):
            run(action, item, user)
        assert state(item) == before, (role, action, status)
    assert Event.objects.count() == (
        sum(legal("publish", s) for s in STATUSES)
        if action == "publish" and role == "publisher"
        else 0
    )


def test_transitions_follow_the_steps():
    assert services.TRANSITIONS[Status.DRAFT] == {
        Status.REVIEW,
        Status.PUBLISHED,
        Status.ARCHIVED,
    }
    assert services.TRANSITIONS[Status.PUBLISHED] == {Status.ARCHIVED}
    assert services.TRANSITIONS[Status.ARCHIVED] == {Status.DRAFT}


def test_refusals_are_translated(editor, publisher):
    item = item_in(Status.PUBLISHED)
    with translation.override("ru"), pytest.raises(ValidationError) as excinfo:
        services.content_submit(item=item, by=publisher)
    assert "Опубликовано" in str(excinfo.value)
    with translation.override("en"), pytest.raises(PermissionDenied) as denied:
        services.content_archive(item=item, by=editor)
    assert "permission" in str(denied.value)


@pytest.mark.parametrize(
    ("role", "status", "allowed"),
    [
        ("editor", Status.DRAFT, True),
        ("editor", Status.REVIEW, False),
        ("editor", Status.PUBLISHED, False),
        ("editor", Status.ARCHIVED, False),
        ("publisher", Status.DRAFT, True),
        ("publisher", Status.REVIEW, True),
        ("publisher", Status.PUBLISHED, True),
        ("publisher", Status.ARCHIVED, True),
        ("member", Status.DRAFT, False),
        ("plain", Status.DRAFT, False),
    ],
)
def test_who_edits_what(users, role, status, allowed):
    """Editors edit drafts only; what is in review or beyond is the publishers'."""
    item = item_in(status)
    item.title_en = "Corrected title"
    if allowed:
        services.content_save(item=item, by=users[role])
        assert Resource.objects.get(pk=item.pk).title_en == "Corrected title"
    else:
        with pytest.raises(PermissionDenied):
            services.content_save(item=item, by=users[role])
        assert Resource.objects.get(pk=item.pk).title_en != "Corrected title"


def test_an_editor_creates_a_draft_and_a_member_cannot(editor, mission_member):
    item = factories.ResourceFactory.build(status=Status.DRAFT, published_at=None)
    services.content_save(item=item, by=editor)
    assert item.created_by == editor and item.status == Status.DRAFT
    other = factories.ResourceFactory.build(status=Status.DRAFT, published_at=None)
    with pytest.raises(PermissionDenied):
        services.content_save(item=other, by=mission_member)
    assert other.pk is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", Status.PUBLISHED),
        ("publish_at", "tomorrow"),
    ],
)
def test_an_edit_cannot_change_the_status_or_schedule(publisher, field, value):
    item = item_in(Status.DRAFT)
    setattr(item, field, in_a_day() if value == "tomorrow" else value)
    with pytest.raises(ValidationError):
        services.content_save(item=item, by=publisher)
    item.refresh_from_db()
    assert item.status == Status.DRAFT and item.publish_at is None


def test_a_new_item_cannot_start_published(editor):
    item = factories.ResourceFactory.build(status=Status.PUBLISHED)
    with pytest.raises(ValidationError):
        services.content_save(item=item, by=editor)
    assert item.pk is None


def test_a_returned_item_goes_back_to_its_editor_with_the_comment(
    editor, publisher, django_capture_on_commit_callbacks
):
    item = item_in(Status.DRAFT)
    services.content_submit(item=item, by=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review = services.content_return(
            item=item, by=publisher, comment="Add the English summary."
        )
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert review.text == "Add the English summary."
    assert review.author == publisher and review.recipient == editor
    assert list(
        ReviewComment.objects.filter(object_id=item.pk).values_list("text", flat=True)
    ) == ["Add the English summary."]
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Add the English summary." in mail.outbox[0].body
    # The editor may change it again, and submit it again.
    item.title_en = "Better"
    services.content_save(item=item, by=editor)
    services.content_submit(item=item, by=editor)


def test_a_return_needs_a_comment(publisher):
    item = item_in(Status.REVIEW)
    with pytest.raises(ValidationError):
        services.content_return(item=item, by=publisher, comment="   ")
    item.refresh_from_db()
    assert item.status == Status.REVIEW
    assert not ReviewComment.objects.exists()


def test_a_return_does_not_mail_the_publisher_themself(
    publisher, django_capture_on_commit_callbacks
):
    item = item_in(Status.REVIEW, updated_by=publisher)
    with django_capture_on_commit_callbacks(execute=True):
        services.content_return(item=item, by=publisher, comment="Note to self")
    assert mail.outbox == []


def single_language_item(status=Status.REVIEW):
    return item_in(status, title_en="", summary_en="")


def test_publishing_in_one_language_needs_a_confirmation(publisher):
    item = single_language_item()
    with translation.override("en"), pytest.raises(services.SingleLanguageError) as e:
        services.content_publish(item=item, by=publisher)
    assert "Russian only" in str(e.value)
    item.refresh_from_db()
    assert item.status == Status.REVIEW
    assert not Event.objects.exists()
    services.content_publish(item=item, by=publisher, confirm_single_language=True)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert Event.objects.count() == 1


def test_an_item_complete_in_no_language_is_never_published(publisher):
    item = item_in(Status.REVIEW, summary_ru="", summary_en="")
    with pytest.raises(ValidationError) as excinfo:
        services.content_publish(item=item, by=publisher, confirm_single_language=True)
    assert not isinstance(excinfo.value, services.SingleLanguageError)
    item.refresh_from_db()
    assert item.status == Status.REVIEW


def test_scheduling_locks_the_item_in_review_until_the_beat_publishes_it(
    editor, publisher
):
    item = item_in(Status.DRAFT)
    when = in_a_day()
    services.content_schedule(item=item, by=publisher, publish_at=when)
    item.refresh_from_db()
    assert (item.status, item.publish_at) == (Status.REVIEW, when)
    assert not services.can_edit(editor, item)
    assert services.publish_due(now=when - datetime.timedelta(minutes=1)) == 0
    assert services.publish_due(now=when + datetime.timedelta(seconds=1)) == 1
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.publish_at is None
    assert Event.objects.count() == 1


def test_a_schedule_in_the_past_is_refused(publisher):
    item = item_in(Status.DRAFT)
    with pytest.raises(ValidationError):
        services.content_schedule(
            item=item,
            by=publisher,
            publish_at=timezone.now() - datetime.timedelta(minutes=5),
        )
    item.refresh_from_db()
    assert item.publish_at is None and item.status == Status.DRAFT


def test_scheduling_in_one_language_needs_the_confirmation_too(publisher):
    item = single_language_item(Status.DRAFT)
    with pytest.raises(services.SingleLanguageError):
        services.content_schedule(item=item, by=publisher, publish_at=in_a_day())
    services.content_schedule(
        item=item, by=publisher, publish_at=in_a_day(), confirm_single_language=True
    )
    assert services.publish_due(now=in_a_day() + datetime.timedelta(hours=1)) == 1


def test_returning_or_archiving_drops_the_schedule(publisher):
    item = item_in(Status.DRAFT)
    services.content_schedule(item=item, by=publisher, publish_at=in_a_day())
    services.content_return(item=item, by=publisher, comment="Not yet")
    item.refresh_from_db()
    assert item.publish_at is None
    services.content_schedule(item=item, by=publisher, publish_at=in_a_day())
    services.content_archive(item=item, by=publisher)
    item.refresh_from_db()
    assert item.publish_at is None
    assert services.publish_due(now=in_a_day() + datetime.timedelta(hours=1)) == 0


def test_an_archived_item_comes_back_as_a_draft(publisher, editor):
    item = item_in(Status.PUBLISHED)
    services.content_archive(item=item, by=publisher)
    services.content_unarchive(item=item, by=publisher)
    item.refresh_from_db()
    assert item.status == Status.DRAFT
    assert services.can_edit(editor, item)


def test_inactive_staff_can_do_nothing(publisher):
    publisher.is_active = False
    publisher.save()
    item = item_in(Status.REVIEW)
    with pytest.raises(PermissionDenied):
        services.content_publish(item=item, by=publisher)


@pytest.mark.parametrize(
    ("role", "actions"),
    [
        ("editor", {Status.DRAFT: ["submit"], Status.REVIEW: []}),
        (
            "publisher",
            {
                Status.DRAFT: ["submit", "publish", "schedule", "archive"],
                Status.REVIEW: ["return", "publish", "schedule", "archive"],
                Status.PUBLISHED: ["archive"],
                Status.ARCHIVED: ["unarchive"],
            },
        ),
        ("member", {Status.DRAFT: []}),
    ],
)
def test_the_actions_offered_follow_the_rules(users, role, actions):
    for status, expected in actions.items():
        item = item_in(status)
        assert services.content_actions(item=item, by=users[role]) == expected


def test_an_invalid_scheduled_item_does_not_hold_up_the_others(publisher):
    good, bad = item_in(Status.DRAFT), item_in(Status.DRAFT)
    services.content_schedule(item=good, by=publisher, publish_at=in_a_day())
    services.content_schedule(item=bad, by=publisher, publish_at=in_a_day())
    Resource.objects.filter(pk=bad.pk).update(kind="no-such-kind")
    assert services.publish_due(now=in_a_day() + datetime.timedelta(hours=1)) == 1
    assert state(good)[0] == Status.PUBLISHED
    assert state(bad)[0] == Status.REVIEW
    assert Event.objects.count() == 1
