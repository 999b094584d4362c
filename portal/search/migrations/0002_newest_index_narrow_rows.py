from django.db import migrations, models

from portal.migration_operations import AddIndexOnPostgreSQL


def narrow_rows(apps, schema_editor):
    # Texts and vectors move out of line (TOAST) past 128 bytes, so the heap that
    # a search's bitmap scan visits holds only ids, dates and facet keys: a tenth
    # of its size on the 100,000-resource bench. Rows written from now on.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)"
        )


def wide_rows(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry RESET (toast_tuple_target)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="searchentry",
            index=models.Index(
                models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                models.OrderBy(models.F("id"), descending=True),
                name="search_entry_newest",
            ),
        ),
        migrations.RunPython(narrow_rows, wide_rows, elidable=False),
    ]
