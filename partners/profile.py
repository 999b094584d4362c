"""What a partner's page gathers: its themes, exchanges and resources (its
matches: ``matching.py``).

Each helper is one query whatever the partner's size (the page's count is pinned),
compiled once per process (``portal.compiled``): only the partner's id changes
from one request to the next.
"""

from __future__ import annotations

import functools

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value
from django.utils import translation

from portal.accounts.models import can_see_restricted
from portal.compiled import CompiledQuery
from portal.links import SLUG_MARK, slug_url
from portal.publishing import Status
from portal.taxonomy.models import Country, Theme
from portal.translated import shown_text

from .models import Partner

# Exchanges and resources of a partner page.
RELATED_LIMIT = 10
# What the exchange tables show of an activity (``Exchange``), and of its host
# country (``CountryName``): the columns read.
EXCHANGE_FIELDS = (
    "slug",
    "status",
    "kind",
    "title_ru",
    "title_en",
    "start_date",
    "end_date",
    "format",
    "city_ru",
    "city_en",
)
HOST_COUNTRY_FIELDS = (
    "host_country_id",
    "host_country__name_ru",
    "host_country__name_en",
)
# From this many exchanges, a partner's resources are among the newest of the
# library often enough that walking the library newest first finds ten sooner
# than gathering all of them (measured on the bench's 100,000 resources).
WALK_NEWEST_FROM = 150
# From this many, the walk reaches ten within a few dozen resources: probing
# each one's exchanges for the partner (two index look-ups) costs less than
# hashing its thousands of exchanges first (1.3 against 1.8 ms with 2,300 on
# the bench; even at 1,000).
RESOURCES_PROBE_FROM = 1200
# From this many exchanges provided (or received), that list of a partner's
# page is found among the newest activities whatever the SQL says; saying it
# with look-ups spares planning (see ``_exchanges``). Below, gathering the
# partner's few costs less than walking until ten are found.
LOOK_UP_EXCHANGES_FROM = 200


def audience(user) -> tuple[bool, bool]:
    """What the querysets' ``visible_to`` may tell apart, for the compiled
    queries' keys: staff, and the readers of mission content (no queryset of
    these pages does yet)."""
    return (bool(user.is_authenticated and user.is_staff), can_see_restricted(user))


def activity_model():
    # programme imports partners, never the other way round (see DESIGN.md).
    return apps.get_model("programme", "Activity")


def resource_model():
    # resources imports programme and partners, never the other way round.
    return apps.get_model("resources", "Resource")


def translated_property(model, field: str) -> property:
    """``field`` read as ``model()``'s instances read it, through its translated
    field's own descriptor (modeltranslation's): in the active language, else in
    the one it falls back to. On an object with the ``<field>_<code>`` values."""

    # Looked up once: ``model`` is a callable (see ``activity_model``).
    model = functools.cache(model)

    def read(self) -> str:
        return shown_text(model(), self, field, translation.get_language())

    return property(read)


class CountryName:
    """A country as lists show it (an exchange's host, a partner's country):
    its name, read through the model's translated field (the same fallback)."""

    __slots__ = ("name_ru", "name_en")
    name = translated_property(lambda: Country, "name")

    def __init__(self, name_ru: str | None, name_en: str | None):
        self.name_ru, self.name_en = name_ru, name_en


class PartnerRow:
    """A partner read as the columns a list shows, not a Partner and its
    Country: a model instance costs 15-25 µs, and lists show dozens.

    Its texts, logo, kind label, address and languages are the model's own
    (descriptors and methods: the same fallback, the same storage); each list's
    subclass sets the columns its statement reads.
    """

    name = Partner.name
    acronym = Partner.acronym
    summary = Partner.summary
    logo = Partner.logo
    is_published = Partner.is_published
    required_translated_fields = Partner.required_translated_fields
    complete_languages = Partner.complete_languages
    get_kind_display = Partner.get_kind_display
    get_absolute_url = Partner.get_absolute_url


class Exchange:
    """An activity as the exchange lists show it (``exchange_table``,
    ``expertise_results``): the columns they read, not a model instance.

    Building an Activity costs 10 µs and its host country 4 more, and the two
    pages list up to sixty. ``title`` and ``city`` are read through the
    activity's translated fields, so they fall back to the other language as an
    activity's do; ``lang_attr`` and ``draft_badge`` read the same attributes as
    on an activity. ``prepare_exchanges`` adds ``url`` and the labels.
    """

    __slots__ = (
        "pk",
        *EXCHANGE_FIELDS,
        "host_country",
        "provided",
        "url",
        "kind_label",
        "format_label",
    )
    title = translated_property(activity_model, "title")
    city = translated_property(activity_model, "city")

    def __init__(self, **values):
        for name, value in values.items():
            setattr(self, name, value)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def get_status_display(self) -> str:
        # As Activity.get_status_display(): only drafts ask (staff's lists).
        choices = activity_model()._meta.get_field("status").flatchoices
        return str(dict(choices).get(self.status, self.status))


class ThemeName:
    """A theme as a partner's page lists it (``theme_links``): its slug and its
    name, read through the model's translated field (the same fallback), rather
    than a Theme instance."""

    __slots__ = ("slug", "name_ru", "name_en")
    name = translated_property(lambda: Theme, "name")

    def __init__(self, slug: str, name_ru: str | None, name_en: str | None):
        self.slug, self.name_ru, self.name_en = slug, name_ru, name_en


def _themes(*, partner):
    offered = Partner.offers.through.objects.filter(
        partner_id=partner, theme_id=OuterRef("pk")
    )
    sought = Partner.seeks.through.objects.filter(
        partner_id=partner, theme_id=OuterRef("pk")
    )
    return (
        Theme.objects.annotate(offered=Exists(offered), sought=Exists(sought))
        .filter(Q(offered=True) | Q(sought=True))
        .values_list("slug", "name_ru", "name_en", "offered", "sought")
    )


PARTNER_THEMES = CompiledQuery(_themes, params=("partner",))


def partner_themes(partner: Partner) -> tuple[list[ThemeName], list[ThemeName]]:
    """The themes a partner offers and those it seeks, in one query."""
    offers, seeks = [], []
    for slug, name_ru, name_en, offered, sought in PARTNER_THEMES.rows(
        (), partner=partner.pk
    ):
        theme = ThemeName(slug, name_ru, name_en)
        if offered:
            offers.append(theme)
        if sought:
            seeks.append(theme)
    return offers, seeks


@functools.lru_cache(maxsize=8)
def _exchange_labels(language: str | None) -> dict[str, dict[str, str]]:
    """An activity's kind and format labels by value, in ``language`` (the
    catalogues do not change while a process runs)."""
    meta = activity_model()._meta
    return {
        field: {value: str(label) for value, label in meta.get_field(field).flatchoices}
        for field in ("kind", "format")
    }


def prepare_exchanges(rows: list) -> list:
    """Set on each ``Exchange`` what exchange lists show: ``url``, ``kind_label``
    and ``format_label``.

    Worked out once here rather than per row by the template: Django's
    ``get_<field>_display()`` rebuilds a dict of every choice on each call, and
    reverse() costs as much again.
    """
    if not rows:
        return rows
    labels = _exchange_labels(translation.get_language())
    # One address around a mark, not one per row: each asks the language again.
    before, _mark, after = slug_url("programme:activity_detail", SLUG_MARK).rpartition(
        SLUG_MARK
    )
    for row in rows:
        row.url = f"{before}{row.slug}{after}"
        row.kind_label = labels["kind"].get(row.kind, row.kind)
        row.format_label = labels["format"].get(row.format, row.format)
    return rows


def _taking_part(partner, *, probe: bool) -> Q:
    """A filter on activities the partner provided or received.

    ``probe``: an EXISTS per activity (the through tables' unique index on
    activity and partner answers it), else IN lists that PostgreSQL hashes whole
    (their partner index answers both).
    """
    activity = activity_model()
    provided = activity.providers.through.objects.filter(partner_id=partner)
    received = activity.beneficiaries.through.objects.filter(partner_id=partner)
    if probe:
        return Exists(provided.filter(activity_id=OuterRef("pk"))) | Exists(
            received.filter(activity_id=OuterRef("pk"))
        )
    return Q(pk__in=provided.values("activity_id")) | Q(
        pk__in=received.values("activity_id")
    )


def _linked(through, partner) -> Subquery:
    """TRUE when the outer activity has a link to ``partner`` in ``through``, else
    NULL: one look-up in the table's unique index on activity and partner."""
    links = through.objects.filter(partner_id=partner, activity_id=OuterRef("pk"))
    return Subquery(links.annotate(linked=Value(True)).values("linked"))


def _exchanges(
    *,
    user,
    limit: int,
    probe_provided: bool = False,
    probe_received: bool = False,
    partner,
):
    activity = activity_model()
    providers, beneficiaries = (
        activity.providers.through,
        activity.beneficiaries.through,
    )
    provided = providers.objects.filter(partner_id=partner)
    received = beneficiaries.objects.filter(partner_id=partner)
    latest = (
        activity.objects.visible_to(user)
        .order_by("-start_date", "-pk")
        .alias(
            provider_link=_linked(providers, partner),
            beneficiary_link=_linked(beneficiaries, partner),
        )
    )
    # Two limited halves of one UNION ALL: each walks the activities newest first
    # and stops after ``limit + 1``, instead of sorting a busy partner's thousands.
    # A list of many is found among the newest activities whatever the SQL says:
    # scalar look-ups (``probe_*``) say it without IN lists and an anti-join,
    # whose planning cost as much as the walk (the busiest partner's statement:
    # 1.9 against 2.2 ms on the bench). A list of few is gathered through its
    # links, which only IN lists let PostgreSQL do.
    if probe_provided:
        as_provider = latest.filter(provider_link__isnull=False)
    else:
        as_provider = latest.filter(pk__in=provided.values("activity_id"))
    if probe_received:
        as_beneficiary = latest.filter(
            beneficiary_link__isnull=False, provider_link__isnull=True
        )
    else:
        as_beneficiary = latest.filter(pk__in=received.values("activity_id")).exclude(
            # Probed per candidate, not a hash of all the partner provided.
            Exists(provided.filter(activity_id=OuterRef("pk")))
        )
    columns = ("pk", *EXCHANGE_FIELDS, *HOST_COUNTRY_FIELDS, "provided")
    return [
        as_provider.annotate(provided=Value(True)).values_list(*columns)[: limit + 1],
        as_beneficiary.annotate(provided=Value(False)).values_list(*columns)[
            : limit + 1
        ],
    ]


# The audience, the limit and each list's shape (IN lists or look-ups) shape the
# SQL. Rows, for ``Exchange``.
PARTNER_EXCHANGES = CompiledQuery(
    _exchanges, params=("partner",), order_by=("-start_date", "-pk")
)


def _exchange(row: tuple) -> Exchange:
    """An ``Exchange`` of a row of ``_exchanges``."""
    fields = len(EXCHANGE_FIELDS)
    pk, values = row[0], row[1 : fields + 1]
    country_id, name_ru, name_en = row[fields + 1 : fields + 4]
    return Exchange(
        pk=pk,
        **dict(zip(EXCHANGE_FIELDS, values, strict=True)),
        host_country=None if country_id is None else CountryName(name_ru, name_en),
        provided=row[-1],
    )


def partner_exchanges(partner: Partner, user, limit: int = RELATED_LIMIT) -> dict:
    """The latest exchanges a partner provided and received, in one query.

    Each list holds at most ``limit`` activities (``limit + 1`` are read to know
    whether there are more). An exchange in which the partner is both provider and
    beneficiary is listed as provided. The partner's ``exchanges_provided`` and
    ``exchanges_received`` (``with_exchange_counts``) pick the query's shape.
    """
    shape = {
        "probe_provided": partner.exchanges_provided >= LOOK_UP_EXCHANGES_FROM,
        "probe_received": partner.exchanges_received >= LOOK_UP_EXCHANGES_FROM,
    }
    rows = [
        _exchange(row)
        for row in PARTNER_EXCHANGES.rows(
            (audience(user), limit, *shape.values()),
            user=user,
            limit=limit,
            partner=partner.pk,
            **shape,
        )
    ]
    prepare_exchanges(rows)
    as_provider = [row for row in rows if row.provided]
    as_beneficiary = [row for row in rows if not row.provided]
    return {
        "provided": as_provider[:limit],
        "more_provided": len(as_provider) > limit,
        "received": as_beneficiary[:limit],
        "more_received": len(as_beneficiary) > limit,
    }


def _resources(*, user, limit: int, walk: bool, probe: bool = False, partner):
    activity = activity_model()
    if walk:
        # PostgreSQL walks the newest resources and checks each one's exchanges.
        taking_part = _taking_part(partner, probe=probe)
    else:
        # A UNION, whose size PostgreSQL estimates: it gathers these exchanges'
        # resources and sorts them, instead of walking the whole library.
        taking_part = Q(
            pk__in=activity.providers.through.objects.filter(partner_id=partner)
            .values("activity_id")
            .union(
                activity.beneficiaries.through.objects.filter(
                    partner_id=partner
                ).values("activity_id"),
                all=True,
            )
        )
    exchanges_seen = activity.objects.visible_to(user).filter(taking_part)
    resource = resource_model()
    linked = resource.activities.through.objects.filter(
        activity_id__in=exchanges_seen.values("pk")
    )
    return (
        resource.objects.visible_to(user)
        .filter(pk__in=linked.values("resource_id"))
        .for_cards()
        .order_by(F("published_on").desc(nulls_last=True), "-pk")[: limit + 1]
    )


# The audience, the limit and the shape (gather, walk, walk probing) shape the SQL.
PARTNER_RESOURCES = CompiledQuery(_resources, params=("partner",))


def partner_resources(
    partner: Partner, user, limit: int = RELATED_LIMIT, *, exchanges: int
) -> dict:
    """Resources of the exchanges this user can see the partner take part in.

    ``exchanges``: how many it took part in, which picks the query's shape.
    """
    walk = exchanges >= WALK_NEWEST_FROM
    probe = exchanges >= RESOURCES_PROBE_FROM
    rows = PARTNER_RESOURCES.objects(
        (audience(user), limit, walk, probe),
        user=user,
        limit=limit,
        walk=walk,
        probe=probe,
        partner=partner.pk,
    )
    return {"resources": rows[:limit], "more_resources": len(rows) > limit}
