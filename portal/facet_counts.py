"""Stored facet counts: what an unfiltered list shows, without counting its rows.

Counting the options of every facet over a 100,000-row library costs hundreds of
milliseconds a request. On PostgreSQL, triggers keep one row per (list, audience,
"facet:option") in ``portal_facetcount`` exact, in the same transaction as the
change that moves a count: a row saved or deleted, a theme linked or unlinked, a
slug renamed. An unfiltered list page then reads a few hundred small rows.

Each list is described once by a ``Listing``: its table, which rows the public
sees (the SQL twin of its queryset's ``visible_to``; a test compares the two),
and the SQL of its keys. Keys are the query-string values of the list's filter,
``"*"`` counts the rows. Audiences: ``staff`` counts every row, ``public`` what
everyone else sees. SQLite (the demo) has no triggers here; lists count live.
"""

# The SQL here is assembled from the Listing constants in code, never from input.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection

TOTAL = "*"
PUBLIC, STAFF = "public", "staff"

# Every Listing, by name; each app imports its own in AppConfig.ready().
LISTINGS: dict[str, Listing] = {}


@dataclass(frozen=True)
class Relation:
    """A many-to-many facet: the link table and the term whose field is the key."""

    facet: str  # "theme"
    through: str  # "resources_resource_themes"
    owner_column: str  # "resource_id"
    term_column: str  # "theme_id"
    term_table: str  # "taxonomy_theme"
    term_key: str  # "slug"


@dataclass(frozen=True)
class Term:
    """A key taken from another table's column: renaming it renames the key."""

    facet: str  # "country"
    table: str  # "taxonomy_country"
    column: str  # "iso3"


@dataclass(frozen=True)
class Listing:
    name: str  # "resources"
    table: str  # "resources_resource"
    public_condition: str  # SQL over the row ``r``
    scalar_keys: tuple[str, ...]  # SQL over ``r``, each a text key or NULL
    relations: tuple[Relation, ...]
    # Columns whose change moves a count; other updates (a download counter) do not
    # fire the trigger at all.
    watched_columns: tuple[str, ...]
    # Scalar keys read from another table (through a foreign key).
    terms: tuple[Term, ...] = ()

    @property
    def all_terms(self) -> tuple[Term, ...]:
        related = (Term(r.facet, r.term_table, r.term_key) for r in self.relations)
        return (*related, *self.terms)

    def __post_init__(self) -> None:
        LISTINGS[self.name] = self

    @property
    def prefix(self) -> str:
        return f"facets_{self.name}"


BUMP_FUNCTION = """
CREATE OR REPLACE FUNCTION portal_facet_bump(
    p_listing text, p_audiences text[], p_keys text[], p_delta integer
) RETURNS void LANGUAGE sql AS $$
    -- Sorted, so two transactions lock the same count rows in the same order.
    INSERT INTO portal_facetcount (listing, audience, key, count)
    SELECT p_listing, a, k, p_delta
    FROM unnest(p_audiences) AS a CROSS JOIN unnest(p_keys) AS k
    WHERE k IS NOT NULL
    ORDER BY a, k
    ON CONFLICT (listing, audience, key)
    DO UPDATE SET count = portal_facetcount.count + EXCLUDED.count
$$;
"""


def _keys_function(listing: Listing) -> str:
    scalars = ",\n        ".join(listing.scalar_keys)
    relations = "".join(
        f"""
    || ARRAY(
        SELECT '{rel.facet}:' || t.{rel.term_key}
        FROM {rel.through} AS x JOIN {rel.term_table} AS t ON t.id = x.{rel.term_column}
        WHERE x.{rel.owner_column} = r.id
    )"""
        for rel in listing.relations
    )
    return f"""
CREATE OR REPLACE FUNCTION {listing.prefix}_keys(r {listing.table})
RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT array_remove(ARRAY[
        '{TOTAL}',
        {scalars}
    ]::text[], NULL){relations}
$$;
CREATE OR REPLACE FUNCTION {listing.prefix}_audiences(r {listing.table})
RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN {listing.public_condition}
        THEN ARRAY['{STAFF}', '{PUBLIC}'] ELSE ARRAY['{STAFF}'] END
$$;
"""


def _row_trigger(listing: Listing) -> str:
    p = listing.prefix
    old = ", ".join(f"OLD.{column}" for column in listing.watched_columns)
    new = ", ".join(f"NEW.{column}" for column in listing.watched_columns)
    return f"""
CREATE OR REPLACE FUNCTION {p}_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM portal_facet_bump('{listing.name}', {p}_audiences(OLD), {p}_keys(OLD), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM portal_facet_bump('{listing.name}', {p}_audiences(NEW), {p}_keys(NEW), 1);
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {p}_row ON {listing.table};
CREATE TRIGGER {p}_row AFTER INSERT OR DELETE ON {listing.table}
    FOR EACH ROW EXECUTE FUNCTION {p}_row();
DROP TRIGGER IF EXISTS {p}_row_update ON {listing.table};
CREATE TRIGGER {p}_row_update AFTER UPDATE ON {listing.table}
    FOR EACH ROW WHEN (ROW({old}) IS DISTINCT FROM ROW({new}))
    EXECUTE FUNCTION {p}_row();
"""


def _relation_triggers(listing: Listing, rel: Relation) -> str:
    p = f"{listing.prefix}_{rel.facet}"
    return f"""
CREATE OR REPLACE FUNCTION {p}_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    link record;
    owner {listing.table};
    term text;
BEGIN
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    SELECT * INTO owner FROM {listing.table} WHERE id = link.{rel.owner_column};
    IF NOT FOUND THEN RETURN NULL; END IF;
    SELECT '{rel.facet}:' || t.{rel.term_key} INTO term
    FROM {rel.term_table} AS t WHERE t.id = link.{rel.term_column};
    PERFORM portal_facet_bump(
        '{listing.name}', {listing.prefix}_audiences(owner), ARRAY[term],
        CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END
    );
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {p}_link ON {rel.through};
CREATE TRIGGER {p}_link AFTER INSERT OR DELETE ON {rel.through}
    FOR EACH ROW EXECUTE FUNCTION {p}_link();
"""


def _rename_trigger(listing: Listing, term: Term) -> str:
    p = f"{listing.prefix}_{term.facet}"
    return f"""
CREATE OR REPLACE FUNCTION {p}_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE portal_facetcount SET key = '{term.facet}:' || NEW.{term.column}
    WHERE listing = '{listing.name}' AND key = '{term.facet}:' || OLD.{term.column};
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {p}_rename ON {term.table};
CREATE TRIGGER {p}_rename AFTER UPDATE ON {term.table}
    FOR EACH ROW WHEN (OLD.{term.column} IS DISTINCT FROM NEW.{term.column})
    EXECUTE FUNCTION {p}_rename();
"""


def install_sql(listing: Listing) -> str:
    """Functions and triggers that keep ``listing``'s counts (idempotent)."""
    return "".join(
        [
            BUMP_FUNCTION,
            _keys_function(listing),
            _row_trigger(listing),
            *(_relation_triggers(listing, rel) for rel in listing.relations),
            *(_rename_trigger(listing, term) for term in listing.all_terms),
        ]
    )


def uninstall_sql(listing: Listing) -> str:
    p = listing.prefix
    statements = [f"DROP TRIGGER IF EXISTS {p}_row ON {listing.table};"]
    statements.append(f"DROP TRIGGER IF EXISTS {p}_row_update ON {listing.table};")
    statements.append(f"DROP FUNCTION IF EXISTS {p}_row();")
    for rel in listing.relations:
        statements += [
            f"DROP TRIGGER IF EXISTS {p}_{rel.facet}_link ON {rel.through};",
            f"DROP FUNCTION IF EXISTS {p}_{rel.facet}_link();",
        ]
    for term in listing.all_terms:
        statements += [
            f"DROP TRIGGER IF EXISTS {p}_{term.facet}_rename ON {term.table};",
            f"DROP FUNCTION IF EXISTS {p}_{term.facet}_rename();",
        ]
    statements += [
        f"DROP FUNCTION IF EXISTS {p}_keys({listing.table});",
        f"DROP FUNCTION IF EXISTS {p}_audiences({listing.table});",
        f"DELETE FROM portal_facetcount WHERE listing = '{listing.name}';",
    ]
    return "\n".join(statements)


def rebuild_sql(listing: Listing) -> str:
    p = listing.prefix
    return f"""
DELETE FROM portal_facetcount WHERE listing = '{listing.name}';
INSERT INTO portal_facetcount (listing, audience, key, count)
SELECT '{listing.name}', a, k, count(*)
FROM {listing.table} AS r
    CROSS JOIN LATERAL unnest({p}_audiences(r)) AS a
    CROSS JOIN LATERAL unnest({p}_keys(r)) AS k
GROUP BY a, k;
"""


def is_supported() -> bool:
    return connection.vendor == "postgresql"


def rebuild(listings: Iterable[Listing] | None = None) -> list[str]:
    """Count lists again from their rows; the names of those counted.

    After a bulk load without triggers, and nightly, to heal what the triggers
    cannot see (a country moved to another region).
    """
    if not is_supported():
        return []
    done = []
    with connection.cursor() as cursor:
        for listing in listings or LISTINGS.values():
            cursor.execute(rebuild_sql(listing))
            done.append(listing.name)
    return done


@contextmanager
def triggers_paused():
    """No count is kept in this transaction (for a bulk load followed by rebuild())."""
    if not is_supported():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def stored_counts(listing: Listing, *, staff: bool) -> dict[str, dict[str, int]]:
    """``{facet: {option: count}}`` and ``{"*": {"": total}}``, from the stored rows."""
    from portal.models import FacetCount

    rows = FacetCount.objects.filter(
        listing=listing.name, audience=STAFF if staff else PUBLIC, count__gt=0
    ).values_list("key", "count")
    counts: dict[str, dict[str, int]] = {TOTAL: {"": 0}}
    for key, count in rows:
        if key == TOTAL:
            counts[TOTAL][""] = count
            continue
        facet, _sep, option = key.partition(":")
        counts.setdefault(facet, {})[option] = count
    return counts


def public_totals() -> dict[str, int]:
    """How many rows of each list the public sees (empty on SQLite)."""
    from portal.models import FacetCount

    if not is_supported():
        return {}
    return dict(
        FacetCount.objects.filter(audience=PUBLIC, key=TOTAL).values_list(
            "listing", "count"
        )
    )
