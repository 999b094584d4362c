"""A partner page's recommendations: who can help with what it seeks, and who
seeks what it offers, in one statement.

Written in SQL rather than as ``able_to_help`` / ``seeking_offers_of`` querysets
(which say the same, and which the tests hold this to): the ORM joins a busy
theme's ~500 link rows to the partners before counting them, and grouping the
joined rows cost twice as much as counting the links first (4.5 against 2.4 ms on
the bench), which needs a derived table that querysets cannot express.
"""

from __future__ import annotations

import functools

from django.db import connection
from django.db.models.sql import Query
from django.utils import translation

from portal.publishing import Status, translated_sort_key
from portal.taxonomy.models import Country

from .models import Partner

# Matches shown per list.
RECOMMENDATIONS = 6

# One list: partners (published, not the partner itself) linked by ``links`` to
# a theme the partner is linked to by ``wanted``; most themes in common first,
# then A to Z. Table names are constants below, never input.
_HALF = """
SELECT partners_partner.id, partners_partner.slug, partners_partner.kind,
  partners_partner.name_ru, partners_partner.name_en, partners_partner.country_id,
  taxonomy_country.name_ru, taxonomy_country.name_en, counted.matches, {helps}
FROM (
  SELECT link.partner_id, COUNT(*) AS matches
  FROM {links} AS link
  WHERE link.theme_id IN (
    SELECT wanted.theme_id FROM {wanted} AS wanted WHERE wanted.partner_id = %s
  ) AND link.partner_id <> %s
  GROUP BY link.partner_id
) AS counted
JOIN partners_partner ON partners_partner.id = counted.partner_id
LEFT JOIN taxonomy_country ON taxonomy_country.id = partners_partner.country_id
WHERE partners_partner.status = %s
ORDER BY counted.matches DESC, {name_order}, partners_partner.id
LIMIT {limit}
"""
PARTNER_FIELDS = ("id", "slug", "kind", "name_ru", "name_en", "country_id")
COUNTRY_FIELDS = ("name_ru", "name_en")
# (helps, the links of the partners listed, the links of the partner's page).
HALVES = (
    (True, Partner.offers.through._meta.db_table, Partner.seeks.through._meta.db_table),
    (
        False,
        Partner.seeks.through._meta.db_table,
        Partner.offers.through._meta.db_table,
    ),
)


@functools.lru_cache(maxsize=8)
def _statements(language: str, vendor: str) -> tuple[tuple[str, tuple], ...]:
    """The statements and their parameters (the partner's id as ``None``), per
    language (the names' order) and database: one UNION ALL on PostgreSQL, one
    statement per list on SQLite (no LIMIT inside a compound statement there)."""
    query = Query(Partner)
    compiler = query.get_compiler(connection=connection)
    name_order, name_params = (
        translated_sort_key("name", language)
        .resolve_expression(query)
        .as_sql(compiler, connection)
    )
    parts = []
    for helps, links, wanted in HALVES:
        sql = _HALF.format(
            helps="TRUE" if helps else "FALSE",
            links=links,
            wanted=wanted,
            name_order=name_order,
            limit=RECOMMENDATIONS,
        )
        parts.append((sql, (None, None, Status.PUBLISHED, *name_params)))
    if vendor == "sqlite":
        return tuple(parts)
    union = " UNION ALL ".join(f"({sql})" for sql, _params in parts)
    return ((union, tuple(param for _sql, params in parts for param in params)),)


def _partner(row) -> Partner:
    fields = len(PARTNER_FIELDS)
    partner = Partner.from_db("default", PARTNER_FIELDS, row[:fields])
    country = None
    if partner.country_id is not None:
        values = (partner.country_id, *row[fields : fields + len(COUNTRY_FIELDS)])
        country = Country.from_db("default", ("id", *COUNTRY_FIELDS), values)
    Partner.country.field.set_cached_value(partner, country)
    partner.matches, partner.helps = row[-2], bool(row[-1])
    return partner


def partner_matches(partner: Partner) -> dict:
    """Who can help with what it seeks and who seeks what it offers.

    A list is empty when the partner states nothing on its side.
    """
    rows = []
    with connection.cursor() as cursor:
        for sql, params in _statements(translation.get_language(), connection.vendor):
            cursor.execute(sql, [partner.pk if p is None else p for p in params])
            rows += cursor.fetchall()
    partners = [_partner(row) for row in rows]
    return {
        "able_to_help": [p for p in partners if p.helps],
        "seeking_offers": [p for p in partners if not p.helps],
    }
