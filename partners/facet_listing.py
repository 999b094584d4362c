"""The directory's stored facet counts: its keys in SQL (see ``portal/facet_counts.py``).

Keys are the query-string values of ``PartnerFilterSet``.
"""

from portal.facet_counts import Listing, Relation, Term

PARTNERS = Listing(
    name="partners",
    table="partners_partner",
    # PartnerQuerySet.visible_to for everyone but staff.
    public_condition="r.status = 'published'",
    scalar_keys=(
        "'kind:' || r.kind",
        "(SELECT 'region:' || g.slug FROM taxonomy_region AS g"
        " WHERE g.id = r.region_id)",
        "(SELECT 'country:' || c.iso3 FROM taxonomy_country AS c"
        " WHERE c.id = r.country_id)",
    ),
    relations=(
        Relation(
            "offers",
            "partners_partner_offers",
            "partner_id",
            "theme_id",
            "taxonomy_theme",
            "slug",
        ),
        Relation(
            "seeks",
            "partners_partner_seeks",
            "partner_id",
            "theme_id",
            "taxonomy_theme",
            "slug",
        ),
    ),
    watched_columns=("status", "kind", "region_id", "country_id"),
    terms=(
        Term("country", "taxonomy_country", "iso3"),
        Term("region", "taxonomy_region", "slug"),
    ),
    paired_facets=("kind", "region", "offers", "seeks"),
)
