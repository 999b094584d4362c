"""What the directory's cards read besides the partners' own columns, and its
unfiltered pages, with statements compiled once per process
(``portal.compiled``)."""

from __future__ import annotations

from django.db.models import F, QuerySet

from portal.compiled import CompiledQuery, kept, one_of
from portal.taxonomy.models import Theme

from .models import CARD_FIELDS, Partner
from .profile import CountryName, PartnerRow, ThemeName, audience


def directory_queryset(user) -> QuerySet:
    """The directory: the partners ``user`` may see, A to Z.

    Kept per audience (``portal.compiled.kept``): each page asks for it (its
    filters apply to it), and building it anew (the translated columns and sort
    key) cost 0.4 ms, though the unfiltered pages read theirs from
    ``DIRECTORY_PAGE``.
    """
    return kept(
        ("partners", audience(user)),
        lambda: Partner.objects.visible_to(user).for_directory().alphabetical(),
    )


def _offers(*, partners):
    # Themes, each with the partner offering it: rows, not Theme instances (a
    # page's five dozen cost more than the query).
    return (
        Theme.objects.annotate(offered_to=F("offered_by__id"))
        .filter(one_of("offered_to", partners))
        # The themes' own order (Theme.Meta.ordering), as a prefetch gives it.
        .order_by("order", "slug")
        .values_list("offered_to", "slug", "name_ru", "name_en")
    )


LISTED_OFFERS = CompiledQuery(_offers, params=("partners",))


def attach_listed_offers(partners: list[Partner]) -> None:
    """Set ``listed_offers`` on each partner: the themes it offers (``ThemeName``),
    in one query.

    A plain list, not ``partner.offers.all``: prefetching into the manager builds
    a queryset per partner, which cost more than the query itself.
    """
    offers = {partner.pk: [] for partner in partners}
    if partners:
        for partner, slug, name_ru, name_en in LISTED_OFFERS.rows(
            (), partners=list(offers)
        ):
            offers[partner].append(ThemeName(slug, name_ru, name_en))
    for partner in partners:
        partner.listed_offers = offers[partner.pk]


# The columns of a card (``Listed``): the partner's, then its country's.
LISTED_FIELDS = (
    "pk",
    "country_id",
    *(name for name in CARD_FIELDS if not name.startswith("country__")),
)
LISTED_COUNTRY_FIELDS = ("country__name_ru", "country__name_en")


class Listed(PartnerRow):
    """A partner as a directory card shows it (``partner_card``): its card's
    columns (0.6 ms less for a page of two dozen); ``listed_offers``: see
    ``attach_listed_offers``."""

    def __init__(self, row: tuple):
        fields = len(LISTED_FIELDS)
        # The model's descriptors read and cache their values in __dict__.
        self.__dict__.update(zip(LISTED_FIELDS, row[:fields], strict=True))
        self.country = None
        if self.country_id is not None:
            self.country = CountryName(*row[fields:])

    def get_status_display(self) -> str:
        # As Partner.get_status_display(): only drafts ask (staff's lists).
        choices = Partner._meta.get_field("status").flatchoices
        return str(dict(choices).get(self.status, self.status))


# A page's bounds and the audience shape the SQL (LIMIT and OFFSET are not
# parameters). Rows, for ``Listed``.
DIRECTORY_PAGE = CompiledQuery(
    lambda *, user, start, top: directory_queryset(user).values_list(
        *LISTED_FIELDS, *LISTED_COUNTRY_FIELDS
    )[start:top]
)


class AtoZ:
    """The unfiltered directory as its paginator reads it: a page (a slice) of
    ``directory_queryset(user)``, as ``Listed`` cards, from a statement compiled
    once per page and audience; anything else, such as the deep pages' key reads
    (``portal.generic.CountedPaginator``), from ``queryset``, the same rows as
    the view's filter set gives them (as partners)."""

    def __init__(self, queryset: QuerySet, user, per_page: int):
        self.queryset = queryset
        self.user = user
        self.per_page = per_page

    def __getitem__(self, page: slice) -> list[Listed]:
        # Compiled per page with a page's length: the last one is shorter only
        # because the rows run out.
        start = page.start or 0
        top = start + self.per_page
        rows = DIRECTORY_PAGE.rows(
            (audience(self.user), start, top), user=self.user, start=start, top=top
        )
        return [Listed(row) for row in rows[: page.stop - start]]

    def __getattr__(self, name: str):
        return getattr(self.queryset, name)
