"""Fixed-window rate limits kept in the cache (Redis in production).

Used where a form sends mail to an address typed by anyone: subscribing and
asking for a password reset. Keys hold a digest, never the address or the IP in
clear, so a cache dump reveals neither.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

HOUR = 60 * 60


def key(scope: str, value: str) -> str:
    """The cache key of ``value``'s counter in ``scope``."""
    return f"throttle:{scope}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def over_limit(scope: str, value: str, limit: int, *, window: int = HOUR) -> bool:
    """Count one more hit of ``value`` in ``scope``; True once past ``limit``."""
    key_ = key(scope, value)
    cache.add(key_, 0, window)
    try:
        count = cache.incr(key_)
    except ValueError:  # expired between add and incr
        cache.set(key_, 1, window)
        count = 1
    return count > limit
