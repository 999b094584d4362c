"""What the directory's cards read besides the partners' own columns, and its
unfiltered pages, with statements compiled once per process
(``portal.compiled``)."""

from __future__ import annotations

from django.db.models import F, QuerySet

from portal.compiled import CompiledQuery, one_of
from portal.taxonomy.models import Theme

from .models import Partner
from .profile import audience


def directory_queryset(user) -> QuerySet:
    """The directory: the partners ``user`` may see, A to Z."""
    return Partner.objects.visible_to(user).for_directory().alphabetical()


def _offers(*, partners):
    # Themes, each with the partner offering it: one instance per row, not a
    # link and its theme (the instances cost more than the query).
    return (
        Theme.objects.only("name_ru", "name_en")
        .annotate(offered_to=F("offered_by__id"))
        .filter(one_of("offered_to", partners))
        # The themes' own order (Theme.Meta.ordering), as a prefetch gives it.
        .order_by("order", "slug")
    )


LISTED_OFFERS = CompiledQuery(_offers, params=("partners",))


def attach_listed_offers(partners: list[Partner]) -> None:
    """Set ``listed_offers`` on each partner: the themes it offers, in one query.

    A plain list, not ``partner.offers.all``: prefetching into the manager builds
    a queryset per partner, which cost more than the query itself.
    """
    offers = {partner.pk: [] for partner in partners}
    if partners:
        for theme in LISTED_OFFERS.objects((), partners=list(offers)):
            offers[theme.offered_to].append(theme)
    for partner in partners:
        partner.listed_offers = offers[partner.pk]


# A page's bounds and the audience shape the SQL (LIMIT and OFFSET are not
# parameters).
DIRECTORY_PAGE = CompiledQuery(
    lambda *, user, start, top: directory_queryset(user)[start:top]
)


class AtoZ:
    """The unfiltered directory as its paginator reads it: a page (a slice) of
    ``directory_queryset(user)`` from a statement compiled once per page and
    audience; anything else, such as the deep pages' key reads
    (``portal.generic.CountedPaginator``), from ``queryset``, the same rows as
    the view's filter set gives them."""

    def __init__(self, queryset: QuerySet, user, per_page: int):
        self.queryset = queryset
        self.user = user
        self.per_page = per_page

    def __getitem__(self, page: slice) -> list[Partner]:
        # Compiled per page with a page's length: the last one is shorter only
        # because the rows run out.
        start = page.start or 0
        top = start + self.per_page
        rows = DIRECTORY_PAGE.objects(
            (audience(self.user), start, top), user=self.user, start=start, top=top
        )
        return rows[: page.stop - start]

    def __getattr__(self, name: str):
        return getattr(self.queryset, name)
