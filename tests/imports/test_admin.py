"""The import and export pages of the admin: who may use them, the dry run and
the confirmation, upload limits, CSRF and the number of queries of an export."""

import csv
import io

import openpyxl
import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from import_export.tmp_storages import CacheStorage

from partners.models import Partner
from portal.publishing import Status
from programme.models import Activity
from resources.models import Resource
from tests import factories
from tests.imports.conftest import FORMATS, SHEETS, csv_text, read_file
from tests.imports.test_bad_sheets import BAD_SHEET

pytestmark = pytest.mark.usefixtures("postgres")

MODELS = {"partners": Partner, "activities": Activity, "resources": Resource}
CSV, XLSX = "0", "1"  # the format choices, in portal.imports.formats.FORMATS order


def url(model, view: str) -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}")


def export_post(sheet, fmt: str = CSV) -> dict:
    """The export form as a browser sends it: every column ticked."""
    prefix = sheet.__name__.lower()
    return {
        "format": fmt,
        "resource": "0",
        **{f"{prefix}_{name}": "on" for name in sheet().get_export_order()},
    }


def upload(data, name="sheet.csv"):
    if isinstance(data, str):
        data = data.encode("utf-8-sig")
    return SimpleUploadedFile(name, data)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# Who may do what.


@pytest.fixture
def staff_without_rights(db):
    return factories.UserFactory(is_staff=True)


@pytest.fixture
def staff_who_may_view(db):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_partner", "view_activity", "view_resource"]
        )
    )
    return user


ROLES = {
    # role: (import page, export page) statuses
    "anonymous": (302, 302),
    "plain_user": (302, 302),
    "mission_member": (302, 302),
    "staff_without_rights": (403, 403),
    "staff_who_may_view": (403, 200),
    "editor": (200, 200),
    "publisher": (200, 200),
}


@pytest.mark.parametrize("model", MODELS.values(), ids=MODELS.keys())
@pytest.mark.parametrize("role", ROLES)
def test_who_may_open_the_import_and_export_pages(client, request, role, model):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    import_status, export_status = ROLES[role]

    import_page = client.get(url(model, "import"))
    export_page = client.get(url(model, "export"))

    assert import_page.status_code == import_status
    assert export_page.status_code == export_status
    if import_status == 302:
        assert import_page["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("role", [r for r, codes in ROLES.items() if codes[0] != 200])
def test_who_may_not_import_writes_nothing(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    good = csv_text("slug,kind,name_ru,summary_ru", "kenya,member_state,Кения,Кратко")
    storage = CacheStorage()
    storage.save(good.encode())

    first = client.post(
        url(Partner, "import"),
        {"resource": "0", "format": CSV, "import_file": upload(good)},
    )
    confirm = client.post(
        url(Partner, "process_import"),
        {
            "import_file_name": storage.name,
            "original_file_name": "sheet.csv",
            "format": CSV,
            "resource": "0",
        },
    )

    assert first.status_code in (302, 403) and confirm.status_code in (302, 403)
    assert not Partner.objects.exists()


@pytest.mark.parametrize("role", [r for r, codes in ROLES.items() if codes[1] != 200])
def test_who_may_not_export_gets_no_file(client, request, role):
    factories.PartnerFactory()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    response = client.post(url(Partner, "export"), export_post(SHEETS["partners"]))

    assert response.status_code in (302, 403)
    assert "Content-Disposition" not in response


# The whole import, as an editor in a browser: CSRF on.


@pytest.fixture
def csrf_client(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def csrf_token(client, model) -> str:
    assert client.get(url(model, "import")).status_code == 200
    return client.cookies["csrftoken"].value


def test_dry_run_then_confirm_creates_drafts(csrf_client, editor):
    factories.ThemeFactory(slug="cve")
    sheet = csv_text(
        "slug,kind,name_ru,name_en,summary_ru,offers",
        "kenya,member_state,Кения,Kenya,Кратко,cve",
        "egypt,member_state,Египет,,Кратко,",
    )
    token = csrf_token(csrf_client, Partner)

    dry_run = csrf_client.post(
        url(Partner, "import"),
        {
            "csrfmiddlewaretoken": token,
            "resource": "0",
            "format": CSV,
            "import_file": upload(sheet),
        },
    )

    assert dry_run.status_code == 200
    result = dry_run.context["result"]
    assert result.totals["new"] == 2 and not result.has_validation_errors()
    assert not Partner.objects.exists()  # a dry run writes nothing
    confirm_form = dry_run.context["confirm_form"]
    assert b"Kenya" in dry_run.content  # the preview of what would change

    confirmed = csrf_client.post(
        url(Partner, "process_import"),
        {"csrfmiddlewaretoken": token, **confirm_form.initial},
    )

    assert confirmed.status_code == 302
    assert set(Partner.objects.values_list("slug", "status", "created_by")) == {
        ("kenya", Status.DRAFT, editor.pk),
        ("egypt", Status.DRAFT, editor.pk),
    }
    assert list(
        Partner.objects.get(slug="kenya").offers.values_list("slug", flat=True)
    ) == ["cve"]


@pytest.mark.parametrize("view", ["import", "process_import", "export"])
def test_the_forms_need_a_csrf_token(csrf_client, view):
    response = csrf_client.post(url(Partner, view), {"resource": "0", "format": CSV})

    assert response.status_code == 403


def test_a_bad_sheet_in_the_admin_lists_every_row_and_offers_no_confirmation(
    csrf_client,
):
    factories.ThemeFactory(slug="cve")
    factories.CountryFactory(iso3="KEN", iso2="KE")
    token = csrf_token(csrf_client, Activity)

    response = csrf_client.post(
        url(Activity, "import"),
        {
            "csrfmiddlewaretoken": token,
            "resource": "0",
            "format": CSV,
            "import_file": upload(BAD_SHEET),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    page = response.content.decode()
    for text in ("no-such", "is not a date", "in the sheet twice", "ZZZ", "party"):
        assert text in page
    assert [row.number for row in response.context["result"].invalid_rows] == [
        2,
        3,
        4,
        5,
        6,
        7,
    ]
    assert not Activity.objects.exists()


def test_a_forged_confirmation_of_a_bad_sheet_writes_nothing(client, editor):
    factories.ThemeFactory(slug="cve")
    factories.CountryFactory(iso3="KEN", iso2="KE")
    client.force_login(editor)
    storage = CacheStorage()
    storage.save(BAD_SHEET.encode())

    response = client.post(
        url(Activity, "process_import"),
        {
            "import_file_name": storage.name,
            "original_file_name": "bad.csv",
            "format": CSV,
            "resource": "0",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 302
    assert response["Location"] == url(Activity, "import")
    assert not Activity.objects.exists()
    assert "nothing was imported" in " ".join(messages_of(response))
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(
    "form",
    [
        {"format": "x", "resource": "0"},
        {"format": "7", "resource": "0"},
        {"format": CSV, "resource": "9"},
        {"format": CSV},
    ],
    ids=["format-text", "format-out-of-range", "resource-out-of-range", "no-file"],
)
def test_a_tampered_confirmation_is_a_bad_request(client, editor, form):
    client.force_login(editor)
    fields = {"import_file_name": "abc", "original_file_name": "x.csv", **form}
    if form == {"format": CSV}:
        fields.pop("import_file_name")

    response = client.post(url(Partner, "process_import"), fields)

    assert response.status_code == 400


def test_an_expired_upload_asks_to_upload_again(client, editor):
    client.force_login(editor)

    response = client.post(
        url(Partner, "process_import"),
        {
            "import_file_name": "0123456789abcdef",
            "original_file_name": "sheet.csv",
            "format": CSV,
            "resource": "0",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 302
    assert response["Location"] == url(Partner, "import")
    assert "upload it again" in " ".join(messages_of(response))


# Upload limits.


def post_file(client, name, data, fmt=CSV, language="en"):
    return client.post(
        url(Partner, "import"),
        {"resource": "0", "format": fmt, "import_file": upload(data, name)},
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_only_csv_and_xlsx_are_accepted(client, editor):
    client.force_login(editor)

    response = post_file(client, "sheet.html", "<script>alert(1)</script>")

    assert response.status_code == 200
    assert response.context["form"].errors["import_file"] == [
        "Upload a spreadsheet in one of these formats: CSV, XLSX."
    ]


def test_the_format_must_match_the_extension(client, editor):
    client.force_login(editor)

    response = post_file(client, "sheet.csv", "slug\nkenya\n", fmt=XLSX)

    assert "format" in response.context["form"].errors


def test_a_file_over_the_size_cap_is_refused(client, editor, settings):
    settings.IMPORT_MAX_MB = 1
    client.force_login(editor)
    big = "slug\n" + "x" * (1024 * 1024)

    response = post_file(client, "sheet.csv", big)

    assert response.context["form"].errors["import_file"] == [
        "The file is larger than 1 MB; split it into smaller sheets."
    ]


def test_a_pdf_named_xlsx_is_refused_by_the_upload_rules(client, editor):
    client.force_login(editor)

    response = post_file(client, "sheet.xlsx", b"%PDF-1.4 not a workbook", fmt=XLSX)

    assert response.status_code == 200
    (error,) = response.context["form"].errors["import_file"]
    assert "PDF" in error and "XLSX" in error
    assert not Partner.objects.exists()


def test_an_xlsx_sheet_is_imported_through_the_admin(client, editor):
    client.force_login(editor)
    dataset = read_file(
        csv_text("slug,kind,name_ru,summary_ru", "kenya,member_state,Кения,Кратко"),
        FORMATS["csv"],
    )
    workbook = FORMATS["xlsx"]().export_data(dataset)

    dry_run = post_file(client, "partners.xlsx", workbook, fmt=XLSX)
    assert dry_run.context["result"].totals["new"] == 1
    confirmed = client.post(
        url(Partner, "process_import"), dry_run.context["confirm_form"].initial
    )

    assert confirmed.status_code == 302
    assert Partner.objects.get().slug == "kenya"


def test_the_import_page_speaks_russian(client, editor):
    client.force_login(editor)

    response = client.get(url(Partner, "import"), HTTP_ACCEPT_LANGUAGE="ru")

    assert "Файл для импорта" in response.content.decode()


# Export.


def test_the_admin_export_neutralises_formulae_and_opens_in_excel(client, editor):
    factories.PartnerFactory(name_en='=HYPERLINK("http://evil.example")')
    client.force_login(editor)

    response = client.post(url(Partner, "export"), export_post(SHEETS["partners"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith("\ufeff".encode())  # UTF-8 for Excel
    header, row = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    assert dict(zip(header, row, strict=True))["name_en"] == (
        '\'=HYPERLINK("http://evil.example")'
    )


def test_the_admin_export_is_the_sheet(client, editor, content):
    client.force_login(editor)

    response = client.post(
        url(Resource, "export"), export_post(SHEETS["resources"], XLSX)
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    expected = SHEETS["resources"]().export(queryset=Resource.objects.all())
    assert header == expected.headers
    assert [row[0] for row in rows] == ["handbook"]


# The count of an export does not grow with its rows (500 rows a page).
EXPORT_QUERIES = {"partners": 11, "activities": 12, "resources": 12}


def make_rows(name: str, count: int) -> None:
    themes = factories.ThemeFactory.create_batch(2)
    partners = factories.PartnerFactory.create_batch(2)
    for _n in range(count):
        if name == "partners":
            item = factories.PartnerFactory()
            item.offers.set(themes)
            item.seeks.set(themes[:1])
        elif name == "activities":
            item = factories.ActivityFactory(project=factories.ProjectFactory())
            item.providers.set(partners)
            item.themes.set(themes)
        else:
            item = factories.ResourceFactory()
            item.themes.set(themes)
            item.countries.set([partners[0].country])


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("name", MODELS)
def test_an_export_runs_the_same_queries_for_5_or_50_rows(
    client, editor, name, count, django_assert_max_num_queries
):
    make_rows(name, count)
    client.force_login(editor)
    sheet = SHEETS[name]

    with django_assert_max_num_queries(EXPORT_QUERIES[name]):
        response = client.post(url(MODELS[name], "export"), export_post(sheet, CSV))

    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count("\n") >= count + 1


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("editor", {"import", "export"}),
        ("publisher", {"import", "export"}),
        ("staff_who_may_view", {"export"}),
    ],
)
def test_the_list_shows_the_buttons_the_user_may_use(client, request, role, links):
    client.force_login(request.getfixturevalue(role))

    page = client.get(url(Partner, "changelist")).content.decode()

    shown = {view for view in ("import", "export") if url(Partner, view) in page}
    assert shown == links


def test_an_export_follows_the_list_filters(client, editor):
    factories.PartnerFactory(slug="published-one")
    factories.PartnerFactory(slug="draft-one", status=Status.DRAFT, published_at=None)
    client.force_login(editor)

    response = client.post(
        url(Partner, "export") + "?status__exact=draft", export_post(SHEETS["partners"])
    )

    text = response.content.decode("utf-8-sig")
    assert "draft-one" in text and "published-one" not in text
