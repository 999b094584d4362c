"""Counts among the rows with one option of each of two combined facets
(``Listing.combined_facets``: the library's kind within a theme).

Every list's triggers are reinstalled from the current code and the lists with
combined facets counted again. Going back reinstalls the triggers without them
and drops their counts.
"""

from django.db import migrations

from portal import facet_counts
from portal.facet_triggers import COMBINED


def install_combinations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for listing in facet_counts.LISTINGS.values():
        schema_editor.execute(facet_counts.install_sql(listing))
        if listing.combined_facets:
            schema_editor.execute(facet_counts.rebuild_sql(listing))


def remove_combinations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for listing in facet_counts.LISTINGS.values():
        schema_editor.execute(facet_counts.install_sql(listing, combined=False))
    schema_editor.execute(
        "DELETE FROM portal_facetcount WHERE strpos(given, %s) > 0", [COMBINED]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_facetcount_ranked_by_facet"),
        # The lists' triggers: reinstalled here, so after their own migrations.
        ("resources", "0009_newest_for_staff"),
        ("programme", "0008_partner_and_theme_link_indexes"),
        ("partners", "0009_offering_index"),
    ]

    operations = [migrations.RunPython(install_combinations, remove_combinations)]
