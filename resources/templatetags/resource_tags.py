"""Template helpers of the resource library."""

from __future__ import annotations

import functools
from html import escape

from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from portal.links import slug_url
from portal.request_memo import memoised
from portal.templatetags.portal_tags import (
    card_heading,
    date_range,
    draft_badge,
    lang_attr_in,
    render_language_badge,
    summary_words,
)
from portal.translated import shown_text
from resources.models import Resource, ResourceKind

register = template.Library()

KIND_LABELS = dict(ResourceKind.choices)
SUMMARY_WORDS = 30


@register.simple_tag
def resource_language_badge(resource):
    """RU / EN / RU+EN: the languages a reader can get the resource in.

    Documents and links decide (``Resource.available_languages``), not how
    complete the catalogue text is; no query.
    """
    return render_language_badge(resource.available_languages())


@functools.lru_cache(maxsize=16)
def _rendered_access_badge(access: str, language: str) -> SafeString:
    # Three levels, two languages: each badge is rendered once (``language`` keys
    # the cache; the template holds the only markup).
    return mark_safe(  # noqa: S308 - rendered by the template engine
        render_to_string("includes/access_badge.html", {"access": access})
    )


@register.simple_tag
def access_badge(access: str) -> SafeString:
    """The lock on a resource that is not for everyone (nothing when public)."""
    return _rendered_access_badge(access, translation.get_language() or "")


def _card_labels(language: str) -> tuple[dict[str, str], str]:
    """The kinds' labels and the themes' label, escaped, once per request and
    language: twenty cards would translate them twenty times."""

    def build() -> tuple[dict[str, str], str]:
        kinds = {kind: escape(str(label)) for kind, label in KIND_LABELS.items()}
        return kinds, escape(_("Themes"))

    return memoised(f"resource-card:labels:{language}", build)


@register.simple_tag
def resource_card(
    resource, heading="h2", show_themes=False, show_summary=False
) -> SafeString:
    """A resource in a list: its card's markup, built here.

    A list page shows twenty cards: through the template engine they cost more
    than the rest of the page (each lookup, filter and nested include takes
    microseconds). Every text is escaped with ``html.escape``; badges come from
    their templates. ``show_themes`` needs the rows' ``listed_themes``
    (``attach_listed_themes``).
    """
    language = translation.get_language() or ""
    return mark_safe(  # noqa: S308 - every text of the card is escaped
        _card(resource, language, heading, show_themes, show_summary)
    )


def _card(resource, language: str, heading, show_themes, show_summary) -> str:
    kind_labels, themes_label = _card_labels(language)
    tag = card_heading(heading)
    url = slug_url("resources:detail", resource.slug, language)
    title_attrs = f' href="{escape(url)}"'
    # The stored value when it is no longer a kind.
    kind = kind_labels.get(resource.kind) or escape(resource.kind)
    parts = [
        '<article class="card">\n',
        f'  <{tag} class="card__title"><a{title_attrs}'
        f"{lang_attr_in(resource, 'title', language)}>"
        f"{escape(str(shown_text(Resource, resource, 'title', language)))}</a></{tag}>\n",
        '  <p class="card__meta">\n',
        f'    <span class="card__kind">{kind}</span>\n',
    ]
    day = resource.published_on
    if not day and resource.published_at:
        day = timezone.localdate(resource.published_at)
    if day:
        parts.append(f"    <span>{date_range(day, None, language)}</span>\n")
    parts.append("  </p>\n")
    summary = (
        shown_text(Resource, resource, "summary", language) if show_summary else ""
    )
    if summary:
        summary = summary_words(summary, SUMMARY_WORDS)
        parts.append(
            f'  <p class="card__summary"{lang_attr_in(resource, "summary", language)}>'
            f"{escape(summary)}</p>\n"
        )
    themes = getattr(resource, "listed_themes", ()) if show_themes else ()
    if themes:
        items = "".join(
            f"<li{lang_attr_in(theme, 'name', language)}>{escape(str(theme.name))}</li>"
            for theme in themes
        )
        parts.append(f'  <ul class="tags" aria-label="{themes_label}">{items}</ul>\n')
    draft = draft_badge(resource)
    access = _rendered_access_badge(resource.access, language)
    parts += [
        f'  <p class="card__badges">'
        f"{render_language_badge(resource.available_languages(), language)}"
        f"{access}{draft}</p>\n",
        "</article>\n",
    ]
    return "".join(parts)


@register.simple_tag
def resource_cards(resources, heading="h2", show_themes=False, show_summary=False):
    """``resource_card`` for each of ``resources``, in one tag: a ``{% for %}``
    around twenty cards cost the engine a context and the tag's arguments per card."""
    language = translation.get_language() or ""
    return mark_safe(  # noqa: S308 - each card escapes its texts
        "".join(
            _card(resource, language, heading, show_themes, show_summary)
            for resource in resources
        )
    )


@register.filter
def language_names(codes) -> str:
    """``["ru", "en"]`` -> "Russian, English" in the active language."""
    return ", ".join(
        str(translation.get_language_info(code)["name_translated"]) for code in codes
    )
