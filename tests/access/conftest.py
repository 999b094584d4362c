"""One world per test module, the signed-in sessions of each role, and the matrix
report written at the end of the session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings

from tests.access import report
from tests.access.world import ROLES, build_world


@pytest.fixture(scope="module")
def access_media(tmp_path_factory):
    """The world's files live as long as the world: one folder per module."""
    root = tmp_path_factory.mktemp("access-media")
    with override_settings(
        MEDIA_ROOT=root / "media", PRIVATE_MEDIA_ROOT=root / "private"
    ):
        yield root


@pytest.fixture(autouse=True)
def _media_in_tmp(access_media):
    """Replaces the suite's per-test media folder, which would hide the world's files."""


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, access_media):
    """Built once per module inside a transaction that is rolled back after it.

    Each test's own transaction nests in it as a savepoint (pytest-django keeps
    connections open for exactly this), so no test sees another's writes.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        built.sessions = {}
        for role in ROLES:
            user = built.users[role]
            if user is None:
                built.sessions[role] = None
                continue
            client = Client()
            client.force_login(user)
            built.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield built
        transaction.set_rollback(True)


def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput"):  # an xdist worker: the controller writes
        config.workeroutput["access_matrix"] = json.dumps(report.ROWS)
        return
    if report.ROWS:
        config._access_matrix_path = report.write(report.ROWS, Path(config.rootpath))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    rows = getattr(node, "workeroutput", {}).get("access_matrix")
    if rows:
        report.ROWS.extend(tuple(row) for row in json.loads(rows))


def pytest_terminal_summary(terminalreporter, config):
    path = getattr(config, "_access_matrix_path", None)
    if path is not None:
        terminalreporter.write_line(f"{report.summary(report.ROWS)} -> {path}")
