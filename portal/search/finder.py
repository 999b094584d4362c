"""One search, start to end: the words, the reader's access, facets, a page of hits.

PostgreSQL runs the full-text search (``ranking.py`` picks and orders the hits,
``results.py`` shows a page of them); any other database the substring fallback
(``fallback.py``). A query that finds nothing is tried once more with its
misspelt words corrected; one that finds a few items offers another spelling
that finds clearly more (``spelling.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.core.paginator import Page, Paginator
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.facets import Facet, build_facet
from portal.taxonomy.choices import region_choices, theme_choices

from . import fallback, ranking, results, spelling
from .forms import language_choices
from .models import Kind, reader_of

PER_PAGE = 20
# Fewer results than this: look for a better spelling ("did you mean").
FEW = 5


@dataclass
class Outcome:
    criteria: ranking.Criteria
    # Matches; when ``capped``, the planner's estimate (0: none could be made).
    total: int
    page: Page
    facets: list[Facet]
    # The query as run when the typed one found nothing and a correction did.
    corrected: str = ""
    # Another spelling that finds clearly more, when the query found a few items.
    suggestion: str = ""
    fallback: bool = False
    # More matches than ``ranking.POOL``: the best of them were ranked and counted.
    capped: bool = False
    pool: int = ranking.POOL


class LazyHits:
    """What Paginator needs: the ranked ids, and the hits of one page on demand."""

    def __init__(self, criteria, reader: str, language: str, ids: list[int]):
        self.criteria, self.reader, self.language = criteria, reader, language
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index: slice):
        return results.page_of_hits(
            self.criteria, self.reader, self.language, self.ids[index]
        )


def facets_of(criteria: ranking.Criteria, counts: dict) -> list[Facet]:
    years = sorted(counts.get("year", {}), reverse=True)
    chosen_years = [y for y in criteria.year if y not in years]
    return [
        build_facet(
            name="type",
            label=_("Type"),
            choices=Kind.choices,
            counts=counts.get("kind", {}),
            selected=criteria.kind,
        ),
        build_facet(
            name="theme",
            label=_("Theme"),
            choices=theme_choices(),
            counts=counts.get("theme", {}),
            selected=criteria.theme,
        ),
        build_facet(
            name="region",
            label=_("Region"),
            choices=region_choices(),
            counts=counts.get("region", {}),
            selected=criteria.region,
        ),
        build_facet(
            name="year",
            label=_("Year"),
            choices=[(year, year) for year in [*years, *chosen_years]],
            counts=counts.get("year", {}),
            selected=criteria.year,
        ),
        build_facet(
            name="language",
            label=_("Language available"),
            choices=language_choices(),
            counts=counts.get("language", {}),
            selected=[criteria.language] if criteria.language else [],
            multiple=False,
        ),
    ]


def find(*, criteria: ranking.Criteria, user, page_number) -> Outcome:
    if connection.vendor != "postgresql":
        hits = fallback.fallback_hits(criteria, user)
        counts = {"kind": fallback.fallback_kind_counts(hits)}
        facet = facets_of(criteria, counts)[0]
        return Outcome(
            criteria=criteria,
            total=len(hits),
            page=Paginator(hits, PER_PAGE).get_page(page_number),
            facets=[facet],
            fallback=True,
        )

    reader = reader_of(user)
    language = translation.get_language() or "ru"
    found = ranking.ranked_search(criteria, reader)
    corrected = suggestion = ""
    if not found.ids:
        better = spelling.corrected(criteria.q)
        if better:
            retry = replace(criteria, q=better)
            retry_found = ranking.ranked_search(retry, reader)
            if retry_found.ids:
                criteria, found, corrected = retry, retry_found, better
    elif len(found.ids) < FEW and not criteria.filtered:
        suggestion = spelling.alternative(criteria.q, reader) or ""
    paginator = Paginator(LazyHits(criteria, reader, language, found.ids), PER_PAGE)
    return Outcome(
        criteria=criteria,
        total=found.total,
        page=paginator.get_page(page_number),
        facets=facets_of(criteria, found.counts),
        corrected=corrected,
        suggestion=suggestion,
        capped=found.capped,
    )
