"""RSS 2.0 and Atom feeds of the latest resources and activities, per language.

The language comes from the URL (``/ru/feeds/...``, ``/en/feeds/...``); a text
missing in it falls back to the other language (modeltranslation). Items are what
an anonymous visitor may see, read through the same queryset methods as the lists:
never a draft, never a ``staff`` resource, and a ``missions`` resource with its
summary only. Links are absolute, on the same host as the canonical links.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.taxonomy.models import Theme
from programme.models import Activity
from resources.models import Access, Resource

ITEMS = 30
# The columns an item shows; the rest (documents, outcomes...) stays in the table.
SHOWN = ("slug", "published_at", "updated_at", "title", "summary")
RESOURCE_FIELDS = (*SHOWN, "access", "body")
ACTIVITY_FIELDS = (*SHOWN, "start_date", "end_date", "city", "host_country__name")


def with_theme_names(queryset, related_name: str) -> list:
    """The items, each with its themes' names in ``theme_names``, in one query.

    Plain rows, in the themes' order, rather than ``item.themes.all()``:
    prefetching builds a queryset per item and a model per theme, which cost
    more than the query. A name missing in the active language falls back to the
    other's, as modeltranslation's fields do.
    """
    items = list(queryset)
    names: dict[int, list[str]] = {item.pk: [] for item in items}
    active = f"name_{translation.get_language()}"
    other = "name_en" if active == "name_ru" else "name_ru"
    rows = Theme.objects.filter(**{f"{related_name}__in": list(names)}).values_list(
        related_name, active, other
    )
    for pk, name, fallback in rows:
        names[pk].append(name or fallback)
    for item in items:
        item.theme_names = names[item.pk]
    return items


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


class _PortalFeed(Feed):
    """What both feeds share: absolute links, dates, themes as categories."""

    list_url_name = ""
    feed_url_name = ""

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed generator writes the XML in thousands of small pieces; a WSGI
        # server sends each piece with a system call of its own (5 ms of a 15 ms
        # request under gunicorn). Joined, the body goes out at once.
        response.content = response.content
        return response

    def link(self) -> str:
        return absolute(reverse(self.list_url_name))

    def feed_url(self) -> str:
        return absolute(reverse(self.feed_url_name))

    def author_name(self) -> str:
        return _("UN Counter-Terrorism Centre")

    def item_link(self, item) -> str:
        return absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return item.theme_names

    def item_title(self, item) -> str:
        # The feed generator escapes; Django's default would escape twice.
        return item.title


class ResourcesFeed(_PortalFeed):
    list_url_name = "resources:list"
    feed_url_name = "feeds:resources_rss"

    def title(self) -> str:
        return _("New resources · South-South Cooperation in Countering Terrorism")

    def description(self) -> str:
        return _(
            "The latest publications, toolkits, good practices and training "
            "materials of the South-South cooperation programme."
        )

    def items(self):
        resources = (
            Resource.objects.visible_to(AnonymousUser())
            .only(*RESOURCE_FIELDS)
            .order_by("-published_at", "-pk")
        )
        return with_theme_names(resources[:ITEMS], "resources")

    def item_description(self, item) -> str:
        summary = format_html("<p>{}</p>", item.summary) if item.summary else ""
        if item.access != Access.PUBLIC:
            # A ``missions`` resource: its body is for mission members and staff.
            note = format_html(
                "<p>{}</p>",
                _("The full text and documents are open to mission members and staff."),
            )
            return f"{summary}{note}"
        return f"{summary}{item.body or ''}"


class ResourcesAtomFeed(ResourcesFeed):
    feed_type = Atom1Feed
    feed_url_name = "feeds:resources_atom"

    def subtitle(self) -> str:
        return self.description()


class ActivitiesFeed(_PortalFeed):
    list_url_name = "programme:activity_list"
    feed_url_name = "feeds:activities_rss"

    def title(self) -> str:
        return _(
            "Exchange activities · South-South Cooperation in Countering Terrorism"
        )

    def description(self) -> str:
        return _(
            "Training courses, workshops, study visits and expert exchanges of the "
            "South-South cooperation programme, as they are announced."
        )

    def items(self):
        activities = (
            Activity.objects.published()
            .select_related("host_country")
            .only(*ACTIVITY_FIELDS)
            .order_by("-published_at", "-pk")
        )
        return with_theme_names(activities[:ITEMS], "activities")

    def item_description(self, item) -> str:
        dates = date_format(item.start_date)
        if item.end_date != item.start_date:
            dates = f"{dates} – {date_format(item.end_date)}"
        place = ", ".join(
            part
            for part in (item.city, item.host_country.name if item.host_country else "")
            if part
        )
        details = f"{dates} · {place}" if place else dates
        summary = format_html("<p>{}</p>", item.summary) if item.summary else ""
        return f"{summary}{format_html('<p>{}</p>', details)}"


class ActivitiesAtomFeed(ActivitiesFeed):
    feed_type = Atom1Feed
    feed_url_name = "feeds:activities_atom"

    def subtitle(self) -> str:
        return self.description()
