"""A resource's page lists the activities it came from that the reader may see."""

import datetime
import re

import pytest

from portal.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db


def related(client, resource, lang="en") -> list[str]:
    html = client.get(f"/{lang}/resources/{resource.slug}/").content.decode()
    found = re.search(r'<ul class="resource__activities">(.*?)</ul>', html, re.S)
    return (
        re.findall(r'href="/\w\w/programme/activities/([^/]+)/"', found.group(1))
        if found
        else []
    )


@pytest.fixture
def resource():
    resource = factories.ResourceFactory()
    for slug, day, extra in (
        ("older", 1, {}),
        ("newer", 20, {}),
        ("draft", 10, {"status": Status.DRAFT, "published_at": None}),
    ):
        start = datetime.date(2025, 3, day)
        activity = factories.ActivityFactory(
            slug=slug, start_date=start, end_date=start, **extra
        )
        activity.resources.add(resource)
    return resource


def test_published_activities_newest_first(client, resource):
    assert related(client, resource) == ["newer", "older"]
    assert related(client, resource, "ru") == ["newer", "older"]


def test_staff_also_see_a_draft_activity(client, resource, editor):
    client.force_login(editor)
    assert related(client, resource) == ["newer", "draft", "older"]


def test_no_section_without_activities(client):
    html = client.get(f"/en/resources/{factories.ResourceFactory().slug}/")
    assert "resource__activities" not in html.content.decode()
