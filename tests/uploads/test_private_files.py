"""Resource documents and proposal attachments: under PRIVATE_MEDIA_ROOT, no public URL."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.proposals.models import Proposal, ProposalAttachment, ProposalKind
from tests import factories
from tests.uploads import samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(settings, mission_member):
    resource = factories.ResourceFactory(
        document_ru=SimpleUploadedFile("doc.pdf", samples.pdf_bytes())
    )
    proposal = Proposal.objects.create(
        kind=ProposalKind.RESOURCE,
        title="Handbook",
        description="Our handbook.",
        submitted_by=mission_member,
    )
    attachment = ProposalAttachment.objects.create(
        proposal=proposal,
        file=SimpleUploadedFile("plan.pdf", samples.pdf_bytes()),
        original_name="plan.pdf",
    )
    return [resource.document_ru, attachment.file]


def test_documents_and_attachments_live_outside_the_public_media(settings, stored):
    for field in stored:
        assert (settings.PRIVATE_MEDIA_ROOT / field.name).is_file()
        assert not (settings.MEDIA_ROOT / field.name).exists()
        with pytest.raises(ValueError):
            field.url  # noqa: B018  (asking is the test)


@pytest.mark.parametrize("who", ["anonymous", "plain", "member", "editor"])
def test_no_public_url_serves_them(as_user, stored, who):
    client = as_user(who)
    for field in stored:
        for url in (
            f"/media/{field.name}",
            f"/media/../private/{field.name}",
            f"/private/{field.name}",
            f"/static/../var/private/{field.name}",
        ):
            assert client.get(url).status_code == 404, url
