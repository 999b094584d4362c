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


def _upcoming_activities(*, today):
    return (
        Activity.objects.published()
        .filter(end_date__gte=today)
        .with_listing_data()
        .order_by("start_date", "pk")[:UPCOMING_ACTIVITIES]
    )


def _recent_activities(*, today):
    return (
        Activity.objects.published()
        .filter(end_date__lt=today)
        .with_listing_data()
        .order_by("-end_date", "-pk")[:RECENT_ACTIVITIES]
    )


def _featured_partners():
    return (
        Partner.objects.published()
        .for_directory()
        .order_by("-published_at", "-pk")[:FEATURED_PARTNERS]
    )


INTRO = CompiledQuery(_intro)
# Staff or not changes which resources exist (``visible_to``): it is the key.
RESOURCES = CompiledQuery(_latest_resources)
UPCOMING = CompiledQuery(_upcoming_activities, params=("today",))
RECENT = CompiledQuery(_recent_activities, params=("today",))
PARTNERS = CompiledQuery(_featured_partners)


def home_content(user) -> dict:
    """The home page's context for ``user``."""
    today = timezone.localdate()
    intro = INTRO.objects(None)
    return {
        "intro": intro[0] if intro else None,
        "latest_resources": RESOURCES.objects(is_staff(user), user=user),
        "upcoming_activities": UPCOMING.objects(None, today=today),
        "recent_activities": RECENT.objects(None, today=today),
        "featured_partners": PARTNERS.objects(None),
        "key_figures": figures.key_figures(),
    }
