"""The library's stored facet counts: its keys in SQL (see ``portal/facet_counts.py``).

Each key is the query-string value of ``ResourceFilterSet`` and the live count of
``ResourceQuerySet.facet_counts``; a test compares the stored counts with it.
"""

from django.conf import settings

from portal.facet_counts import Listing, Relation

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _available_in(code: str) -> str:
    # ResourceQuerySet.available_in: a document or a link in that language.
    return (
        f"(coalesce(r.document_{code}, '') <> '' OR coalesce(r.url_{code}, '') <> '')"
    )


RESOURCES = Listing(
    name="resources",
    table="resources_resource",
    # ResourceQuerySet.visible_to for everyone but staff.
    public_condition="r.status = 'published' AND r.access <> 'staff'",
    scalar_keys=(
        "'kind:' || r.kind",
        "'access:' || r.access",
        "'year:' || extract(year FROM r.published_on)::integer",
        *(
            f"CASE WHEN {_available_in(code)} THEN 'language:{code}' END"
            for code in LANGUAGE_CODES
        ),
        "CASE WHEN "
        + " AND ".join(_available_in(code) for code in LANGUAGE_CODES)
        + " THEN 'language:both' END",
    ),
    relations=(
        Relation(
            "theme",
            "resources_resource_themes",
            "resource_id",
            "theme_id",
            "taxonomy_theme",
            "slug",
        ),
        Relation(
            "region",
            "resources_resource_regions",
            "resource_id",
            "region_id",
            "taxonomy_region",
            "slug",
        ),
        Relation(
            "country",
            "resources_resource_countries",
            "resource_id",
            "country_id",
            "taxonomy_country",
            "iso3",
        ),
    ),
    watched_columns=(
        "status",
        "access",
        "kind",
        "published_on",
        *(f"document_{code}" for code in LANGUAGE_CODES),
        *(f"url_{code}" for code in LANGUAGE_CODES),
    ),
    paired_facets=("kind", "access", "year", "language", "theme", "region"),
    # A kind within a theme (publications on border security): the library's
    # common choice of two, counted from stored counts instead of 200-odd
    # bitmaps of 13 KB each (5 ms a page).
    combined_facets=(("kind", "theme"),),
    # A hundred thousand rows and a few hundred keys: two broad options chosen
    # let thousands of rows through, cheaper to count from bitmaps.
    bitmaps=True,
)
