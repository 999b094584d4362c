"""The pages the bench measures, with real slugs from the bench database.

Addresses follow DESIGN.md. A page whose view does not exist yet answers 404 and
is reported "n/a"; the bench never fails for it. Detail pages take the busiest
published object (the partner with most exchanges, the project with most
activities, ...): the page visitors open most is also the heaviest one.
Each page's SQL queries are counted in-process, on the bench database, with the
same settings as the server.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from partners.models import Partner
from portal.taxonomy.models import Theme
from programme.models import Activity, Project
from resources.models import Access, Resource

YARDSTICK, LIST, DETAIL, OTHER = "yardstick", "list", "detail", "other"


@dataclass
class Page:
    name: str
    path: str | None  # None: nothing in the database to show
    kind: str
    status: int | None = None  # in-process answer to an anonymous GET
    queries: dict[str, int] = field(default_factory=dict)  # per cache configuration

    @property
    def available(self) -> bool:
        return self.path is not None and self.status == 200


def _slug(queryset) -> str | None:
    obj = queryset.only("slug").first()
    return obj.slug if obj else None


def busiest_objects() -> dict[str, str | None]:
    """Slugs of the detail pages to measure, and a theme and kind for the filters."""
    anonymous = AnonymousUser()
    published = {
        "partner": Partner.objects.published()
        .annotate(n=Count("activities_provided", distinct=True))
        .order_by("-n", "pk"),
        "project": Project.objects.published()
        .annotate(n=Count("activities"))
        .order_by("-n", "pk"),
        "activity": Activity.objects.published()
        .annotate(n=Count("resources"))
        .order_by("-n", "pk"),
        "resource": Resource.objects.visible_to(anonymous)
        .filter(access=Access.PUBLIC)
        .annotate(n=Count("activities"))
        .order_by("-n", "pk"),
    }
    slugs = {name: _slug(queryset) for name, queryset in published.items()}
    theme = Theme.objects.annotate(n=Count("resources")).order_by("-n", "pk").first()
    slugs["theme"] = theme.slug if theme else None
    return slugs


def bench_pages(lang: str = "ru") -> list[Page]:
    s = busiest_objects()
    p = f"/{lang}"

    def at(template: str, *needs: str) -> str | None:
        if any(s[name] is None for name in needs):
            return None
        return template.format(**s)

    return [
        Page("trivial view", "/bench/trivial/", YARDSTICK),
        Page("home", f"{p}/", LIST),
        Page("partners", f"{p}/partners/", LIST),
        Page("partner", at(p + "/partners/{partner}/", "partner"), DETAIL),
        Page(
            "partners expertise",
            at(p + "/partners/expertise/?theme={theme}", "theme"),
            LIST,
        ),
        Page("projects", f"{p}/programme/", LIST),
        Page("project", at(p + "/programme/projects/{project}/", "project"), DETAIL),
        Page("activities", f"{p}/programme/activities/", LIST),
        Page(
            "activity",
            at(p + "/programme/activities/{activity}/", "activity"),
            DETAIL,
        ),
        Page("calendar", f"{p}/programme/calendar/", LIST),
        Page("activities.ics", f"{p}/programme/activities.ics", OTHER),
        Page("photos", f"{p}/programme/photos/", LIST),
        Page("resources", f"{p}/resources/", LIST),
        Page(
            "resources filtered",
            at(p + "/resources/?theme={theme}&kind=publication", "theme"),
            LIST,
        ),
        Page("resources page 1000", f"{p}/resources/?page=1000", LIST),
        Page("resource", at(p + "/resources/{resource}/", "resource"), DETAIL),
        Page("figures", f"{p}/figures/", OTHER),
        Page("feed resources.rss", f"{p}/feeds/resources.rss", OTHER),
        Page("feed activities.atom", f"{p}/feeds/activities.atom", OTHER),
        Page("sitemap.xml", "/sitemap.xml", OTHER),
    ]


def select(pages: list[Page], patterns: list[str]) -> list[Page]:
    """Pages whose name contains any pattern; the yardstick always stays."""
    if not patterns:
        return pages
    return [
        page
        for page in pages
        if page.kind == YARDSTICK
        or any(pattern.lower() in page.name.lower() for pattern in patterns)
    ]


def count_queries(pages: list[Page], *, caches: dict[str, dict]) -> None:
    """Status and SQL queries of one anonymous GET of each page, per cache setting.

    For a cache configuration the page is requested twice and the second request
    counted: what a visitor gets once the cache holds the page's pieces.
    """
    client = Client(raise_request_exception=False)
    for config, cache_settings in caches.items():
        with override_settings(CACHES=cache_settings):
            for page in pages:
                if page.path is None:
                    continue
                client.get(page.path)
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(page.path)
                page.queries[config] = len(queries)
                if page.status is None:
                    page.status = response.status_code
