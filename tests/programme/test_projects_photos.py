"""Project pages and the photo archive, from the outside."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}
PHOTOS = "/en/programme/photos/"


def activity_titles(html: str) -> list[str]:
    return re.findall(
        r'<h3 class="card__title"><a href="[^"]+"(?: lang="\w+")?>([^<]+)</a>', html
    )


# --- Project pages ---------------------------------------------------------------------


@pytest.fixture
def project():
    project = factories.ProjectFactory(slug="bridge", title_en="Bridge project")
    themes = [
        factories.ThemeFactory(name_en="Border security"),
        factories.ThemeFactory(name_en="Victims"),
    ]
    project.themes.set(themes)
    project.regions.set([factories.RegionFactory(name_en="Africa")])
    project.partners.set(
        [
            factories.PartnerFactory(slug="alpha", name_en="Alpha Agency"),
            factories.PartnerFactory(name_en="Ghost Partner Draft", **DRAFT),
        ]
    )
    for month in (1, 3, 2):
        factories.ActivityFactory(
            project=project,
            title_en=f"Exchange in month {month}",
            start_date=datetime.date(2025, month, 1),
            end_date=datetime.date(2025, month, 2),
        )
    factories.ActivityFactory(
        project=project, title_en="Secret draft exchange", **DRAFT
    )
    factories.ActivityFactory(title_en="Another project's exchange")
    return project


def project_titles(html: str) -> list[str]:
    return re.findall(
        r'<h2 class="card__title"><a href="[^"]+"(?: lang="\w+")?>([^<]+)</a>', html
    )


def test_the_programme_lists_published_projects_newest_first_with_their_themes(
    client, editor
):
    """The first page is read by compiled queries (views.PROJECT_FIRST_PAGE), the
    others through the ORM; both name each project's themes in their order.
    Staff's reads are kept apart: a visitor after them sees no draft."""
    late = factories.ThemeFactory(name_en="Victims", order=2)
    early = factories.ThemeFactory(name_en="Borders", order=1)
    for year in range(2001, 2023):
        project = factories.ProjectFactory(
            title_en=f"Project of {year}",
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year, 12, 31),
        )
        project.themes.set([late, early])
    factories.ProjectFactory(
        title_en="Secret draft project",
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2030, 12, 31),
        **DRAFT,
    )
    client.force_login(editor)
    assert "Secret draft project" in client.get("/en/programme/").content.decode()
    client.logout()

    first = client.get("/en/programme/").content.decode()
    second = client.get("/en/programme/?page=2").content.decode()

    assert project_titles(first) == [f"Project of {y}" for y in range(2022, 2002, -1)]
    assert project_titles(second) == ["Project of 2002", "Project of 2001"]
    for html in (first, second):
        assert html.count("<li>Borders</li><li>Victims</li>") == html.count(
            'class="card__title"'
        )
    assert "Secret draft project" not in first


def test_project_page_lists_its_published_activities_newest_first(client, project):
    html = client.get("/en/programme/projects/bridge/").content.decode()

    assert activity_titles(html) == [
        "Exchange in month 3",
        "Exchange in month 2",
        "Exchange in month 1",
    ]
    assert "Secret draft exchange" not in html
    assert "All 3 activities of this project in the ledger" in html
    assert 'href="/en/programme/activities/?project=bridge"' in html


def test_staff_see_the_projects_drafts_listed_and_counted(client, project, editor):
    client.force_login(editor)

    html = client.get("/en/programme/projects/bridge/").content.decode()

    assert "Secret draft exchange" in html
    assert "All 4 activities of this project in the ledger" in html


def test_a_visitor_after_staff_sees_the_projects_published_activities_only(
    client, project, editor
):
    """A project page's reads are compiled once per process (views.PROJECT_*),
    staff's apart: a visitor never gets staff's drafts nor count."""
    client.force_login(editor)
    assert (
        "Secret draft exchange"
        in client.get("/en/programme/projects/bridge/").content.decode()
    )
    client.logout()

    html = client.get("/en/programme/projects/bridge/").content.decode()

    assert "Secret draft exchange" not in html
    assert "All 3 activities of this project in the ledger" in html


def test_project_page_shows_themes_regions_and_visible_partners(client, project):
    html = client.get("/en/programme/projects/bridge/").content.decode()

    assert "Border security" in html and "Victims" in html
    assert "Africa" in html
    assert 'href="/en/partners/alpha/"' in html
    assert "Ghost Partner Draft" not in html


def test_project_page_shows_a_dozen_activities_and_links_the_rest(client):
    project = factories.ProjectFactory(slug="big")
    factories.ActivityFactory.create_batch(15, project=project)

    html = client.get("/en/programme/projects/big/").content.decode()

    assert len(activity_titles(html)) == 12
    assert "All 15 activities of this project in the ledger" in html


def test_the_ledger_filtered_by_project_holds_all_of_its_activities(client, project):
    response = client.get("/en/programme/activities/?project=bridge")

    assert response.context["paginator"].count == 3


def test_a_project_without_activities_says_so(client):
    factories.ProjectFactory(slug="empty")

    html = client.get("/en/programme/projects/empty/").content.decode()

    assert "No activities of this project have been published yet." in html


def test_a_draft_project_is_not_found_for_visitors(client, mission_member):
    factories.ProjectFactory(slug="draft", **DRAFT)

    assert client.get("/en/programme/projects/draft/").status_code == 404
    client.force_login(mission_member)
    assert client.get("/en/programme/projects/draft/").status_code == 404


# --- Photo archive -------------------------------------------------------------------------


@pytest.fixture
def photos():
    shown = factories.ActivityFactory(slug="shown", title_en="Shown workshop")
    hidden = factories.ActivityFactory(
        slug="hidden", title_en="Secret draft exchange", **DRAFT
    )
    return {
        "of_activity": factories.PhotoFactory(
            activity=shown,
            caption_en="Opening session",
            credit_en="UNCCT / A. Photographer",
            taken_on=datetime.date(2025, 3, 10),
        ),
        "archive": factories.PhotoFactory(
            activity=None,
            caption_en="Archive picture",
            taken_on=datetime.date(2023, 6, 1),
        ),
        "of_draft": factories.PhotoFactory(
            activity=hidden,
            caption_en="Draft activity picture",
            taken_on=datetime.date(2025, 4, 1),
        ),
    }


@pytest.mark.parametrize("who", ["anonymous", "mission_member"])
def test_the_archive_hides_photos_of_unpublished_activities(
    client, photos, who, request
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    response = client.get(PHOTOS)
    html = response.content.decode()

    assert "Opening session" in html
    assert "Archive picture" in html
    assert "Draft activity picture" not in html
    assert "Secret draft exchange" not in html
    assert response.context["paginator"].count == 2
    years = {
        option.value: option.count
        for facet in response.context["facets"]
        for option in facet.options
    }
    assert years == {"2025": 1, "2023": 1}


def test_staff_see_every_photo(client, photos, editor):
    client.force_login(editor)

    html = client.get(PHOTOS).content.decode()

    assert "Draft activity picture" in html


def test_photos_have_captions_credits_dates_and_links_to_their_activities(
    client, photos
):
    html = client.get(PHOTOS).content.decode()

    assert 'alt="Opening session"' in html
    assert 'width="64" height="48"' in html
    assert 'loading="lazy"' in html
    assert "Photo: UNCCT / A. Photographer" in html
    assert '<time datetime="2025-03-10">' in html
    assert 'href="/en/programme/activities/shown/"' in html


def test_a_visitor_after_staff_still_sees_no_photo_of_a_draft(client, photos, editor):
    """The archive's queryset is kept per process (views.kept): staff's, which
    holds every photo, is never handed to a visitor."""
    client.force_login(editor)
    assert (
        "Draft activity picture" in client.get(PHOTOS + "?year=2025").content.decode()
    )
    client.logout()

    html = client.get(PHOTOS + "?year=2025").content.decode()

    assert "Opening session" in html
    assert "Draft activity picture" not in html


def test_the_archive_filters_by_year(client, photos):
    response = client.get(PHOTOS + "?year=2023")

    assert [photo.caption for photo in response.context["object_list"]] == [
        "Archive picture"
    ]


def test_the_archive_paginates_and_a_page_past_the_end_is_not_found(client):
    factories.PhotoFactory.create_batch(30, activity=None)

    html = client.get(PHOTOS).content.decode()
    assert "Showing 1–24 of 30" in html
    assert client.get(PHOTOS + "?page=2").status_code == 200
    assert client.get(PHOTOS + "?page=3").status_code == 404


@pytest.mark.parametrize("query", ["year=1800", "year=abcd", "year=2025&year=x"])
def test_a_bad_year_is_a_form_error(client, photos, query):
    response = client.get(PHOTOS + "?" + query)

    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.lists(
        st.tuples(
            st.sampled_from(["year", "page", "sort", "x", ""]),
            st.one_of(
                st.text(max_size=40),
                st.sampled_from(["2025", "1", "2", "-1", "x" * 3000, "\x00"]),
            ),
        ),
        max_size=5,
    ),
    language=st.sampled_from(["ru", "en"]),
)
def test_any_query_string_gives_a_photo_page_or_a_not_found(
    client, photos, params, language
):
    response = client.get(f"/{language}/programme/photos/?{urlencode(params)}")

    assert response.status_code in (200, 404)
    assert b"Traceback" not in response.content
    assert b"Draft activity picture" not in response.content


# --- Query counts ------------------------------------------------------------------------


def project_world(n: int):
    project = factories.ProjectFactory(slug="project")
    themes = factories.ThemeFactory.create_batch(3)
    partners = factories.PartnerFactory.create_batch(n)
    project.themes.set(themes)
    project.regions.set(factories.RegionFactory.create_batch(3))
    project.partners.set(partners)
    for _ in range(n):
        activity = factories.ActivityFactory(project=project)
        activity.themes.set(themes)
        activity.providers.set(partners[:2])
        factories.PhotoFactory(activity=activity, taken_on=datetime.date(2025, 1, 1))
        factories.PhotoFactory(activity=None, taken_on=datetime.date(2024, 1, 1))
    return project


@pytest.mark.parametrize("n", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "mission_member"])
@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/en/programme/", 3),
        ("/en/programme/projects/project/", 3),
        ("/ru/programme/projects/project/", 3),
        (PHOTOS, 1),
        (PHOTOS + "?year=2025", 1),
    ],
)
def test_project_and_photo_pages_run_at_most_ten_queries(
    client, django_assert_max_num_queries, request, n, who, path, queries
):
    """The same bound with 5 and with 50 activities, partners and photos (at most
    ten, as every page; pinned lower, plus session and user when signed in).

    One warm-up request first: the taxonomy choices, the menu and the facets are
    cached.
    """
    project_world(n)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    client.get(path)

    with django_assert_max_num_queries(queries + (2 if who != "anonymous" else 0)):
        response = client.get(path)

    assert response.status_code == 200


def test_a_deep_archive_page_is_read_by_offset(client, monkeypatch):
    """Photos have no slug: from ``DEFERRED_JOIN_FROM`` rows in, a page is read
    by OFFSET, not by the slugs of its rows (which was a server error)."""
    monkeypatch.setattr("portal.generic.DEFERRED_JOIN_FROM", 2)
    for day in range(1, 31):
        factories.PhotoFactory(
            activity=None,
            caption_en=f"Picture {day:02}",
            taken_on=datetime.date(2024, 1, day),
        )

    response = client.get(PHOTOS + "?page=2")

    assert response.status_code == 200
    assert [photo.caption for photo in response.context["object_list"]] == [
        f"Picture {day:02}" for day in range(6, 0, -1)
    ]


def test_the_archive_falls_back_to_the_other_language(client):
    """Read as plain rows, a photo still shows the other language's caption,
    credit and activity title when the page's is empty, marked with ``lang``."""
    activity = factories.ActivityFactory(
        slug="only-russian", title_ru="Семинар", title_en=""
    )
    factories.PhotoFactory(
        activity=activity,
        caption_ru="Открытие",
        caption_en="",
        credit_ru="Фотограф",
        credit_en="",
        taken_on=datetime.date(2025, 5, 5),
    )

    for path in (PHOTOS, PHOTOS + "?year=2025"):
        html = client.get(path).content.decode()
        assert 'alt="Открытие" lang="ru"' in html
        assert "Photo: Фотограф" in html
        assert (
            'href="/en/programme/activities/only-russian/" lang="ru">Семинар</a>'
            in html
        )
