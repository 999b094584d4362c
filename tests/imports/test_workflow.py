"""Imports write drafts; items past the draft stage change only for publishers."""

import pytest
from django.utils import translation

from partners.models import Partner
from portal.publishing import Status
from tests import factories
from tests.imports.conftest import (
    FORMATS,
    SHEETS,
    csv_text,
    error_messages,
    export_file,
    import_file,
)

pytestmark = pytest.mark.usefixtures("postgres")

HEADER = "slug,status,kind,name_ru,name_en,summary_ru,summary_en"


def partner_row(slug: str, name_en: str = "Kenya", status: str = "") -> str:
    return f"{slug},{status},member_state,Кения,{name_en},Кратко,Briefly"


def run(user, *rows):
    return import_file(
        SHEETS["partners"], csv_text(HEADER, *rows), FORMATS["csv"], user=user
    )


def test_new_rows_are_drafts_whatever_the_status_column_says(publisher):
    result = run(publisher, partner_row("kenya", status="published"))

    assert result.totals["new"] == 1
    partner = Partner.objects.get(slug="kenya")
    assert partner.status == Status.DRAFT
    assert partner.published_at is None
    assert partner.created_by == partner.updated_by == publisher


def test_an_editor_updates_a_draft(editor):
    factories.PartnerFactory(slug="kenya", status=Status.DRAFT, published_at=None)

    result = run(editor, partner_row("kenya", name_en="Republic of Kenya"))

    assert result.totals["update"] == 1
    partner = Partner.objects.get(slug="kenya")
    assert (partner.name_en, partner.status) == ("Republic of Kenya", Status.DRAFT)


@pytest.mark.parametrize("status", [Status.REVIEW, Status.PUBLISHED, Status.ARCHIVED])
def test_an_editor_cannot_change_an_item_past_the_draft_stage(editor, status):
    partner = factories.PartnerFactory(slug="kenya", status=status, name_en="Kenya")

    with translation.override("en"):
        result = run(editor, partner_row("kenya", name_en="Changed"))

        (row,) = result.invalid_rows
        assert "only a publisher may change it by import" in " ".join(
            error_messages(row.error)
        )
    partner.refresh_from_db()
    assert (partner.name_en, partner.status) == ("Kenya", status)


def test_an_editor_may_reimport_a_published_item_unchanged(editor):
    factories.PartnerFactory(slug="kenya")
    data = export_file(SHEETS["partners"], Partner.objects.all(), FORMATS["csv"])

    result = import_file(SHEETS["partners"], data, FORMATS["csv"], user=editor)

    assert result.totals["skip"] == 1 and not result.has_validation_errors()


def test_a_publisher_corrects_a_published_item_and_it_stays_published(publisher):
    partner = factories.PartnerFactory(slug="kenya", name_en="Kenya")
    published_at = partner.published_at

    result = run(
        publisher, partner_row("kenya", name_en="Republic of Kenya", status="draft")
    )

    assert result.totals["update"] == 1
    partner.refresh_from_db()
    assert partner.name_en == "Republic of Kenya"
    assert (partner.status, partner.published_at) == (Status.PUBLISHED, published_at)
    assert partner.updated_by == publisher
