"""Values worth computing once per request, such as the taxonomy's choice lists.

A list page asks for the same choices several times (its filter form validates
against them, its facets label with them); without a memo each ask is a cache
round trip, or a query when the cache is off. The memo lives in a context
variable that ``RequestMemoMiddleware`` opens and closes around each request,
so nothing outlives the request. Outside a request (a task, a shell) nothing is
memoised.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("portal_request_memo", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def memoised(key: str, build: Callable[[], T]) -> T:
    """``build()`` once per request for ``key``; every time outside a request."""
    memo = _memo.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


def forget(prefix: str) -> None:
    """Drop this request's memoised values whose key starts with ``prefix``."""
    memo = _memo.get()
    if memo:
        for key in [key for key in memo if key.startswith(prefix)]:
            del memo[key]
