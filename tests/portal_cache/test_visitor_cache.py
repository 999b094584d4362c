"""Visitors' pages come from the cache until content changes; members' never do."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from portal.cache import cache_for_visitors, content_version
from tests.factories import ActivityFactory, PartnerFactory, ResourceFactory

pytestmark = pytest.mark.django_db

calls = []


@cache_for_visitors(page_timeout=60)
def view(request):
    calls.append(request)
    who = request.user.email if request.user.is_authenticated else "visitor"
    return HttpResponse(f"rendered for {who} #{len(calls)}")


@pytest.fixture(autouse=True)
def _reset_calls(settings):
    settings.VISITOR_PAGE_CACHE = True
    calls.clear()


def get(user=None, cookies=None):
    request = RequestFactory().get("/en/partners/?kind=un_entity")
    request.user = user or AnonymousUser()
    request.COOKIES.update(cookies or {})
    return view(request)


def test_a_second_visitor_gets_the_cached_page():
    first = get()
    second = get()
    assert second.content == first.content
    assert len(calls) == 1
    assert first["Cache-Control"] == "no-cache"
    assert not first.has_header("Expires")


def test_a_change_to_content_shows_up_at_once():
    get()
    before = content_version()
    PartnerFactory()
    assert content_version() != before
    assert b"#2" in get().content


def test_a_signed_in_member_is_never_served_the_visitors_copy(mission_member):
    get()
    response = get(user=mission_member, cookies={"sessionid": "abc"})
    assert mission_member.email.encode() in response.content
    assert len(calls) == 2


def test_a_members_page_is_never_stored_for_visitors(mission_member):
    get(user=mission_member)  # no session cookie, but signed in: not stored
    response = get()
    assert b"visitor" in response.content


def test_the_cache_can_be_switched_off(settings):
    settings.VISITOR_PAGE_CACHE = False
    get()
    get()
    assert len(calls) == 2


def test_real_pages_are_cached_for_visitors(
    client, settings, django_assert_num_queries
):
    settings.VISITOR_PAGE_CACHE = True
    PartnerFactory(name_en="Cached partner")
    first = client.get("/en/partners/")
    with django_assert_num_queries(0):
        second = client.get("/en/partners/")
    assert second.content == first.content
    PartnerFactory(name_en="Newly published partner")
    assert b"Newly published partner" in client.get("/en/partners/").content


@pytest.mark.parametrize(
    "path", ["/en/feeds/resources.rss", "/ru/feeds/activities.atom"]
)
def test_feeds_are_cached_for_visitors_until_content_changes(
    client, settings, django_assert_num_queries, path
):
    settings.VISITOR_PAGE_CACHE = True
    ResourceFactory(title_en="First", title_ru="Первый")
    ActivityFactory(title_en="First", title_ru="Первый")
    first = client.get(path)
    with django_assert_num_queries(0):
        assert client.get(path).content == first.content
    ResourceFactory(title_en="Second item", title_ru="Второй материал")
    ActivityFactory(title_en="Second item", title_ru="Второй материал")
    fresh = client.get(path).content.decode()
    assert "Second item" in fresh or "Второй материал" in fresh
