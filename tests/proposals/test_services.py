"""proposal_submit / proposal_accept / proposal_decline, called directly."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from partners.models import Partner, PartnerKind
from portal.proposals import services
from portal.proposals.models import ProposalAttachment, ProposalKind, ProposalStatus
from portal.publishing import Status
from resources.models import Access, Resource, ResourceKind
from tests import factories
from tests.uploads import samples

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English, whatever language a test before left on."""
    with translation.override("en"):
        yield


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def attach(proposal, name, content):
    return ProposalAttachment.objects.create(
        proposal=proposal, file=SimpleUploadedFile(name, content), original_name=name
    )


def test_submit_refuses_who_may_not_propose(plain_user):
    with pytest.raises(PermissionDenied):
        services.proposal_submit(
            by=plain_user, kind="resource", title="T", description="D", language="en"
        )


def test_submit_checks_files_that_did_not_come_through_a_form(mission_member):
    with pytest.raises(ValidationError) as caught:
        services.proposal_submit(
            by=mission_member,
            kind="resource",
            title="T",
            description="D",
            language="en",
            files=[samples.upload("a.pdf", samples.HTML)],
        )
    assert "HTML page" in " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("kind", "resource_kind"),
    [
        (ProposalKind.GOOD_PRACTICE, ResourceKind.GOOD_PRACTICE),
        (ProposalKind.RESOURCE, ResourceKind.PUBLICATION),
    ],
)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_accept_creates_a_linked_resource_draft_in_the_proposal_s_language(
    publisher, on_commit, kind, resource_kind, language, settings
):
    theme, region = factories.ThemeFactory(), factories.RegionFactory()
    proposal = factories.ProposalFactory(
        kind=kind, language=language, title="Community policing handbook"
    )
    proposal.themes.add(theme)
    proposal.regions.add(region)
    attach(proposal, "photo.png", samples.image_bytes())
    attach(proposal, "handbook.pdf", samples.pdf_bytes())

    with on_commit():
        resource = services.proposal_accept(proposal=proposal, by=publisher)

    assert isinstance(resource, Resource)
    assert resource.status == Status.DRAFT
    assert resource.kind == resource_kind
    assert resource.access == Access.MISSIONS
    other = "en" if language == "ru" else "ru"
    assert getattr(resource, f"title_{language}") == "Community policing handbook"
    assert not getattr(resource, f"title_{other}")
    assert getattr(resource, f"summary_{language}") == proposal.description
    document = getattr(resource, f"document_{language}")
    assert document.name.startswith("resources/") and document.name.endswith(".pdf")
    assert (
        settings.PRIVATE_MEDIA_ROOT / document.name
    ).read_bytes() == samples.pdf_bytes()
    assert not getattr(resource, f"document_{other}")
    assert list(resource.themes.all()) == [theme]
    assert list(resource.regions.all()) == [region]
    assert list(resource.countries.all()) == [proposal.country]
    assert resource.created_by == publisher

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.result == resource
    assert proposal.decided_by == publisher and proposal.decided_at
    [message] = mail.outbox
    assert message.to == [proposal.submitted_by.email]


def test_accepting_an_offer_adds_its_themes_to_the_country_s_partner(publisher):
    theme = factories.ThemeFactory()
    proposal = factories.ProposalFactory(kind=ProposalKind.OFFER)
    proposal.themes.add(theme)
    partner = factories.PartnerFactory(country=proposal.country)

    result = services.proposal_accept(proposal=proposal, by=publisher)

    assert result == partner
    assert list(partner.offers.all()) == [theme]
    assert not partner.seeks.exists()
    proposal.refresh_from_db()
    assert proposal.result == partner


def test_accepting_a_request_without_a_partner_creates_a_draft_partner(publisher):
    theme = factories.ThemeFactory()
    proposal = factories.ProposalFactory(kind=ProposalKind.REQUEST, language="ru")
    proposal.themes.add(theme)

    partner = services.proposal_accept(proposal=proposal, by=publisher)

    assert isinstance(partner, Partner)
    assert partner.status == Status.DRAFT
    assert partner.kind == PartnerKind.MEMBER_STATE
    assert partner.country == proposal.country
    assert partner.name_en == proposal.country.name_en
    assert partner.summary_ru == proposal.description
    assert list(partner.seeks.all()) == [theme]


def test_decline_needs_a_reason(publisher):
    proposal = factories.ProposalFactory()
    with pytest.raises(ValidationError):
        services.proposal_decline(proposal=proposal, by=publisher, reason="  ")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_decline_records_the_reason_and_mails_it_in_the_member_s_language(
    publisher, on_commit
):
    member = factories.MissionMemberFactory(preferred_language="en")
    proposal = factories.ProposalFactory(submitted_by=member)
    with on_commit():
        services.proposal_decline(
            proposal=proposal, by=publisher, reason="Covered by an existing handbook."
        )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.decision_reason == "Covered by an existing handbook."
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == f"Your proposal was declined: {proposal.title}"
    assert "Covered by an existing handbook." in message.body
    assert "/en/proposals/" in message.body


def test_the_mail_waits_for_the_commit(publisher, django_capture_on_commit_callbacks):
    proposal = factories.ProposalFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.proposal_decline(proposal=proposal, by=publisher, reason="No.")
    assert not mail.outbox
    assert len(callbacks) == 1


@pytest.mark.parametrize("first", ["accept", "decline"])
@pytest.mark.parametrize("second", ["accept", "decline"])
def test_a_decided_proposal_cannot_be_decided_again(publisher, first, second):
    proposal = factories.ProposalFactory(kind=ProposalKind.RESOURCE)

    def decide(action):
        if action == "accept":
            return services.proposal_accept(proposal=proposal, by=publisher)
        return services.proposal_decline(proposal=proposal, by=publisher, reason="No.")

    decide(first)
    with pytest.raises(ValidationError) as caught:
        decide(second)
    word = "accepted" if first == "accept" else "declined"
    assert (
        f"has already been {word}; the decision cannot be changed."
        in caught.value.messages[0]
    )
    assert Resource.objects.count() == (1 if first == "accept" else 0)


@pytest.mark.parametrize("who", ["editor", "mission_member", "plain_user"])
def test_only_moderators_decide(request, who):
    user = request.getfixturevalue(who)
    proposal = factories.ProposalFactory()
    with pytest.raises(PermissionDenied):
        services.proposal_accept(proposal=proposal, by=user)
    with pytest.raises(PermissionDenied):
        services.proposal_decline(proposal=proposal, by=user, reason="No.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert not Resource.objects.exists()


def test_the_decision_mail_follows_the_member_s_language(publisher, on_commit):
    member = factories.MissionMemberFactory(preferred_language="ru")
    proposal = factories.ProposalFactory(submitted_by=member, language="en")
    with on_commit():
        services.proposal_decline(proposal=proposal, by=publisher, reason="Нет.")
    [message] = mail.outbox
    assert "/ru/proposals/" in message.body
    assert "/en/" not in message.body
