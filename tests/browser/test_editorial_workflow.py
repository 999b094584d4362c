"""The editorial workflow in a real browser: an editor writes a resource in both
languages and submits it; a publisher publishes it; it is on the site in Russian
and in English. Axe checks the workflow panel and the preview page."""

import importlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps

from portal.publishing import Status
from resources.models import Resource
from tests import factories
from tests.browser.helpers import LOCALES, serious, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_groups(transactional_db):
    """The groups and permissions of portal 0001: a flushed database lost them."""
    groups = importlib.import_module("portal.migrations.0001_groups")
    groups.create_groups(apps, None)


def fill_language(page, code: str, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = page.locator(f"#id_{name}_{code}")
        if not field.is_visible():
            # The tabbed translation admin shows one language of a field at a time.
            field.evaluate(
                "el => el.closest('.ui-tabs').querySelector("
                "`a[href='#${el.closest('.ui-tabs-panel').id}']`).click()"
            )
        field.fill(value)


def test_an_editor_writes_and_submits_a_publisher_publishes_it_shows_in_both(
    chromium_path, browser, live_server, staff_groups
):
    editor = factories.EditorFactory()
    publisher = factories.PublisherFactory()
    base = live_server.url

    # The editor writes a draft in both languages and submits it.
    context = signed_in(browser, live_server, editor, "en")
    try:
        page = context.new_page()
        page.goto(f"{base}/admin/resources/resource/add/")
        page.select_option("#id_kind", "toolkit")
        fill_language(
            page,
            "ru",
            {
                "title": "Пособие по безопасности границ",
                "summary": "Как проверять документы на границе.",
            },
        )
        fill_language(
            page,
            "en",
            {
                "title": "Border security handbook",
                "summary": "How to check documents at the border.",
            },
        )
        page.locator("#id_slug").fill("border-security-handbook")
        page.locator("input[name=_continue]").click()
        page.wait_for_selector(".workflow")
        resource = Resource.objects.get(slug="border-security-handbook")
        assert resource.status == Status.DRAFT
        assert resource.created_by == editor

        results = Axe().run(page, context=".workflow")
        assert serious(results) == [], results.generate_report()

        page.locator("button.workflow__button--submit").click()
        page.wait_for_selector(".messagelist .success")
        resource.refresh_from_db()
        assert resource.status == Status.REVIEW
        # Out of the editor's hands now: no more inputs, no more buttons.
        assert page.locator("#id_title_ru").count() == 0
        assert page.locator("button.workflow__button--publish").count() == 0
    finally:
        context.close()

    # The publisher previews it in Russian, then publishes it.
    context = signed_in(browser, live_server, publisher, "ru")
    try:
        page = context.new_page()
        page.goto(f"{base}/admin/resources/resource/{resource.pk}/change/")
        with context.expect_page() as preview_opened:
            page.locator("a.workflow__preview[hreflang=ru]").click()
        preview = preview_opened.value
        preview.wait_for_load_state()
        assert preview.locator("html").get_attribute("lang") == "ru"
        assert "Пособие по безопасности границ" in preview.locator("h1").inner_text()
        assert preview.locator(".notice--draft").is_visible()
        results = Axe().run(preview)
        assert serious(results) == [], results.generate_report()
        preview.close()

        page.locator("button.workflow__button--publish").click()
        page.wait_for_selector(".messagelist .success")
        resource.refresh_from_db()
        assert resource.status == Status.PUBLISHED
    finally:
        context.close()

    # Anyone reads it on the site, in both languages.
    for lang, title in (
        ("ru", "Пособие по безопасности границ"),
        ("en", "Border security handbook"),
    ):
        context = browser.new_context(locale=LOCALES[lang])
        try:
            page = context.new_page()
            response = page.goto(f"{base}/{lang}/resources/border-security-handbook/")
            assert response.status == 200
            assert page.locator("html").get_attribute("lang") == lang
            assert title in page.locator("h1").inner_text()
        finally:
            context.close()
