"""The partners directory in a real browser: filter, open, switch language, axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partners(transactional_db):
    borders = factories.ThemeFactory(
        slug="borders", name_ru="Охрана границ", name_en="Border security"
    )
    victims = factories.ThemeFactory(
        slug="victims", name_ru="Помощь жертвам", name_en="Supporting victims"
    )
    kenya = factories.PartnerFactory(
        slug="kenya-ncc",
        name_ru="Национальный центр Кении",
        name_en="Kenya National Centre",
        acronym_ru="НЦК",
        acronym_en="NCTC",
    )
    kenya.offers.set([borders])
    kenya.seeks.set([victims])
    other = factories.PartnerFactory(
        slug="victims-network",
        name_ru="Сеть помощи жертвам",
        name_en="Victims Network",
    )
    other.offers.set([victims])
    other.seeks.set([borders])
    activity = factories.ActivityFactory(
        slug="border-course", title_en="Border course", title_ru="Курс по границам"
    )
    activity.themes.add(borders)
    activity.providers.add(kenya)
    activity.beneficiaries.add(other)
    factories.ResourceFactory().activities.add(activity)
    return kenya


@pytest.fixture
def ru_page(chromium_path, browser):
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


def test_filter_by_theme_open_a_partner_and_switch_to_english(
    ru_page, live_server, partners
):
    ru_page.goto(f"{live_server.url}/ru/partners/")
    assert ru_page.locator("article.card").count() == 2

    ru_page.locator('input[name="offers"][value="borders"]').check()
    ru_page.locator(".facets__form button[type=submit]").click()
    ru_page.wait_for_load_state()

    assert ru_page.url.startswith(f"{live_server.url}/ru/partners/?")
    assert "offers=borders" in ru_page.url  # the filters stay in the URL
    cards = ru_page.locator("article.card")
    assert cards.count() == 1
    cards.first.get_by_role("link").first.click()
    ru_page.wait_for_load_state()

    assert ru_page.url == f"{live_server.url}/ru/partners/kenya-ncc/"
    assert ru_page.locator("h1").inner_text().startswith("Национальный центр Кении")

    ru_page.locator('nav.language-switcher a[hreflang="en"]').click()
    ru_page.wait_for_load_state()

    assert ru_page.url == f"{live_server.url}/en/partners/kenya-ncc/"
    assert ru_page.locator("html").get_attribute("lang") == "en"
    assert ru_page.locator("h1").inner_text().startswith("Kenya National Centre")
    assert ru_page.get_by_role("link", name="Border security").is_visible()


def test_find_expertise_without_javascript(
    chromium_path, browser, live_server, partners
):
    context = browser.new_context(
        locale="en-US",
        java_script_enabled=False,
        viewport={"width": 390, "height": 800},
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/partners/")
        page.get_by_role("link", name="Find expertise").click()
        page.locator('select[name="theme"]').select_option("borders")
        page.get_by_role("button", name="Find partners").click()
        page.wait_for_load_state()

        assert page.url.startswith(f"{live_server.url}/en/partners/expertise/?theme=")
        assert page.get_by_text("Shared it in 1 exchange").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/ru/partners/",
        "/en/partners/",
        "/ru/partners/?offers=borders&kind=academia",  # the empty state
        "/ru/partners/kenya-ncc/",
        "/en/partners/kenya-ncc/",
        "/ru/partners/expertise/",
        "/en/partners/expertise/?theme=borders",
    ],
)
def test_partner_pages_have_no_serious_accessibility_violations(
    ru_page, live_server, partners, path
):
    ru_page.goto(f"{live_server.url}{path}")

    results = Axe().run(ru_page)

    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], results.generate_report()
