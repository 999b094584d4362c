from django import template

from portal.templatetags.portal_tags import language_badge_context

register = template.Library()


@register.inclusion_tag("includes/language_badge.html")
def hit_language_badge(codes) -> dict:
    """RU / EN / RU+EN for a search hit (its languages come from the index)."""
    return language_badge_context(list(codes or []))
