"""The parts of a publishable item follow the item, in the admin.

An editor may not change a partner or an activity once it is in review or
published (``portal.services.can_edit``). Its focal-point contacts and its photos
are separate models with their own admin pages and no service of their own:
``PartOfPublishableAdmin`` refuses an editor's change to a part of such an item,
and a new part put on it. That rule lives in the admin only (these models have
no other way in); these tests hold it from the outside.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from partners.models import Contact
from programme.models import Photo
from tests.access import runner

pytestmark = pytest.mark.django_db


def _rows() -> tuple[list, list]:
    """Every contact and photo, read in one fixed language.

    ``values()`` gives a translated field in the active language, and a request
    to the admin switches it: compared before and after, the same rows differed.
    """
    with translation.override("en"):
        return list(Contact.objects.values()), list(Photo.objects.values())


def _post(world, role: str, url: str, data: dict):
    client = runner.client_for(world.sessions[role])
    with transaction.atomic():
        response = client.post(url, data)
        state = _rows()
        transaction.set_rollback(True)
    return response, state


def _contact_data(contact, partner) -> dict:
    return {
        "partner": partner.pk,
        "name": "Someone Else",
        "position_ru": contact.position_ru,
        "position_en": contact.position_en,
        "email": "someone.else@example.org",
        "phone": "",
    }


def test_an_editor_cannot_change_a_contact_of_a_published_partner(world):
    contact = world.contact
    assert contact.partner.is_published
    before = _rows()
    url = reverse("admin:partners_contact_change", args=[contact.pk])
    response, after = _post(
        world, "editor", url, _contact_data(contact, contact.partner)
    )
    assert response.status_code == 403
    assert after == before


def test_an_editor_cannot_add_a_contact_to_a_published_partner(world):
    before = _rows()
    url = reverse("admin:partners_contact_add")
    response, after = _post(
        world, "editor", url, _contact_data(world.contact, world.partner)
    )
    assert response.status_code == 403
    assert after == before


def test_an_editor_cannot_change_a_photo_of_a_published_activity(world):
    photo = world.photo
    assert photo.activity.is_published
    before = _rows()
    url = reverse("admin:programme_photo_change", args=[photo.pk])
    response, after = _post(
        world,
        "editor",
        url,
        {
            "activity": photo.activity.pk,
            "caption_ru": "Другая подпись",
            "caption_en": "Another caption",
            "credit_ru": photo.credit_ru,
            "credit_en": photo.credit_en,
            "taken_on": "",
        },
    )
    assert response.status_code == 403
    assert after == before


def test_a_publisher_changes_a_contact_of_a_published_partner(world):
    """The control: the same form from a publisher is saved."""
    contact = world.contact
    url = reverse("admin:partners_contact_change", args=[contact.pk])
    response, (contacts, _photos) = _post(
        world, "publisher", url, _contact_data(contact, contact.partner)
    )
    assert response.status_code == 302
    assert {"id": contact.pk, "name": "Someone Else"}.items() <= next(
        row for row in contacts if row["id"] == contact.pk
    ).items()
