"""Template helpers of the resource library."""

from __future__ import annotations

from django import template
from django.utils import translation

from portal.templatetags.portal_tags import language_badge_context

register = template.Library()


@register.inclusion_tag("includes/language_badge.html")
def resource_language_badge(resource) -> dict:
    """RU / EN / RU+EN: the languages a reader can get the resource in.

    Documents and links decide (``Resource.available_languages``), not how
    complete the catalogue text is; no query.
    """
    return language_badge_context(resource.available_languages())


@register.filter
def language_names(codes) -> str:
    """``["ru", "en"]`` -> "Russian, English" in the active language."""
    return ", ".join(
        str(translation.get_language_info(code)["name_translated"]) for code in codes
    )
