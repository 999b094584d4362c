"""Triggers that keep the library's facet counts (PostgreSQL; SQLite counts live)."""

from django.db import migrations

from portal import facet_counts
from resources.facet_listing import RESOURCES


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_facet_counts"),
        ("resources", "0002_listing_indexes"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [facet_counts.install_operation(RESOURCES)]
