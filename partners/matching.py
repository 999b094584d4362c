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

from portal.compiled import CompiledSQL, Param
from portal.publishing import Status, translated_sort_key

from .models import Partner
from .profile import CountryName, PartnerRow

# Matches shown per list.
RECOMMENDATIONS = 6

# The partners linked by ``links`` to a theme the partner is linked to by
# ``wanted``, itself excluded, each with how many such themes (``matches``).
# Table names are constants below, never input.
_COUNTED = """
  SELECT link.partner_id, COUNT(*) AS matches
  FROM {links} AS link
  WHERE link.theme_id IN (
    SELECT wanted.theme_id FROM {wanted} AS wanted WHERE wanted.partner_id = %s
  ) AND link.partner_id <> %s
  GROUP BY link.partner_id
"""
# The same on PostgreSQL: the partner's few themes as an array, which each link
# is checked against as the table is read (rather than a hash join to them).
_COUNTED_POSTGRESQL = """
  SELECT link.partner_id, COUNT(*) AS matches
  FROM {links} AS link
  WHERE link.theme_id = ANY(ARRAY(
    SELECT wanted.theme_id FROM {wanted} AS wanted WHERE wanted.partner_id = %s
  )) AND link.partner_id <> %s
  GROUP BY link.partner_id
"""
# One list, from the counted partners: the published ones, most themes in
# common first, then A to Z.
_HALF = """
SELECT partners_partner.id, partners_partner.slug, partners_partner.kind,
  partners_partner.name_ru, partners_partner.name_en, partners_partner.country_id,
  taxonomy_country.name_ru, taxonomy_country.name_en, counted.matches, {helps}
FROM ({counted}) AS counted
JOIN partners_partner ON partners_partner.id = counted.partner_id
LEFT JOIN taxonomy_country ON taxonomy_country.id = partners_partner.country_id
WHERE partners_partner.status = %s
ORDER BY counted.matches DESC, {name_order}, partners_partner.id
LIMIT {limit}
"""
# The same list on PostgreSQL, where it reads the names of far fewer partners
# (the statement: 1.8 against 2.7 ms for the busiest partner on the bench).
# A busy theme links ~500 partners, and sorting them all by name cost more than
# the rest of the statement. Only those with at least as many matches as the
# last one shown can be shown: that threshold comes from the counts alone,
# sorted, probing each partner's status until ``limit`` are published (a handful
# of probes), and only the partners at or above it (a tenth of them, usually)
# are read and sorted by name. ``OFFSET 0`` keeps each LATERAL a probe by
# primary key rather than a hash of the whole partners table. The outer ORDER
# BY keeps that order through the country's join, which need not.
_HALF_POSTGRESQL = """
SELECT shown.id, shown.slug, shown.kind, shown.name_ru, shown.name_en,
  shown.country_id, taxonomy_country.name_ru, taxonomy_country.name_en,
  shown.matches, {helps}
FROM (
  SELECT partners_partner.*, counted.matches, {name_order} AS name_key
  FROM {counted} AS counted
  CROSS JOIN LATERAL (
    SELECT id, slug, kind, name_ru, name_en, country_id FROM partners_partner
    WHERE partners_partner.id = counted.partner_id AND partners_partner.status = %s
    OFFSET 0
  ) AS partners_partner
  WHERE counted.matches >= COALESCE((
    SELECT ranked.matches
    FROM (SELECT * FROM {counted} ORDER BY matches DESC) AS ranked
    CROSS JOIN LATERAL (
      SELECT 1 FROM partners_partner
      WHERE partners_partner.id = ranked.partner_id AND partners_partner.status = %s
      OFFSET 0
    ) AS listed
    ORDER BY ranked.matches DESC
    LIMIT 1 OFFSET {last}
  ), 0)
  ORDER BY counted.matches DESC, name_key, partners_partner.id
  LIMIT {limit}
) AS shown
LEFT JOIN taxonomy_country ON taxonomy_country.id = shown.country_id
ORDER BY shown.matches DESC, shown.name_key, shown.id
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
# The partner's id, in the parameters until a page gives it.
PARTNER = Param("partner")


def name_order_sql(language: str) -> tuple[str, list]:
    """``translated_sort_key("name", language)`` as SQL on ``partners_partner``,
    for hand-written statements (here and in ``expertise``)."""
    query = Query(Partner)
    compiler = query.get_compiler(connection=connection)
    sql, params = (
        translated_sort_key("name", language)
        .resolve_expression(query)
        .as_sql(compiler, connection)
    )
    return sql, list(params)


def _sqlite_statements(language: str) -> tuple[tuple[str, tuple], ...]:
    """One statement per list (no LIMIT inside a compound statement there)."""
    name_order, name_params = name_order_sql(language)
    return tuple(
        (
            _HALF.format(
                helps="TRUE" if helps else "FALSE",
                counted=_COUNTED.format(links=links, wanted=wanted),
                name_order=name_order,
                limit=RECOMMENDATIONS,
            ),
            (PARTNER, PARTNER, Status.PUBLISHED, *name_params),
        )
        for helps, links, wanted in HALVES
    )


def _postgresql_statement(language: str) -> tuple[str, tuple]:
    """Both lists in one statement: each list's counts are a CTE, read twice."""
    name_order, name_params = name_order_sql(language)
    names = {True: "helping", False: "seeking"}
    counts = ", ".join(
        f"{names[helps]} AS MATERIALIZED "
        f"({_COUNTED_POSTGRESQL.format(links=links, wanted=wanted)})"
        for helps, links, wanted in HALVES
    )
    halves = " UNION ALL ".join(
        "("
        + _HALF_POSTGRESQL.format(
            helps="TRUE" if helps else "FALSE",
            counted=names[helps],
            name_order=name_order,
            last=RECOMMENDATIONS - 1,
            limit=RECOMMENDATIONS,
        )
        + ")"
        for helps, _links, _wanted in HALVES
    )
    # In the order of the placeholders: the counts, then each list's name key
    # and statuses.
    params = (PARTNER, PARTNER) * len(HALVES) + (
        *name_params,
        Status.PUBLISHED,
        Status.PUBLISHED,
    ) * len(HALVES)
    return f"WITH {counts}\n{halves}", params


@functools.lru_cache(maxsize=8)
def _statements(language: str, vendor: str) -> tuple[CompiledSQL, ...]:
    """The statements (the partner's id as ``PARTNER``), per language (the
    names' order) and database."""
    if vendor == "postgresql":
        return (CompiledSQL(*_postgresql_statement(language)),)
    return tuple(CompiledSQL(*part) for part in _sqlite_statements(language))


class Match(PartnerRow):
    """A recommended partner as ``match_list`` shows it: the statement's
    columns; ``matches``: the themes it matches on; ``helps``: which list it
    belongs to."""

    def __init__(self, row: tuple):
        fields = len(PARTNER_FIELDS)
        for name, value in zip(PARTNER_FIELDS, row[:fields], strict=True):
            setattr(self, name, value)
        self.country = None
        if self.country_id is not None:
            self.country = CountryName(*row[fields : fields + len(COUNTRY_FIELDS)])
        self.matches, self.helps = row[-2], bool(row[-1])

    @property
    def pk(self) -> int:
        return self.id


def partner_matches(partner: Partner) -> dict:
    """Who can help with what it seeks and who seeks what it offers.

    A list is empty when the partner states nothing on its side.
    """
    rows = []
    for statement in _statements(translation.get_language(), connection.vendor):
        rows += statement.rows(partner=partner.pk)
    partners = [Match(row) for row in rows]
    return {
        "able_to_help": [p for p in partners if p.helps],
        "seeking_offers": [p for p in partners if not p.helps],
    }
