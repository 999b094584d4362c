"""The partners directory and a partner's page, from the outside.

Every assertion goes through URLs, as each kind of reader: an anonymous visitor, a
signed-in user without a mission, a mission member and an editor (staff).
"""

import datetime
import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from partners.directory import directory_queryset
from partners.models import Partner, PartnerKind
from partners.profile import (
    LOOK_UP_EXCHANGES_FROM,
    RESOURCES_PROBE_FROM,
    WALK_NEWEST_FROM,
    partner_exchanges,
    partner_resources,
)
from portal.publishing import Status
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}


def directory(language="en", **params) -> str:
    with translation.override(language):
        url = reverse("partners:list")
    query = urlencode(params, doseq=True)
    return f"{url}?{query}" if query else url


def page_of(partner, language="en") -> str:
    with translation.override(language):
        return partner.get_absolute_url()


def names(response) -> list[str]:
    return [partner.name for partner in response.context["object_list"]]


def slugs(response) -> list[str]:
    return [partner.slug for partner in response.context["object_list"]]


def facet_counts(response) -> dict[str, dict[str, int]]:
    return {
        facet.name: {option.value: option.count for option in facet.options}
        for facet in response.context["facets"]
    }


def png() -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "navy").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="logo.png")


@pytest.fixture
def world(db):
    """Two regions, two countries, three themes and four partners (one a draft)."""
    africa = factories.RegionFactory(slug="africa", name_en="Africa", name_ru="Африка")
    asia = factories.RegionFactory(slug="asia", name_en="Asia", name_ru="Азия")
    kenya = factories.CountryFactory(
        iso3="KEN", name_en="Kenya", name_ru="Кения", region=africa
    )
    india = factories.CountryFactory(
        iso3="IND", name_en="India", name_ru="Индия", region=asia
    )
    borders = factories.ThemeFactory(slug="borders", name_en="Borders")
    finance = factories.ThemeFactory(slug="finance", name_en="Finance")
    victims = factories.ThemeFactory(slug="victims", name_en="Victims")
    # English A to Z: Alpha, Bravo, Charlie; Russian А to Я: Вега, Гамма, Яшма.
    alpha = factories.PartnerFactory(
        slug="alpha",
        name_en="Alpha Centre",
        name_ru="Яшма центр",
        acronym_en="ACX",
        acronym_ru="АЦХ",
        country=kenya,
        region=africa,
    )
    alpha.offers.set([borders, finance])
    alpha.seeks.set([victims])
    bravo = factories.PartnerFactory(
        slug="bravo",
        kind=PartnerKind.UN_ENTITY,
        name_en="Bravo Office",
        name_ru="Вега бюро",
        country=india,
        region=asia,
    )
    bravo.offers.set([borders])
    bravo.seeks.set([finance])
    charlie = factories.PartnerFactory(
        slug="charlie",
        name_en="Charlie Agency",
        name_ru="Гамма агентство",
        country=kenya,
        region=africa,
    )
    charlie.offers.set([victims])
    draft = factories.PartnerFactory(
        slug="draft",
        name_en="Delta Draft",
        name_ru="Дельта черновик",
        country=india,
        region=asia,
        **DRAFT,
    )
    draft.offers.set([borders, finance, victims])
    return {
        "alpha": alpha,
        "bravo": bravo,
        "charlie": charlie,
        "draft": draft,
        "themes": [borders, finance, victims],
    }


# --- The directory: facets, filters, search, order ---------------------------------


def test_facet_counts_equal_what_a_visitor_sees_and_never_count_a_draft(client, world):
    response = client.get(directory())

    assert response.status_code == 200
    assert slugs(response) == ["alpha", "bravo", "charlie"]
    assert facet_counts(response) == {
        "kind": {"member_state": 2, "un_entity": 1},
        "region": {"africa": 2, "asia": 1},
        "country": {"KEN": 2, "IND": 1},
        "offers": {"borders": 2, "finance": 1, "victims": 1},
        "seeks": {"finance": 1, "victims": 1},
    }
    assert "Delta Draft" not in response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "plain", "member"])
def test_no_reader_but_staff_sees_or_counts_a_draft_partner(as_user, world, who):
    response = as_user(who).get(directory())

    assert "draft" not in slugs(response)
    assert facet_counts(response)["region"] == {"africa": 2, "asia": 1}
    assert "Delta Draft" not in response.content.decode()


def test_staff_see_and_count_drafts_with_their_status(as_user, world):
    response = as_user("editor").get(directory())

    assert "draft" in slugs(response)
    assert facet_counts(response)["region"] == {"africa": 2, "asia": 2}
    assert "badge--draft" in response.content.decode()


def test_filters_combine_and_the_counts_follow_them(client, world):
    response = client.get(directory(offers="borders", region="africa"))

    assert slugs(response) == ["alpha"]
    counts = facet_counts(response)
    # A theme filter does not hide the other themes of the matching partners.
    assert counts["offers"] == {"borders": 1, "finance": 1}
    assert counts["country"] == {"KEN": 1}


def test_options_of_one_facet_add_up(client, world):
    response = client.get(directory(kind=["member_state", "un_entity"]))

    assert slugs(response) == ["alpha", "bravo", "charlie"]


def test_filter_by_theme_sought(client, world):
    response = client.get(directory(seeks="finance"))

    assert slugs(response) == ["bravo"]


@pytest.mark.parametrize(
    "text", ["Alpha", "alpha cen", "Яшма", "центр", "ACX", "АЦХ", "  Alpha  "]
)
def test_search_finds_a_partner_by_either_languages_name_or_acronym(
    client, world, text
):
    for language in ("ru", "en"):
        assert slugs(client.get(directory(language, q=text))) == ["alpha"]


def test_a_to_z_by_the_name_in_each_language(client, world):
    assert names(client.get(directory("en"))) == [
        "Alpha Centre",
        "Bravo Office",
        "Charlie Agency",
    ]
    assert names(client.get(directory("ru"))) == [
        "Вега бюро",
        "Гамма агентство",
        "Яшма центр",
    ]
    assert slugs(client.get(directory("en", sort="name"))) == [
        "alpha",
        "bravo",
        "charlie",
    ]


def test_each_audience_and_language_reads_its_own_directory(world, editor):
    """The directory's queryset is built once per audience and language: staff's
    (with the draft) is never a visitor's, nor one language's order another's."""
    for language, order in [
        ("en", ["alpha", "bravo", "charlie"]),
        ("ru", ["bravo", "charlie", "alpha"]),
    ]:
        with translation.override(language):
            staff = [p.slug for p in directory_queryset(editor)]
            public = [p.slug for p in directory_queryset(AnonymousUser())]
        assert public == order
        assert sorted(staff) == sorted([*order, "draft"])


def test_a_partner_named_in_one_language_sorts_by_that_name_in_the_other(client, world):
    factories.PartnerFactory(slug="only-ru", name_ru="Бета", name_en="")

    # Shown as "Бета" on the English list too: after the Latin names, not first.
    assert slugs(client.get(directory("en"))) == [
        "alpha",
        "bravo",
        "charlie",
        "only-ru",
    ]
    assert slugs(client.get(directory("ru"))) == [
        "only-ru",
        "bravo",
        "charlie",
        "alpha",
    ]


def test_sort_by_recently_updated(client, world):
    Partner.objects.filter(slug="charlie").update(
        updated_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    )

    assert slugs(client.get(directory(sort="-updated")))[0] == "charlie"


def test_an_unknown_sort_key_is_a_form_error_not_a_500(client, world):
    response = client.get(directory(sort="-name_ru"))

    assert response.status_code == 200
    assert response.context["filter"].errors
    assert 'class="form-errors"' in response.content.decode()
    assert slugs(response) == []


def test_unknown_filter_values_are_form_errors(client, world):
    for params in ({"offers": "no-such-theme"}, {"country": "ZZZ"}, {"kind": "x"}):
        response = client.get(directory(**params))
        assert response.status_code == 200
        assert response.context["filter"].errors


def test_an_oversized_search_is_a_form_error(client, world):
    response = client.get(directory(q="x" * 500))

    assert response.status_code == 200
    assert response.context["filter"].errors


def test_a_page_past_the_end_is_not_found(client, world):
    assert client.get(directory(page=2)).status_code == 404
    assert client.get(directory(page="last")).status_code == 200


def test_the_list_paginates_keeping_the_filters_in_the_links(client, world):
    theme = world["themes"][0]
    for number in range(30):
        factories.PartnerFactory(name_en=f"Zulu {number:02}").offers.add(theme)

    html = client.get(directory(offers="borders")).content.decode()

    assert "Showing 1–24 of 32" in html
    assert 'href="/en/partners/?offers=borders&amp;page=2" rel="next"' in html
    html = client.get(directory(offers="borders", page=2)).content.decode()
    assert "Showing 25–32 of 32" in html


def test_the_empty_state_says_what_to_do(client, world):
    html = client.get(directory(offers="victims", region="asia")).content.decode()

    assert "No partner matches these filters — clear some." in html
    assert 'href="/en/partners/">Clear all filters</a>' in html


def test_the_directory_links_to_find_expertise(client, world):
    html = client.get(directory()).content.decode()

    assert 'href="/en/partners/expertise/"' in html


def test_cards_show_logo_kind_country_and_offers(client, world):
    world["alpha"].logo.save("logo.png", png(), save=True)

    html = client.get(directory()).content.decode()

    assert 'alt="Logo of Alpha Centre" width="64" height="64" loading="lazy"' in html
    assert "UN entity" in html
    assert "India" in html
    assert "Offers expertise in" in html
    assert "Borders" in html


@pytest.mark.parametrize("who", ["anonymous", "editor"])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_unfiltered_cards_read_from_rows_are_the_filtered_cards(
    as_user, world, who, language
):
    """The unfiltered directory builds its cards from rows (``Listed``), any
    other from partners: sorted A to Z on purpose, it shows the same cards,
    a draft's badge, a logo and a name missing in one language included."""
    world["alpha"].logo.save("logo.png", png(), save=True)
    factories.PartnerFactory(slug="only-ru", name_ru="Бета", name_en="")
    client = as_user(who)

    def cards(response) -> str:
        html = response.content.decode()
        return html[html.index('<div class="card-grid">') : html.index("</main>")]

    unfiltered = client.get(directory(language))
    sorted_ = client.get(directory(language, sort="name"))
    assert cards(unfiltered) == cards(sorted_)
    assert ("badge--draft" in cards(unfiltered)) == (who == "editor")
    assert 'class="card__logo"' in cards(unfiltered)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.lists(
        st.tuples(
            st.sampled_from(
                ["q", "kind", "region", "country", "offers", "seeks", "sort", "page"]
                + ["x", "offers__slug", ""]
            ),
            st.one_of(
                st.text(max_size=40),
                st.sampled_from(
                    ["borders", "KEN", "africa", "name", "-updated", "0", "-1", "2"]
                    + ["99999999999999999999", "x" * 3000, "member_state", "\x00"]
                ),
            ),
        ),
        max_size=6,
    ),
    language=st.sampled_from(["ru", "en"]),
)
def test_any_query_string_gives_a_page_or_a_not_found(client, world, params, language):
    response = client.get(directory(language) + "?" + urlencode(params))

    assert response.status_code in (200, 404)
    assert b"Traceback" not in response.content


# --- A partner's page ---------------------------------------------------------------


def test_a_draft_partner_is_not_found_for_readers_but_previewed_by_staff(
    as_user, world
):
    for who in ("anonymous", "plain", "member"):
        assert as_user(who).get(page_of(world["draft"])).status_code == 404
    assert as_user("editor").get(page_of(world["draft"])).status_code == 200


def test_the_profile_shows_what_a_partner_is(client, world):
    alpha = world["alpha"]
    alpha.website = "https://alpha.example.org/"
    alpha.since = 2019
    alpha.description_en = "<p>A long description.</p>"
    alpha.save()
    alpha.logo.save("logo.png", png(), save=True)

    response = client.get(page_of(alpha))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Alpha Centre" in html and "(ACX)" in html
    assert "Member state" in html
    assert 'href="/en/partners/?country=KEN">Kenya</a>' in html
    assert 'href="/en/partners/?region=africa">Africa</a>' in html
    assert "https://alpha.example.org/" in html
    assert "2019" in html
    assert "A short description of the partner." in html
    assert "A long description." in html
    assert 'alt="Logo of Alpha Centre"' in html
    updated = timezone.localdate(alpha.updated_at).isoformat()
    assert f'Last updated <time datetime="{updated}">' in html
    assert 'aria-label="Breadcrumb"' in html
    assert 'href="/en/partners/">Partners</a>' in html


def test_theme_chips_link_to_the_directory_filtered_by_that_theme(client, world):
    html = client.get(page_of(world["alpha"])).content.decode()

    assert 'href="/en/partners/?offers=borders">Borders</a>' in html
    assert 'href="/en/partners/?offers=finance">Finance</a>' in html
    assert 'href="/en/partners/?seeks=victims">Victims</a>' in html


@pytest.fixture
def focal_point(world):
    return factories.ContactFactory(
        partner=world["alpha"],
        name="Amina Odhiambo",
        email="amina@example.org",
        phone="+254 20 123 4567",
        position_en="Head of training",
        is_primary=True,
    )


@pytest.mark.parametrize("who", ["member", "editor"])
def test_focal_points_are_shown_to_mission_members_and_staff(
    as_user, world, focal_point, who
):
    html = as_user(who).get(page_of(world["alpha"])).content.decode()

    assert "Amina Odhiambo" in html
    assert "Head of training" in html
    assert 'href="mailto:amina@example.org"' in html
    assert 'href="tel:+254201234567"' in html
    assert "Sign in to see them" not in html


@pytest.mark.parametrize("who", ["anonymous", "plain"])
def test_focal_points_are_hidden_from_others_who_are_invited_to_sign_in(
    as_user, world, focal_point, who
):
    html = as_user(who).get(page_of(world["alpha"])).content.decode()

    assert "Amina Odhiambo" not in html
    assert "amina@example.org" not in html
    assert "Head of training" not in html
    assert "access-box--locked" in html
    assert 'href="/en/accounts/login/?next=/en/partners/alpha/"' in html


@pytest.fixture
def exchanges(world):
    """Alpha provided two exchanges (one a draft) and received one, with resources."""
    alpha, bravo = world["alpha"], world["bravo"]
    given_ = factories.ActivityFactory(
        slug="given",
        title_en="Border course given",
        start_date=datetime.date(2025, 5, 1),
        end_date=datetime.date(2025, 5, 3),
    )
    given_.providers.add(alpha)
    given_.beneficiaries.add(bravo)
    hidden = factories.ActivityFactory(
        slug="hidden", title_en="Secret draft exchange", **DRAFT
    )
    hidden.providers.add(alpha)
    taken = factories.ActivityFactory(slug="taken", title_en="Victims visit taken")
    taken.providers.add(bravo)
    taken.beneficiaries.add(alpha)
    public = factories.ResourceFactory(slug="public", title_en="Open handbook")
    missions = factories.ResourceFactory(
        slug="missions", title_en="Mission toolkit", access=Access.MISSIONS
    )
    staff = factories.ResourceFactory(
        slug="staff", title_en="Internal memo", access=Access.STAFF
    )
    draft = factories.ResourceFactory(slug="draft-res", title_en="Draft paper", **DRAFT)
    of_hidden = factories.ResourceFactory(slug="of-hidden", title_en="Hidden output")
    for resource in (public, missions, staff, draft):
        resource.activities.add(given_)
    public.activities.add(taken)  # linked twice, listed once
    of_hidden.activities.add(hidden)
    return {"given": given_, "hidden": hidden, "taken": taken}


def test_the_page_lists_exchanges_provided_and_received(client, world, exchanges):
    response = client.get(page_of(world["alpha"]))
    html = response.content.decode()

    assert [a.slug for a in response.context["provided"]] == ["given"]
    assert [a.slug for a in response.context["received"]] == ["taken"]
    assert 'href="/en/programme/activities/given/">Border course given</a>' in html
    assert "Workshop" in html
    assert '<time datetime="2025-05-01">' in html
    assert "Secret draft exchange" not in html
    # Bravo's page shows the same exchanges the other way round.
    response = client.get(page_of(world["bravo"]))
    assert [a.slug for a in response.context["provided"]] == ["taken"]
    assert [a.slug for a in response.context["received"]] == ["given"]


def test_staff_see_draft_exchanges_marked_as_such(as_user, world, exchanges):
    response = as_user("editor").get(page_of(world["alpha"]))

    assert {a.slug for a in response.context["provided"]} == {"given", "hidden"}
    assert "Secret draft exchange" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("anonymous", {"Open handbook", "Mission toolkit"}),
        ("plain", {"Open handbook", "Mission toolkit"}),
        ("member", {"Open handbook", "Mission toolkit"}),
        (
            "editor",
            {
                "Open handbook",
                "Mission toolkit",
                "Internal memo",
                "Draft paper",
                "Hidden output",
            },
        ),
    ],
)
def test_resources_of_its_exchanges_are_what_the_reader_may_see(
    as_user, world, exchanges, who, shown
):
    response = as_user(who).get(page_of(world["alpha"]))
    html = response.content.decode()

    assert {r.title for r in response.context["resources"]} == shown
    for title in {"Internal memo", "Draft paper", "Hidden output"} - shown:
        assert title not in html
    assert "badge--lock" in html  # the missions resource is listed with its lock


@pytest.mark.parametrize("staff", [False, True])
def test_both_shapes_of_the_resources_query_find_the_same_resources(
    world, exchanges, editor, staff
):
    """A busy partner's resources are found by walking the library newest first,
    a quiet one's by gathering its exchanges': the reader sees the same list."""
    user = editor if staff else AnonymousUser()
    alpha = world["alpha"]
    gathered = partner_resources(alpha, user, exchanges=0)
    walked = partner_resources(alpha, user, exchanges=WALK_NEWEST_FROM)
    probed = partner_resources(alpha, user, exchanges=RESOURCES_PROBE_FROM)

    assert gathered["resources"]
    assert (
        [r.slug for r in gathered["resources"]]
        == [r.slug for r in walked["resources"]]
        == [r.slug for r in probed["resources"]]
    )


@pytest.mark.parametrize("staff", [False, True])
def test_each_shape_of_the_exchanges_query_lists_the_same_exchanges(
    world, exchanges, editor, staff
):
    """A list of many is looked up while walking the newest activities, a list of
    few gathered through its links: the reader sees the same lists, and an
    exchange the partner both gave and took is listed once, as given."""
    user = editor if staff else AnonymousUser()
    june = datetime.date(2025, 6, 1)
    both = factories.ActivityFactory(slug="both", start_date=june, end_date=june)
    both.providers.add(world["alpha"])
    both.beneficiaries.add(world["alpha"])
    alpha = Partner.objects.with_exchange_counts().get(slug="alpha")
    lists = []
    for provided, received in [(0, 0), (1, 0), (0, 1), (1, 1)]:
        alpha.exchanges_provided = provided * LOOK_UP_EXCHANGES_FROM
        alpha.exchanges_received = received * LOOK_UP_EXCHANGES_FROM
        shown = partner_exchanges(alpha, user)
        lists.append(
            ([a.slug for a in shown["provided"]], [a.slug for a in shown["received"]])
        )

    expected = ["both", "given", "hidden"] if staff else ["both", "given"]
    assert lists == [(expected, ["taken"])] * 4


@pytest.mark.parametrize("staff", [False, True])
def test_exchange_counts_are_of_the_exchanges_the_reader_may_see(
    world, exchanges, staff
):
    """Staff count a draft exchange, everyone else only the published ones; and
    the counts follow a change at once (stored counts on PostgreSQL)."""
    alpha = Partner.objects.with_exchange_counts(staff=staff).get(slug="alpha")
    assert (alpha.exchanges_provided, alpha.exchanges_received) == (
        (2, 1) if staff else (1, 1)
    )

    exchanges["hidden"].status = Status.PUBLISHED
    exchanges["hidden"].published_at = timezone.now()
    exchanges["hidden"].save()
    exchanges["taken"].beneficiaries.remove(world["alpha"])
    alpha = Partner.objects.with_exchange_counts(staff=staff).get(slug="alpha")
    assert (alpha.exchanges_provided, alpha.exchanges_received) == (2, 0)
    charlie = Partner.objects.with_exchange_counts(staff=staff).get(slug="charlie")
    assert (charlie.exchanges_provided, charlie.exchanges_received) == (0, 0)


def test_cards_escape_what_partners_typed(client, world):
    world["bravo"].name_en = "Bravo <b>Office</b>"
    world["bravo"].summary_en = 'Says "hi" & <script>alert(1)</script>'
    world["bravo"].save()

    html = client.get(directory()).content.decode()

    assert "Bravo &lt;b&gt;Office&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_long_histories_show_the_latest_ten_and_link_to_the_ledger(client, world):
    alpha, bravo = world["alpha"], world["bravo"]
    for day in range(1, 13):
        activity = factories.ActivityFactory(
            slug=f"given-{day:02}",
            start_date=datetime.date(2024, 1, day),
            end_date=datetime.date(2024, 1, day),
        )
        activity.providers.add(alpha)
        activity.beneficiaries.add(bravo)
    for day in range(1, 4):
        activity = factories.ActivityFactory(
            slug=f"taken-{day:02}",
            start_date=datetime.date(2023, 1, day),
            end_date=datetime.date(2023, 1, day),
        )
        activity.beneficiaries.add(alpha)

    response = client.get(page_of(alpha))
    html = response.content.decode()

    provided = [a.slug for a in response.context["provided"]]
    assert provided == [f"given-{day:02}" for day in range(12, 2, -1)]
    assert [a.slug for a in response.context["received"]] == [
        "taken-03",
        "taken-02",
        "taken-01",
    ]
    assert 'href="/en/programme/activities/?provider=alpha"' in html
    assert "?beneficiary=alpha" not in html  # three received: all shown
    html = client.get(page_of(bravo)).content.decode()
    assert 'href="/en/programme/activities/?beneficiary=bravo"' in html


def test_the_page_recommends_partners_who_can_help_and_who_seek(client, world):
    response = client.get(page_of(world["alpha"]))

    # Alpha seeks victims: Charlie offers it (the draft too, but it is a draft).
    assert [p.slug for p in response.context["able_to_help"]] == ["charlie"]
    # Alpha offers borders and finance: Bravo seeks finance.
    assert [p.slug for p in response.context["seeking_offers"]] == ["bravo"]
    html = response.content.decode()
    assert "Partners who can help with what it seeks" in html
    assert "Partners who seek what it offers" in html
    assert "Delta Draft" not in html


def test_a_partner_without_stated_needs_gets_no_recommendation_block(client, world):
    response = client.get(page_of(world["charlie"]))

    assert response.context["able_to_help"] == []
    assert "Partners who can help with what it seeks" not in response.content.decode()


# --- Query counts -------------------------------------------------------------------


def populate(size: int):
    """``size`` partners, exchanges, resources and focal points around one partner."""
    themes = factories.ThemeFactory.create_batch(3)
    partners = factories.PartnerFactory.create_batch(size)
    for partner in partners:
        partner.offers.set(themes)
        partner.seeks.set(themes[1:])
    subject = partners[0]
    for number in range(size):
        activity = factories.ActivityFactory(host_country=subject.country)
        activity.themes.set(themes)
        if number % 2:
            activity.providers.set([subject, partners[number]])
        else:
            activity.beneficiaries.set([subject, partners[number]])
        resource = factories.ResourceFactory(
            access=[Access.PUBLIC, Access.MISSIONS, Access.STAFF][number % 3]
        )
        resource.activities.add(activity)
        resource.themes.set(themes)
        factories.ContactFactory(partner=subject)
    return subject


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_directory_and_partner_page_run_at_most_nine_queries(
    as_user, django_assert_max_num_queries, size, who
):
    """The same bound with 5 and with 50 related objects, for each kind of reader.

    A warm-up request first: the taxonomy choices and the menu pages are cached.
    """
    subject = populate(size)
    client = as_user(who)
    pages = [
        directory(),
        directory(offers=subject.offers.first().slug, q="Partner"),
        page_of(subject),
    ]
    for path in pages:
        client.get(path)  # warm-up
        with django_assert_max_num_queries(9):
            response = client.get(path)
        assert response.status_code == 200
