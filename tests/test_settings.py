"""Settings read from the environment, checked in fresh interpreters.

Each test starts Python with a controlled environment (PATH plus the variables it
names), so nothing from the developer's shell or CI leaks in.
"""

import ast
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = "portal.settings.production"
DEV = "portal.settings.dev"

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/portal",
    "REDIS_URL": "redis://redis.example.org:6379/0",
    "EMAIL_URL": "smtp://mail.example.org:25",
}
REQUIRED = sorted(PRODUCTION_ENV)


def run(settings: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args],
        cwd=ROOT,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": settings,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def show(settings: str, env: dict[str, str], expression: str, *imports: str) -> object:
    """Evaluate an expression over the settings (`s`) in a fresh interpreter.

    `imports` are modules ("re") or "module:name" pairs the expression uses.
    """
    lines = ["from django.conf import settings as s"]
    for item in imports:
        module, _, name = item.partition(":")
        lines.append(f"from {module} import {name}" if name else f"import {module}")
    lines.append(f"print(repr(({expression})))")
    code = "\n".join(lines)
    result = run(settings, env, "-c", code)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip())


def last_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    return lines[-1] if lines else ""


def test_production_check_deploy_is_clean_with_its_variables_set():
    result = run(
        PRODUCTION,
        PRODUCTION_ENV,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert result.stderr == ""


@pytest.mark.parametrize("name", REQUIRED)
def test_production_refuses_to_start_without_a_required_variable(name):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != name}
    result = run(PRODUCTION, env, "manage.py", "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in last_line(result)
    assert name in last_line(result)


@pytest.mark.parametrize("name", REQUIRED)
def test_production_treats_an_empty_variable_as_missing(name):
    result = run(PRODUCTION, {**PRODUCTION_ENV, name: ""}, "manage.py", "check")
    assert result.returncode != 0
    assert name in last_line(result)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_URL", "not-a-url"),
        ("DATABASE_URL", "postgres://portal:secret@db.example.org:notaport/portal"),
        ("DATABASE_URL", "mysqlx://db.example.org/portal"),
        ("REDIS_URL", "redis.example.org:6379"),
        ("EMAIL_URL", "mail.example.org:25"),
    ],
)
def test_production_names_a_malformed_url_in_one_line(name, value):
    result = run(PRODUCTION, {**PRODUCTION_ENV, name: value}, "manage.py", "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in last_line(result)
    assert name in last_line(result)


@pytest.mark.parametrize(
    "secret",
    ["short-secret", "a" * 60, "abab" * 20],
    ids=["short", "one-character", "two-characters"],
)
def test_production_refuses_a_weak_secret_key(secret):
    env = {**PRODUCTION_ENV, "DJANGO_SECRET_KEY": secret}
    result = run(PRODUCTION, env, "manage.py", "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in last_line(result)


def test_production_trusts_x_forwarded_proto_from_the_tls_proxy():
    header = show(PRODUCTION, PRODUCTION_ENV, "s.SECURE_PROXY_SSL_HEADER")
    assert header == ("HTTP_X_FORWARDED_PROTO", "https")


def test_production_keeps_debug_off_and_redirects_to_https_except_healthz():
    # SecurityMiddleware matches the exemptions against the path without its "/".
    healthz_exempt = "any(re.search(p, 'healthz') for p in s.SECURE_REDIRECT_EXEMPT)"
    expression = f"s.DEBUG, s.SECURE_SSL_REDIRECT, {healthz_exempt}"
    assert show(PRODUCTION, PRODUCTION_ENV, expression, "re") == (False, True, True)


def test_dev_defaults_to_sqlite_and_mail_files_in_var():
    expression = (
        "s.DEBUG, s.DATABASES['default']['ENGINE'], str(s.DATABASES['default']['NAME']),"
        " s.EMAIL_BACKEND, str(s.EMAIL_FILE_PATH)"
    )
    assert show(DEV, {}, expression) == (
        True,
        "django.db.backends.sqlite3",
        str(ROOT / "var" / "db.sqlite3"),
        "django.core.mail.backends.filebased.EmailBackend",
        str(ROOT / "var" / "mail"),
    )


def test_database_url_switches_to_postgresql():
    env = {"DATABASE_URL": "postgres://portal:pw@db.example.org:5433/portal"}
    expression = (
        "{k: s.DATABASES['default'][k] for k in ('ENGINE', 'HOST', 'PORT', 'NAME')}"
    )
    assert show(DEV, env, expression) == {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": "db.example.org",
        "PORT": 5433,
        "NAME": "portal",
    }


@pytest.mark.parametrize(
    ("value", "threshold"), [(None, 1), ("3", 3), ("none", None), ("None", None)]
)
def test_compiled_statements_are_prepared_unless_told_never(value, threshold):
    env = {"DATABASE_URL": "postgres://portal:pw@db.example.org:5433/portal"}
    if value is not None:
        env["DATABASE_PREPARE_THRESHOLD"] = value
    expression = "s.DATABASES['default']['OPTIONS']['prepare_threshold']"
    assert show(PRODUCTION, {**PRODUCTION_ENV, **env}, expression) == threshold


def test_without_redis_celery_runs_eagerly_and_the_cache_is_local_memory():
    expression = "s.CACHES['default']['BACKEND'], celery_app.conf.task_always_eager"
    assert show(DEV, {}, expression, "portal:celery_app") == (
        "django.core.cache.backends.locmem.LocMemCache",
        True,
    )


def test_with_redis_the_cache_and_the_celery_broker_use_it():
    url = "redis://127.0.0.1:6379/3"
    expression = (
        "s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'],"
        " celery_app.conf.task_always_eager, celery_app.conf.broker_url"
    )
    assert show(DEV, {"REDIS_URL": url}, expression, "portal:celery_app") == (
        "portal.redis_cache.RedisCache",
        url,
        False,
        url,
    )


def test_the_wsgi_worker_freezes_what_it_loaded_and_collects_less_often():
    """portal.wsgi leaves Django's loaded objects out of collections and raises the
    young generation's threshold (cyclic garbage of a list page: see portal.wsgi)."""
    frozen, threshold = show(
        PRODUCTION,
        PRODUCTION_ENV,
        "(gc.get_freeze_count(), gc.get_threshold())",
        "gc",
        "portal.wsgi",
    )
    assert frozen > 10_000
    assert threshold == (10_000, 10, 10)
