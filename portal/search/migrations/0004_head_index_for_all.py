from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from portal.migration_operations import AddIndexOnPostgreSQL, RemoveIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_rank_on_inline_head"),
    ]

    # Title and summary matches of every entry come first in a search's pool.
    operations = [
        RemoveIndexOnPostgreSQL(
            model_name="searchentry", name="search_entry_locked_head"
        ),
        AddIndexOnPostgreSQL(
            model_name="searchentry",
            index=GinIndex(fields=["head_vector"], name="search_entry_head"),
        ),
    ]
