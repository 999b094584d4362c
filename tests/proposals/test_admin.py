"""Moderation in the admin: buttons and bulk actions, all through the services."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from portal.proposals.models import ProposalKind, ProposalStatus
from resources.models import Resource
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:proposals_proposal_changelist"


@pytest.fixture(autouse=True)
def english_admin(client):
    """Messages are checked in English; the admin follows Accept-Language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def change_url(proposal):
    return reverse("admin:proposals_proposal_change", args=[proposal.pk])


def accept_url(proposal):
    return reverse("admin:proposals_proposal_accept", args=[proposal.pk])


def decline_url(proposal):
    return reverse("admin:proposals_proposal_decline", args=[proposal.pk])


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_the_change_page_offers_accept_and_decline_to_publishers(client, publisher):
    proposal = factories.ProposalFactory()
    client.force_login(publisher)
    page = client.get(change_url(proposal)).text
    assert accept_url(proposal) in page and decline_url(proposal) in page


def test_staff_who_may_only_view_proposals_cannot_decide(client, editor):
    """An editor given the view permission sees a proposal, without deciding."""
    editor.user_permissions.add(
        Permission.objects.get(
            codename="view_proposal", content_type__app_label="proposals"
        )
    )
    proposal = factories.ProposalFactory()
    client.force_login(editor)
    page = client.get(change_url(proposal))
    assert page.status_code == 200
    assert accept_url(proposal) not in page.text
    assert client.post(accept_url(proposal)).status_code == 403
    assert client.get(decline_url(proposal)).status_code == 403
    assert client.post(decline_url(proposal), {"reason": "No."}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert not Resource.objects.exists()


def test_editors_without_permissions_get_403(client, editor):
    proposal = factories.ProposalFactory()
    client.force_login(editor)
    assert client.get(change_url(proposal)).status_code == 403
    assert client.post(accept_url(proposal)).status_code == 403


def test_accept_button_creates_the_draft(client, publisher):
    proposal = factories.ProposalFactory(kind=ProposalKind.GOOD_PRACTICE)
    client.force_login(publisher)
    assert client.get(accept_url(proposal)).status_code == 405  # POST only
    response = client.post(accept_url(proposal), follow=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    resource = Resource.objects.get()
    assert proposal.result == resource
    assert "Accepted; the draft to complete and publish:" in messages_of(response)
    # Once decided, the buttons are gone and a second accept is refused.
    assert accept_url(proposal) not in response.text
    response = client.post(accept_url(proposal), follow=True)
    assert "has already been accepted" in messages_of(response)
    assert Resource.objects.count() == 1


def test_decline_page_asks_for_a_reason(client, publisher):
    proposal = factories.ProposalFactory()
    client.force_login(publisher)
    assert client.get(decline_url(proposal)).status_code == 200
    response = client.post(decline_url(proposal), {"reason": ""})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED

    client.post(decline_url(proposal), {"reason": "Out of scope."})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_reason == "Out of scope."


def test_the_admin_decision_views_enforce_csrf(publisher):
    proposal = factories.ProposalFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(publisher)
    assert client.post(accept_url(proposal)).status_code == 403
    assert client.post(decline_url(proposal), {"reason": "x"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_bulk_accept_checks_each_proposal(client, publisher):
    fresh = factories.ProposalFactory(kind=ProposalKind.RESOURCE)
    declined = factories.ProposalFactory(
        status=ProposalStatus.DECLINED,
        decision_reason="No.",
        decided_at="2026-01-01T00:00:00Z",
        title="Old one",
    )
    client.force_login(publisher)
    response = client.post(
        reverse(CHANGELIST),
        {"action": "accept_selected", ACTION_CHECKBOX_NAME: [fresh.pk, declined.pk]},
        follow=True,
    )
    text = messages_of(response)
    assert "1 proposal accepted" in text
    assert "“Old one” has already been declined" in text
    fresh.refresh_from_db()
    declined.refresh_from_db()
    assert fresh.status == ProposalStatus.ACCEPTED
    assert declined.status == ProposalStatus.DECLINED
    assert Resource.objects.count() == 1


def test_bulk_decline_asks_for_one_reason_then_applies_it(client, publisher):
    proposals = factories.ProposalFactory.create_batch(2)
    ids = [p.pk for p in proposals]
    client.force_login(publisher)
    page = client.post(
        reverse(CHANGELIST), {"action": "decline_selected", ACTION_CHECKBOX_NAME: ids}
    )
    assert page.status_code == 200
    assert 'name="reason"' in page.text
    response = client.post(
        reverse(CHANGELIST),
        {
            "action": "decline_selected",
            ACTION_CHECKBOX_NAME: ids,
            "apply": "1",
            "reason": "Please send it again with the final report.",
        },
        follow=True,
    )
    assert "2 proposals declined" in messages_of(response)
    for proposal in proposals:
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.DECLINED
        assert proposal.decision_reason == "Please send it again with the final report."


def test_editors_are_not_offered_the_actions(client, editor, publisher):
    client.force_login(publisher)
    actions = client.get(reverse(CHANGELIST)).context["action_form"].fields["action"]
    assert "accept_selected" in dict(actions.choices)
    client.force_login(editor)
    response = client.get(reverse(CHANGELIST))
    if response.status_code == 200:
        choices = dict(response.context["action_form"].fields["action"].choices)
        assert "accept_selected" not in choices


def test_the_decision_reason_is_not_editable_in_the_change_form(client, publisher):
    proposal = factories.ProposalFactory()
    client.force_login(publisher)
    form = client.get(change_url(proposal)).context["adminform"].form
    assert "decision_reason" not in form.fields
