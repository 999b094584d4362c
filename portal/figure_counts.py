"""What the charts of the figures page count, over published activities only.

On PostgreSQL triggers keep the counts as activities, their links, partners and
countries change (portal migration 0005 holds the SQL), so the page reads a few
hundred stored rows instead of aggregating every activity on each request. SQLite
(the demo) keeps no counts: there the same numbers come from four aggregate
queries over the rows, which the tests also compare the stored counts with.
"""

# The SQL here is constant text, never assembled from input.
# ruff: noqa: S608

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from portal.compiled import CompiledSQL
from portal.publishing import Status
from programme.models import Activity

# The key of "region not specified": online exchanges, partners without a region.
UNSPECIFIED = ""


@dataclass
class Counts:
    """Exchanges per (year, kind) with the participant sums, per host region, per
    theme and per (provider region, beneficiary region); regions and themes by
    slug."""

    per_year_kind: list[dict]
    per_region: dict[str, int]
    per_theme: dict[str, int]
    flows: dict[tuple[str, str], int]


def is_stored() -> bool:
    return connection.vendor == "postgresql"


def counts() -> Counts:
    return stored_counts() if is_stored() else live_counts()


def participants() -> int:
    """Everyone who took part in a published exchange (the home page's figure)."""
    if is_stored():
        return PARTICIPANTS.rows()[0][0] or 0
    people = _activities().aggregate(people=Sum("participants"))["people"]
    return people or 0


def rebuild_counts() -> bool:
    """Count everything again from the rows, after a bulk load with the triggers
    paused (PostgreSQL; False elsewhere)."""
    if not is_stored():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_figures_rebuild()")
    return True


# --- Stored ----------------------------------------------------------------------

# Parts: "y" a start year (a) and kind, "r" a host region (a), "t" a theme (a), "f"
# a provider region (a) to a beneficiary region (b); ids, 0 for "not specified".
STORED_COUNTS_SQL = """
SELECT c.part, c.a, c.kind, c.exchanges, c.people, c.women, c.reported,
    coalesce(t.slug, ra.slug, ''), coalesce(rb.slug, '')
FROM portal_figurecount AS c
    LEFT JOIN taxonomy_theme AS t ON c.part = 't' AND t.id = c.a
    LEFT JOIN taxonomy_region AS ra ON c.part IN ('r', 'f') AND ra.id = c.a
    LEFT JOIN taxonomy_region AS rb ON c.part = 'f' AND rb.id = c.b
WHERE c.exchanges > 0
"""


STORED_COUNTS = CompiledSQL(STORED_COUNTS_SQL)
PARTICIPANTS = CompiledSQL(
    "SELECT sum(people)::bigint FROM portal_figurecount WHERE part = 'y'"
)


def stored_counts() -> Counts:
    """The counts the triggers keep, in one query over a few hundred rows."""
    result = Counts([], {}, {}, {})
    rows = STORED_COUNTS.rows()
    for part, year, kind, exchanges, people, women, reported, slug, other in rows:
        if part == "y":
            result.per_year_kind.append(
                {
                    "year": year,
                    "kind": kind,
                    "exchanges": exchanges,
                    "people": people,
                    "women": women,
                    "reported": reported,
                }
            )
        elif part == "r":
            result.per_region[slug] = exchanges
        elif part == "t":
            result.per_theme[slug] = exchanges
        else:
            result.flows[(slug, other)] = exchanges
    return result


# --- Live ------------------------------------------------------------------------


def live_counts() -> Counts:
    """The same numbers from the rows, in four aggregate queries."""
    return Counts(_per_year_and_kind(), _per_host_region(), _per_theme(), _flows())


def _activities():
    # ``order_by()``: the model's default ordering would join the GROUP BY.
    return Activity.objects.published().order_by()


def _per_year_and_kind() -> list[dict]:
    """Exchanges, participants and women per (start year, kind): one query."""
    return list(
        _activities()
        .annotate(year=ExtractYear("start_date"))
        .values("year", "kind")
        .annotate(
            # Not named after the fields they sum: Django refuses that.
            exchanges=Count("pk"),
            people=Sum("participants"),
            women=Sum("women_participants"),
            reported=Sum("participants", filter=Q(women_participants__isnull=False)),
        )
    )


def _per_host_region() -> dict[str, int]:
    rows = (
        _activities()
        .values("host_country__region__slug")
        .annotate(exchanges=Count("pk"))
    )
    return {
        row["host_country__region__slug"] or UNSPECIFIED: row["exchanges"]
        for row in rows
    }


def _per_theme() -> dict[str, int]:
    rows = _activities().values("themes__slug").annotate(exchanges=Count("pk"))
    return {
        row["themes__slug"]: row["exchanges"] for row in rows if row["themes__slug"]
    }


def _flows() -> dict[tuple[str, str], int]:
    """Exchanges per (provider region, beneficiary region), published partners only.

    An exchange whose partners sit in several regions counts once per pair.
    """
    rows = (
        _activities()
        .filter(
            providers__status=Status.PUBLISHED, beneficiaries__status=Status.PUBLISHED
        )
        .values("providers__region__slug", "beneficiaries__region__slug")
        .annotate(exchanges=Count("pk", distinct=True))
    )
    return {
        (
            row["providers__region__slug"] or UNSPECIFIED,
            row["beneficiaries__region__slug"] or UNSPECIFIED,
        ): row["exchanges"]
        for row in rows
    }
