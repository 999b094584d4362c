"""Downloads of resource documents: the access check and the count, in one place."""

from __future__ import annotations

import re

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import F

from .models import Access, DocumentInfo, Resource


class NoSuchDocument(ObjectDoesNotExist):
    """The resource has no document in that language (or the language is unknown)."""


def download_filename(*, resource: Resource, document: DocumentInfo) -> str:
    """A readable, safe name for the saved file: ``<slug>-<language>.<ext>``.

    Slugs are ASCII already; anything else is replaced so the name needs no
    quoting tricks in Content-Disposition (RFC 6266).
    """
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{resource.slug}-{document.language}")
    extension = re.sub(r"[^a-z0-9.]", "", document.extension)
    return f"{stem.strip('-') or 'document'}{extension}"


def resource_download(
    *, resource: Resource, language: str, user, count: bool = True
) -> DocumentInfo:
    """Check that ``user`` may have the ``language`` document, and count it.

    ``resource`` must already be one that ``user`` can see
    (``Resource.objects.visible_to(user)``). Raises ``PermissionDenied`` when the
    resource is closed to the user (``missions`` for a visitor) and
    ``NoSuchDocument`` when there is no document in that language. The count is
    one atomic UPDATE (``F() + 1``): concurrent downloads are never lost.
    """
    if not resource.is_open_to(user):
        raise PermissionDenied
    document = resource.document_info(language)
    if document is None:
        raise NoSuchDocument
    if count:
        Resource.objects.filter(pk=resource.pk).update(downloads=F("downloads") + 1)
    return document


def is_restricted(resource: Resource) -> bool:
    """Not for everyone (an access level, or not published yet): never stored."""
    return resource.access != Access.PUBLIC or not resource.is_published
