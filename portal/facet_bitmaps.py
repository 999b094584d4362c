"""Facet bitmaps: which rows of a list have each key, one bit per row id.

A list filtered by two broad options (a theme and a kind: thousands of rows)
counted every other option by reading those rows and grouping their keys: about
45,000 keys aggregated, 10 to 15 ms a page, and more the broader the choice. With
a bitmap per key (``portal_facetbits``, bit N set when row N has the key), the
rows a choice lets through are an AND of a few bitmaps and an option's count is
``bit_count(its bitmap & those rows)``: a fixed cost per key (a 100,000-row list
has 13 KB bitmaps), whatever the choice. A list opts in with ``Listing.bitmaps``:
it pays when rows are many and keys few (the library); a list of a few thousand
rows and thousands of keys counts its rows faster.

Besides the rows' keys, each list keeps ``public``: the rows the public sees
(``*`` has every row). Every bitmap of a list has the same length, a multiple of
``BITMAP_STEP``; the triggers grow them all when an id passes the end. PostgreSQL
only, like the rest of the stored counts.
"""

# The SQL here is assembled from the Listing constants in code, never from input.
# ruff: noqa: S608

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from portal.facet_triggers import Listing

# Bitmaps grow by a kilobyte at a time: rewriting every bitmap of the list, which
# a new id past their end needs, happens once per 8,192 rows created.
BITMAP_STEP = 8192
# The bitmap of the rows the public sees (no ":": no facet key looks like it).
PUBLIC_ROWS = "public"


def _size(max_id: str) -> str:
    """SQL: the bitmap length that holds the row ``max_id``."""
    return f"((({max_id}) / {BITMAP_STEP} + 1) * {BITMAP_STEP})::integer"


# The table is made here, not only in its migration: older migrations install the
# current SQL (portal 0003) and count the lists, bitmaps included.
BITMAP_FUNCTIONS = f"""
CREATE TABLE IF NOT EXISTS portal_facetbits (
    listing varchar(30) NOT NULL,
    key text NOT NULL,
    bits bit varying NOT NULL,
    PRIMARY KEY (listing, key)
);
-- Read whole for every count: compressing them would only cost time.
ALTER TABLE portal_facetbits ALTER COLUMN bits SET STORAGE EXTERNAL;

-- A row's bits as its keys are now (p_keys NULL: the row is gone); called before
-- portal_facet_set replaces the stored keys it compares with.
CREATE OR REPLACE FUNCTION portal_facet_bits_set(
    p_listing text, p_id bigint, p_public boolean, p_keys text[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    stored portal_facetrow;
    was text[] := '{{}}';
    now text[] := '{{}}';
    changed text[];
    size integer;
BEGIN
    SELECT * INTO stored FROM portal_facetrow
    WHERE listing = p_listing AND object_id = p_id FOR UPDATE;
    IF FOUND THEN
        was := stored.keys
            || CASE WHEN stored.public THEN ARRAY['{PUBLIC_ROWS}'] ELSE '{{}}' END;
    END IF;
    IF p_keys IS NOT NULL THEN
        now := p_keys || CASE WHEN p_public THEN ARRAY['{PUBLIC_ROWS}'] ELSE '{{}}' END;
    END IF;
    changed := ARRAY(
        (SELECT unnest(was) EXCEPT SELECT unnest(now))
        UNION (SELECT unnest(now) EXCEPT SELECT unnest(was))
        ORDER BY 1
    );
    IF cardinality(changed) = 0 THEN
        RETURN;
    END IF;
    -- Writers of one list take turns: growing rewrites all its bitmaps.
    PERFORM pg_advisory_xact_lock(hashtext('portal_facetbits:' || p_listing));
    SELECT length(bits) INTO size FROM portal_facetbits
    WHERE listing = p_listing AND key = '*';
    size := coalesce(size, 0);
    IF p_id >= size THEN
        UPDATE portal_facetbits
        SET bits = bits || repeat('0', {_size("p_id")} - size)::varbit
        WHERE listing = p_listing;
        size := {_size("p_id")};
    END IF;
    INSERT INTO portal_facetbits (listing, key, bits)
    SELECT p_listing, k, repeat('0', size)::varbit
    FROM unnest(changed) AS k
    WHERE k = ANY (now) AND NOT EXISTS (
        SELECT FROM portal_facetbits WHERE listing = p_listing AND key = k
    );
    UPDATE portal_facetbits
    SET bits = set_bit(bits, p_id::integer, (key = ANY (now))::integer)
    WHERE listing = p_listing AND key = ANY (changed);
END
$$;

-- TRUNCATE fires no row trigger (the test runner's flush uses it): the bitmaps
-- go with the rows they describe.
CREATE OR REPLACE FUNCTION portal_facet_bits_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM portal_facetbits;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS portal_facet_bits_truncated ON portal_facetrow;
CREATE TRIGGER portal_facet_bits_truncated AFTER TRUNCATE ON portal_facetrow
    FOR EACH STATEMENT EXECUTE FUNCTION portal_facet_bits_truncated();
"""

UNINSTALL_BITMAPS = """
DROP TRIGGER IF EXISTS portal_facet_bits_truncated ON portal_facetrow;
DROP FUNCTION IF EXISTS portal_facet_bits_truncated();
DROP FUNCTION IF EXISTS portal_facet_bits_set(text, bigint, boolean, text[]);
DROP TABLE IF EXISTS portal_facetbits;
"""


def rebuild_bitmaps_sql(listing: Listing) -> str:
    """The list's bitmaps from its stored keys (after ``portal_facetrow``)."""
    name = listing.name
    if not listing.bitmaps:
        return ""
    # Each key's ids in order, each written as the zeros since the previous one
    # and a one; then zeros to the end.
    return f"""
DELETE FROM portal_facetbits WHERE listing = '{name}';
INSERT INTO portal_facetbits (listing, key, bits)
SELECT '{name}', k,
    rpad(
        string_agg(lpad('1', (object_id - previous)::integer, '0'), ''
            ORDER BY object_id),
        size, '0'
    )::varbit
FROM (
    SELECT k, object_id,
        coalesce(lag(object_id) OVER (PARTITION BY k ORDER BY object_id), -1)
            AS previous
    FROM (
        SELECT object_id, unnest(
            keys || CASE WHEN public THEN ARRAY['{PUBLIC_ROWS}'] ELSE '{{}}' END
        ) AS k
        FROM portal_facetrow WHERE listing = '{name}'
    ) AS entries
) AS spaced
CROSS JOIN (
    SELECT {_size("max(object_id)")} FROM portal_facetrow WHERE listing = '{name}'
) AS length (size)
GROUP BY k, size;
"""


def bitmap_counts_sql(
    facets: list[tuple[str, list[str]]], *, own: list[int], stored: list[int]
) -> tuple[str, list[str]]:
    """A WITH clause and the SELECTs that count from the bitmaps.

    ``facets`` are the chosen ones, their keys in ``%(keys<i>)s``. Every key of a
    facet not chosen counts among the rows all choices let through ("all"; its
    ``*`` is their number); the keys of the chosen facets in ``own`` among the
    rows every other choice lets through ("own"; ``facet:`` is their number).
    The chosen facets in ``stored`` are counted elsewhere. The reader's rows are
    ``%(rows)s``: ``public``, or ``*`` for staff.
    """
    chosen = ", ".join(
        f"bit_or(bits) FILTER (WHERE key = ANY (%(keys{index})s::text[])) AS c{index}"
        for index in range(len(facets))
    )

    def rows_through(indexes: list[int]) -> str:
        return " & ".join(["c_rows", *(f"c{index}" for index in indexes)])

    everyone = list(range(len(facets)))
    masks = [f"{rows_through(everyone)} AS every"] + [
        f"{rows_through([j for j in everyone if j != index])} AS o{index}"
        for index in own
    ]
    # MATERIALIZED: computed once, not once per key.
    with_clause = f"""WITH chosen AS MATERIALIZED (
    SELECT bit_or(bits) FILTER (WHERE key = %(rows)s) AS c_rows, {chosen}
    FROM portal_facetbits WHERE listing = %(listing)s
        AND (key = %(rows)s OR key = ANY (%(chosen_keys)s::text[]))
), masks AS MATERIALIZED (SELECT {", ".join(masks)} FROM chosen)
"""

    def by_facet(own_value: str, other_value: str) -> str:
        """SQL: ``own_value`` (``{index}`` its facet) for the keys of an ``own``
        facet, ``other_value`` for the others."""
        cases = "".join(
            f" WHEN b.key ^@ %(prefix{index})s THEN {own_value.format(index=index)}"
            for index in own
        )
        return f"CASE{cases} ELSE {other_value} END" if own else other_value

    part = by_facet("'own'", "'all'")
    mask = by_facet("m.o{index}", "m.every")
    skipped = "".join(f" AND NOT b.key ^@ %(prefix{index})s" for index in stored)
    branches = [
        f"SELECT {part}, b.key, bit_count(b.bits & {mask})"
        " FROM portal_facetbits AS b, masks AS m"
        f" WHERE b.listing = %(listing)s AND b.key <> '{PUBLIC_ROWS}'{skipped}",
        *(
            f"SELECT 'own', %(prefix{index})s, bit_count(o{index}) FROM masks"
            for index in own
        ),
    ]
    return with_clause, branches
