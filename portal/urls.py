from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from portal import feeds, sitemaps, views
from portal.cache import for_visitors
from portal.workflow.translation_status import translation_status

feed_patterns = (
    [
        # Feed readers poll: what a visitor gets is the same for every visitor.
        path(
            "resources.rss", for_visitors(feeds.ResourcesFeed()), name="resources_rss"
        ),
        path(
            "resources.atom",
            for_visitors(feeds.ResourcesAtomFeed()),
            name="resources_atom",
        ),
        path(
            "activities.rss",
            for_visitors(feeds.ActivitiesFeed()),
            name="activities_rss",
        ),
        path(
            "activities.atom",
            for_visitors(feeds.ActivitiesAtomFeed()),
            name="activities_atom",
        ),
    ],
    "feeds",
)

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap_section"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/translations/", translation_status, name="translation_status"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", for_visitors(views.home), name="home"),
    path("", include("portal.pages.urls")),
    path("partners/", include("partners.urls")),
    path("programme/", include("programme.urls")),
    path("resources/", include("resources.urls")),
    path("accounts/", include("portal.accounts.urls")),
    path("figures/", for_visitors(views.figures_page), name="figures"),
    path("figures/<slug:chart>.csv", views.figures_csv, name="figures_csv"),
    path("feeds/", include(feed_patterns)),
    path("search/", include("portal.search.urls")),
    path("subscribe/", include("portal.notifications.urls")),
    path("proposals/", include("portal.proposals.urls")),
    path("preview/", include("portal.preview")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
