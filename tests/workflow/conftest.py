"""Shared pieces of the workflow tests: the roles, items in each status, the steps."""

import datetime

import pytest
from django.utils import timezone

from portal import services
from portal.publishing import Status
from tests import factories

ROLES = ("publisher", "editor", "member", "plain")
STATUSES = tuple(Status.values)
ACTIONS = tuple(services.STEPS)
# What each role may do (the permissions of the groups made by portal 0001).
MAY = {
    "publisher": set(ACTIONS),
    "editor": {"submit"},
    "member": set(),
    "plain": set(),
}


def legal(action: str, status: str) -> bool:
    return status in services.STEPS[action].sources


def expected_status(action: str) -> str:
    return services.STEPS[action].target


def item_in(status: str, **kwargs):
    """A resource complete in both languages, in ``status``."""
    published = status in (Status.PUBLISHED, Status.ARCHIVED)
    return factories.ResourceFactory(
        status=status,
        published_at=timezone.now() if published else None,
        **kwargs,
    )


def in_a_day() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=1)


def run(action: str, item, user, **options):
    """Take ``action`` through its service, with what it needs."""
    if action == "return":
        return services.content_return(
            item=item, by=user, comment=options.get("comment", "Please shorten it.")
        )
    if action == "schedule":
        return services.content_schedule(
            item=item, by=user, publish_at=options.get("publish_at", in_a_day())
        )
    service = {
        "submit": services.content_submit,
        "publish": services.content_publish,
        "archive": services.content_archive,
        "unarchive": services.content_unarchive,
    }[action]
    return service(item=item, by=user)


@pytest.fixture
def users(publisher, editor, mission_member, plain_user):
    return {
        "publisher": publisher,
        "editor": editor,
        "member": mission_member,
        "plain": plain_user,
    }


def state(item) -> tuple:
    """What a refused step must leave as it was."""
    item.refresh_from_db()
    return (item.status, item.publish_at, item.published_at, item.updated_by_id)
