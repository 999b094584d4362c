"""The resource library from the outside: list, facets, filters, sorting, details.

Every assertion goes through URLs, as each kind of reader: an anonymous visitor,
a signed-in user without a mission, a mission member and an editor (staff).
"""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.publishing import Status
from resources.models import Access, Resource, ResourceKind
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a test document\n" + b"x" * 2000 + b"\n%%EOF\n"


def attach(resource: Resource, code: str, *, name: str = "doc.pdf", data=PDF):
    getattr(resource, f"document_{code}").save(name, ContentFile(data), save=True)
    return resource


def library(client, page_language="en", /, **params) -> str:
    with translation.override(page_language):
        url = reverse("resources:list")
    query = urlencode(params, doseq=True)
    return f"{url}?{query}" if query else url


def detail(resource, language="en") -> str:
    with translation.override(language):
        return resource.get_absolute_url()


def titles(response) -> list[str]:
    return [resource.title for resource in response.context["object_list"]]


def facet_counts(response) -> dict[str, dict[str, int]]:
    return {
        facet.name: {option.value: option.count for option in facet.options}
        for facet in response.context["facets"]
    }


@pytest.fixture
def collection(db):
    """A public, a missions, a staff and a draft resource, with their own terms.

    The staff and draft items each carry a theme, a country and a year that
    nothing else has, so any leak shows up in the facets.
    """
    region = factories.RegionFactory(slug="africa", name_en="Africa")
    shared = factories.ThemeFactory(slug="border-security", name_en="Border security")
    secret_theme = factories.ThemeFactory(slug="secret-theme", name_en="Secret theme")
    draft_theme = factories.ThemeFactory(slug="draft-theme", name_en="Draft theme")
    kenya = factories.CountryFactory(iso3="KEN", name_en="Kenya", region=region)
    secret_country = factories.CountryFactory(iso3="ZSC", region=region)

    public = factories.ResourceFactory(
        slug="public-handbook",
        kind=ResourceKind.TOOLKIT,
        title_en="Public handbook",
        summary_en="Open to all readers.",
        published_on=datetime.date(2025, 3, 1),
    )
    public.themes.add(shared)
    public.regions.add(region)
    public.countries.add(kenya)
    attach(public, "ru")
    attach(public, "en")

    missions = factories.ResourceFactory(
        slug="missions-study",
        access=Access.MISSIONS,
        title_en="Missions study",
        summary_en="A summary everyone may read.",
        body_en="<p>Body for missions only.</p>",
        published_on=datetime.date(2024, 6, 1),
    )
    missions.themes.add(shared)
    missions.countries.add(kenya)
    attach(missions, "en")

    staff = factories.ResourceFactory(
        slug="staff-evaluation",
        access=Access.STAFF,
        kind=ResourceKind.LEGAL_INSTRUMENT,
        title_en="Internal staff evaluation",
        summary_en="Internal staff summary.",
        published_on=datetime.date(2019, 1, 1),
    )
    staff.themes.add(shared, secret_theme)
    staff.countries.add(secret_country)
    attach(staff, "ru")

    draft = factories.ResourceFactory(
        slug="draft-guide",
        status=Status.DRAFT,
        published_at=None,
        kind=ResourceKind.VIDEO,
        title_en="Unfinished draft guide",
        summary_en="Draft summary.",
        published_on=datetime.date(2018, 1, 1),
    )
    draft.themes.add(draft_theme)
    return {"public": public, "missions": missions, "staff": staff, "draft": draft}


# ---------- Who sees what in the list ----------

SEEN_BY = {
    "anonymous": {"Public handbook", "Missions study"},
    "plain": {"Public handbook", "Missions study"},
    "member": {"Public handbook", "Missions study"},
    "editor": {
        "Public handbook",
        "Missions study",
        "Internal staff evaluation",
        "Unfinished draft guide",
    },
}


@pytest.mark.parametrize("who", list(SEEN_BY))
def test_the_list_shows_each_reader_what_they_may_see(as_user, collection, who):
    client = as_user(who)
    response = client.get(library(client))
    assert response.status_code == 200
    assert set(titles(response)) == SEEN_BY[who]
    assert response.context["paginator"].count == len(SEEN_BY[who])
    html = response.content.decode()
    if who != "editor":
        for secret in ("Internal staff", "staff-evaluation", "Unfinished draft"):
            assert secret not in html
        for secret in ("Internal staff summary", "Draft summary", "secret-theme"):
            assert secret not in html


@pytest.mark.parametrize("who", ["anonymous", "plain", "member"])
def test_staff_and_draft_items_are_never_counted_in_facets(as_user, collection, who):
    client = as_user(who)
    counts = facet_counts(client.get(library(client)))
    assert counts["access"] == {"public": 1, "missions": 1}
    assert "secret-theme" not in counts["theme"]
    assert "draft-theme" not in counts["theme"]
    assert counts["theme"] == {"border-security": 2}
    assert counts["country"] == {"KEN": 2}
    assert set(counts["year"]) == {"2025", "2024"}
    assert "legal" not in counts["kind"] and "video" not in counts["kind"]
    # Asking for the staff level outright is refused, not answered.
    response = client.get(library(client, access="staff"))
    assert titles(response) == []
    assert response.context["filter"].errors


def test_staff_see_the_staff_level_and_every_item_in_the_facets(as_user, collection):
    client = as_user("editor")
    counts = facet_counts(client.get(library(client)))
    assert counts["access"] == {"public": 2, "missions": 1, "staff": 1}
    assert counts["theme"]["secret-theme"] == 1
    response = client.get(library(client, access="staff"))
    assert titles(response) == ["Internal staff evaluation"]


@pytest.mark.parametrize("who", list(SEEN_BY))
def test_each_facet_count_equals_the_results_of_choosing_it(as_user, collection, who):
    client = as_user(who)
    response = client.get(library(client))
    for facet in response.context["facets"]:
        for option in facet.options:
            chosen = client.get(library(client, **{facet.name: option.value}))
            assert chosen.status_code == 200
            assert chosen.context["paginator"].count == option.count, (
                facet.name,
                option.value,
            )


@pytest.mark.parametrize(
    "state",
    [
        {"theme": "border-security"},
        {"country": "KEN", "language": "en"},
        {"kind": ["publication", "toolkit"], "year": "2025", "access": "public"},
        {"q": "study", "theme": "border-security"},
    ],
)
@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_a_facet_counts_what_choosing_an_option_instead_would_give(
    as_user, collection, who, state
):
    """Each facet is counted with the other facets applied, not itself: an
    option's count is the number of results if it replaced that facet's choice."""
    client = as_user(who)
    response = client.get(library(client, **state))
    for facet in response.context["facets"]:
        for option in facet.options:
            instead = {**state, facet.name: option.value}
            chosen = client.get(library(client, **instead))
            assert chosen.context["paginator"].count == option.count, (
                facet.name,
                option.value,
            )


def test_a_missions_item_is_listed_with_its_lock_and_summary(client, collection):
    html = client.get(library(client)).content.decode()
    card = html[html.index("Missions study") :]
    card = card[: card.index("</article>")]
    assert "Missions only" in card
    assert "A summary everyone may read." in card


def test_cards_show_the_languages_of_the_documents(client, collection):
    html = client.get(library(client)).content.decode()

    def badge(title):
        card = html[html.index(title) :]
        card = card[: card.index("</article>")]
        return re.search(r'<span aria-hidden="true">([A-Z+]+)</span>', card).group(1)

    assert badge("Public handbook") == "RU+EN"
    assert badge("Missions study") == "EN"


# ---------- Filters ----------


@pytest.fixture
def languages(db):
    """Resources by the languages a reader can get them in."""
    made = {
        "ru-doc": factories.ResourceFactory(slug="ru-doc"),
        "en-doc": factories.ResourceFactory(slug="en-doc"),
        "both-docs": factories.ResourceFactory(slug="both-docs"),
        "ru-doc-en-link": factories.ResourceFactory(
            slug="ru-doc-en-link", url_en="https://example.org/en"
        ),
        "video-both": factories.ResourceFactory(
            slug="video-both",
            kind=ResourceKind.VIDEO,
            url_ru="https://example.org/ru",
            url_en="https://example.org/en",
        ),
        "link-ru": factories.ResourceFactory(
            slug="link-ru", kind=ResourceKind.LINK, url_ru="https://example.org/ru"
        ),
        "nothing": factories.ResourceFactory(slug="nothing"),
    }
    attach(made["ru-doc"], "ru")
    attach(made["en-doc"], "en")
    attach(made["both-docs"], "ru")
    attach(made["both-docs"], "en")
    attach(made["ru-doc-en-link"], "ru")
    return made


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ru", {"ru-doc", "both-docs", "ru-doc-en-link", "video-both", "link-ru"}),
        ("en", {"en-doc", "both-docs", "ru-doc-en-link", "video-both"}),
        ("both", {"both-docs", "ru-doc-en-link", "video-both"}),
    ],
)
def test_the_language_filter_follows_documents_and_links(
    client, languages, value, expected
):
    response = client.get(library(client, language=value))
    slugs = {resource.slug for resource in response.context["object_list"]}
    assert slugs == expected
    counts = facet_counts(client.get(library(client)))
    assert counts["language"][value] == len(expected)


def test_an_unknown_language_is_a_form_error_not_a_crash(client, languages):
    response = client.get(library(client, language="de"))
    assert response.status_code == 200
    assert "language" in response.context["filter"].errors
    assert titles(response) == []


def test_filters_combine_and_stay_in_the_pagination_links(client, db):
    theme = factories.ThemeFactory(slug="victims")
    for number in range(25):
        resource = factories.ResourceFactory(slug=f"victims-{number:02}")
        resource.themes.add(theme)
    factories.ResourceFactory(slug="other")
    response = client.get(library(client, theme="victims", kind="publication"))
    assert response.context["paginator"].count == 25
    assert len(titles(response)) == 20
    html = response.content.decode()
    assert "theme=victims&amp;kind=publication&amp;page=2" in html
    assert "Showing 1–20 of 25" in html
    second = client.get(library(client, theme="victims", kind="publication", page=2))
    assert len(titles(second)) == 5
    assert client.get(library(client, theme="victims", page=3)).status_code == 404


def test_search_looks_in_titles_and_summaries_in_both_languages(client, db):
    factories.ResourceFactory(slug="a", title_en="Border guide", title_ru="Граница")
    factories.ResourceFactory(slug="b", summary_ru="О финансировании терроризма")
    factories.ResourceFactory(slug="c", title_en="Unrelated")
    assert {
        r.slug for r in client.get(library(client, q="border")).context["object_list"]
    } == {"a"}
    assert {
        r.slug
        for r in client.get(library(client, q="финансировании")).context["object_list"]
    } == {"b"}


def test_year_and_region_and_country_filters(client, collection):
    assert titles(client.get(library(client, year="2024"))) == ["Missions study"]
    assert titles(client.get(library(client, year=["2024", "2025"]))) == [
        "Public handbook",
        "Missions study",
    ]
    assert titles(client.get(library(client, region="africa"))) == ["Public handbook"]
    assert set(titles(client.get(library(client, country="KEN")))) == {
        "Public handbook",
        "Missions study",
    }
    # The staff item's country is a valid code, but nothing visible has it.
    assert titles(client.get(library(client, country="ZSC"))) == []


# ---------- Sorting ----------


@pytest.fixture
def alphabet(db):
    factories.ResourceFactory(
        slug="one",
        title_ru="Альфа",
        title_en="zulu",
        published_on=datetime.date(2023, 1, 1),
    )
    factories.ResourceFactory(
        slug="two",
        title_ru="Бета",
        title_en="Yankee",
        published_on=datetime.date(2025, 1, 1),
    )
    factories.ResourceFactory(
        slug="three",
        title_ru="Вега",
        title_en="",  # shown in Russian on the English page, and sorted so
        published_on=datetime.date(2024, 1, 1),
    )
    factories.ResourceFactory(
        slug="four", title_ru="Гамма", title_en="X-ray", published_on=None
    )


def slugs(response) -> list[str]:
    return [resource.slug for resource in response.context["object_list"]]


def test_newest_first_by_default_and_undated_last(client, alphabet):
    assert slugs(client.get(library(client))) == ["two", "three", "one", "four"]
    assert slugs(client.get(library(client, sort="newest"))) == [
        "two",
        "three",
        "one",
        "four",
    ]
    assert slugs(client.get(library(client, sort="oldest"))) == [
        "one",
        "three",
        "two",
        "four",
    ]


def test_sorting_by_title_follows_the_language_of_the_page(client, alphabet):
    assert slugs(client.get(library(client, "ru", sort="title"))) == [
        "one",
        "two",
        "three",
        "four",
    ]
    # English titles, case-insensitively; the untranslated one by its Russian title.
    assert slugs(client.get(library(client, "en", sort="title"))) == [
        "four",
        "two",
        "one",
        "three",
    ]


@pytest.mark.parametrize("sort", ["-title", "published_on", "slug", "title;drop", ""])
def test_only_listed_sort_keys_are_accepted(client, alphabet, sort):
    response = client.get(library(client, sort=sort))
    assert response.status_code == 200
    if sort:
        assert "sort" in response.context["filter"].errors


# ---------- Empty states ----------


def test_an_empty_library_says_so(client, db):
    response = client.get(library(client))
    assert "No resources have been published yet." in response.content.decode()


def test_no_match_offers_to_clear_the_filters(client, collection):
    response = client.get(library(client, q="nothing matches this"))
    html = response.content.decode()
    assert "No resources match these filters." in html
    assert "Clear all filters" in html


# ---------- Bad input ----------

keys = st.sampled_from(
    ["q", "kind", "theme", "region", "country", "language", "year", "access"]
    + ["sort", "page", "unknown", "theme[]", ""]
)
values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["1", "0", "-1", "2024", "99999999999999999999", "ru", "both", "staff"]
        + ["title", "-title", "newest", "border-security", "KEN", "x" * 5000]
        + ["\x00", "%00", "' OR 1=1 --", "<script>", "1e9999", "NaN"]
    ),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(params=st.lists(st.tuples(keys, values), max_size=6))
def test_any_query_string_gives_a_page_or_a_404(client, collection, params):
    response = client.get(library(client), params and dict(params) or {})
    assert response.status_code in (200, 404)
    raw = reverse("resources:list") + "?" + urlencode(params)
    response = client.get(raw)
    assert response.status_code in (200, 404)
    assert b"Traceback" not in response.content


# ---------- Detail pages ----------


@pytest.mark.parametrize("who", ["anonymous", "plain", "member"])
def test_staff_and_draft_items_are_404_for_everyone_but_staff(as_user, collection, who):
    client = as_user(who)
    for key in ("staff", "draft"):
        assert client.get(detail(collection[key])).status_code == 404


def test_staff_open_staff_and_draft_items(as_user, collection):
    client = as_user("editor")
    for key in ("staff", "draft"):
        assert client.get(detail(collection[key])).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "plain"])
def test_a_missions_item_shows_its_summary_but_not_its_body(as_user, collection, who):
    client = as_user(who)
    response = client.get(detail(collection["missions"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "A summary everyone may read." in html
    assert "Body for missions only." not in html
    assert "/download/" not in html
    assert "This resource is for member-state missions and programme staff." in html
    main = html.split('id="content"', 1)[1]
    assert ('class="button" href="/en/accounts/login/?next=' in main) == (
        who == "anonymous"
    )
    assert "private" in response["Cache-Control"]


def test_the_sign_in_link_comes_back_to_the_resource(client, collection):
    html = client.get(detail(collection["missions"])).content.decode()
    assert f"{reverse('accounts:login')}?next=/en/resources/missions-study/" in html


@pytest.mark.parametrize("who", ["member", "editor"])
def test_members_and_staff_read_a_missions_item(as_user, collection, who):
    client = as_user(who)
    html = client.get(detail(collection["missions"])).content.decode()
    assert "Body for missions only." in html
    assert "/en/resources/missions-study/download/en/" in html
    assert "access-box--locked" not in html


def test_download_buttons_name_the_language_format_and_size(client, collection):
    public = collection["public"]
    attach(public, "en", name="handbook.docx", data=b"PK" + b"y" * 5000)
    html = client.get(detail(public)).content.decode()
    assert 'href="/en/resources/public-handbook/download/ru/"' in html
    assert 'href="/en/resources/public-handbook/download/en/"' in html
    assert "Download in Russian" in html and "Download in English" in html
    assert "PDF, 2.0\xa0KB" in html
    assert "DOCX, 4.9\xa0KB" in html


def test_a_document_missing_from_storage_still_renders_the_page(client, collection):
    public = collection["public"]
    public.document_ru.storage.delete(public.document_ru.name)
    response = client.get(detail(public))
    assert response.status_code == 200
    assert "Download in Russian" in response.content.decode()


def test_links_and_videos_offer_their_addresses(client, db):
    video = factories.ResourceFactory(
        slug="video",
        kind=ResourceKind.VIDEO,
        url_ru="https://media.example.org/ru",
        url_en="https://media.example.org/en",
    )
    link = factories.ResourceFactory(
        slug="link",
        kind=ResourceKind.LINK,
        url_ru="https://example.org/same",
        url_en="https://example.org/same",
    )
    html = client.get(detail(video)).content.decode()
    assert (
        'href="https://media.example.org/ru" rel="noopener noreferrer external"' in html
    )
    assert 'href="https://media.example.org/en"' in html
    assert "Watch the video (Russian)" in html
    assert "external site" in html
    html = client.get(detail(link)).content.decode()
    assert html.count('href="https://example.org/same"') == 1
    assert "Open the link (Russian, English)" in html


def test_the_detail_shows_metadata_and_only_visible_activities(client, collection):
    public = collection["public"]
    public.publisher_en = "UN Counter-Terrorism Centre"
    public.save()
    shown = factories.ActivityFactory(title_en="Visible workshop")
    hidden = factories.ActivityFactory(
        title_en="Draft workshop", status=Status.DRAFT, published_at=None
    )
    public.activities.add(shown, hidden)
    html = client.get(detail(public)).content.decode()
    for text in (
        "Handbook or toolkit",
        "March 1, 2025",
        "UN Counter-Terrorism Centre",
        "Border security",
        "Africa",
        "Kenya",
        "Visible workshop",
    ):
        assert text in html, text
    assert "Draft workshop" not in html
    assert 'aria-label="Breadcrumb"' in html


def test_the_detail_lists_countries_by_their_name_in_the_page_language(client, db):
    resource = factories.ResourceFactory()
    resource.countries.add(
        factories.CountryFactory(name_en="Alphaland", name_ru="Ятвягия"),
        factories.CountryFactory(name_en="Betaland", name_ru="Альфия"),
    )
    # Each language's statement is kept: ask each twice.
    for language, first, second in (
        ("en", "Alphaland", "Betaland"),
        ("ru", "Альфия", "Ятвягия"),
        ("en", "Alphaland", "Betaland"),
        ("ru", "Альфия", "Ятвягия"),
    ):
        html = client.get(detail(resource, language)).content.decode()
        assert html.index(first) < html.index(second), language


# ---------- Query counts ----------


def build_rich_library(size: int):
    """``size`` resources, each with ``size`` themes, regions, countries, activities."""
    themes = [factories.ThemeFactory() for _ in range(size)]
    regions = [factories.RegionFactory() for _ in range(size)]
    countries = [factories.CountryFactory(region=regions[0]) for _ in range(size)]
    activities = [factories.ActivityFactory() for _ in range(size)]
    resources = []
    for number in range(size):
        resource = factories.ResourceFactory(
            access=Access.MISSIONS if number % 2 else Access.PUBLIC
        )
        resource.themes.add(*themes)
        resource.regions.add(*regions)
        resource.countries.add(*countries)
        resource.activities.add(*activities)
        resources.append(resource)
    attach(resources[0], "ru")
    attach(resources[0], "en")
    return resources


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_the_list_runs_a_fixed_number_of_queries(
    as_user, django_assert_max_num_queries, size, who
):
    """At most 10 queries with 5 and with 50 related objects.

    One warm-up request first: taxonomy choices and menu pages are cached.
    """
    build_rich_library(size)
    client = as_user(who)
    url = library(client, theme=[], sort="title", language="ru", q="")
    client.get(url)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(library(client)).status_code == 200


@pytest.mark.parametrize("size", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_the_detail_runs_a_fixed_number_of_queries(
    as_user, django_assert_max_num_queries, size, who
):
    """At most 8 queries with 5 and with 50 themes, countries and activities.

    One warm-up request first: the menu pages are cached.
    """
    resources = build_rich_library(size)
    client = as_user(who)
    for resource in resources[:2]:  # a public and a missions item
        client.get(detail(resource))
        with django_assert_max_num_queries(8):
            response = client.get(detail(resource))
        assert response.status_code == 200


def test_a_search_counts_what_each_reader_may_see_staff_first(as_user, collection):
    # A text search counts its facets from the view's base queryset, which is a
    # copy of one built per process for staff and one for everyone else: a
    # visitor right after an editor must not get the editor's.
    editor = as_user("editor")
    seen = facet_counts(editor.get(library(editor, q="e")))
    assert seen["access"].get("staff") == 1
    visitor = as_user("anonymous")
    counts = facet_counts(visitor.get(library(visitor, q="e")))
    assert "staff" not in counts["access"]
    assert "secret-theme" not in counts["theme"]
    assert "draft-theme" not in counts["theme"]


def test_the_lists_base_queryset_is_a_fresh_copy_per_request(db):
    from django.contrib.auth.models import AnonymousUser

    from resources.views import _visible_base

    visitor = AnonymousUser()
    first, second = _visible_base(visitor), _visible_base(visitor)
    assert first is not second
    list(first)  # evaluating one leaves the next request's copy unevaluated
    assert _visible_base(visitor)._result_cache is None
    staff = factories.UserFactory(is_staff=True)
    assert str(_visible_base(staff).query) != str(first.query)
