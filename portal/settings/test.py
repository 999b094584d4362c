"""Tests: fast hashing, mail in memory, plain static storage."""

from .base import *  # noqa: F403
from .base import FRAME_CACHE, STORAGES

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "frame": FRAME_CACHE,
}
# Manifest storage would 500 every page unless collectstatic ran.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Unit tests run tasks in-process; the worker suite starts a real worker.
CELERY_TASK_ALWAYS_EAGER = True
ALLOWED_HOSTS = ["*"]
# Nothing is collected in tests; WhiteNoise would warn about a missing folder.
STATIC_ROOT = None
# Page-cache tests switch it on with the `settings` fixture.
VISITOR_PAGE_CACHE = False
