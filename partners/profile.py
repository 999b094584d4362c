"""What a partner's page gathers: its themes, exchanges and resources (its
matches: ``matching.py``).

Each helper is one query whatever the partner's size (the page's count is pinned),
compiled once per process (``portal.compiled``): only the partner's id changes
from one request to the next.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Exists, F, OuterRef, Q, Value

from portal.accounts.models import can_see_restricted
from portal.compiled import CompiledQuery
from portal.links import slug_url
from portal.taxonomy.models import Theme

from .models import Partner

# Exchanges and resources of a partner page.
RELATED_LIMIT = 10
# What the exchange tables show of an activity (and its host country).
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
    "host_country__name_ru",
    "host_country__name_en",
)
# From this many exchanges, a partner's resources are among the newest of the
# library often enough that walking the library newest first finds ten sooner
# than gathering all of them (measured on the bench's 100,000 resources).
WALK_NEWEST_FROM = 150


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


def _themes(*, partner):
    offered = Partner.offers.through.objects.filter(
        partner_id=partner, theme_id=OuterRef("pk")
    )
    sought = Partner.seeks.through.objects.filter(
        partner_id=partner, theme_id=OuterRef("pk")
    )
    return (
        Theme.objects.only("slug", "name_ru", "name_en")
        .annotate(offered=Exists(offered), sought=Exists(sought))
        .filter(Q(offered=True) | Q(sought=True))
    )


PARTNER_THEMES = CompiledQuery(_themes, params=("partner",))


def partner_themes(partner: Partner) -> tuple[list[Theme], list[Theme]]:
    """The themes a partner offers and those it seeks, in one query."""
    themes = PARTNER_THEMES.objects((), partner=partner.pk)
    return [t for t in themes if t.offered], [t for t in themes if t.sought]


def prepare_exchanges(rows: list) -> list:
    """Set on each activity what exchange lists show: ``url``, ``kind_label`` and
    ``format_label``.

    Worked out once here rather than per row by the template: Django's
    ``get_<field>_display()`` rebuilds a dict of every choice on each call, and
    reverse() costs as much again.
    """
    if not rows:
        return rows
    meta = type(rows[0])._meta
    labels = {
        field: {value: str(label) for value, label in meta.get_field(field).flatchoices}
        for field in ("kind", "format")
    }
    for row in rows:
        row.url = slug_url("programme:activity_detail", row.slug)
        row.kind_label = labels["kind"].get(row.kind, row.kind)
        row.format_label = labels["format"].get(row.format, row.format)
    return rows


def _taking_part(partner) -> Q:
    """A filter on activities the partner provided or received (the through
    tables' partner index answers both)."""
    activity = activity_model()
    provided = activity.providers.through.objects.filter(partner_id=partner)
    received = activity.beneficiaries.through.objects.filter(partner_id=partner)
    return Q(pk__in=provided.values("activity_id")) | Q(
        pk__in=received.values("activity_id")
    )


def _exchanges(*, user, limit: int, partner):
    activity = activity_model()
    provided = activity.providers.through.objects.filter(partner_id=partner)
    received = activity.beneficiaries.through.objects.filter(partner_id=partner)
    latest = (
        activity.objects.visible_to(user)
        .select_related("host_country")
        .only(*EXCHANGE_FIELDS)
        .order_by("-start_date", "-pk")
    )
    # Two limited halves of one UNION ALL: each walks the activities newest first
    # and stops after ``limit + 1``, instead of sorting a busy partner's thousands.
    return [
        latest.filter(pk__in=provided.values("activity_id")).annotate(
            provided=Value(True)
        )[: limit + 1],
        latest.filter(pk__in=received.values("activity_id"))
        # Probed per candidate, not a hash of all the partner provided.
        .exclude(Exists(provided.filter(activity_id=OuterRef("pk"))))
        .annotate(provided=Value(False))[: limit + 1],
    ]


# The audience and the limit shape the SQL.
PARTNER_EXCHANGES = CompiledQuery(
    _exchanges, params=("partner",), order_by=("-start_date", "-pk")
)


def partner_exchanges(partner: Partner, user, limit: int = RELATED_LIMIT) -> dict:
    """The latest exchanges a partner provided and received, in one query.

    Each list holds at most ``limit`` activities (``limit + 1`` are read to know
    whether there are more). An exchange in which the partner is both provider and
    beneficiary is listed as provided.
    """
    rows = PARTNER_EXCHANGES.objects(
        (audience(user), limit), user=user, limit=limit, partner=partner.pk
    )
    prepare_exchanges(rows)
    as_provider = [row for row in rows if row.provided]
    as_beneficiary = [row for row in rows if not row.provided]
    return {
        "provided": as_provider[:limit],
        "more_provided": len(as_provider) > limit,
        "received": as_beneficiary[:limit],
        "more_received": len(as_beneficiary) > limit,
    }


def _resources(*, user, limit: int, walk: bool, partner):
    activity = activity_model()
    if walk:
        # OR-ed IN lists: PostgreSQL walks the newest resources and probes each.
        taking_part = _taking_part(partner)
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


# The audience, the limit and the shape (walk or gather) shape the SQL.
PARTNER_RESOURCES = CompiledQuery(_resources, params=("partner",))


def partner_resources(
    partner: Partner, user, limit: int = RELATED_LIMIT, *, exchanges: int
) -> dict:
    """Resources of the exchanges this user can see the partner take part in.

    ``exchanges``: how many it took part in, which picks the query's shape.
    """
    walk = exchanges >= WALK_NEWEST_FROM
    rows = PARTNER_RESOURCES.objects(
        (audience(user), limit, walk),
        user=user,
        limit=limit,
        walk=walk,
        partner=partner.pk,
    )
    return {"resources": rows[:limit], "more_resources": len(rows) > limit}
