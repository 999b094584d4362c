"""Send one case as one role, classify the answer, prove a refusal changed nothing.

Each request runs in a savepoint that is rolled back, so an allowed POST (a
deletion, a sign-out) leaves the shared world as it was for the next case.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.access import table
from tests.access.cases import Case

# Tables a refused request may still write: sessions and sign-in throttling.
UNWATCHED_APPS = {"sessions", "axes"}


def login_paths() -> set[str]:
    paths = {reverse("admin:login")}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse(settings.LOGIN_URL))
    return paths


def classify(response, logins: set[str]) -> str:
    code = response.status_code
    if 300 <= code < 400:
        path = urlsplit(response["Location"]).path
        return table.LOGIN if path in logins else table.REDIRECT
    if 200 <= code < 300:
        return table.OK
    return str(code)


POST_FORM = re.compile(
    r"<form\b[^>]*\bmethod=[\"']?post[^>]*>(.*?)</form>", re.IGNORECASE | re.DOTALL
)


def text_of(response) -> str:
    """What a reader sees in a text answer (HTML, XML, JSON, CSV, iCalendar)."""
    kind = response.get("Content-Type", "")
    if response.streaming or not any(part in kind for part in ("text/", "xml", "json")):
        return ""
    text = response.content.decode(errors="replace")
    if "json" in kind:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    if "calendar" in kind:
        text = text.replace("\r\n ", "")  # unfold long lines
    return text


def leaked(response, hidden: set[str]) -> str:
    text = text_of(response)
    shown = sorted(marker for marker in hidden if marker in text)
    return f"shows what it must not: {', '.join(shown)}" if shown else ""


def tokenless_form(response) -> str:
    """A page with a POST form that lacks the CSRF token field is a finding."""
    if "html" not in response.get("Content-Type", "") or response.streaming:
        return ""
    for body in POST_FORM.findall(response.content.decode(errors="replace")):
        if "csrfmiddlewaretoken" not in body:
            return "a POST form without a CSRF token on the page"
    return ""


def drain(response) -> None:
    """Read a streamed file to the end, which closes it the way a server would.

    Closing it unread would fire ``request_finished`` with Django's
    connection clean-up attached, which closes the connection mid-transaction.
    """
    if response.streaming:
        b"".join(response.streaming_content)


def _count_query() -> str:
    """One statement counting the rows of every watched table (table names come
    from the models, never from a request; some exist on PostgreSQL only)."""
    quote = connection.ops.quote_name
    existing = set(connection.introspection.table_names())
    parts = [
        f"SELECT '{model._meta.label_lower}', COUNT(*) "  # noqa: S608
        f"FROM {quote(model._meta.db_table)}"
        for model in apps.get_models()
        if model._meta.app_label not in UNWATCHED_APPS
        and model._meta.db_table in existing
    ]
    return " UNION ALL ".join(parts)


# PostgreSQL counts every row this transaction inserted, updated or deleted, per
# table (savepoints included): any write at all by a refused request shows here.
WRITES = """
    SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables
    WHERE n_tup_ins + n_tup_upd + n_tup_del > 0
"""
UNWATCHED_TABLES = ("django_session", "axes_")


def snapshot(target=None) -> dict:
    """What a refused request must leave as it was.

    On PostgreSQL, the rows written so far in this transaction, per table; elsewhere
    the row counts of every table (one query) and the target's fields.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(WRITES)
            return {
                "counts": {
                    table: writes
                    for table, writes in cursor.fetchall()
                    if not table.startswith(UNWATCHED_TABLES)
                }
            }
        cursor.execute(_count_query())
        state: dict = {"counts": dict(cursor.fetchall())}
    if target is not None:
        manager = type(target)._base_manager
        state["target"] = manager.filter(pk=target.pk).values().first()
    return state


def difference(before: dict, after: dict) -> str:
    changed = [
        f"{label}: {before['counts'].get(label, 0)} -> {count}"
        for label, count in after["counts"].items()
        if before["counts"].get(label, 0) != count
    ]
    if before.get("target") != after.get("target"):
        old, new = before.get("target") or {}, after.get("target") or {}
        fields = sorted(k for k in {*old, *new} if old.get(k) != new.get(k))
        changed.append(f"target fields changed: {', '.join(fields) or 'deleted'}")
    return "; ".join(changed)


@dataclass
class Result:
    case: Case
    role: str
    expected: str | table.Xfail
    got: str
    changed: str = ""
    error: str = ""

    @property
    def passed(self) -> bool:
        if isinstance(self.expected, table.Xfail):
            return True
        return self.got == self.expected and not self.changed and not self.error

    def describe(self) -> str:
        text = (
            f"{self.role:9} {self.case.label}: expected {self.expected}, got {self.got}"
        )
        if self.changed:
            text += f" and it CHANGED {self.changed}"
        if self.error:
            text += f" ({self.error})"
        return text


def client_for(session_key: str | None, **kwargs) -> Client:
    client = Client(**kwargs)
    if session_key:
        client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    return client


def run(
    case: Case,
    role: str,
    session_key: str | None,
    expected,
    logins,
    hidden: set[str] = frozenset(),
) -> Result:
    cache.clear()
    client = client_for(session_key)
    headers = {"HTTP_ACCEPT_LANGUAGE": case.language or "en"}
    # Refused GETs are watched too: a refusal must never have written anything.
    error = ""
    with transaction.atomic():
        before = snapshot(case.target)
        try:
            if case.method == "POST":
                response = client.post(case.url, case.data, **headers)
            else:
                response = client.get(case.url, **headers)
        except Exception as exc:  # a 500 is a finding, recorded with the others
            got, error = "500", f"{type(exc).__name__}: {exc}"[:300]
        else:
            got = classify(response, logins)
            if got == table.OK:
                error = tokenless_form(response) or leaked(response, hidden)
            drain(response)
        changed = ""
        if got in table.REFUSED and not error:
            changed = difference(before, snapshot(case.target))
        transaction.set_rollback(True)
    return Result(case, role, expected, got, changed, error)
