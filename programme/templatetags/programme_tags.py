"""Template helpers of the programme's cards.

A list page shows twenty activity cards; written with template tags and filters
alone, each card cost half a millisecond (a dozen lookups through the model's
translation descriptors, ``get_kind_display`` translating every choice, two
includes for the partner names). ``activity_card`` and ``project_card`` build a
card's markup in one pass, as the resource and partner cards do; every text is
escaped with ``html.escape``.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple
from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from portal.links import SLUG_MARK, slug_url
from portal.request_memo import memoised
from portal.templatetags.portal_tags import (
    card_heading,
    date_range,
    draft_badge,
    lang_attr,
    render_language_badge,
    summary_words,
)

from ..models import Activity, ActivityFormat, ActivityKind
from ..rows import lang_attribute, shown_attr

register = template.Library()

# A card names this many partners of a side, then says how many more there are.
SHOWN_PARTNERS = 3
# A card's summary is cut after this many words.
SUMMARY_WORDS = 30
PROJECT_SUMMARY_WORDS = 40


def _safe(markup: str) -> SafeString:
    # Callers escape every value they insert. SafeString itself: mark_safe first
    # looks for a lazy string among its arguments, for each card of a list.
    return SafeString(markup)


def _partner_names(partners: list, language: str) -> str:
    """Up to three partner names, then how many more: cards stay short.

    Every value is escaped with ``html.escape``.
    """
    names = []
    for partner in partners[:SHOWN_PARTNERS]:
        name, code = shown_attr(partner, "name", language)
        names.append(f"<span{lang_attribute(code, language)}>{escape(name)}</span>")
    markup = ", ".join(names)
    more = len(partners) - SHOWN_PARTNERS
    if more > 0:
        text = ngettext("and %(counter)s more", "and %(counter)s more", more)
        markup += " " + escape(text % {"counter": more})
    return markup


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


def _badges(item, language: str) -> str:
    """RU / EN / RU+EN, and the status of a draft."""
    codes = item.complete_languages()
    return f"{render_language_badge(codes, language)}{draft_badge(item)}"


def _theme_list(themes, language: str) -> str:
    label = escape(gettext("Themes"))
    tags = _theme_tags(themes, language)
    return f'  <ul class="tags" aria-label="{label}">{tags}</ul>\n'


@register.simple_tag
def project_card(project, *, heading="h2", themes=False) -> SafeString:
    """The card of ``project``; ``themes`` only where the view prefetched them
    (``ProjectQuerySet.with_listing_data``) or attached them
    (``rows.attach_project_themes``)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    tag = card_heading(heading)
    title, title_code = shown_attr(project, "title", language)
    url = slug_url("programme:project_detail", project.slug, language)
    kind = escape(gettext("Project"))
    parts = [
        '<article class="card">\n',
        f'  <{tag} class="card__title"><a href="{escape(url)}"'
        f"{lang_attribute(title_code, language)}>{escape(title)}</a></{tag}>\n",
        f'  <p class="card__meta">\n    <span class="card__kind">{kind}</span>\n',
    ]
    dates = date_range(project.start_date, project.end_date, language)
    if dates:
        parts.append(f"    <span>{dates}</span>\n")
    parts.append("  </p>\n")
    summary, summary_code = shown_attr(project, "summary", language)
    summary = summary_words(summary, PROJECT_SUMMARY_WORDS)
    if summary:
        parts.append(
            f'  <p class="card__summary"{lang_attribute(summary_code, language)}>'
            f"{escape(summary)}</p>\n"
        )
    if themes and project.listed_themes:
        parts.append(_theme_list(project.listed_themes, language))
    parts.append(
        f'  <p class="card__badges">{_badges(project, language)}</p>\n</article>'
    )
    return _safe("".join(parts))


def _place(activity: Activity, language: str) -> str:
    country = ""
    if activity.host_country_id:
        country = escape(shown_attr(activity.host_country, "name", language)[0])
    city, code = shown_attr(activity, "city", language)
    if not city:
        return country
    comma = ", " if country else ""
    lang = lang_attribute(code, language)
    return f"<span{lang}>{escape(city)}</span>{comma}{country}"


class _CardText(NamedTuple):
    """What every activity card of a page says alike, escaped: kinds, formats,
    the labels of its lists, and how its links start and end."""

    kinds: dict[str, str]
    formats: dict[str, str]
    themes: str
    shared_by: str
    received_by: str
    url_before: str
    url_after: str


def _card_text(language: str) -> _CardText:
    """Once per request and language: twenty cards translated each label twenty
    times (gettext looks the language up anew each time)."""

    def build() -> _CardText:
        before, _mark, after = activity_url(SLUG_MARK).rpartition(SLUG_MARK)
        return _CardText(
            kinds={kind: escape(str(label)) for kind, label in ActivityKind.choices},
            formats={
                form: escape(str(label)) for form, label in ActivityFormat.choices
            },
            themes=escape(gettext("Themes")),
            shared_by=escape(gettext("Shared by:")),
            received_by=escape(gettext("Received by:")),
            url_before=before,
            url_after=after,
        )

    return memoised(f"activity-card:text:{language}", build)


def _card(
    activity: Activity,
    text: _CardText,
    language: str,
    *,
    tag: str,
    summary: bool,
    partners: bool,
    themes: bool,
) -> str:
    title, code = shown_attr(activity, "title", language)
    # A slug needs no quoting (``portal.links.slug_url``).
    url = f"{text.url_before}{activity.slug}{text.url_after}"
    # The stored value when it is no longer a kind or a format.
    kind = text.kinds.get(activity.kind) or escape(activity.kind)
    form = text.formats.get(activity.format) or escape(activity.format)
    dates = date_range(activity.start_date, activity.end_date, language)
    place = _place(activity, language)
    parts = [
        '<article class="card card--activity">\n',
        f'  <{tag} class="card__title"><a href="{escape(url)}"'
        f"{lang_attribute(code, language)}>{escape(title)}</a></{tag}>\n",
        '  <p class="card__meta">\n',
        f'    <span class="card__kind">{kind}</span>\n    <span>{dates}</span>\n',
        f"    <span>{place}</span>\n" if place else "",
        f"    <span>{form}</span>\n  </p>\n",
    ]
    if summary:
        words, code = shown_attr(activity, "summary", language)
        if words:
            words = summary_words(words, SUMMARY_WORDS)
            parts.append(
                f'  <p class="card__summary"{lang_attribute(code, language)}>'
                f"{escape(words)}</p>\n"
            )
    if partners:
        parts.append(
            _exchange(
                _partner_names(activity.shown_providers, language),
                _partner_names(activity.shown_beneficiaries, language),
                text,
            )
        )
    if themes and activity.listed_themes:
        tags = _theme_tags(activity.listed_themes, language)
        parts.append(f'  <ul class="tags" aria-label="{text.themes}">{tags}</ul>\n')
    parts.append(
        f'  <p class="card__badges">{_badges(activity, language)}</p>\n</article>'
    )
    return "".join(parts)


@register.simple_tag
def activity_card(
    activity: Activity, *, heading="h2", summary=False, partners=False, themes=False
) -> SafeString:
    """The card of ``activity``. ``partners`` and ``themes`` only where the view
    fetched them (``rows.attach_card_names``), so that no draft partner's name
    shows and no query runs per card."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return _safe(
        _card(
            activity,
            _card_text(language),
            language,
            tag=card_heading(heading),
            summary=summary,
            partners=partners,
            themes=themes,
        )
    )


@register.simple_tag
def activity_cards(
    activities, *, heading="h2", summary=False, partners=False, themes=False
) -> SafeString:
    """``activity_card`` of each of ``activities``, one after the other: one tag
    for the ledger's twenty cards, and what they share looked up once."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    text = _card_text(language)
    tag = card_heading(heading)
    return _safe(
        "\n".join(
            _card(
                activity,
                text,
                language,
                tag=tag,
                summary=summary,
                partners=partners,
                themes=themes,
            )
            for activity in activities
        )
    )


@register.simple_tag
def photo_figure(photo, *, show_activity=False) -> SafeString:
    """One photo: sized, lazy, alt from its caption; ``show_activity`` links its
    activity (``PhotoQuerySet.with_listing_data`` fetched it along)."""
    caption = escape(photo.caption)
    caption_lang = lang_attr(photo, "caption")
    size = ""
    if photo.width and photo.height:
        size = f' width="{photo.width}" height="{photo.height}"'
    parts = [
        '<figure class="photo">\n'
        f'  <img src="{escape(photo.image.url)}" alt="{caption}"{caption_lang}{size}'
        ' loading="lazy" decoding="async">\n'
        f"  <figcaption>\n    <span{caption_lang}>{caption}</span>\n"
    ]
    if photo.credit:
        credit = gettext("Photo: %(credit)s") % {"credit": escape(photo.credit)}
        parts.append(f'    <span class="photo__credit">{credit}</span>\n')
    if photo.taken_on:
        parts.append(f"    {date_range(photo.taken_on, photo.taken_on)}\n")
    if show_activity and photo.activity_id:
        activity = photo.activity
        url = escape(activity_url(activity.slug))
        parts.append(
            f'    <a class="photo__activity" href="{url}"'
            f"{lang_attr(activity, 'title')}>{escape(activity.title)}</a>\n"
        )
    parts.append("  </figcaption>\n</figure>")
    return _safe("".join(parts))


# --- Names on the detail pages (light rows from rows.py, not model instances) ----------


def _names(rows):
    """Each row with its escaped name and that name's `` lang`` attribute."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    for row in rows:
        name, code = shown_attr(row, "name", language)
        yield row, escape(name), lang_attribute(code, language)


@register.simple_tag
def name_list(rows) -> SafeString:
    """Names separated by commas, each in its own language (regions)."""
    return _safe(
        ", ".join(f"<span{lang}>{name}</span>" for _, name, lang in _names(rows))
    )


def _link_items(rows, url_of) -> SafeString:
    """Each row as a list item linking to ``url_of(row)``, its name in its language."""
    return _safe(
        "".join(
            f'<li><a href="{escape(url_of(row))}"{lang}>{name}</a></li>'
            for row, name, lang in _names(rows)
        )
    )


@register.simple_tag
def theme_links(rows) -> SafeString:
    """Each theme as a list item linking to the ledger filtered by it."""
    ledger = reverse("programme:activity_list")
    return _link_items(rows, lambda row: f"{ledger}?theme={quote(row.slug)}")


@register.simple_tag
def partner_links(rows) -> SafeString:
    """Each partner as a list item linking to its page."""
    return _link_items(rows, lambda row: slug_url("partners:detail", row.slug))


def _exchange(providers: str, beneficiaries: str, text: _CardText) -> str:
    """Who shared with whom; the arrow is read out as words."""
    shared_by, received_by = text.shared_by, text.received_by
    if providers and beneficiaries:
        return (
            f'  <p class="card__exchange"><span class="visually-hidden">{shared_by} '
            f"</span>{providers}\n"
            '    <span class="card__arrow" aria-hidden="true">→</span>\n'
            f'    <span class="visually-hidden">{received_by} </span>'
            f"{beneficiaries}</p>\n"
        )
    if providers:
        return f'  <p class="card__exchange">{shared_by} {providers}</p>\n'
    if beneficiaries:
        return f'  <p class="card__exchange">{received_by} {beneficiaries}</p>\n'
    return ""
