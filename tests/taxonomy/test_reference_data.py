from io import StringIO

import pytest
from babel.core import get_global
from django.core.management import call_command

from portal.taxonomy.models import Country, Region, Theme
from portal.taxonomy.services import reference_data_load

REGION_SLUGS = [
    "africa",
    "asia-pacific",
    "middle-east",
    "latin-america-caribbean",
    "other",
]
# Other apps and the demo content look themes up by these slugs.
THEME_SLUGS = [
    "prevention-violent-extremism",
    "countering-terrorist-financing",
    "border-security-management",
    "criminal-justice-rule-of-law",
    "victims-of-terrorism",
    "cybersecurity-new-technologies",
    "human-rights",
    "gender-women-peace-security",
    "critical-infrastructure-soft-targets",
    "foreign-terrorist-fighters",
    "strategic-communications",
    "youth-engagement",
    "national-ct-strategies",
]


def load() -> str:
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_loads_five_regions_193_member_states_and_13_themes():
    output = load()

    assert Region.objects.count() == 5
    assert Country.objects.count() == 193
    assert Country.objects.un_members().count() == 193
    assert Theme.objects.count() == 13
    assert "countries: 193 created, 0 updated, 0 unchanged" in output


@pytest.mark.django_db
def test_second_run_creates_and_changes_nothing():
    load()
    output = load()

    assert (Region.objects.count(), Country.objects.count(), Theme.objects.count()) == (
        5,
        193,
        13,
    )
    assert output.splitlines() == [
        "regions: 0 created, 0 updated, 5 unchanged",
        "countries: 0 created, 0 updated, 193 unchanged",
        "themes: 0 created, 0 updated, 13 unchanged",
    ]


@pytest.mark.django_db
def test_regions_and_themes_have_the_agreed_slugs_in_order():
    load()

    assert list(Region.objects.values_list("slug", flat=True)) == REGION_SLUGS
    assert list(Theme.objects.values_list("slug", flat=True)) == THEME_SLUGS


@pytest.mark.django_db
def test_regions_and_themes_are_filled_in_both_languages():
    load()

    for region in Region.objects.all():
        assert region.name_ru and region.name_en
    for theme in Theme.objects.all():
        assert theme.name_ru and theme.name_en
        assert theme.description_ru and theme.description_en
        assert theme.name_ru != theme.name_en


@pytest.mark.django_db
def test_every_country_has_both_names_and_a_region():
    load()

    for country in Country.objects.select_related("region"):
        assert country.name_ru and country.name_en, country.iso3
        assert country.region.slug in REGION_SLUGS


@pytest.mark.django_db
def test_country_names_are_unique_in_each_language():
    load()

    for field in ("name_ru", "name_en"):
        names = list(Country.objects.values_list(field, flat=True))
        assert len(set(names)) == 193, field


@pytest.mark.django_db
def test_iso_codes_are_unique_and_agree_with_each_other():
    load()
    codes = list(Country.objects.values_list("iso3", "iso2"))
    # CLDR maps every alpha-3 code to its alpha-2 code: an independent check of ours.
    cldr = get_global("territory_aliases")

    assert len({iso3 for iso3, _ in codes}) == 193
    assert len({iso2 for _, iso2 in codes}) == 193
    for iso3, iso2 in codes:
        assert cldr[iso3] == [iso2], iso3


@pytest.mark.django_db
def test_region_sizes():
    load()
    sizes = {
        slug: Country.objects.filter(region__slug=slug).count() for slug in REGION_SLUGS
    }

    assert sizes["africa"] == 54
    assert sizes["latin-america-caribbean"] == 33
    assert sizes["middle-east"] == 14
    assert sum(sizes.values()) == 193


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("iso3", "iso2", "region", "name_en", "name_ru"),
    [
        ("BRA", "BR", "latin-america-caribbean", "Brazil", "Бразилия"),
        ("EGY", "EG", "africa", "Egypt", "Египет"),
        ("IDN", "ID", "asia-pacific", "Indonesia", "Индонезия"),
        ("KAZ", "KZ", "asia-pacific", "Kazakhstan", "Казахстан"),
        ("SAU", "SA", "middle-east", "Saudi Arabia", "Саудовская Аравия"),
        ("TUR", "TR", "middle-east", "Türkiye", "Турция"),
        ("JPN", "JP", "other", "Japan", "Япония"),
        ("RUS", "RU", "other", "Russian Federation", "Российская Федерация"),
        (
            "COD",
            "CD",
            "africa",
            "Democratic Republic of the Congo",
            "Демократическая Республика Конго",
        ),
        ("COG", "CG", "africa", "Congo", "Конго"),
        ("VNM", "VN", "asia-pacific", "Viet Nam", "Вьетнам"),
        ("KOR", "KR", "other", "Republic of Korea", "Республика Корея"),
    ],
)
def test_spot_checks(iso3, iso2, region, name_en, name_ru):
    load()
    country = Country.objects.select_related("region").get(iso3=iso3)

    assert (country.iso2, country.region.slug) == (iso2, region)
    assert (country.name_en, country.name_ru) == (name_en, name_ru)


@pytest.mark.django_db
def test_a_changed_name_and_region_are_restored_and_reported_as_updated():
    load()
    Country.objects.filter(iso3="BRA").update(
        name_en="Brasil", region=Region.objects.get(slug="other")
    )
    Theme.objects.filter(slug="human-rights").update(description_ru="")

    counts = reference_data_load()

    assert counts["countries"] == {"created": 0, "updated": 1, "unchanged": 192}
    assert counts["themes"] == {"created": 0, "updated": 1, "unchanged": 12}
    brazil = Country.objects.get(iso3="BRA")
    assert brazil.name_en == "Brazil"
    assert brazil.region.slug == "latin-america-caribbean"
    assert Theme.objects.get(slug="human-rights").description_ru


@pytest.mark.django_db
def test_a_deleted_country_is_recreated():
    load()
    Country.objects.filter(iso3="EGY").delete()

    output = load()

    assert "countries: 1 created, 0 updated, 192 unchanged" in output
    assert Country.objects.filter(iso3="EGY").exists()
