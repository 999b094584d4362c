"""In a real browser: the language switcher keeps the page, and pages pass axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(transactional_db):
    factories.PageFactory(
        slug="about",
        title_ru="О программе",
        title_en="About the programme",
        summary_ru="Страны Юга обмениваются опытом как равные партнёры.",
        summary_en="Countries of the South exchange expertise as equal partners.",
        show_in_menu=True,
    )
    partner = factories.PartnerFactory(
        slug="kenya-ncc",
        name_ru="Национальный центр Кении",
        name_en="Kenya National Centre",
    )
    activity = factories.ActivityFactory()
    activity.providers.add(partner)
    factories.ResourceFactory()
    return partner


@pytest.fixture
def ru_page(chromium_path, browser):
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def switch_to_english(page):
    # By attribute, not by the navigation's name: that name is translated.
    page.locator('nav.language-switcher a[hreflang="en"]').click()
    page.wait_for_load_state()


def test_switcher_takes_the_home_page_from_russian_to_english(
    ru_page, live_server, content
):
    ru_page.goto(f"{live_server.url}/")  # follows the browser's language
    assert ru_page.url == f"{live_server.url}/ru/"
    assert ru_page.locator("html").get_attribute("lang") == "ru"
    assert ru_page.get_by_text("Страны Юга обмениваются опытом").is_visible()

    switch_to_english(ru_page)

    assert ru_page.url == f"{live_server.url}/en/"
    assert ru_page.locator("html").get_attribute("lang") == "en"
    assert ru_page.get_by_text("Countries of the South exchange expertise").is_visible()


def test_switcher_keeps_the_partner_page(ru_page, live_server, content):
    ru_page.goto(f"{live_server.url}/ru/partners/kenya-ncc/")
    assert ru_page.locator("h1").inner_text().startswith("Национальный центр Кении")

    switch_to_english(ru_page)

    assert ru_page.url == f"{live_server.url}/en/partners/kenya-ncc/"
    assert ru_page.locator("html").get_attribute("lang") == "en"
    assert ru_page.locator("h1").inner_text().startswith("Kenya National Centre")


@pytest.mark.parametrize("path", ["/ru/", "/en/partners/kenya-ncc/", "/ru/resources/"])
def test_pages_have_no_serious_accessibility_violations(
    ru_page, live_server, content, path
):
    ru_page.goto(f"{live_server.url}{path}")

    results = Axe().run(ru_page)

    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], results.generate_report()


def test_pages_work_on_a_phone_without_javascript(
    chromium_path, browser, live_server, content
):
    context = browser.new_context(
        locale="ru-RU",
        java_script_enabled=False,
        viewport={"width": 320, "height": 640},
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/ru/partners/kenya-ncc/")
        switch_to_english(page)
        assert page.url == f"{live_server.url}/en/partners/kenya-ncc/"
        # Nothing wider than the screen: no horizontal scrolling at 320 px.
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
