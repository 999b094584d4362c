"""The ledger's facets: how many activities each option of each filter gives.

From the facet rows PostgreSQL's triggers keep (``portal/facet_counts.py``) when
the choice allows, else counted on the activities in one UNION ALL query
(``facet_sql.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import (
    BooleanField,
    CharField,
    Count,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.utils import timezone, translation

from partners.models import Partner
from portal import facet_counts
from portal.compiled import CompiledQuery, Param
from portal.facet_counts import TOTAL
from portal.facets import FacetList, build_facet, selected_values
from portal.models import FacetCount
from portal.taxonomy.choices import country_choices, region_choices, theme_choices

from .facet_listing import ACTIVITIES
from .facet_sql import FACET_ORDER, facet_rows
from .filters import PAST, UPCOMING, WHEN_CHOICES
from .models import Activity, ActivityFormat, ActivityKind, Project

# A partner facet lists the partners with most results first, up to this many.
PARTNER_OPTIONS = 30

# The facets that are keys of the stored facet rows (programme/facet_listing.py).
KEYED_FACETS = tuple(name for name in FACET_ORDER if name != "when")
# Facets whose options are partners or projects, named from their rows.
NAMED_FACETS = {"provider": "partner", "beneficiary": "partner", "project": "project"}
# The others, read whole, and the total: named, so that the index of each
# facet's counts serves them (portal.models.FacetCount).
PLAIN_FACETS = (TOTAL, *(name for name in KEYED_FACETS if name not in NAMED_FACETS))


def _label(ru: str | None, en: str | None, fallback: str, language: str) -> str:
    """The name in ``language``, else in the other one (as modeltranslation)."""
    names = {"ru": (ru or "").strip(), "en": (en or "").strip()}
    first = names.pop(language, "")
    return first or next((name for name in names.values() if name), "") or fallback


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
        labels = None
    else:
        counts, labels = _stored_counts(user=user, staff=staff)
        upcoming_count = counts.get("when", {}).get(UPCOMING, 0)
    total = counts.get(TOTAL, {}).get("", 0)
    when = {UPCOMING: upcoming_count, PAST: total - upcoming_count}
    counts["when"] = {value: count for value, count in when.items() if count}
    return labelled_rows(counts, user=user, labels=labels)


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


# Between the parts of a text read as one column where an array would be read
# slower (an option's Russian and English names, an activity's facet keys): no
# name, slug or key holds this control character.
FIELD_SEPARATOR = "\x1f"


def _option_label(facet: str, key, user) -> Subquery:
    """The Russian and English names (``FIELD_SEPARATOR`` between them) of the
    partner or project a named facet's ``key`` ("provider:<slug>") stands for,
    if ``user`` may see it; else NULL."""
    model = Partner if NAMED_FACETS[facet] == "partner" else Project
    field = "name" if model is Partner else "title"
    slug = Func(key, Value(":"), Value(2), function="split_part")
    # CONCAT reads a NULL name as empty, and so does the panel (``_label``).
    names = Func(
        F(f"{field}_ru"),
        Value(FIELD_SEPARATOR),
        F(f"{field}_en"),
        function="CONCAT",
        output_field=CharField(),
    )
    # rewrite(False): every language's column named, as the query reads them.
    return Subquery(
        model.objects.visible_to(user)
        .rewrite(False)
        .filter(slug=slug)
        .order_by()
        .annotate(names=names)
        .values("names")[:1]
    )


def _ranked_counts(*, user, audience, today) -> QuerySet:
    """(key, count, names) of the ledger's stored counts for ``audience``: every
    option of the plain facets, the busiest of the named ones with their names
    if ``user`` may see them (``_option_label``); and
    how many activities ``user`` may see are still to come on ``today``."""
    facet = Func(
        F("key"), Value(":"), Value(1), function="split_part", output_field=CharField()
    )
    stored = (
        FacetCount.objects.filter(
            listing=ACTIVITIES.name, audience=audience, given="", count__gt=0
        )
        .order_by()
        .alias(facet=facet)
    )
    no_names = Value(None, output_field=CharField())
    plain = (
        stored.filter(facet__in=PLAIN_FACETS)
        .annotate(names=no_names)
        .values_list("key", "count", "names")
    )
    # Each named facet's busiest options (an index holds them in that order),
    # named in the same query: a second one cost a round trip and sent back
    # two hundred slugs.
    busiest = [
        stored.filter(facet=name)
        .annotate(names=_option_label(name, OuterRef("key"), user))
        .order_by("-count", "key")
        .values_list("key", "count", "names")[: 2 * PARTNER_OPTIONS]
        for name in NAMED_FACETS
    ]
    upcoming = (
        # rewrite(False): modeltranslation's values_list would select its
        # columns in the order of a set, and UNION matches them by position.
        Activity.objects.visible_to(user)
        .rewrite(False)
        .upcoming(today)
        .order_by()
        .annotate(key=Value(f"when:{UPCOMING}"), names=no_names)
        .values_list("key", "names")
        # COUNT(*): read from the index of what is to come alone.
        .annotate(count=Count("*"))
        .values_list("key", "count", "names")
    )
    return plain.union(*busiest, upcoming, all=True)


# The audience and the visibility of activities, partners and projects follow
# staff or not. The day is written into the SQL (a statement a day): with it a
# parameter, PostgreSQL planned the statement anew on every run (0.4 ms), its
# plan for any day costing more than the one for the day it was given.
RANKED_COUNTS = CompiledQuery(_ranked_counts)

# ``(facet, value) -> (Russian, English)`` names of partner and project options.
Labels = dict[tuple[str, str], tuple[str | None, str | None]]


def _stored_counts(*, user, staff: bool) -> tuple[dict[str, dict[str, int]], Labels]:
    """The stored counts of the ledger, the busiest partners and projects with
    their names, and how many are still to come, in one query.

    The ledger's stored rows without pairs (``given=""``) lie on a few dozen
    pages; each named facet keeps its busiest with a top-N sort of its own
    options (2.6 ms on the bench), where ranking every option in one window
    sorted them all (3.4 ms). A partner or project ``user`` may not see has no
    names, and is no option.
    """
    today = timezone.localdate()
    rows = RANKED_COUNTS.rows(
        (staff, today),
        user=user,
        audience=facet_counts.STAFF if staff else facet_counts.PUBLIC,
        today=today,
    )
    counts: dict[str, dict[str, int]] = {}
    labels: Labels = {}
    for key, count, names in rows:
        name, _sep, value = key.partition(":")
        if name in NAMED_FACETS:
            if names is None:
                continue  # a draft partner or project: not an option
            label_ru, _sep, label_en = names.partition(FIELD_SEPARATOR)
            labels[name, value] = (label_ru, label_en)
        counts.setdefault(name, {})[value] = count
    return counts, labels


# Between the slugs of ``_option_names``' arguments; no slug holds a comma.
SLUG_SEPARATOR = ","


class _SlugIn(Func):
    """``column = ANY(string_to_array(joined, ','))``: the column is one of the
    slugs of ``joined``, sent as ONE text parameter. psycopg quotes a list of
    two hundred slugs one by one (0.6 ms); one text, in microseconds."""

    arity = 2
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        column, joined = self.get_source_expressions()
        column_sql, column_params = compiler.compile(column)
        joined_sql, joined_params = compiler.compile(joined)
        sql = f"{column_sql} = ANY(string_to_array({joined_sql}, '{SLUG_SEPARATOR}'))"
        return sql, [*column_params, *joined_params]


def _slug_in(joined) -> Q | _SlugIn:
    """``slug`` is one of ``joined``: a ``Param`` (compiled, PostgreSQL), or the
    text itself (the ORM, elsewhere)."""
    if isinstance(joined, Param):
        return _SlugIn(F("slug"), joined)
    return Q(slug__in=[slug for slug in joined.split(SLUG_SEPARATOR) if slug])


def _option_names(*, user, partners, projects) -> QuerySet:
    """(slug, name_ru, name_en, source) of the partners and projects ``user`` may see
    among the slugs ``partners`` and ``projects`` (each joined by
    ``SLUG_SEPARATOR``)."""
    # The same annotation names on both sides keep UNION's columns in step.
    return (
        # rewrite(False): plain rows, every language's column named.
        Partner.objects.visible_to(user)
        .rewrite(False)
        .filter(_slug_in(partners))
        .order_by()
        .annotate(
            s=F("slug"), ru=F("name_ru"), en=F("name_en"), source=Value("partner")
        )
        .values_list("s", "ru", "en", "source")
        .union(
            Project.objects.visible_to(user)
            .rewrite(False)
            .filter(_slug_in(projects))
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


# Visibility depends on staff or not only (PublishableQuerySet.visible_to).
OPTION_NAMES = CompiledQuery(_option_names, params=("partners", "projects"))


def option_labels(counts: dict[str, dict[str, int]], *, user) -> Labels:
    """The names of the partner and project options of ``counts`` that ``user``
    may see, in one query."""
    partner_slugs = {*counts.get("provider", {}), *counts.get("beneficiary", {})}
    names = OPTION_NAMES.rows(
        bool(user.is_authenticated and user.is_staff),
        user=user,
        partners=SLUG_SEPARATOR.join(partner_slugs),
        projects=SLUG_SEPARATOR.join(counts.get("project", {})),
    )
    by_source: dict[str, dict[str, tuple]] = {"partner": {}, "project": {}}
    for slug, label_ru, label_en, source in names:
        by_source[source][slug] = (label_ru, label_en)
    return {
        (name, value): by_source[source][value]
        for name, source in NAMED_FACETS.items()
        for value in counts.get(name, {})
        if value in by_source[source]
    }


def labelled_rows(
    counts: dict[str, dict[str, int]], *, user, labels: Labels | None = None
) -> list[tuple]:
    """``counts`` as the rows of ``facet_rows``; partner and project options
    named by ``labels`` (else read, ``option_labels``), and left out when
    ``user`` may not see them."""
    if labels is None:
        labels = option_labels(counts, user=user)
    facet_rows = []
    for name, options in counts.items():
        named = name in NAMED_FACETS
        for value, count in options.items():
            label_ru = label_en = None
            if named:
                if (name, value) not in labels:
                    continue  # a draft partner or project: not an option
                label_ru, label_en = labels[name, value]
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
    language = translation.get_language() or settings.LANGUAGE_CODE
    for name, value, label_ru, label_en, count in rows:
        if value is None:
            continue
        counts[name][value] = count
        if label_ru is not None or label_en is not None:
            labels[name][value] = _label(label_ru, label_en, value, language)

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
