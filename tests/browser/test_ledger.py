"""In a real browser: filter the ledger, open an activity, download its .ics; axe."""

import datetime

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe

from programme.models import ActivityKind
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ledger(transactional_db):
    theme = factories.ThemeFactory(slug="borders", name_en="Border security")
    provider = factories.PartnerFactory(slug="alpha", name_en="Alpha Agency")
    beneficiary = factories.PartnerFactory(slug="bravo", name_en="Bravo Bureau")
    made = {}
    for slug, title, kind, start in [
        ("w2025", "Workshop of 2025", ActivityKind.WORKSHOP, datetime.date(2025, 5, 5)),
        ("w2024", "Workshop of 2024", ActivityKind.WORKSHOP, datetime.date(2024, 5, 6)),
        (
            "c2025",
            "Course of 2025",
            ActivityKind.TRAINING_COURSE,
            datetime.date(2025, 6, 2),
        ),
    ]:
        activity = factories.ActivityFactory(
            slug=slug,
            title_en=title,
            kind=kind,
            start_date=start,
            end_date=start + datetime.timedelta(days=2),
        )
        activity.themes.add(theme)
        activity.providers.add(provider)
        activity.beneficiaries.add(beneficiary)
        made[slug] = activity
    factories.PhotoFactory(activity=made["w2025"], caption_en="Opening session")
    return made


def new_page(browser, locale="en-US", width=1280):
    context = browser.new_context(
        locale=locale, viewport={"width": width, "height": 900}, accept_downloads=True
    )
    return context, context.new_page()


def card_titles(page) -> set[str]:
    return set(page.locator(".card__title a").all_inner_texts())


def test_filter_by_kind_and_year_open_an_activity_and_download_its_ics(
    chromium_path, browser, live_server, ledger, tmp_path
):
    context, page = new_page(browser)
    try:
        page.goto(f"{live_server.url}/en/programme/activities/")
        assert card_titles(page) == {
            "Workshop of 2025",
            "Workshop of 2024",
            "Course of 2025",
        }

        panel = page.locator("details.facets")
        if panel.get_attribute("open") is None:
            panel.locator("summary").click()
        page.locator('input[name="kind"][value="workshop"]').check()
        page.locator('input[name="year"][value="2025"]').check()
        panel.get_by_role("button").click()
        page.wait_for_load_state()

        assert "kind=workshop" in page.url and "year=2025" in page.url
        assert card_titles(page) == {"Workshop of 2025"}
        # The filters stay ticked after the round trip.
        assert page.locator('input[name="kind"][value="workshop"]').is_checked()

        page.get_by_role("link", name="Workshop of 2025").click()
        page.wait_for_load_state()
        assert page.url == f"{live_server.url}/en/programme/activities/w2025/"
        assert page.locator("h1").inner_text() == "Workshop of 2025"

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Add to calendar (.ics)").click()
        download = download_info.value
        assert download.suggested_filename == "w2025.ics"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]) == "Workshop of 2025"
        assert event.decoded("DTEND") == datetime.date(2025, 5, 8)
    finally:
        context.close()


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(
    "path",
    [
        "/{language}/programme/activities/",
        "/{language}/programme/activities/?kind=workshop",
        "/{language}/programme/calendar/?month=2025-05",
        "/{language}/programme/activities/w2025/",
    ],
)
def test_ledger_pages_have_no_serious_accessibility_violations(
    chromium_path, browser, live_server, ledger, language, path
):
    context, page = new_page(browser, locale="ru-RU" if language == "ru" else "en-US")
    try:
        page.goto(live_server.url + path.format(language=language))

        results = Axe().run(page)

        serious = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        assert serious == [], results.generate_report()
    finally:
        context.close()


def test_the_calendar_fits_a_phone_and_scrolls_inside_its_frame(
    chromium_path, browser, live_server, ledger
):
    context, page = new_page(browser, width=360)
    try:
        page.goto(f"{live_server.url}/en/programme/calendar/?month=2025-05")

        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.locator(".calendar-scroll").evaluate(
            "frame => frame.scrollWidth > frame.clientWidth"
        )
    finally:
        context.close()
