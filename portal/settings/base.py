"""Settings shared by every environment.

The environment is read here, once, with typed reads; dev, test and production
only change defaults and switch features on or off.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="insecure-dev-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin: it must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "django_prose_editor",
    "simple_history",
    "portal.accounts",
    "portal.taxonomy",
    "portal.pages",
    "partners",
    "programme",
    "resources",
    "portal.notifications",
    "portal.proposals",
    "portal.search",
    "portal.demo",
    "portal",
    "axes",
    # Import/export: spreadsheet import and export of content in the admin.
    "import_export",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Opens the per-request memo (portal/request_memo.py) around everything else.
    "portal.request_memo.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records who made each change in the historical tables.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so it turns a login refused by axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]


def _database(default: str) -> dict:
    """DATABASE_URL as a DATABASES entry; a malformed one stops start-up naming it."""
    try:
        config = env.db("DATABASE_URL", default=default)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is malformed: {exc}") from None
    if config.get("ENGINE") not in {
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    }:
        raise ImproperlyConfigured(
            "DATABASE_URL is malformed: use postgres://user:password@host:5432/name"
            " or sqlite:////absolute/path.sqlite3"
        )
    return config


DATABASES = {"default": _database(f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
# Persistent connections: each new PostgreSQL connection costs about 4 ms here.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True


def tune_for_web(config: dict) -> dict:
    """PostgreSQL connection settings for a web page's short queries.

    JIT compiling costs more than it saves on them, and so does starting parallel
    workers (tens of ms on a busy two-core server): a page whose query would need
    them has a missing index, not a missing worker.
    """
    if config["ENGINE"] == "django.db.backends.postgresql":
        options = config.setdefault("OPTIONS", {})
        options["options"] = "-c jit=off -c max_parallel_workers_per_gather=0"
        # A statement run a second time on a connection is prepared. Only the
        # server-binding cursors of ``portal.compiled`` can be: the ORM's own
        # (client-side binding) never are. "none": never (behind a pooler that
        # cannot keep prepared statements).
        threshold = env.str("DATABASE_PREPARE_THRESHOLD", default="1")
        options["prepare_threshold"] = (
            None if threshold.lower() == "none" else int(threshold)
        )
    return config


tune_for_web(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# Login throttling: after AXES_FAILURE_LIMIT failures for one e-mail from one address,
# even the right password is refused for the cool-off; the page is the same whether
# or not the account exists. REMOTE_ADDR only: a forwarded header could be forged.
AXES_FAILURE_LIMIT = env.int("DJANGO_AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(
    minutes=env.int("DJANGO_AXES_COOLOFF_MINUTES", default=15)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "portal.accounts.throttling.normalised_username"
AXES_LOCKOUT_CALLABLE = "portal.accounts.throttling.lockout_response"
# Behind the TLS proxy every request comes from its address: the visitor's is the
# last X-Forwarded-For entry, or one account could be locked by anyone.
AXES_CLIENT_IP_CALLABLE = "portal.clients.client_ip"
# Not verbose: no start-up banner on every command (deploy checks expect a silent stderr).
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts
# An invitation link works once, for this long after its mail was sent.
INVITATION_MAX_AGE = timedelta(
    days=env.int("DJANGO_INVITATION_MAX_AGE_DAYS", default=7)
)
# A password reset link: Django's default (three days), said here so mails can quote it.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
# Lax: the session and CSRF cookies are not sent with cross-site POSTs.
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Languages: Russian is the default, English its equal; each falls back to the other.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "ru"
MODELTRANSLATION_LANGUAGES = ("ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ru", "en"),
    "ru": ("en",),
    "en": ("ru",),
}
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
# The tabbed admin would load jQuery UI from a CDN: ship it ourselves (CSP, offline).
JQUERY_UI_URL = "vendor/jquery-ui-1.14.2/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")
# Resource documents and proposal attachments never sit under a public URL.
PRIVATE_MEDIA_ROOT = env.path("DJANGO_PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "portal.storage.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Behind nginx, private files are sent by nginx: the view answers with
# X-Accel-Redirect: <prefix>/<name> (an `internal` location aliased to
# PRIVATE_MEDIA_ROOT). Empty: Django streams the file itself.
PRIVATE_MEDIA_X_ACCEL_PREFIX = env.str(
    "DJANGO_PRIVATE_MEDIA_X_ACCEL_PREFIX", default=""
)
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Uploads (portal/uploads): limits per kind of file, checked before the content is
# read. The proxy in front (nginx client_max_body_size) should refuse bodies above
# the largest of them. Bigger uploads than FILE_UPLOAD_MAX_MEMORY_SIZE go to a
# temporary file, not to memory.
UPLOAD_MAX_DOCUMENT_MB = env.int("UPLOAD_MAX_DOCUMENT_MB", default=25)
UPLOAD_MAX_IMAGE_MB = env.int("UPLOAD_MAX_IMAGE_MB", default=10)
# Decompression bombs: a small file that decodes to a huge bitmap is refused.
UPLOAD_MAX_IMAGE_PIXELS = env.int("UPLOAD_MAX_IMAGE_PIXELS", default=40_000_000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# How many files a mission member may attach to one proposal.
PROPOSAL_MAX_ATTACHMENTS = env.int("PROPOSAL_MAX_ATTACHMENTS", default=5)

# Search (portal/search/upkeep.py): a save notes the item and the worker rebuilds
# its search entry after the commit; True rebuilds inside the save (tests, scripts).
SEARCH_INDEX_SYNC = env.bool("SEARCH_INDEX_SYNC", default=False)

# Redis: cache and Celery broker. Without it the cache is local memory and Celery
# runs tasks in-process, so the portal still works on a laptop.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL is malformed: use redis://host:6379/0")
# The site's frame: pieces of the header and footer that follow from code, URLs
# and translations alone, never from data ({% cache ... using="frame" %}). They
# cannot go stale while the process lives, so each process keeps its own.
FRAME_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "frame",
    "TIMEOUT": None,
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        },
        "frame": FRAME_CACHE,
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "frame": FRAME_CACHE,
    }

# Whole pages for anonymous visitors (portal/cache.py); off in most tests, which
# read each response's context and count its queries.
VISITOR_PAGE_CACHE = env.bool("DJANGO_VISITOR_PAGE_CACHE", default=True)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Above the longest task, or a slow task is redelivered while still running.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    # A web request that queues a task must not hang on a dead broker: it fails
    # fast, logs, and the outbox sweeper queues the work later.
    "socket_connect_timeout": 2,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Tests give each worker its own queue, also for the tasks the worker queues itself.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE

# Mail: EMAIL_URL (smtp://user:pass@host:port, with +tls / +ssl) when given.
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    # EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, ... from one URL.
    try:
        globals().update(env.email_url("EMAIL_URL"))
    except (ImproperlyConfigured, ValueError) as exc:
        raise ImproperlyConfigured(f"EMAIL_URL is malformed: {exc}") from None
else:
    EMAIL_BACKEND = env.str(
        "EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend"
    )
    EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="South-South portal <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Notification mails (portal/notifications/services/): SMTP temporary errors are
# retried after BASE, 2*BASE, 4*BASE... seconds (at most MAX) for ATTEMPTS tries;
# the sweeper re-queues what stayed pending SWEEP_AFTER seconds past its time.
NOTIFICATIONS_RETRY_BASE = env.float("NOTIFICATIONS_RETRY_BASE", default=60.0)
NOTIFICATIONS_RETRY_MAX = env.float("NOTIFICATIONS_RETRY_MAX", default=3600.0)
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=8)
NOTIFICATIONS_SWEEP_AFTER = env.float("NOTIFICATIONS_SWEEP_AFTER", default=300.0)
# Password of the demo staff accounts that `load_demo_content` creates (not a secret).
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="demo-south-south-2026")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content Security Policy: everything from our own host; the admin's editor
# needs inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {
        "handlers": ["console"],
        "level": env.str("DJANGO_LOG_LEVEL", default="INFO"),
    },
}

CELERY_BEAT_SCHEDULE = {
    "publish-due-items": {"task": "portal.publish_due", "schedule": 60.0},
    "rebuild-facet-counts": {
        "task": "portal.rebuild_facet_counts",
        "schedule": crontab(hour=3, minute=15),
    },
    "notifications-sweep": {"task": "notifications.sweep", "schedule": 120.0},
    "notifications-daily-digests": {
        "task": "notifications.queue_digests",
        "schedule": crontab(hour=6, minute=0),
        "args": ("daily",),
    },
    "notifications-weekly-digests": {
        "task": "notifications.queue_digests",
        "schedule": crontab(hour=6, minute=30, day_of_week="mon"),
        "args": ("weekly",),
    },
    "notifications-purge-unconfirmed": {
        "task": "notifications.purge_unconfirmed",
        "schedule": crontab(hour=3, minute=45),
    },
}

# Import/export (portal/imports/): staff import and export partners, activities and
# resources as CSV or XLSX. An import is dry-run first; the uploaded file waits for
# the confirmation in the cache (shared by every web process, expires by itself).
IMPORT_MAX_MB = env.int("IMPORT_MAX_MB", default=10)
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Formula cells are neutralised on export; portal/imports/formats.py prefixes an
# apostrophe (the library's own rule only drops a leading "=").
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# A control character that XLSX cannot hold becomes U+FFFD instead of failing the export.
IMPORT_EXPORT_ESCAPE_ILLEGAL_CHARS_ON_EXPORT = True
IMPORT_EXPORT_CHUNK_SIZE = 500
