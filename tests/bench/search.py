"""``python -m tests.bench.search``: the site-wide search on the 100,000-resource set.

Uses the bench database that ``python -m tests.bench`` builds (never drops or
fills it); builds the search entries in it with ``rebuild_search_index
--no-documents`` when they are missing. Measures, over a mix of one-word,
multi-word, Russian, English and misspelt queries, read as visitor and as staff:

- the query alone: the SQL a search runs (the candidate pool, the page's titles
  and snippets, the spelling look-ups when nothing matched), cache off;
- the whole page: an in-process GET of /<lang>/search/?q=..., cache off;

then prints p50/p95 against the targets (50 ms, 150 ms), what the first page of
a broad query is made of (title, summary or body matches), EXPLAIN ANALYZE of the
candidate query of two searches (a broad one and a two-word one), and what index
upkeep adds to an admin-like save of a resource (50 saves, median): the save's
own transaction, then the rebuild the worker does after commit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

QUERY_TARGET_MS = 50.0
PAGE_TARGET_MS = 150.0
# (query, page language, what kind of query it is)
MIX = [
    ("terrorism", "en", "one word, en, very common"),
    ("biometric", "en", "one word, en"),
    ("prison", "en", "one word, en"),
    ("терроризма", "ru", "one word, ru, common"),
    ("молодежи", "ru", "one word, ru"),
    ("экстремизм", "ru", "one word, ru"),
    ("border security", "en", "two words, en"),
    ("financing of terrorism", "en", "phrase-like, en"),
    ("digital evidence handling", "en", "three words, en"),
    ("финансирование терроризма", "ru", "two words, ru"),
    ("защиты прав человека", "ru", "three words, ru"),
    ("оценки рисков", "en", "ru words on the en page"),
    ("youth engagement", "ru", "en words on the ru page"),
    ('"critical infrastructure" -cyber', "en", "operators"),
    ("terorism", "en", "misspelt, en"),
    ("biometrik identifcation", "en", "misspelt, en, two words"),
    ("экстримизм", "ru", "misspelt, ru"),
    ("тероризма", "ru", "misspelt, ru"),
    ("zzyzx qwerty", "en", "nothing matches"),
    ("rehabilitation reintegration prison management", "en", "four words"),
]
EXPLAIN_QUERY = "biometric identification"


def _setup() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.bench"
    os.environ["BENCH_CACHE"] = "off"
    import django

    django.setup()


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def _ensure_entries() -> None:
    from django.core.management import call_command

    from portal.search.models import SearchEntry

    call_command("migrate", "search", verbosity=0)
    # The bench serves hashed static names: the manifest must list this app's files.
    call_command("collectstatic", "--noinput", verbosity=0)
    if not SearchEntry.objects.exists():
        print("No search entries in the bench database: building them (a few min)…")
        call_command("rebuild_search_index", "--no-documents")


def _one_search(q: str, language: str, reader: str) -> str:
    """Everything a search page asks the database, without rendering (as
    ``finder.find``); returns what was found ("~60000" when estimated, "500+"
    when capped, "-> word" when corrected, "?word" for a did-you-mean)."""
    from django.utils import translation

    from portal.search import finder, ranking, results, spelling

    with translation.override(language):
        criteria = ranking.Criteria(q=q)
        found = ranking.ranked_search(criteria, reader)
        better = suggestion = ""
        if not found.ids:
            better = spelling.corrected(q) or ""
            if better:
                criteria = ranking.Criteria(q=better)
                found = ranking.ranked_search(criteria, reader)
        elif len(found.ids) < finder.FEW:
            suggestion = spelling.alternative(q, reader) or ""
        results.page_of_hits(criteria, reader, language, found.ids[:20])
    fixed = f" -> {better}" if better else ""
    if suggestion:
        fixed += f" ?{suggestion}"
    if found.capped:
        count = f"~{found.total}" if found.total else f"{ranking.POOL}+"
    else:
        count = str(found.total)
    return f"{count}{fixed}"


def _measure(rounds: int, staff) -> tuple[dict, dict, dict]:
    from django.test import Client

    visitor, staff_client = Client(), Client()
    staff_client.force_login(staff)
    query_ms: dict[str, list[float]] = {}
    page_ms: dict[str, list[float]] = {}
    totals: dict[str, str] = {}
    for _ in range(rounds):
        for q, language, _label in MIX:
            for reader, client in (("visitor", visitor), ("staff", staff_client)):
                started = time.perf_counter()
                found = _one_search(q, language, reader)
                query_ms.setdefault(q, []).append(
                    (time.perf_counter() - started) * 1000
                )
                started = time.perf_counter()
                response = client.get(f"/{language}/search/", {"q": q})
                page_ms.setdefault(q, []).append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{q!r}: HTTP {response.status_code}")
                if reader == "visitor":
                    totals[q] = found
    return query_ms, page_ms, totals


def _explain(q: str) -> str:
    from django.db import connection

    from portal.search import ranking

    query = ranking.candidates(ranking.Criteria(q=q), "visitor").query
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        # With the setting a search sends with its pool (ranking.NEWEST_FIRST).
        cursor.execute(
            f"{ranking.NEWEST_FIRST}EXPLAIN (ANALYZE, BUFFERS) {sql}", params
        )
        cursor.nextset()
        return "\n".join(row[0] for row in cursor.fetchall())


def _first_page(q: str) -> str:
    """What the first page of ``q`` holds: kinds, and which part matched."""
    from collections import Counter

    from portal.search import ranking

    # The pool in rank order (what ranked_search lists when nothing is filtered).
    page = ranking.pool_of(ranking.Criteria(q=q), "visitor").rows[:20]
    kinds = Counter(row.kind for row in page)
    names = {ranking.TITLE: "title", ranking.HEAD: "summary", ranking.BODY: "body"}
    tiers = Counter(names[row.tier] for row in page)
    return f"kinds {dict(kinds)}; matched in {dict(tiers)}"


def _median_ms(action, rounds: int) -> float:
    timings = []
    for n in range(rounds):
        started = time.perf_counter()
        action(n)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _save_upkeep(rounds: int = 50) -> list[str]:
    """Median cost of an admin-like save of one resource (row, themes, regions, in
    one transaction, committed): without search upkeep, with it as it is now
    (the rebuild queued on commit to Redis), and with the rebuild inside the
    save (as before); then the worker's rebuild alone."""
    from django.conf import settings
    from django.db import transaction
    from django.db.models.signals import m2m_changed, post_save

    from portal.celery import app
    from portal.search import upkeep
    from resources.models import Resource

    resource = (
        Resource.objects.filter(document_en="", themes__isnull=False)
        .order_by("pk")
        .first()
    )
    title = resource.title_en
    themes, regions = list(resource.themes.all()), list(resource.regions.all())

    def save(n: int) -> None:
        with transaction.atomic():
            resource.title_en = f"{title} ({n % 2})"
            resource.save()
            resource.themes.set(themes)
            resource.regions.set(regions)

    receivers = post_save.receivers[:], m2m_changed.receivers[:]
    uids = ("search-save-", "search-m2m-")
    post_save.receivers = [r for r in receivers[0] if not str(r[0][0]).startswith(uids)]
    m2m_changed.receivers = [
        r for r in receivers[1] if not str(r[0][0]).startswith(uids)
    ]
    for sig in (post_save, m2m_changed):
        sig.sender_receivers_cache.clear()
    try:
        bare = _median_ms(save, rounds)
    finally:
        post_save.receivers, m2m_changed.receivers = receivers
        for sig in (post_save, m2m_changed):
            sig.sender_receivers_cache.clear()

    # Queued as in production: a real broker (this helper's own Redis database).
    eager, broker = app.conf.task_always_eager, app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ.get(
        "SEARCH_BENCH_BROKER", "redis://127.0.0.1:6379/7"
    )
    try:
        deferred = _median_ms(save, rounds)
    finally:
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(app.conf.task_default_queue)
        app.conf.task_always_eager, app.conf.broker_url = eager, broker
    settings.SEARCH_INDEX_SYNC = True
    try:
        inline = _median_ms(save, rounds)
    finally:
        settings.SEARCH_INDEX_SYNC = False
    worker = _median_ms(
        lambda n: upkeep.entries_catch_up(
            items=[("resource", resource.pk)], savepoint=False
        ),
        rounds,
    )
    resource.title_en = title
    resource.save()
    return [
        f"save without search upkeep      {bare:6.1f} ms",
        f"save, rebuild queued on commit  {deferred:6.1f} ms"
        f"  (+{deferred - bare:.1f} ms: what a save pays now)",
        f"save, rebuild inside the save   {inline:6.1f} ms"
        f"  (+{inline - bare:.1f} ms: as before)",
        f"the worker's rebuild of it      {worker:6.1f} ms",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.search")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the mix")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a target is missed"
    )
    args = parser.parse_args(argv)
    _setup()
    from portal.accounts.models import User
    from resources.models import Resource

    _ensure_entries()
    staff = User.objects.filter(is_staff=True, is_active=True).first()
    if staff is None:
        staff = User.objects.create(email="search-bench@example.org", is_staff=True)
    print(f"Resources: {Resource.objects.count():,}; warming up…")
    _measure(1, staff)  # connections, caches of the OS and PostgreSQL
    query_ms, page_ms, totals = _measure(args.rounds, staff)

    print(f"\n{'query':44} {'lang':4} {'hits':>16} {'query p50':>10} {'page p50':>9}")
    for q, language, label in MIX:
        print(
            f"{q[:44]:44} {language:4} {totals.get(q, '-'):>16} "
            f"{statistics.median(query_ms[q]):8.1f}ms {statistics.median(page_ms[q]):7.1f}ms"
            f"  {label}"
        )
    all_query = [ms for samples in query_ms.values() for ms in samples]
    all_page = [ms for samples in page_ms.values() for ms in samples]
    rows = [
        ("query alone (SQL)", all_query, QUERY_TARGET_MS),
        ("whole page", all_page, PAGE_TARGET_MS),
    ]
    missed = False
    print(f"\n{'':20} {'n':>5} {'p50':>8} {'p95':>8} {'target p95':>11}")
    for name, samples, target in rows:
        p95 = _percentile(samples, 0.95)
        ok = p95 <= target
        missed |= not ok
        print(
            f"{name:20} {len(samples):5} {_percentile(samples, 0.5):6.1f}ms "
            f"{p95:6.1f}ms {target:9.0f}ms {'ok' if ok else 'MISSED'}"
        )
    print(f"\nFirst page of 'terrorism' (visitor): {_first_page('terrorism')}")
    for q in ("terrorism", EXPLAIN_QUERY):
        print(f"\nEXPLAIN ANALYZE of the candidate query for {q!r} (visitor):")
        print(_explain(q))
    print("\nIndex upkeep of an admin-like save (median of 50):")
    for line in _save_upkeep():
        print("  " + line)
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
