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


def _names(queryset, key: str) -> list[tuple[str, str]]:
    """(key, name in the active language, else the other's), in the queryset's order.

    Plain tuples, not model instances: with no shared cache (or a cold one) these
    lists are built on every list page, and 193 countries as instances cost more
    than the rest of the page's queries.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    active = translation.get_language()
    ordered = [active] if active in codes else []
    ordered += [code for code in codes if code != active]
    rows = queryset.values_list(key, *(f"name_{code}" for code in ordered))
    return [(row[0], next((name for name in row[1:] if name), "")) for row in rows]


def region_choices() -> list[tuple[str, str]]:
    """(slug, name) in the programme's order."""
    return _cached("regions", lambda: _names(Region.objects.all(), "slug"))


def country_choices() -> list[tuple[str, str]]:
    """(ISO alpha-3, name), sorted by name in the active language."""
    return _cached(
        "countries",
        lambda: sorted(
            _names(Country.objects.order_by(), "iso3"),
            key=lambda choice: choice[1].casefold(),
        ),
    )


def theme_choices() -> list[tuple[str, str]]:
    """(slug, name) in the programme's order."""
    return _cached("themes", lambda: _names(Theme.objects.all(), "slug"))


def forget_choices() -> None:
    cache.delete_many(
        [_key(kind, code) for kind in KINDS for code, _name in settings.LANGUAGES]
    )
