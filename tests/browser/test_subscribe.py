"""In a real browser: subscribe from the footer, confirm from the mail's link with
the button, and axe on the subscribing pages in both languages."""

import re

import pytest
from django.core import mail

from portal.notifications.models import Subscription
from portal.notifications.tokens import CONFIRM, MANAGE, make_token
from tests import factories
from tests.browser.helpers import new_page, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def taxonomy(transactional_db):
    factories.ThemeFactory(
        slug="borders", name_en="Border security", name_ru="Безопасность границ"
    )
    factories.ThemeFactory(
        slug="victims", name_en="Supporting victims", name_ru="Поддержка жертв"
    )
    factories.RegionFactory(slug="africa", name_en="Africa", name_ru="Африка")


def test_subscribe_from_the_footer_and_confirm_from_the_mail(
    chromium_path, browser, live_server, taxonomy
):
    context, page = new_page(browser, "en")
    try:
        page.goto(f"{live_server.url}/en/")
        page.locator("footer").get_by_role("link", name="Subscribe to updates").click()
        page.wait_for_load_state()

        assert page.url == f"{live_server.url}/en/subscribe/"
        form = page.locator("main form")
        form.get_by_label("E-mail address").fill("reader@example.org")
        form.get_by_label("Border security").check()
        form.get_by_label("Weekly digest").check()
        form.get_by_role("button", name="Subscribe").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="Check your mail").is_visible()

        (message,) = mail.outbox
        url = re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)
        path = "/" + url.split("://", 1)[1].split("/", 1)[1]
        page.goto(live_server.url + path)
        assert page.get_by_text("Border security").is_visible()
        assert (
            Subscription.objects.get().confirmed_at is None
        )  # the GET changed nothing

        page.get_by_role("button", name="Confirm my subscription").click()
        page.wait_for_load_state()
        assert page.get_by_role(
            "heading", name="Your subscription is confirmed"
        ).is_visible()
    finally:
        context.close()

    subscription = Subscription.objects.active().get()
    assert subscription.frequency == "weekly"
    assert [theme.slug for theme in subscription.themes.all()] == ["borders"]


def test_the_subscribe_page_works_without_javascript(
    chromium_path, browser, live_server, taxonomy
):
    context = browser.new_context(locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/ru/subscribe/")
        page.locator("#id_email").fill("reader@example.org")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        assert page.url == f"{live_server.url}/ru/subscribe/sent/"
    finally:
        context.close()
    assert Subscription.objects.filter(language="ru").exists()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_subscribing_pages_have_no_serious_accessibility_violations(
    chromium_path, browser, live_server, taxonomy, lang
):
    pending = factories.SubscriptionFactory(
        email="pending@example.org", confirmed_at=None
    )
    active = factories.SubscriptionFactory(email="active@example.org")
    paths = [
        f"/{lang}/subscribe/",
        f"/{lang}/subscribe/confirm/{make_token(pending, CONFIRM)}/",
        f"/{lang}/subscribe/manage/{make_token(active, MANAGE)}/",
        f"/{lang}/subscribe/confirm/forged/",
    ]
    context, page = new_page(browser, lang)
    try:
        for path in paths:
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == lang
            serious, results = serious_violations(page)
            assert serious == [], (path, results.generate_report())
        # A form with errors, too.
        page.goto(f"{live_server.url}/{lang}/subscribe/")
        page.locator("#id_email").fill("not an address")
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        serious, results = serious_violations(page)
        assert serious == [], results.generate_report()
    finally:
        context.close()
