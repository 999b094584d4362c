"""The resource library in a real browser: filter, open, download; axe on its pages."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile

from resources.models import Access
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n% a browser test document\n%%EOF\n"


def attach(resource, code):
    getattr(resource, f"document_{code}").save(
        f"{code}.pdf", ContentFile(PDF), save=True
    )


@pytest.fixture
def library(transactional_db):
    border = factories.ThemeFactory(
        slug="border-security",
        name_ru="Безопасность границ",
        name_en="Border security",
    )
    victims = factories.ThemeFactory(
        slug="victims", name_ru="Пострадавшие", name_en="Victims of terrorism"
    )
    handbook = factories.ResourceFactory(
        slug="border-handbook",
        title_ru="Пособие для пограничников",
        title_en="Handbook for border officers",
        summary_ru="Как проверять документы на границе.",
        summary_en="How to check documents at the border.",
        published_on=datetime.date(2025, 4, 1),
    )
    handbook.themes.add(border)
    attach(handbook, "ru")
    attach(handbook, "en")

    russian_only = factories.ResourceFactory(
        slug="border-checklist",
        title_ru="Памятка о пунктах пропуска",
        title_en="Checklist for crossing points",
        published_on=datetime.date(2024, 9, 1),
    )
    russian_only.themes.add(border)
    attach(russian_only, "ru")

    other = factories.ResourceFactory(
        slug="victims-guide",
        title_ru="Руководство по поддержке пострадавших",
        title_en="Guide to supporting victims",
        access=Access.MISSIONS,
        published_on=datetime.date(2025, 1, 15),
    )
    other.themes.add(victims)
    attach(other, "en")
    return handbook


@pytest.fixture
def en_page(chromium_path, browser):
    context = browser.new_context(
        locale="en-US", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    yield page
    context.close()


def card_titles(page) -> list[str]:
    return page.locator(".listing__results .card__title").all_inner_texts()


def test_filter_open_and_download(en_page, live_server, library):
    page = en_page
    page.goto(f"{live_server.url}/en/resources/")
    assert len(card_titles(page)) == 3

    panel = page.locator("details.facets")
    if panel.get_attribute("open") is None:  # a narrow screen: open it first
        panel.locator("summary").click()
    panel.get_by_role("checkbox", name="Border security").check()
    panel.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "theme=border-security" in page.url
    assert sorted(card_titles(page)) == [
        "Checklist for crossing points",
        "Handbook for border officers",
    ]

    panel = page.locator("details.facets")
    panel.locator('input[name="language"][value="both"]').check()
    panel.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "language=both" in page.url
    assert card_titles(page) == ["Handbook for border officers"]

    page.get_by_role("link", name="Handbook for border officers").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/en/resources/border-handbook/"
    assert page.locator("h1").inner_text() == "Handbook for border officers"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download in English").click()
    download = download_info.value
    assert download.suggested_filename == "border-handbook-en.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


@pytest.mark.parametrize(
    "path",
    [
        "/ru/resources/",
        "/en/resources/",
        "/ru/resources/border-handbook/",
        "/en/resources/border-handbook/",
        "/en/resources/victims-guide/",
        "/ru/resources/?theme=border-security&language=both&sort=title",
    ],
)
def test_library_pages_have_no_serious_accessibility_violations(
    chromium_path, browser, live_server, library, path
):
    locale = "ru-RU" if path.startswith("/ru/") else "en-US"
    context = browser.new_context(
        locale=locale, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
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


def test_the_library_fits_a_phone_without_javascript(
    chromium_path, browser, live_server, library
):
    context = browser.new_context(
        locale="ru-RU",
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
    )
    page = context.new_page()
    try:
        for path in ("/ru/resources/", "/ru/resources/border-handbook/"):
            page.goto(f"{live_server.url}{path}")
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    finally:
        context.close()
