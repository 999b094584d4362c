"""Facet bitmaps (``portal/facet_bitmaps.py``) for the lists that keep them.

The triggers of every list are reinstalled from the current code and the lists
counted again, which writes the bitmaps. Going back reinstalls the triggers
without bitmaps and drops their table and functions.
"""

from django.db import migrations

from portal import facet_counts
from portal.facet_bitmaps import UNINSTALL_BITMAPS


def install_bitmaps(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for listing in facet_counts.LISTINGS.values():
        schema_editor.execute(facet_counts.install_sql(listing))
        schema_editor.execute(facet_counts.rebuild_sql(listing))


def remove_bitmaps(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for listing in facet_counts.LISTINGS.values():
        schema_editor.execute(facet_counts.install_sql(listing, bitmaps=False))
    schema_editor.execute(UNINSTALL_BITMAPS)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_figures_counts"),
    ]

    operations = [migrations.RunPython(install_bitmaps, remove_bitmaps)]
