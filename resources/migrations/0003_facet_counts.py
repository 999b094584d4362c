"""Triggers that keep the library's facet counts (PostgreSQL; SQLite counts live)."""

from django.db import migrations

from portal import facet_counts
from resources.facet_listing import RESOURCES


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(facet_counts.install_sql(RESOURCES))
    schema_editor.execute(facet_counts.rebuild_sql(RESOURCES))


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(facet_counts.uninstall_sql(RESOURCES))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_facet_counts"),
        ("resources", "0002_listing_indexes"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
