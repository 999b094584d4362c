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
``search_entry_newest``): the title matches read are then the newest (a scan
starts at the table's first page: ``NEWEST_FIRST``). The planner chooses the
plan itself (GIN bitmap for rare words, a scan that stops early for common
ones); the query it plans is parsed once, so its lexeme statistics apply
(``models.parsed_query``).

The pool is ranked (title matches by their title's ts_rank, then newest first)
and counted per facet in Python. With more matches than ``POOL``, the total is
the planner's estimate ("about 60,000"), and the facet counts are among the
pool: the page says both. A filter applied to such a search reads its own pool
with the filter in SQL, so "terrorism" in one theme lists that theme's best 500.
Pools are cached per query, reader, filters and content version.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from django.contrib.postgres.search import SearchRank
from django.core.cache import cache
from django.db import connection, models

from portal.cache import content_version

from .models import (
    BOTH_LANGUAGES,
    ParsedQuery,
    SearchEntry,
    parsed_query,
    text_query,
)

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


class Candidate(NamedTuple):
    """A matching entry as the pool holds it: enough to rank and count it."""

    id: int
    tier: int
    rank: float
    date_key: int  # days since year 1, 0 when undated
    kind: str
    year: str  # "" when undated
    themes: list[str]
    regions: list[str]
    languages: list[str]


def _rank_order(row: Candidate) -> tuple:
    """Tier, then rank (title matches), then newest first (undated last)."""
    return (-row.tier, -row.rank, -row.date_key, -row.id)


def _misses(row: Candidate, criteria: Criteria) -> list[str]:
    """The facets of ``criteria`` that ``row`` does not satisfy."""
    if not criteria.filtered:
        return []
    missed = []
    if criteria.kind and row.kind not in criteria.kind:
        missed.append("kind")
    if criteria.theme and set(criteria.theme).isdisjoint(row.themes):
        missed.append("theme")
    if criteria.region and set(criteria.region).isdisjoint(row.regions):
        missed.append("region")
    if criteria.year and row.year not in criteria.year:
        missed.append("year")
    if not set(criteria.language_codes()).issubset(row.languages):
        missed.append("language")
    return missed


def _passes(row: Candidate, criteria: Criteria) -> bool:
    return not _misses(row, criteria)


# The pool as one JSON document (``read_pool``); the date as date.toordinal().
POOL_JSON = (
    "SELECT COALESCE(json_agg(json_build_array(id, tier, rank,"
    " COALESCE(date - DATE '0001-01-01' + 1, 0), kind, COALESCE(year::text, ''),"
    " COALESCE(themes, '[]'), COALESCE(regions, '[]'), COALESCE(languages, '[]'))),"
    " '[]')"
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
    return _candidates(text_query(criteria.q), criteria, reader, filtered=filtered)


def _candidates(query: ParsedQuery, criteria: Criteria, reader: str, *, filtered):
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


def _pool_sql(candidates_sql: str) -> str:
    # The pool comes back as one JSON document: parsing 500 rows' three facet
    # lists one value at a time cost more than the query itself.
    # Only SQL that Django compiled is formatted in; the words stay parameters.
    return f"{POOL_JSON} FROM ({candidates_sql}) AS pool"  # noqa: S608


# A scan of a table bigger than a quarter of shared_buffers starts where the
# last one stopped (synchronize_seqscans): a pool would hold the title matches
# after the previous search's, a different set each time, not the newest. Off
# for the pool's statement only, sent with it (one round trip, one transaction).
NEWEST_FIRST = "SET LOCAL synchronize_seqscans = off; "

# Stands for the words while the SQL of an unfiltered pool is compiled: never a
# parsed query, whose words are always quoted.
WORDS = "\x01words\x01"


@functools.lru_cache(maxsize=8)
def _unfiltered_sql(reader: str) -> tuple[str, tuple]:
    """The statements of an unfiltered pool, compiled once per reader: they
    differ from search to search only in the words (compiling the querysets cost
    about 3 ms a search, twice that for a corrected one). After the pool, the
    planner's estimate of all matches (``estimate``), in the same round trip."""
    query = ParsedQuery(WORDS)
    pool = _candidates(query, Criteria(q=""), reader, filtered=False)
    pool_sql, pool_params = pool.query.sql_with_params()
    matches = SearchEntry.objects.readable_heads(reader).filter(vector=query)
    matches_sql, matches_params = matches.values("id").query.sql_with_params()
    sql = f"{NEWEST_FIRST}{_pool_sql(pool_sql)}; EXPLAIN (FORMAT JSON) {matches_sql}"
    return sql, (*pool_params, *matches_params)


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def estimate(plan) -> int:
    """The planner's estimate of the matches, from the lexeme statistics (a count
    of 60,000 matches would read most of the table), rounded to two significant
    figures: the page says "about". Words that often come together ("border
    security") are counted as independent, so the estimate is low for them."""
    rows = int(_json(plan)[0]["Plan"]["Plan Rows"])
    digits = len(str(rows))
    return round(rows, -(digits - 2)) if digits > 2 else rows


@dataclass
class Pool:
    rows: list[Candidate]
    estimate: int = 0  # of all matches, when there are more than ``POOL``

    @property
    def capped(self) -> bool:
        return len(self.rows) > POOL


def read_pool(criteria: Criteria, reader: str, *, filtered: bool) -> Pool:
    """The pool and, unfiltered and capped, the estimate: one round trip."""
    words = parsed_query(criteria.q)
    if not words:
        return Pool([])  # only stop words: nothing to look for
    if filtered:
        query = candidates(criteria, reader, filtered=True).query
        sql, params = query.sql_with_params()
        sql = NEWEST_FIRST + _pool_sql(sql)
    else:
        sql, params = _unfiltered_sql(reader)
        params = [words if param == WORDS else param for param in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cursor.nextset()  # past the SET's empty result
        rows = [Candidate(*row) for row in _json(cursor.fetchone()[0])]
        pool = Pool(sorted(rows, key=_rank_order))
        if pool.capped and not filtered:
            cursor.nextset()
            total = estimate(cursor.fetchone()[0])
            # Too low to be believed: the pool alone holds more than POOL.
            pool.estimate = total if total > 2 * POOL else 0
    return pool


def pool_of(criteria: Criteria, reader: str, *, filtered: bool = False) -> Pool:
    scope = [criteria.q]
    if filtered:
        scope += [criteria.kind, criteria.theme, criteria.region, criteria.year]
        scope.append(criteria.language)
    digest = hashlib.sha256(json.dumps(scope).encode()).hexdigest()
    # "v2": pools cached by an older release hold rows of another shape.
    key = f"search:pool:v2:{content_version()}:{reader}:{digest}"
    pool = cache.get(key)
    if pool is None:
        pool = read_pool(criteria, reader, filtered=filtered)
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
    """Per facet, the rows that pass every other facet's choice (disjunctive):
    a row that misses one facet counts in that facet only, one that misses two
    counts nowhere."""
    counted: dict[str, list[Candidate]] = {name: [] for name in FACETS}
    passing = rows
    if criteria.filtered:
        passing = []
        for row in rows:
            missed = _misses(row, criteria)
            if not missed:
                passing.append(row)
            elif len(missed) == 1:
                counted[missed[0]].append(row)
    for name in FACETS:
        counted[name] += passing
    languages = Counter(
        chain.from_iterable(row.languages for row in counted["language"])
    )
    both = sum(
        1
        for row in counted["language"]
        if "ru" in row.languages and "en" in row.languages
    )
    if both:
        languages[BOTH_LANGUAGES] = both
    counts = {
        "kind": Counter(row.kind for row in counted["kind"]),
        "theme": Counter(chain.from_iterable(row.themes for row in counted["theme"])),
        "region": Counter(
            chain.from_iterable(row.regions for row in counted["region"])
        ),
        "year": Counter(row.year for row in counted["year"]),
        "language": languages,
    }
    # An entry without a kind or year counts under no option.
    return {
        name: {option: n for option, n in found.items() if option}
        for name, found in counts.items()
    }


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
