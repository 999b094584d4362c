"""The bench table: figures per page and connections, the issue's targets, pass/fail.

Targets (issue 3, on this 2-core machine):

- cache off, one connection: p95 <= 100 ms and >= 70 requests/s, every page;
- warm (Redis), a visitor's list page: >= 40% of the trivial view's requests/s
  at the same number of connections, the trivial view measured just before and
  just after the page (``Row.reference``): this host's speed drifts by a fifth
  within minutes, so a yardstick read minutes apart measures the drift too;
- at most 10 SQL queries a page (list and detail pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from .load import Result
from .pages import DETAIL, LIST, YARDSTICK, Page

UNCACHED_P95_MS = 100.0
UNCACHED_RPS = 70.0
WARM_SHARE = 0.40
MAX_QUERIES = 10

CONFIG_TITLES = {"off": "cache off", "redis": "warm (Redis)"}


@dataclass
class Row:
    config: str
    page: Page
    connections: int
    result: Result | None  # None: not measured (see ``note``)
    note: str = ""  # why a row was not measured
    # The trivial view's requests/s next to this row (before and after it, same
    # connections), where measured; else the run's own yardstick applies.
    reference: float | None = None


def held_to_share(config: str, page: Page) -> bool:
    """Whether a page, in a cache configuration, must reach a share of the
    trivial view's requests/s (a visitor's list page, warm)."""
    return config == "redis" and page.kind == LIST


def yardstick(row: Row, trivials: dict[tuple[str, int], float]) -> float | None:
    """The trivial view's requests/s a row is compared with."""
    if row.reference is not None:
        return row.reference
    return trivials.get((row.config, row.connections))


def _rps(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def not_measured(row: Row) -> str:
    """What to show in place of figures: the page is missing, broken or too slow."""
    if row.note:
        return row.note
    if row.result is not None:
        return f"no answer in {row.result.seconds:.0f} s"
    status = row.page.status
    if status in (None, 404):
        return "n/a"
    return "timeout" if status == 0 else f"HTTP {status}"


def verdict(row: Row, trivial: float | None) -> tuple[str, bool | None]:
    """The target that applies to a row and whether it is met (None: no target).

    ``trivial``: the trivial view's requests/s in the same configuration and at
    the same number of connections.
    """
    result, page = row.result, row.page
    if page.kind == YARDSTICK or (result is None and not row.note):
        return "", None
    if result is None:  # skipped as too slow: it misses any target it has
        result = Result(0, 0, 1, 0, 0, 0, 0)
    if row.config == "off" and row.connections == 1:
        ok = (
            result.p95_ms <= UNCACHED_P95_MS
            and result.rps >= UNCACHED_RPS
            and not result.errors
        )
        return f"p95<={UNCACHED_P95_MS:.0f}ms, >={UNCACHED_RPS:.0f}/s", ok
    if held_to_share(row.config, page) and trivial is not None:
        ok = result.rps >= WARM_SHARE * trivial and not result.errors
        return f">={WARM_SHARE:.0%} of trivial", ok
    return "", None


def _queries(page: Page, config: str) -> str:
    count = page.queries.get(config)
    if count is None:
        return "-"
    flag = "!" if page.kind in (LIST, DETAIL) and count > MAX_QUERIES else ""
    return f"{count}{flag}"


def table(rows: list[Row], trivials: dict[tuple[str, int], float]) -> str:
    header = (
        "config",
        "page",
        "conns",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "x trivial",
        "queries",
        "target",
        "result",
    )
    lines = [header]
    for row in rows:
        page, result = row.page, row.result
        trivial = yardstick(row, trivials)
        target, ok = verdict(row, trivial)
        queries = _queries(page, row.config)
        if result is None or not result.requests:
            lines.append(
                (CONFIG_TITLES[row.config], page.name, str(row.connections))
                + ("-",) * 6
                + (queries, target, not_measured(row) if ok is None else "FAIL")
            )
            continue
        # Floored, so a row shown at 40% never fails the 40% target.
        share = f"{int(100 * result.rps / trivial)}%" if trivial else "-"
        lines.append(
            (
                CONFIG_TITLES[row.config],
                page.name,
                str(row.connections),
                _rps(result.rps),
                f"{result.p50_ms:.1f}",
                f"{result.p95_ms:.1f}",
                f"{result.p99_ms:.1f}",
                str(result.errors),
                share,
                queries,
                target,
                "" if ok is None else ("pass" if ok else "FAIL"),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6, 7, 8, 9}
    out = []
    for number, line in enumerate(lines):
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(line)
        ]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def summary(rows: list[Row], trivials: dict[tuple[str, int], float]) -> list[str]:
    """One line per missed target and per page over the query budget."""
    missed = []
    for row in rows:
        trivial = yardstick(row, trivials)
        target, ok = verdict(row, trivial)
        if ok is False:
            result = row.result
            where = (
                f"{CONFIG_TITLES[row.config]}, {row.page.name}, {row.connections} conn"
            )
            if result is None or not result.requests:
                figures = not_measured(row)
            else:
                figures = f"{_rps(result.rps)} req/s, p95 {result.p95_ms:.1f} ms"
                if held_to_share(row.config, row.page) and trivial:
                    figures += f", trivial view {trivial:.0f} req/s"
            missed.append(f"{where}: {figures} (target {target})")
    seen = set()
    for row in rows:
        page = row.page
        for config, count in page.queries.items():
            key = (page.name, config)
            if key in seen or page.kind not in (LIST, DETAIL) or count <= MAX_QUERIES:
                continue
            seen.add(key)
            missed.append(
                f"{CONFIG_TITLES[config]}, {page.name}: {count} SQL queries "
                f"(budget {MAX_QUERIES})"
            )
    return missed
