"""The search page in a real browser: axe, and suggestions driven by the keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connection

from resources.models import Access
from tests import factories
from tests.conftest import need

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(transactional_db):
    need(connection.vendor == "postgresql", "search needs PostgreSQL (DATABASE_URL)")
    theme = factories.ThemeFactory(
        slug="financing", name_en="Financing", name_ru="Финансирование"
    )
    for n in range(3):
        resource = factories.ResourceFactory(
            slug=f"financing-{n}",
            title_ru=f"Финансирование терроризма, часть {n}",
            title_en=f"Financing of terrorism, part {n}",
            summary_en="Where the money comes from and how to follow it.",
            summary_ru="Откуда берутся деньги и как их отследить.",
        )
        resource.themes.add(theme)
    factories.ResourceFactory(
        slug="financing-missions",
        title_en="Financing typologies for missions",
        access=Access.MISSIONS,
    )
    factories.ActivityFactory(title_en="Workshop on terrorist financing")


def _page(browser, locale, **options):
    context = browser.new_context(
        locale=locale, viewport={"width": 1280, "height": 900}, **options
    )
    return context, context.new_page()


@pytest.mark.parametrize(
    "path",
    [
        "/en/search/",
        "/en/search/?q=financing",
        "/ru/search/?q=финансирования",
        "/en/search/?q=financing&type=resource&theme=financing",
        "/en/search/?q=terorism",
        "/en/search/?q=zzzz",
    ],
)
def test_search_pages_have_no_serious_accessibility_violations(
    chromium_path, browser, live_server, content, path
):
    context, page = _page(browser, "ru-RU" if path.startswith("/ru/") else "en-US")
    try:
        page.goto(f"{live_server.url}{path}")
        results = Axe().run(page)
    finally:
        context.close()
    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], results.generate_report()


def test_suggestions_with_the_keyboard(chromium_path, browser, live_server, content):
    context, page = _page(browser, "en-US")
    try:
        page.goto(f"{live_server.url}/en/")
        box = page.get_by_role("combobox", name="Search the portal")
        box.click()
        box.press_sequentially("financing of", delay=30)
        listbox = page.get_by_role("listbox")
        listbox.wait_for(state="visible")
        options = listbox.get_by_role("option")
        assert options.count() >= 3
        assert box.get_attribute("aria-expanded") == "true"

        box.press("ArrowDown")
        box.press("ArrowDown")
        assert options.nth(1).get_attribute("aria-selected") == "true"
        assert box.get_attribute("aria-activedescendant") == options.nth(
            1
        ).get_attribute("id")
        box.press("ArrowUp")
        assert options.nth(0).get_attribute("aria-selected") == "true"

        box.press("Escape")
        assert listbox.is_hidden()
        assert box.get_attribute("aria-expanded") == "false"

        box.press("ArrowDown")  # opens the list again
        listbox.wait_for(state="visible")
        box.press("ArrowDown")
        first = options.nth(0).inner_text().splitlines()[0]
        with page.expect_navigation():
            box.press("Enter")
        assert "/en/resources/financing-" in page.url
        assert page.locator("h1").inner_text() == first
    finally:
        context.close()


def test_enter_without_a_choice_submits_the_search(
    chromium_path, browser, live_server, content
):
    context, page = _page(browser, "en-US")
    try:
        page.goto(f"{live_server.url}/en/")
        box = page.get_by_role("combobox", name="Search the portal")
        box.fill("money")
        with page.expect_navigation():
            box.press("Enter")
        assert "/en/search/?q=money" in page.url
        assert page.locator(".search-result").count() == 3
        assert page.locator(".search-result mark").first.inner_text() == "money"
    finally:
        context.close()


def test_search_works_without_javascript_on_a_phone(
    chromium_path, browser, live_server, content
):
    context = browser.new_context(
        locale="ru-RU",
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/ru/search/?q=финансирование")
        assert page.locator(".search-result").count() == 3
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
