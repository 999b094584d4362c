"""Running a search on PostgreSQL: ranked hits, facet counts and snippets.

Work per search is bounded: at most ``POOL`` matching entries are read through
the GIN indexes, those matching in title or summary first (one or two queries),
then ranked and counted per facet in Python; then the shown page's titles and
snippets (one query). A query matching more than ``POOL`` items ranks and counts
``POOL`` of them and says so: on the 100,000-resource bench, ranking all 60,000
entries that contain "terrorism" costs half a second. The pool is cached per
query, reader and content version, so ticking facets and turning pages reuse it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline
from django.core.cache import cache
from django.db import connection, models
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.cache import content_version

from .models import BOTH_LANGUAGES, Audience, Kind, Reader, SearchEntry, text_query

POOL = 500
POOL_CACHE_SECONDS = 300
START, STOP = "\x02", "\x03"  # never in indexed text (see indexing.CONTROL)
# ts_headline reads the whole text it is given: only the start of long documents.
HEADLINE_TEXT = 20_000
HEADLINE_OPTIONS = {
    "start_sel": START,
    "stop_sel": STOP,
    "max_words": 30,
    "min_words": 12,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}
CONFIGS = {"ru": "russian", "en": "english"}
FACETS = ("kind", "theme", "region", "year", "language")


@dataclass(frozen=True)
class Criteria:
    """A search as the query string gave it (validated by ``forms.SearchForm``)."""

    q: str
    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    language: str = ""


@dataclass(frozen=True)
class Candidate:
    """A matching entry as the pool holds it: enough to rank and count it."""

    id: int
    rank: float
    date_key: int  # days since year 1, 0 when undated: newest first on ties
    kind: str
    year: str
    themes: frozenset[str]
    regions: frozenset[str]
    languages: frozenset[str]


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
    if criteria.language and skip != "language":
        codes = (
            {"ru", "en"} if criteria.language == BOTH_LANGUAGES else {criteria.language}
        )
        if not codes <= row.languages:
            return False
    return True


POOL_FIELDS = ("id", "rank", "date", "kind", "year", "themes", "regions", "languages")


def candidates(q: str, reader: str, *, head: bool):
    """``POOL + 1`` matches as the index finds them, ranked (one more than ``POOL``
    tells that there are more): no ORDER BY, so PostgreSQL stops early."""
    query = text_query(q)
    return SearchEntry.objects.matching(query, reader, POOL_FIELDS, head=head)[
        : POOL + 1
    ]


def read_pool(q: str, reader: str) -> list[Candidate]:
    """The matches (at most ``POOL + 1``), with rank and facet keys.

    Title and summary matches first; body and document matches only fill up to
    ``POOL`` (a second query), so a common word's pool holds the entries that
    are about it, not those that mention it.
    """
    with connection.cursor() as cursor:
        # Only the GIN index finds matches cheaply: a scan that tests rows one by
        # one re-reads each vector from TOAST, and the planner does not know it
        # (it chose that for "terrorism" and took 400 ms instead of 15).
        cursor.execute(
            "SELECT set_config('enable_seqscan', 'off', false),"
            " set_config('enable_indexscan', 'off', false)"
        )
        try:
            rows = {row[0]: row for row in candidates(q, reader, head=True)}
            if len(rows) <= POOL:
                for row in candidates(q, reader, head=False):
                    rows.setdefault(row[0], row)
        finally:
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'on', false),"
                " set_config('enable_indexscan', 'on', false)"
            )
    pool = [
        Candidate(
            id=pk,
            rank=rank,
            date_key=date.toordinal() if date else 0,
            kind=kind,
            year=str(year or ""),
            themes=frozenset(themes or ()),
            regions=frozenset(regions or ()),
            languages=frozenset(languages or ()),
        )
        for pk, rank, date, kind, year, themes, regions, languages in rows.values()
    ]
    # Head matches first, then the newest: the ones past ``POOL`` are left out.
    pool.sort(key=lambda row: (row.rank <= 0, -row.date_key, -row.id))
    return pool[: POOL + 1]


def pool_of(q: str, reader: str) -> list[Candidate]:
    digest = hashlib.sha256(q.encode()).hexdigest()
    key = f"search:pool:{content_version()}:{reader}:{digest}"
    pool = cache.get(key)
    if pool is None:
        pool = read_pool(q, reader)
        cache.set(key, pool, POOL_CACHE_SECONDS)
    return pool


@dataclass
class Ranked:
    """What one search found: the ranked ids, facet counts, and whether capped."""

    ids: list[int]
    counts: dict[str, dict[str, int]]
    capped: bool

    @property
    def total(self) -> int:
        return len(self.ids)


def ranked_search(criteria: Criteria, reader: str) -> Ranked:
    pool = pool_of(criteria.q, reader)
    capped = len(pool) > POOL
    pool = pool[:POOL]
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}

    def add(name: str, option: str) -> None:
        if option:
            counts[name][option] = counts[name].get(option, 0) + 1

    for row in pool:
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
    chosen = [row for row in pool if _passes(row, criteria)]
    chosen.sort(key=lambda row: (-row.rank, -row.date_key, -row.id))
    return Ranked(ids=[row.id for row in chosen], counts=counts, capped=capped)


@dataclass
class Hit:
    """One result as the page shows it."""

    kind: str
    slug: str
    title: str
    title_lang: str  # "" when in the page's language
    url: str
    date: object
    languages: list[str]
    locked: bool
    staff_only: bool
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))  # noqa: S308
    snippet_lang: str = ""

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


def entry_url(kind: str, slug: str) -> str:
    names = {
        Kind.PARTNER: "partners:detail",
        Kind.PROJECT: "programme:project_detail",
        Kind.ACTIVITY: "programme:activity_detail",
        Kind.RESOURCE: "resources:detail",
        Kind.PAGE: "pages:detail",
    }
    if kind == Kind.PAGE and slug == "about":
        return reverse("pages:about")
    try:
        return reverse(names[kind], kwargs={"slug": slug})
    except NoReverseMatch:
        return ""


def highlighted(text: str) -> SafeString:
    """ts_headline's output, escaped, with its markers turned into <mark>."""
    safe = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own tags added


def _headline_text(code: str, reader: str):
    """What a snippet may quote: a visitor gets only the summary of a locked item."""
    summary = models.F(f"summary_{code}")
    full = models.functions.Left(
        models.functions.Concat(
            summary, models.Value(" "), f"body_{code}", output_field=models.TextField()
        ),
        HEADLINE_TEXT,
    )
    if reader != Reader.VISITOR:
        return full
    return models.Case(
        models.When(audience=Audience.MISSIONS, then=summary),
        default=full,
        output_field=models.TextField(),
    )


def _pick(snippets: dict[str, str], language: str, other: str) -> tuple[str, str]:
    """The page's language, unless only the other language shows the words."""
    own, alternative = snippets.get(language, ""), snippets.get(other, "")
    if (START not in own and START in alternative) or not own.strip():
        return alternative, other
    return own, language


def page_of_hits(criteria: Criteria, reader: str, language: str, ids: list[int]):
    """The hits of one page (``ids`` in rank order): titles and snippets, one query."""
    if not ids:
        return []
    query = text_query(criteria.q)
    annotations = {
        f"h_{code}": SearchHeadline(
            _headline_text(code, reader), query, config=config, **HEADLINE_OPTIONS
        )
        for code, config in CONFIGS.items()
    }
    rows = {
        row["id"]: row
        for row in SearchEntry.objects.filter(pk__in=ids)
        .annotate(**annotations)
        .values(
            "id",
            "kind",
            "slug",
            "audience",
            "title_ru",
            "title_en",
            "date",
            "languages",
            *annotations,
        )
    }
    other = "en" if language == "ru" else "ru"
    hits = []
    for pk in ids:
        row = rows.get(pk)
        if row is None:  # deleted since the pool was read
            continue
        title_lang = language if row[f"title_{language}"] else other
        snippets = {code: row[f"h_{code}"] or "" for code in CONFIGS}
        snippet, snippet_lang = _pick(snippets, language, other)
        hits.append(
            Hit(
                kind=row["kind"],
                slug=row["slug"],
                title=row[f"title_{title_lang}"] or row["slug"],
                title_lang="" if title_lang == language else title_lang,
                url=entry_url(row["kind"], row["slug"]),
                date=row["date"],
                languages=row["languages"],
                locked=row["audience"] == Audience.MISSIONS,
                staff_only=row["audience"] == Audience.STAFF,
                snippet=highlighted(snippet),
                snippet_lang="" if snippet_lang == language else snippet_lang,
            )
        )
    return hits
