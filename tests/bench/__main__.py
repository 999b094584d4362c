"""``python -m tests.bench`` (``make bench``): the portal's speed, page by page.

1. The bench's own PostgreSQL database (DATABASE_URL when its name contains
   "bench", else postgres://postgres@127.0.0.1:5432/portal_bench): created,
   migrated and filled once with 1,000 partners, 10,000 activities and 100,000
   resources in both languages.
2. For each cache configuration, "cache off" (DummyCache) then "warm" (Redis),
   a real gunicorn on loopback; every page is warmed up, then loaded at 1 and 16
   connections for a bounded time each.
3. A table of requests/s, p50/p95/p99 and errors, each page's SQL queries and its
   share of the trivial view's requests/s, against the targets of issue 3. In
   the warm run, where that share is a target, the trivial view is measured
   again after each list page, and a list page is compared with the runs just
   before and after it.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path

PROBE_TIMEOUT = 120.0
# A page slower than this at one connection is not loaded with more connections.
SLOW_MS = 1000.0
# The trivial view measured before and after the pages differs by more: say so.
DRIFT_WARNING = 0.25
# Seconds of the trivial view measured after each list page of the warm run, the
# yardstick of that page and the next (report.Row.reference).
REFERENCE_SECONDS = 3.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description=(
            "Load every list and detail page of the portal on a real gunicorn over "
            "a large synthetic data set, with the cache off and warm, and compare "
            "each with a trivial Django template view."
        ),
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=5.0,
        help="load time per page and number of connections (default 5, max 120)",
    )
    parser.add_argument(
        "--connections",
        default="1,16",
        help="comma-separated numbers of concurrent connections (default 1,16)",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="only pages whose name contains one of these comma-separated words "
        "(e.g. 'resources,partner'); the trivial view is always measured",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="drop the bench database and generate the data set again",
    )
    parser.add_argument(
        "--skip-off", action="store_true", help="do not measure with the cache off"
    )
    parser.add_argument(
        "--skip-warm", action="store_true", help="do not measure with Redis (warm)"
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=1.0,
        help="seconds of unmeasured load per page before measuring (default 1)",
    )
    parser.add_argument(
        "--generator",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator: wrk if installed (auto), or the threaded Python client",
    )
    parser.add_argument(
        "--workers", type=int, default=5, help="gunicorn workers (default 5)"
    )
    parser.add_argument(
        "--worker-class",
        choices=["sync", "gthread"],
        default="sync",
        help="gunicorn worker class (default sync, as in production)",
    )
    parser.add_argument(
        "--threads", type=int, default=4, help="threads per gthread worker (default 4)"
    )
    parser.add_argument(
        "--lang", choices=["ru", "en"], default="ru", help="page language (default ru)"
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="data set size factor, to try the harness quickly (targets are for 1)",
    )
    parser.add_argument(
        "--data-only",
        action="store_true",
        help="prepare the database and data set, then stop",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 1 when a target is missed",
    )
    args = parser.parse_args(argv)
    try:
        args.connections = sorted(
            {int(value) for value in args.connections.split(",") if value.strip()}
        )
    except ValueError:
        parser.error("--connections takes numbers, e.g. 1,16")
    if not args.connections or min(args.connections) < 1 or max(args.connections) > 256:
        parser.error("--connections: between 1 and 256")
    if not 0 < args.seconds <= 120 or not 0 <= args.warmup <= 30:
        parser.error("--seconds: more than 0, at most 120; --warmup: 0 to 30")
    if not 0 < args.scale <= 1:
        parser.error("--scale: more than 0, at most 1")
    args.pages = [word.strip() for word in args.pages.split(",") if word.strip()]
    return args


def _setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.bench"
    # This process prepares the data and counts queries with the cache off.
    os.environ["BENCH_CACHE"] = "off"
    import django

    django.setup()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _redis_settings(url: str) -> dict:
    from django.conf import settings

    return {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "bench",
        },
        "frame": settings.FRAME_CACHE,
    }


def _redis_ready(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def _forget_bench_keys(url: str) -> int:
    """Delete the bench's own cache keys (its prefix only, never a whole database)."""
    import redis

    client = redis.Redis.from_url(url, socket_timeout=5)
    deleted = 0
    for key in client.scan_iter(match="bench:*", count=1000):
        deleted += client.delete(key)
    return deleted


def _probe(port: int, path: str) -> int:
    """The server's status for one GET; 0 when it does not answer in time."""
    from .server import get

    try:
        return get(port, path, timeout=PROBE_TIMEOUT)[0]
    except OSError:
        return 0


def _settle(port: int) -> None:
    """Wait until requests left queued by the last run are served.

    When the load generator stops, requests already accepted by the kernel are
    still served, one worker each: the next measurement must not pay for them.
    """
    _probe(port, "/healthz")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _setup_django()
    signal.signal(signal.SIGTERM, _interrupt)

    import psycopg
    from django.conf import settings

    from . import dataset
    from .load import make_client
    from .pages import YARDSTICK, bench_pages, count_queries, select
    from .report import CONFIG_TITLES, Row, held_to_share, summary, table
    from .rows import Sizes
    from .server import Server

    started = time.monotonic()
    db = settings.DATABASES["default"]
    print(f"Bench database: {db['NAME']} on {db['HOST'] or 'localhost'}:{db['PORT']}")
    try:
        found = dataset.prepare(sizes=Sizes().scaled(args.scale), rebuild=args.rebuild)
    except psycopg.OperationalError as exc:
        print(
            f"PostgreSQL is not reachable ({exc}).\nStart it: pg_ctlcluster "
            "--skip-systemctl-redirect $(ls /etc/postgresql) main start",
            file=sys.stderr,
        )
        return 2
    if args.data_only:
        return 0

    configs = [] if args.skip_off else ["off"]
    redis_url = settings.BENCH_REDIS_URL
    if not args.skip_warm:
        if _redis_ready(redis_url):
            configs.append("redis")
        else:
            print(
                f"Redis is not reachable at {redis_url}: skipping the warm run. Start "
                "it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379"
            )
    caches = {"off": settings.CACHES, "redis": _redis_settings(redis_url)}

    pages = select(bench_pages(args.lang), args.pages)
    count_queries(pages, caches={c: caches[c] for c in configs or ["off"]})
    measured = [page for page in pages if page.available]
    missing = [page.name for page in pages if not page.available]
    if missing:
        print(f"Not measured (no such page yet, or an error): {', '.join(missing)}")
    client = make_client(args.generator)
    per_page = args.warmup + args.seconds * len(args.connections)
    held = sum(held_to_share(c, page) for c in configs for page in measured)
    references = held * len(args.connections) * min(args.seconds, REFERENCE_SECONDS)
    print(
        f"Load generator: {client.name}; {len(measured)} pages x {len(configs)} "
        f"configurations x {args.connections} connections, {args.seconds:g} s each: "
        f"about {(len(measured) * len(configs) * per_page + references) / 60:.1f} "
        "min, more when pages are slow"
    )

    rows: list[Row] = []
    trivials: dict[tuple[str, int], float] = {}
    warnings: list[str] = []
    server_description = ""
    try:
        for config in configs:
            if config == "redis":
                _forget_bench_keys(redis_url)
            with Server(
                cache=config,
                workers=args.workers,
                worker_class=args.worker_class,
                threads=args.threads if args.worker_class == "gthread" else 1,
            ) as server:
                server_description = server.description
                print(
                    f"\n{CONFIG_TITLES[config]}: {server.description} on {server.url('')}"
                )
                first_trivial = {}
                # The latest run of the trivial view at each number of connections.
                latest_trivial = {}
                for page in pages:
                    if page.available:
                        page.status = _probe(server.port, page.path)
                    if not page.available:
                        rows += [Row(config, page, c, None) for c in args.connections]
                        continue
                    url = server.url(page.path)
                    if args.warmup:
                        # One request in flight per worker at most: nothing to drain.
                        warm = min(max(args.connections), args.workers)
                        client.run(url, connections=warm, seconds=args.warmup)
                        _settle(server.port)
                    previous = None
                    for connections in args.connections:
                        if previous is not None and (
                            not previous.requests or previous.p50_ms > SLOW_MS
                        ):
                            # Far off target already; more connections would only
                            # queue requests that take seconds to drain.
                            note = f"skipped: p50 > {SLOW_MS / 1000:.0f} s"
                            rows.append(Row(config, page, connections, None, note))
                            continue
                        result = client.run(
                            url, connections=connections, seconds=args.seconds
                        )
                        _settle(server.port)
                        previous = result
                        row = Row(config, page, connections, result)
                        rows.append(row)
                        if page.kind == YARDSTICK:
                            first_trivial[connections] = result
                            latest_trivial[connections] = result
                        _progress(page.name, connections, result)
                        if (
                            held_to_share(config, page)
                            and connections in latest_trivial
                        ):
                            before = latest_trivial[connections]
                            after = client.run(
                                server.url(pages[0].path),
                                connections=connections,
                                seconds=min(args.seconds, REFERENCE_SECONDS),
                            )
                            _settle(server.port)
                            _progress("  trivial view", connections, after)
                            latest_trivial[connections] = after
                            row.reference = _mean_rps(before, after)
                # The yardstick again: the ratios use the mean of both runs, and a
                # difference between them shows a machine busy with something else.
                again = replace(pages[0], name="trivial view, again")
                for connections, first in first_trivial.items():
                    result = client.run(
                        server.url(again.path),
                        connections=connections,
                        seconds=args.seconds,
                    )
                    rows.append(Row(config, again, connections, result))
                    trivials[(config, connections)] = _mean_rps(first, result)
                    drift = abs(first.rps - result.rps) / max(first.rps, result.rps, 1)
                    if drift > DRIFT_WARNING:
                        warnings.append(
                            f"{CONFIG_TITLES[config]}, {connections} conn: the trivial view "
                            f"ran at {first.rps:.0f} then {result.rps:.0f} req/s: the machine "
                            "was busy with something else, figures vary with it"
                        )
    except KeyboardInterrupt:
        print("\nInterrupted: the server is stopped; figures so far below.")

    print(f"\n{server_description}, load by {client.name}, {args.seconds:g} s per row")
    if found:
        print(
            f"Data set: {found['sizes']['partners']:,} partners, "
            f"{found['sizes']['activities']:,} activities, "
            f"{found['sizes']['resources']:,} resources; generated in "
            f"{found['seconds']:.0f} s on {found['created_at']:%Y-%m-%d}"
        )
    print(table(rows, trivials))
    missed = summary(rows, trivials)
    print("\nTargets missed:" if missed else "\nEvery target met.")
    for line in missed:
        print(f"  - {line}")
    for line in warnings:
        print(f"Warning: {line}")
    print(f"\nBench took {(time.monotonic() - started) / 60:.1f} min")
    _save(rows, Path(settings.BENCH_DIR) / "last-run.json")
    return 1 if args.strict and missed else 0


def _progress(name: str, connections: int, result) -> None:
    print(
        f"  {name:<22} {connections:>3} conn {result.rps:>7.1f} req/s  "
        f"p50 {result.p50_ms:6.1f} ms  p95 {result.p95_ms:6.1f} ms  "
        f"errors {result.errors}",
        flush=True,
    )


def _mean_rps(*results) -> float:
    """Requests/s over several runs together."""
    return sum(r.requests for r in results) / sum(r.seconds for r in results)


def _save(rows, path: Path) -> None:
    """The figures as JSON, for notes and comparisons between runs."""
    from dataclasses import asdict

    data = [
        {
            "config": row.config,
            "page": row.page.name,
            "path": row.page.path,
            "connections": row.connections,
            "queries": row.page.queries.get(row.config),
            "result": asdict(row.result) if row.result else None,
            "trivial_reference_rps": row.reference,
        }
        for row in rows
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    print(f"Figures saved to {path}")


if __name__ == "__main__":
    sys.exit(main())
