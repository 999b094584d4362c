from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_documents_are_stored_privately_under_generated_names():
    resource = ResourceFactory()
    resource.document_ru.save("../../Отчёт <script>.PDF", ContentFile(b"%PDF-1.4 test"))
    path = Path(resource.document_ru.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT))
    assert path.suffix == ".pdf"
    assert "Отчёт" not in path.name and "script" not in path.name


def test_a_private_document_has_no_public_url():
    resource = ResourceFactory()
    resource.document_en.save("report.pdf", ContentFile(b"%PDF-1.4 test"))
    with pytest.raises(ValueError):
        resource.document_en.url  # noqa: B018 - the property is the assertion


def test_document_languages_lists_the_languages_with_a_file():
    resource = ResourceFactory()
    assert resource.document_languages() == []
    resource.document_en.save("report.pdf", ContentFile(b"%PDF-1.4 test"))
    assert resource.document_languages() == ["en"]
