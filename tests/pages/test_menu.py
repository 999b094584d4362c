"""The footer's menu of pages: published pages marked for it, in their order and
the page's language, a title in the other language marked as such."""

import re

import pytest
from django.core.cache import cache

from portal.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db


def menu(client, lang: str) -> list[tuple[str, str, str]]:
    """(href, lang attribute, title) of each link of the menu."""
    cache.clear()
    html = client.get(f"/{lang}/").content.decode()
    nav = re.search(r'<nav class="site-footer__pages".*?</nav>', html, re.S).group()
    return re.findall(r'<a href="([^"]+)"(?: lang="(\w+)")?>([^<]*)</a>', nav)


def test_menu_pages_in_order_and_in_the_page_language(client):
    factories.PageFactory(
        slug="how",
        title_ru="Как участвовать",
        title_en="How",
        show_in_menu=True,
        menu_order=2,
    )
    factories.PageFactory(
        slug="about",
        title_ru="О программе",
        title_en="About",
        show_in_menu=True,
        menu_order=1,
    )
    factories.PageFactory(
        slug="english-only",
        title_ru="",
        title_en="Only English",
        show_in_menu=True,
        menu_order=3,
    )
    factories.PageFactory(slug="not-in-menu", title_en="Hidden", show_in_menu=False)
    factories.PageFactory(
        slug="draft",
        title_en="Draft",
        show_in_menu=True,
        status=Status.DRAFT,
        published_at=None,
    )

    assert menu(client, "ru") == [
        ("/ru/about/", "", "О программе"),
        ("/ru/pages/how/", "", "Как участвовать"),
        ("/ru/pages/english-only/", "en", "Only English"),
    ]
    assert menu(client, "en") == [
        ("/en/about/", "", "About"),
        ("/en/pages/how/", "", "How"),
        ("/en/pages/english-only/", "", "Only English"),
    ]
