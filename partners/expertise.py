"""What "find expertise" reads for a chosen theme: the theme, and the partners
offering it, a page at a time, each with its latest exchanges on it.

Compiled once per process (``partners.compiled``): the querysets are written
with stand-ins for the theme, the region and the page's partners.
"""

from __future__ import annotations

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from portal.publishing import Status
from portal.taxonomy.models import Theme

from .compiled import (
    PARTNER_IDS,
    REGION_SLUG,
    THEME_ID,
    THEME_SLUG,
    compiled,
    compiled_count,
)
from .models import Partner
from .profile import activity_model, prepare_exchanges

# Exchanges listed per partner.
EXCHANGES_PER_MATCH = 3
# What a result shows of the partner and of its exchanges.
EXPERT_FIELDS = (
    "slug",
    "kind",
    "name_ru",
    "name_en",
    "acronym_ru",
    "acronym_en",
    "logo",
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


def theme_by_slug(slug: str) -> Theme | None:
    found = compiled(
        ("expertise theme",), lambda: [Theme.objects.filter(slug=THEME_SLUG)]
    ).fetch({THEME_SLUG: slug})
    return found[0] if found else None


def _offering(region: bool):
    return Partner.objects.offering(Theme(pk=THEME_ID), REGION_SLUG if region else None)


class Offering:
    """The partners offering a theme, most experienced first, as a paginator
    reads them: ``count()`` and a slice (a page)."""

    def __init__(self, theme: Theme, region_slug: str | None, per_page: int):
        self.region = bool(region_slug)
        self.per_page = per_page
        self.values = {THEME_ID: theme.pk, REGION_SLUG: region_slug}

    def count(self) -> int:
        key = ("expertise count", self.region)
        return compiled_count(key, lambda: _offering(self.region)).fetch(self.values)

    def __getitem__(self, page: slice) -> list[Partner]:
        # Compiled per page with a page's length: the last one is shorter only
        # because the rows run out.
        start = page.start or 0
        top = start + self.per_page

        def build():
            ranking = _offering(self.region).select_related("country", "region")
            return [ranking.only(*EXPERT_FIELDS)[start:top]]

        key = ("expertise page", self.region, start, top)
        partners = compiled(key, build).fetch(self.values)[: page.stop - start]
        attach_theme_exchanges(partners, self.values[THEME_ID])
        return partners


def _theme_exchanges_query(count: int):
    """The latest exchanges on the theme of each of ``count`` partners: their
    provider links, with the activity, numbered per partner newest first."""
    links = activity_model().providers.through.objects
    return [
        links.filter(
            partner_id__in=PARTNER_IDS[:count],
            activity__status=Status.PUBLISHED,
            activity__themes=THEME_ID,
        )
        .select_related("activity")
        .only("partner_id", *(f"activity__{name}" for name in THEME_EXCHANGE_FIELDS))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("partner_id"),
                order_by=[F("activity__start_date").desc(), F("activity_id").desc()],
            )
        )
        .filter(rank__lte=EXCHANGES_PER_MATCH)
        .order_by("-activity__start_date", "-activity_id")
    ]


def attach_theme_exchanges(partners: list[Partner], theme_id: int) -> None:
    """Set ``theme_exchanges`` on each partner, ready for the list (see
    ``prepare_exchanges``): its latest exchanges on the theme, in one query."""
    exchanges = {partner.pk: [] for partner in partners}
    if partners:
        values = dict(zip(PARTNER_IDS, exchanges, strict=False))
        values[THEME_ID] = theme_id
        key = ("expertise exchanges", len(partners))
        query = compiled(key, lambda: _theme_exchanges_query(len(partners)))
        links = query.fetch(values)
        # Once for the page: the labels are worked out per call.
        prepare_exchanges([link.activity for link in links])
        for link in links:
            exchanges[link.partner_id].append(link.activity)
    for partner in partners:
        partner.theme_exchanges = exchanges[partner.pk]
