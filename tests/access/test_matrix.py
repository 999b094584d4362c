"""Every URL of the site and the admin, as anonymous, mission member, editor and
publisher: what each may do it can; what it may not is refused (sign-in, 403,
404) and a refused POST changes nothing.

One test per role and area walks every case and reports all mismatches at once.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from portal.taxonomy.models import Theme
from tests.access import cases, report, runner, table
from tests.access.world import ROLES

pytestmark = pytest.mark.django_db


def _run_all(all_cases, rules, role, world):
    logins = runner.login_paths()
    results = [
        runner.run(
            case,
            role,
            world.sessions[role],
            rules[case.id][case.method][role],
            logins,
            world.hidden[role],
        )
        for case in all_cases
    ]
    report.record(results)
    failures = [result.describe() for result in results if not result.passed]
    assert not failures, f"{len(failures)} of {len(results)} requests:\n" + "\n".join(
        failures
    )


def test_every_url_name_has_a_rule():
    """A new URL fails here until the table says who may open it."""
    listed = {cases.base_name(case_id) for case_id in table.SITE}
    listed |= {cases.base_name(case_id) for case_id in cases.admin_rules()}
    missing = sorted(set(cases.routes()) - listed)
    assert not missing, "URL names with no rule in tests/access/table.py: " + ", ".join(
        missing
    )


def test_the_table_names_no_url_that_is_gone():
    known = set(cases.routes())
    stale = sorted(
        case_id
        for case_id in [*table.SITE, *cases.admin_rules(), *table.ADMIN_OVERRIDES]
        if cases.base_name(case_id) not in known
    )
    assert not stale, "rules for URL names the resolver no longer has: " + ", ".join(
        stale
    )


def test_every_registered_model_admin_has_rights_and_an_object():
    labels = {model._meta.label_lower for model in admin.site._registry}
    assert labels == set(table.ADMIN_RIGHTS)
    assert labels <= set(cases.ADMIN_OBJECTS)


def test_the_snapshot_sees_a_write(world):
    """The check behind "a refused POST changes nothing" is not blind."""
    theme = world.theme
    with transaction.atomic():
        before = runner.snapshot(theme)
        Theme.objects.filter(pk=theme.pk).update(order=theme.order + 1)
        assert runner.difference(before, runner.snapshot(theme))
        transaction.set_rollback(True)


def test_the_hidden_text_is_shown_where_it_is_allowed(world):
    """The leak check is not blind: staff see the hidden titles, members the
    focal points and the missions body, on the same pages visitors are refused."""
    with translation.override("en"):
        shown = [
            (
                "editor",
                reverse("resources:detail", args=[world.resource_draft.slug]),
                "Hidden resource_draft item",
            ),
            (
                "member",
                reverse("partners:detail", args=[world.partner.slug]),
                "focal.point.hidden@example.org",
            ),
            (
                "member",
                reverse("resources:detail", args=[world.resource_missions.slug]),
                "Mission-only body text",
            ),
        ]
    for role, url, text in shown:
        client = runner.client_for(world.sessions[role])
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert text in runner.text_of(response), (role, url)
        assert text in world.hidden["anonymous"]


@pytest.mark.parametrize("role", ROLES)
def test_site(role, world):
    _run_all(cases.site_cases(world), table.SITE, role, world)


@pytest.mark.parametrize("role", ROLES)
def test_admin(role, world):
    _run_all(cases.admin_cases(world), cases.admin_rules(), role, world)
