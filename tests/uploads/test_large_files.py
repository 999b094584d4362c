"""A 60 MB upload, as Django hands it over (a temporary file on disk, sparse here so
the test stays quick), refused by the admin's form and by the proposal form."""

import os

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.test import RequestFactory
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from portal.proposals.forms import ProposalForm
from resources.models import Resource

pytestmark = pytest.mark.django_db

SIXTY_MB = 60 * 1024 * 1024
MESSAGE = "This file is 60.0\xa0MB; the limit is 25.0\xa0MB."


@pytest.fixture
def huge_upload():
    upload = TemporaryUploadedFile("huge.pdf", "application/pdf", 0, None)
    upload.write(b"%PDF-1.7\n")
    upload.seek(SIXTY_MB - 1)
    upload.write(b"\n")
    upload.flush()
    upload.size = os.path.getsize(upload.temporary_file_path())
    assert upload.size == SIXTY_MB
    yield upload
    upload.close()


def test_the_admin_resource_form_refuses_it(superuser, huge_upload):
    request = RequestFactory().get("/admin/resources/resource/add/")
    request.user = superuser
    form_class = admin.site._registry[Resource].get_form(request)
    form = form_class(
        data={"kind": "publication", "title_ru": "Доклад", "slug": "doklad"},
        files={"document_ru": huge_upload},
    )
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["document_ru"] == [MESSAGE]


def test_the_proposal_form_refuses_it(mission_member, huge_upload):
    form = ProposalForm(
        data={
            "kind": "resource",
            "title": "Handbook",
            "description": "Our handbook.",
            "language": "en",
        },
        files=MultiValueDict({"attachments": [huge_upload]}),
        user=mission_member,
    )
    with translation.override("en"):
        assert not form.is_valid()
        assert form.errors["attachments"] == [f"“huge.pdf”: {MESSAGE}"]
