"""The benchmark server (`make bench`): production-like, on the bench's own database.

DEBUG off, persistent connections, manifest static files, no debug toolbar; what
differs from production is only what a loopback benchmark cannot have (TLS, a
mail server, real secrets). BENCH_CACHE picks the cache: ``off`` (DummyCache,
every request does its full work) or ``redis`` (REDIS_URL, by default the bench's
own Redis database 14).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import FRAME_CACHE, VAR_DIR, env, tune_for_web

BENCH_DIR = VAR_DIR / "bench"
DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEFAULT_BENCH_REDIS_URL = "redis://127.0.0.1:6379/14"


def bench_database_url() -> str:
    """DATABASE_URL when it names a bench database, else the bench's default.

    The bench drops, fills and vacuums its database: it must never be one that
    holds anything else, so a DATABASE_URL whose name lacks "bench" is not used.
    """
    url = env.str("DATABASE_URL", default="")
    if url and "bench" in urlsplit(url).path.lstrip("/"):
        return url
    return DEFAULT_BENCH_DATABASE_URL


BENCH_DATABASE_URL = bench_database_url()
DATABASES = {"default": tune_for_web(env.db_url_config(BENCH_DATABASE_URL))}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("The bench needs PostgreSQL: DATABASE_URL=postgres://")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEBUG = False
SECRET_KEY = "bench-only-secret-key-never-used-anywhere-else-0123456789abcdef"
# "testserver" for the in-process requests that count each page's queries.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "tests.bench.urls"

STATIC_ROOT = BENCH_DIR / "static"
MEDIA_ROOT = BENCH_DIR / "media"
PRIVATE_MEDIA_ROOT = BENCH_DIR / "private"

BENCH_CACHE = env.str("BENCH_CACHE", default="off")
BENCH_REDIS_URL = env.str("REDIS_URL", default="") or DEFAULT_BENCH_REDIS_URL
if BENCH_CACHE == "off":
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "frame": FRAME_CACHE,
    }
elif BENCH_CACHE == "redis":
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": BENCH_REDIS_URL,
            # The bench removes only keys under this prefix, never a whole database.
            "KEY_PREFIX": "bench",
        },
        "frame": FRAME_CACHE,
    }
else:
    raise ImproperlyConfigured("BENCH_CACHE must be 'off' or 'redis'.")

# Nothing is sent from a benchmark; tasks (if any page queued one) run in-process.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True

# Warnings and errors only: a log line per request would measure the logger.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # The probes' expected 404s ("no such page yet") are not worth a line each.
    "loggers": {"django.request": {"level": "ERROR"}},
}
