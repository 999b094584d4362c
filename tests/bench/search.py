"""``python -m tests.bench.search``: the site-wide search on the 100,000-resource set.

Uses the bench database that ``python -m tests.bench`` builds (never drops or
fills it); builds the search entries in it with ``rebuild_search_index
--no-documents`` when they are missing. Measures, over a mix of one-word,
multi-word, Russian, English and misspelt queries, read as visitor and as staff:

- the query alone: the SQL a search runs (the candidate pool, the page's titles
  and snippets, the spelling look-ups when nothing matched), cache off;
- the whole page: an in-process GET of /<lang>/search/?q=..., cache off;

then prints p50/p95 against the targets (50 ms, 150 ms) and EXPLAIN ANALYZE of
one search, which shows the GIN index at work.
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
    """Everything a search page asks the database, without rendering; returns
    what was found ("1000+" when capped, "-> word" when corrected)."""
    from django.utils import translation

    from portal.search import results, spelling

    with translation.override(language):
        criteria = results.Criteria(q=q)
        found = results.ranked_search(criteria, reader)
        better = ""
        if not found.total:
            better = spelling.corrected(q) or ""
            if better:
                criteria = results.Criteria(q=better)
                found = results.ranked_search(criteria, reader)
        results.page_of_hits(criteria, reader, language, found.ids[:20])
    fixed = f" -> {better}" if better else ""
    return f"{found.total}{'+' if found.capped else ''}{fixed}"


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

    from portal.search import results

    sql, params = results.candidates(q, "visitor", head=False).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


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
    print(f"\nEXPLAIN ANALYZE of the candidate query for {EXPLAIN_QUERY!r} (visitor):")
    print(_explain(EXPLAIN_QUERY))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
