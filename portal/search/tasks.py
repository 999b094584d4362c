"""Celery tasks of search: thin wrappers around the extraction service."""

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
