"""Protected downloads, from the outside: who gets which file, with which headers.

The download view answers:
- 200 with the file (or an X-Accel-Redirect for nginx) when the reader may have it;
- a redirect to sign in for a visitor asking for a ``missions`` document, and 403
  for a signed-in user without mission access: never the file;
- 404 for anything the reader cannot see (``staff`` items, drafts), an unknown
  language, a language without a document, or a hostile path.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from portal.publishing import Status
from resources.models import Access, Resource
from resources.services import resource_download
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a test document\n" + b"x" * 3000 + b"\n%%EOF\n"


def attach(resource: Resource, code: str, *, name: str = "doc.pdf", data=PDF):
    getattr(resource, f"document_{code}").save(name, ContentFile(data), save=True)
    return resource


def download_url(resource, doc_lang: str, page_language: str = "en") -> str:
    with translation.override(page_language):
        return reverse(
            "resources:download", kwargs={"slug": resource.slug, "doc_lang": doc_lang}
        )


def downloads(resource) -> int:
    return Resource.objects.get(pk=resource.pk).downloads


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def public(db):
    resource = factories.ResourceFactory(slug="counter-terrorism-handbook")
    attach(resource, "ru")
    attach(resource, "en", name="handbook.docx", data=b"PK\x03\x04 docx")
    return resource


@pytest.fixture
def missions(db):
    resource = factories.ResourceFactory(slug="missions-study", access=Access.MISSIONS)
    return attach(resource, "en")


@pytest.fixture
def staff_only(db):
    resource = factories.ResourceFactory(slug="staff-evaluation", access=Access.STAFF)
    return attach(resource, "ru")


@pytest.fixture
def draft(db):
    resource = factories.ResourceFactory(
        slug="draft-guide", status=Status.DRAFT, published_at=None
    )
    return attach(resource, "ru")


# ---------- Public documents ----------


def test_anyone_downloads_a_public_document_with_safe_headers(client, public):
    response = client.get(download_url(public, "ru"))

    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="counter-terrorism-handbook-ru.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "private" in cache_control
    assert "no-store" not in cache_control
    assert "public" not in cache_control
    assert int(response["Content-Length"]) == len(PDF)
    assert downloads(public) == 1


def test_each_get_counts_once(client, public):
    for _ in range(3):
        body(client.get(download_url(public, "ru")))
    body(client.get(download_url(public, "en", page_language="ru")))
    assert downloads(public) == 4


def test_the_content_type_follows_the_extension(client, public):
    response = client.get(download_url(public, "en"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert (
        'filename="counter-terrorism-handbook-en.docx"'
        in (response["Content-Disposition"])
    )


def test_an_unknown_extension_is_sent_as_octet_stream(client, db):
    resource = attach(
        factories.ResourceFactory(slug="odd"), "ru", name="data.zz9", data=b"??"
    )
    response = client.get(download_url(resource, "ru"))
    assert response["Content-Type"] == "application/octet-stream"
    assert 'filename="odd-ru.zz9"' in response["Content-Disposition"]


def test_head_answers_without_counting(client, public):
    response = client.head(download_url(public, "ru"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert downloads(public) == 0


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_only_get_and_head_are_allowed(client, public, method):
    response = getattr(client, method)(download_url(public, "ru"))
    assert response.status_code == 405
    assert downloads(public) == 0


# ---------- Restricted documents ----------


def test_a_visitor_is_sent_to_sign_in_and_never_gets_a_missions_file(client, missions):
    url = download_url(missions, "en")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    assert b"%PDF" not in response.content
    assert downloads(missions) == 0


def test_a_signed_in_user_without_a_mission_is_refused(client, plain_user, missions):
    client.force_login(plain_user)
    response = client.get(download_url(missions, "en"))
    assert response.status_code == 403
    assert b"%PDF" not in response.content
    assert downloads(missions) == 0


@pytest.mark.parametrize("who", ["mission_member", "editor"])
def test_members_and_staff_get_a_missions_file_never_stored(
    client, missions, who, request
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(download_url(missions, "en"))
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert downloads(missions) == 1


@pytest.mark.parametrize("who", [None, "plain_user", "mission_member"])
def test_staff_and_draft_documents_do_not_exist_for_others(
    client, staff_only, draft, who, request
):
    if who:
        client.force_login(request.getfixturevalue(who))
    for resource in (staff_only, draft):
        response = client.get(download_url(resource, "ru"))
        assert response.status_code == 404
        assert b"%PDF" not in response.content
        assert downloads(resource) == 0


def test_staff_download_staff_and_draft_documents(client, editor, staff_only, draft):
    client.force_login(editor)
    for resource in (staff_only, draft):
        response = client.get(download_url(resource, "ru"))
        assert response.status_code == 200
        assert body(response).startswith(b"%PDF")
        assert "no-store" in response["Cache-Control"]


# ---------- Bad requests ----------


@pytest.mark.parametrize("doc_lang", ["de", "EN", "ru-ru", "document", "1"])
def test_an_unknown_language_is_404(client, public, doc_lang):
    url = f"/en/resources/{public.slug}/download/{doc_lang}/"
    assert client.get(url).status_code == 404
    assert downloads(public) == 0


def test_a_language_without_a_document_is_404(client, missions, mission_member):
    client.force_login(mission_member)
    assert client.get(download_url(missions, "ru")).status_code == 404
    assert downloads(missions) == 0


def test_a_file_missing_from_storage_is_404_not_500(client, public):
    public.document_ru.storage.delete(public.document_ru.name)
    assert client.get(download_url(public, "ru")).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/resources/../../etc/passwd/download/ru/",
        "/en/resources/%2e%2e%2f%2e%2e%2fetc%2fpasswd/download/ru/",
        "/en/resources/counter-terrorism-handbook/download/..%2f..%2fsettings.py/",
        "/en/resources/counter-terrorism-handbook/download/ru%00/",
        "/en/resources/counter-terrorism-handbook/download/ru/../../",
        "/en/resources/counter-terrorism-handbook/download/%2e%2e/",
        "/en/resources/counter-terrorism-handbook/download/",
        "/en/resources/counter-terrorism-handbook/download/ru/extra/",
        "/en/resources/COUNTER-TERRORISM-HANDBOOK/download/ru/",
        "/en/resources/counter-terrorism-handbook%00/download/ru/",
        "/en/resources/staff-evaluation/download/ru/",
        "/en/resources/no-such-thing/download/ru/",
        "/en/resources/" + "a" * 5000 + "/download/ru/",
    ],
)
def test_hostile_paths_are_404(client, public, staff_only, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"%PDF" not in response.content


# ---------- No public URL ----------


def test_documents_have_no_public_media_url(client, public, missions):
    for resource, code in ((public, "ru"), (missions, "en")):
        field = getattr(resource, f"document_{code}")
        path = Path(field.path)
        assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
        assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
        with pytest.raises(ValueError):
            field.url  # noqa: B018 - asking is the error
        for url in (
            f"{settings.MEDIA_URL}{field.name}",
            f"{settings.MEDIA_URL}../private/{field.name}",
            f"/private/{field.name}",
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            assert b"%PDF" not in response.content


def test_the_detail_page_links_only_to_the_download_view(client, public):
    with translation.override("en"):
        html = client.get(public.get_absolute_url()).content.decode()
    assert public.document_ru.name not in html
    assert download_url(public, "ru") in html


# ---------- nginx ----------


def test_behind_nginx_the_file_is_sent_by_x_accel_redirect(settings, client, public):
    settings.PRIVATE_MEDIA_X_ACCEL_PREFIX = "/protected/"
    response = client.get(download_url(public, "ru"))
    assert response.status_code == 200
    assert response.content == b""
    assert response["X-Accel-Redirect"] == f"/protected/{public.document_ru.name}"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="counter-terrorism-handbook-ru.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert downloads(public) == 1


def test_x_accel_redirect_still_checks_access(settings, client, missions):
    settings.PRIVATE_MEDIA_X_ACCEL_PREFIX = "/protected"
    response = client.get(download_url(missions, "en"))
    assert response.status_code == 302
    assert not response.has_header("X-Accel-Redirect")


# ---------- The service ----------


def test_the_count_is_atomic_even_from_stale_instances(public):
    stale_a = Resource.objects.get(pk=public.pk)
    stale_b = Resource.objects.get(pk=public.pk)
    for stale in (stale_a, stale_b, stale_a):
        resource_download(resource=stale, language="ru", user=AnonymousUser())
    assert downloads(public) == 3
    resource_download(
        resource=stale_b, language="ru", user=AnonymousUser(), count=False
    )
    assert downloads(public) == 3
