"""Triggers that keep the directory's facet counts (PostgreSQL; SQLite counts live)."""

from django.db import migrations

from partners.facet_listing import PARTNERS
from portal import facet_counts


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(facet_counts.install_sql(PARTNERS))
    schema_editor.execute(facet_counts.rebuild_sql(PARTNERS))


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(facet_counts.uninstall_sql(PARTNERS))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_facet_counts"),
        ("partners", "0002_contact_full_name"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
