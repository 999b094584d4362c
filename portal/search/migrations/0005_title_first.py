import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

from portal.migration_operations import AddIndexOnPostgreSQL

TITLE_SQL = """
UPDATE search_searchentry SET title_vector =
    setweight(to_tsvector('russian'::regconfig, COALESCE(title_ru, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(title_en, '')), 'A')
"""


POOL_COLUMNS = (
    "title_vector",
    "kind",
    "audience",
    "themes",
    "regions",
    "languages",
)


def title_inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # What a search reads of each of its 500 candidates stays in the row, the
    # title vector (about 100 bytes) included: a scan tests it row by row, and
    # with toast_tuple_target = 128 (migration 0002) even a 20-byte list of
    # themes went out of line, three TOAST look-ups per candidate (30 ms a
    # search on the bench). The head vector (about 800 bytes) may go out of
    # line again (0003 kept it in): nothing reads it per candidate any more.
    schema_editor.execute(
        "ALTER TABLE search_searchentry ALTER COLUMN head_vector SET STORAGE EXTENDED,"
        + ",".join(
            f" ALTER COLUMN {column} SET STORAGE MAIN" for column in POOL_COLUMNS
        )
    )
    schema_editor.execute(TITLE_SQL)
    # Rewrites the table newest first (what rebuild_search_index keeps doing),
    # and brings the columns above back into their rows: an UPDATE leaves an
    # unchanged out-of-line value where it is, a rewrite does not.
    schema_editor.execute(
        "CLUSTER search_searchentry USING search_entry_newest;"
        " ANALYZE search_searchentry"
    )


def title_back(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE search_searchentry ALTER COLUMN head_vector SET STORAGE MAIN,"
        + ",".join(
            f" ALTER COLUMN {column} SET STORAGE EXTENDED"
            for column in POOL_COLUMNS[1:]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_head_index_for_all"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(null=True),
        ),
        AddIndexOnPostgreSQL(
            model_name="searchentry",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["title_vector"], name="search_entry_title"
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="searchentry",
            index=models.Index(
                models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                models.OrderBy(models.F("id"), descending=True),
                name="search_entry_newest",
            ),
        ),
        migrations.RunPython(title_inline, title_back, elidable=False),
    ]
