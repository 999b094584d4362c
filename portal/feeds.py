"""RSS 2.0 and Atom feeds of the latest resources and activities, per language.

The language comes from the URL (``/ru/feeds/...``, ``/en/feeds/...``); a text
missing in it falls back to the other language (modeltranslation). Items are what
an anonymous visitor may see, read through the same queryset methods as the lists:
never a draft, never a ``staff`` resource, and a ``missions`` resource with its
summary only. Links are absolute, on the same host as the canonical links.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.compiled import CompiledQuery, one_of
from portal.links import slug_url
from programme.models import Activity
from resources.models import Access, Resource

ITEMS = 30
CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(slots=True)
class FeedItem:
    """What a feed says of one resource or activity."""

    pk: int
    link: str
    title: str
    description: str
    published_at: datetime.datetime
    updated_at: datetime.datetime
    categories: list[str]


def _columns(*fields: str) -> list[str]:
    return [f"{field}_{code}" for field in fields for code in CODES]


def _shown(row: dict, field: str, language: str) -> str:
    """``field`` in ``language``, else in the other language (modeltranslation's
    fallback for these models), else empty."""
    order = (language, *(code for code in CODES if code != language))
    return next(
        (row[f"{field}_{code}"] for code in order if row[f"{field}_{code}"]), ""
    )


# The newest thirty a visitor may see, as the lists read them; their themes.
RESOURCE_COLUMNS = (
    "pk",
    "slug",
    "published_at",
    "updated_at",
    "access",
    *_columns("title", "summary", "body"),
)
RESOURCE_ROWS = CompiledQuery(
    lambda: (
        Resource.objects.visible_to(AnonymousUser())
        .order_by("-published_at", "-pk")
        .values_list(*RESOURCE_COLUMNS)[:ITEMS]
    )
)
ACTIVITY_COLUMNS = (
    "pk",
    "slug",
    "published_at",
    "updated_at",
    "start_date",
    "end_date",
    *_columns("title", "summary", "city", "host_country__name"),
)
ACTIVITY_ROWS = CompiledQuery(
    lambda: (
        Activity.objects.published()
        .order_by("-published_at", "-pk")
        .values_list(*ACTIVITY_COLUMNS)[:ITEMS]
    )
)


def _themes_of(model) -> CompiledQuery:
    """The names of the themes of ``model`` items (``items``: their ids), in the
    themes' order."""
    owner = f"{model._meta.model_name}_id"
    return CompiledQuery(
        lambda *, items: (
            model.themes.through.objects.filter(one_of(owner, items))
            .order_by("theme__order", "theme__slug")
            .values_list(owner, *(f"theme__name_{code}" for code in CODES))
        ),
        params=("items",),
    )


RESOURCE_THEMES = _themes_of(Resource)
ACTIVITY_THEMES = _themes_of(Activity)


def _rows(query: CompiledQuery, columns: tuple[str, ...]) -> list[dict]:
    return [dict(zip(columns, row, strict=True)) for row in query.rows(None)]


def _theme_names(query: CompiledQuery, items: list[FeedItem], language: str) -> None:
    """Each item's themes' names, in the themes' order, as its ``categories``."""
    by_pk = {item.pk: item for item in items}
    names = [f"name_{code}" for code in CODES]
    for pk, *localised in query.rows(None, items=list(by_pk)):
        by_pk[pk].categories.append(
            _shown(dict(zip(names, localised, strict=True)), "name", language)
        )


@functools.lru_cache(maxsize=1024)
def _day(day: datetime.date, language: str) -> str:
    # A feed writes sixty dates in words, tens of microseconds each, and the same
    # ones on every request (``language`` keys the cache).
    return date_format(day)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _item(row: dict, viewname: str, language: str, description: str) -> FeedItem:
    return FeedItem(
        pk=row["pk"],
        link=absolute(slug_url(viewname, row["slug"])),
        title=_shown(row, "title", language),
        description=description,
        published_at=row["published_at"],
        updated_at=row["updated_at"],
        categories=[],
    )


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

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_pubdate(self, item: FeedItem):
        return item.published_at

    def item_updateddate(self, item: FeedItem):
        return item.updated_at

    def item_categories(self, item: FeedItem) -> list[str]:
        return item.categories

    def item_title(self, item: FeedItem) -> str:
        # The feed generator escapes; Django's default would escape twice.
        return item.title

    def item_description(self, item: FeedItem) -> str:
        return item.description


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

    def items(self) -> list[FeedItem]:
        language = translation.get_language()
        missions_note = _(
            "The full text and documents are open to mission members and staff."
        )
        items = []
        for row in _rows(RESOURCE_ROWS, RESOURCE_COLUMNS):
            summary = _shown(row, "summary", language)
            description = f"<p>{escape(summary)}</p>" if summary else ""
            if row["access"] != Access.PUBLIC:
                # A ``missions`` resource: its body is for mission members and staff.
                description += f"<p>{escape(missions_note)}</p>"
            else:
                description += _shown(row, "body", language)
            items.append(_item(row, "resources:detail", language, description))
        _theme_names(RESOURCE_THEMES, items, language)
        return items


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

    def items(self) -> list[FeedItem]:
        language = translation.get_language()
        items = []
        for row in _rows(ACTIVITY_ROWS, ACTIVITY_COLUMNS):
            dates = _day(row["start_date"], language)
            if row["end_date"] != row["start_date"]:
                dates = f"{dates} – {_day(row['end_date'], language)}"
            place = ", ".join(
                part
                for part in (
                    _shown(row, "city", language),
                    _shown(row, "host_country__name", language),
                )
                if part
            )
            details = f"{dates} · {place}" if place else dates
            summary = _shown(row, "summary", language)
            description = f"<p>{escape(summary)}</p>" if summary else ""
            description += f"<p>{escape(details)}</p>"
            items.append(_item(row, "programme:activity_detail", language, description))
        _theme_names(ACTIVITY_THEMES, items, language)
        return items


class ActivitiesAtomFeed(ActivitiesFeed):
    feed_type = Atom1Feed
    feed_url_name = "feeds:activities_atom"

    def subtitle(self) -> str:
        return self.description()
