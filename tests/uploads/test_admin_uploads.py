"""Uploads through the admin's add forms: the same checks, messages and names."""

import pytest
from django.urls import reverse

from partners.models import Partner
from programme.models import Photo
from resources.models import Resource
from tests.uploads import samples

pytestmark = pytest.mark.django_db


def add_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def add_form_data(client, model, **values) -> dict:
    """What a browser would post from the add page, with ``values`` filled in."""
    response = client.get(add_url(model))
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        choices = getattr(field, "choices", None)
        if name in values or not field.required:
            continue
        if choices is not None:
            data[name] = next(value for value, _label in choices if value)
        else:
            data[name] = f"{name}-value"
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
    data.update(values)
    return data


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def post(client, model, language="en", **values):
    """The add form posted from an admin shown in ``language``."""
    data = add_form_data(client, model, **values)
    return client.post(add_url(model), data, HTTP_ACCEPT_LANGUAGE=language)


def errors(response) -> str:
    form = response.context["adminform"].form
    return " ".join(
        message for messages in form.errors.values() for message in messages
    )


def test_a_resource_document_is_stored_privately_under_a_generated_name(
    staff_client, settings
):
    response = post(
        staff_client,
        Resource,
        title_ru="Доклад",
        slug="doklad",
        document_ru=samples.upload("../../etc/passwd.pdf", samples.pdf_bytes()),
    )
    assert response.status_code == 302, errors(response)
    resource = Resource.objects.get(slug="doklad")
    name = resource.document_ru.name
    assert name.startswith("resources/") and name.endswith(".pdf")
    assert "passwd" not in name
    assert (settings.PRIVATE_MEDIA_ROOT / name).exists()
    assert not (settings.MEDIA_ROOT / name).exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("report.pdf", samples.HTML, "This file is an HTML page, not a PDF."),
        ("drawing.svg", samples.SVG, "SVG drawing"),
        (
            "photo.png",
            samples.image_bytes(),
            "This file is a PNG, which is not accepted here.",
        ),
    ],
)
def test_the_resource_form_refuses_what_is_not_a_document(
    staff_client, name, content, expected
):
    response = post(
        staff_client,
        Resource,
        title_ru="Доклад",
        slug="doklad",
        document_en=samples.upload(name, content),
    )
    assert response.status_code == 200
    assert expected in errors(response)
    assert "Allowed: PDF, DOCX, XLSX, PPTX." in errors(response)
    assert not Resource.objects.exists()


def test_a_partner_logo_is_re_encoded_and_a_script_after_it_dropped(
    staff_client, settings
):
    response = post(
        staff_client,
        Partner,
        name_ru="Партнёр",
        slug="partner",
        logo=samples.upload(
            "logo.png", samples.image_bytes() + samples.SCRIPT, "image/png"
        ),
    )
    assert response.status_code == 302, errors(response)
    logo = Partner.objects.get(slug="partner").logo
    assert logo.name.startswith("partners/logos/") and logo.name.endswith(".png")
    stored = (settings.MEDIA_ROOT / logo.name).read_bytes()
    assert b"<script" not in stored


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("logo.svg", samples.SVG, "SVG drawing"),
        ("logo.png", samples.HTML, "This file is an HTML page, not a PNG."),
        ("logo.png", samples.pdf_bytes(), "This file is a PDF"),
    ],
)
def test_a_partner_logo_must_be_an_image(staff_client, name, content, expected):
    response = post(
        staff_client,
        Partner,
        name_ru="Партнёр",
        slug="partner",
        logo=samples.upload(name, content),
    )
    assert response.status_code == 200
    assert expected in errors(response)
    assert "Allowed: JPEG, PNG, WebP." in errors(response)


def test_a_photo_keeps_its_format_and_loses_its_metadata(staff_client, settings):
    response = post(
        staff_client,
        Photo,
        caption_ru="Участники",
        image=samples.upload("photo.JPG", samples.jpeg_with_exif(), "image/jpeg"),
    )
    assert response.status_code == 302, errors(response)
    photo = Photo.objects.get()
    assert photo.image.name.startswith("photos/") and photo.image.name.endswith(".jpg")
    assert (photo.width, photo.height) == (20, 40)
    assert b"SecretCamera" not in (settings.MEDIA_ROOT / photo.image.name).read_bytes()


def test_an_oversized_photo_is_refused_with_the_limit(staff_client, settings):
    settings.UPLOAD_MAX_IMAGE_MB = 0
    response = post(
        staff_client,
        Photo,
        caption_ru="Участники",
        image=samples.upload("photo.jpg", samples.image_bytes("JPEG")),
    )
    assert response.status_code == 200
    assert "the limit is 0" in errors(response)


def test_the_admin_message_is_in_russian_on_a_russian_admin(staff_client):
    response = post(
        staff_client,
        Resource,
        title_ru="Доклад",
        slug="doklad",
        document_ru=samples.upload("report.pdf", samples.HTML),
        language="ru",
    )
    assert response.status_code == 200
    assert "HTML" in errors(response)
    assert "Допустимы" in errors(response)
