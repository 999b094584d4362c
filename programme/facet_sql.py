"""The ledger's facets counted in SQL on the activities themselves.

Where the stored counts cannot serve (a text search, "upcoming or past", the
month calendar on SQLite or in a crowded month): one UNION ALL query, one
GROUP BY per facet over the rows every other chosen facet lets through.
"""

from __future__ import annotations

import datetime

from django.db.models import Case, CharField, Count, F, QuerySet, Value, When
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone

from partners.models import Partner
from portal.facet_counts import TOTAL

from .filters import PAST, UPCOMING
from .models import Project

# The facets of the ledger, in the order of the panel.
FACET_ORDER = (
    "when",
    "kind",
    "year",
    "theme",
    "region",
    "country",
    "provider",
    "beneficiary",
    "format",
    "project",
)


def _text(value) -> Cast:
    return Cast(value, output_field=CharField())


def _facet_values(user, today: datetime.date) -> dict:
    """Per facet: the expressions of (value, Russian label, English label).

    Partner and project facets carry their names, but only of the partners and
    projects ``user`` may see: a draft's name is never an option.
    """
    partners = Partner.objects.visible_to(user).values("pk")
    projects = Project.objects.visible_to(user).values("pk")
    return {
        "when": (
            Case(
                When(end_date__gte=today, then=Value(UPCOMING)),
                default=Value(PAST),
                output_field=CharField(),
            ),
            None,
        ),
        "kind": (F("kind"), None),
        "year": (ExtractYear("start_date"), None),
        "theme": (F("themes__slug"), None),
        "region": (F("host_country__region__slug"), None),
        "country": (F("host_country__iso3"), None),
        "provider": (F("providers__slug"), ("providers", "name", partners)),
        "beneficiary": (F("beneficiaries__slug"), ("beneficiaries", "name", partners)),
        "format": (F("format"), None),
        "project": (F("project__slug"), ("project", "title", projects)),
    }


def _without(filterset, name: str, base: QuerySet) -> QuerySet:
    """``base`` filtered by every parameter of the query string except ``name``.

    A facet counts its options as if none of its own were chosen, so a visitor
    sees the other kinds (years, themes...) they could add or switch to.
    """
    if not filterset.is_bound:
        return base
    # The filters of the already validated form, applied in place: a new
    # FilterSet per facet would deep-copy every filter and validate again.
    queryset = base
    for key, value in filterset.form.cleaned_data.items():
        if key not in (name, "sort"):
            queryset = filterset.filters[key].filter(queryset, value)
    return queryset


def _branch(queryset: QuerySet, name: str, value, labelled) -> QuerySet:
    empty = Value(None, output_field=CharField())
    label_ru = label_en = empty
    if labelled is not None:
        relation, field, visible = labelled
        queryset = queryset.filter(**{f"{relation}__in": visible})
        label_ru = _text(F(f"{relation}__{field}_ru"))
        label_en = _text(F(f"{relation}__{field}_en"))
    return (
        # rewrite(False): plain rows, every language's column named.
        queryset.rewrite(False)
        .order_by()
        .annotate(
            facet_name=Value(name, output_field=CharField()),
            facet_value=_text(value),
            facet_ru=label_ru,
            facet_en=label_en,
        )
        .values_list("facet_name", "facet_value", "facet_ru", "facet_en")
        # No filter joins a many-to-many relation (SemiJoinMixin), and a branch
        # joins at most one: every (activity, value) row is unique, no DISTINCT.
        .annotate(facet_count=Count("pk"))
    )


def facet_rows(filterset, *, user, base: QuerySet) -> list[tuple]:
    """(facet, value, label_ru, label_en, count) of every facet, in ONE query.

    Each facet's GROUP BY runs on its own base (``_without``); UNION ALL puts
    them into a single round trip. The ``TOTAL`` row counts the results.
    """
    values = _facet_values(user, timezone.localdate())
    branches = [
        _branch(_without(filterset, "", base), TOTAL, Value(""), None),
        *(
            _branch(_without(filterset, name, base), name, *values[name])
            for name in FACET_ORDER
        ),
    ]
    return list(branches[0].union(*branches[1:], all=True))
