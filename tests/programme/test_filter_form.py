"""The ledger's filter form class, built once, follows the language and the taxonomy."""

import datetime

import pytest
from django.utils import timezone, translation

from portal.taxonomy.choices import forget_choices
from programme.filters import ActivityFilterSet
from tests import factories


@pytest.mark.django_db
def test_the_form_class_built_once_still_follows_language_and_taxonomy():
    """``KeptFormClassMixin`` keeps one form class: its labels are read
    in each page's language, its theme choices from the taxonomy as it is now."""
    with translation.override("en"):
        english = str(ActivityFilterSet(data=None).form["sort"])
    with translation.override("ru"):
        russian = str(ActivityFilterSet(data=None).form["sort"])
    assert "Newest first" in english
    assert "Newest first" not in russian

    assert not ActivityFilterSet(data={"theme": ["brand-new"]}).is_valid()
    factories.ThemeFactory(slug="brand-new")
    # The taxonomy's choices are memoised per request and cached: forget them.
    forget_choices()
    assert ActivityFilterSet(data={"theme": ["brand-new"]}).is_valid()


@pytest.mark.django_db
def test_filter_sets_side_by_side_each_run_their_own_filters():
    """Filters are copied for each filter set (``portal.filtersets.CopiedFilters``), not deep-copied:
    a ``method`` filter still calls the filter set that holds it."""
    today = timezone.localdate()
    factories.ActivityFactory(
        slug="to-come", start_date=today, end_date=today + datetime.timedelta(days=9)
    )
    factories.ActivityFactory(
        slug="over",
        start_date=today - datetime.timedelta(days=9),
        end_date=today - datetime.timedelta(days=8),
    )
    upcoming = ActivityFilterSet(data={"when": "upcoming"})
    past = ActivityFilterSet(data={"when": "past"})

    assert [activity.slug for activity in past.qs] == ["over"]
    assert [activity.slug for activity in upcoming.qs] == ["to-come"]
    for filterset in (upcoming, past):
        for name, filter_ in filterset.filters.items():
            assert filter_.parent is filterset
            assert filter_ is not ActivityFilterSet.base_filters[name]
