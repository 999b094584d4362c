"""Keeping entries current without slowing down the save that changed them.

A save or a tag change only notes which items changed (a set per thread); once
the transaction commits, one task per ``BATCH`` items rebuilds their entries in
the worker. Several signals of one admin save (the row, then each M2M field) so
cost one rebuild, after the save has answered. Computing the vectors of a long
document is the expensive part (tens of ms), and it no longer runs in the save.

``SEARCH_INDEX_SYNC = True`` rebuilds at once, inside the transaction, as data
scripts and most tests want. If the broker cannot take the task, the entries
are rebuilt in this process rather than left stale.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from portal.cache import bump_content_version
from portal.queueing import queue_on_commit, queue_task

from .indexing import SOURCES, enabled, entries_refresh
from .models import Kind, SearchEntry

logger = logging.getLogger(__name__)

BATCH = 500
FACET_COLUMNS = ("themes", "regions")
_state = threading.local()


def _pending() -> set[tuple[str, int]]:
    if not hasattr(_state, "pending"):
        _state.pending = set()
    return _state.pending


def entries_schedule(*, kind: str | None, ids: Iterable[int | None]) -> None:
    """Rebuild the entries of these items once the transaction commits."""
    if kind not in SOURCES or not enabled():
        return
    items = {(kind, int(pk)) for pk in ids if pk is not None}
    if not items:
        return
    if settings.SEARCH_INDEX_SYNC:
        entries_catch_up(items=items, savepoint=True)
        return
    _pending().update(items)
    # One callback per transaction. A rolled-back transaction drops it (with its
    # items still noted): they are rebuilt with the next commit, which is harmless.
    hooks = transaction.get_connection().run_on_commit
    if not any(hook[1] is _flush for hook in hooks):
        transaction.on_commit(_flush)


def _flush() -> None:
    items = sorted(_pending())
    _pending().clear()
    from .tasks import refresh_entries

    for start in range(0, len(items), BATCH):
        batch = items[start : start + BATCH]
        if not queue_task(refresh_entries, items=[list(item) for item in batch]):
            entries_catch_up(items=batch, savepoint=False)


def entries_catch_up(*, items: Iterable[tuple[str, int]], savepoint: bool) -> None:
    """Rebuild these entries now and queue the extraction of new documents.

    A failure is logged and never stops the caller (a savepoint keeps an outer
    transaction usable); ``rebuild_search_index`` repairs any gap.
    """
    from .documents import stale_languages
    from .tasks import extract_document

    items = list(items)
    try:
        with transaction.atomic(savepoint=savepoint):
            rebuilt = entries_refresh(items=items)
    except DatabaseError:
        logger.exception("Search entries not updated: %s", items[:20])
        return
    # Cached pools and visitors' cached search pages predate the rebuild (the
    # save that queued it has bumped the version already, before the worker ran).
    bump_content_version()
    for done in rebuilt:
        if done.kind == Kind.RESOURCE:
            for language in stale_languages(done.item, done.files):
                queue_on_commit(
                    extract_document, resource_id=done.item.pk, language=language
                )


def entries_rename_facet(*, column: str, old: str, new: str | None) -> int:
    """Replace (or, ``new=None``, remove) a theme or region slug in every entry
    that carries it: one statement, however many entries (a taxonomy rename)."""
    if column not in FACET_COLUMNS or not enabled() or old == new:
        return 0
    table = SearchEntry._meta.db_table
    # Entries keep their slugs sorted: the facet counts read them as they are.
    sql = f"""
        UPDATE {table} SET {column} = (
            SELECT COALESCE(jsonb_agg(DISTINCT slug ORDER BY slug), '[]'::jsonb)
            FROM (
                SELECT CASE WHEN value = %(old)s::text THEN %(new)s::text ELSE value END
                    AS slug
                FROM jsonb_array_elements_text({column})
            ) renamed
            WHERE slug IS NOT NULL
        )
        WHERE {column} @> jsonb_build_array(%(old)s::text)
    """  # noqa: S608 - table and column are ours, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, {"old": old, "new": new})
        changed = cursor.rowcount
    if changed:
        bump_content_version()
    return changed
