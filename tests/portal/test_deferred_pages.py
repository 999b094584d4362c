"""Deep pages read their rows' keys first, and show exactly what OFFSET would."""

import pytest
from django.core.paginator import EmptyPage, Paginator

from portal import generic
from portal.generic import CountedPaginator
from resources.models import Resource
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    for day in range(1, 12):
        factories.ResourceFactory(published_on=f"2025-01-{day % 4 + 1:02d}")
    # Prefetching as the list does: the key query must not trip over it.
    return Resource.objects.newest_first().prefetch_related("themes")


@pytest.mark.parametrize("orphans", [0, 1])
def test_deferred_pages_equal_offset_pages(monkeypatch, library, orphans):
    monkeypatch.setattr(generic, "DEFERRED_JOIN_FROM", 0)
    deferred = CountedPaginator(library, 3, orphans=orphans, deferred_key="slug")
    plain = Paginator(library, 3, orphans=orphans)
    assert deferred.num_pages == plain.num_pages > 2
    for number in plain.page_range:
        got = [resource.slug for resource in deferred.page(number)]
        assert got == [resource.slug for resource in plain.page(number)]
    with pytest.raises(EmptyPage):
        deferred.page(plain.num_pages + 1)


def test_deferred_page_keeps_prefetching(
    monkeypatch, library, django_assert_num_queries
):
    monkeypatch.setattr(generic, "DEFERRED_JOIN_FROM", 0)
    page = CountedPaginator(library, 3, count=11, deferred_key="slug").page(2)
    # The keys, the rows, their themes; then no query per row.
    with django_assert_num_queries(0):
        assert all(resource.themes.all() is not None for resource in page)


def test_shallow_pages_use_one_query(library, django_assert_num_queries):
    paginator = CountedPaginator(library, 3, count=11, deferred_key="slug")
    with django_assert_num_queries(2):  # the rows and their themes
        list(paginator.page(2))
