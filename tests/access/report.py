"""The role x URL table the access tests produce: counts of allowed and refused.

Results are collected while the tests run (see ``conftest.py``) and written to
``var/access-matrix.md`` at the end of the session, with a one-line summary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from tests.access import table
from tests.access.world import ROLES

# (role, method, case id, expected, got) rows of this process.
ROWS: list[tuple[str, str, str, str, str]] = []


def record(results) -> None:
    for result in results:
        expected = result.expected
        if isinstance(expected, table.Xfail):
            expected = f"xfail: {expected.reason}"
        ROWS.append(
            (result.role, result.case.method, result.case.id, expected, result.got)
        )


def verdict(got: str, expected: str) -> str:
    if expected.startswith("xfail"):
        return "xfail"
    if got in table.ALLOWED:
        return "allowed"
    if got in table.REFUSED:
        return "refused"
    return "error"


def summary(rows) -> str:
    counts = Counter(verdict(got, expected) for _r, _m, _c, expected, got in rows)
    names = {case_id.split("[", 1)[0] for _r, _m, case_id, _e, _g in rows}
    return (
        f"access matrix: {len(rows)} requests over {len(names)} URL names x "
        f"{len(ROLES)} roles: {counts['allowed']} allowed, {counts['refused']} refused, "
        f"{counts['xfail']} xfail, {counts['error']} errors"
    )


def render(rows) -> str:
    by_role: dict[str, Counter] = defaultdict(Counter)
    by_case: dict[tuple[str, str], dict[str, Counter]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    for role, method, case_id, expected, got in rows:
        by_role[role][verdict(got, expected)] += 1
        by_role[role][got] += 1
        shown = f"{got} (xfail)" if expected.startswith("xfail") else got
        by_case[(case_id, method)][role][shown] += 1

    outcomes = [
        table.OK,
        table.REDIRECT,
        table.LOGIN,
        table.FORBIDDEN,
        table.NOT_FOUND,
        table.NOT_ALLOWED,
        table.BAD,
    ]
    lines = [
        "# Access matrix",
        "",
        summary(rows),
        "",
        "Produced by `tests/access/` (anonymous, mission member, editor, publisher;",
        "site URLs in every language, admin URLs once). Allowed = ok (2xx) or",
        "redirect; refused = login (sent to sign in), 403, 404, 405 or 400.",
        "",
        "## Per role",
        "",
        "| role | requests | allowed | refused | "
        + " | ".join(outcomes)
        + " | xfail | errors |",
        "| --- " * (len(outcomes) + 6) + "|",
    ]
    for role in ROLES:
        counts = by_role.get(role, Counter())
        total = sum(counts[v] for v in ("allowed", "refused", "xfail", "error"))
        lines.append(
            f"| {role} | {total} | {counts['allowed']} | {counts['refused']} | "
            + " | ".join(str(counts[o]) for o in outcomes)
            + f" | {counts['xfail']} | {counts['error']} |"
        )
    lines += [
        "",
        "## Per URL",
        "",
        "Each cell: the outcome (with the number of requests when the URL was tried "
        "in several languages).",
        "",
        "| URL name | method | " + " | ".join(ROLES) + " |",
        "| --- " * (len(ROLES) + 2) + "|",
    ]
    for case_id, method in sorted(by_case):
        cells = []
        for role in ROLES:
            counts = by_case[(case_id, method)].get(role, Counter())
            cells.append(
                ", ".join(
                    f"{got}" if n == 1 else f"{got} ×{n}"
                    for got, n in sorted(counts.items())
                )
                or "—"
            )
        lines.append(f"| `{case_id}` | {method} | " + " | ".join(cells) + " |")
    xfails = sorted(
        {(case_id, expected) for _r, _m, case_id, expected, _g in rows}
        - {(c, e) for _r, _m, c, e, _g in rows if not e.startswith("xfail")}
    )
    if xfails:
        lines += ["", "## Not settled (xfail)", ""]
        lines += [f"- `{case_id}`: {expected[7:]}" for case_id, expected in xfails]
    return "\n".join(lines) + "\n"


def write(rows, root: Path) -> Path:
    path = root / "var" / "access-matrix.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(render(rows), encoding="utf-8")
    return path
