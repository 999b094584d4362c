"""Template helpers of the resource library."""

from __future__ import annotations

from django import template
from django.utils import translation

from portal.templatetags.portal_tags import render_language_badge

register = template.Library()


@register.simple_tag
def resource_language_badge(resource):
    """RU / EN / RU+EN: the languages a reader can get the resource in.

    Documents and links decide (``Resource.available_languages``), not how
    complete the catalogue text is; no query.
    """
    return render_language_badge(resource.available_languages())


@register.filter
def language_names(codes) -> str:
    """``["ru", "en"]`` -> "Russian, English" in the active language."""
    return ", ".join(
        str(translation.get_language_info(code)["name_translated"]) for code in codes
    )
