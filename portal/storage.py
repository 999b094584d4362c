"""Storage for files that must never be reachable under a public URL."""

from django.core.files.storage import storages


def private_storage():
    """Resource documents and proposal attachments: served only by views that check access."""
    return storages["private"]
