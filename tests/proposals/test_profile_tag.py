"""{% member_proposals user %}: what the profile page shows of the member's proposals."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from portal.proposals.models import ProposalStatus
from tests import factories

pytestmark = pytest.mark.django_db

TEMPLATE = Template("{% load proposal_tags %}{% member_proposals user %}")


def render(user) -> str:
    with translation.override("en"):
        request = RequestFactory().get("/en/accounts/profile/")
        request.user = user
        return TEMPLATE.render(Context({"user": user, "request": request}))


def test_it_shows_status_date_and_the_decline_reason(mission_member):
    factories.ProposalFactory(
        submitted_by=mission_member,
        title="Border course",
        status=ProposalStatus.DECLINED,
        decision_reason="We ran the same course in March.",
        decided_at="2026-03-01T00:00:00Z",
    )
    factories.ProposalFactory(submitted_by=mission_member, title="Victims toolkit")
    factories.ProposalFactory(title="Somebody else's")
    html = render(mission_member)
    assert "Border course" in html and "Declined" in html
    assert "We ran the same course in March." in html
    assert "Victims toolkit" in html and "Submitted" in html
    assert "Somebody else" not in html
    assert 'href="/en/proposals/"' in html


def test_it_runs_in_at_most_two_queries(mission_member, django_assert_max_num_queries):
    factories.ProposalFactory.create_batch(8, submitted_by=mission_member)
    mission_member = type(mission_member).objects.get(pk=mission_member.pk)
    with django_assert_max_num_queries(2):
        html = render(mission_member)
    assert html.count('class="proposal ') == 5


def test_a_user_who_may_not_propose_gets_no_links(plain_user):
    html = render(plain_user)
    assert "/en/proposals/new/" not in html
