from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

from portal.migration_operations import AddIndexOnPostgreSQL, RemoveIndexOnPostgreSQL

# The head (title A, summary B) of every entry, both languages.
HEAD_SQL = """
UPDATE search_searchentry SET head_vector =
    setweight(to_tsvector('russian'::regconfig, COALESCE(title_ru, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(title_en, '')), 'A')
    || setweight(to_tsvector('russian'::regconfig, COALESCE(summary_ru, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, COALESCE(summary_en, '')), 'B')
"""


def head_inline(apps, schema_editor):
    # MAIN: compressed but kept in the row, so ranking a thousand candidates reads
    # no TOAST. Every entry gets its head (it ranks), not only `missions` ones.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry ALTER COLUMN head_vector SET STORAGE MAIN"
        )
        schema_editor.execute(HEAD_SQL)


def head_extended(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_searchentry ALTER COLUMN head_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_newest_index_narrow_rows"),
    ]

    operations = [
        # The planner walked it for mid-frequency words, re-reading a vector per row.
        RemoveIndexOnPostgreSQL(model_name="searchentry", name="search_entry_newest"),
        RemoveIndexOnPostgreSQL(
            model_name="searchentry", name="search_entry_head_vector"
        ),
        AddIndexOnPostgreSQL(
            model_name="searchentry",
            index=GinIndex(
                condition=models.Q(audience="missions"),
                fields=["head_vector"],
                name="search_entry_locked_head",
            ),
        ),
        migrations.RunPython(head_inline, head_extended, elidable=False),
    ]
