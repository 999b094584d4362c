"""The exchange ledger's filters, shared by the list, the calendar and the iCal feed.

One FilterSet (``ActivityFilterSet``) reads the query string everywhere, so a
filtered ledger, its month calendar and its iCal feed always hold the same
activities. Their facets are counted in ``facets.py``.
"""

from __future__ import annotations

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.filtersets import KeptFormClassMixin, copied_shallowly
from portal.publishing import translated_sort_key
from portal.taxonomy.choices import country_choices, region_choices, theme_choices
from portal.widgets import PanelHiddenInput, PanelSelect, PanelTextInput

from .models import (
    Activity,
    ActivityFormat,
    ActivityKind,
    Photo,
)

SEARCH_MAX_LENGTH = 200
# The years the ledger, the calendar and the photo archive accept.
FIRST_YEAR = 1990
LAST_YEAR = 2100
YEAR_CHOICES = [(str(year), str(year)) for year in range(FIRST_YEAR, LAST_YEAR + 1)]


def year_choices() -> list[tuple[str, str]]:
    """YEAR_CHOICES, given as a callable: a form copies a callable's iterator,
    not a hundred choices, for each filter set a page builds."""
    return YEAR_CHOICES


UPCOMING = "upcoming"
PAST = "past"
WHEN_CHOICES = [(UPCOMING, _("Upcoming and current")), (PAST, _("Past"))]


class SlugListField(forms.MultipleChoiceField):
    """Slugs of partners or projects: any well-formed ones, a few at a time.

    Which of them exist is left to the query (an unknown slug finds nothing), so
    validating costs no database query.
    """

    slug_re = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
    max_values = 20
    default_error_messages = {
        "invalid_choice": _("“%(value)s” is not a valid identifier."),
        "too_many": _("Choose at most %(limit)d values."),
    }

    def valid_value(self, value) -> bool:
        return bool(self.slug_re.match(str(value)))

    def validate(self, value) -> None:
        super().validate(value)
        if len(value) > self.max_values:
            raise ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": self.max_values},
            )


class SemiJoinMixin:
    """Filter through a subquery (``pk IN (...)``) rather than a join.

    A join on a many-to-many relation repeats an activity once per match and then
    needs DISTINCT; the subquery never repeats a row, so counts stay plain
    ``COUNT(*)`` (much cheaper on large tables) and facets can join freely.
    """

    def filter(self, qs, value):
        if not value:
            return qs
        matching = qs.model._base_manager.filter(
            **{f"{self.field_name}__in": sorted(set(value))}
        )
        return qs.filter(pk__in=matching.values("pk"))


class SlugsFilter(SemiJoinMixin, django_filters.Filter):
    """Items linked to any of the given slugs (``?provider=a&provider=b``)."""

    field_class = SlugListField


class RelatedChoicesFilter(SemiJoinMixin, django_filters.MultipleChoiceFilter):
    """A many-to-many filter with listed choices (themes), without duplicates."""


class ActivityOrderingFilter(django_filters.OrderingFilter):
    """Newest first (the default), oldest first, or by title in the active language.

    Only the listed keys are accepted; anything else is a form error.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "choices",
            [
                ("newest", _("Newest first")),
                ("oldest", _("Oldest first")),
                ("title", _("Title, A to Z")),
            ],
        )
        kwargs.setdefault("empty_label", None)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        orders = {
            "newest": ("-start_date", "-end_date", "slug"),
            "oldest": ("start_date", "end_date", "slug"),
            "title": (translated_sort_key("title").asc(), "slug"),
        }
        for param in value or ():
            if param in orders:
                return qs.order_by(*orders[param])
        return qs


@copied_shallowly
class ActivityFilterSet(KeptFormClassMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Title or summary contains"),
        method="search",
        max_length=SEARCH_MAX_LENGTH,
        widget=PanelTextInput,
    )
    when = django_filters.ChoiceFilter(
        label=_("Upcoming or past"), choices=WHEN_CHOICES, method="filter_when"
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=ActivityKind.choices, distinct=False
    )
    year = django_filters.MultipleChoiceFilter(
        label=_("Year"),
        field_name="start_date__year",
        choices=year_choices,
        distinct=False,
    )
    theme = RelatedChoicesFilter(
        label=_("Theme"), field_name="themes__slug", choices=theme_choices
    )
    region = django_filters.MultipleChoiceFilter(
        label=_("Region"),
        field_name="host_country__region__slug",
        choices=region_choices,
        distinct=False,
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Host country"),
        field_name="host_country__iso3",
        choices=country_choices,
        distinct=False,
    )
    provider = SlugsFilter(label=_("Shared by"), field_name="providers__slug")
    beneficiary = SlugsFilter(label=_("Received by"), field_name="beneficiaries__slug")
    format = django_filters.MultipleChoiceFilter(
        label=_("Format"), choices=ActivityFormat.choices, distinct=False
    )
    project = SlugsFilter(label=_("Project"), field_name="project__slug")
    sort = ActivityOrderingFilter(label=_("Sort by"), widget=PanelSelect)

    class Meta:
        model = Activity
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_when(self, queryset, name, value):
        if value == UPCOMING:
            return queryset.upcoming()
        if value == PAST:
            return queryset.past()
        return queryset

    def limits_dates(self) -> bool:
        """Does the query string choose the period itself (year, upcoming/past)?"""
        return bool(
            self.form.cleaned_data.get("year") or self.form.cleaned_data.get("when")
        )


@copied_shallowly
class CalendarFilterSet(ActivityFilterSet):
    """The ledger's filters, without sorting, plus the month being shown.

    ``month`` is read by the view (a malformed one shows the current month): it is
    here only so that the filter panel can carry it along as a hidden field.
    """

    sort = None
    month = django_filters.CharFilter(
        method="keep_all", widget=PanelHiddenInput, label=_("Month")
    )

    def keep_all(self, queryset, name, value):
        return queryset


def filter_query(data, *, drop=("page", "sort", "month")) -> str:
    """The query string of ``data`` without the parameters in ``drop``."""
    if data is None:
        return ""
    query = data.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


# --- Photo archive --------------------------------------------------------------------


@copied_shallowly
class PhotoFilterSet(KeptFormClassMixin, django_filters.FilterSet):
    year = django_filters.MultipleChoiceFilter(
        label=_("Year"),
        field_name="taken_on__year",
        choices=year_choices,
        distinct=False,
    )

    class Meta:
        model = Photo
        fields: list[str] = []
