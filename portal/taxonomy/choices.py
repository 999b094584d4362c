"""Cached choice lists of the taxonomy, for filters and facets.

Regions, countries and themes change rarely and appear on every list page. The
three lists of a language are read together, in one query, kept in the cache
under one key and memoised for the request (a list page asks for them several
times). Saving or deleting any of them forgets the lists (see ``signals.py``).
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from portal import request_memo
from portal.compiled import CompiledSQL

from .models import Country, Region, Theme

CACHE_SECONDS = 60 * 60
KEY_PREFIX = "taxonomy:choices:"

Choices = list[tuple[str, str]]


def _key(language: str) -> str:
    return f"{KEY_PREFIX}{language}"


def _name_columns(language: str) -> list[str]:
    """``name_xx`` columns, ``language`` first: the shown name falls back."""
    codes = [code for code, _name in settings.LANGUAGES]
    ordered = [language] if language in codes else []
    ordered += [code for code in codes if code != language]
    return [f"name_{code}" for code in ordered]


@functools.lru_cache(maxsize=8)
def _statement(language: str) -> CompiledSQL:
    """One plain UNION ALL of the three kinds, the names in ``language`` first."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in _name_columns(language))

    def part(model, key: str, rank: str | None) -> str:
        table = quote(model._meta.db_table)
        rank_sql = quote(rank) if rank else "0"
        # Only quoted identifiers of our own models; the kind is a parameter.
        return f"SELECT %s, {quote(key)}, {rank_sql}, {names} FROM {table}"  # noqa: S608

    sql = " UNION ALL ".join(
        [
            part(Region, "slug", "order"),
            part(Country, "iso3", None),
            part(Theme, "slug", "order"),
        ]
    )
    return CompiledSQL(sql, ["regions", "countries", "themes"])


def _read_all() -> dict[str, Choices]:
    """(key, name in the active language, else the other's) of each kind, in order.

    No model instances nor ORM rows: with no shared cache (or a cold one) these
    lists are built on every list page, and the ORM's values machinery over 211
    rows cost several times the query.
    """
    ranked: dict[str, list[tuple]] = {"regions": [], "countries": [], "themes": []}
    for kind, key, rank, *localised in _statement(translation.get_language()).rows():
        name = next((name for name in localised if name), "")
        ranked[kind].append((rank, key, name))
    choices = {
        # The models' own orderings: regions and themes by (order, slug).
        kind: [(key, name) for _rank, key, name in sorted(ranked[kind])]
        for kind in ("regions", "themes")
    }
    choices["countries"] = sorted(
        ((key, name) for _rank, key, name in ranked["countries"]),
        key=lambda choice: choice[1].casefold(),
    )
    return choices


def _all_choices() -> dict[str, Choices]:
    key = _key(translation.get_language() or settings.LANGUAGE_CODE)

    def load() -> dict[str, Choices]:
        choices = cache.get(key)
        if choices is None:
            choices = _read_all()
            cache.set(key, choices, CACHE_SECONDS)
        return choices

    return request_memo.memoised(key, load)


def region_choices() -> Choices:
    """(slug, name) in the programme's order."""
    return _all_choices()["regions"]


def country_choices() -> Choices:
    """(ISO alpha-3, name), sorted by name in the active language."""
    return _all_choices()["countries"]


def theme_choices() -> Choices:
    """(slug, name) in the programme's order."""
    return _all_choices()["themes"]


def forget_choices() -> None:
    cache.delete_many([_key(code) for code, _name in settings.LANGUAGES])
    request_memo.forget(KEY_PREFIX)
