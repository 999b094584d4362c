"""Which matches a search ranks and counts, on PostgreSQL.

Work per search is bounded: one query reads at most ``POOL`` matching entries,
the best first. Title matches come first; then entries whose summary matches;
then those that mention the words only in their body or document. Each part is
a UNION ALL branch under one LIMIT, and PostgreSQL runs a branch only while the
earlier ones have not filled the pool: "terrorism" (60,000 matches on the bench,
13,000 in titles) reads about 500 title matches and never touches a body.

No branch has an ORDER BY, so each stops at the LIMIT instead of sorting
thousands of rows it had to fetch first. Within a branch rows come in storage
order, and ``rebuild_search_index`` stores the table newest first (CLUSTER on
``search_entry_newest``): the title matches read are then the newest. The
planner chooses the plan itself (GIN bitmap for rare words, a scan that stops
early for common ones); the query it plans is parsed once, so its lexeme
statistics apply (``models.parsed_query``).

The pool is ranked (title matches by their title's ts_rank, then newest first)
and counted per facet in Python. With more matches than ``POOL``, the total is
the planner's estimate ("about 60,000"), and the facet counts are among the
pool: the page says both. A filter applied to such a search reads its own pool
with the filter in SQL, so "terrorism" in one theme lists that theme's best 500.
Pools are cached per query, reader, filters and content version.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.core.cache import cache
from django.db import connection, models

from portal.cache import content_version

from .models import BOTH_LANGUAGES, SearchEntry, parsed_query, text_query

POOL = 500
POOL_CACHE_SECONDS = 300
FACETS = ("kind", "theme", "region", "year", "language")
# Tiers: what part of the entry matched. Higher ranks first.
TITLE, HEAD, BODY = 3, 2, 1


@dataclass(frozen=True)
class Criteria:
    """A search as the query string gave it (validated by ``forms.SearchForm``)."""

    q: str
    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    language: str = ""

    @property
    def filtered(self) -> bool:
        return bool(
            self.kind or self.theme or self.region or self.year or self.language
        )

    def language_codes(self) -> tuple[str, ...]:
        if self.language == BOTH_LANGUAGES:
            return ("ru", "en")
        return (self.language,) if self.language else ()


@dataclass(frozen=True)
class Candidate:
    """A matching entry as the pool holds it: enough to rank and count it."""

    id: int
    tier: int
    rank: float
    date_key: int  # days since year 1, 0 when undated: newest first on ties
    kind: str
    year: str
    themes: frozenset[str]
    regions: frozenset[str]
    languages: frozenset[str]

    @property
    def order(self) -> tuple:
        return (-self.tier, -self.rank, -self.date_key, -self.id)


def _passes(row: Candidate, criteria: Criteria, skip: str = "") -> bool:
    """Does ``row`` satisfy every facet of ``criteria`` except ``skip``?"""
    if criteria.kind and skip != "kind" and row.kind not in criteria.kind:
        return False
    if criteria.theme and skip != "theme" and not row.themes & set(criteria.theme):
        return False
    if criteria.region and skip != "region" and not row.regions & set(criteria.region):
        return False
    if criteria.year and skip != "year" and row.year not in criteria.year:
        return False
    return skip == "language" or set(criteria.language_codes()) <= row.languages


# The pool as one JSON document (``read_pool``); the date as date.toordinal().
POOL_JSON = (
    "SELECT COALESCE(json_agg(json_build_array(id, tier, rank,"
    " COALESCE(date - DATE '0001-01-01' + 1, 0), kind, year, themes,"
    " regions, languages)), '[]')"
)
POOL_FIELDS = (
    "id",
    "tier",
    "rank",
    "date",
    "kind",
    "year",
    "themes",
    "regions",
    "languages",
)


def candidates(criteria: Criteria, reader: str, *, filtered: bool = False):
    """The best ``POOL + 1`` matches (one more than ``POOL`` tells that there are
    more), tier by tier, in one query; ``filtered``: with the facet filters."""
    query = text_query(criteria.q)
    entries = SearchEntry.objects.order_by()
    if filtered:
        entries = entries.with_facets(
            kind=criteria.kind,
            theme=criteria.theme,
            region=criteria.region,
            year=criteria.year,
            languages=criteria.language_codes(),
        )
    no_rank = models.Value(0.0, output_field=models.FloatField())
    title = (
        entries.readable_heads(reader)
        .filter(title_vector=query)
        .annotate(
            tier=models.Value(TITLE),
            rank=SearchRank(models.F("title_vector"), query),
        )
    )
    head = (
        entries.readable_heads(reader)
        .filter(head_vector=query)
        .exclude(title_vector=query)
        .annotate(tier=models.Value(HEAD), rank=no_rank)
    )
    body = (
        entries.readable_bodies(reader)
        .filter(vector=query)
        .exclude(head_vector=query)
        .annotate(tier=models.Value(BODY), rank=no_rank)
    )
    parts = [part.values_list(*POOL_FIELDS)[: POOL + 1] for part in (title, head, body)]
    return parts[0].union(*parts[1:], all=True)[: POOL + 1]


def read_pool(criteria: Criteria, reader: str, *, filtered: bool) -> list[Candidate]:
    if not parsed_query(criteria.q):
        return []  # only stop words: nothing to look for
    sql, params = candidates(
        criteria, reader, filtered=filtered
    ).query.sql_with_params()
    # The pool comes back as one JSON document: parsing 500 rows' three facet
    # lists one value at a time cost more than the query itself.
    # Only SQL that Django compiled is formatted in; the words stay parameters.
    pool_sql = f"{POOL_JSON} FROM ({sql}) AS pool"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(pool_sql, params)
        rows = cursor.fetchone()[0]
    if isinstance(rows, str):
        rows = json.loads(rows)
    pool = [
        Candidate(
            id=pk,
            tier=tier,
            rank=rank,
            date_key=date_key,  # as date.toordinal(); 0 when undated
            kind=kind,
            year=str(year or ""),
            themes=frozenset(themes or ()),
            regions=frozenset(regions or ()),
            languages=frozenset(languages or ()),
        )
        for pk, tier, rank, date_key, kind, year, themes, regions, languages in rows
    ]
    pool.sort(key=lambda row: row.order)
    return pool


def estimated_total(q: str, reader: str) -> int:
    """The planner's estimate of the matches, from the lexeme statistics (a count
    of 60,000 matches would read most of the table), rounded to two significant
    figures: the page says "about". Words that often come together ("border
    security") are counted as independent, so the estimate is low for them."""
    entries = SearchEntry.objects.readable_heads(reader).filter(vector=text_query(q))
    sql, params = entries.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    estimate = int(plan[0]["Plan"]["Plan Rows"])
    digits = len(str(estimate))
    return round(estimate, -(digits - 2)) if digits > 2 else estimate


@dataclass
class Pool:
    rows: list[Candidate]
    estimate: int = 0  # of all matches, when there are more than ``POOL``

    @property
    def capped(self) -> bool:
        return len(self.rows) > POOL


def pool_of(criteria: Criteria, reader: str, *, filtered: bool = False) -> Pool:
    scope = [criteria.q]
    if filtered:
        scope += [criteria.kind, criteria.theme, criteria.region, criteria.year]
        scope.append(criteria.language)
    digest = hashlib.sha256(json.dumps(scope).encode()).hexdigest()
    key = f"search:pool:{content_version()}:{reader}:{digest}"
    pool = cache.get(key)
    if pool is None:
        pool = Pool(read_pool(criteria, reader, filtered=filtered))
        if pool.capped and not filtered:
            estimate = estimated_total(criteria.q, reader)
            # Too low to be believed: the pool alone holds more than POOL.
            pool.estimate = estimate if estimate > 2 * POOL else 0
        cache.set(key, pool, POOL_CACHE_SECONDS)
    return pool


@dataclass
class Ranked:
    """What one search found: the ranked ids (at most ``POOL``), facet counts, the
    number of matches, and whether it is more than was ranked (then ``total``
    is an estimate, or 0 when none could be made)."""

    ids: list[int]
    counts: dict[str, dict[str, int]]
    capped: bool = False
    total: int = 0


def facet_counts(rows: list[Candidate], criteria: Criteria) -> dict:
    """Per facet, the rows that pass every other facet's choice (disjunctive)."""
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}

    def add(name: str, option: str) -> None:
        if option:
            counts[name][option] = counts[name].get(option, 0) + 1

    for row in rows:
        if _passes(row, criteria, "kind"):
            add("kind", row.kind)
        if _passes(row, criteria, "year"):
            add("year", row.year)
        if _passes(row, criteria, "theme"):
            for theme in row.themes:
                add("theme", theme)
        if _passes(row, criteria, "region"):
            for region in row.regions:
                add("region", region)
        if _passes(row, criteria, "language"):
            for code in row.languages:
                add("language", code)
            if {"ru", "en"} <= row.languages:
                add("language", BOTH_LANGUAGES)
    return counts


def ranked_search(criteria: Criteria, reader: str) -> Ranked:
    pool = pool_of(criteria, reader)
    counts = facet_counts(pool.rows[:POOL], criteria)
    if not pool.capped:
        chosen = [row for row in pool.rows if _passes(row, criteria)]
        return Ranked([row.id for row in chosen], counts, total=len(chosen))
    if not criteria.filtered:
        ids = [row.id for row in pool.rows[:POOL]]
        return Ranked(ids, counts, capped=True, total=pool.estimate)
    # A filter on a broad search: the best matches within the filter.
    chosen = pool_of(criteria, reader, filtered=True)
    ids = [row.id for row in chosen.rows[:POOL]]
    if chosen.capped:
        return Ranked(ids, counts, capped=True)
    return Ranked(ids, counts, total=len(ids))
