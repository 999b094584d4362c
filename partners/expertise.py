"""What "find expertise" reads for a chosen theme: the theme, and the partners
offering it, a page at a time, each with its latest exchanges on it.

Compiled once per process (``portal.compiled``): the theme, the region and the
page's partners are the parameters.
"""

from __future__ import annotations

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from portal.compiled import CompiledCount, CompiledQuery, one_of
from portal.publishing import Status
from portal.taxonomy.models import Theme

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
    ranking = _offering(theme=theme, region=region, regional=regional)
    return ranking.select_related("country", "region").only(*EXPERT_FIELDS)[start:top]


OFFERING_COUNT = CompiledCount(_offering, params=("theme", "region"))
# A page's bounds shape the SQL (LIMIT and OFFSET are not parameters).
OFFERING_PAGE = CompiledQuery(_offering_page, params=("theme", "region"))


class Offering:
    """The partners offering a theme, most experienced first, as a paginator
    reads them: ``count()`` and a slice (a page)."""

    def __init__(self, theme: Theme, region_slug: str | None, per_page: int):
        self.per_page = per_page
        self.arguments = {
            "theme": theme.pk,
            "region": region_slug,
            "regional": bool(region_slug),
        }

    def count(self) -> int:
        return OFFERING_COUNT.count(self.arguments["regional"], **self.arguments)

    def __getitem__(self, page: slice) -> list[Partner]:
        # Compiled per page with a page's length: the last one is shorter only
        # because the rows run out.
        start = page.start or 0
        top = start + self.per_page
        key = (self.arguments["regional"], start, top)
        partners = OFFERING_PAGE.objects(key, start=start, top=top, **self.arguments)
        partners = partners[: page.stop - start]
        attach_theme_exchanges(partners, self.arguments["theme"])
        return partners


def _theme_exchanges(*, partners, theme):
    """The latest exchanges on the theme of each of the ``partners``: their
    provider links, with the activity, numbered per partner newest first."""
    links = activity_model().providers.through.objects
    return (
        links.filter(
            one_of("partner_id", partners),
            activity__status=Status.PUBLISHED,
            activity__themes=theme,
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
    )


THEME_EXCHANGES = CompiledQuery(_theme_exchanges, params=("partners", "theme"))


def attach_theme_exchanges(partners: list[Partner], theme_id: int) -> None:
    """Set ``theme_exchanges`` on each partner, ready for the list (see
    ``prepare_exchanges``): its latest exchanges on the theme, in one query."""
    exchanges = {partner.pk: [] for partner in partners}
    if partners:
        links = THEME_EXCHANGES.objects((), partners=list(exchanges), theme=theme_id)
        # Once for the page: the labels are worked out per call.
        prepare_exchanges([link.activity for link in links])
        for link in links:
            exchanges[link.partner_id].append(link.activity)
    for partner in partners:
        partner.theme_exchanges = exchanges[partner.pk]
