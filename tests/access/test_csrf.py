"""CSRF on every form of the site and the admin, with the test client's checks on.

Every URL the resolver serves refuses a POST without the token (the middleware
runs before any view), except the one documented exemption: the RFC 8058
one-click unsubscribe POST, which a mail client sends with no token and which
the signed link authorises. The same POSTs with the token get past the check.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.http import HttpResponseForbidden
from django.test import override_settings

from tests.access import cases, runner

pytestmark = pytest.mark.django_db

CSRF_EXEMPT = {"notifications:unsubscribe"}
MARKER = "X-Access-Test-Csrf"
SECRET = "a" * 32  # an unmasked CSRF secret, accepted since Django 4.1


def csrf_refused(request, reason=""):
    """Stands in for the failure view: tells a CSRF refusal from any other 403."""
    response = HttpResponseForbidden(reason)
    response[MARKER] = "refused"
    return response


def _urls(world) -> dict[str, tuple[str, dict]]:
    """Each distinct URL once, with the data of its form where it has one."""
    found: dict[str, tuple[str, dict]] = {}
    for case in [*cases.site_cases(world), *cases.admin_cases(world)]:
        url = case.url.split("?", 1)[0]
        if url not in found or case.method == "POST":
            found[url] = (case.id, case.data)
    return found


def _post(client, url: str, data: dict):
    with transaction.atomic():
        try:
            response = client.post(url, data)
        finally:
            transaction.set_rollback(True)
    runner.drain(response)
    return response


@override_settings(CSRF_FAILURE_VIEW="tests.access.test_csrf.csrf_refused")
@pytest.mark.parametrize("role", ["anonymous", "publisher"])
def test_every_url_refuses_a_post_without_the_token(world, role):
    client = runner.client_for(world.sessions[role], enforce_csrf_checks=True)
    wrong = []
    for url, (case_id, data) in _urls(world).items():
        refused = _post(client, url, data).has_header(MARKER)
        if refused == (cases.base_name(case_id) in CSRF_EXEMPT):
            wrong.append(f"{case_id} {url}: {'refused' if refused else 'accepted'}")
    assert not wrong, "CSRF check wrong for:\n" + "\n".join(wrong)


def _forms(world):
    """Every site form, and one admin form of each kind (the admin's per-model
    views share their code: one model stands for the others)."""
    seen = set()
    for case in [*cases.site_cases(world), *cases.admin_cases(world)]:
        if case.method != "POST":
            continue
        _label, kind, view = cases.admin_views().get(
            cases.base_name(case.id), (None, case.id, "")
        )
        key = (kind, view, cases.variant(case.id))
        if key not in seen:
            seen.add(key)
            yield case


@override_settings(CSRF_FAILURE_VIEW="tests.access.test_csrf.csrf_refused")
@pytest.mark.parametrize("role", ["anonymous", "publisher"])
def test_the_forms_accept_a_post_with_the_token(world, role):
    """The control: the same client and data, with the token, pass the check."""
    wrong = []
    for case in _forms(world):
        client = runner.client_for(world.sessions[role], enforce_csrf_checks=True)
        client.cookies["csrftoken"] = SECRET
        response = _post(client, case.url, {**case.data, "csrfmiddlewaretoken": SECRET})
        if response.has_header(MARKER):
            wrong.append(case.label)
    assert not wrong, "refused although the token was sent:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", ["anonymous", "publisher"])
def test_a_post_to_a_url_without_a_form_writes_nothing(world, role):
    """A URL the table tries only with GET takes no write by POST either, even
    with a valid token (a form added later needs a POST rule in table.py)."""
    posted = {
        case.id
        for case in [*cases.site_cases(world), *cases.admin_cases(world)]
        if case.method == "POST"
    }
    wrong = []
    for url, (case_id, _data) in _urls(world).items():
        if case_id in posted:
            continue
        client = runner.client_for(world.sessions[role], enforce_csrf_checks=True)
        client.cookies["csrftoken"] = SECRET
        with transaction.atomic():
            before = runner.snapshot()
            response = client.post(url, {"csrfmiddlewaretoken": SECRET})
            runner.drain(response)
            changed = runner.difference(before, runner.snapshot())
            transaction.set_rollback(True)
        if changed:
            wrong.append(f"{case_id} {url}: {response.status_code}, {changed}")
    assert not wrong, "a POST wrote through a URL with no form:\n" + "\n".join(wrong)
