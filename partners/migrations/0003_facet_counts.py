"""Triggers that keep the directory's facet counts (PostgreSQL; SQLite counts live)."""

from django.db import migrations

from partners.facet_listing import PARTNERS
from portal import facet_counts


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_facet_counts"),
        ("partners", "0002_contact_full_name"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [facet_counts.install_operation(PARTNERS)]
