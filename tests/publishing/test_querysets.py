"""Who sees what: ``published()`` and ``visible_to(user)`` for each kind of user."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from partners.models import Partner
from portal.publishing import Status
from resources.models import Access, Resource
from tests.factories import PartnerFactory, ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners_in_every_status():
    return {
        status: PartnerFactory(
            status=status,
            published_at=timezone.now() if status == Status.PUBLISHED else None,
        )
        for status in Status.values
    }


def test_published_keeps_only_published_items(partners_in_every_status):
    published = Partner.objects.published()
    assert list(published) == [partners_in_every_status[Status.PUBLISHED]]


@pytest.mark.parametrize("who", ["anonymous", "signed_in", "mission_member"])
def test_outside_staff_only_published_items_are_visible(
    who, partners_in_every_status, request
):
    user = {
        "anonymous": AnonymousUser(),
        "signed_in": UserFactory(),
        "mission_member": request.getfixturevalue("mission_member"),
    }[who]
    assert list(Partner.objects.visible_to(user)) == [
        partners_in_every_status[Status.PUBLISHED]
    ]


@pytest.mark.parametrize("who", ["editor", "publisher"])
def test_staff_see_every_status(who, partners_in_every_status, request):
    user = request.getfixturevalue(who)
    assert set(Partner.objects.visible_to(user)) == set(
        partners_in_every_status.values()
    )


@pytest.fixture
def resources_by_access():
    return {access: ResourceFactory(access=access) for access in Access.values}


def test_staff_resources_do_not_exist_for_visitors_or_missions(
    resources_by_access, mission_member
):
    for user in (AnonymousUser(), UserFactory(), mission_member):
        visible = set(Resource.objects.visible_to(user))
        assert visible == {
            resources_by_access[Access.PUBLIC],
            resources_by_access[Access.MISSIONS],
        }


def test_staff_see_staff_resources(resources_by_access, editor):
    assert set(Resource.objects.visible_to(editor)) == set(resources_by_access.values())


def test_a_mission_resource_is_listed_to_all_but_opened_only_to_missions_and_staff(
    resources_by_access, mission_member, editor
):
    mission_only = resources_by_access[Access.MISSIONS]
    assert not mission_only.is_open_to(AnonymousUser())
    assert not mission_only.is_open_to(UserFactory())
    assert mission_only.is_open_to(mission_member)
    assert mission_only.is_open_to(editor)
    assert resources_by_access[Access.PUBLIC].is_open_to(AnonymousUser())
    assert not resources_by_access[Access.STAFF].is_open_to(mission_member)


def test_unpublished_mission_resources_stay_hidden_from_missions(mission_member):
    draft = ResourceFactory(
        access=Access.MISSIONS, status=Status.DRAFT, published_at=None
    )
    assert draft not in Resource.objects.visible_to(mission_member)
