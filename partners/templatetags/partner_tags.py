"""Template helpers of the partners' pages."""

from __future__ import annotations

import functools
from html import escape

from django import template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from portal.taxonomy.models import Country, Region, Theme
from portal.templatetags.portal_tags import (
    card_heading,
    date_range,
    draft_badge,
    lang_attr_in,
    render_language_badge,
    summary_words,
)
from portal.translated import shown_text

from ..models import Partner, PartnerKind
from ..profile import activity_model

register = template.Library()

# A card's summary is cut after this many words.
SUMMARY_WORDS = 30


@functools.lru_cache(maxsize=8)
def _card_labels(language: str | None) -> dict:
    """What every partner card repeats, in ``language``: the kinds' labels
    (escaped) and the texts around a value. Translated once per process and
    language (the catalogues do not change while it runs), not per card."""
    return {
        "kinds": {value: escape(str(label)) for value, label in PartnerKind.choices},
        "since": gettext("partner since %(year)s"),
        "logo": gettext("Logo of %(name)s"),
        "offers": escape(gettext("Offers expertise in")),
    }


def _title_link(partner, language: str, name: str) -> str:
    """The link to a partner's page, named by its ``name`` (as shown) and
    acronym."""
    acronym = shown_text(Partner, partner, "acronym", language)
    title = f"{name} ({acronym})" if acronym and acronym != name else name
    return (
        f'<a href="{escape(partner.get_absolute_url())}"'
        f"{lang_attr_in(partner, 'name', language)}>{escape(title)}</a>"
    )


def _logo(partner, name: str, labels: dict) -> str:
    alt = labels["logo"] % {"name": name}
    return (
        f'\n  <img class="card__logo" src="{escape(partner.logo.url)}"'
        f' alt="{escape(alt)}" width="64" height="64" loading="lazy"'
        ' decoding="async">'
    )


@register.simple_tag
def partner_card(
    partner, heading: str = "h2", show_themes: bool = False, show_logo: bool = False
) -> SafeString:
    """A partner in a list: its card.

    Built in Python, as ``facet_options`` is: a directory page shows two dozen
    cards, and through the template engine their markup cost more than the rest
    of the page. Every interpolated value is escaped with ``html.escape``;
    ``lang_attr`` and ``render_language_badge`` return safe markup. ``show_themes`` only
    where the view set ``listed_offers`` (``partners.directory``);
    ``show_logo`` where the page loads css/partners.css, which places the logo.
    """
    language = translation.get_language()
    labels = _card_labels(language)
    tag = card_heading(heading)
    name = shown_text(Partner, partner, "name", language)
    kind = labels["kinds"].get(partner.kind) or escape(partner.get_kind_display())
    meta = f'<span class="card__kind">{kind}</span>'
    if partner.country_id:
        country = shown_text(Country, partner.country, "name", language)
        meta += f" <span>{escape(country)}</span>"
    if partner.since:
        since = labels["since"] % {"year": partner.since}
        meta += f" <span>{escape(since)}</span>"
    html = (
        f'<article class="card">\n  <{tag} class="card__title">'
        f"{_title_link(partner, language, name)}"
        f'</{tag}>\n  <p class="card__meta">{meta}</p>'
    )
    if show_logo and partner.logo:
        html += _logo(partner, name, labels)
    summary = shown_text(Partner, partner, "summary", language)
    if summary:
        shown = summary_words(summary, SUMMARY_WORDS)
        html += (
            f'\n  <p class="card__summary"{lang_attr_in(partner, "summary", language)}>'
            f"{escape(shown)}</p>"
        )
    themes = partner.listed_offers if show_themes else ()
    if themes:
        label_id = f"offers-{partner.pk}"
        items = "".join(
            f"<li{lang_attr_in(theme, 'name', language)}>"
            f"{escape(shown_text(Theme, theme, 'name', language))}</li>"
            for theme in themes
        )
        html += (
            f'\n  <p class="card__themes-label" id="{label_id}">{labels["offers"]}</p>'
            f'\n  <ul class="tags" aria-labelledby="{label_id}">{items}</ul>'
        )
    badge = render_language_badge(partner.complete_languages(), language)
    html += f'\n  <p class="card__badges">{badge}{draft_badge(partner)}</p>\n</article>'

    return mark_safe(html)  # noqa: S308 - every interpolated value is escaped


@register.simple_tag
def expertise_results(partners, theme_slug: str, ledger_url: str) -> SafeString:
    """The partners offering a theme, in "find expertise" (the items of its
    list): how often each shared it, and its latest exchanges on it
    (``theme_exchanges``, see ``ExpertiseView``).

    Built in Python for the reason ``partner_card`` is, a page at once: the
    labels its twenty items repeat are translated once. Values escaped the same
    way.
    """
    language = translation.get_language()
    labels = _card_labels(language)
    activity_class = activity_model()
    kinds: dict[str, str] = {}
    counts: dict[int, str] = {}
    more_text = escape(gettext("All its exchanges on this theme"))
    items = []
    for partner in partners:
        if partner.kind not in kinds:
            kinds[partner.kind] = escape(partner.get_kind_display())
        count = partner.exchange_count
        if count not in counts:
            counts[count] = escape(
                ngettext(
                    "Shared it in %(counter)s exchange",
                    "Shared it in %(counter)s exchanges",
                    count,
                )
                % {"counter": count}
            )
        if partner.country_id:
            name = shown_text(Country, partner.country, "name", language)
            place = f" <span>{escape(name)}</span>"
        elif partner.region_id:
            name = shown_text(Region, partner.region, "name", language)
            place = f" <span>{escape(name)}</span>"
        else:
            place = ""
        name = shown_text(Partner, partner, "name", language)
        html = (
            '<li class="card expertise-result">\n'
            f'  <h3 class="card__title">{_title_link(partner, language, name)}</h3>\n'
            '  <p class="card__meta"><span class="card__kind">'
            f"{kinds[partner.kind]}</span>{place}</p>"
        )
        if partner.logo:
            html += _logo(partner, name, labels)
        html += f'\n  <p class="expertise-result__count">{counts[count]}</p>'
        exchanges = partner.theme_exchanges
        if exchanges:
            listed = "".join(
                f'\n    <li><a href="{escape(activity.url)}"'
                f"{lang_attr_in(activity, 'title', language)}>"
                f"{escape(shown_text(activity_class, activity, 'title', language))}"
                f'</a> <span class="muted">· {escape(activity.kind_label)} ·'
                f" {date_range(activity.start_date, activity.end_date, language)}</span></li>"
                for activity in exchanges
            )
            html += (
                f'\n  <ul class="link-list expertise-result__exchanges">{listed}</ul>'
            )
            if count > len(exchanges):
                link = (
                    f"{escape(ledger_url)}?provider={escape(partner.slug)}"
                    f"&amp;theme={escape(theme_slug)}"
                )
                html += (
                    '\n  <p class="expertise-result__more">'
                    f'<a href="{link}">{more_text}</a></p>'
                )
        # As the template's loop laid them out.
        items.append(f"\n          {html}\n</li>\n        ")
    return mark_safe("".join(items))  # noqa: S308 - every value is escaped


@register.simple_tag
def theme_links(themes, directory_url: str, parameter: str) -> SafeString:
    """Chips of a partner's themes, each linking to the directory filtered by it
    (``parameter``: ``offers`` or ``seeks``)."""
    language = translation.get_language()
    items = "".join(
        f'<li><a href="{escape(directory_url)}?{escape(parameter)}={escape(theme.slug)}"'
        f"{lang_attr_in(theme, 'name', language)}>"
        f"{escape(shown_text(Theme, theme, 'name', language))}</a></li>"
        for theme in themes
    )
    return mark_safe(f'<ul class="tags tags--links">{items}</ul>')  # noqa: S308 - escaped


@register.simple_tag
def exchange_table(exchanges, caption: str) -> SafeString:
    """A partner's table of exchanges, headed by ``caption``.

    Each activity comes with ``url``, ``kind_label`` and ``format_label`` (see
    ``prepare_exchanges``). Built in Python for the reason ``partner_card`` is:
    a partner's page shows two tables of up to ten rows.
    """
    language = translation.get_language()
    activity_class = activity_model()
    rows = []
    for activity in exchanges:
        draft = draft_badge(activity)
        city = shown_text(activity_class, activity, "city", language)
        country = activity.host_country
        place = []
        if city:
            place.append(
                f"<span{lang_attr_in(activity, 'city', language)}>{escape(city)}</span>"
            )
        if country:
            place.append(escape(shown_text(Country, country, "name", language)))
        place = ", ".join(place)
        if activity.format != "in_person":
            place += (" · " if place else "") + escape(activity.format_label)
        rows.append(
            f'\n      <tr>\n        <th scope="row"><a href="{escape(activity.url)}"'
            f"{lang_attr_in(activity, 'title', language)}>"
            f"{escape(shown_text(activity_class, activity, 'title', language))}</a>"
            f"{draft}</th>"
            '\n        <td class="exchanges__dates">'
            f"{date_range(activity.start_date, activity.end_date, language)}</td>"
            f"\n        <td>{escape(activity.kind_label)}</td>"
            f"\n        <td>{place}</td>\n      </tr>"
        )
    # gettext outside the f-strings: makemessages does not look inside them.
    headings = "".join(
        f'\n      <th scope="col">{escape(heading)}</th>'
        for heading in (
            gettext("Exchange"),
            gettext("Dates"),
            gettext("Kind"),
            gettext("Place"),
        )
    )
    return mark_safe(  # noqa: S308 - every value is escaped
        '<div class="table-scroll">\n<table class="exchanges">'
        f"\n  <caption>{escape(str(caption))}</caption>"
        f"\n  <thead>\n    <tr>{headings}\n    </tr>\n  </thead>"
        f"\n  <tbody>{''.join(rows)}\n  </tbody>\n</table>\n</div>"
    )


@register.simple_tag
def match_list(partners) -> SafeString:
    """A list of recommended partners, each with ``matches``, the number of
    themes it matches on."""
    language = translation.get_language()
    items = []
    # Both lists hold few kinds and few counts: each label translated once.
    kinds: dict[str, str] = {}
    counts: dict[int, str] = {}
    for partner in partners:
        if partner.kind not in kinds:
            kinds[partner.kind] = escape(partner.get_kind_display())
        if partner.matches not in counts:
            counts[partner.matches] = escape(
                ngettext(
                    "%(counter)s matching theme",
                    "%(counter)s matching themes",
                    partner.matches,
                )
                % {"counter": partner.matches}
            )
        meta = kinds[partner.kind]
        if partner.country_id:
            country = shown_text(Country, partner.country, "name", language)
            meta += f" · {escape(country)}"
        matching = counts[partner.matches]
        items.append(
            f'\n    <li>\n      <a href="{escape(partner.get_absolute_url())}"'
            f"{lang_attr_in(partner, 'name', language)}>"
            f"{escape(shown_text(Partner, partner, 'name', language))}</a>"
            f'\n      <span class="matches__meta">{meta} · {matching}</span>'
            "\n    </li>"
        )
    return mark_safe(f'<ul class="matches">{"".join(items)}\n</ul>')  # noqa: S308 - escaped
