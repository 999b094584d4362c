"""The plain objects the partner pages list (``partners.profile``) show their
translated text as the models do, fallbacks included."""

import itertools

import pytest
from django.utils import translation

from partners.models import Partner
from partners.profile import CountryName, Exchange, ThemeName
from portal.taxonomy.models import Country, Theme
from portal.translated import shown_text
from programme.models import Activity

# Filled, empty, blank (which the descriptor does not treat as missing), unset.
VALUES = ("Text", "", "  ", None)
PAIRS = list(itertools.product(VALUES, VALUES))


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(("ru", "en"), PAIRS)
def test_shown_text_reads_as_the_model_does(language, ru, en):
    partner = Partner(name_ru=ru, name_en=en)
    with translation.override(language):
        assert shown_text(Partner, partner, "name", language) == partner.name


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(("ru", "en"), PAIRS)
def test_an_exchange_and_its_country_read_as_the_models_do(language, ru, en):
    activity = Activity(title_ru=ru, title_en=en, city_ru=en, city_en=ru)
    exchange = Exchange(title_ru=ru, title_en=en, city_ru=en, city_en=ru)
    country = CountryName(ru, en)
    with translation.override(language):
        assert exchange.title == activity.title
        assert exchange.city == activity.city
        assert country.name == Country(name_ru=ru, name_en=en).name


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(("ru", "en"), PAIRS)
def test_a_theme_name_reads_as_the_model_does(language, ru, en):
    theme = ThemeName("slug", ru, en)
    with translation.override(language):
        assert theme.name == Theme(name_ru=ru, name_en=en).name
