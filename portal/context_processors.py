from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from portal.pages.models import Page
from portal.templatetags.portal_tags import shown_language

MENU_CACHE_SECONDS = 300
MENU_UNUSED = ("summary", "summary_ru", "summary_en", "body", "body_ru", "body_en")


def site(request):
    """What the base template needs on every page: menu pages, languages, site URL."""
    language = translation.get_language()
    key = f"portal:menu-pages:{language}"
    menu_pages = cache.get(key)
    if menu_pages is None:
        menu_pages = [
            {
                "slug": page.slug,
                "title": page.title,
                "lang": shown_language(page, "title"),
                "url": page.get_absolute_url(),
            }
            # Titles only: the bodies are long and this runs on every page.
            for page in Page.objects.in_menu().defer(*MENU_UNUSED)
        ]
        cache.set(key, menu_pages, MENU_CACHE_SECONDS)
    return {
        "menu_pages": menu_pages,
        "SITE_URL": settings.SITE_URL,
    }
