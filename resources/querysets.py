"""What the library asks of its resources: visibility, the columns a card reads,
the filters of each facet, orderings and the facet counts in one query.

``Resource.objects`` is a ``ResourceQuerySet`` (see ``resources.models``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, models
from django.db.models import Count, Expression, F, Field, Q, Value
from django.db.models.functions import (
    Cast,
    Concat,
    ExtractYear,
)
from django.utils import translation

from portal.compiled import CompiledSQL, Param, one_of
from portal.facet_counts import TOTAL
from portal.publishing import PublishableQuerySet, translated_sort_key
from portal.taxonomy.models import Country, Region, Theme

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
# The "language available" filter: a language, or every one of them.
BOTH_LANGUAGES = "both"
FACET_NAMES = ("kind", "theme", "region", "country", "language", "year", "access")
# The columns a card reads (resource_tags.resource_card): title and summary with
# their fallback, kind, date, access, status, and the documents and links that
# make its language badge. A list reads no more (its query count is pinned).
CARD_FIELDS = (
    "slug",
    "status",
    "kind",
    "access",
    "published_on",
    "published_at",
    *(
        f"{field}_{code}"
        for field in ("title", "summary", "document", "url")
        for code in LANGUAGE_CODES
    ),
)


def _filled(field: str) -> Q:
    """A translated column that holds a value: neither NULL (trap 4) nor empty."""
    return Q(**{f"{field}__gt": ""})


def available_in(code: str) -> Q:
    """Rows the reader can get in language ``code``: a document, or a link."""
    return _filled(f"document_{code}") | _filled(f"url_{code}")


class ResourceQuerySet(PublishableQuerySet):
    def visible_to(self, user) -> ResourceQuerySet:
        """Staff see everything; others see published public and mission items.

        A ``missions`` item is listed to everyone (with its summary and a lock); its
        body and documents are for mission members and staff only (see
        ``Resource.is_open_to``). A ``staff`` item does not exist for anyone else.
        """
        # Here, not at the top: models.py imports this module for its manager.
        from .models import Access

        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published().exclude(access=Access.STAFF)

    def for_cards(self) -> ResourceQuerySet:
        """Only the columns a card shows (no themes: see ``with_listing_data``)."""
        return self.only(*CARD_FIELDS)

    def with_listed_themes(self) -> ResourceQuerySet:
        """Each row's themes read with it, for ``attach_listed_themes``."""
        return self.annotate(listed_theme_rows=_ListedThemes())

    def with_listing_data(self) -> ResourceQuerySet:
        """What a card shows: its columns; a page that shows the themes reads
        them ``with_listed_themes``."""
        return self.for_cards()

    # Filters of the library, one per facet. Relations are matched with a subquery,
    # not a join, so results need no DISTINCT and the facet counts stay exact.
    # Each takes its values, or a ``Param`` standing for them in a compiled
    # statement (``resources.listing``).

    def of_kinds(self, kinds) -> ResourceQuerySet:
        return self.filter(one_of("kind", kinds))

    def _linked_to(self, relation: str, lookup: str, values) -> ResourceQuerySet:
        through = getattr(self.model, relation).through
        return self.filter(
            pk__in=through.objects.filter(one_of(lookup, values)).values("resource_id")
        )

    def with_themes(self, slugs) -> ResourceQuerySet:
        return self._linked_to("themes", "theme__slug", slugs)

    def in_regions(self, slugs) -> ResourceQuerySet:
        return self._linked_to("regions", "region__slug", slugs)

    def in_countries(self, iso3_codes) -> ResourceQuerySet:
        return self._linked_to("countries", "country__iso3", iso3_codes)

    def available_in(self, language: str) -> ResourceQuerySet:
        """With a document or link in ``language`` (``both``: in every language)."""
        if language == BOTH_LANGUAGES:
            condition = Q()
            for code in LANGUAGE_CODES:
                condition &= available_in(code)
            return self.filter(condition)
        if language not in LANGUAGE_CODES:
            raise ValueError(f"Unknown language: {language!r}")
        return self.filter(available_in(language))

    def from_years(self, years) -> ResourceQuerySet:
        """Dated in any of ``years``: a date range each, so an index can serve it;
        a ``Param`` (a list of integers when run) compares the date's year."""
        if isinstance(years, Param):
            return self.filter(one_of("published_on__year", years))
        condition = Q()
        for year in years:
            condition |= Q(published_on__year=int(year))
        return self.filter(condition)

    def with_access(self, levels) -> ResourceQuerySet:
        return self.filter(one_of("access", levels))

    def selected(
        self, selection: ResourceSelection, *, skip: str = ""
    ) -> ResourceQuerySet:
        """Apply every facet of ``selection`` (options of one facet: any of them;
        facets together: all of them), except the facet named ``skip``."""
        queryset = self
        for name, method in SELECTION_METHODS.items():
            value = getattr(selection, name)
            if value and name != skip:
                queryset = getattr(queryset, method)(value)
        return queryset

    def search(self, text: str | Param) -> ResourceQuerySet:
        """A plain substring match on titles and summaries in both languages.

        The site-wide search ranks with PostgreSQL full text; the library's box
        only narrows the list. A ``Param`` stands for a stripped, non-empty text.
        """
        if not isinstance(text, Param):
            text = text.strip()
            if not text:
                return self
        condition = Q()
        for code in LANGUAGE_CODES:
            condition |= Q(**{f"title_{code}__icontains": text})
            condition |= Q(**{f"summary_{code}__icontains": text})
        return self.filter(condition)

    # Orderings; each ends with the slug, so pages never overlap.

    def newest_first(self) -> ResourceQuerySet:
        return self.order_by(
            models.F("published_on").desc(nulls_last=True),
            models.F("published_at").desc(nulls_last=True),
            "slug",
        )

    def oldest_first(self) -> ResourceQuerySet:
        return self.order_by(
            models.F("published_on").asc(nulls_last=True),
            models.F("published_at").asc(nulls_last=True),
            "slug",
        )

    def by_title(self, language: str | None = None) -> ResourceQuerySet:
        """A-Z by the title shown in ``language`` (the active one by default).

        A missing title falls back to the other language, as the page shows it.
        """
        return self.order_by(translated_sort_key("title", language), "slug")

    # Facet counts.

    def facet_counts(self, selection: ResourceSelection) -> dict[str, dict[str, int]]:
        """How many resources each option of each facet would give.

        ``self`` is what the reader can see (and their search); ``selection`` their
        ticks. A facet is counted with every other facet applied but not itself, so
        an option's count is what choosing it (instead of that facet's current
        choice) would list. One query whatever the size of the data: a UNION ALL
        of a GROUP BY per facet. Keys are the query-string values.
        """
        base = self.order_by()

        def scope(name: str) -> ResourceQuerySet:
            return base.selected(selection, skip=name)

        def key(name: str, option) -> Concat:
            # One "facet:option" column: UNION matches columns by position, and
            # Django does not keep two annotations in the same order in every branch.
            return Concat(Value(f"{name}:"), option, output_field=models.CharField())

        def grouped(queryset, name: str, option, counted: str = "pk"):
            return (
                queryset.order_by()
                .annotate(key=key(name, option))
                .values_list("key")
                .annotate(count=Count(counted))
            )

        year = Cast(ExtractYear("published_on"), models.CharField())
        languages = scope("language")
        branches = [
            # The number of results: the paginator need not count them again.
            grouped(base.selected(selection), TOTAL, Value("")),
            grouped(scope("kind"), "kind", models.F("kind")),
            grouped(scope("access"), "access", models.F("access")),
            grouped(scope("year").filter(published_on__isnull=False), "year", year),
            # Constant keys: no GROUP BY, one row with the count. "" is any language.
            grouped(languages, "language", Value("")),
            *(
                grouped(languages.available_in(code), "language", Value(code))
                for code in (*LANGUAGE_CODES, BOTH_LANGUAGES)
            ),
            # Each link row is unique per (resource, term): no DISTINCT needed.
            *(
                grouped(
                    through.objects.filter(resource_id__in=scope(name).values("pk")),
                    name,
                    models.F(lookup),
                    counted="resource_id",
                )
                for name, through, lookup in (
                    ("theme", self.model.themes.through, "theme__slug"),
                    ("region", self.model.regions.through, "region__slug"),
                    ("country", self.model.countries.through, "country__iso3"),
                )
            ),
        ]
        counts: dict[str, dict[str, int]] = {name: {} for name in (TOTAL, *FACET_NAMES)}
        for facet_option, count in branches[0].union(*branches[1:], all=True):
            name, _sep, option = facet_option.partition(":")
            if count or name == TOTAL:
                counts[name][option] = count
        return counts


@dataclass(frozen=True)
class ResourceSelection:
    """What a reader ticked in the library's facets, as query-string values."""

    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    language: str = ""
    year: tuple[str, ...] = ()
    access: tuple[str, ...] = ()


class ListedTerm:
    """A theme, region or country as a page shows it: its key and names, and
    ``name`` in the page's language, else the other (as modeltranslation's
    fallback gives ``Theme.name``)."""

    __slots__ = ("key", "name", *(f"name_{code}" for code in LANGUAGE_CODES))

    def __init__(self, language: str, key: str, names: tuple[str | None, ...]):
        self.key = key
        by_code = dict(zip(LANGUAGE_CODES, names, strict=True))
        for code, name in by_code.items():
            setattr(self, f"name_{code}", name)
        order = [language, *(code for code in LANGUAGE_CODES if code != language)]
        self.name = next((by_code[code] for code in order if by_code.get(code)), "")


def _name_columns(alias: str) -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(f'name_{code}')}" for code in LANGUAGE_CODES)


def _themes_of(connection, resource_id: str) -> tuple[list[str], str, str]:
    """SQL of the themes (``t``) of the resource ``resource_id``: their columns
    (slug, then names), where they come from, their order. Only our own models'
    table and column names."""
    quote = connection.ops.quote_name
    columns = ["slug", *(quote(f"name_{code}") for code in LANGUAGE_CODES)]
    source = (
        f"{quote(Theme.resources.through._meta.db_table)} AS x"
        f" JOIN {quote(Theme._meta.db_table)} AS t ON t.id = x.theme_id"
        f" WHERE x.resource_id = {resource_id}"
    )
    return columns, source, f"t.{quote('order')}, t.slug"


class _ListedThemes(Expression):
    """A row's themes, in their order: ``[[slug, name_ru, name_en], ...]``.

    Read with a page of the library's rows, not in a query of their own: one
    round trip and one plan fewer a page.
    """

    output_field = Field()  # read by ``_theme_rows``

    def __init__(self):
        super().__init__()
        self.pk = F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def get_db_converters(self, connection):
        return [_theme_rows]

    def as_sql(self, compiler, connection):
        # SQLite (the demo): JSON, its aggregate keeps the order of its input.
        pk_sql, params = compiler.compile(self.pk)
        columns, source, order = _themes_of(connection, pk_sql)
        inner = ", ".join(f"t.{column}" for column in columns)
        outer = ", ".join(f"s.{column}" for column in columns)
        sql = (
            f"(SELECT json_group_array(json_array({outer}))"  # noqa: S608
            f" FROM (SELECT {inner} FROM {source} ORDER BY {order}) AS s)"
        )
        return sql, params

    def as_postgresql(self, compiler, connection):
        # A text array of arrays, which psycopg reads as lists: building JSON
        # instead took PostgreSQL 0.15 ms more for twenty rows.
        pk_sql, params = compiler.compile(self.pk)
        columns, source, order = _themes_of(connection, pk_sql)
        row = ", ".join(f"t.{column}" for column in columns)
        sql = f"ARRAY(SELECT ARRAY[{row}] FROM {source} ORDER BY {order})"  # noqa: S608
        return sql, params


def _theme_rows(value, expression, connection) -> list:
    """``_ListedThemes``' value: lists from PostgreSQL, JSON text from SQLite."""
    return json.loads(value) if isinstance(value, str) else value or []


def attach_listed_themes(resources: list) -> None:
    """Give each resource read ``with_listed_themes`` its themes in
    ``listed_themes``, in the themes' order, without model instances: built
    through the ORM, twenty cards' themes cost more than a millisecond."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    for resource in resources:
        resource.listed_themes = [
            ListedTerm(language, slug, tuple(names))
            for slug, *names in resource.listed_theme_rows
        ]


def _detail_terms_statement(language: str) -> CompiledSQL:
    """``detail_terms``' statement on a page in ``language`` (it orders the
    countries): built once per process and language, and prepared, as planning
    it took PostgreSQL twice as long as running it."""
    statement = _DETAIL_TERMS.get(language)
    if statement is not None:
        return statement
    quote = connection.ops.quote_name
    by_name = quote(f"name_{language}")
    parts = []
    for side, model, key, rank_a, rank_b in (
        ("themes", Theme, "slug", f"t.{quote('order')}", "t.slug"),
        ("regions", Region, "slug", f"t.{quote('order')}", "t.slug"),
        ("countries", Country, "iso3", "0", f"t.{by_name}"),
    ):
        # Only our own models' table and column names; the id is a parameter.
        parts.append(
            f"SELECT '{side}', t.{key}, {_name_columns('t')}, {rank_a}, {rank_b}"  # noqa: S608
            f" FROM {quote(model.resources.through._meta.db_table)} AS x"
            f" JOIN {quote(model._meta.db_table)} AS t"
            f" ON t.id = x.{model._meta.model_name}_id WHERE x.resource_id = %s"
        )
    # By side, then each side's order: the two rank columns after the names.
    ranks = 3 + len(LANGUAGE_CODES)
    sql = " UNION ALL ".join(parts) + f" ORDER BY 1, {ranks}, {ranks + 1}"
    statement = CompiledSQL(sql, [Param("resource")] * len(parts))
    _DETAIL_TERMS[language] = statement
    return statement


_DETAIL_TERMS: dict[str, CompiledSQL] = {}


def detail_terms(resource) -> dict[str, list[ListedTerm]]:
    """The ``themes``, ``regions`` (in their order) and ``countries`` (by name in
    the page's language, as ``Country`` orders) of ``resource``, in one query:
    three prefetches of model instances cost more than the rest of the page's
    queries together. The key is the slug, or a country's ISO code."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    terms: dict[str, list[ListedTerm]] = {"themes": [], "regions": [], "countries": []}
    rows = _detail_terms_statement(language).rows(resource=resource.pk)
    for side, key, *names_and_ranks in rows:
        names = tuple(names_and_ranks[: len(LANGUAGE_CODES)])
        terms[side].append(ListedTerm(language, key, names))
    return terms


# Facet -> the ResourceQuerySet method that applies it.
SELECTION_METHODS = {
    "kind": "of_kinds",
    "theme": "with_themes",
    "region": "in_regions",
    "country": "in_countries",
    "language": "available_in",
    "year": "from_years",
    "access": "with_access",
}
