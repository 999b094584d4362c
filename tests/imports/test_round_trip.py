"""A good sheet round-trips: export, import, no change reported and the same data."""

import pytest

from tests.imports.conftest import FORMATS, SHEETS, export_file, import_file

pytestmark = pytest.mark.usefixtures("postgres")


def rows(sheet, fmt):
    """The exported cells, as text (XLSX keeps numbers and dates typed)."""
    model = sheet._meta.model
    dataset = sheet().export(queryset=model.objects.order_by("slug"))
    return [list(row) for row in dataset], dataset.headers


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=FORMATS.keys())
@pytest.mark.parametrize("sheet", SHEETS.values(), ids=SHEETS.keys())
def test_an_export_imports_back_as_no_change(content, publisher, sheet, fmt):
    before, headers = rows(sheet, fmt)
    data = export_file(sheet, sheet._meta.model.objects.all(), fmt)

    result = import_file(sheet, data, fmt, user=publisher)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == result.totals["update"] == 0
    assert result.totals["skip"] == len(before)
    assert rows(sheet, fmt) == (before, headers)


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=FORMATS.keys())
@pytest.mark.parametrize("sheet", SHEETS.values(), ids=SHEETS.keys())
def test_an_export_recreates_the_same_items_as_drafts(content, editor, sheet, fmt):
    model = sheet._meta.model
    before, headers = rows(sheet, fmt)
    data = export_file(sheet, model.objects.all(), fmt)
    # Resources link activities; deleting them cascades the links only.
    model.objects.all().delete()

    result = import_file(sheet, data, fmt, user=editor)

    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["new"] == len(before)
    after, _headers = rows(sheet, fmt)
    status = headers.index("status")
    for row in after:
        assert row[status] == "draft"
    for old, new in zip(before, after, strict=True):
        old[status] = new[status] = None
        assert old == new
    assert set(model.objects.values_list("created_by", flat=True)) == {editor.pk}


def test_a_changed_cell_is_one_update(content, editor):
    sheet = SHEETS["resources"]
    fmt = FORMATS["csv"]
    content["resource"].status = "draft"
    content["resource"].save()
    data = export_file(sheet, sheet._meta.model.objects.all(), fmt)
    data = data.replace(content["resource"].title_en, "A new English title")

    result = import_file(sheet, data, fmt, user=editor)

    assert result.totals["update"] == 1
    content["resource"].refresh_from_db()
    assert content["resource"].title_en == "A new English title"
    assert content["resource"].status == "draft"
    assert content["resource"].updated_by == editor
