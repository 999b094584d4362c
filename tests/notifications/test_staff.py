"""Publishers hear about submissions and proposals, each in their own language."""

import pytest
from django.core import mail

from portal.notifications.services import proposal_submitted_notify
from portal.proposals.models import Proposal, ProposalKind
from portal.publishing import Status
from portal.services import content_submit
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def publishers(db):
    return [
        factories.PublisherFactory(email="ru@example.org", preferred_language="ru"),
        factories.PublisherFactory(email="en@example.org", preferred_language="en"),
        factories.PublisherFactory(
            email="gone@example.org", preferred_language="en", is_active=False
        ),
    ]


def by_recipient():
    return {m.to[0]: m for m in mail.outbox}


def test_an_item_submitted_for_review_tells_each_publisher_in_their_language(
    publishers, editor, django_capture_on_commit_callbacks
):
    resource = factories.ResourceFactory(
        status=Status.DRAFT, published_at=None, title_ru="Пособие", title_en="Handbook"
    )
    with django_capture_on_commit_callbacks(execute=True):
        content_submit(item=resource, by=editor)
    mails = by_recipient()
    assert set(mails) == {"ru@example.org", "en@example.org"}
    assert (
        mails["en@example.org"].subject == "Submitted for review (resource): Handbook"
    )
    assert "Пособие" in mails["ru@example.org"].subject
    assert (
        f"/admin/resources/resource/{resource.pk}/change/"
        in mails["en@example.org"].body
    )
    assert "List-Unsubscribe" not in mails["en@example.org"].extra_headers


def test_a_proposal_tells_the_publishers(
    publishers, mission_member, django_capture_on_commit_callbacks
):
    proposal = Proposal.objects.create(
        kind=ProposalKind.GOOD_PRACTICE,
        title="Border training\r\nBcc: x@example.org",
        description="What we can share.",
        language="en",
        submitted_by=mission_member,
    )
    with django_capture_on_commit_callbacks(execute=True):
        proposal_submitted_notify(proposal=proposal)
    mails = by_recipient()
    assert set(mails) == {"ru@example.org", "en@example.org"}
    english = mails["en@example.org"]
    assert (
        english.subject == "New proposal to review: Border training Bcc: x@example.org"
    )
    assert "What we can share." in english.body
    assert f"/admin/proposals/proposal/{proposal.pk}/change/" in english.body
