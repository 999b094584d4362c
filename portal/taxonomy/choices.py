"""Cached choice lists of the taxonomy, for filters and facets.

Regions, countries and themes change rarely and appear on every list page: reading
them from the cache saves three queries a page. Saving or deleting any of them
forgets the lists (see ``signals.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from .models import Country, Region, Theme

CACHE_SECONDS = 60 * 60
KINDS = ("regions", "countries", "themes")


def _key(kind: str, language: str) -> str:
    return f"taxonomy:choices:{kind}:{language}"


def _cached(kind: str, build) -> list[tuple[str, str]]:
    key = _key(kind, translation.get_language() or settings.LANGUAGE_CODE)
    choices = cache.get(key)
    if choices is None:
        choices = build()
        cache.set(key, choices, CACHE_SECONDS)
    return choices


def region_choices() -> list[tuple[str, str]]:
    """(slug, name) in the programme's order."""
    return _cached("regions", lambda: [(r.slug, r.name) for r in Region.objects.all()])


def country_choices() -> list[tuple[str, str]]:
    """(ISO alpha-3, name), sorted by name in the active language."""
    return _cached(
        "countries",
        lambda: sorted(
            ((c.iso3, c.name) for c in Country.objects.all()),
            key=lambda choice: choice[1].casefold(),
        ),
    )


def theme_choices() -> list[tuple[str, str]]:
    """(slug, name) in the programme's order."""
    return _cached("themes", lambda: [(t.slug, t.name) for t in Theme.objects.all()])


def forget_choices() -> None:
    cache.delete_many(
        [_key(kind, code) for kind in KINDS for code, _name in settings.LANGUAGES]
    )
