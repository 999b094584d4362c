"""A sheet with bad rows reports every row's error and writes nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from programme.models import Activity
from tests import factories
from tests.imports.conftest import (
    FORMATS,
    SHEETS,
    csv_text,
    error_messages,
    import_file,
    read_file,
)

pytestmark = pytest.mark.usefixtures("postgres")

HEADER = (
    "slug,kind,title_ru,title_en,summary_ru,start_date,end_date,themes,host_country"
)
BAD_SHEET = csv_text(
    HEADER,
    "good-one,workshop,Семинар,Workshop,Кратко,2025-01-10,2025-01-11,cve,KEN",
    'unknown-theme,workshop,Тема,Theme,Кратко,2025-01-10,2025-01-11,"cve,no-such",',
    "no-russian,workshop,,English only,Кратко,2025-01-10,2025-01-11,,",
    "bad-date,workshop,Дата,Date,Кратко,2025-13-45,2025-01-11,,",
    "good-one,workshop,Дубль,Duplicate,Кратко,2025-01-10,2025-01-11,,",
    "unknown-country,workshop,Страна,Country,Кратко,2025-01-10,2025-01-11,,ZZZ",
    "bad-kind,party,Праздник,Party,Кратко,2025-01-10,2025-01-11,,",
)


@pytest.fixture
def vocabulary(db):
    factories.ThemeFactory(slug="cve")
    factories.CountryFactory(iso3="KEN", iso2="KE")


def errors_by_row(result) -> dict[int, str]:
    return {
        row.number: " ".join(error_messages(row.error)) for row in result.invalid_rows
    }


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "real-run"])
def test_each_bad_row_is_reported_and_nothing_is_written(vocabulary, editor, dry_run):
    with translation.override("en"):
        result = import_file(
            SHEETS["activities"],
            BAD_SHEET,
            FORMATS["csv"],
            user=editor,
            dry_run=dry_run,
        )
        errors = errors_by_row(result)

    assert sorted(errors) == [2, 3, 4, 5, 6, 7]
    assert "themes: Unknown themes: no-such." in errors[2]
    assert "title_ru: Required in Russian." in errors[3]
    assert "start_date: “2025-13-45” is not a date" in errors[4]
    assert "slug: The slug “good-one” is in the sheet twice." in errors[5]
    assert "host_country: Unknown country: ZZZ." in errors[6]
    assert "kind:" in errors[7] and "party" in errors[7]
    assert not result.has_errors()  # all of them row errors, none a crash
    # The good first row too: all or nothing.
    assert not Activity.objects.exists()


def test_errors_are_in_the_users_language(vocabulary, editor):
    with translation.override("ru"):
        result = import_file(
            SHEETS["activities"], BAD_SHEET, FORMATS["csv"], user=editor
        )
        errors = errors_by_row(result)
        required = translation.gettext("Required in Russian.")
    assert f"title_ru: {required}" in errors[3]
    assert "темы" in errors[2]  # the model's name, from the Russian catalogue


def test_the_same_bad_sheet_as_xlsx(vocabulary, editor):
    dataset = read_file(BAD_SHEET, FORMATS["csv"])
    xlsx = FORMATS["xlsx"]().export_data(dataset)

    result = import_file(SHEETS["activities"], xlsx, FORMATS["xlsx"], user=editor)

    assert sorted(errors_by_row(result)) == [2, 3, 4, 5, 6, 7]
    assert not Activity.objects.exists()


def test_a_sheet_without_slugs_is_refused(editor):
    data = csv_text("title_ru,title_en", "Семинар,Workshop")

    result = import_file(SHEETS["activities"], data, FORMATS["csv"], user=editor)

    assert result.has_errors()
    assert "slug" in str(result.base_errors[0].error)
    assert not Activity.objects.exists()


@pytest.mark.parametrize("who", ["nobody", "mission_member", "plain_user"])
def test_an_import_needs_the_add_and_change_permissions(vocabulary, who, request):
    user = None if who == "nobody" else request.getfixturevalue(who)
    good = csv_text(
        HEADER, "good-one,workshop,Семинар,Workshop,Кратко,2025-01-10,2025-01-11,,"
    )

    result = import_file(SHEETS["activities"], good, FORMATS["csv"], user=user)

    assert result.has_errors()
    assert isinstance(result.base_errors[0].error, PermissionDenied)
    assert result.rows == []  # refused before any row is read
    assert not Activity.objects.exists()
