"""Rows of several limited querysets, in one round trip where the database can.

PostgreSQL takes ``(… LIMIT n) UNION ALL (… LIMIT m)``; SQLite (the demo) refuses
LIMIT inside a compound statement, so there each part is its own query.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet


def limited_parts(parts: list[QuerySet], *, order_by: tuple[str, ...] = ()) -> list:
    """The rows of every sliced queryset of ``parts``, each part in its own order;
    ``order_by`` orders the whole (PostgreSQL) — callers must not rely on the
    order between parts beyond what they split themselves."""
    first, *others = parts
    if connections[first.db].features.supports_slicing_ordering_in_compound:
        combined = first.union(*others, all=True)
        return list(combined.order_by(*order_by) if order_by else combined)
    return [row for part in parts for row in part]
