"""Storage for files that must never be reachable under a public URL."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible(path="portal.storage.PrivateFileSystemStorage")
class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, with no URL at all.

    Views that check access serve them; asking for a URL is a programming error.
    """

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


def private_storage():
    """Resource documents and proposal attachments: served only by views that check access."""
    return storages["private"]


@deconstructible(path="portal.storage.GeneratedFileName")
class GeneratedFileName:
    """``upload_to``: a random name in ``folder``; only the lower-cased extension is kept.

    The uploader's file name never reaches the disk (path tricks, scripts, clashes).
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()[:10]
        return f"{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, GeneratedFileName) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)
