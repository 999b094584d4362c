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

from collections.abc import Iterable, Sequence
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


SHARED_FUNCTIONS = """
CREATE OR REPLACE FUNCTION portal_facet_audiences(p_public boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_public THEN ARRAY['staff', 'public'] ELSE ARRAY['staff'] END
$$;

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

-- A row's keys as they are now (NULL: the row is gone): the counts move from
-- its stored keys to these, and the stored keys are replaced.
CREATE OR REPLACE FUNCTION portal_facet_set(
    p_listing text, p_id bigint, p_public boolean, p_keys text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    stored portal_facetrow;
BEGIN
    SELECT * INTO stored FROM portal_facetrow
    WHERE listing = p_listing AND object_id = p_id FOR UPDATE;
    IF FOUND THEN
        IF stored.public = p_public AND stored.keys = p_keys THEN
            RETURN;
        END IF;
        PERFORM portal_facet_bump(
            p_listing, portal_facet_audiences(stored.public), stored.keys, -1
        );
    END IF;
    IF p_keys IS NULL THEN
        DELETE FROM portal_facetrow WHERE listing = p_listing AND object_id = p_id;
        RETURN;
    END IF;
    PERFORM portal_facet_bump(p_listing, portal_facet_audiences(p_public), p_keys, 1);
    INSERT INTO portal_facetrow (listing, object_id, public, keys)
    VALUES (p_listing, p_id, p_public, p_keys)
    ON CONFLICT (listing, object_id)
    DO UPDATE SET public = EXCLUDED.public, keys = EXCLUDED.keys;
END
$$;
"""


def _keys_function(listing: Listing) -> str:
    scalars = ",\n        ".join(listing.scalar_keys)
    relations = "".join(
        f"""
        UNION SELECT '{rel.facet}:' || t.{rel.term_key}
        FROM {rel.through} AS x JOIN {rel.term_table} AS t ON t.id = x.{rel.term_column}
        WHERE x.{rel.owner_column} = r.id"""
        for rel in listing.relations
    )
    return f"""
CREATE OR REPLACE FUNCTION {listing.prefix}_keys(r {listing.table})
RETURNS text[] LANGUAGE sql STABLE AS $$
    -- Sorted and distinct: stored keys compare equal when nothing changed.
    SELECT ARRAY(
        SELECT k FROM (
            SELECT unnest(ARRAY['{TOTAL}', {scalars}]::text[]){relations}
        ) AS keys (k)
        WHERE k IS NOT NULL
        ORDER BY k
    )
$$;
CREATE OR REPLACE FUNCTION {listing.prefix}_public(r {listing.table})
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce({listing.public_condition}, false)
$$;
"""


def _row_trigger(listing: Listing) -> str:
    p = listing.prefix
    old = ", ".join(f"OLD.{column}" for column in listing.watched_columns)
    new = ", ".join(f"NEW.{column}" for column in listing.watched_columns)
    return f"""
CREATE OR REPLACE FUNCTION {p}_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM portal_facet_set('{listing.name}', OLD.id, NULL, NULL);
    ELSE
        PERFORM portal_facet_set(
            '{listing.name}', NEW.id, {p}_public(NEW), {p}_keys(NEW)
        );
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
BEGIN
    IF TG_OP = 'DELETE' THEN link := OLD; ELSE link := NEW; END IF;
    SELECT * INTO owner FROM {listing.table} WHERE id = link.{rel.owner_column};
    IF FOUND THEN
        PERFORM portal_facet_set(
            '{listing.name}', owner.id,
            {listing.prefix}_public(owner), {listing.prefix}_keys(owner)
        );
    END IF;
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
DECLARE
    old_key text := '{term.facet}:' || OLD.{term.column};
    new_key text := '{term.facet}:' || NEW.{term.column};
BEGIN
    UPDATE portal_facetrow
    SET keys = ARRAY(SELECT k FROM unnest(array_replace(keys, old_key, new_key)) k ORDER BY k)
    WHERE listing = '{listing.name}' AND keys @> ARRAY[old_key];
    UPDATE portal_facetcount SET key = new_key
    WHERE listing = '{listing.name}' AND key = old_key;
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
            SHARED_FUNCTIONS,
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
        f"DROP FUNCTION IF EXISTS {p}_public({listing.table});",
        f"DELETE FROM portal_facetcount WHERE listing = '{listing.name}';",
        f"DELETE FROM portal_facetrow WHERE listing = '{listing.name}';",
    ]
    return "\n".join(statements)


def rebuild_sql(listing: Listing) -> str:
    p, name = listing.prefix, listing.name
    return f"""
DELETE FROM portal_facetrow WHERE listing = '{name}';
INSERT INTO portal_facetrow (listing, object_id, public, keys)
SELECT '{name}', r.id, {p}_public(r), {p}_keys(r) FROM {listing.table} AS r;
DELETE FROM portal_facetcount WHERE listing = '{name}';
INSERT INTO portal_facetcount (listing, audience, key, count)
SELECT '{name}', a, k, count(*)
FROM portal_facetrow AS f
    CROSS JOIN LATERAL unnest(portal_facet_audiences(f.public)) AS a
    CROSS JOIN LATERAL unnest(f.keys) AS k
WHERE f.listing = '{name}'
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


def install(listings: Iterable[Listing] | None = None) -> None:
    """(Re)create the functions and triggers of every list (idempotent)."""
    if not is_supported():
        return
    with connection.cursor() as cursor:
        for listing in listings or LISTINGS.values():
            cursor.execute(install_sql(listing))


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


def chosen_counts(
    listing: Listing, *, staff: bool, chosen: dict[str, Sequence[str]]
) -> dict[str, dict[str, int]]:
    """Counts of every option with some options chosen, from the facet rows.

    Options of one facet are alternatives (any of them), facets combine (all of
    them), and each facet counts its options among the rows that every *other*
    facet's choice lets through: what ticking an option instead would give.
    One query, a UNION ALL of GROUP BYs over the GIN-indexed rows: every key of
    the rows matching all choices, plus, per chosen facet, that facet's keys of
    the rows failing it alone. ``"facet:"`` keys count each chosen facet's own
    rows (the "any" option of a single-choice facet). A single chosen facet counts
    its own options among every row: the stored counts.
    """
    facets = [(name, list(values)) for name, values in chosen.items() if values]
    audience = STAFF if staff else PUBLIC
    params: dict[str, object] = {"listing": listing.name, "audience": audience}
    matches = []
    for index, (name, values) in enumerate(facets):
        params[f"keys{index}"] = [f"{name}:{value}" for value in values]
        params[f"facet{index}"] = name
        params[f"prefix{index}"] = f"{name}:"
        matches.append(f"f.keys && %(keys{index})s::text[]")
    rows = "FROM portal_facetrow AS f CROSS JOIN LATERAL unnest(f.keys) AS k"
    visible = "f.listing = %(listing)s" + ("" if staff else " AND f.public")
    every = " AND ".join(matches)
    if len(facets) == 1:
        branches = [
            f"SELECT k, count(*) {rows} WHERE {visible} AND {every}"
            " AND NOT k ^@ %(prefix0)s GROUP BY k",
            # Its own options among every row: what the triggers keep.
            "SELECT CASE WHEN key = '*' THEN %(facet0)s || ':' ELSE key END, count"
            " FROM portal_facetcount WHERE listing = %(listing)s"
            " AND audience = %(audience)s AND count > 0"
            " AND (key = '*' OR key ^@ %(prefix0)s)",
        ]
    else:
        branches = [f"SELECT k, count(*) {rows} WHERE {visible} AND {every} GROUP BY k"]
        for index, match in enumerate(matches):
            others = " AND ".join(m for j, m in enumerate(matches) if j != index)
            failing_only = f"{visible} AND {others} AND NOT {match}"
            # Its "*" key counts these rows: the facet's own rows, "facet:".
            branches.append(
                f"SELECT CASE WHEN k = '*' THEN %(prefix{index})s ELSE k END,"
                f" count(*) {rows} WHERE {failing_only}"
                f" AND (k = '*' OR k ^@ %(prefix{index})s) GROUP BY 1"
            )
    sql = "\nUNION ALL\n".join(f"({branch})" for branch in branches)
    counts: dict[str, dict[str, int]] = {TOTAL: {"": 0}}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for key, count in cursor.fetchall():
            facet, _sep, option = (
                (TOTAL, "", "") if key == TOTAL else key.partition(":")
            )
            options = counts.setdefault(facet, {})
            options[option] = options.get(option, 0) + count  # branches add up
    if len(facets) > 1:
        # Each facet's own rows: those failing it alone, and those matching all.
        for name, _values in facets:
            options = counts.setdefault(name, {})
            options[""] = options.get("", 0) + counts[TOTAL][""]
    return counts


def install_operation(listing: Listing):
    """The migration operation that installs ``listing``'s triggers and counts it
    (reversed: removes them); nothing on SQLite."""
    from django.db import migrations

    def install(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(install_sql(listing))
            schema_editor.execute(rebuild_sql(listing))

    def uninstall(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(uninstall_sql(listing))

    return migrations.RunPython(install, uninstall)
