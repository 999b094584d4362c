"""Local development: SQLite in var/, mail to files in var/mail/, eager Celery."""

from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# No collectstatic needed while developing.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# SQLite, mail files and uploads live here; make sure it exists on a fresh clone.
VAR_DIR.mkdir(exist_ok=True)
