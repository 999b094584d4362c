"""Celery tasks of search: thin wrappers around the indexing services."""

from celery import shared_task
from django.db import OperationalError


@shared_task(
    name="search.extract_document",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def extract_document(resource_id: int, language: str) -> str | None:
    """Read the text of one language's document of a resource and reindex it."""
    from .documents import document_text_extract

    row = document_text_extract(resource_id=resource_id, language=language)
    return row.status if row is not None else None


@shared_task(
    name="search.refresh_entries",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def refresh_entries(items: list[list]) -> int:
    """Rebuild the entries of these [kind, id] items (queued after a save commits).

    Safe to run twice: an entry is rebuilt from what the database holds now.
    """
    from .upkeep import entries_catch_up

    entries_catch_up(items=[(kind, int(pk)) for kind, pk in items], savepoint=False)
    return len(items)
