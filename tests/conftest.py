"""Fixtures shared by the whole suite.

Tests that need PostgreSQL, Redis or Chromium skip with a reason where those are
absent; with REQUIRE_SERVICES=1 (CI) such a skip becomes a failure.
"""

import os
import shutil

import pytest
from django.db import connection
from hypothesis import settings as hypothesis_settings

from tests import factories

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"

# CI (REQUIRE_SERVICES=1) decides whether a change lands: there the fuzz tests
# replay the same examples every run. On a developer's machine they explore (and
# replay what failed, from .hypothesis/), which is where new cases are found.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if REQUIRE_SERVICES:
    hypothesis_settings.load_profile("ci")


def need(available: bool, reason: str) -> None:
    """Skip (or, in CI, fail) a test whose service is missing."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads of a test land in its own folder, never in var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _fresh_content_types(request):
    """A transactional test starts after another one flushed the database, which
    took the content types with it: ids this process cached would point at
    nothing (a foreign key error at the first Event)."""
    if _flushes_the_database(request.node):
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache, caches

    cache.clear()
    caches["frame"].clear()
    yield
    cache.clear()


@pytest.fixture
def postgres(db):
    need(
        connection.vendor == "postgresql",
        "this test needs PostgreSQL (set DATABASE_URL)",
    )


@pytest.fixture
def chromium_path():
    path = shutil.which("chromium") or "/usr/bin/chromium"
    need(os.path.exists(path), "this test needs Chromium (apt-get install chromium)")
    return path


@pytest.fixture
def anonymous(client):
    return client


@pytest.fixture
def mission_member(db):
    return factories.MissionMemberFactory()


@pytest.fixture
def editor(db):
    return factories.EditorFactory()


@pytest.fixture
def publisher(db):
    return factories.PublisherFactory()


@pytest.fixture
def plain_user(db):
    """Signed in, but neither staff nor a member of a mission."""
    return factories.UserFactory()


@pytest.fixture
def as_user(client, plain_user, mission_member, editor):
    """Log the client in as one of the four kinds of reader, by name."""

    def sign_in(who: str):
        client.logout()
        user = {
            "anonymous": None,
            "plain": plain_user,
            "member": mission_member,
            "editor": editor,
        }[who]
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def superuser(db):
    return factories.UserFactory(is_staff=True, is_superuser=True)


def _flushes_the_database(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests last, after pytest's own fixture-based reordering.

    They flush the database, taking the staff groups the migrations made with it;
    pytest-django sorts them last, but pytest then regroups tests by session-scoped
    parameters (pytest-playwright's ``browser_name``), which undoes that order.
    """
    items.sort(key=_flushes_the_database)
