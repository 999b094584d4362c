"""Facets: the options of a filter with how many results each would give.

Counts are taken on the already filtered queryset, so they always equal what the
visitor can see and would get by adding that option.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Count, QuerySet


class FacetOption(NamedTuple):
    """One option with its count: a tuple, as a list page makes hundreds of them."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str  # the query-string parameter
    label: str
    options: list[FacetOption] = field(default_factory=list)
    multiple: bool = True

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


class FacetList(list):
    """The facets of a list page, and how many rows its filters give when known.

    ``total`` spares the paginator its own COUNT: the facet counts already hold it.
    None when the page must count (an invalid form lists nothing).
    """

    def __init__(self, facets=(), *, total: int | None = None):
        super().__init__(facets)
        self.total = total


def count_by(queryset: QuerySet, lookup: str) -> dict[str, int]:
    """How many distinct rows of ``queryset`` have each value of ``lookup`` (one query)."""
    rows = (
        queryset.order_by()
        .values_list(lookup)
        .annotate(count=Count("pk", distinct=True))
        .values_list(lookup, "count")
    )
    return {str(value): count for value, count in rows if value is not None}


def build_facet(
    *,
    name: str,
    label: str,
    choices: Iterable[tuple[object, str]],
    counts: dict[str, int],
    selected: Iterable[object] = (),
    multiple: bool = True,
) -> Facet:
    """Options that have results, plus any selected one (so it can be unticked)."""
    chosen = {str(value) for value in selected}
    options = []
    for value, label_ in choices:
        key = str(value)
        count = counts.get(key, 0)
        if count or key in chosen:
            options.append(FacetOption(key, str(label_), count, key in chosen))
    return Facet(name=name, label=label, options=options, multiple=multiple)


def selected_values(data, name: str) -> list[str]:
    """The values of a query-string parameter as the filter form read them."""
    return data.getlist(name) if hasattr(data, "getlist") else list(data.get(name, []))
