"""An exchange's links by partner and by theme, read from the index alone.

A partner page lists the exchanges it provided and received, and "find
expertise" ranks the providers of a theme's exchanges: both go from a partner or
a theme to its activity ids, which Django's one-column indexes answer with a
visit to the table per link (the expertise page's SQL 3.8 -> 3.1 ms on the
bench). The link tables are Django's own (no model in the migration state),
hence plain SQL, which SQLite runs as well.
"""

from django.db import migrations

INDEXES = (
    ("programme_activity_providers", "partner_id"),
    ("programme_activity_beneficiaries", "partner_id"),
    ("programme_activity_themes", "theme_id"),
)


class Migration(migrations.Migration):
    dependencies = [("programme", "0007_alter_photo_image")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {table}_by_{column[:-3]} ON {table} ({column}, activity_id)",
            f"DROP INDEX {table}_by_{column[:-3]}",
        )
        for table, column in INDEXES
    ]
