"""Whole-page caching for anonymous visitors, dropped the moment content changes.

Django's cache middleware does the work; we add two rules to it:
- only requests without a session are served from or stored in the cache, so a
  page rendered for a signed-in member never reaches a visitor (and vice versa);
- the key prefix carries a content version that every save or delete of content
  bumps (see ``signals.py``), so a publication shows up at once.
Browsers are told to revalidate: the shared cache is ours, not theirs.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.middleware.cache import CacheMiddleware
from django.utils.decorators import decorator_from_middleware_with_args

CONTENT_VERSION_KEY = "portal:content-version"
VISITOR_PAGE_SECONDS = 300


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        # A time-based start, so a cache flush never brings an old version back.
        version = time.time_ns()
        cache.add(CONTENT_VERSION_KEY, version, None)
        version = cache.get(CONTENT_VERSION_KEY, version)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(CONTENT_VERSION_KEY, time.time_ns(), None)


class VisitorPageCacheMiddleware(CacheMiddleware):
    def __init__(self, get_response, **kwargs):
        self._base_prefix = ""
        super().__init__(get_response, **kwargs)

    @property
    def key_prefix(self) -> str:
        return f"{self._base_prefix}visitor:{content_version()}"

    @key_prefix.setter
    def key_prefix(self, value: str) -> None:
        self._base_prefix = value or ""

    def process_request(self, request):
        if (
            not settings.VISITOR_PAGE_CACHE
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            request._cache_update_cache = False
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request._cache_update_cache = False
        response = super().process_response(request, response)
        if response.has_header("Expires"):
            # Stored in our cache: browsers and proxies must ask again each time.
            response["Cache-Control"] = "no-cache"
            del response["Expires"]
        return response


cache_for_visitors = decorator_from_middleware_with_args(VisitorPageCacheMiddleware)


def for_visitors(view):
    """Wrap a view (in a URLconf) so anonymous visitors get it from the page cache."""
    return cache_for_visitors(page_timeout=VISITOR_PAGE_SECONDS)(view)
