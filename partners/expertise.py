"""What "find expertise" reads for a chosen theme: the theme, and the partners
offering it, a page at a time, each with its latest exchanges on it.

Compiled once per process (``portal.compiled``): the theme, the region and the
page's partners are the parameters. On PostgreSQL a page of the ranking is
hand-written SQL (``OFFERING_PAGE_SQL``).
"""

from __future__ import annotations

import functools

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils import translation

from portal import facet_counts
from portal.compiled import CompiledCount, CompiledQuery, CompiledSQL, one_of
from portal.publishing import Status
from portal.taxonomy.models import Region, Theme

from .matching import name_order_sql
from .models import Partner
from .profile import (
    CountryName,
    Exchange,
    PartnerRow,
    activity_model,
    prepare_exchanges,
    translated_property,
)

# Exchanges listed per partner.
EXCHANGES_PER_MATCH = 3
# What a result shows of the partner (``Offer``) and of its exchanges.
EXPERT_FIELDS = (
    "slug",
    "kind",
    "name_ru",
    "name_en",
    "acronym_ru",
    "acronym_en",
    "logo",
    "country_id",
    "region_id",
)
PLACE_FIELDS = (
    "country__name_ru",
    "country__name_en",
    "region__name_ru",
    "region__name_en",
)
THEME_EXCHANGE_FIELDS = (
    "slug",
    "kind",
    "format",
    "title_ru",
    "title_en",
    "start_date",
    "end_date",
)


THEME_BY_SLUG = CompiledQuery(
    lambda *, slug: Theme.objects.filter(slug=slug), params=("slug",)
)


def theme_by_slug(slug: str) -> Theme | None:
    found = THEME_BY_SLUG.objects((), slug=slug)
    return found[0] if found else None


def _offering(*, theme, region, regional: bool):
    """``Partner.objects.offering``; ``regional``: whether ``region`` narrows it
    (which shapes the SQL, where ``region`` is a parameter)."""
    return Partner.objects.offering(theme, region if regional else None)


def _offering_page(*, theme, region, regional: bool, start: int, top: int):
    """A page of the ranking, as rows for ``Offer``: its ``EXPERT_FIELDS``,
    ``PLACE_FIELDS``, ``exchange_count`` and ``total``, how many the whole
    ranking holds (counted over all of them before the page is cut)."""
    ranking = _offering(theme=theme, region=region, regional=regional)
    return ranking.annotate(total=Window(Count("pk"))).values_list(
        "pk", *EXPERT_FIELDS, *PLACE_FIELDS, "exchange_count", "total"
    )[start:top]


OFFERING_COUNT = CompiledCount(_offering, params=("theme", "region"))
# A page's bounds shape the SQL (LIMIT and OFFSET are not parameters).
OFFERING_PAGE = CompiledQuery(_offering_page, params=("theme", "region"))

# ``_offering_page`` on PostgreSQL, which the ORM cannot say: the ranking is
# worked out on the partners' ids, names and counts alone (from an index holding
# them, ``partners_offering``), and only the page's partners are then read whole
# with their country and region, instead of every partner offering the theme
# (2.0 -> 1.2 ms of the server's CPU for the bench's busiest theme). The counts
# are ``offering``'s: the stored ones of the exchange ledger (see
# ``_provided_on_theme``). Table names and bounds are constants, never input.
OFFERING_PAGE_SQL = """
WITH ranked AS (
  SELECT partners_partner.id, COUNT(*) OVER () AS total,
    COALESCE((
      SELECT stored.count FROM portal_facetcount AS stored
      WHERE stored.listing = %s AND stored.audience = %s
        AND stored.given = %s || (SELECT slug FROM taxonomy_theme WHERE id = %s)
        AND stored.key = %s || partners_partner.slug
    ), 0) AS exchange_count,
    {name_order} AS name_key
  FROM partners_partner_offers AS offers
  JOIN partners_partner ON partners_partner.id = offers.partner_id
  WHERE offers.theme_id = %s AND partners_partner.status = %s{regional}
  ORDER BY exchange_count DESC, name_key, partners_partner.id
  LIMIT {limit} OFFSET {start}
)
SELECT ranked.id, {expert_fields},
  taxonomy_country.name_ru, taxonomy_country.name_en,
  taxonomy_region.name_ru, taxonomy_region.name_en,
  ranked.exchange_count, ranked.total
FROM ranked
JOIN partners_partner ON partners_partner.id = ranked.id
LEFT JOIN taxonomy_country ON taxonomy_country.id = partners_partner.country_id
LEFT JOIN taxonomy_region ON taxonomy_region.id = partners_partner.region_id
ORDER BY ranked.exchange_count DESC, ranked.name_key, ranked.id
"""
# Only partners of that region (by its slug, unique like a join to it).
REGIONAL_SQL = """
    AND partners_partner.region_id = (SELECT id FROM taxonomy_region WHERE slug = %s)"""


@functools.lru_cache(maxsize=256)
def _offering_page_sql(
    language: str, theme: int, region: str | None, start: int, top: int
) -> CompiledSQL:
    """``OFFERING_PAGE_SQL`` for a page of a theme's (and a region's) ranking,
    per language (the names' order). The theme and the region are written in, a
    statement for each: as parameters, PostgreSQL planned the statement anew on
    every run (its plan for any theme costing more than each theme's own)."""
    name_order, name_params = name_order_sql(language)
    sql = OFFERING_PAGE_SQL.format(
        name_order=name_order,
        regional=REGIONAL_SQL if region else "",
        limit=top - start,
        start=start,
        expert_fields=", ".join(f"partners_partner.{name}" for name in EXPERT_FIELDS),
    )
    params = (
        "activities",
        facet_counts.PUBLIC,
        "theme:",
        theme,
        "provider:",
        *name_params,
        theme,
        Status.PUBLISHED,
    )
    if region:
        params += (region,)
    return CompiledSQL(sql, params)


def offering_page(*, theme: int, region: str | None, start: int, top: int) -> list:
    """The rows of ``_offering_page`` for the partners ``start`` to ``top``."""
    regional = bool(region)
    if facet_counts.is_supported():
        language = translation.get_language()
        return _offering_page_sql(language, theme, region or None, start, top).rows()
    key = (regional, start, top)
    return OFFERING_PAGE.rows(
        key, start=start, top=top, theme=theme, region=region, regional=regional
    )


class RegionName:
    """A region as lists show it: its name, read as the model reads it."""

    __slots__ = ("name_ru", "name_en")
    name = translated_property(lambda: Region, "name")

    def __init__(self, name_ru: str | None, name_en: str | None):
        self.name_ru, self.name_en = name_ru, name_en


class Offer(PartnerRow):
    """A partner as a "find expertise" result shows it (``expertise_results``):
    the ranking's columns, with its country and region; ``theme_exchanges``:
    see ``attach_theme_exchanges``."""

    def __init__(self, row: tuple):
        pk, *values = row
        fields = len(EXPERT_FIELDS)
        # The model's descriptors read and cache their values in __dict__.
        self.__dict__.update(zip(EXPERT_FIELDS, values[:fields], strict=True))
        self.pk = pk
        country_ru, country_en, region_ru, region_en = values[fields:-2]
        self.country = self.region = None
        if self.country_id is not None:
            self.country = CountryName(country_ru, country_en)
        if self.region_id is not None:
            self.region = RegionName(region_ru, region_en)
        self.exchange_count, self.total = values[-2:]


class Offering:
    """The partners offering a theme, most experienced first, as a paginator
    reads them: ``count()`` and a slice (a page).

    ``first``: the first page is asked for. Its partners are then read with the
    ranking's total, and ``count()`` needs no query of its own (one statement
    fewer to parse, plan and run); with no partner, there is no row to carry
    the total, and it is counted apart.
    """

    def __init__(
        self,
        theme: Theme,
        region_slug: str | None,
        per_page: int,
        first: bool = False,
    ):
        self.per_page = per_page
        self.first = first
        self.arguments = {
            "theme": theme.pk,
            "region": region_slug,
            "regional": bool(region_slug),
        }
        self._pages: dict[int, list[Offer]] = {}

    def _page(self, start: int) -> list[Offer]:
        # Compiled per page with a page's length: the last one is shorter only
        # because the rows run out.
        if start not in self._pages:
            rows = offering_page(
                theme=self.arguments["theme"],
                region=self.arguments["region"],
                start=start,
                top=start + self.per_page,
            )
            self._pages[start] = [Offer(row) for row in rows]
        return self._pages[start]

    def count(self) -> int:
        if self.first:
            partners = self._page(0)
            if partners:
                return partners[0].total
        return OFFERING_COUNT.count(self.arguments["regional"], **self.arguments)

    def __getitem__(self, page: slice) -> list[Offer]:
        start = page.start or 0
        partners = self._page(start)[: page.stop - start]
        attach_theme_exchanges(partners, self.arguments["theme"])
        return partners


def _theme_exchanges(*, partners, theme):
    """The latest published exchanges on the theme that each of the
    ``partners`` provided: (activity id, provider, *``THEME_EXCHANGE_FIELDS``),
    numbered per partner newest first. Rows, for ``Exchange``."""
    activity = activity_model()
    return (
        activity.objects.filter(
            one_of("providers", partners), status=Status.PUBLISHED, themes=theme
        )
        # The providers join of the filter above, reused: the partner it matched.
        .annotate(
            provider=F("providers"),
            rank=Window(
                RowNumber(),
                partition_by=F("providers"),
                order_by=[F("start_date").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=EXCHANGES_PER_MATCH)
        .order_by("-start_date", "-pk")
        .values_list("pk", "provider", *THEME_EXCHANGE_FIELDS)
    )


THEME_EXCHANGES = CompiledQuery(_theme_exchanges, params=("partners", "theme"))


def attach_theme_exchanges(partners: list[Offer], theme_id: int) -> None:
    """Set ``theme_exchanges`` on each partner, ready for the list (see
    ``prepare_exchanges``): its latest exchanges on the theme, in one query."""
    exchanges = {partner.pk: [] for partner in partners}
    if partners:
        rows = THEME_EXCHANGES.rows((), partners=list(exchanges), theme=theme_id)
        activities = [
            Exchange(pk=pk, **dict(zip(THEME_EXCHANGE_FIELDS, values, strict=True)))
            for pk, _provider, *values in rows
        ]
        prepare_exchanges(activities)
        for (_pk, provider, *_values), activity in zip(rows, activities, strict=True):
            exchanges[provider].append(activity)
    for partner in partners:
        partner.theme_exchanges = exchanges[partner.pk]
