"""What the directory's cards read besides the partners' own columns, and its
unfiltered pages, with statements compiled once per process
(``partners.compiled``)."""

from __future__ import annotations

from django.db.models import QuerySet

from .compiled import PARTNER_IDS, audience, compiled
from .models import Partner


def _offers_query(count: int):
    links = Partner.offers.through.objects
    return [
        links.filter(partner_id__in=PARTNER_IDS[:count])
        .select_related("theme")
        .only("partner_id", "theme__name_ru", "theme__name_en")
        # The themes' own order (Theme.Meta.ordering), as a prefetch gives it.
        .order_by("theme__order", "theme__slug")
    ]


def attach_listed_offers(partners: list[Partner]) -> None:
    """Set ``listed_offers`` on each partner: the themes it offers, in one query.

    A plain list, not ``partner.offers.all``: prefetching into the manager builds
    a queryset per partner, which cost more than the query itself.
    """
    offers = {partner.pk: [] for partner in partners}
    if partners:
        values = dict(zip(PARTNER_IDS, offers, strict=False))
        query = compiled(
            ("directory offers", len(offers)), lambda: _offers_query(len(offers))
        )
        for link in query.fetch(values):
            offers[link.partner_id].append(link.theme)
    for partner in partners:
        partner.listed_offers = offers[partner.pk]


class AtoZ:
    """The unfiltered directory as its paginator reads it: a page (a slice) from
    a statement compiled once per page and audience; anything else, such as the
    deep pages' key reads (``portal.generic.CountedPaginator``), from the
    queryset it stands for."""

    def __init__(self, queryset: QuerySet, user, per_page: int):
        self.queryset = queryset
        self.user = user
        self.per_page = per_page

    def __getitem__(self, page: slice) -> list[Partner]:
        # Compiled per page with a page's length: the last one is shorter only
        # because the rows run out.
        start = page.start or 0
        top = start + self.per_page
        key = ("directory page", audience(self.user), start, top)
        rows = compiled(key, lambda: [self.queryset[start:top]]).fetch({})
        return rows[: page.stop - start]

    def __getattr__(self, name: str):
        return getattr(self.queryset, name)
