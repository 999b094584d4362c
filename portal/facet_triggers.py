"""The SQL of the stored facet counts: each list's keys, and the triggers.

A ``Listing`` describes one list: its table, which rows the public sees (the SQL
twin of its queryset's ``visible_to``; a test compares the two) and the SQL of
its keys. Keys are the query-string values of the list's filter; ``"*"`` counts
the rows. Audiences: ``staff`` counts every row, ``public`` what everyone else
sees. Per row, ``portal_facetrow`` keeps its keys; ``portal_facetcount`` the
counts, moved by the triggers in the same transaction as the change (and
``portal_facetbits`` a bitmap per key, for a list with ``bitmaps``).
"""

# The SQL here is assembled from the Listing constants in code, never from input.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import dataclass

from portal.facet_bitmaps import BITMAP_FUNCTIONS, rebuild_bitmaps_sql

TOTAL = "*"
PUBLIC, STAFF = "public", "staff"
# Joins the options of two combined facets into one ``given``
# ("kind:publication&theme:human-rights"); no key holds it.
COMBINED = "&"
# A row with more keys than this (fifty countries...) stores no pairs: they grow
# with the square of its keys. Lists count such rare rows from the rows.
WIDE_ROW_KEYS = 40
WIDE_ROW = f"cardinality(f.keys) > {WIDE_ROW_KEYS}"

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
    # Facets whose options also count the other options among their rows: those
    # with many rows per option, where counting the rows would be slow. A facet of
    # many small options (countries, partners) is counted from its rows.
    paired_facets: tuple[str, ...] = ()
    # Pairs of paired facets whose options, chosen together, also count every
    # other option among their rows: the list's most common choice of two (the
    # library's kind within a theme), read as the pairs are.
    combined_facets: tuple[tuple[str, str], ...] = ()
    # Whether the list also keeps a bitmap per key (``portal/facet_bitmaps.py``):
    # for many rows and few keys, where counting the chosen rows is slow.
    bitmaps: bool = False

    @property
    def all_terms(self) -> tuple[Term, ...]:
        related = (Term(r.facet, r.term_table, r.term_key) for r in self.relations)
        return (*related, *self.terms)

    def __post_init__(self) -> None:
        for facets in self.combined_facets:
            # A combination's rows are counted from its facets' pairs.
            if len(facets) != 2 or not set(facets) <= set(self.paired_facets):
                raise ValueError(f"{self.name}: {facets} are not two paired facets")
        LISTINGS[self.name] = self

    @property
    def prefix(self) -> str:
        return f"facets_{self.name}"

    @property
    def paired_sql(self) -> str:
        return self.paired_array()

    def paired_array(self, *, combined: bool = True) -> str:
        """SQL: the paired facets, then each combination as "kind&theme"."""
        names = [*self.paired_facets]
        if combined:
            names += [COMBINED.join(facets) for facets in self.combined_facets]
        listed = ", ".join(f"'{name}'" for name in names)
        return f"ARRAY[{listed}]::text[]"

    def combined_given(self, chosen: dict[str, str]) -> str | None:
        """The ``given`` of one option of each of two combined facets
        (``{"theme": "x", "kind": "y"}``), else None."""
        for facets in self.combined_facets:
            if set(facets) == set(chosen):
                return COMBINED.join(f"{name}:{chosen[name]}" for name in facets)
        return None


SHARED_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION portal_facet_audiences(p_public boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_public THEN ARRAY['staff', 'public'] ELSE ARRAY['staff'] END
$$;

-- What one row adds to the counts (p_delta 1) or takes away (-1): each key
-- alone (given ''), and, for the options of the paired facets, each other key
-- among the rows with that option (given), so a list filtered by one such
-- option reads its counts. A combination of two paired facets in p_paired
-- ("kind&theme") counts, for each option of both, the keys of the other facets
-- among the rows with both (given "kind:x&theme:y").
DROP FUNCTION IF EXISTS portal_facet_bump(text, text[], text[], integer);
CREATE OR REPLACE FUNCTION portal_facet_entries(
    p_audiences text[], p_keys text[], p_paired text[], p_delta integer
) RETURNS TABLE (audience text, given text, key text, delta integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT a, '', k, p_delta
    FROM unnest(p_audiences) AS a CROSS JOIN unnest(p_keys) AS k
    WHERE k IS NOT NULL
    UNION ALL
    SELECT a, g, k, p_delta
    FROM unnest(p_audiences) AS a
        CROSS JOIN unnest(p_keys) AS g CROSS JOIN unnest(p_keys) AS k
    WHERE split_part(g, ':', 1) = ANY (p_paired) AND k <> '*' AND g <> k
        AND cardinality(p_keys) <= {WIDE_ROW_KEYS}
    UNION ALL
    SELECT a, c.given, k, p_delta
    FROM unnest(p_audiences) AS a
        CROSS JOIN (
            SELECT g1 || '{COMBINED}' || g2 AS given,
                split_part(g1, ':', 1) AS f1, split_part(g2, ':', 1) AS f2
            FROM unnest(p_keys) AS g1 CROSS JOIN unnest(p_keys) AS g2
            WHERE split_part(g1, ':', 1) || '{COMBINED}' || split_part(g2, ':', 1)
                = ANY (p_paired)
        ) AS c
        CROSS JOIN unnest(p_keys) AS k
    WHERE k <> '*' AND split_part(k, ':', 1) NOT IN (c.f1, c.f2)
        AND cardinality(p_keys) <= {WIDE_ROW_KEYS}
$$;

-- A row's keys as they are now (NULL: the row is gone): the counts move from
-- its stored keys to these, and the stored keys are replaced.
DROP FUNCTION IF EXISTS portal_facet_set(text, bigint, boolean, text[]);
CREATE OR REPLACE FUNCTION portal_facet_set(
    p_listing text, p_id bigint, p_public boolean, p_keys text[], p_paired text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    stored portal_facetrow;
BEGIN
    SELECT * INTO stored FROM portal_facetrow
    WHERE listing = p_listing AND object_id = p_id FOR UPDATE;
    IF FOUND AND stored.public = p_public AND stored.keys = p_keys THEN
        RETURN;
    END IF;
    -- Only the counts that move: the old entries out, the new in, netted.
    -- Sorted, so two transactions lock the same count rows in the same order.
    INSERT INTO portal_facetcount (listing, audience, given, key, count)
    SELECT p_listing, e.audience, e.given, e.key, sum(e.delta)
    FROM (
        SELECT * FROM portal_facet_entries(
            portal_facet_audiences(stored.public), stored.keys, p_paired, -1
        )
        UNION ALL
        SELECT * FROM portal_facet_entries(
            portal_facet_audiences(p_public), p_keys, p_paired, 1
        )
    ) AS e
    GROUP BY e.audience, e.given, e.key
    HAVING sum(e.delta) <> 0
    ORDER BY e.audience, e.given, e.key
    ON CONFLICT (listing, audience, given, key)
    DO UPDATE SET count = portal_facetcount.count + EXCLUDED.count;
    IF p_keys IS NULL THEN
        DELETE FROM portal_facetrow WHERE listing = p_listing AND object_id = p_id;
        RETURN;
    END IF;
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


def _set_row(
    listing: Listing, bitmaps: bool, paired: str, row_id: str, public: str, keys: str
) -> str:
    """PL/pgSQL: store one row's keys (NULL: it is gone) and move the counts
    (``paired``: ``Listing.paired_array``)."""
    counts = (
        f"PERFORM portal_facet_set('{listing.name}', {row_id}, {public}, {keys},"
        f" {paired});"
    )
    if not bitmaps:
        return counts
    # The keys once, for both; the bitmaps first: they compare with the stored keys.
    return f"""DECLARE
            row_public boolean := {public};
            row_keys text[] := {keys};
        BEGIN
            PERFORM portal_facet_bits_set(
                '{listing.name}', {row_id}, row_public, row_keys
            );
            PERFORM portal_facet_set(
                '{listing.name}', {row_id}, row_public, row_keys, {paired}
            );
        END;"""


def _row_trigger(listing: Listing, bitmaps: bool, paired: str) -> str:
    p = listing.prefix
    public, keys = f"{p}_public(NEW)", f"{p}_keys(NEW)"
    old = ", ".join(f"OLD.{column}" for column in listing.watched_columns)
    new = ", ".join(f"NEW.{column}" for column in listing.watched_columns)
    return f"""
CREATE OR REPLACE FUNCTION {p}_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        {_set_row(listing, bitmaps, paired, "OLD.id", "NULL", "NULL")}
    ELSE
        {_set_row(listing, bitmaps, paired, "NEW.id", public, keys)}
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


def _relation_triggers(
    listing: Listing, rel: Relation, bitmaps: bool, paired: str
) -> str:
    """Per statement: ``.set()`` links fifty countries in one INSERT, and the
    owner's keys are counted again once, not once per link."""
    p = f"{listing.prefix}_{rel.facet}"
    set_owner = _set_row(
        listing,
        bitmaps,
        paired,
        "owner.id",
        f"{listing.prefix}_public(owner)",
        f"{listing.prefix}_keys(owner)",
    )
    return f"""
CREATE OR REPLACE FUNCTION {p}_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner {listing.table};
BEGIN
    -- By id, so two transactions lock the same count rows in the same order.
    FOR owner IN
        SELECT r.* FROM {listing.table} AS r
        WHERE r.id IN (SELECT c.{rel.owner_column} FROM changed AS c)
        ORDER BY r.id
    LOOP
        {set_owner}
    END LOOP;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {p}_link ON {rel.through};
DROP TRIGGER IF EXISTS {p}_link_insert ON {rel.through};
CREATE TRIGGER {p}_link_insert AFTER INSERT ON {rel.through}
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION {p}_link();
DROP TRIGGER IF EXISTS {p}_link_delete ON {rel.through};
CREATE TRIGGER {p}_link_delete AFTER DELETE ON {rel.through}
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION {p}_link();
"""


def _rename_trigger(listing: Listing, term: Term, bitmaps: bool) -> str:
    p = f"{listing.prefix}_{term.facet}"
    rename_bitmap = (
        f"""
    UPDATE portal_facetbits SET key = new_key
    WHERE listing = '{listing.name}' AND key = old_key;"""
        if bitmaps
        else ""
    )
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
    UPDATE portal_facetcount SET given = new_key
    WHERE listing = '{listing.name}' AND given = old_key;
    UPDATE portal_facetcount
    SET given = array_to_string(
        array_replace(string_to_array(given, '{COMBINED}'), old_key, new_key),
        '{COMBINED}'
    )
    WHERE listing = '{listing.name}'
        AND old_key = ANY (string_to_array(given, '{COMBINED}'));{rename_bitmap}
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {p}_rename ON {term.table};
CREATE TRIGGER {p}_rename AFTER UPDATE ON {term.table}
    FOR EACH ROW WHEN (OLD.{term.column} IS DISTINCT FROM NEW.{term.column})
    EXECUTE FUNCTION {p}_rename();
"""


def install_sql(
    listing: Listing, *, bitmaps: bool | None = None, combined: bool = True
) -> str:
    """Functions and triggers that keep ``listing``'s counts (idempotent).

    ``bitmaps`` False installs them without the bitmaps ``listing`` may keep,
    ``combined`` False without its combined facets (to go back to before them).
    """
    bitmaps = listing.bitmaps if bitmaps is None else bitmaps
    paired = listing.paired_array(combined=combined)
    return "".join(
        [
            SHARED_FUNCTIONS,
            BITMAP_FUNCTIONS if bitmaps else "",
            _keys_function(listing),
            _row_trigger(listing, bitmaps, paired),
            *(
                _relation_triggers(listing, rel, bitmaps, paired)
                for rel in listing.relations
            ),
            *(_rename_trigger(listing, term, bitmaps) for term in listing.all_terms),
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
            f"DROP TRIGGER IF EXISTS {p}_{rel.facet}_link_insert ON {rel.through};",
            f"DROP TRIGGER IF EXISTS {p}_{rel.facet}_link_delete ON {rel.through};",
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
    if listing.bitmaps:
        # Going back past the bitmaps' migration has dropped their table already.
        statements.append(
            "DO $$ BEGIN IF to_regclass('portal_facetbits') IS NOT NULL THEN"
            f" DELETE FROM portal_facetbits WHERE listing = '{listing.name}';"
            " END IF; END $$;"
        )
    return "\n".join(statements)


def rebuild_sql(listing: Listing) -> str:
    p, name = listing.prefix, listing.name
    return f"""
DELETE FROM portal_facetrow WHERE listing = '{name}';
INSERT INTO portal_facetrow (listing, object_id, public, keys)
SELECT '{name}', r.id, {p}_public(r), {p}_keys(r) FROM {listing.table} AS r;
DELETE FROM portal_facetcount WHERE listing = '{name}';
INSERT INTO portal_facetcount (listing, audience, given, key, count)
SELECT '{name}', e.audience, e.given, e.key, count(*)
FROM portal_facetrow AS f
    CROSS JOIN LATERAL portal_facet_entries(
        portal_facet_audiences(f.public), f.keys, {listing.paired_sql}, 1
    ) AS e
WHERE f.listing = '{name}'
GROUP BY e.audience, e.given, e.key
-- Written in the unique index's order: a list page reads its own counts
-- (given = '') from a few pages instead of one page per row among the pairs.
ORDER BY e.audience, e.given, e.key;
{rebuild_bitmaps_sql(listing)}"""
