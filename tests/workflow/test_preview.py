"""Staff preview of an item as its public page, in each language: who sees it,
what it renders, and that it is never cached nor indexed."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}


def preview_url(item, language: str) -> str:
    meta = item._meta
    with translation.override(language):
        return reverse(
            "preview:detail",
            kwargs={
                "app_label": meta.app_label,
                "model_name": meta.model_name,
                "pk": item.pk,
            },
        )


@pytest.fixture
def draft_resource(db):
    return factories.ResourceFactory(
        title_ru="Черновик пособия", title_en="Draft handbook", **DRAFT
    )


@pytest.mark.parametrize("who", ["anonymous", "plain", "member"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_non_staff_get_a_404(as_user, draft_resource, who, language):
    client = as_user(who)
    response = client.get(preview_url(draft_resource, language))
    assert response.status_code == 404
    assert "Draft handbook" not in response.text


@pytest.mark.parametrize(
    ("language", "title", "other"),
    [("ru", "Черновик пособия", "Draft handbook"), ("en", "Draft handbook", None)],
)
def test_an_editor_previews_a_draft_in_each_language(
    client, editor, draft_resource, language, title, other
):
    client.force_login(editor)
    response = client.get(preview_url(draft_resource, language))
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text
    assert title in response.text
    if other:
        assert f"<h1>{other}" not in response.text
    assert response.templates[0].name == "preview/detail.html"
    assert "resources/resource_detail.html" in [t.name for t in response.templates]
    # Never cached, never indexed.
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "private" in cache_control
    assert "no-store" in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert 'rel="canonical"' not in response.text
    assert "notice--draft" in response.text  # the detail page's own notice
    assert 'class="preview-banner"' not in response.text


def test_a_preview_never_reaches_a_visitor_from_the_cache(
    client, settings, editor, draft_resource
):
    settings.VISITOR_PAGE_CACHE = True
    client.force_login(editor)
    assert client.get(preview_url(draft_resource, "en")).status_code == 200
    client.logout()
    assert client.get(preview_url(draft_resource, "en")).status_code == 404
    public = client.get(draft_resource.get_absolute_url())
    assert public.status_code == 404


@pytest.mark.parametrize(
    "make",
    [
        lambda: factories.PartnerFactory(**DRAFT),
        lambda: factories.ProjectFactory(**DRAFT),
        lambda: factories.ActivityFactory(**DRAFT),
        lambda: factories.ResourceFactory(**DRAFT),
        lambda: factories.PageFactory(**DRAFT),
        lambda: factories.ResourceFactory(),  # published items too
    ],
)
def test_every_publishable_model_has_a_preview(client, publisher, make):
    item = make()
    client.force_login(publisher)
    for language in ("ru", "en"):
        response = client.get(preview_url(item, language))
        assert response.status_code == 200, (item, language)
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_published_item_gets_a_preview_banner(client, editor):
    item = factories.ResourceFactory()
    client.force_login(editor)
    response = client.get(preview_url(item, "en"))
    assert 'class="preview-banner"' in response.text
    assert "notice--draft" not in response.text


def test_unknown_models_and_items_are_404(client, publisher):
    client.force_login(publisher)
    for path in (
        "/en/preview/accounts/user/1/",
        "/en/preview/resources/resource/999999/",
        "/en/preview/nothing/here/1/",
    ):
        assert client.get(path).status_code == 404, path


def test_preview_is_read_only(client, editor, draft_resource):
    client.force_login(editor)
    assert client.post(preview_url(draft_resource, "en")).status_code == 405


def test_preview_queries_are_pinned(
    client, editor, draft_resource, django_assert_max_num_queries
):
    client.force_login(editor)
    client.get(preview_url(draft_resource, "en"))
    with django_assert_max_num_queries(10):
        assert client.get(preview_url(draft_resource, "en")).status_code == 200
