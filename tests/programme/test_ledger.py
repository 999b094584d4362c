"""The exchange ledger and the activity pages, from the outside (by URL, per user)."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.publishing import Status
from programme.models import Activity, ActivityFormat, ActivityKind
from programme.rows import attach_card_names
from programme.templatetags.programme_tags import activity_card, activity_cards
from programme.views import ActivityListView, women_share
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}
LEDGER = "/en/programme/activities/"


def ledger(language="en", **params) -> str:
    query = urlencode(params, doseq=True)
    url = f"/{language}/programme/activities/"
    return f"{url}?{query}" if query else url


def titles(response) -> set[str]:
    """The titles of the activity cards on a ledger page."""
    html = response.content.decode()
    return set(
        re.findall(
            r'<h2 class="card__title"><a href="[^"]+"(?: lang="\w+")?>([^<]+)</a>',
            html,
        )
    )


def facet(response, name: str) -> dict[str, int]:
    """value -> count of one facet of the page's context."""
    for item in response.context["facets"]:
        if item.name == name:
            return {option.value: option.count for option in item.options}
    raise AssertionError(f"no facet {name}")


def facet_labels(response, name: str) -> dict[str, str]:
    for item in response.context["facets"]:
        if item.name == name:
            return {option.value: option.label for option in item.options}
    raise AssertionError(f"no facet {name}")


@pytest.fixture
def world():
    """Four published activities and one draft, each different in every facet."""
    today = timezone.localdate()
    africa = factories.RegionFactory(slug="africa", name_en="Africa")
    asia = factories.RegionFactory(slug="asia", name_en="Asia")
    kenya = factories.CountryFactory(iso3="KEN", name_en="Kenya", region=africa)
    india = factories.CountryFactory(iso3="IND", name_en="India", region=asia)
    borders = factories.ThemeFactory(slug="borders", name_en="Border security")
    victims = factories.ThemeFactory(slug="victims", name_en="Victims")
    alpha = factories.PartnerFactory(slug="alpha", name_en="Alpha Agency")
    bravo = factories.PartnerFactory(slug="bravo", name_en="Bravo Bureau")
    hidden_partner = factories.PartnerFactory(
        slug="ghost", name_en="Ghost Partner Draft", **DRAFT
    )
    project = factories.ProjectFactory(slug="bridge", title_en="Bridge project")

    def make(slug, title, start, days=2, **kwargs):
        themes = kwargs.pop("themes", [])
        providers = kwargs.pop("providers", [])
        beneficiaries = kwargs.pop("beneficiaries", [])
        activity = factories.ActivityFactory(
            slug=slug,
            title_en=title,
            start_date=start,
            end_date=start + datetime.timedelta(days=days),
            **kwargs,
        )
        activity.themes.set(themes)
        activity.providers.set(providers)
        activity.beneficiaries.set(beneficiaries)
        return activity

    activities = {
        "old-workshop": make(
            "old-workshop",
            "Old border workshop",
            datetime.date(2024, 3, 4),
            kind=ActivityKind.WORKSHOP,
            host_country=kenya,
            format=ActivityFormat.IN_PERSON,
            themes=[borders],
            providers=[alpha],
            beneficiaries=[bravo],
            project=project,
        ),
        "past-course": make(
            "past-course",
            "Past victims course",
            today - datetime.timedelta(days=40),
            kind=ActivityKind.TRAINING_COURSE,
            host_country=india,
            format=ActivityFormat.ONLINE,
            themes=[victims],
            providers=[bravo, hidden_partner],
            beneficiaries=[alpha],
            summary_en="Judges met prosecutors.",
        ),
        "running-visit": make(
            "running-visit",
            "Running study visit",
            today - datetime.timedelta(days=1),
            days=3,
            kind=ActivityKind.STUDY_VISIT,
            host_country=kenya,
            format=ActivityFormat.HYBRID,
            themes=[borders, victims],
            providers=[alpha],
            beneficiaries=[hidden_partner],
        ),
        "future-webinar": make(
            "future-webinar",
            "Future webinar",
            today + datetime.timedelta(days=30),
            days=0,
            kind=ActivityKind.WEBINAR,
            format=ActivityFormat.ONLINE,
            themes=[victims],
            beneficiaries=[bravo],
            project=project,
        ),
        "draft": make(
            "draft",
            "Secret draft exchange",
            today + datetime.timedelta(days=5),
            kind=ActivityKind.WORKSHOP,
            host_country=kenya,
            themes=[borders],
            providers=[alpha],
            **DRAFT,
        ),
    }
    return {
        "today": today,
        "activities": activities,
        "partners": {"alpha": alpha, "bravo": bravo, "ghost": hidden_partner},
        "project": project,
    }


PUBLISHED = {"Old border workshop", "Past victims course", "Running study visit"} | {
    "Future webinar"
}


# --- Access: drafts never listed or counted -------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "mission_member"])
def test_visitors_and_missions_see_only_published_activities_and_counts(
    client, world, who, request
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    response = client.get(LEDGER)

    assert response.status_code == 200
    assert titles(response) == PUBLISHED
    html = response.content.decode()
    assert "Secret draft exchange" not in html
    assert "Ghost Partner Draft" not in html
    assert response.context["paginator"].count == 4
    # Every facet counts only what this visitor can list.
    assert facet(response, "kind") == {
        "workshop": 1,
        "training": 1,
        "study_visit": 1,
        "webinar": 1,
    }
    assert facet(response, "country") == {"KEN": 2, "IND": 1}
    assert facet(response, "theme") == {"borders": 2, "victims": 3}
    assert "ghost" not in facet(response, "provider")
    assert "ghost" not in facet(response, "beneficiary")


def test_staff_see_drafts_listed_and_counted_with_a_badge(client, world, editor):
    client.force_login(editor)

    response = client.get(LEDGER)

    assert titles(response) == PUBLISHED | {"Secret draft exchange"}
    assert facet(response, "kind")["workshop"] == 2
    assert facet(response, "provider")["ghost"] == 1
    assert "badge--draft" in response.content.decode()


def test_a_visitor_after_staff_still_sees_no_draft(client, world, editor):
    """The ledger's queryset is kept per process (views.kept): staff's, which
    holds the drafts, is never handed to a visitor."""
    client.force_login(editor)
    assert "Secret draft exchange" in titles(client.get(ledger(page=1, sort="title")))
    client.logout()

    assert titles(client.get(ledger(page=1, sort="title"))) == PUBLISHED


def test_a_draft_partner_is_not_named_on_cards(client, world):
    html = client.get(ledger(q="victims course")).content.decode()

    assert "Bravo Bureau" in html
    assert "Ghost Partner Draft" not in html


# --- Each filter -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "workshop"}, {"Old border workshop"}),
        ({"kind": ["workshop", "webinar"]}, {"Old border workshop", "Future webinar"}),
        ({"theme": "borders"}, {"Old border workshop", "Running study visit"}),
        ({"region": "asia"}, {"Past victims course"}),
        ({"country": "KEN"}, {"Old border workshop", "Running study visit"}),
        ({"provider": "alpha"}, {"Old border workshop", "Running study visit"}),
        ({"provider": "bravo"}, {"Past victims course"}),
        ({"beneficiary": "bravo"}, {"Old border workshop", "Future webinar"}),
        ({"beneficiary": "alpha"}, {"Past victims course"}),
        ({"provider": "nobody"}, set()),
        ({"year": "2024"}, {"Old border workshop"}),
        ({"format": "online"}, {"Past victims course", "Future webinar"}),
        ({"format": "hybrid"}, {"Running study visit"}),
        ({"when": "upcoming"}, {"Running study visit", "Future webinar"}),
        ({"when": "past"}, {"Old border workshop", "Past victims course"}),
        ({"q": "victims"}, {"Past victims course"}),
        ({"q": "prosecutors"}, {"Past victims course"}),
        ({"project": "bridge"}, {"Old border workshop", "Future webinar"}),
        ({"theme": "victims", "country": "KEN"}, {"Running study visit"}),
    ],
    ids=lambda value: urlencode(value, doseq=True) if isinstance(value, dict) else "",
)
def test_each_filter_narrows_the_ledger(client, world, params, expected):
    response = client.get(ledger(**params))

    assert response.status_code == 200
    assert titles(response) == expected


def test_upcoming_means_not_ended_yet_around_today(client):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    factories.ActivityFactory(
        title_en="Ended yesterday", start_date=today - 3 * day, end_date=today - day
    )
    factories.ActivityFactory(
        title_en="Ends today", start_date=today - 3 * day, end_date=today
    )
    factories.ActivityFactory(
        title_en="Starts tomorrow", start_date=today + day, end_date=today + day
    )

    upcoming = client.get(ledger(when="upcoming"))
    past = client.get(ledger(when="past"))

    assert titles(upcoming) == {"Ends today", "Starts tomorrow"}
    assert titles(past) == {"Ended yesterday"}
    assert facet(upcoming, "when") == {"upcoming": 2, "past": 1}


def test_partner_pages_link_with_provider_and_beneficiary_parameters(client, world):
    """Partner pages link to ``?provider=<slug>`` and ``?beneficiary=<slug>``."""
    response = client.get(ledger(provider="alpha", beneficiary="bravo"))

    assert titles(response) == {"Old border workshop"}
    assert facet_labels(response, "provider")["alpha"] == "Alpha Agency"
    options = {
        option.value: option.selected
        for item in response.context["facets"]
        if item.name == "beneficiary"
        for option in item.options
    }
    assert options["bravo"] is True


def test_a_facet_counts_its_options_as_if_none_of_them_were_chosen(client, world):
    response = client.get(ledger(kind="workshop"))

    # The other kinds stay in the panel with what choosing them would add.
    assert facet(response, "kind") == {
        "workshop": 1,
        "training": 1,
        "study_visit": 1,
        "webinar": 1,
    }
    # Other facets count within the chosen kind.
    assert facet(response, "country") == {"KEN": 1}


def test_partner_facets_name_partners_in_the_visitors_language(client, world):
    world["partners"]["alpha"].name_ru = "Агентство Альфа"
    world["partners"]["alpha"].save()

    english = client.get(ledger("en"))
    russian = client.get(ledger("ru"))

    assert facet_labels(english, "provider")["alpha"] == "Alpha Agency"
    assert facet_labels(russian, "provider")["alpha"] == "Агентство Альфа"


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        (None, "Future webinar"),
        ("newest", "Future webinar"),
        ("oldest", "Old border workshop"),
        ("title", "Future webinar"),
    ],
)
def test_sorting(client, world, sort, first):
    params = {"sort": sort} if sort else {}
    response = client.get(ledger(**params))

    assert response.context["object_list"][0].title == first


def test_title_sort_uses_the_other_language_when_a_title_is_missing(client):
    factories.ActivityFactory(title_en="Beta", title_ru="Бета")
    factories.ActivityFactory(title_en="", title_ru="Zeta", summary_en="")
    factories.ActivityFactory(title_en="Gamma", title_ru="Гамма")

    response = client.get(ledger(sort="title"))

    # Without the fallback the empty English title would come first.
    assert [a.title for a in response.context["object_list"]] == [
        "Beta",
        "Gamma",
        "Zeta",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"sort": "-pk"},
        {"year": "1800"},
        {"country": "kenya"},
        {"provider": "not a slug!"},
        {"provider": [f"p{n}" for n in range(30)]},
        {"q": "x" * 500},
        {"when": "tomorrow"},
    ],
    ids=lambda value: next(iter(value)),
)
def test_invalid_filters_show_a_form_error_and_no_results(client, world, params):
    response = client.get(ledger(**params))

    assert response.status_code == 200
    assert titles(response) == set()
    assert 'class="form-errors"' in response.content.decode()


def test_unknown_parameters_are_ignored(client, world):
    response = client.get(ledger(colour="blue", themes__slug="borders"))

    assert titles(response) == PUBLISHED


def test_a_page_past_the_end_is_not_found(client, world):
    assert client.get(ledger(page="2")).status_code == 404
    assert client.get(ledger(page="abc")).status_code == 404


def test_pagination_keeps_the_filters(client):
    factories.ActivityFactory.create_batch(25, kind=ActivityKind.WEBINAR)

    html = client.get(ledger(kind="webinar")).content.decode()

    assert "Showing 1–20 of 25" in html
    assert 'href="/en/programme/activities/?kind=webinar&amp;page=2"' in html


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_the_first_page_without_filters_shows_what_the_orm_page_shows(
    client, world, who, request, monkeypatch
):
    """The unfiltered first page is read by a compiled query (views.py); its
    cards are those of the ORM's page, drafts for staff only, in the same order."""
    factories.ActivityFactory.create_batch(22, kind=ActivityKind.WEBINAR)
    newest = timezone.localdate() + datetime.timedelta(days=900)
    factories.ActivityFactory(
        title_en="Nowhere in particular",
        title_ru="",
        host_country=None,
        city_en="",
        start_date=newest,
        end_date=newest,
    )
    factories.ActivityFactory(
        title_en="A draft webinar", start_date=newest, end_date=newest, **DRAFT
    )
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    def cards(response) -> str:
        html = response.content.decode()
        return html[html.index('<div class="card-grid">') : html.index("</main>")]

    compiled = client.get(LEDGER)
    also_compiled = client.get(ledger(page=1))
    monkeypatch.setattr(ActivityListView, "unfiltered", lambda view: False)
    through_the_orm = client.get(LEDGER)

    assert cards(compiled) == cards(through_the_orm) == cards(also_compiled)
    assert ("A draft webinar" in cards(compiled)) == (who == "editor")
    assert "Nowhere in particular" in cards(compiled)
    assert len(compiled.context["object_list"]) == 20


def test_the_card_grid_is_each_card_in_turn(world):
    """``activity_cards`` (the ledger's grid) writes what ``activity_card`` does."""
    activities = list(
        Activity.objects.filter(status=Status.PUBLISHED).with_listing_data()
    )
    attach_card_names(activities, user=AnonymousUser())
    for language in ("en", "ru"):
        with translation.override(language):
            options = {"heading": "h3", "summary": True, "partners": True}
            assert activity_cards(activities, themes=True, **options) == "\n".join(
                activity_card(activity, themes=True, **options)
                for activity in activities
            )


def test_empty_states(client, world):
    html = client.get(ledger(kind="in_kind")).content.decode()
    assert "No activities match these filters." in html

    factories.ActivityFactory._meta.model.objects.all().delete()
    html = client.get(ledger()).content.decode()
    assert "No activities have been published yet." in html


def test_cards_show_kind_dates_place_format_partners_themes_and_language(client, world):
    html = client.get(ledger(q="border workshop")).content.decode()

    assert "Workshop</span>" in html
    assert '<time datetime="2024-03-04">' in html
    assert "Kenya" in html
    assert "In person" in html
    assert "Alpha Agency" in html and "Bravo Bureau" in html
    assert "card__arrow" in html
    assert "Border security" in html
    assert ">RU+EN</span>" in html


def test_the_ledger_links_its_calendar_and_ical_feed_with_the_same_filters(
    client, world
):
    html = client.get(ledger(kind="workshop", page="1")).content.decode()

    assert 'href="/en/programme/calendar/?kind=workshop"' in html
    assert 'href="/en/programme/activities.ics?kind=workshop"' in html


# --- Fuzzing ---------------------------------------------------------------------------

KEYS = ["q", "kind", "theme", "region", "country", "provider", "beneficiary"]
KEYS += ["year", "format", "when", "project", "sort", "page", "x", ""]
VALUES = ["workshop", "borders", "africa", "KEN", "alpha", "2025", "online"]
VALUES += ["upcoming", "newest", "title", "-title", "0", "-1", "2", "1e9"]
VALUES += ["99999999999999999999", "x" * 3000, "\x00", "null", "a,b", "%"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.lists(
        st.tuples(
            st.sampled_from(KEYS),
            st.one_of(st.text(max_size=40), st.sampled_from(VALUES)),
        ),
        max_size=6,
    ),
    language=st.sampled_from(["ru", "en"]),
)
def test_any_query_string_gives_a_page_or_a_not_found(client, world, params, language):
    response = client.get(ledger(language) + "?" + urlencode(params))

    assert response.status_code in (200, 404)
    assert b"Traceback" not in response.content


# --- The activity page -------------------------------------------------------------------


def detail(activity, language="en") -> str:
    return f"/{language}/programme/activities/{activity.slug}/"


def test_activity_page_shows_the_exchange_place_format_project_and_ics_link(
    client, world
):
    activity = world["activities"]["old-workshop"]
    activity.city_en = "Mombasa"
    activity.outcomes_en = "<p>A joint checklist.</p>"
    activity.save()

    html = client.get(detail(activity)).content.decode()

    assert "Who shared expertise with whom" in html
    assert 'href="/en/partners/alpha/"' in html
    assert 'href="/en/partners/bravo/"' in html
    assert "Mombasa, Kenya" in re.sub(r"<[^>]+>", "", html)
    assert "In person" in html
    assert "A joint checklist." in html
    assert 'href="/en/programme/projects/bridge/"' in html
    assert 'href="/en/programme/activities/old-workshop.ics"' in html
    assert 'href="/en/programme/activities/">Activities</a>' in html  # breadcrumbs


def test_activity_page_never_names_a_draft_partner_or_links_a_draft_project(
    client, world
):
    activity = world["activities"]["past-course"]
    draft_project = factories.ProjectFactory(
        slug="secret-project", title_en="Secret project", **DRAFT
    )
    activity.project = draft_project
    activity.save()

    html = client.get(detail(activity)).content.decode()

    assert "Bravo Bureau" in html
    assert "Ghost Partner Draft" not in html
    assert "Secret project" not in html


@pytest.mark.parametrize(
    ("participants", "women", "text"),
    [
        (24, 10, "24, of whom 10 women (42%)"),
        (3, 1, "3, of whom 1 woman (33%)"),
        (8, 4, "8, of whom 4 women (50%)"),
        (40, 0, "40, of whom 0 women (0%)"),
    ],
)
def test_participants_with_the_share_of_women(client, participants, women, text):
    activity = factories.ActivityFactory(
        participants=participants, women_participants=women
    )

    html = client.get(detail(activity)).content.decode()

    assert text in html


def test_the_share_of_women_is_hidden_when_unknown(client):
    known_total = factories.ActivityFactory(participants=30, women_participants=None)
    unknown = factories.ActivityFactory(participants=None, women_participants=None)

    html = client.get(detail(known_total)).content.decode()
    assert "<dt>Participants</dt>" in html
    assert "of whom" not in html

    html = client.get(detail(unknown)).content.decode()
    assert "<dt>Participants</dt>" not in html


def test_women_share_rounds_half_up():
    activity = factories.ActivityFactory.build(participants=8, women_participants=1)
    assert women_share(activity) == 13  # 12.5 %
    activity.participants, activity.women_participants = 0, 0
    assert women_share(activity) is None


def test_photo_gallery_is_sized_lazy_and_captioned_in_the_visitors_language(client):
    photo = factories.PhotoFactory(
        caption_en="Opening session", caption_ru="Открытие", credit_en="UNCCT"
    )

    english = client.get(detail(photo.activity, "en")).content.decode()
    russian = client.get(detail(photo.activity, "ru")).content.decode()

    assert 'alt="Opening session"' in english
    assert 'width="64" height="48"' in english
    assert 'loading="lazy"' in english
    assert "<figcaption>" in english and "Photo: UNCCT" in english
    assert 'alt="Открытие"' in russian


@pytest.mark.parametrize("who", ["anonymous", "mission_member", "editor"])
def test_related_resources_are_only_those_the_visitor_may_see(client, who, request):
    activity = factories.ActivityFactory(slug="exchange")
    public = factories.ResourceFactory(title_en="Open handbook")
    missions = factories.ResourceFactory(
        title_en="Mission toolkit", access=Access.MISSIONS
    )
    staff = factories.ResourceFactory(title_en="Internal memo", access=Access.STAFF)
    draft = factories.ResourceFactory(title_en="Unfinished report", **DRAFT)
    for resource in (public, missions, staff, draft):
        resource.activities.add(activity)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    html = client.get(detail(activity)).content.decode()

    assert "Open handbook" in html
    assert "Mission toolkit" in html  # listed to all, with a lock
    assert "badge--lock" in html
    assert ("Internal memo" in html) is (who == "editor")
    assert ("Unfinished report" in html) is (who == "editor")


def test_a_draft_activity_is_not_found_for_visitors(client, world, mission_member):
    draft = world["activities"]["draft"]

    assert client.get(detail(draft)).status_code == 404
    client.force_login(mission_member)
    assert client.get(detail(draft)).status_code == 404


# --- Query counts ------------------------------------------------------------------------


def related_world(n: int):
    """``n`` activities, each with ``n`` themes' worth of partners, photos and resources."""
    themes = factories.ThemeFactory.create_batch(3)
    partners = factories.PartnerFactory.create_batch(n)
    project = factories.ProjectFactory(slug="project")
    activities = []
    for index in range(n):
        activity = factories.ActivityFactory(
            project=project,
            host_country=partners[0].country,
            start_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=index),
            end_date=datetime.date(2025, 1, 3) + datetime.timedelta(days=index),
        )
        activity.themes.set(themes)
        activity.providers.set(partners[: n // 2])
        activity.beneficiaries.set(partners[n // 2 :])
        activities.append(activity)
    target = activities[-1]
    for _ in range(n):
        factories.PhotoFactory(activity=target)
        factories.ResourceFactory().activities.add(target)
    return target


@pytest.mark.parametrize("n", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "mission_member"])
@pytest.mark.parametrize(
    ("path", "queries"),
    [
        (LEDGER, 2),
        (LEDGER + "?kind=workshop&theme={theme}&sort=title&when=past", 2),
        ("/en/programme/activities/{activity}/", 4),
        ("/ru/programme/activities/{activity}/", 4),
    ],
)
def test_ledger_and_activity_pages_run_at_most_ten_queries(
    client, django_assert_max_num_queries, request, n, who, path, queries
):
    """The same bound with 5 and with 50 activities, partners, photos, resources
    (at most ten, as every page; pinned lower, plus session and user when signed in).

    One warm-up request first: the taxonomy choices, the menu and the facets are
    cached.
    """
    activity = related_world(n)
    path = path.format(activity=activity.slug, theme=activity.themes.first().slug)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    client.get(path)

    with django_assert_max_num_queries(queries + (2 if who != "anonymous" else 0)):
        response = client.get(path)

    assert response.status_code == 200
