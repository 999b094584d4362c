"""What the browser tests share: a page in a visitor's language, a signed-in
browser, and axe's serious findings."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

LOCALES = {"ru": "ru-RU", "en": "en-US"}
SERIOUS = ("serious", "critical")


def new_context(browser, lang: str):
    """A desktop-sized browser context whose language is ``lang``."""
    return browser.new_context(
        locale=LOCALES[lang], viewport={"width": 1280, "height": 900}
    )


def new_page(browser, lang: str):
    context = new_context(browser, lang)
    return context, context.new_page()


def sign_in(context, live_server, user) -> None:
    """Hand the browser the session of a test client signed in as ``user`` (no
    login form to drive)."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def signed_in(browser, live_server, user, lang: str):
    """A browser context in ``lang`` carrying ``user``'s session."""
    context = new_context(browser, lang)
    sign_in(context, live_server, user)
    return context


def serious(results) -> list:
    """The serious and critical violations of an axe run."""
    return [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def serious_violations(page):
    """Run axe on ``page``: its serious violations, and the whole result."""
    results = Axe().run(page)
    return serious(results), results
