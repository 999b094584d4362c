"""The search page: empty state, facets, pagination, bad filters, query counts."""

import datetime

import pytest

from tests import factories

pytestmark = pytest.mark.postgres


@pytest.fixture
def themed(postgres):
    border = factories.ThemeFactory(slug="border", name_en="Border security")
    victims = factories.ThemeFactory(slug="victims", name_en="Victims")
    for n in range(25):
        resource = factories.ResourceFactory(
            title_en=f"Checkpoint manual {n}",
            published_on=datetime.date(2020 + n % 3, 1, 1),
        )
        resource.themes.add(border if n % 5 else victims)
    factories.ActivityFactory(title_en="Checkpoint workshop")
    return border, victims


def test_empty_query_shows_a_helpful_page(client, postgres):
    response = client.get("/en/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["outcome"] is None
    assert "One search over partners" in html
    assert "Up to 200 characters." in html


def test_header_form_leads_to_the_search_page(client, postgres):
    html = client.get("/ru/").content.decode()
    assert 'action="/ru/search/"' in html
    assert 'data-suggest-url="/ru/search/suggest/"' in html
    assert (
        'role="combobox"' in html and 'aria-controls="site-search-suggestions"' in html
    )


def test_facets_count_and_filter(client, themed):
    response = client.get("/en/search/", {"q": "checkpoint"})
    outcome = response.context["outcome"]
    assert outcome.total == 26
    facets = {f.name: {o.value: o.count for o in f.options} for f in outcome.facets}
    assert facets["type"] == {"resource": 25, "activity": 1}
    assert facets["theme"] == {"border": 20, "victims": 5}
    assert facets["year"] == {"2020": 9, "2021": 8, "2022": 8, "2025": 1}

    response = client.get("/en/search/", {"q": "checkpoint", "theme": "victims"})
    outcome = response.context["outcome"]
    assert outcome.total == 5
    facets = {f.name: {o.value: o.count for o in f.options} for f in outcome.facets}
    # A facet is counted without its own choice: the other theme stays offered.
    assert facets["theme"] == {"border": 20, "victims": 5}
    assert facets["type"] == {"resource": 5}

    response = client.get(
        "/en/search/", {"q": "checkpoint", "type": "activity", "year": "2025"}
    )
    assert [h.title for h in response.context["outcome"].page.object_list] == [
        "Checkpoint workshop"
    ]


def test_pagination(client, themed):
    first = client.get("/en/search/", {"q": "checkpoint"}).context["outcome"].page
    second = (
        client.get("/en/search/", {"q": "checkpoint", "page": 2})
        .context["outcome"]
        .page
    )
    assert len(first.object_list) == 20 and len(second.object_list) == 6
    assert not {h.slug for h in first} & {h.slug for h in second}
    # A page past the end, or not a number, shows the last or first page.
    assert client.get("/en/search/", {"q": "checkpoint", "page": 99}).status_code == 200
    assert (
        client.get("/en/search/", {"q": "checkpoint", "page": "x"}).status_code == 200
    )


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nonsense"},
        {"theme": "no-such-theme"},
        {"year": "abc"},
        {"year": "1000"},
        {"language": "fr"},
        {"region": ["a", "b"]},
    ],
)
def test_unknown_filter_values_are_reported_not_fatal(client, themed, params):
    response = client.get("/en/search/", {"q": "checkpoint", **params})
    assert response.status_code == 200
    assert "Some filters could not be applied" in response.content.decode()
    # The words still search.
    assert response.context["outcome"].total == 26


def test_errors_speak_the_visitors_language(client, themed):
    response = client.get("/ru/search/", {"q": "checkpoint", "type": "nonsense"})
    html = response.content.decode()
    assert "Некоторые фильтры не удалось применить" in html
    assert "Выберите корректный вариант" in html  # Django's own message, in Russian


def test_long_queries_are_cut_and_the_cap_is_said(client, themed):
    response = client.get("/en/search/", {"q": "checkpoint " + "x" * 500})
    html = response.content.decode()
    assert response.status_code == 200
    assert "only its beginning was searched" in html
    assert len(response.context["outcome"].criteria.q) <= 200


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
def test_query_count_is_fixed(as_user, themed, who, django_assert_max_num_queries):
    client = as_user(who)
    client.get("/en/search/", {"q": "manual"})  # caches the taxonomy choices
    # Session, user, mission membership (signed in); the words parsed; the pool
    # (fewer matches than a pool: no second one for the filter); the snippets.
    with django_assert_max_num_queries(6):
        response = client.get("/en/search/", {"q": "checkpoint", "theme": "border"})
    assert response.status_code == 200


def test_suggestions_endpoint(client, themed):
    response = client.get("/en/search/suggest/", {"q": "checkp"})
    assert response["Content-Type"] == "application/json"
    found = response.json()["suggestions"]
    assert 1 <= len(found) <= 8
    assert all(s["url"].startswith("/en/") for s in found)
    assert {"title", "url", "kind", "lang"} <= set(found[0])
    assert client.get("/en/search/suggest/", {"q": "c"}).json() == {"suggestions": []}
    assert client.get("/en/search/suggest/").json() == {"suggestions": []}


def test_suggestions_in_both_languages(client, postgres):
    factories.ResourceFactory(title_ru="Биометрия на границе", title_en="Biometrics")
    ru = client.get("/en/search/suggest/", {"q": "биометр"}).json()["suggestions"]
    assert ru[0]["title"] == "Биометрия на границе" and ru[0]["lang"] == "ru"
    en = client.get("/ru/search/suggest/", {"q": "biometr"}).json()["suggestions"]
    assert en[0]["title"] == "Biometrics" and en[0]["lang"] == "en"


def test_suggestions_query_count(client, themed, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get("/en/search/suggest/", {"q": "checkp"})
