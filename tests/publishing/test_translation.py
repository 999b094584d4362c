"""Both languages are first class: each falls back to the other, on purpose."""

import pytest
from django.utils import translation

from tests.factories import PartnerFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_english_falls_back_to_russian():
    partner = PartnerFactory(name_ru="Министерство юстиции", name_en="")
    with translation.override("en"):
        assert partner.name == "Министерство юстиции"


def test_russian_falls_back_to_english():
    partner = PartnerFactory(name_ru="", name_en="Ministry of Justice")
    with translation.override("ru"):
        assert partner.name == "Ministry of Justice"


def test_each_language_reads_its_own_text_when_present():
    partner = PartnerFactory(
        name_ru="Министерство юстиции", name_en="Ministry of Justice"
    )
    with translation.override("ru"):
        assert partner.name == "Министерство юстиции"
    with translation.override("en"):
        assert partner.name == "Ministry of Justice"


def test_complete_languages_reports_what_is_filled():
    resource = ResourceFactory(title_en="", summary_en="")
    assert resource.complete_languages() == ["ru"]
    resource.title_en = "Title"
    resource.summary_en = "Summary"
    assert resource.complete_languages() == ["ru", "en"]
