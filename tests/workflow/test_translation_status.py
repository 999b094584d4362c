"""The staff page of published items with a missing translation."""

import pytest
from django.urls import reverse

from portal.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/translations/"


def test_the_url_is_named():
    assert reverse("translation_status") == URL


@pytest.fixture
def mixed(db):
    return {
        "no_en": factories.ResourceFactory(title_en="", title_ru="Только русский"),
        "no_ru": factories.PartnerFactory(name_ru="", name_en="English only"),
        "blank_en": factories.ActivityFactory(title_ru="Пробелы", summary_en="   "),
        "complete": factories.ResourceFactory(title_ru="Полностью"),
        "draft": factories.PageFactory(
            status=Status.DRAFT, published_at=None, title_ru="Черновик", title_en=""
        ),
    }


def test_lists_published_items_missing_a_language(client, editor, mixed):
    client.force_login(editor)
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.text
    assert "Только русский" in page and "English only" in page and "Пробелы" in page
    assert "Полностью" not in page and "Черновик" not in page
    for item in ("no_en", "no_ru", "blank_en"):
        obj = mixed[item]
        meta = obj._meta
        change = reverse(
            f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]
        )
        assert change in page
    rows = {
        section["name"]: section["rows"] for section in response.context["sections"]
    }
    resources = rows["resources"]
    assert [row["missing"] for row in resources] == [["English"]]
    assert [row["missing"] for row in rows["partners"]] == [["Russian"]]


@pytest.mark.parametrize("who", ["anonymous", "plain", "member"])
def test_non_staff_are_sent_to_the_admin_login(as_user, who, mixed):
    response = as_user(who).get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_queries_do_not_grow_with_items(
    client, publisher, django_assert_max_num_queries
):
    client.force_login(publisher)
    factories.ResourceFactory(title_en="")
    client.get(URL)
    with django_assert_max_num_queries(10) as few:
        client.get(URL)
    factories.ResourceFactory.create_batch(10, title_en="")
    factories.PartnerFactory.create_batch(10, name_ru="")
    with django_assert_max_num_queries(10) as many:
        response = client.get(URL)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert response.context["total"] == 21
