"""Facet counts are counted once per filter set and follow every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.publishing import Status
from tests.factories import ResourceFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def counts(response, name):
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {option.value: option.count for option in facet.options}


def test_a_members_second_visit_reuses_the_counts(client, mission_member):
    theme = ThemeFactory(slug="borders")
    for _ in range(3):
        ResourceFactory().themes.add(theme)
    client.force_login(mission_member)
    first = client.get("/en/resources/")
    with CaptureQueriesContext(connection) as cold:
        client.get("/en/resources/?q=")
    with CaptureQueriesContext(connection) as warm:
        second = client.get("/en/resources/")
    assert counts(second, "theme") == counts(first, "theme") == {"borders": 3}
    assert len(warm) < len(cold)


def test_counts_change_as_soon_as_content_does(client, mission_member):
    theme = ThemeFactory(slug="borders")
    ResourceFactory().themes.add(theme)
    client.force_login(mission_member)
    assert counts(client.get("/en/resources/"), "theme") == {"borders": 1}
    ResourceFactory().themes.add(theme)
    assert counts(client.get("/en/resources/"), "theme") == {"borders": 2}
    draft = ResourceFactory(status=Status.DRAFT, published_at=None)
    draft.themes.add(theme)
    assert counts(client.get("/en/resources/"), "theme") == {"borders": 2}


def test_staff_counts_are_kept_apart(client, mission_member, editor):
    theme = ThemeFactory(slug="borders")
    ResourceFactory(access="staff").themes.add(theme)
    client.force_login(editor)
    assert counts(client.get("/en/resources/"), "theme") == {"borders": 1}
    client.force_login(mission_member)
    assert counts(client.get("/en/resources/"), "theme") == {}
