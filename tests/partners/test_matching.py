"""Expertise matching: "find expertise" and the recommendations of a partner's page.

The ranking lives on ``PartnerQuerySet`` (tested directly); the page is tested
through its URL.
"""

import datetime
import io
from urllib.parse import urlencode

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from partners.expertise import offering_page
from partners.filters import ExpertiseForm
from partners.matching import RECOMMENDATIONS, partner_matches
from partners.models import Partner
from portal import facet_counts
from portal.publishing import Status
from programme.models import Activity
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}


def expertise(language="en", **params) -> str:
    with translation.override(language):
        url = reverse("partners:expertise")
    query = urlencode(params, doseq=True)
    return f"{url}?{query}" if query else url


def exchange(theme, *, providers=(), beneficiaries=(), **kwargs):
    activity = factories.ActivityFactory(**kwargs)
    activity.themes.add(theme)
    activity.providers.set(providers)
    activity.beneficiaries.set(beneficiaries)
    return activity


@pytest.fixture
def market(db):
    """Who offers border security, and how often each shared it already."""
    africa = factories.RegionFactory(slug="africa", name_en="Africa")
    asia = factories.RegionFactory(slug="asia", name_en="Asia")
    borders = factories.ThemeFactory(
        slug="borders", name_en="Borders", description_en="Keeping borders safe."
    )
    finance = factories.ThemeFactory(slug="finance", name_en="Finance")
    veteran = factories.PartnerFactory(
        slug="veteran", name_en="Zeta veteran", country__region=asia
    )
    novice = factories.PartnerFactory(
        slug="novice", name_en="Alpha novice", country__region=africa
    )
    newcomer = factories.PartnerFactory(
        slug="newcomer", name_en="Beta newcomer", country__region=africa
    )
    bystander = factories.PartnerFactory(slug="bystander", name_en="Gamma bystander")
    draft = factories.PartnerFactory(slug="draft", name_en="Draft partner", **DRAFT)
    for partner in (veteran, novice, newcomer, draft):
        partner.offers.add(borders)
    bystander.offers.add(finance)
    for day in (1, 2, 3):
        exchange(
            borders,
            providers=[veteran],
            beneficiaries=[novice],
            slug=f"veteran-{day}",
            title_en=f"Veteran course {day}",
            start_date=datetime.date(2025, 1, day),
            end_date=datetime.date(2025, 1, day),
        )
    exchange(borders, providers=[novice], slug="novice-1", title_en="Novice course")
    # Not counted: a draft, another theme, an exchange it only received.
    exchange(borders, providers=[newcomer], slug="draft-ex", **DRAFT)
    exchange(finance, providers=[newcomer, bystander], slug="finance-ex")
    exchange(borders, beneficiaries=[newcomer], slug="received-ex")
    exchange(borders, providers=[draft], slug="by-draft")
    return {
        "veteran": veteran,
        "novice": novice,
        "newcomer": newcomer,
        "bystander": bystander,
        "borders": borders,
    }


# --- The ranking (PartnerQuerySet.offering) -----------------------------------------


def test_offering_ranks_by_published_exchanges_provided_on_the_theme(market):
    ranking = Partner.objects.offering("borders")

    assert [(p.slug, p.exchange_count) for p in ranking] == [
        ("veteran", 3),
        ("novice", 1),
        ("newcomer", 0),  # a draft, another theme's and a received exchange
    ]


def test_offering_takes_the_theme_its_id_or_its_slug(market):
    borders = market["borders"]

    rankings = [
        [(p.slug, p.exchange_count) for p in Partner.objects.offering(theme)]
        for theme in (borders, borders.pk, "borders")
    ]

    assert rankings[0] == rankings[1] == rankings[2]


def test_stored_and_counted_exchanges_agree(market, postgres, monkeypatch):
    """PostgreSQL reads the ledger's stored counts; SQLite (the demo) counts."""

    def rankings():
        return [
            [(p.slug, p.exchange_count) for p in Partner.objects.offering(theme)]
            for theme in (market["borders"].pk, "borders", market["borders"])
        ]

    stored = rankings()
    monkeypatch.setattr(facet_counts, "is_supported", lambda: False)
    assert rankings() == stored


def test_an_exchange_counts_as_soon_as_it_is_published(market, postgres):
    draft = Activity.objects.get(slug="draft-ex")
    draft.status, draft.published_at = Status.PUBLISHED, draft.created_at
    draft.save()

    ranking = Partner.objects.offering("borders")

    assert [(p.slug, p.exchange_count) for p in ranking][1:] == [
        ("novice", 1),  # "Alpha novice": a tie goes A to Z
        ("newcomer", 1),
    ]


def test_offering_excludes_those_not_offering_it_and_drafts(market):
    slugs = set(Partner.objects.offering("borders").values_list("slug", flat=True))

    assert "bystander" not in slugs
    assert "draft" not in slugs


def test_offering_can_be_limited_to_a_region(market):
    ranking = Partner.objects.offering("borders", region_slug="africa")

    assert [p.slug for p in ranking] == ["novice", "newcomer"]


def test_offering_orders_ties_a_to_z(market):
    factories.PartnerFactory(slug="aardvark", name_en="Aardvark").offers.add(
        market["borders"]
    )

    with translation.override("en"):
        ranking = [p.slug for p in Partner.objects.offering("borders")]

    assert ranking == ["veteran", "novice", "aardvark", "newcomer"]


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("region", [None, "africa"])
def test_the_page_statement_ranks_as_offering_does(
    market, postgres, monkeypatch, language, region
):
    """partners/expertise.py's SQL on PostgreSQL: the same partners, columns,
    counts, order (ties A to Z in the page's language) and total, page after
    page, as the ORM's ``offering`` (the SQLite demo's)."""
    borders = market["borders"]
    for number, (ru, en) in enumerate([("Б", "A"), ("А", "B"), ("В", "")]):
        factories.PartnerFactory(
            slug=f"tied-{number}", name_ru=ru, name_en=en
        ).offers.add(borders)
    factories.PartnerFactory(
        slug="tied-african", name_ru="Г", country__region=market["novice"].region
    ).offers.add(borders)

    def pages():
        with translation.override(language):
            return [
                offering_page(theme=borders.pk, region=region, start=start, top=top)
                for start, top in ((0, 2), (2, 4), (4, 6), (6, 8))
            ]

    written = pages()
    monkeypatch.setattr(facet_counts, "is_supported", lambda: False)
    counted = pages()

    assert written == counted
    assert sum(len(page) for page in written) == (3 if region else 7)


# --- The page -----------------------------------------------------------------------


def test_the_page_asks_for_a_theme_first_and_shows_what_is_on_offer(client, market):
    response = client.get(expertise())
    html = response.content.decode()

    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    assert '<select name="theme"' in html
    assert '<select name="region"' in html
    # Drafts do not count: borders is offered by three published partners.
    assert ("borders", "Borders", 3) in response.context["offered_themes"]
    assert 'href="/en/partners/expertise/?theme=borders"' in html


def test_the_page_lists_partners_most_experienced_first_with_their_exchanges(
    client, market
):
    response = client.get(expertise(theme="borders"))
    html = response.content.decode()

    assert [p.slug for p in response.context["object_list"]] == [
        "veteran",
        "novice",
        "newcomer",
    ]
    assert "Partners offering expertise in Borders" in html
    assert "Keeping borders safe." in html
    assert "Shared it in 3 exchanges" in html
    assert "Shared it in 1 exchange" in html
    assert 'href="/en/programme/activities/veteran-3/">Veteran course 3</a>' in html
    assert "Novice course" in html
    for hidden in ("draft-ex", "finance-ex", "received-ex", "by-draft"):
        assert f"/activities/{hidden}/" not in html
    assert "Draft partner" not in html
    assert "Gamma bystander" not in html


def test_a_result_shows_the_partner_as_its_page_does(client, market):
    """Logo, name in the page's language (else the other's), kind and place."""
    veteran, novice = market["veteran"], market["novice"]
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "navy").save(buffer, "PNG")
    veteran.logo.save("logo.png", ContentFile(buffer.getvalue()), save=True)
    novice.name_ru = ""  # shown in English on the Russian page
    novice.save()

    html = client.get(expertise("ru", theme="borders")).content.decode()

    assert f'<img class="card__logo" src="{veteran.logo.url}"' in html
    assert f'href="/ru/partners/novice/" lang="en">{novice.name_en}</a>' in html
    assert "Государство-член" in html  # the kind, in Russian
    assert f"<span>{veteran.country.name_ru}</span>" in html


def test_each_partner_lists_a_few_of_its_exchanges_latest_first(client, market):
    for day in (10, 11):
        exchange(
            market["borders"],
            providers=[market["veteran"]],
            slug=f"later-{day}",
            start_date=datetime.date(2025, 2, day),
            end_date=datetime.date(2025, 2, day),
        )

    response = client.get(expertise(theme="borders"))
    veteran = response.context["object_list"][0]

    assert veteran.exchange_count == 5
    assert [a.slug for a in veteran.theme_exchanges] == [
        "later-11",
        "later-10",
        "veteran-3",
    ]
    assert "?provider=veteran&amp;theme=borders" in response.content.decode()


def test_later_pages_continue_the_ranking_with_their_own_exchanges(client, market):
    """Page 2 shows the next partners of the same ranking, each with its own
    exchanges (the page's statement is compiled once and reused)."""
    for number in range(22):
        partner = factories.PartnerFactory(slug=f"extra-{number:02}")
        partner.offers.add(market["borders"])
        exchange(market["borders"], providers=[partner], slug=f"by-extra-{number:02}")
    ranking = [p.slug for p in Partner.objects.offering("borders")]

    first = client.get(expertise(theme="borders"))
    second = client.get(expertise(theme="borders", page=2))

    shown = first.context["object_list"] + second.context["object_list"]
    assert [p.slug for p in shown] == ranking
    assert second.context["paginator"].count == len(ranking) == 25
    for partner in shown:
        expected = f"by-{partner.slug}" if partner.slug.startswith("extra") else None
        if expected:
            assert [a.slug for a in partner.theme_exchanges] == [expected]


def test_the_last_page_is_found_by_its_name(client, market):
    for number in range(22):
        factories.PartnerFactory(slug=f"extra-{number:02}").offers.add(
            market["borders"]
        )

    response = client.get(expertise(theme="borders", page="last"))

    assert response.context["page_obj"].number == 2
    assert response.context["paginator"].count == 25
    assert len(response.context["object_list"]) == 5


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"theme": "borders"},
        {"theme": "borders", "region": "asia"},
        {"theme": "x"},
    ],
)
def test_the_form_renders_its_selects_as_django_does(market, data):
    """The selects are built in Python (``portal.widgets.PanelSelect``), to the
    same markup."""
    form = ExpertiseForm(data)
    if data:
        form.is_valid()
    for name in ("theme", "region"):
        ours = str(form[name])
        form.fields[name].widget = forms.Select(choices=form.fields[name].choices)
        assert ours == str(form[name])


def test_a_region_narrows_the_list(client, market):
    response = client.get(expertise(theme="borders", region="asia"))

    assert [p.slug for p in response.context["object_list"]] == ["veteran"]


def test_nobody_offering_it_says_so_and_invites_a_proposal(client, market):
    factories.ThemeFactory(slug="cyber", name_en="Cyber")

    html = client.get(expertise(theme="cyber")).content.decode()

    assert "Nobody offers this expertise yet — propose your own expertise." in html


def test_nobody_in_a_region_links_back_to_any_region(client, market):
    factories.RegionFactory(slug="arctic")

    html = client.get(expertise(theme="borders", region="arctic")).content.decode()

    assert "Nobody in this region offers this expertise yet" in html
    assert 'href="/en/partners/expertise/?theme=borders">' in html


def test_an_unknown_theme_is_a_form_error_not_a_500(client, market):
    response = client.get(expertise(theme="no-such-theme", region="atlantis"))

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"theme", "region"}
    assert 'class="form-errors"' in response.content.decode()
    assert list(response.context["object_list"]) == []


def test_a_page_past_the_end_is_not_found(client, market):
    assert client.get(expertise(theme="borders", page=2)).status_code == 404


def test_find_expertise_is_in_the_partners_navigation(client, market):
    html = client.get(expertise()).content.decode()

    assert 'href="/en/partners/expertise/" aria-current="page"' in html
    assert 'href="/en/partners/">Directory</a>' in html
    assert 'href="/en/partners/" aria-current="true"' in html  # main navigation


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.lists(
        st.tuples(
            st.sampled_from(["theme", "region", "page", "q", ""]),
            st.one_of(
                st.text(max_size=40),
                st.sampled_from(
                    ["borders", "africa", "0", "2", "last", "x" * 3000, "\x00"]
                ),
            ),
        ),
        max_size=5,
    ),
    language=st.sampled_from(["ru", "en"]),
)
def test_any_query_string_gives_a_page_or_a_not_found(client, market, params, language):
    response = client.get(expertise(language) + "?" + urlencode(params))

    assert response.status_code in (200, 404)
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("size", [5, 50])
def test_the_page_runs_a_fixed_number_of_queries(
    client, mission_member, django_assert_max_num_queries, size
):
    """The same bound with 5 and with 50 partners and exchanges each.

    A warm-up request first: the taxonomy choices and the menu pages are cached.
    """
    theme = factories.ThemeFactory(slug="borders")
    partners = factories.PartnerFactory.create_batch(size)
    for partner in partners:
        partner.offers.add(theme)
        for _number in range(size // 5):
            exchange(theme, providers=[partner])
    client.force_login(mission_member)
    for path in (expertise(), expertise(theme="borders")):
        client.get(path)
        with django_assert_max_num_queries(5):
            response = client.get(path)
        assert response.status_code == 200


# --- Recommendations (PartnerQuerySet.able_to_help / seeking_offers_of) ------------


@pytest.fixture
def needs(db):
    a, b, c, d = factories.ThemeFactory.create_batch(4)
    subject = factories.PartnerFactory(slug="subject")
    subject.seeks.set([a, b, c])
    subject.offers.set([d])
    three = factories.PartnerFactory(slug="three", name_en="Z three")
    three.offers.set([a, b, c])
    one = factories.PartnerFactory(slug="one", name_en="A one")
    one.offers.set([a, d])
    none_ = factories.PartnerFactory(slug="none")
    none_.offers.set([d])
    draft = factories.PartnerFactory(slug="draft", **DRAFT)
    draft.offers.set([a, b, c])
    seeker = factories.PartnerFactory(slug="seeker")
    seeker.seeks.set([d])
    subject.offers.add(a)  # a partner offering what it seeks is not its own helper
    return subject


def test_helpers_are_ranked_by_how_many_sought_themes_they_offer(needs):
    ranking = Partner.objects.able_to_help(needs)

    assert [(p.slug, p.matches) for p in ranking] == [("three", 3), ("one", 1)]


def test_seekers_are_those_seeking_what_it_offers(needs):
    ranking = Partner.objects.seeking_offers_of(needs)

    assert [(p.slug, p.matches) for p in ranking] == [("seeker", 1)]


def test_the_page_shows_at_most_six_of_each(client, needs):
    theme = needs.seeks.first()
    for number in range(8):
        factories.PartnerFactory(slug=f"extra-{number}").offers.add(theme)

    response = client.get(needs.get_absolute_url())

    assert len(response.context["able_to_help"]) == 6
    assert response.context["able_to_help"][0].slug == "three"
    assert "subject" not in [p.slug for p in response.context["able_to_help"]]


def test_each_match_says_on_how_many_themes_it_matches(client, needs):
    """The labels are worked out once per list: each count keeps its own."""
    html = client.get(needs.get_absolute_url()).content.decode()

    assert "3 matching themes</span>" in html
    assert "1 matching theme</span>" in html


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_page_statement_ranks_as_the_querysets_do(needs, language):
    """partners/matching.py's SQL: the same partners, counts and order (ties A to
    Z in the page's language) as able_to_help and seeking_offers_of."""
    theme = needs.seeks.first()
    for number, (ru, en) in enumerate([("Б", "A"), ("А", "B"), ("В", "")]):
        tied = factories.PartnerFactory(slug=f"tied-{number}", name_ru=ru, name_en=en)
        tied.offers.add(theme)
        tied.seeks.add(needs.offers.first())
    with translation.override(language):
        shown = partner_matches(needs)
        expected = {
            "able_to_help": Partner.objects.able_to_help(needs)[:RECOMMENDATIONS],
            "seeking_offers": Partner.objects.seeking_offers_of(needs)[
                :RECOMMENDATIONS
            ],
        }
        for key, ranking in expected.items():
            assert [(p.slug, p.matches, p.name) for p in shown[key]] == [
                (p.slug, p.matches, p.name) for p in ranking
            ]
    assert all(
        p.country.name == Partner.objects.get(pk=p.pk).country.name
        for p in shown["able_to_help"]
        if p.country_id
    )


def test_drafts_ranked_first_leave_room_for_published_partners(needs):
    """The statement reads names only from the least number of matches the last
    one shown has: drafts above it must not push published partners out."""
    sought = list(needs.seeks.all())
    for number in range(RECOMMENDATIONS):
        factories.PartnerFactory(slug=f"draft-{number}", **DRAFT).offers.set(sought)

    shown = partner_matches(needs)

    assert [(p.slug, p.matches) for p in shown["able_to_help"]] == [
        ("three", 3),
        ("one", 1),
    ]


def test_a_partner_stating_nothing_has_no_matches(db):
    loner = factories.PartnerFactory()

    assert partner_matches(loner) == {"able_to_help": [], "seeking_offers": []}
