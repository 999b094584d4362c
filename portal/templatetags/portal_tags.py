"""Template helpers of the site shell: languages, fallbacks, breadcrumbs, pagination."""

from __future__ import annotations

import functools
import html
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal.accounts.models import can_see_restricted

register = template.Library()

# The main navigation: section -> (URL namespace below it, URL name of its own page).
SECTIONS = {
    "partners": ("partners", "list"),
    "programme": ("programme", "project_list"),
    "resources": ("resources", "list"),
    "about": ("pages", "about"),
}


def _other_home(code: str) -> str:
    with translation.override(code):
        return reverse("home")


def _paths_by_language(request) -> dict[str, str | None]:
    """This page's path in each language, None where it has no counterpart.

    Reversed from the request's own resolver match, once per request: the
    language switcher and the hreflang links both need it, and resolving the
    path again for each language (``translate_url``) cost a resolve per link.
    """
    paths = getattr(request, "_portal_paths_by_language", None)
    if paths is not None:
        return paths
    match = getattr(request, "resolver_match", None)
    current = translation.get_language()
    paths = {}
    for code, _name in settings.LANGUAGES:
        path = request.path if code == current else None
        if match is not None and match.url_name and code != current:
            with translation.override(code):
                try:
                    path = reverse(
                        match.view_name, args=match.args, kwargs=match.kwargs
                    )
                except NoReverseMatch:
                    path = None
            if path == request.path:  # not a language-prefixed page
                path = None
        paths[code] = path
    request._portal_paths_by_language = paths
    return paths


def _alternate_url(request, code: str, query: str = "") -> str:
    """The same page in language ``code`` (with ``query``); else that language's home."""
    path = _paths_by_language(request)[code]
    if path is None:
        return _other_home(code)
    return f"{path}?{query}" if query else path


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One entry per language: code, autonym and this page's URL in that language.

    The query string is kept, so a filtered list stays filtered after the switch.
    """
    request = context.get("request")
    current = translation.get_language()
    query = iri_to_uri(request.META.get("QUERY_STRING", "")) if request else ""
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": _alternate_url(request, code, query) if request else "/",
                "current": code == current,
            }
        )
    return links


def _canonical_query(request) -> str:
    """No query string, except a page number past the first."""
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        return f"page={page}"
    return ""


def _canonical_path(request) -> str:
    query = _canonical_query(request)
    return f"{request.path}?{query}" if query else request.path


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    request = context.get("request")
    if request is None:
        return ""
    return settings.SITE_URL.rstrip("/") + _canonical_path(request)


@register.simple_tag(takes_context=True)
def hreflang_alternates(context) -> list[dict]:
    """Absolute URLs of this page in each language, plus ``x-default``.

    ``x-default`` is ``/`` (which follows the browser's language) on the home
    page and the Russian version, the default language, elsewhere.
    """
    request = context.get("request")
    if request is None:
        return []
    base = settings.SITE_URL.rstrip("/")
    query = _canonical_query(request)
    alternates = [
        {"hreflang": code, "url": base + _alternate_url(request, code, query)}
        for code, _name in settings.LANGUAGES
    ]
    default = _alternate_url(request, settings.LANGUAGE_CODE, query)
    if default == _other_home(settings.LANGUAGE_CODE):
        default = "/"
    alternates.append({"hreflang": "x-default", "url": base + default})
    return alternates


@register.simple_tag(takes_context=True)
def aria_current(context, section: str) -> SafeString:
    """`` aria-current`` for a main-navigation link: ``page`` on the section's own
    page, ``true`` anywhere below it, nothing elsewhere."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    namespace, landing = SECTIONS[section]
    if match is None or match.namespace != namespace:
        return mark_safe("")  # noqa: S308 - a constant
    value = "page" if match.url_name == landing else "true"
    return format_html(' aria-current="{}"', value)


NO_ATTRIBUTE = mark_safe("")  # noqa: S308 - a constant


def _field(obj, field: str) -> str:
    """Partners have a ``name`` where other items have a ``title``."""
    if field == "title" and not hasattr(obj, "title_ru") and hasattr(obj, "name_ru"):
        return "name"
    return field


def shown_language(obj, field: str) -> str:
    """The language in which ``obj.<field>`` is actually shown (after fallback)."""
    current = translation.get_language()
    field = _field(obj, field)
    if (getattr(obj, f"{field}_{current}", "") or "").strip():
        return current
    for code, _name in settings.LANGUAGES:
        if (getattr(obj, f"{field}_{code}", "") or "").strip():
            return code
    return current


def lang_attr_in(obj, field: str, language: str) -> SafeString:
    """``lang_attr`` on a page in ``language``: a list names dozens of items,
    and passes the page's language once rather than reading it for each.

    The common case (the field is filled in that language) returns after one
    attribute read.
    """
    if obj is None:
        return NO_ATTRIBUTE
    value = getattr(obj, f"{field}_{language}", None)
    if value is not None and value.strip():
        return NO_ATTRIBUTE
    field = _field(obj, field)
    if not hasattr(obj, f"{field}_{settings.LANGUAGE_CODE}"):
        return NO_ATTRIBUTE
    code = shown_language(obj, field)
    if code == language:
        return NO_ATTRIBUTE
    return format_html(' lang="{}"', code)


@register.simple_tag
def lang_attr(obj, field: str = "title") -> SafeString:
    """`` lang="xx"`` when the field is shown in another language than the page's."""
    return lang_attr_in(obj, field, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _time_element(day, language: str) -> SafeString:
    # Formatting a date in words costs tens of microseconds, and a calendar or a
    # ledger page repeats the same few dozen days (``language`` keys the cache).
    return format_html(
        '<time datetime="{}">{}</time>', day.isoformat(), date_format(day)
    )


@register.simple_tag
def date_range(start, end, language: str | None = None) -> SafeString:
    """``<time>`` elements for one day or a range (for every card of a list).

    A list's cards give their ``language``, read once for the list: reading the
    active language costs a microsecond or two each time."""
    if not start:
        return NO_ATTRIBUTE
    language = language or translation.get_language()
    first = _time_element(start, language)
    if end and end != start:
        # Both elements are safe (built by format_html and kept): joined as they
        # are, without format_html's checks, for every card of a list.
        return SafeString(f"{first} – {_time_element(end, language)}")
    return first


@register.inclusion_tag("includes/fallback_notice.html")
def fallback_notice(obj) -> dict:
    """A notice when the visitor's language is missing and the other one is shown."""
    current = translation.get_language()
    complete = obj.complete_languages() if obj is not None else []
    if not complete or current in complete:
        return {"message": ""}
    shown = complete[0]
    messages = {
        ("en", "ru"): _(
            "This page is not yet available in English; it is shown in Russian."
        ),
        ("ru", "en"): _(
            "This page is not yet available in Russian; it is shown in English."
        ),
    }
    return {"message": messages.get((current, shown), "")}


def language_badge_context(codes: list[str]) -> dict:
    """What includes/language_badge.html needs for these language codes."""
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


@functools.lru_cache(maxsize=64)
def _rendered_language_badge(codes: tuple[str, ...], language: str) -> SafeString:
    # A list repeats the same three badges twenty times: render each once per
    # language (``language`` keys the cache; the template is the only markup).
    return mark_safe(  # noqa: S308 - rendered by the template engine
        render_to_string(
            "includes/language_badge.html", language_badge_context(list(codes))
        )
    )


def render_language_badge(codes, language: str | None = None) -> SafeString:
    """includes/language_badge.html for these language codes, in ``language``
    (by default the active one)."""
    language = language or translation.get_language() or ""
    return _rendered_language_badge(tuple(codes), language)


@register.simple_tag
def language_badge(obj) -> SafeString:
    """RU / EN / RU+EN: the languages in which an item is complete."""
    return render_language_badge(obj.complete_languages())


# --- Shared parts of the cards that tags build in Python -------------------------


def summary_words(text: str, count: int) -> str:
    """``Truncator(text).words(count, truncate=" …")``, without building a
    Truncator (a lazy object) for the common summary that is short enough."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return Truncator(text).words(count, truncate=" …")


CARD_HEADINGS = ("h2", "h3", "h4")


def card_heading(heading) -> str:
    """A card's heading element: ``h2`` unless the page nests cards deeper."""
    return heading if heading in CARD_HEADINGS else "h2"


def draft_badge(item) -> str:
    """`` <span class="badge badge--draft">Status</span>`` for an unpublished item
    (only staff see those), else nothing."""
    if item.is_published:
        return ""
    status = html.escape(str(item.get_status_display()))
    return f' <span class="badge badge--draft">{status}</span>'


@register.simple_tag
def breadcrumbs(*trail, current=None) -> SafeString:
    """Home, then (URL name, title) pairs, then the current page.

    ``{% breadcrumbs "programme:activity_list" _("Activities") current=object %}``;
    ``current`` is a string or a translated model instance (its title is used, with
    a ``lang`` attribute when it is shown in the other language).
    """
    if len(trail) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes (url name, title) pairs")
    items = [(reverse("home"), _("Home"))]
    for url_name, title in zip(trail[::2], trail[1::2], strict=True):
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            url = ""
        items.append((url, title))
    links = format_html_join(
        "",
        "<li>{}</li>",
        (
            (format_html('<a href="{}">{}</a>', url, title) if url else title,)
            for url, title in items
        ),
    )
    last = NO_ATTRIBUTE
    if current:
        lang = NO_ATTRIBUTE
        if hasattr(current, "complete_languages"):
            code = shown_language(current, "title")
            if code != translation.get_language():
                lang = format_html(' lang="{}"', code)
            current = current.title
        last = format_html(
            '<li><span aria-current="page"{}>{}</span></li>',
            lang,
            Truncator(current).chars(80),
        )
    return format_html(
        '<nav class="breadcrumbs" aria-label="{}"><ol>{}{}</ol></nav>',
        _("Breadcrumb"),
        links,
        last,
    )


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    """This page's URL with ``page`` set to ``number``, keeping the other parameters."""
    request = context["request"]
    query = request.GET.copy()
    if int(number) == 1:
        query.pop("page", None)
    else:
        query["page"] = number
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


@register.filter
def visible_to(related, user):
    """Only what ``user`` may see of a related manager (``object.partners``)."""
    return related.visible_to(user)


@register.filter
def is_visible_to(obj, user) -> bool:
    """May ``user`` follow a link to this single related item?"""
    if obj is None:
        return False
    return type(obj).objects.visible_to(user).filter(pk=obj.pk).exists()


def _page_urls(request):
    """``url(number)``: this page's URL at page ``number``, the other parameters
    kept in place (what ``page_url`` gives), encoded once for all the links."""
    before, after, seen_page = [], [], False
    for key, values in request.GET.lists():
        if key == "page":
            seen_page = True
        else:
            (after if seen_page else before).append((key, values))
    encoded = [urlencode(part, doseq=True) if part else "" for part in (before, after)]

    def url(number: int) -> str:
        page = "" if number == 1 else f"page={number}"
        query = "&".join(part for part in (encoded[0], page, encoded[1]) if part)
        return f"{request.path}?{query}" if query else request.path

    return url


@register.simple_tag(takes_context=True)
def pagination(context) -> SafeString:
    """Page links of a ListView page, built in Python (every list page has them);
    nothing when the list fits on one page."""
    page_obj = context.get("page_obj")
    paginator = context.get("paginator")
    if page_obj is None or not paginator.count or paginator.num_pages <= 1:
        return NO_ATTRIBUTE
    url = _page_urls(context["request"])
    items = []
    if page_obj.has_previous():
        items.append(
            format_html(
                '<li><a href="{}" rel="prev">{}</a></li>',
                url(page_obj.previous_page_number()),
                _("Previous"),
            )
        )
    for number in paginator.get_elided_page_range(
        page_obj.number, on_each_side=2, on_ends=1
    ):
        if number == paginator.ELLIPSIS:
            items.append('<li><span class="pagination__gap">…</span></li>')
        elif number == page_obj.number:
            items.append(
                format_html(
                    '<li><a href="{}" aria-current="page">{}</a></li>',
                    url(number),
                    number,
                )
            )
        else:
            items.append(
                format_html('<li><a href="{}">{}</a></li>', url(number), number)
            )
    if page_obj.has_next():
        items.append(
            format_html(
                '<li><a href="{}" rel="next">{}</a></li>',
                url(page_obj.next_page_number()),
                _("Next"),
            )
        )
    status = _("Page %(number)s of %(pages)s") % {
        "number": page_obj.number,
        "pages": paginator.num_pages,
    }
    return format_html(
        '<nav class="pagination" aria-label="{}">'
        '<p class="pagination__status">{}</p><ul>{}</ul></nav>',
        _("Pages"),
        status,
        mark_safe("".join(items)),  # noqa: S308 - each item escaped above
    )


@register.filter(name="can_see_restricted")
def can_see_restricted_filter(user) -> bool:
    """Mission members and staff: focal points and ``missions`` resources."""
    return can_see_restricted(user)


@register.filter
def listing(queryset):
    """The queryset with what its cards show (``with_listing_data``) fetched along."""
    return queryset.with_listing_data()


@register.simple_tag
def facet_options(facet) -> SafeString:
    """The inputs of one facet, built in Python.

    A facet can hold two hundred options (countries, years, partners); rendered
    through the template engine, or even ``format_html`` per option, they cost
    more than the rest of the page. Every value is escaped with ``html.escape``.
    """
    kind = "checkbox" if facet.multiple else "radio"
    name = html.escape(str(facet.name))
    return mark_safe(  # noqa: S308 - every interpolated value is escaped
        "\n".join(
            # No classes: the panel repeats this hundreds of times (see
            # ``.facet label`` in portal.css for the label and the count).
            f'<label><input type="{kind}" name="{name}"'
            f' value="{html.escape(str(option.value))}"'
            f"{' checked' if option.selected else ''}>"
            f" <span>{html.escape(str(option.label))}</span>"
            f" <span>{int(option.count)}</span></label>"
            for option in facet.options
        )
    )


@register.simple_tag
def facet_fieldsets(facets) -> SafeString:
    """One ``<fieldset>`` per facet of a list's panel, with its options (a list
    page has ten: through the engine, their tags cost more than the options)."""
    empty = html.escape(_("No options for the current selection."))
    return mark_safe(  # noqa: S308 - every interpolated value is escaped
        "".join(
            f'<fieldset class="facet"><legend>{html.escape(str(facet.label))}'
            "</legend>"
            + (
                facet_options(facet)
                if facet.options
                else f'<p class="facet__empty">{empty}</p>'
            )
            + "</fieldset>\n"
            for facet in facets
        )
    )
