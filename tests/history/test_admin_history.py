"""Change history in the admin: who changed what and when, with the previous values."""

import pytest
from django.db.models.fields.files import FieldFile
from django.forms import MultiWidget
from django.urls import reverse

from partners.models import Partner
from portal.publishing import Status
from resources.models import Resource
from tests import factories

# Editors edit drafts only (portal/services.py).
DRAFT = {"status": Status.DRAFT, "published_at": None}

CONTENT_FACTORIES = [
    factories.PartnerFactory,
    factories.ContactFactory,
    factories.ProjectFactory,
    factories.ActivityFactory,
    factories.PhotoFactory,
    factories.ResourceFactory,
    factories.PageFactory,
]


def admin_url(obj, view: str, *args) -> str:
    meta = obj._meta
    return reverse(
        f"admin:{meta.app_label}_{meta.model_name}_{view}", args=(obj.pk, *args)
    )


def bound_values(form, prefix_data: dict) -> None:
    """What the browser would post back for ``form`` unchanged."""
    for bound in form:
        if bound.field.disabled:
            continue
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, MultiWidget):
            parts = widget.decompress(value)
            for index, part in enumerate(parts):
                prefix_data[f"{bound.html_name}_{index}"] = part or ""
        elif isinstance(value, list | tuple):
            prefix_data[bound.html_name] = [str(item) for item in value]
        elif isinstance(value, FieldFile):
            continue  # a file already stored: posting nothing keeps it
        elif value is None or value is False:
            continue
        else:
            prefix_data[bound.html_name] = "on" if value is True else str(value)


def change_form_data(client, obj, **changes) -> dict:
    """The change form as the admin renders it, with ``changes`` applied."""
    response = client.get(admin_url(obj, "change"))
    assert response.status_code == 200
    data: dict = {}
    bound_values(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for form in formset.forms:
            bound_values(form, data)
    data.update(changes)
    return data


def test_an_editor_edit_of_a_partner_records_who_and_the_previous_value(client, editor):
    partner = factories.PartnerFactory(
        name_en="Old name", name_ru="Старое имя", **DRAFT
    )
    factories.ContactFactory(partner=partner)
    client.force_login(editor)

    response = client.post(
        admin_url(partner, "change"),
        change_form_data(client, partner, name_en="New name"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    latest = partner.history.first()
    assert latest.history_type == "~"
    assert latest.history_user == editor
    assert latest.name_en == "New name"
    assert latest.name_ru == "Старое имя"
    delta = latest.diff_against(latest.prev_record)
    changes = {c.field: (c.old, c.new) for c in delta.changes}
    assert changes["name_en"] == ("Old name", "New name")
    assert "name_ru" not in changes


def test_an_editor_edit_of_a_resource_records_who_and_the_previous_value(
    client, editor
):
    resource = factories.ResourceFactory(title_ru="Было", title_en="Before", **DRAFT)
    client.force_login(editor)

    response = client.post(
        admin_url(resource, "change"),
        change_form_data(client, resource, title_ru="Стало"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    latest, previous = resource.history.all()[:2]
    assert latest.history_user == editor
    assert (previous.title_ru, latest.title_ru) == ("Было", "Стало")
    assert latest.title_en == "Before"


def test_the_history_page_shows_who_and_both_titles(client, editor):
    page = factories.PageFactory(
        title_ru="Старый заголовок", title_en="Old title", **DRAFT
    )
    client.force_login(editor)
    client.post(
        admin_url(page, "change"),
        change_form_data(
            client, page, title_ru="Новый заголовок", title_en="New title"
        ),
    )

    response = client.get(admin_url(page, "history"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = response.text[response.text.index('id="change-history"') :]
    assert str(editor) in text
    for title in ("Старый заголовок", "Новый заголовок", "Old title", "New title"):
        assert title in text, title


def test_historical_tables_hold_both_languages_but_not_computed_columns():
    fields = {field.name for field in Resource.history.model._meta.fields}
    assert {"title_ru", "title_en", "summary_ru", "summary_en"} <= fields
    assert "downloads" not in fields
    assert {"name_ru", "name_en"} <= {
        field.name for field in Partner.history.model._meta.fields
    }


@pytest.mark.parametrize(
    "make", CONTENT_FACTORIES, ids=lambda make: make._meta.model.__name__
)
def test_history_opens_for_staff_and_not_for_others(
    make, client, editor, mission_member, django_assert_max_num_queries
):
    obj = make()
    obj.save()  # a second version, so the page has a change to show
    history = admin_url(obj, "history")
    version = admin_url(obj, "simple_history", obj.history.first().history_id)
    login = reverse("admin:login")

    client.force_login(editor)
    with django_assert_max_num_queries(12):
        assert client.get(history).status_code == 200
    assert client.get(version).status_code == 200

    for who in (mission_member, None):
        client.logout()
        if who is not None:
            client.force_login(who)
        for url in (history, version):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            if response.status_code == 302:
                assert response["Location"].startswith(login), url


def test_an_old_version_cannot_be_posted_back(client, editor):
    """Reverting would bypass the workflow services: the version page only shows."""
    page = factories.PageFactory(title_en="Kept")
    first = page.history.first()
    page.title_en = "Later"
    page.save()
    client.force_login(editor)

    url = admin_url(page, "simple_history", first.history_id)
    assert "Revert" not in client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    assert client.post(url, {"title_en": "Kept"}).status_code == 403
    page.refresh_from_db()
    assert page.title_en == "Later"


def test_a_workflow_action_is_recorded_with_its_user(client, editor):
    partner = factories.PartnerFactory(status=Status.DRAFT, published_at=None)
    client.force_login(editor)
    client.post(
        reverse("admin:partners_partner_changelist"),
        {"action": "submit_for_review", "_selected_action": [partner.pk]},
    )

    latest = partner.history.first()
    assert (latest.status, latest.history_user) == (Status.REVIEW, editor)
    assert latest.prev_record.status == Status.DRAFT
