"""Partners by theme in the offers and seeks links, read from the index alone.

A partner page's recommendations count, per partner, the links to its few
themes (``partners/matching.py``), and "find expertise" joins a theme's links to
the partners: both read a theme's links for their partner ids, which Django's
index on ``theme_id`` alone answers with a visit to the table per link (0.42 ->
0.26 ms per count for the busiest partner on the bench). The link tables are
Django's own (no model in the migration state), hence plain SQL, which SQLite
runs as well.
"""

from django.db import migrations

LINK_TABLES = ("partners_partner_offers", "partners_partner_seeks")


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0007_latest_published_index"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {table}_by_theme ON {table} (theme_id, partner_id)",
            f"DROP INDEX {table}_by_theme",
        )
        for table in LINK_TABLES
    ]
