"""The sitemap: every public page in both languages, with hreflang alternates.

``/sitemap.xml`` is an index of one sitemap per section
(``/sitemap-<section>.xml``, paginated with ``?p=`` by Django when large). Items are
what an anonymous visitor may see, through the same queryset methods as the lists:
no drafts, no ``staff`` resources. Addresses use ``SITE_URL``, as the canonical
links of the pages do, and ``x-default`` follows the same rule as the page heads
(``/`` for the home page, the Russian page elsewhere).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import QuerySet, Value
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.timezone import localtime
from django.views.decorators.cache import cache_page

from partners.models import Partner
from portal import facet_counts
from portal.compiled import CompiledCount, CompiledQuery
from portal.pages.models import Page
from portal.request_memo import memoised
from programme.models import Activity, Project
from resources.models import Resource

CACHE_SECONDS = 15 * 60
ANONYMOUS = AnonymousUser()


class _PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    # URLs per page: each carries three alternates, and a page of 5,000 took
    # seconds to render; search engines read the pages in turn.
    limit = 1000

    @property
    def protocol(self) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def x_default_path(self, item) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return self.location(item)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.protocol}://{self.get_domain()}"
        for url in urls:
            item, _language = url["item"]
            url["alternates"].append(
                {"location": base + self.x_default_path(item), "lang_code": "x-default"}
            )
        return urls


class SectionsSitemap(_PortalSitemap):
    """The home page and the landing page of each section."""

    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "home",
            "partners:list",
            "programme:project_list",
            "programme:activity_list",
            "programme:photos",
            "resources:list",
            "figures",
        ]

    def location(self, item: str) -> str:
        return reverse(item)

    def x_default_path(self, item: str) -> str:
        # The bare address follows the browser's language (see root_redirect).
        return "/" if item == "home" else super().x_default_path(item)


class ItemLanguagePairs(Sequence):
    """(item, language) for every item of a queryset, read a page at a time.

    Django's i18n sitemap builds this list whole before paginating it: 200,000
    tuples a request for the library. This sequence counts with one query and
    slices the queryset, so a sitemap page reads only its own rows.
    """

    def __init__(self, queryset, languages: list[str], count: int | None = None):
        self.queryset = queryset
        self.languages = languages
        self._count = count

    def __len__(self) -> int:
        if self._count is None:
            self._count = self.queryset.count()
        return self._count * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per_item = len(self.languages)
        first, last = start // per_item, -(-stop // per_item)
        pairs = [
            (item, code)
            for item in self.queryset[first:last]
            for code in self.languages
        ]
        offset = first * per_item
        return pairs[start - offset : stop - offset]


class _PublishableSitemap(_PortalSitemap):
    model = None
    listing = ""  # the stored facet counts' list, whose total counts the items

    def queryset(self):
        return self.model.objects.visible_to(ANONYMOUS)

    def items(self):
        return self.queryset().only("pk", "slug", "updated_at").order_by("pk")

    @property
    def paginator(self) -> Paginator:
        if self.listing:
            # The index asks three sections: one query for the three.
            totals = memoised("sitemaps:public-totals", facet_counts.public_totals)
            count = totals.get(self.listing)
        else:
            count = VISIBLE_COUNT.count(self.model._meta.label, model=self.model)
        pairs = ItemLanguagePairs(self.items(), self._languages(), count)
        return Paginator(pairs, self.limit)

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The newest row through an index, where Django's default would load
        # every item again (our index view reads all sections' in one query).
        latest = self.queryset().order_by("-updated_at").only("updated_at").first()
        return latest.updated_at if latest else None


class PageSitemap(_PublishableSitemap):
    model = Page


class PartnerSitemap(_PublishableSitemap):
    model = Partner
    listing = "partners"


class ProjectSitemap(_PublishableSitemap):
    model = Project


class ActivitySitemap(_PublishableSitemap):
    model = Activity
    listing = "activities"


class ResourceSitemap(_PublishableSitemap):
    """Public and ``missions`` resources (the latter show their summary to all)."""

    model = Resource
    listing = "resources"


SITEMAPS = {
    "sections": SectionsSitemap,
    "pages": PageSitemap,
    "partners": PartnerSitemap,
    "projects": ProjectSitemap,
    "activities": ActivitySitemap,
    "resources": ResourceSitemap,
}


def _newest_of_each_section() -> list[QuerySet]:
    return [
        sitemap()
        .queryset()
        .order_by("-updated_at")
        .annotate(section=Value(name))
        .values_list("section", "updated_at")[:1]
        for name, sitemap in SITEMAPS.items()
        if issubclass(sitemap, _PublishableSitemap)
    ]


# The index's reads, compiled once per process: building the sections'
# querysets cost more than running them.
NEWEST_OF_EACH_SECTION = CompiledQuery(_newest_of_each_section)
VISIBLE_COUNT = CompiledCount(lambda *, model: model.objects.visible_to(ANONYMOUS))


def latest_updates() -> dict[str, datetime.datetime]:
    """Each publishable section's newest change, in one query: the newest row of
    each, through its index, in a UNION ALL."""
    return dict(NEWEST_OF_EACH_SECTION.rows(None))


INDEX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


@cache_page(CACHE_SECONDS)
@sitemap_views.x_robots_tag
def index(request):
    """The index: every section's sitemap and its pages, what Django's index view
    writes, built here.

    Django's view asks each section for its newest change (a query each) and
    renders some two hundred entries through a template that formats the same
    few dates again for each. Addresses use SITE_URL's host, not the request's.
    """
    base = settings.SITE_URL.rstrip("/")
    sitemaps = {name: sitemap() for name, sitemap in SITEMAPS.items()}
    latest = latest_updates()
    entries = []
    for name, sitemap in sitemaps.items():
        location = escape(base + reverse("sitemap_section", kwargs={"section": name}))
        lastmod = latest.get(name)
        tag = f"<lastmod>{localtime(lastmod).isoformat()}</lastmod>" if lastmod else ""
        entries.append(f"<sitemap><loc>{location}</loc>{tag}</sitemap>")
        entries += (
            f"<sitemap><loc>{location}?p={page}</loc>{tag}</sitemap>"
            for page in range(2, sitemap.paginator.num_pages + 1)
        )
    headers = {}
    if all(latest.get(name) for name in sitemaps):
        # As Django's: lets ConditionalGetMiddleware answer 304 Not Modified.
        headers["Last-Modified"] = http_date(max(latest.values()).timestamp())
    body = f"{INDEX_HEAD}{''.join(entries)}\n</sitemapindex>\n"
    return HttpResponse(body, content_type="application/xml", headers=headers)


@cache_page(CACHE_SECONDS)
def section(request, section: str):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)
