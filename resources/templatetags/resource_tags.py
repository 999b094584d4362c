"""Template helpers of the resource library."""

from __future__ import annotations

from django import template
from django.utils import translation
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("includes/language_badge.html")
def resource_language_badge(resource) -> dict:
    """RU / EN / RU+EN: the languages a reader can get the resource in.

    Documents and links decide (``Resource.available_languages``), not how
    complete the catalogue text is; no query.
    """
    codes = resource.available_languages()
    names = {
        ("ru",): _("Available in Russian"),
        ("en",): _("Available in English"),
        ("ru", "en"): _("Available in Russian and English"),
    }
    return {
        "codes": codes,
        "label": "+".join(code.upper() for code in codes),
        "description": names.get(tuple(codes), ""),
    }


@register.filter
def language_names(codes) -> str:
    """``["ru", "en"]`` -> "Russian, English" in the active language."""
    return ", ".join(
        str(translation.get_language_info(code)["name_translated"]) for code in codes
    )
