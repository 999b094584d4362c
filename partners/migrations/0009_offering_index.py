"""The published partners' ids with what rankings of them read: "find expertise"
(``partners/expertise.py``) ranks a theme's partners, and a partner page's
recommendations (``partners/matching.py``) read and sort hundreds, from this
index rather than from their wide rows (2.0 -> 1.5 and 1.4 -> 1.3 ms of the
server's CPU on the bench). PostgreSQL only: the SQLite demo's few partners
need no index."""

from django.db import migrations, models

from portal.migration_operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0008_theme_partner_link_indexes"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="partner",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["id", "slug", "kind", "name_ru", "name_en", "country_id"],
                name="partners_offering",
            ),
        ),
    ]
