"""Template helpers of the programme's cards.

A list page shows twenty activity cards; written with template tags and filters
alone, each card cost half a millisecond (a dozen lookups through the model's
translation descriptors, ``get_kind_display`` translating every choice, two
includes for the partner names). ``activity_card`` gathers what a card shows in
one pass; the card's markup stays in ``includes/cards/activity.html``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import ngettext

from portal.links import slug_url
from portal.templatetags.portal_tags import date_range, language_badge

from ..models import Activity, ActivityFormat, ActivityKind
from ..rows import lang_attribute, shown_attr

register = template.Library()

# A card names this many partners of a side, then says how many more there are.
SHOWN_PARTNERS = 3
# A card's summary is cut after this many words.
SUMMARY_WORDS = 30
PROJECT_SUMMARY_WORDS = 40


def _safe(markup: str) -> SafeString:
    return mark_safe(markup)  # noqa: S308 - callers escape every value they insert


def partner_names(partners) -> SafeString:
    """Up to three partner names, then how many more: cards stay short.

    Every value is escaped with ``html.escape``.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    partners = list(partners)
    names = []
    for partner in partners[:SHOWN_PARTNERS]:
        name, code = shown_attr(partner, "name", language)
        names.append(f"<span{lang_attribute(code, language)}>{escape(name)}</span>")
    markup = ", ".join(names)
    more = len(partners) - SHOWN_PARTNERS
    if more > 0:
        text = ngettext("and %(counter)s more", "and %(counter)s more", more)
        markup += " " + escape(text % {"counter": more})
    return _safe(markup)


@register.simple_tag
def activity_url(slug: str) -> str:
    """``Activity.get_absolute_url``, for lists of many activities."""
    return slug_url("programme:activity_detail", slug)


def _theme_tags(themes, language: str) -> SafeString:
    tags = []
    for theme in themes:
        name, code = shown_attr(theme, "name", language)
        tags.append(f"<li{lang_attribute(code, language)}>{escape(name)}</li>")
    return _safe("".join(tags))


def _badges(item) -> SafeString:
    """RU / EN / RU+EN, and the status of a draft."""
    badges = language_badge(item)
    if not item.is_published:
        status = escape(str(item.get_status_display()))
        badges = _safe(f'{badges} <span class="badge badge--draft">{status}</span>')
    return badges


@dataclass
class ProjectCard:
    """What a project card shows, gathered once (as ``ActivityCard``)."""

    url: str
    title: str
    title_lang: SafeString
    dates: SafeString
    summary: str
    summary_lang: SafeString
    themes: SafeString
    badges: SafeString


@register.simple_tag
def project_card(project, *, themes=False) -> ProjectCard:
    """The card of ``project``; ``themes`` only where the view prefetched them
    (``ProjectQuerySet.with_listing_data``)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    title, title_code = shown_attr(project, "title", language)
    summary, summary_code = shown_attr(project, "summary", language)
    return ProjectCard(
        url=slug_url("programme:project_detail", project.slug),
        title=title,
        title_lang=_safe(lang_attribute(title_code, language)),
        dates=date_range(project.start_date, project.end_date),
        summary=Truncator(summary).words(PROJECT_SUMMARY_WORDS, truncate=" …"),
        summary_lang=_safe(lang_attribute(summary_code, language)),
        themes=_theme_tags(project.listed_themes, language) if themes else _safe(""),
        badges=_badges(project),
    )


@dataclass
class ActivityCard:
    """What an activity card shows, gathered once (texts escaped by the template,
    markup already escaped)."""

    url: str
    title: str
    title_lang: SafeString
    kind: str
    dates: SafeString
    place: SafeString
    format: str
    summary: str = ""
    summary_lang: SafeString = _safe("")
    providers: SafeString = _safe("")
    beneficiaries: SafeString = _safe("")
    themes: SafeString = _safe("")
    badges: SafeString = _safe("")


def _place(activity: Activity, language: str) -> SafeString:
    country = ""
    if activity.host_country_id:
        country = escape(shown_attr(activity.host_country, "name", language)[0])
    city, code = shown_attr(activity, "city", language)
    if not city:
        return _safe(country)
    comma = ", " if country else ""
    lang = lang_attribute(code, language)
    return _safe(f"<span{lang}>{escape(city)}</span>{comma}{country}")


@register.simple_tag
def activity_card(
    activity: Activity, *, summary=False, partners=False, themes=False
) -> ActivityCard:
    """The card of ``activity``. ``partners`` and ``themes`` only where the view
    fetched them (``rows.attach_card_names``), so that no draft partner's name
    shows and no query runs per card."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    title, code = shown_attr(activity, "title", language)
    card = ActivityCard(
        url=activity_url(activity.slug),
        title=title,
        title_lang=_safe(lang_attribute(code, language)),
        kind=str(ActivityKind(activity.kind).label),
        dates=date_range(activity.start_date, activity.end_date),
        place=_place(activity, language),
        format=str(ActivityFormat(activity.format).label),
    )
    text, code = shown_attr(activity, "summary", language)
    if summary and text:
        card.summary = Truncator(text).words(SUMMARY_WORDS, truncate=" …")
        card.summary_lang = _safe(lang_attribute(code, language))
    if partners:
        card.providers = partner_names(activity.shown_providers)
        card.beneficiaries = partner_names(activity.shown_beneficiaries)
    if themes:
        card.themes = _theme_tags(activity.listed_themes, language)
    card.badges = _badges(activity)
    return card
