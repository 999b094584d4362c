"""The resource card, built in Python (``resource_tags.resource_card``), as readers see it."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from portal.publishing import Status
from portal.request_memo import RequestMemoMiddleware
from resources.models import Access, Resource
from resources.querysets import attach_listed_themes
from tests import factories

pytestmark = pytest.mark.django_db


def card(html: str, title: str) -> str:
    """The ``<article>`` of the card whose title is ``title``."""
    start = html.rindex('<article class="card">', 0, html.index(title))
    return html[start : html.index("</article>", start)]


def page(client, url_name: str, language: str = "en") -> str:
    with translation.override(language):
        url = reverse(url_name)
    return client.get(url).content.decode()


def test_every_text_of_a_card_is_escaped(client):
    theme = factories.ThemeFactory(name_en='<b>Theme</b> & "quotes"')
    resource = factories.ResourceFactory(
        title_en="<script>alert(1)</script> Escaped",
        summary_en="<i>Summary</i> & more",
    )
    resource.themes.add(theme)
    html = card(page(client, "resources:list"), "Escaped")
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Escaped" in html
    assert "&lt;i&gt;Summary&lt;/i&gt; &amp; more" in html
    assert "&lt;b&gt;Theme&lt;/b&gt; &amp; &quot;quotes&quot;" in html


def test_a_card_links_its_detail_page_in_the_language_of_the_page(client):
    factories.ResourceFactory(slug="handbook", title_en="Handbook", title_ru="Пособие")
    for language, title in (("en", "Handbook"), ("ru", "Пособие")):
        html = card(page(client, "resources:list", language), title)
        assert f'href="/{language}/resources/handbook/"' in html


def test_detail_urls_follow_a_language_switch_within_a_request():
    resource = factories.ResourceFactory(slug="handbook")
    seen = {}

    def view(request):
        for language in ("ru", "en", "ru"):
            with translation.override(language):
                seen.setdefault(language, set()).add(resource.get_absolute_url())

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    assert seen == {
        "ru": {"/ru/resources/handbook/"},
        "en": {"/en/resources/handbook/"},
    }


def test_a_card_shows_kind_date_summary_themes_and_badges(client):
    theme = factories.ThemeFactory(name_en="Border security", order=2)
    first = factories.ThemeFactory(name_en="Cybersecurity", order=1)
    resource = factories.ResourceFactory(
        title_en="Field guide",
        summary_en=" ".join(f"word{n}" for n in range(40)),
        published_on=datetime.date(2024, 3, 5),
        access=Access.MISSIONS,
        url_en="https://example.org/guide",
    )
    resource.themes.add(theme, first)
    html = card(page(client, "resources:list"), "Field guide")
    assert '<h2 class="card__title">' in html
    assert '<span class="card__kind">Publication</span>' in html
    assert '<time datetime="2024-03-05">' in html
    summary = re.search(r'<p class="card__summary">(.*?)</p>', html).group(1)
    assert summary == " ".join(f"word{n}" for n in range(30)) + " …"
    assert re.findall(r"<li>(.*?)</li>", html) == ["Cybersecurity", "Border security"]
    assert 'aria-label="Themes"' in html
    assert "Missions only" in html
    assert '<span aria-hidden="true">EN</span>' in html


def test_an_undated_card_shows_the_day_it_was_published(client, settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    factories.ResourceFactory(
        title_en="Undated note",
        published_on=None,
        published_at=datetime.datetime(2025, 1, 31, 20, 0, tzinfo=datetime.UTC),
    )
    html = card(page(client, "resources:list"), "Undated note")
    # 20:00 UTC is already the next day in Tokyo.
    assert '<time datetime="2025-02-01">' in html


def test_a_text_in_the_other_language_is_marked_with_its_language(client):
    factories.ResourceFactory(
        title_en="", summary_en="", title_ru="Только по-русски", summary_ru="Текст"
    )
    html = card(page(client, "resources:list"), "Только по-русски")
    assert 'lang="ru">Только по-русски</a>' in html
    assert '<p class="card__summary" lang="ru">Текст</p>' in html


def test_staff_see_the_status_of_a_draft_on_its_card(as_user):
    factories.ResourceFactory(
        title_en="Work in progress", status=Status.DRAFT, published_at=None
    )
    html = card(page(as_user("editor"), "resources:list"), "Work in progress")
    assert '<span class="badge badge--draft">Draft</span>' in html


def test_other_pages_show_the_card_without_summary_or_themes(client):
    resource = factories.ResourceFactory(title_en="Latest toolkit")
    resource.themes.add(factories.ThemeFactory(name_en="Hidden theme"))
    html = card(page(client, "home"), "Latest toolkit")
    assert '<h3 class="card__title">' in html
    assert "card__summary" not in html and "Hidden theme" not in html


def test_the_list_reads_only_what_its_cards_show(django_assert_num_queries):
    factories.ResourceFactory().themes.add(factories.ThemeFactory())
    with django_assert_num_queries(1):  # the rows with their themes
        rows = list(Resource.objects.with_listing_data().with_listed_themes())
        attach_listed_themes(rows)
    loaded = rows[0].__dict__
    assert "body_en" not in loaded and "publisher_en" not in loaded
    assert [theme.name for theme in rows[0].listed_themes]


def test_rows_read_their_themes_in_the_themes_order_with_their_fallback(
    django_assert_num_queries,
):
    later = factories.ThemeFactory(slug="a-later", order=2)
    first = factories.ThemeFactory(slug="b-first", order=1, name_ru="", name_en="B")
    tied = factories.ThemeFactory(slug="c-tied", order=1, name_ru="Ц", name_en="C")
    tagged = factories.ResourceFactory()
    tagged.themes.add(later, tied, first)
    factories.ResourceFactory()  # no theme
    with django_assert_num_queries(1):
        rows = list(Resource.objects.order_by("pk").with_listed_themes())
    with translation.override("ru"):
        attach_listed_themes(rows)
    themes = rows[0].listed_themes
    assert [theme.key for theme in themes] == ["b-first", "c-tied", "a-later"]
    assert [(theme.name, theme.name_ru, theme.name_en) for theme in themes[:2]] == [
        ("B", "", "B"),
        ("Ц", "Ц", "C"),
    ]
    assert rows[1].listed_themes == []


def test_a_theme_named_in_one_language_shows_that_name_with_its_language(client):
    theme = factories.ThemeFactory(name_en="Border security", name_ru="")
    factories.ResourceFactory(title_en="Fenced", title_ru="Ограда").themes.add(theme)
    html = card(page(client, "resources:list", "ru"), "Ограда")
    assert '<li lang="en">Border security</li>' in html


def test_the_list_builds_its_cards_in_one_tag_as_card_by_card():
    from resources.templatetags.resource_tags import resource_card, resource_cards

    factories.ResourceFactory(title_en="First <one>")
    factories.ResourceFactory(title_en="Second", access=Access.MISSIONS)
    resources = list(Resource.objects.order_by("pk").with_listed_themes())
    attach_listed_themes(resources)
    with translation.override("en"):
        cards = resource_cards(resources, show_themes=True, show_summary=True)
        one_by_one = [
            resource_card(resource, show_themes=True, show_summary=True)
            for resource in resources
        ]
    assert cards == "".join(one_by_one)
    assert cards.count('<article class="card">') == 2
    assert "First &lt;one&gt;" in cards
