"""Translated fields read fast on lists, with modeltranslation's own fallback."""

from __future__ import annotations

import functools

from django.conf import settings
from modeltranslation.fields import NONE


@functools.cache
def _undefined(model, field: str):
    """What ``model``'s translated ``field`` takes for "not filled" (its
    descriptor's ``fallback_undefined``, else the field's default)."""
    descriptor = getattr(model, field)
    if descriptor.fallback_undefined is NONE:
        return descriptor.field.get_default()
    return descriptor.fallback_undefined


def shown_text(model, obj, field: str, language: str):
    """``field`` of ``obj`` (a ``model`` or an object with its ``<field>_<code>``
    values) as ``model``'s translated field reads it on a page in ``language``.

    Lists read dozens of names and titles: the common case (filled in the page's
    language, which the descriptor reads first) returns it after one attribute
    read; any other goes through the descriptor itself (its fallbacks).
    """
    value = getattr(obj, f"{field}_{language}", None)
    if value and value != _undefined(model, field):
        return value
    return getattr(model, field).__get__(obj, type(obj))


def shown_at(names: tuple[str, ...], field: str, language: str) -> list[tuple]:
    """(position, language) of ``field``'s columns in a row of ``names``, the
    language shown first: where ``shown_in`` looks, worked out once per page."""
    codes = [code for code, _name in settings.LANGUAGES]
    ordered = [language, *(code for code in codes if code != language)]
    return [(names.index(f"{field}_{code}"), code) for code in ordered if code in codes]


def shown_in(values, positions: list[tuple], language: str) -> tuple[str, str]:
    """The text of a plain row shown for the field at ``positions`` (``shown_at``)
    and its language: the active language's, else the first filled one
    (modeltranslation's fallback). By position: no dict per row."""
    for position, code in positions:
        value = values[position]
        if value:
            return value, code
    return "", language
