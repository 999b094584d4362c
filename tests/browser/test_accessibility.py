"""Accessibility sweep in Chromium: axe on the home, about, figures and 404 pages
in both languages, and the weight of the home page.

The data look like the demo's, on a small scale: partners in several regions,
exchanges between them over three years, resources, the about page.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from programme.models import ActivityKind
from resources.models import Access
from tests import factories
from tests.browser.helpers import new_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/{lang}/", "/{lang}/about/", "/{lang}/figures/", "/{lang}/no-such-page/"]
MAX_HOME_BYTES = 300 * 1024


@pytest.fixture
def demo_like(transactional_db):
    factories.PageFactory(
        slug="about",
        title_ru="О программе",
        title_en="About the programme",
        summary_ru="Страны Юга обмениваются опытом как равные партнёры.",
        summary_en="Countries of the South exchange expertise as equal partners.",
        body_ru="<p>Программа Контртеррористического центра ООН.</p>",
        body_en="<p>A programme of the UN Counter-Terrorism Centre.</p>",
        show_in_menu=True,
    )
    regions = [
        factories.RegionFactory(slug=slug, name_en=en, name_ru=ru, order=order)
        for order, (slug, en, ru) in enumerate(
            [
                ("africa", "Africa", "Африка"),
                ("asia-pacific", "Asia and the Pacific", "Азия и Тихий океан"),
                (
                    "latin-america-caribbean",
                    "Latin America and the Caribbean",
                    "Латинская Америка и Карибский бассейн",
                ),
            ],
            start=1,
        )
    ]
    themes = [
        factories.ThemeFactory(slug=slug, name_en=en, name_ru=ru)
        for slug, en, ru in [
            ("border", "Border security and management", "Безопасность границ"),
            ("victims", "Supporting victims of terrorism", "Поддержка жертв"),
            ("financing", "Countering the financing of terrorism", "Финансирование"),
        ]
    ]
    partners = []
    for index, region in enumerate(regions * 2):
        country = factories.CountryFactory(region=region)
        partner = factories.PartnerFactory(country=country)
        partner.offers.set(themes[: 1 + index % 3])
        partners.append(partner)
    kinds = list(ActivityKind)
    for index in range(12):
        start = datetime.date(2023 + index % 3, 1 + index % 12, 5)
        activity = factories.ActivityFactory(
            kind=kinds[index % len(kinds)],
            start_date=start,
            end_date=start + datetime.timedelta(days=2),
            host_country=partners[index % 6].country,
            participants=20 + index,
            women_participants=5 + index % 7,
        )
        activity.themes.set(themes[: 1 + index % 3])
        activity.providers.set([partners[index % 6]])
        activity.beneficiaries.set(
            [partners[(index + 1) % 6], partners[(index + 2) % 6]]
        )
    for index, access in enumerate([Access.PUBLIC, Access.MISSIONS, Access.PUBLIC] * 2):
        resource = factories.ResourceFactory(access=access)
        resource.themes.set(themes[index % 3 :])


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(
    chromium_path, browser, live_server, demo_like, lang, path
):
    context, page = new_page(browser, lang)
    try:
        page.goto(live_server.url + path.format(lang=lang))
        assert page.locator("html").get_attribute("lang") == lang
        # Open the data tables of the charts, so that axe checks them too.
        page.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )

        results = Axe().run(page)
    finally:
        context.close()

    serious = [
        violation
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], results.generate_report()


def test_figures_page_has_its_charts_in_the_browser(
    chromium_path, browser, live_server, demo_like
):
    context, page = new_page(browser, "en")
    try:
        page.goto(f"{live_server.url}/en/figures/")
        charts = page.get_by_role("img")
        names = [
            charts.nth(i).get_attribute("aria-labelledby")
            for i in range(charts.count())
        ]
        assert len([name for name in names if name and "-svg-title" in name]) == 5
        # Each SVG is drawn at a size, not collapsed or overflowing its card.
        for svg in page.locator("svg.chart__svg").all():
            box = svg.bounding_box()
            assert 200 < box["width"] <= 1280 and box["height"] > 40
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_home_page_weighs_less_than_300_kb(
    chromium_path, browser, live_server, demo_like, lang
):
    """HTML, styles, scripts and icons of the home page; photos do not count."""
    context, page = new_page(browser, lang)
    sizes: dict[str, int] = {}

    def record(response):
        path = urlsplit(response.url).path
        if path.startswith("/media/") or response.status >= 300:
            return
        try:
            sizes[response.url] = len(response.body())
        except Exception:  # a response without a body (aborted, redirected)
            sizes[response.url] = 0

    page.on("response", record)
    try:
        page.goto(f"{live_server.url}/{lang}/")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()

    assert f"{live_server.url}/{lang}/" in sizes
    assert any(url.endswith(".css") for url in sizes)
    assert sum(sizes.values()) < MAX_HOME_BYTES, sizes
