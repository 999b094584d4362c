"""Helpers of the spreadsheet tests: export a sheet to bytes, import bytes back."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from partners.resources_io import PartnerSheet
from portal.imports.formats import CSV, XLSX
from programme.resources_io import ActivitySheet
from resources.resources_io import ResourceSheet
from tests import factories

SHEETS = {
    "partners": PartnerSheet,
    "activities": ActivitySheet,
    "resources": ResourceSheet,
}
FORMATS = {"csv": CSV, "xlsx": XLSX}


def export_file(sheet, queryset, fmt) -> bytes | str:
    """What the admin's export sends, for ``queryset``."""
    binary = fmt in (XLSX,)
    dataset = sheet().export(queryset=queryset, force_native_type=binary)
    return fmt().export_data(dataset)


def read_file(data, fmt):
    if isinstance(data, str):
        data = data.encode("utf-8-sig")
    return fmt(encoding="utf-8-sig").create_dataset(data)


def import_file(sheet, data, fmt, *, user, dry_run=False):
    return sheet().import_data(read_file(data, fmt), dry_run=dry_run, user=user)


def csv_text(header: str, *rows: str) -> str:
    return "\n".join((header, *rows)) + "\n"


@pytest.fixture
def content(db):
    """A partner, an activity and a resource with every kind of relation."""
    region = factories.RegionFactory(slug="africa")
    country = factories.CountryFactory(iso3="KEN", iso2="KE", region=region)
    other = factories.CountryFactory(iso3="EGY", iso2="EG", region=region)
    cve = factories.ThemeFactory(slug="cve")
    borders = factories.ThemeFactory(slug="borders")
    partner = factories.PartnerFactory(
        slug="kenya",
        country=country,
        region=region,
        acronym_ru="",
        acronym_en=None,
        description_ru="<p>Описание <strong>партнёра</strong>.</p>",
        website="https://example.org/kenya",
        since=2012,
    )
    partner.offers.add(cve, borders)
    partner.seeks.add(borders)
    helper = factories.PartnerFactory(slug="egypt", country=other, region=region)
    project = factories.ProjectFactory(slug="project-1")
    activity = factories.ActivityFactory(
        slug="nairobi-workshop",
        project=project,
        host_country=country,
        city_ru="Найроби",
        city_en="Nairobi",
        body_en="<p>Three days.</p>",
    )
    activity.providers.add(helper)
    activity.beneficiaries.add(partner)
    activity.themes.add(cve)
    resource = factories.ResourceFactory(
        slug="handbook",
        url_en="https://example.org/handbook",
        publisher_ru="КТЦ ООН",
        publisher_en="UNCCT",
    )
    resource.themes.add(cve)
    resource.regions.add(region)
    resource.countries.add(country, other)
    resource.activities.add(activity)
    return {"partner": partner, "activity": activity, "resource": resource}


def error_messages(error: ValidationError) -> list[str]:
    """Flat "column: message" strings of a row's error."""
    if hasattr(error, "error_dict"):
        return [
            f"{key}: {message}" if key != NON_FIELD_ERRORS else message
            for key, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)
