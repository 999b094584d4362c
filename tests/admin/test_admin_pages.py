"""The Django admin: every page opens for staff, none for missions; actions,
filters, search, sanitising and query counts."""

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from partners.models import Partner
from portal.accounts.models import EDITORS_GROUP, User
from portal.notifications.models import Delivery, DeliveryStatus, Event
from portal.pages.models import Page
from portal.proposals.models import Proposal, ProposalAttachment, ProposalKind
from portal.publishing import Status
from resources.models import Resource
from tests import factories


def admin_url(model, view: str, *args) -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


@pytest.fixture
def content(db, superuser):
    """A few rows of every model the admin shows."""
    theme = factories.ThemeFactory(description_ru="Описание", description_en="")
    partners = factories.PartnerFactory.create_batch(3)
    partners[0].offers.add(theme)
    factories.ContactFactory(partner=partners[0], is_primary=True)
    project = factories.ProjectFactory()
    project.partners.add(partners[0])
    activity = factories.ActivityFactory(
        project=project, host_country=partners[0].country
    )
    activity.providers.add(partners[0])
    factories.PhotoFactory(activity=activity)
    factories.PhotoFactory(activity=None)
    resource = factories.ResourceFactory(
        document_ru=SimpleUploadedFile("doc.pdf", b"%PDF-1.4 test")
    )
    resource.themes.add(theme)
    factories.PageFactory()
    subscription = factories.SubscriptionFactory(user=superuser)
    subscription.themes.add(theme)
    event = Event.objects.create(
        content_type=ContentType.objects.get_for_model(Resource),
        object_id=resource.pk,
    )
    Delivery.objects.create(
        subscription=subscription,
        event=event,
        status=DeliveryStatus.FAILED,
        attempts=3,
        last_error="SMTP 451: try again later",
    )
    member = factories.MissionMemberFactory()
    proposal = Proposal.objects.create(
        kind=ProposalKind.OFFER,
        title="Training for border guards",
        description="We can host a course.",
        country=member.country,
        submitted_by=member,
    )
    proposal.themes.add(theme)
    ProposalAttachment.objects.create(
        proposal=proposal,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"),
        original_name="plan.pdf",
    )
    # Login throttling (django-axes) records what staff see in its admin pages.
    seen = {"ip_address": "10.0.0.1", "user_agent": "pytest", "path_info": "/admin/"}
    AccessAttempt.objects.create(
        username="x@example.org", failures_since_start=1, **seen
    )
    AccessLog.objects.create(username=superuser.email, **seen)
    AccessFailureLog.objects.create(username="x@example.org", **seen)
    factories.InvitationFactory()


def registered_models():
    return sorted(admin.site._registry, key=lambda model: model._meta.label)


def test_every_admin_page_opens_for_a_superuser(client, superuser, content):
    client.force_login(superuser)
    request = RequestFactory().get("/admin/")
    request.user = superuser
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label
        response = client.get(admin_url(model, "changelist"))
        assert response.status_code == 200, label

        response = client.get(admin_url(model, "add"))
        expected = 200 if model_admin.has_add_permission(request) else 403
        assert response.status_code == expected, label

        obj = model._default_manager.first()
        assert obj is not None, f"no {label} to open"
        response = client.get(admin_url(model, "change", obj.pk))
        assert response.status_code == 200, label


def test_no_admin_page_opens_for_a_mission_member(client, mission_member, content):
    client.force_login(mission_member)
    login = reverse("admin:login")
    for model in registered_models():
        obj = model._default_manager.first()
        for url in (
            admin_url(model, "changelist"),
            admin_url(model, "add"),
            admin_url(model, "change", obj.pk),
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert response["Location"].startswith(login), url


def test_site_header_is_the_portals(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")
    assert "South-South cooperation portal" in response.text


def test_an_editor_can_open_the_partner_add_page(client, editor):
    client.force_login(editor)
    response = client.get(admin_url(Partner, "add"))
    assert response.status_code == 200
    # Status changes only through the actions; a schedule only by publishers.
    assert 'name="status"' not in response.text
    assert 'name="publish_at_0"' not in response.text
    assert 'name="name_ru"' in response.text and 'name="name_en"' in response.text


def test_a_publisher_schedules_with_the_workflow_button_not_the_form(client, publisher):
    # The schedule is set through content_schedule (tests/workflow/), which
    # checks the languages and locks the item in review.
    client.force_login(publisher)
    response = client.get(admin_url(Partner, "add"))
    assert 'name="publish_at_0"' not in response.text
    assert 'name="status"' not in response.text


def run_action(client, model, action: str, objects):
    return client.post(
        admin_url(model, "changelist"),
        {"action": action, "_selected_action": [obj.pk for obj in objects]},
        follow=True,
    )


def messages_at(response, level: int) -> list[str]:
    """The texts of the messages of one level (language-neutral checks)."""
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level == level
    ]


def test_an_editor_cannot_publish(client, editor):
    partner = factories.PartnerFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    response = run_action(client, Partner, "publish_now", [partner])

    partner.refresh_from_db()
    assert partner.status == Status.DRAFT
    assert partner.published_at is None
    assert not Event.objects.exists()
    errors = messages_at(response, messages.ERROR)
    assert errors, "the refusal is not reported"
    assert any(str(partner) in text for text in errors), errors
    assert not messages_at(response, messages.SUCCESS)


def test_a_publisher_publishes_and_an_event_is_written(client, publisher):
    drafts = factories.PartnerFactory.create_batch(
        2, status=Status.DRAFT, published_at=None
    )
    client.force_login(publisher)
    response = run_action(client, Partner, "publish_now", drafts)

    for partner in drafts:
        partner.refresh_from_db()
        assert partner.status == Status.PUBLISHED
        assert partner.published_at is not None
        assert partner.updated_by == publisher
    partner_type = ContentType.objects.get_for_model(Partner)
    assert set(
        Event.objects.filter(content_type=partner_type).values_list(
            "object_id", flat=True
        )
    ) == {partner.pk for partner in drafts}
    assert any("2" in text for text in messages_at(response, messages.SUCCESS))
    assert not messages_at(response, messages.ERROR)


def test_each_item_is_checked_on_its_own(client, publisher):
    """One refused transition does not stop the others; the reason is shown."""
    draft = factories.PartnerFactory(status=Status.DRAFT, published_at=None)
    published = factories.PartnerFactory()  # already published: cannot be again
    client.force_login(publisher)
    response = run_action(client, Partner, "publish_now", [draft, published])

    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    errors = messages_at(response, messages.ERROR)
    assert any(str(published) in text for text in errors), errors
    assert Event.objects.count() == 1


def test_an_editor_submits_for_review_and_a_publisher_archives(
    client, editor, publisher
):
    page = factories.PageFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    run_action(client, Page, "submit_for_review", [page])
    page.refresh_from_db()
    assert page.status == Status.REVIEW

    run_action(client, Page, "archive", [page])
    page.refresh_from_db()
    assert page.status == Status.REVIEW  # editors do not archive

    client.force_login(publisher)
    run_action(client, Page, "archive", [page])
    page.refresh_from_db()
    assert page.status == Status.ARCHIVED


def changelist_results(client, model, **params):
    response = client.get(admin_url(model, "changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_missing_english_filter(client, superuser):
    no_english = factories.PartnerFactory(name_en="", summary_en=None)
    blank_english = factories.PartnerFactory(summary_en="   ")
    complete = factories.PartnerFactory()
    no_russian = factories.PartnerFactory(name_ru="", summary_ru="")
    client.force_login(superuser)

    missing_en = changelist_results(client, Partner, languages="missing_en")
    assert no_english in missing_en and blank_english in missing_en
    assert complete not in missing_en and no_russian not in missing_en

    missing_ru = changelist_results(client, Partner, languages="missing_ru")
    assert missing_ru == [no_russian]

    assert changelist_results(client, Partner, languages="complete") == [complete]


def test_languages_column(client, superuser):
    factories.PartnerFactory(name_en="")
    client.force_login(superuser)
    response = client.get(admin_url(Partner, "changelist"))
    assert "RU ✓" in response.text
    assert "EN —" in response.text


def test_partner_search_in_both_languages(client, superuser):
    partner = factories.PartnerFactory(
        name_ru="Министерство юстиции Марокко",
        name_en="Ministry of Justice of Morocco",
    )
    factories.PartnerFactory(name_ru="Другой партнёр", name_en="Another partner")
    client.force_login(superuser)
    assert changelist_results(client, Partner, q="Justice of Morocco") == [partner]
    assert changelist_results(client, Partner, q="юстиции Марокко") == [partner]


def page_form_data(**overrides) -> dict:
    data = {
        "title_ru": "О программе",
        "title_en": "About the programme",
        "slug": "about-the-programme",
        "summary_ru": "",
        "summary_en": "",
        "body_ru": "",
        "body_en": "",
        "menu_order": "0",
        "publish_at_0": "",
        "publish_at_1": "",
    }
    data.update(overrides)
    return data


def test_the_add_form_sanitises_rich_text(client, superuser):
    client.force_login(superuser)
    response = client.post(
        admin_url(Page, "add"),
        page_form_data(body_ru='<script>alert(1)</script><p onclick="x()">Hi</p>'),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    page = Page.objects.get(slug="about-the-programme")
    assert "<script" not in page.body_ru
    assert "onclick" not in page.body_ru
    assert "Hi" in page.body_ru
    assert page.status == Status.DRAFT
    assert page.created_by == superuser and page.updated_by == superuser


def test_the_rich_text_editor_renders_in_both_tabs(client, superuser):
    client.force_login(superuser)
    response = client.get(admin_url(Page, "add"))
    html = response.text
    for name in ("body_ru", "body_en"):
        textarea = re.search(rf'<textarea[^>]*name="{name}"[^>]*>', html)
        assert textarea, name
        assert "data-django-prose-editor-configurable" in textarea.group(0)
        assert "mt-field-body-" in textarea.group(0)  # grouped into a tab
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    assert "vendor/jquery-ui-1.14.2/jquery-ui.min.js" in html
    # The inline import map carries this response's CSP nonce.
    nonce = re.search(r'<script[^>]*type="importmap"[^>]*nonce="([^"]+)"', html) or (
        re.search(r'<script[^>]*nonce="([^"]+)"[^>]*type="importmap"', html)
    )
    assert nonce, "import map without a nonce"
    assert f"'nonce-{nonce.group(1)}'" in response["Content-Security-Policy"]


def test_system_rows_are_read_only(client, superuser, content):
    client.force_login(superuser)
    delivery = Delivery.objects.get()
    response = client.get(admin_url(Delivery, "change", delivery.pk))
    assert "SMTP 451" in response.text
    assert 'name="last_error"' not in response.text
    assert 'name="status"' not in response.text


def test_proposal_shows_its_attachments_read_only(client, superuser, content):
    client.force_login(superuser)
    proposal = Proposal.objects.get()
    response = client.get(admin_url(Proposal, "change", proposal.pk))
    assert "plan.pdf" in response.text
    assert 'name="title"' not in response.text
    assert 'name="submitted_by"' not in response.text


def test_staff_download_private_files_through_the_admin(
    client, superuser, mission_member, content
):
    """Documents and attachments have no public URL: the admin links to a view."""
    resource = Resource.objects.exclude(document_ru="").get()
    proposal = Proposal.objects.get()
    attachment = proposal.attachments.get()
    document_url = admin_url(Resource, "private_file", resource.pk, "document_ru")
    attachment_url = reverse(
        "admin:proposals_proposal_attachment", args=[proposal.pk, attachment.pk]
    )

    client.force_login(superuser)
    assert document_url in client.get(admin_url(Resource, "change", resource.pk)).text
    assert attachment_url in client.get(admin_url(Proposal, "change", proposal.pk)).text
    response = client.get(document_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    response = client.get(attachment_url)
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert "plan.pdf" in response["Content-Disposition"]
    # Only the declared file fields, and only files that exist.
    assert (
        client.get(admin_url(Resource, "private_file", resource.pk, "slug")).status_code
        == 404
    )
    assert (
        client.get(
            admin_url(Resource, "private_file", resource.pk, "document_en")
        ).status_code
        == 404
    )

    client.force_login(mission_member)
    for url in (document_url, attachment_url):
        assert client.get(url).status_code == 302


def test_view_only_staff_see_document_links(client, content):
    """Read-only display must not ask private storage for a public URL."""
    viewer = factories.UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_resource"))
    resource = Resource.objects.exclude(document_ru="").get()
    client.force_login(viewer)
    response = client.get(admin_url(Resource, "change", resource.pk))
    assert response.status_code == 200
    assert admin_url(Resource, "private_file", resource.pk, "document_ru") in (
        response.text
    )
    assert 'name="title_ru"' not in response.text


def test_a_user_is_added_with_an_email_and_groups(client, superuser):
    editors = Group.objects.get(name=EDITORS_GROUP)
    country = factories.CountryFactory()
    client.force_login(superuser)
    response = client.post(
        admin_url(User, "add"),
        {
            "email": "New.Person@Example.org",
            "full_name": "New Person",
            "preferred_language": "en",
            "country": country.pk,
            "organisation": "Mission of Somewhere",
            "groups": [editors.pk],
            "usable_password": "true",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="new.person@example.org")
    assert user.country == country and user.preferred_language == "en"
    assert list(user.groups.all()) == [editors]
    assert user.check_password("a long enough passphrase")


def test_partner_changelist_queries_do_not_grow_with_rows(
    client, superuser, django_assert_max_num_queries
):
    themes = factories.ThemeFactory.create_batch(2)
    for partner in factories.PartnerFactory.create_batch(10):
        partner.offers.set(themes)
        factories.ContactFactory(partner=partner)
    client.force_login(superuser)
    with django_assert_max_num_queries(MAX_CHANGELIST_QUERIES):
        response = client.get(admin_url(Partner, "changelist"))
    assert response.context["cl"].result_count == 10


def test_resource_changelist_queries_do_not_grow_with_rows(
    client, superuser, django_assert_max_num_queries
):
    themes = factories.ThemeFactory.create_batch(2)
    for resource in factories.ResourceFactory.create_batch(10):
        resource.themes.set(themes)
    client.force_login(superuser)
    with django_assert_max_num_queries(MAX_CHANGELIST_QUERIES):
        response = client.get(admin_url(Resource, "changelist"))
    assert response.context["cl"].result_count == 10


# Session, user, two counts, the rows, the filters' choices, the date hierarchy
# and the site menu: 9 today. A query per row (10 rows) would exceed it.
MAX_CHANGELIST_QUERIES = 10
