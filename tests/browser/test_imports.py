"""Spreadsheet import in a real browser: an editor uploads a sheet, reads the dry
run, confirms, and finds the drafts in the list. Axe checks the import pages."""

import importlib

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps

from partners.models import Partner
from portal.publishing import Status
from tests import factories
from tests.browser.helpers import serious, signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHEET = (
    "slug,kind,name_ru,name_en,summary_ru,summary_en,offers\n"
    "kenya,member_state,Кения,Kenya,Кратко,Briefly,cve\n"
    "egypt,member_state,Египет,Egypt,Кратко,Briefly,\n"
)


@pytest.fixture
def editor_with_rights(transactional_db):
    """An editor, with the groups of portal 0001 (a flushed database lost them)."""
    importlib.import_module("portal.migrations.0001_groups").create_groups(apps, None)
    return factories.EditorFactory()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_editor_imports_a_sheet_after_its_dry_run(
    chromium_path, browser, live_server, editor_with_rights, lang, tmp_path
):
    factories.ThemeFactory(slug="cve")
    sheet = tmp_path / "partners.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    context = signed_in(browser, live_server, editor_with_rights, lang)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/admin/partners/partner/import/")
        assert serious(Axe().run(page)) == []

        page.locator("#id_import_file").set_input_files(str(sheet))
        page.locator("#id_format").select_option(label="csv")
        page.locator("#content form [type=submit]").first.click()
        page.wait_for_load_state()

        # The dry run: a preview of both rows, nothing written yet.
        preview = page.locator("table.import-preview")
        assert preview.is_visible()
        assert "Kenya" in preview.inner_text() and "Egypt" in preview.inner_text()
        assert not Partner.objects.exists()
        assert serious(Axe().run(page)) == []

        page.locator("form[action$='process_import/'] [type=submit]").click()
        page.wait_for_load_state()

        assert page.url.endswith("/admin/partners/partner/")
        assert "Kenya" in page.locator("#result_list").inner_text() or (
            "Кения" in page.locator("#result_list").inner_text()
        )
    finally:
        context.close()
    assert set(Partner.objects.values_list("slug", "status")) == {
        ("kenya", Status.DRAFT),
        ("egypt", Status.DRAFT),
    }
