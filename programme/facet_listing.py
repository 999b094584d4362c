"""The ledger's stored facet counts: its keys in SQL (see ``portal/facet_counts.py``).

Keys are the query-string values of ``ActivityFilterSet``. "Upcoming or past"
changes with the calendar, not with the rows, so it is counted live. A country
moved to another region keeps its activities' old region until the nightly
rebuild (``rebuild_facet_counts``).
"""

from portal.facet_counts import Listing, Relation, Term

ACTIVITIES = Listing(
    name="activities",
    table="programme_activity",
    # ActivityQuerySet.visible_to for everyone but staff.
    public_condition="r.status = 'published'",
    scalar_keys=(
        "'kind:' || r.kind",
        "'format:' || r.format",
        "'year:' || extract(year FROM r.start_date)::integer",
        "(SELECT 'country:' || c.iso3 FROM taxonomy_country AS c"
        " WHERE c.id = r.host_country_id)",
        "(SELECT 'region:' || g.slug FROM taxonomy_country AS c"
        " JOIN taxonomy_region AS g ON g.id = c.region_id"
        " WHERE c.id = r.host_country_id)",
        "(SELECT 'project:' || p.slug FROM programme_project AS p"
        " WHERE p.id = r.project_id)",
    ),
    relations=(
        Relation(
            "theme",
            "programme_activity_themes",
            "activity_id",
            "theme_id",
            "taxonomy_theme",
            "slug",
        ),
        Relation(
            "provider",
            "programme_activity_providers",
            "activity_id",
            "partner_id",
            "partners_partner",
            "slug",
        ),
        Relation(
            "beneficiary",
            "programme_activity_beneficiaries",
            "activity_id",
            "partner_id",
            "partners_partner",
            "slug",
        ),
    ),
    watched_columns=(
        "status",
        "kind",
        "format",
        "start_date",
        "host_country_id",
        "project_id",
    ),
    paired_facets=("kind", "format", "year", "region", "theme"),
    terms=(
        Term("country", "taxonomy_country", "iso3"),
        Term("region", "taxonomy_region", "slug"),
        Term("project", "programme_project", "slug"),
    ),
)
