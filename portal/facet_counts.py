"""Stored facet counts: what a list shows, without counting its rows.

Counting the options of every facet over a 100,000-row library costs hundreds of
milliseconds a request. On PostgreSQL, triggers (``facet_triggers.py``) keep
each row's facet keys and the counts per (list, audience, "facet:option") exact,
in the same transaction as the change that moves a count: a row saved or
deleted, a theme linked or unlinked, a slug renamed. An unfiltered list reads a
few hundred small rows; a filtered one counts over the narrow, GIN-indexed facet
rows. SQLite (the demo) has no triggers here; lists count live.
"""

# The SQL here is assembled from the Listing constants in code, never from input.
# ruff: noqa: S608

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from django.db import connection

from portal.facet_triggers import (  # noqa: F401 - the lists' one entry point
    LISTINGS,
    PUBLIC,
    STAFF,
    TOTAL,
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
