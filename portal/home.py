"""What the home page shows: the introduction, the latest resources, upcoming and
recent exchanges, featured partners and the key figures.

Each list is a ``CompiledQuery``: the home page is the portal's busiest, and
building its five querysets anew for every request cost more Python than
PostgreSQL takes to run them. The cards show kind, title, dates and place, never
themes, so nothing is prefetched: one query per list, of the columns the cards show.
"""

from __future__ import annotations

from django.utils import timezone

from partners.models import Partner
from portal.compiled import CompiledQuery
from portal.generic import is_staff
from portal.pages.models import Page
from programme.models import Activity
from resources.models import Resource

from . import figures

LATEST_RESOURCES, UPCOMING_ACTIVITIES, RECENT_ACTIVITIES, FEATURED_PARTNERS = 4, 3, 3, 6


def _intro():
    return Page.objects.published().filter(slug="about").order_by("pk")[:1]


def _latest_resources(*, user):
    return (
        Resource.objects.visible_to(user)
        .published()
        .for_cards()
        .order_by("-published_at", "-pk")[:LATEST_RESOURCES]
    )


def _exchanges(*, today, upcoming: bool):
    """The next exchanges (not yet over on ``today``), or the latest past ones."""
    published = Activity.objects.published().with_listing_data()
    if upcoming:
        return published.filter(end_date__gte=today).order_by("start_date", "pk")[
            :UPCOMING_ACTIVITIES
        ]
    return published.filter(end_date__lt=today).order_by("-end_date", "-pk")[
        :RECENT_ACTIVITIES
    ]


def _featured_partners():
    return (
        Partner.objects.published()
        .for_directory()
        .order_by("-published_at", "-pk")[:FEATURED_PARTNERS]
    )


INTRO = CompiledQuery(_intro)
# Staff or not changes which resources exist (``visible_to``): it is the key.
RESOURCES = CompiledQuery(_latest_resources)
# Upcoming or recent shapes the SQL: it is the key.
EXCHANGES = CompiledQuery(_exchanges, params=("today",))
PARTNERS = CompiledQuery(_featured_partners)


def home_content(user) -> dict:
    """The home page's context for ``user``."""
    today = timezone.localdate()
    intro = INTRO.objects(None)
    return {
        "intro": intro[0] if intro else None,
        "latest_resources": RESOURCES.objects(is_staff(user), user=user),
        "upcoming_activities": EXCHANGES.objects(True, today=today, upcoming=True),
        "recent_activities": EXCHANGES.objects(False, today=today, upcoming=False),
        "featured_partners": PARTNERS.objects(None),
        "key_figures": figures.key_figures(),
    }
