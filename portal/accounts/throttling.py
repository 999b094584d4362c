"""Hooks for django-axes, the login throttle (settings name them by dotted path)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def normalised_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The e-mail as the throttle counts it.

    Sign-in matches e-mail case-insensitively, so the counter must too: otherwise
    "A@x.org", "a@X.org"... would each get their own five tries.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get(field)
    if not isinstance(username, str):
        return None
    return username.strip().lower()


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The page a locked-out sign-in gets, the same whether or not the account exists.

    Nothing from the request (not even the e-mail typed) goes into it.
    """
    cool_off = settings.AXES_COOLOFF_TIME
    response = render(
        request,
        "accounts/locked_out.html",
        {"cool_off_minutes": int(cool_off.total_seconds() // 60)},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    add_never_cache_headers(response)
    return response
