"""The ledger's facets: how many activities each option of each filter gives.

From the facet rows PostgreSQL's triggers keep (``portal/facet_counts.py``) when
the choice allows, else counted on the activities in one UNION ALL query.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Func,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, ExtractYear, RowNumber
from django.utils import timezone, translation

from partners.models import Partner
from portal import facet_counts
from portal.facet_counts import TOTAL
from portal.facets import FacetList, build_facet, selected_values
from portal.models import FacetCount
from portal.taxonomy.choices import country_choices, region_choices, theme_choices

from .facet_listing import ACTIVITIES
from .filters import PAST, UPCOMING, WHEN_CHOICES
from .models import Activity, ActivityFormat, ActivityKind, Project

# A partner facet lists the partners with most results first, up to this many.
PARTNER_OPTIONS = 30

# The facets that are keys of the stored facet rows (programme/facet_listing.py).
KEYED_FACETS = (
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
# Facets whose options are partners or projects, named from their rows.
NAMED_FACETS = {"provider": "partner", "beneficiary": "partner", "project": "project"}

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


def _label(ru: str | None, en: str | None, fallback: str) -> str:
    """The name in the active language, else in the other one (as modeltranslation)."""
    names = {"ru": (ru or "").strip(), "en": (en or "").strip()}
    first = names.pop(translation.get_language() or settings.LANGUAGE_CODE, "")
    return first or next((name for name in names.values() if name), "") or fallback


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


def counted_from_rows(filterset) -> bool:
    """Can the facet rows count this choice? Not a text search, nor "upcoming or
    past" (it moves with the date); every other filter is a key of the rows."""
    if not filterset.is_bound:
        return True
    data = filterset.form.cleaned_data
    return not (data.get("q") or data.get("when"))


def stored_facet_rows(filterset, *, user) -> list[tuple]:
    """The rows of ``facet_rows`` from the rows the triggers keep (PostgreSQL).

    Nothing chosen: the stored counts. Options chosen: counted over the narrow
    facet rows (``facet_counts.chosen_counts``). "Upcoming or past" moves with
    the date, so it is counted on the activities (an index range). Partner and
    project options get the names of those ``user`` may see, in one more query;
    the others are left out, as in ``facet_rows``.
    """
    staff = bool(user.is_authenticated and user.is_staff)
    chosen = {}
    if filterset.is_bound:
        data = filterset.form.cleaned_data
        chosen = {name: data[name] for name in KEYED_FACETS if data.get(name)}
    if chosen:
        found = facet_counts.chosen_counts(ACTIVITIES, staff=staff, chosen=chosen)
        # "" counts a chosen facet's own rows: no option of the ledger's panel.
        counts = {
            name: {value: n for value, n in options.items() if value or name == TOTAL}
            for name, options in found.items()
        }
        limit_named_options(counts, chosen=chosen)
        upcoming_count = filterset.qs.upcoming().order_by().count()
    else:
        counts = _stored_counts(user=user, staff=staff)
        upcoming_count = counts.get("when", {}).get(UPCOMING, 0)
    total = counts.get(TOTAL, {}).get("", 0)
    when = {UPCOMING: upcoming_count, PAST: total - upcoming_count}
    counts["when"] = {value: count for value, count in when.items() if count}
    return labelled_rows(counts, user=user)


def stored_count(key: str, *, user) -> Subquery | None:
    """How many activities ``user`` may see have the facet key ``key``
    ("project:<slug>"), as a subquery of the stored counts; None without them."""
    if not facet_counts.is_supported():
        return None
    staff = bool(user.is_authenticated and user.is_staff)
    stored = FacetCount.objects.filter(
        listing=ACTIVITIES.name,
        audience=facet_counts.STAFF if staff else facet_counts.PUBLIC,
        given="",
        key=key,
    )
    return Subquery(stored.values("count")[:1])


def limit_named_options(
    counts: dict[str, dict[str, int]], *, chosen: dict[str, list[str]]
) -> None:
    """Keep only the busiest partners and projects (and the chosen ones) as options.

    A thousand partners each: only the busiest can become options (twice as many
    as shown, in case some are drafts the user may not see).
    """
    for name in NAMED_FACETS:
        options = counts.get(name, {})
        busiest = sorted(options, key=lambda v, o=options: (-o[v], v))
        keep = {*busiest[: 2 * PARTNER_OPTIONS], *chosen.get(name, ())}
        counts[name] = {v: n for v, n in options.items() if v in keep}


def _stored_counts(*, user, staff: bool) -> dict[str, dict[str, int]]:
    """The stored counts of the ledger, the busiest partners and projects, and how
    many are still to come, in one query.

    One scan of the ledger's stored rows, ranked per facet in SQL (a window): the
    rows lie scattered among the other lists' pairs, so each extra scan of them
    (one per named facet) read another thousand pages.
    """
    facet = Func(F("key"), Value(":"), Value(1), function="split_part")
    ranked = (
        FacetCount.objects.filter(
            listing=ACTIVITIES.name,
            audience=facet_counts.STAFF if staff else facet_counts.PUBLIC,
            given="",
            count__gt=0,
        )
        .order_by()
        .annotate(
            facet=Cast(facet, output_field=CharField()),
            rank=Window(
                RowNumber(),
                partition_by=facet,
                order_by=[F("count").desc(), F("key").asc()],
            ),
        )
        .filter(Q(rank__lte=2 * PARTNER_OPTIONS) | ~Q(facet__in=list(NAMED_FACETS)))
        .values_list("key", "count")
    )
    upcoming = (
        Activity.objects.visible_to(user)
        .upcoming()
        .order_by()
        .annotate(key=Value(f"when:{UPCOMING}"))
        .values_list("key")
        .annotate(count=Count("pk"))
    )
    counts: dict[str, dict[str, int]] = {}
    for key, count in ranked.union(upcoming, all=True):
        name, _sep, value = key.partition(":")
        counts.setdefault(name, {})[value] = count
    return counts


def labelled_rows(counts: dict[str, dict[str, int]], *, user) -> list[tuple]:
    partner_slugs = {*counts.get("provider", {}), *counts.get("beneficiary", {})}
    # The same annotation names on both sides keep UNION's columns in step.
    names = (
        # rewrite(False): plain rows, every language's column named.
        Partner.objects.visible_to(user)
        .rewrite(False)
        .filter(slug__in=partner_slugs)
        .order_by()
        .annotate(
            s=F("slug"), ru=F("name_ru"), en=F("name_en"), source=Value("partner")
        )
        .values_list("s", "ru", "en", "source")
        .union(
            Project.objects.visible_to(user)
            .rewrite(False)
            .filter(slug__in=counts.get("project", {}))
            .order_by()
            .annotate(
                s=F("slug"),
                ru=F("title_ru"),
                en=F("title_en"),
                source=Value("project"),
            )
            .values_list("s", "ru", "en", "source"),
            all=True,
        )
    )
    labels: dict[str, dict[str, tuple]] = {"partner": {}, "project": {}}
    for slug, label_ru, label_en, source in names:
        labels[source][slug] = (label_ru, label_en)
    facet_rows = []
    for name, options in counts.items():
        for value, count in options.items():
            label_ru = label_en = None
            if name in NAMED_FACETS:
                source = NAMED_FACETS[name]
                if value not in labels[source]:
                    continue  # a draft partner or project: not an option
                label_ru, label_en = labels[source][value]
            facet_rows.append((name, value, label_ru, label_en, count))
    return facet_rows


def activity_facets(
    filterset, *, user, base: QuerySet | None = None, rows: list | None = None
) -> FacetList:
    """The ledger's facets with counts of what ``user`` may see.

    ``base``: the activities before any filter (the calendar passes those of its
    month); ``rows``: the counts already made, as ``facet_rows`` gives them. No
    facets when the query string is invalid: the panel shows errors.
    """
    if filterset.is_bound and not filterset.is_valid():
        return FacetList()
    if rows is None:
        stored = counted_from_rows(filterset) and facet_counts.is_supported()
        if base is None and stored:
            rows = stored_facet_rows(filterset, user=user)
        else:
            if base is None:
                base = Activity.objects.visible_to(user)
            rows = facet_rows(filterset, user=user, base=base)
    counts: dict[str, dict[str, int]] = {name: {} for name in (TOTAL, *FACET_ORDER)}
    labels: dict[str, dict[str, str]] = {name: {} for name in FACET_ORDER}
    for name, value, label_ru, label_en, count in rows:
        if value is None:
            continue
        counts[name][value] = count
        if label_ru is not None or label_en is not None:
            labels[name][value] = _label(label_ru, label_en, value)

    data = filterset.data if filterset.data is not None else {}
    selected = {name: selected_values(data, name) for name in FACET_ORDER}
    years = sorted(
        (value for value in counts["year"] if value.isdigit()),
        key=int,
        reverse=True,
    )
    choices = {
        "when": WHEN_CHOICES,
        "kind": ActivityKind.choices,
        "year": [(year, year) for year in years],
        "theme": theme_choices(),
        "region": region_choices(),
        "country": country_choices(),
        "format": ActivityFormat.choices,
    }
    for name in ("provider", "beneficiary", "project"):
        ranked = sorted(
            labels[name].items(),
            key=lambda item, name=name: (-counts[name][item[0]], item[1].casefold()),
        )
        options = ranked[:PARTNER_OPTIONS]
        shown = {value for value, _label_ in options}
        # A chosen one stays in the panel (to be unticked) even with no result.
        options += [
            (value, labels[name].get(value, value))
            for value in selected[name]
            if value not in shown
        ]
        choices[name] = options

    fields = filterset.base_filters
    facets = [
        build_facet(
            name=name,
            label=str(fields[name].label),
            choices=choices[name],
            counts=counts[name],
            selected=selected[name],
            multiple=name != "when",
        )
        for name in FACET_ORDER
    ]
    return FacetList(facets, total=counts[TOTAL].get("", 0))
