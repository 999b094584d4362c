"""The member's pages: /<lang>/proposals/ and /<lang>/proposals/new/."""

import pytest
from django.core import mail
from django.test import Client

from portal.proposals.models import Proposal, ProposalStatus
from tests import factories
from tests.uploads import samples

pytestmark = pytest.mark.django_db

LIST = "/{lang}/proposals/"
NEW = "/{lang}/proposals/new/"


@pytest.fixture
def themes():
    return factories.ThemeFactory.create_batch(2)


def form_data(mission_member, themes, **overrides) -> dict:
    data = {
        "kind": "offer",
        "title": "Training for border guards",
        "description": "We can host a two-week course for border guards.",
        "language": "en",
        "themes": [theme.pk for theme in themes],
        "country": mission_member.country_id,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("path", [LIST, NEW])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_anonymous_visitors_are_sent_to_sign_in(client, path, lang):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 302
    assert f"/{lang}/accounts/login/?next=" in response["Location"]


@pytest.mark.parametrize("path", [LIST, NEW])
@pytest.mark.parametrize("who", ["plain_user", "editor_without_staff"])
def test_signed_in_non_members_are_refused(client, plain_user, path, who):
    user = (
        plain_user
        if who == "plain_user"
        else factories.UserFactory(country=factories.CountryFactory())
    )
    client.force_login(user)
    assert client.get(path.format(lang="en")).status_code == 403
    assert client.post(NEW.format(lang="en"), {}).status_code == 403
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("who", ["mission_member", "editor", "publisher"])
def test_members_and_staff_reach_both_pages(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for path in (LIST, NEW):
        assert client.get(path.format(lang="en")).status_code == 200


def test_the_form_offers_the_member_s_country_and_the_page_language(
    client, mission_member
):
    client.force_login(mission_member)
    form = client.get(NEW.format(lang="ru")).context["form"]
    assert form["country"].value() == mission_member.country_id
    assert form["language"].value() == "ru"


def test_a_member_submits_with_attachments_and_the_publishers_are_told(
    client, mission_member, publisher, themes, django_capture_on_commit_callbacks
):
    client.force_login(mission_member)
    data = form_data(
        mission_member,
        themes,
        attachments=[
            samples.upload("programme.pdf", samples.pdf_bytes()),
            samples.upload("photo.png", samples.image_bytes() + samples.SCRIPT),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW.format(lang="en"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == "/en/proposals/"

    proposal = Proposal.objects.get()
    assert proposal.submitted_by == mission_member
    assert proposal.status == ProposalStatus.SUBMITTED
    assert set(proposal.themes.all()) == set(themes)
    names = sorted(a.original_name for a in proposal.attachments.all())
    assert names == ["photo.png", "programme.pdf"]
    for attachment in proposal.attachments.all():
        assert attachment.file.name.startswith("proposals/")
        assert b"<script" not in attachment.file.read()
    assert [m.to for m in mail.outbox] == [[publisher.email]]

    page = client.get(response["Location"])
    assert "Training for border guards" in page.text
    assert "Thank you: your proposal was sent." in page.text


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", samples.HTML, "This file is an HTML page, not a PDF."),
        ("logo.svg", samples.SVG, "SVG drawing"),
        (
            "../../etc/passwd.pdf",
            samples.HTML,
            "“passwd.pdf”: This file is an HTML page",
        ),
        ("evil\u202efdp.exe", b"MZ" + b"\x00" * 300, "not accepted (EXE)"),
    ],
)
def test_bad_attachments_are_refused_with_the_reason(
    client, mission_member, themes, name, content, expected
):
    client.force_login(mission_member)
    data = form_data(
        mission_member, themes, attachments=[samples.upload(name, content)]
    )
    response = client.post(NEW.format(lang="en"), data)
    assert response.status_code == 200
    assert expected in response.text.replace("&#x27;", "'").replace("&quot;", '"')
    assert "Allowed: PDF, DOCX, XLSX, PPTX, JPEG, PNG, WebP." in response.text
    assert not Proposal.objects.exists()


def test_a_hostile_name_comes_back_without_its_direction_override(
    client, mission_member, themes
):
    client.force_login(mission_member)
    data = form_data(
        mission_member,
        themes,
        attachments=[samples.upload("evil\u202efdp.exe", b"MZ" + b"\x00" * 300)],
    )
    response = client.post(NEW.format(lang="en"), data)
    assert "\u202e" not in response.text


def test_an_oversized_attachment_is_refused_with_the_limit(
    client, mission_member, themes, settings
):
    settings.UPLOAD_MAX_DOCUMENT_MB = 1
    settings.UPLOAD_MAX_IMAGE_MB = 1
    big = samples.pdf_bytes() + b"\n%" + b"x" * (1024 * 1024 + 10)
    client.force_login(mission_member)
    response = client.post(
        NEW.format(lang="en"),
        form_data(mission_member, themes, attachments=[samples.upload("big.pdf", big)]),
    )
    assert response.status_code == 200
    assert "the limit is 1.0\xa0MB" in response.text
    assert not Proposal.objects.exists()


def test_too_many_attachments_are_refused(client, mission_member, themes, settings):
    settings.PROPOSAL_MAX_ATTACHMENTS = 1
    client.force_login(mission_member)
    files = [samples.upload(f"r{n}.pdf", samples.pdf_bytes()) for n in range(2)]
    response = client.post(
        NEW.format(lang="en"), form_data(mission_member, themes, attachments=files)
    )
    assert response.status_code == 200
    assert "Attach at most 1 file." in response.text


def test_an_offer_needs_themes(client, mission_member):
    client.force_login(mission_member)
    response = client.post(NEW.format(lang="en"), form_data(mission_member, []))
    assert response.status_code == 200
    assert "Choose the themes of the expertise." in response.text
    assert not Proposal.objects.exists()


def test_the_form_refuses_a_post_without_csrf_token(mission_member, themes):
    client = Client(enforce_csrf_checks=True)
    client.force_login(mission_member)
    response = client.post(NEW.format(lang="en"), form_data(mission_member, themes))
    assert response.status_code == 403
    assert not Proposal.objects.exists()

    page = client.get(NEW.format(lang="en"))
    token = page.context["csrf_token"]
    response = client.post(
        NEW.format(lang="en"),
        {**form_data(mission_member, themes), "csrfmiddlewaretoken": str(token)},
    )
    assert response.status_code == 302


def test_the_list_shows_only_the_member_s_own_proposals_and_their_reasons(
    client, mission_member
):
    mine = factories.ProposalFactory(
        submitted_by=mission_member,
        title="Our good practice",
        status=ProposalStatus.DECLINED,
        decision_reason="Already covered by the 2025 handbook.",
        decided_at="2026-01-05T10:00:00Z",
    )
    other = factories.ProposalFactory(
        title="Someone else's",
        status=ProposalStatus.DECLINED,
        decision_reason="A reason only its author may read.",
        decided_at="2026-01-05T10:00:00Z",
    )
    client.force_login(mission_member)
    page = client.get(LIST.format(lang="en")).text
    assert mine.title in page and "Already covered by the 2025 handbook." in page
    assert other.title not in page and other.decision_reason not in page

    client.force_login(other.submitted_by)
    page = client.get(LIST.format(lang="en")).text
    assert "Already covered by the 2025 handbook." not in page
    assert "A reason only its author may read." in page


def test_the_list_runs_a_fixed_number_of_queries(
    client, mission_member, django_assert_max_num_queries
):
    factories.ProposalFactory.create_batch(15, submitted_by=mission_member)
    client.force_login(mission_member)
    with django_assert_max_num_queries(6):
        response = client.get(LIST.format(lang="en"))
    assert len(response.context["proposals"]) == 15


def test_the_form_runs_a_fixed_number_of_queries(
    client, mission_member, django_assert_max_num_queries
):
    factories.ThemeFactory.create_batch(10)
    factories.CountryFactory.create_batch(10)
    client.force_login(mission_member)
    with django_assert_max_num_queries(7):
        client.get(NEW.format(lang="en"))


def test_the_header_links_members_to_their_proposals(
    client, mission_member, plain_user
):
    client.force_login(mission_member)
    assert 'href="/en/proposals/"' in client.get("/en/").text
    client.force_login(plain_user)
    assert 'href="/en/proposals/"' not in client.get("/en/").text
