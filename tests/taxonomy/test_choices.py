"""The taxonomy's choice lists: one query for all three, once per request."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal import request_memo
from portal.taxonomy import choices
from tests.factories import CountryFactory, RegionFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cold_cache():
    cache.clear()
    yield
    cache.clear()


def _in_a_request(function):
    """Run ``function`` inside the per-request memo, as a view would."""
    middleware = request_memo.RequestMemoMiddleware(lambda request: function())
    return middleware(None)


def test_lists_are_ordered_and_named_in_the_active_language_with_fallback():
    RegionFactory(slug="b-region", order=2, name_en="Second", name_ru="Второй")
    RegionFactory(slug="a-region", order=1, name_en="First", name_ru="")
    ThemeFactory(slug="z-theme", order=0, name_en="Zeta", name_ru="Зета")
    CountryFactory(iso3="BBB", name_en="beta", name_ru="Бета")
    CountryFactory(iso3="AAA", name_en="Alpha", name_ru="Альфа")
    with translation.override("ru"):
        regions = choices.region_choices()
        countries = choices.country_choices()
    assert [slug for slug, _name in regions][-2:] == ["a-region", "b-region"]
    assert ("a-region", "First") in regions  # no Russian name: the English one
    assert ("b-region", "Второй") in regions
    assert countries.index(("AAA", "Альфа")) < countries.index(("BBB", "Бета"))
    with translation.override("en"):
        assert ("z-theme", "Zeta") in choices.theme_choices()
        countries = choices.country_choices()
    # Sorted by name without regard to case.
    assert countries.index(("AAA", "Alpha")) < countries.index(("BBB", "beta"))


def test_a_request_reads_the_three_lists_in_one_query_once():
    def ask_many_times():
        with CaptureQueriesContext(connection) as queries:
            for _ in range(3):
                choices.region_choices()
                choices.country_choices()
                choices.theme_choices()
        return len(queries)

    cache.clear()
    assert _in_a_request(ask_many_times) == 1


def test_a_change_is_seen_at_once_even_inside_the_same_request():
    def rename_and_read():
        region = RegionFactory(slug="renamed", name_ru="До")
        before = dict(choices.region_choices())["renamed"]
        region.name_ru = "После"
        region.save()
        return before, dict(choices.region_choices())["renamed"]

    with translation.override("ru"):
        assert _in_a_request(rename_and_read) == ("До", "После")


def test_nothing_is_memoised_outside_a_request():
    RegionFactory(slug="outside", name_ru="Снаружи")
    with translation.override("ru"):
        choices.region_choices()
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            choices.region_choices()
    assert len(queries) == 1
