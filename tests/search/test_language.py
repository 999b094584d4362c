"""Morphology, stemming, both languages, ranking and typo tolerance."""

import pytest

from tests import factories

pytestmark = pytest.mark.postgres


@pytest.fixture
def library(postgres):
    factories.ResourceFactory(
        title_ru="Противодействие финансированию терроризма",
        title_en="Countering the financing of terrorism",
        summary_ru="Финансирование терроризма и его источники.",
        summary_en="How terrorists are financed and how to stop it.",
    )
    factories.ResourceFactory(
        title_ru="Предупреждение насильственного экстремизма",
        title_en="Preventing violent extremism",
        summary_ru="Программы профилактики для молодёжи.",
        summary_en="Prevention programmes for young people.",
    )
    factories.ActivityFactory(
        title_ru="Учебный курс по пограничной безопасности",
        title_en="Training course on border security",
        summary_ru="Пограничники из пяти стран.",
        summary_en="Border officers from five countries.",
    )


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("терроризма", "Countering the financing of terrorism"),
        ("терроризм", "Countering the financing of terrorism"),
        ("финансирования", "Countering the financing of terrorism"),
        ("финансирование", "Countering the financing of terrorism"),
        ("экстремизм", "Preventing violent extremism"),
        ("пограничников", "Training course on border security"),
    ],
)
def test_russian_word_forms_find_each_other(search, library, q, expected):
    _response, titles = search(q, lang="en")
    assert expected in titles


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("financed", "Countering the financing of terrorism"),
        ("terrorists", "Countering the financing of terrorism"),
        ("prevent extremists", "Preventing violent extremism"),
        ("trainings", "Training course on border security"),
    ],
)
def test_english_stems_match(search, library, q, expected):
    _response, titles = search(q, lang="en")
    assert expected in titles


def test_a_query_in_either_language_works_on_both_interfaces(search, library):
    for lang in ("ru", "en"):
        _r, russian = search("финансирование терроризма", lang=lang)
        _r, english = search("financing terrorism", lang=lang)
        assert len(russian) == 1 and len(english) == 1
    # The page shows titles in its own language.
    assert search("терроризма", lang="ru")[1] == [
        "Противодействие финансированию терроризма"
    ]
    assert search("терроризма", lang="en")[1] == [
        "Countering the financing of terrorism"
    ]


def test_all_words_must_match(search, library):
    assert search("terrorism border", lang="en")[1] == []


def test_title_match_ranks_above_summary_and_body_match(search, postgres):
    factories.ResourceFactory(
        title_en="Annual report",
        summary_en="A report.",
        body_en="<p>Mentions biometrics once, deep in the text.</p>",
        published_on="2026-01-01",
    )
    factories.ResourceFactory(
        title_en="Guide to biometrics",
        summary_en="Identification at borders.",
        published_on="2020-01-01",
    )
    factories.ResourceFactory(
        title_en="Passenger data",
        summary_en="Biometrics and passenger records.",
        published_on="2025-01-01",
    )
    titles = search("biometrics", lang="en")[1]
    assert titles == ["Guide to biometrics", "Passenger data", "Annual report"]


@pytest.mark.parametrize(
    ("typed", "corrected", "expected"),
    [
        ("terorism", "terrorism", "Countering the financing of terrorism"),
        ("экстримизм", "экстремизма", "Preventing violent extremism"),
        (
            "finansing terorism",
            "financing terrorism",
            "Countering the financing of terrorism",
        ),
    ],
)
def test_misspelt_words_are_corrected(search, library, typed, corrected, expected):
    response, titles = search(typed, lang="en")
    assert expected in titles
    outcome = response.context["outcome"]
    assert outcome.corrected == corrected
    assert "Showing results for" in response.content.decode()


def test_a_corrected_search_query_count(client, library, django_assert_max_num_queries):
    # Both spellings parsed, the typed one's pool (empty), the vocabulary (one
    # query for all the words), the corrected one's pool, the snippets.
    with django_assert_max_num_queries(6):
        response = client.get("/en/search/", {"q": "finansing terorism"})
    assert response.context["outcome"].corrected == "financing terrorism"


def test_the_snippet_is_in_the_page_language_when_it_shows_the_words(search, postgres):
    factories.ResourceFactory(
        title_en="Port checks",
        title_ru="Проверки в портах",
        summary_en="Container scanning at the port.",
        summary_ru="Досмотр контейнеров в порту.",
    )
    hit = search("container", lang="en")[0].context["outcome"].page.object_list[0]
    assert hit.snippet_lang == "" and "<mark>Container</mark>" in str(hit.snippet)
    # Only the other language's text shows the words: its snippet, marked as such.
    hit = search("container", lang="ru")[0].context["outcome"].page.object_list[0]
    assert hit.snippet_lang == "en" and "<mark>Container</mark>" in str(hit.snippet)
    hit = search("контейнеров", lang="en")[0].context["outcome"].page.object_list[0]
    assert hit.snippet_lang == "ru" and "<mark>контейнеров</mark>" in str(hit.snippet)


def test_no_correction_when_the_words_are_found(search, library):
    response, titles = search("terrorism", lang="en")
    assert titles and response.context["outcome"].corrected == ""


def test_gibberish_finds_nothing_and_says_so(search, library):
    response, titles = search("zzqqxx", lang="en")
    assert titles == []
    assert "Nothing matches your search." in response.content.decode()
