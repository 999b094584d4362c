"""Stored facet counts: what a list shows, without counting its rows.

Counting the options of every facet over a 100,000-row library costs hundreds of
milliseconds a request. On PostgreSQL, triggers (``facet_triggers.py``) keep
each row's facet keys and the counts per (list, audience, "facet:option") exact,
in the same transaction as the change that moves a count: a row saved or
deleted, a theme linked or unlinked, a slug renamed. An unfiltered list reads a
few hundred small rows; a filtered one counts over the narrow, GIN-indexed facet
rows, or over the bitmaps of a list that keeps them (``facet_bitmaps.py``).
SQLite (the demo) has no triggers here; lists count live.
"""

# The SQL here is assembled from the Listing constants in code, never from input.
# ruff: noqa: S608

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from django.db import connection

from portal.compiled import CompiledSQL, Param
from portal.facet_bitmaps import PUBLIC_ROWS, bitmap_counts_sql
from portal.facet_triggers import (  # noqa: F401 - the lists' one entry point
    LISTINGS,
    PUBLIC,
    STAFF,
    TOTAL,
    WIDE_ROW,
    Listing,
    Relation,
    Term,
    install_sql,
    rebuild_sql,
    uninstall_sql,
)


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


@functools.lru_cache(maxsize=32)
def _stored_counts_statement(listing: str, audience: str) -> CompiledSQL:
    """Plain SQL (the ORM took longer to build this query than PostgreSQL to run
    it), one statement per list and audience: with them parameters, PostgreSQL
    planned it anew on every run, finding no plan for any list as cheap as each
    list's own."""
    return CompiledSQL(
        "SELECT key, count FROM portal_facetcount WHERE listing = %s"
        " AND audience = %s AND given = '' AND count > 0",
        [listing, audience],
    )


def stored_counts(listing: Listing, *, staff: bool) -> dict[str, dict[str, int]]:
    """``{facet: {option: count}}`` and ``{"*": {"": total}}``, from the stored rows."""
    rows = _stored_counts_statement(listing.name, STAFF if staff else PUBLIC).rows()
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
        # Naming the lists lets the unique index find the few rows.
        FacetCount.objects.filter(
            listing__in=list(LISTINGS), audience=PUBLIC, given="", key=TOTAL
        )
        .order_by()
        .values_list("listing", "count")
    )


@functools.lru_cache(maxsize=256)
def _chosen_counts_statement(
    sql: str, shape: tuple[tuple[str, object], ...], chosen: tuple[str, ...]
) -> CompiledSQL:
    """One statement per shape of choice (its facets, the list, the audience),
    prepared: the same facets with other options run it again, unplanned (0.7 ms
    a filtered library page)."""
    return CompiledSQL(sql, {**dict(shape), **{name: Param(name) for name in chosen}})


def chosen_counts(
    listing: Listing, *, staff: bool, chosen: dict[str, Sequence[str]]
) -> dict[str, dict[str, int]]:
    """Counts of every option with some options chosen.

    Options of one facet are alternatives (any of them), facets combine (all of
    them), and each facet counts its options among the rows that every *other*
    facet's choice lets through: what ticking an option instead would give.
    ``"facet:"`` keys count each chosen facet's own rows (the "any" option of a
    single-choice facet).

    One query, a UNION ALL of parts tagged by what they count:

    - ``all``: every key of the rows matching all choices. When the choice is one
      option of a paired facet (a broad one), or one option of each of two
      combined facets (``Listing.combined_facets``): the stored counts among its
      rows (plus its wide rows', which store no pairs, from the rows: a partial
      index finds those few). Otherwise from the list's bitmaps when it keeps them
      (``portal/facet_bitmaps.py``), else from the GIN-indexed facet rows;
    - ``own``, per chosen facet, its options among the rows the other choices let
      through: the stored counts when there is no other choice or the other
      choice is one option of a paired facet; else from the bitmaps, or, without
      them (``fail``), its keys among the rows failing it alone, which add up
      with ``all``.
    """
    facets = [(name, list(values)) for name, values in chosen.items() if values]
    audience = STAFF if staff else PUBLIC
    params: dict[str, object] = {"listing": listing.name, "audience": audience}
    matches = []
    for index, (name, values) in enumerate(facets):
        params[f"keys{index}"] = [f"{name}:{value}" for value in values]
        params[f"prefix{index}"] = f"{name}:"
        params[f"first{index}"] = f"{name}:{values[0]}"
        matches.append(f"f.keys && %(keys{index})s::text[]")

    def keys_of(where: str) -> str:
        # unnest() in the select list: about a third faster than a LATERAL join.
        return (
            "FROM (SELECT unnest(f.keys) AS k FROM portal_facetrow AS f"
            f" WHERE {where}) AS u"
        )

    visible = "f.listing = %(listing)s" + ("" if staff else " AND f.public")
    stored = (
        "FROM portal_facetcount WHERE listing = %(listing)s"
        " AND audience = %(audience)s AND count > 0"
    )

    def one_paired_option(indexes: list[int]) -> bool:
        """Whether these chosen facets are one option of a paired facet."""
        if len(indexes) != 1:
            return False
        name, values = facets[indexes[0]]
        return len(values) == 1 and name in listing.paired_facets

    single = one_paired_option(list(range(len(facets))))
    combined = None
    if len(facets) == 2 and all(len(values) == 1 for _name, values in facets):
        combined = listing.combined_given({name: values[0] for name, values in facets})
    if combined:
        params["chosen_combination"] = combined
    branches = []
    with_clause = ""
    # Chosen facets whose "own" part counts all their options; the others add
    # their "fail" part to what "all" counted of them.
    counted_whole: set[str] = set()
    from_stored, from_bitmaps = [], []
    for index, (name, _values) in enumerate(facets):
        others = [j for j in range(len(facets)) if j != index]
        if not others or one_paired_option(others):
            from_stored.append(index)
            counted_whole.add(name)
        elif listing.bitmaps:
            from_bitmaps.append(index)
            counted_whole.add(name)
    if single:
        # The rows with this option: its pairs, and its own count for the total.
        branches += [
            f"SELECT 'all', key, count {stored} AND given = %(first0)s"
            " AND NOT key ^@ %(prefix0)s",
            # Wide rows store no pairs: counted from the rows.
            "SELECT 'all', k, count(*) "
            + keys_of(
                f"{visible} AND {WIDE_ROW} AND f.keys @> ARRAY[%(first0)s]::text[]"
            )
            + " WHERE k <> '*' AND NOT k ^@ %(prefix0)s GROUP BY k",
            f"SELECT 'all', '*', count {stored} AND given = '' AND key = %(first0)s",
        ]
    elif combined:
        # The rows with both options: their counts, and their number (a pair).
        branches += [
            f"SELECT 'all', key, count {stored} AND given = %(chosen_combination)s",
            # Wide rows store no pairs: counted from the rows, "*" included.
            "SELECT 'all', k, count(*) "
            + keys_of(
                f"{visible} AND {WIDE_ROW}"
                " AND f.keys @> ARRAY[%(first0)s, %(first1)s]::text[]"
            )
            + " WHERE NOT k ^@ %(prefix0)s AND NOT k ^@ %(prefix1)s GROUP BY k",
            f"SELECT 'all', '*', count {stored} AND given = %(first0)s"
            " AND key = %(first1)s",
        ]
    elif listing.bitmaps:
        params["rows"] = TOTAL if staff else PUBLIC_ROWS
        params["chosen_keys"] = [
            key for index in range(len(facets)) for key in params[f"keys{index}"]
        ]
        with_clause, counted = bitmap_counts_sql(
            facets, own=from_bitmaps, stored=from_stored
        )
        branches += counted
    else:
        every = " AND ".join(matches)
        branches.append(
            f"SELECT 'all', k, count(*) {keys_of(f'{visible} AND {every}')} GROUP BY k"
        )
    for index in range(len(facets)):
        others = [j for j in range(len(facets)) if j != index]
        if not others:
            # Its own options among every row: what the triggers keep.
            branches.append(
                f"SELECT 'own', CASE WHEN key = '*' THEN %(prefix{index})s"
                f" ELSE key END, count {stored} AND given = ''"
                f" AND (key = '*' OR key ^@ %(prefix{index})s)"
            )
        elif one_paired_option(others):
            other = f"%(first{others[0]})s"
            branches += [
                f"SELECT 'own', key, count {stored} AND given = {other}"
                f" AND key ^@ %(prefix{index})s",
                "SELECT 'own', k, count(*) "
                + keys_of(
                    f"{visible} AND {WIDE_ROW} AND f.keys @> ARRAY[{other}]::text[]"
                )
                + f" WHERE k ^@ %(prefix{index})s GROUP BY k",
                f"SELECT 'own', %(prefix{index})s, count {stored}"
                f" AND given = '' AND key = {other}",
            ]
        elif not listing.bitmaps:
            rest = " AND ".join(matches[j] for j in others)
            failing_only = f"{visible} AND {rest} AND NOT {matches[index]}"
            # Its "*" key counts these rows: the facet's own rows, "facet:".
            branches.append(
                f"SELECT 'fail', CASE WHEN k = '*' THEN %(prefix{index})s ELSE k END,"
                f" count(*) {keys_of(failing_only)}"
                f" WHERE k = '*' OR k ^@ %(prefix{index})s GROUP BY 2"
            )
    sql = with_clause + "\nUNION ALL\n".join(f"({branch})" for branch in branches)
    counts: dict[str, dict[str, int]] = {TOTAL: {"": 0}}
    own: dict[str, dict[str, int]] = {}
    # The chosen options are the statement's parameters; the rest (the list,
    # the audience, the facets' prefixes) shapes it, with the SQL.
    chosen_values = {
        name for name in params if name.startswith(("keys", "first", "chosen"))
    }
    shape = tuple(
        (name, value) for name, value in params.items() if name not in chosen_values
    )
    statement = _chosen_counts_statement(sql, shape, tuple(sorted(chosen_values)))
    for part, key, count in statement.rows(
        **{name: params[name] for name in chosen_values}
    ):
        if not count:
            continue  # a bitmap's key that none of these rows has
        facet, _sep, option = (TOTAL, "", "") if key == TOTAL else key.partition(":")
        into = own if part == "own" else counts
        options = into.setdefault(facet, {})
        options[option] = options.get(option, 0) + count  # "fail" adds to "all"
    for name, _values in facets:
        if name in counted_whole:
            # The "all" rows' keys of it do not add: its own part counted them.
            counts[name] = own.get(name, {})
        else:
            # Its own rows: those failing it alone, and those matching all.
            options = counts.setdefault(name, {})
            options[""] = options.get("", 0) + counts[TOTAL][""]
    return counts


def _tables_are_current(connection) -> bool:
    """Whether the facet tables have every column the current SQL writes."""
    from portal.models import FacetCount

    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, FacetCount._meta.db_table
            )
        }
    return {field.column for field in FacetCount._meta.concrete_fields} <= columns


def install_operation(listing: Listing):
    """The migration operation that installs ``listing``'s triggers and counts it
    (reversed: removes them); nothing on SQLite.

    It installs the SQL of the current code, which needs the current facet
    tables. A migration that later changes those tables reinstalls every list
    itself (portal 0003 did), so an earlier app migration meeting older tables
    leaves the installing to it.
    """
    from django.db import migrations

    def install(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor == "postgresql" and _tables_are_current(connection):
            schema_editor.execute(install_sql(listing))
            schema_editor.execute(rebuild_sql(listing))

    def uninstall(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(uninstall_sql(listing))

    return migrations.RunPython(install, uninstall)
