"""The site shell: languages, base template, home, error pages and access rules.

The Russian catalogue is made later, so these tests check what does not depend on
it: ``lang`` attributes, addresses, hreflang links and content in each language.
"""

import datetime
import html as html_module
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation

from portal import views
from portal.publishing import Status
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["ru", "en"]


def html_lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    return match.group(1) if match else ""


def switcher_links(response) -> dict[str, str]:
    """hreflang -> href of the language switcher's links."""
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        hreflang: html_module.unescape(href)
        for href, hreflang in re.findall(
            r'<a href="([^"]*)" lang="[a-z]+" hreflang="([a-z]+)"', nav
        )
    }


def alternates(response) -> dict[str, str]:
    html = response.content.decode()
    pattern = r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">'
    return dict(re.findall(pattern, html))


@pytest.fixture
def about_page():
    return factories.PageFactory(
        slug="about",
        title_ru="О программе",
        title_en="About the programme",
        summary_ru="Страны Юга обмениваются опытом как равные партнёры.",
        summary_en="Countries of the South exchange expertise as equal partners.",
        body_ru="<p>Подробный рассказ о программе.</p>",
        body_en="<p>The programme in detail.</p>",
        show_in_menu=True,
    )


@pytest.fixture
def partner():
    return factories.PartnerFactory(
        slug="kenya-ncc",
        name_ru="Национальный центр Кении",
        name_en="Kenya National Centre",
    )


# --- Home, about and 404 in both languages ---------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_in_each_language(client, about_page, lang):
    response = client.get(f"/{lang}/")

    assert response.status_code == 200
    assert html_lang(response) == lang
    html = response.content.decode()
    assert getattr(about_page, f"summary_{lang}") in html
    assert 'class="skip-link" href="#content"' in html
    assert '<main id="content"' in html
    assert html.count("<h1") == 1
    assert 'role="search"' in html
    assert f'action="/{lang}/search/"' in html
    assert '<label class="visually-hidden" for="site-search">' in html
    # The principle of South-South cooperation, quoted in a figure.
    assert "<blockquote>" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_has_hreflang_alternates_and_canonical(client, settings, lang):
    settings.SITE_URL = "https://portal.example.org"

    response = client.get(f"/{lang}/")

    assert alternates(response) == {
        "ru": "https://portal.example.org/ru/",
        "en": "https://portal.example.org/en/",
        "x-default": "https://portal.example.org/",
    }
    html = response.content.decode()
    assert f'<link rel="canonical" href="https://portal.example.org/{lang}/">' in html
    assert '<meta name="description" content="' in html
    assert '<meta property="og:title" content="' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_about_page_in_each_language(client, about_page, lang):
    response = client.get(f"/{lang}/about/")

    assert response.status_code == 200
    assert html_lang(response) == lang
    html = response.content.decode()
    assert f"<h1>{getattr(about_page, f'title_{lang}')}</h1>" in html
    assert getattr(about_page, f"body_{lang}") in html
    assert f'href="/{lang}/about/" aria-current="page">' in html  # main navigation
    assert "notice--fallback" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_page_in_the_visitors_language(client, lang):
    response = client.get(f"/{lang}/partners/no-such-partner/")

    assert response.status_code == 404
    assert html_lang(response) == lang
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="main-nav"' in html  # rendered through the base template
    assert 'rel="canonical"' not in html
    # The switcher still offers the same address in the other language.
    other = "en" if lang == "ru" else "ru"
    assert switcher_links(response)[other] == f"/{other}/partners/no-such-partner/"


def test_not_found_page_for_a_path_that_matches_nothing_links_to_the_homes(client):
    response = client.get("/en/no/such/page/")

    assert response.status_code == 404
    assert switcher_links(response) == {"ru": "/ru/", "en": "/en/no/such/page/"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_server_error_page_renders_without_context_processors(lang):
    request = RequestFactory().get(f"/{lang}/")
    with translation.override(lang):
        response = views.server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    other = "en" if lang == "ru" else "ru"
    assert f'<section lang="{other}">' in html
    assert f'href="/{lang}/"' in html
    assert f'href="/{other}/"' in html
    assert "<link" not in html  # self-contained: no stylesheet that could fail


# --- The root redirect and bad input ---------------------------------------------


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("en-US,en;q=0.9", "/en/"),
        ("en-GB,en;q=0.9,ru;q=0.5", "/en/"),
        ("de-DE,de;q=0.9,en;q=0.5", "/en/"),
        ("fr-FR", "/ru/"),
        ("xx-YY", "/ru/"),
        (";;;q=abc,,", "/ru/"),
        ("", "/ru/"),
        ("*", "/ru/"),
        ("en;q=" + "9" * 500, "/ru/"),
    ],
)
def test_root_redirects_by_accept_language(client, header, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)

    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_root_redirect_without_accept_language_goes_to_russian(client):
    response = client.get("/")

    assert response["Location"] == "/ru/"


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/zz/partners/",
        "/de/partners/kenya-ncc/",
        "/ru/partners/%ff/",
        "/ru/partners/%00/",
        "/ru//",
        "/ru/partners//",
        "/ru/" + "a" * 5000,
        "/en/partners/" + "x" * 3000 + "/",
        "/ru/resources/?page=abc",
        "/ru/resources/?page=99999",
        "/ru/partners/?page=-1",
        "/ru/%D0%BF%D0%B0%D1%80%D1%82%D0%BD%D1%91%D1%80%D1%8B/",
    ],
)
def test_unknown_prefixes_and_malformed_paths_never_fail(client, partner, path):
    # The test client re-raises any exception in a view, so a 500 fails here.
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="%%%;q=x")

    assert response.status_code in (301, 302, 404)
    if response.status_code == 404:
        assert html_lang(response) in LANGUAGES


# --- The language switcher --------------------------------------------------------


def test_switcher_on_a_partner_page_points_to_the_same_partner(client, partner):
    response = client.get("/ru/partners/kenya-ncc/")

    assert response.status_code == 200
    assert switcher_links(response) == {
        "ru": "/ru/partners/kenya-ncc/",
        "en": "/en/partners/kenya-ncc/",
    }
    html = response.content.decode()
    assert (
        '<a href="/ru/partners/kenya-ncc/" lang="ru" hreflang="ru" aria-current="true">'
        in html
    )
    english = client.get(switcher_links(response)["en"])
    assert english.status_code == 200
    assert html_lang(english) == "en"
    assert "Kenya National Centre" in english.content.decode()


def test_switcher_keeps_the_query_string(client):
    factories.ResourceFactory.create_batch(3)

    response = client.get("/en/resources/?page=1&q=water")

    assert switcher_links(response)["ru"] == "/ru/resources/?page=1&q=water"


def test_partner_page_has_absolute_hreflang_alternates(client, settings, partner):
    settings.SITE_URL = "https://portal.example.org"

    response = client.get("/en/partners/kenya-ncc/")

    assert alternates(response) == {
        "ru": "https://portal.example.org/ru/partners/kenya-ncc/",
        "en": "https://portal.example.org/en/partners/kenya-ncc/",
        "x-default": "https://portal.example.org/ru/partners/kenya-ncc/",
    }


def test_main_navigation_marks_the_current_section(client, partner):
    html = client.get("/en/partners/kenya-ncc/").content.decode()

    assert re.search(r'href="/en/partners/" aria-current="true">', html)
    assert 'href="/en/resources/">' in html  # other sections are not marked

    html = client.get("/en/partners/").content.decode()
    assert re.search(r'href="/en/partners/" aria-current="page">', html)


# --- Translation fallback ---------------------------------------------------------


def test_fallback_notice_when_the_english_text_is_missing(client):
    factories.PartnerFactory(
        slug="only-russian",
        name_ru="Только по-русски",
        name_en="",
        summary_en="",
    )

    response = client.get("/en/partners/only-russian/")

    html = response.content.decode()
    assert "This page is not yet available in English" in html
    assert '<h1 lang="ru">Только по-русски</h1>' in html
    assert 'aria-current="page" lang="ru">' in html  # the breadcrumb


def test_no_fallback_notice_in_the_language_that_exists(client):
    factories.PartnerFactory(slug="only-russian", name_en="", summary_en="")

    html = client.get("/ru/partners/only-russian/").content.decode()

    assert "notice--fallback" not in html
    assert "<h1>" in html


def test_fallback_notice_the_other_way_round(client):
    factories.ResourceFactory(
        slug="english-only", title_ru="", summary_ru="", title_en="English only"
    )

    html = client.get("/ru/resources/english-only/").content.decode()

    assert "notice--fallback" in html
    assert '<h1 lang="en">English only</h1>' in html


def test_cards_show_language_badges_and_lang_of_fallback_titles(client):
    factories.ResourceFactory(title_en="Both languages")
    factories.ResourceFactory(title_ru="Только русский", title_en="", summary_en="")

    html = client.get("/en/resources/").content.decode()

    assert ">RU+EN</span>" in html
    assert ">RU</span>" in html
    assert 'lang="ru">Только русский</a>' in html


# --- Lists and details ------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/ru/partners/",
        "/en/programme/",
        "/en/programme/activities/",
        "/ru/programme/photos/",
        "/en/resources/",
    ],
)
def test_empty_lists_say_so(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()


def test_list_pages_paginate_with_counts(client):
    factories.ResourceFactory.create_batch(25)

    html = client.get("/en/resources/").content.decode()
    assert "Showing 1–20 of 25" in html
    assert 'href="/en/resources/?page=2" rel="next"' in html

    html = client.get("/en/resources/?page=2").content.decode()
    assert "Showing 21–25 of 25" in html
    assert 'href="/en/resources/" rel="prev"' in html


def test_missions_resource_is_listed_with_a_lock_but_its_body_is_closed(
    client, mission_member
):
    factories.ResourceFactory(
        slug="restricted",
        access=Access.MISSIONS,
        body_en="<p>Only for missions.</p>",
    )

    listing = client.get("/en/resources/").content.decode()
    assert "badge--lock" in listing

    detail = client.get("/en/resources/restricted/").content.decode()
    assert "A short description of the resource." in detail
    assert "Only for missions." not in detail
    assert "access-box--locked" in detail

    client.force_login(mission_member)
    detail = client.get("/en/resources/restricted/").content.decode()
    assert "Only for missions." in detail


def test_staff_resource_is_not_found_for_anonymous_and_mission_members(
    client, mission_member, editor
):
    factories.ResourceFactory(slug="internal", access=Access.STAFF)

    assert client.get("/en/resources/internal/").status_code == 404
    client.force_login(mission_member)
    assert client.get("/en/resources/internal/").status_code == 404
    client.force_login(editor)
    assert client.get("/en/resources/internal/").status_code == 200


@pytest.mark.parametrize(
    ("factory", "path"),
    [
        (factories.PartnerFactory, "/en/partners/draft-item/"),
        (factories.ProjectFactory, "/en/programme/projects/draft-item/"),
        (factories.ActivityFactory, "/en/programme/activities/draft-item/"),
        (factories.ResourceFactory, "/en/resources/draft-item/"),
        (factories.PageFactory, "/en/pages/draft-item/"),
    ],
)
def test_draft_is_not_found_for_anonymous_but_previewed_by_staff(
    client, editor, factory, path
):
    factory(slug="draft-item", status=Status.DRAFT, published_at=None)

    assert client.get(path).status_code == 404

    client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "notice--draft" in response.content.decode()


def test_sign_in_and_sign_out(client, editor):
    html = client.get("/en/partners/").content.decode()
    assert 'href="/en/accounts/login/?next=/en/partners/"' in html

    client.force_login(editor)
    html = client.get("/en/partners/").content.decode()
    assert '<form action="/en/accounts/logout/" method="post"' in html
    assert "csrfmiddlewaretoken" in html


def test_activity_page_lists_only_visible_partners(client):
    shown = factories.PartnerFactory(name_en="Shown provider")
    hidden = factories.PartnerFactory(
        name_en="Hidden provider", status=Status.DRAFT, published_at=None
    )
    activity = factories.ActivityFactory(slug="exchange")
    activity.providers.add(shown, hidden)

    html = client.get("/en/programme/activities/exchange/").content.decode()

    assert "Shown provider" in html
    assert "Hidden provider" not in html


# --- Query counts -----------------------------------------------------------------


@pytest.fixture
def rich_content(about_page):
    """A few of everything, linked together, so that N+1 lookups would show."""
    themes = factories.ThemeFactory.create_batch(3)
    today = timezone.localdate()
    partners = factories.PartnerFactory.create_batch(8)
    for partner in partners:
        partner.offers.set(themes)
        partner.seeks.set(themes[:1])
    project = factories.ProjectFactory(slug="project")
    project.themes.set(themes)
    project.partners.set(partners[:3])
    for offset in (-60, -30, -10, 10, 30, 60):
        activity = factories.ActivityFactory(
            start_date=today + datetime.timedelta(days=offset),
            end_date=today + datetime.timedelta(days=offset + 2),
            host_country=partners[0].country,
            project=project,
        )
        activity.themes.set(themes)
        activity.providers.set(partners[:2])
        activity.beneficiaries.set(partners[2:4])
    for access in (Access.PUBLIC, Access.MISSIONS, Access.STAFF) * 3:
        resource = factories.ResourceFactory(access=access)
        resource.themes.set(themes)
    return {"partners": partners, "project": project, "activity": activity}


def test_home_page_runs_a_fixed_small_number_of_queries(
    client, rich_content, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r'class="card[ "]', html)) == 3 + 3 + 4 + 6


@pytest.mark.parametrize(
    "path",
    [
        "/en/partners/",
        "/en/partners/{partner}/",
        "/en/programme/",
        "/en/programme/projects/project/",
        "/en/programme/activities/",
        "/en/programme/activities/{activity}/",
        "/en/programme/photos/",
        "/en/resources/",
        "/en/resources/{resource}/",
        "/en/about/",
    ],
)
def test_list_and_detail_pages_run_a_fixed_number_of_queries(
    client, rich_content, django_assert_max_num_queries, path
):
    """At most 10 queries, after one warm-up request fills the menu and taxonomy caches."""
    path = path.format(
        partner=rich_content["partners"][0].slug,
        activity=rich_content["activity"].slug,
        resource=factories.ResourceFactory(slug="one-resource").slug,
    )
    client.get(path)
    with django_assert_max_num_queries(10):
        response = client.get(path)

    assert response.status_code == 200


# --- Health, robots ---------------------------------------------------------------


def test_healthz_answers_when_the_database_does(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_robots_txt_is_served(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()


def test_home_lists_what_each_reader_may_see_and_splits_exchanges_by_today(as_user):
    """The home page's lists are compiled once per process (``portal.home``): a
    staff-only resource shows to staff only, whoever asked first; an exchange
    ending today is still upcoming."""
    factories.ResourceFactory(title_en="Open handbook", access=Access.PUBLIC)
    factories.ResourceFactory(title_en="Internal memo", access=Access.STAFF)
    today = timezone.localdate()
    factories.ActivityFactory(
        title_en="Ends today",
        start_date=today - datetime.timedelta(days=3),
        end_date=today,
    )
    factories.ActivityFactory(
        title_en="Ended yesterday",
        start_date=today - datetime.timedelta(days=3),
        end_date=today - datetime.timedelta(days=1),
    )

    for who in ("editor", "anonymous", "member", "editor"):
        html = as_user(who).get("/en/").content.decode()
        assert "Open handbook" in html
        assert ("Internal memo" in html) is (who == "editor")
    html = as_user("anonymous").get("/en/").content.decode()
    upcoming = html[html.index('id="upcoming-title"') : html.index('id="recent-title"')]
    recent = html[html.index('id="recent-title"') :]
    assert "Ends today" in upcoming and "Ends today" not in recent
    assert "Ended yesterday" in recent and "Ended yesterday" not in upcoming


def test_the_frame_kept_per_process_never_carries_one_request_into_another(as_user):
    """Header and footer pieces are kept once rendered (the "frame" cache); what
    depends on the request must not be: the search text, the sign-in link's return
    address, the current section, the language, the signed-in links."""
    visitor = as_user("anonymous")
    first = visitor.get("/en/search/?q=alpha").content.decode()
    second = visitor.get("/en/search/?q=beta").content.decode()
    assert 'name="q" value="alpha"' in first and 'name="q" value="beta"' in second
    assert "next=/en/search/%3Fq%3Dbeta" in second

    resources = visitor.get("/en/resources/").content.decode()
    partners = visitor.get("/en/partners/").content.decode()
    assert 'href="/en/resources/" aria-current="page">' in resources
    assert 'href="/en/partners/" aria-current="page">' in partners
    assert 'href="/en/resources/" aria-current' not in partners

    russian = visitor.get("/ru/partners/").content.decode()
    assert 'href="/ru/feeds/resources.rss"' in russian
    assert 'href="/en/feeds/resources.rss"' not in russian
    assert "/en/subscribe/mine/" not in partners

    member = as_user("member").get("/en/partners/").content.decode()
    assert "Sign out" in member and "next=/en/partners/" not in member
    assert "/en/subscribe/mine/" in member
