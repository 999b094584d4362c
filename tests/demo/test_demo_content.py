"""The demo content command: what it promises, where its files go, and that it is
safe to run again."""

import io
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.management import call_command
from pypdf import PdfReader

from partners.models import Contact, Partner
from portal.accounts.models import (
    EDITORS_GROUP,
    MISSION_MEMBERS_GROUP,
    PUBLISHERS_GROUP,
    User,
)
from portal.pages.models import Page
from portal.publishing import Status
from programme.models import Activity, ActivityFormat, ActivityKind, Photo, Project
from resources.models import Access, Resource, ResourceKind

pytestmark = pytest.mark.django_db

DEMO_EMAILS = ("editor@example.org", "publisher@example.org", "mission@example.org")
PUBLISHABLE = (Partner, Project, Activity, Resource, Page)


@pytest.fixture
def private_storage():
    """This test's private storage (the conftest points it at a temp folder)."""
    return storages["private"]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def files_under(folder) -> set[str]:
    root = Path(folder)
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_demo_content_has_what_the_portal_needs(private_storage, settings):
    settings.DEMO_PASSWORD = "a-test-demo-password"
    output = load()

    partners = list(Partner.objects.prefetch_related("contacts", "offers", "seeks"))
    assert len(partners) >= 15
    assert len({partner.kind for partner in partners}) >= 4
    assert len({partner.region_id for partner in partners}) >= 4
    for partner in partners:
        assert partner.name_ru and partner.name_en
        assert partner.summary_ru and partner.summary_en
        assert partner.description_ru and partner.description_en
        assert partner.logo.name and partner.website and partner.since
        assert partner.offers.all() and partner.seeks.all()
        contacts = partner.contacts.all()
        assert 1 <= len(contacts) <= 2
        assert sum(contact.is_primary for contact in contacts) == 1
        assert all(contact.email.endswith("@example.org") for contact in contacts)

    assert Project.objects.count() == 3
    for project in Project.objects.all():
        assert project.themes.exists() and project.regions.exists()
        assert project.partners.exists()

    activities = list(Activity.objects.all())
    assert len(activities) >= 30
    kinds = Counter(activity.kind for activity in activities)
    assert set(kinds) == set(ActivityKind.values)
    assert min(kinds.values()) >= 2
    assert {activity.format for activity in activities} == set(ActivityFormat.values)
    assert len({activity.start_date.year for activity in activities}) >= 3
    for activity in activities:
        assert activity.title_ru and activity.title_en
        assert activity.providers.exists() and activity.beneficiaries.exists()
        if activity.women_participants is not None:
            assert activity.women_participants <= activity.participants
    assert sum(activity.project_id is not None for activity in activities) > 20

    resources = list(Resource.objects.all())
    assert len(resources) >= 40
    assert {resource.kind for resource in resources} == set(ResourceKind.values)
    assert {resource.access for resource in resources} == set(Access.values)
    for resource in resources:
        assert resource.title_ru and resource.title_en
        if resource.kind in (ResourceKind.VIDEO, ResourceKind.LINK):
            assert resource.url_ru or resource.url_en
        else:
            assert resource.document_languages()

    photos = list(Photo.objects.all())
    assert len(photos) >= 15
    assert any(photo.activity_id is None for photo in photos)
    assert all((photo.width, photo.height) == (1200, 800) for photo in photos)
    assert all(photo.caption_ru and photo.caption_en for photo in photos)

    pages = Page.objects.filter(
        slug__in=["about", "how-to-take-part"],
        status=Status.PUBLISHED,
        show_in_menu=True,
    )
    assert pages.count() == 2
    for page in pages:
        for body in (page.body_ru, page.body_en):
            assert "<h2>" in body and "<li>" in body

    statuses = Counter(
        status
        for model in PUBLISHABLE
        for status in model.objects.values_list("status", flat=True)
    )
    assert statuses[Status.DRAFT] >= 2 and statuses[Status.REVIEW] >= 1
    assert statuses[Status.PUBLISHED] > 0.9 * sum(statuses.values())
    for model in PUBLISHABLE:
        assert not model.objects.published().filter(published_at__isnull=True).exists()

    editor, publisher, mission = (
        User.objects.get(email=email) for email in DEMO_EMAILS
    )
    assert editor.is_staff and editor.groups.filter(name=EDITORS_GROUP).exists()
    assert (
        publisher.is_staff and publisher.groups.filter(name=PUBLISHERS_GROUP).exists()
    )
    assert not mission.is_staff and mission.country is not None
    assert mission.groups.filter(name=MISSION_MEMBERS_GROUP).exists()
    for user in (editor, publisher, mission):
        assert user.check_password("a-test-demo-password")
    assert "a-test-demo-password" in output
    assert all(email in output for email in DEMO_EMAILS)


def pdf_text(field) -> str:
    with field.open("rb") as handle:
        reader = PdfReader(handle)
        assert len(reader.pages) >= 2
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_documents_are_real_pdfs_in_each_language_in_private_storage(private_storage):
    load()

    both = Resource.objects.get(slug="south-south-cooperation-2024-in-review")
    russian = pdf_text(both.document_ru)
    english = pdf_text(both.document_en)
    assert "равноправным партнерам" in russian
    assert "Ежегодный обзор программы" in russian
    assert "equal partners" in english
    assert "annual review" in english

    only_ru = Resource.objects.get(slug="victims-register-step-by-step")
    assert only_ru.document_languages() == ["ru"]
    only_en = Resource.objects.get(slug="mobile-money-terrorist-financing-risks")
    assert only_en.document_languages() == ["en"]
    assert "mobile payments" in pdf_text(only_en.document_en)

    private_root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    media_root = Path(settings.MEDIA_ROOT).resolve()
    documents = [
        getattr(resource, f"document_{code}")
        for resource in Resource.objects.all()
        for code in resource.document_languages()
    ]
    assert len(documents) >= 40
    for document in documents:
        path = Path(document.path).resolve()
        assert path.is_file()
        assert path.is_relative_to(private_root)
        assert not path.is_relative_to(media_root)
    assert not any(name.endswith(".pdf") for name in files_under(media_root))


def test_a_second_run_creates_nothing_and_changes_nothing(private_storage, settings):
    load()
    for email in DEMO_EMAILS:
        assert User.objects.get(email=email).check_password(settings.DEMO_PASSWORD)
    counts = {
        model: model.objects.count() for model in (*PUBLISHABLE, Contact, Photo, User)
    }
    stamps = {
        model: dict(model.objects.values_list("pk", "updated_at"))
        for model in PUBLISHABLE
    }
    files = (files_under(settings.MEDIA_ROOT), files_under(settings.PRIVATE_MEDIA_ROOT))
    passwords = dict(User.objects.values_list("email", "password"))

    output = load()

    assert {model: model.objects.count() for model in counts} == counts
    assert {
        model: dict(model.objects.values_list("pk", "updated_at"))
        for model in PUBLISHABLE
    } == stamps
    assert (
        files_under(settings.MEDIA_ROOT),
        files_under(settings.PRIVATE_MEDIA_ROOT),
    ) == files
    assert dict(User.objects.values_list("email", "password")) == passwords
    count_lines = [line for line in output.splitlines() if "created," in line]
    assert count_lines and all(" 0 created," in line for line in count_lines)


def test_the_documents_are_reproducible():
    """The same data gives byte-identical PDFs, so nothing depends on the clock."""
    from portal.demo.content.resources import RESOURCES
    from portal.demo.documents import render_pdf, resource_document

    item = RESOURCES[0]
    first = render_pdf(resource_document(item, language="ru", theme_names={}))
    second = render_pdf(resource_document(item, language="ru", theme_names={}))
    assert first == second
    assert first.startswith(b"%PDF")
