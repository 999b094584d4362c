from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from portal.pages.models import menu_entries
from portal.pages.signals import menu_cache_key

MENU_CACHE_SECONDS = 300


def site(request):
    """What the base template needs on every page: menu pages, languages, site URL."""
    key = menu_cache_key(translation.get_language())
    menu_pages = cache.get(key)
    if menu_pages is None:
        menu_pages = menu_entries()
        cache.set(key, menu_pages, MENU_CACHE_SECONDS)
    return {
        "menu_pages": menu_pages,
        "SITE_URL": settings.SITE_URL,
    }
