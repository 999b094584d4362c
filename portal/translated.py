"""Translated fields read fast on lists, with modeltranslation's own fallback."""

from __future__ import annotations

import functools

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
