"""Feeds, sitemap, robots.txt, and the canonical and Open Graph tags of pages.

Feeds and the sitemap show what an anonymous visitor may see, whoever asks: no
draft, no ``staff`` resource, and a ``missions`` resource with its summary only.
Both are parsed with the standard library's ``xml.etree``.
"""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from portal.publishing import Status
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.django_db


def parse_xml(data) -> ET.Element:
    """Our own responses, not untrusted input: the standard library parser will do."""
    return ET.fromstring(data)  # noqa: S314


SITE = "https://portal.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SECRETS = ("STAFF ONLY TITLE", "Staff-only summary", "DRAFT TITLE", "Черновик")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def content():
    theme = factories.ThemeFactory(
        slug="border", name_ru="Безопасность границ", name_en="Border security"
    )
    now = timezone.now()
    public = factories.ResourceFactory(
        slug="handbook",
        title_ru="Руководство по границам",
        title_en="Border handbook",
        summary_ru="Кратко о руководстве.",
        summary_en="The handbook in brief.",
        body_ru="<p>Полный текст руководства.</p>",
        body_en="<p>The full handbook text.</p>",
        published_at=now - datetime.timedelta(days=3),
    )
    public.themes.set([theme])
    missions = factories.ResourceFactory(
        slug="closed-guide",
        access=Access.MISSIONS,
        title_ru="Закрытое руководство",
        title_en="Missions guide",
        summary_en="What the missions guide covers.",
        body_en="<p>MISSIONS BODY TEXT</p>",
        body_ru="<p>ТЕКСТ ДЛЯ МИССИЙ</p>",
        published_at=now - datetime.timedelta(days=2),
    )
    russian_only = factories.ResourceFactory(
        slug="russian-only",
        title_ru="Только по-русски",
        title_en="",
        summary_en="",
        published_at=now - datetime.timedelta(days=1),
    )
    factories.ResourceFactory(
        slug="staff-memo",
        access=Access.STAFF,
        title_en="STAFF ONLY TITLE",
        title_ru="STAFF ONLY TITLE",
        summary_en="Staff-only summary",
    )
    factories.ResourceFactory(
        slug="draft-resource",
        status=Status.DRAFT,
        published_at=None,
        title_en="DRAFT TITLE",
        title_ru="Черновик",
    )
    activity = factories.ActivityFactory(
        slug="nairobi-workshop",
        title_ru="Семинар в Найроби",
        title_en="Nairobi workshop",
        city_en="Nairobi",
        city_ru="Найроби",
    )
    activity.themes.set([theme])
    factories.ActivityFactory(
        slug="draft-activity",
        status=Status.DRAFT,
        published_at=None,
        title_en="DRAFT TITLE",
        title_ru="Черновик",
    )
    partner = factories.PartnerFactory(slug="kenya-ncc", name_en="Kenya Centre")
    factories.PartnerFactory(slug="draft-partner", status=Status.DRAFT)
    project = factories.ProjectFactory(slug="border-project")
    page = factories.PageFactory(slug="about", title_en="About the programme")
    factories.PageFactory(slug="draft-page", status=Status.DRAFT, published_at=None)
    return {
        "public": public,
        "missions": missions,
        "russian_only": russian_only,
        "activity": activity,
        "partner": partner,
        "project": project,
        "page": page,
    }


def rss_items(response) -> tuple[ET.Element, list[ET.Element]]:
    root = parse_xml(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    return channel, channel.findall("item")


def atom_entries(response) -> tuple[ET.Element, list[ET.Element]]:
    root = parse_xml(response.content)
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def assert_no_secrets(response):
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text


# --- Feeds -----------------------------------------------------------------------


def test_resources_rss_in_english(client, content):
    response = client.get("/en/feeds/resources.rss")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel, items = rss_items(response)
    assert channel.findtext("language") == "en"
    assert channel.findtext("link") == f"{SITE}/en/resources/"
    titles = [item.findtext("title") for item in items]
    # Newest first; a resource without English text falls back to Russian.
    assert titles == ["Только по-русски", "Missions guide", "Border handbook"]
    handbook = items[2]
    assert handbook.findtext("link") == f"{SITE}/en/resources/handbook/"
    assert [c.text for c in handbook.findall("category")] == ["Border security"]
    assert handbook.findtext("pubDate")
    assert "The full handbook text." in handbook.findtext("description")
    assert_no_secrets(response)


def test_resources_rss_in_russian(client, content):
    response = client.get("/ru/feeds/resources.rss")

    channel, items = rss_items(response)
    assert channel.findtext("language") == "ru"
    assert [item.findtext("title") for item in items] == [
        "Только по-русски",
        "Закрытое руководство",
        "Руководство по границам",
    ]
    assert items[2].findtext("link") == f"{SITE}/ru/resources/handbook/"
    assert [c.text for c in items[2].findall("category")] == ["Безопасность границ"]
    assert "Полный текст руководства." in items[2].findtext("description")


def test_missions_resource_is_in_the_feed_with_its_summary_only(client, content):
    for path in ("/en/feeds/resources.rss", "/en/feeds/resources.atom"):
        text = client.get(path).content.decode()
        assert "What the missions guide covers." in text
        assert "MISSIONS BODY TEXT" not in text
    assert (
        "ТЕКСТ ДЛЯ МИССИЙ" not in client.get("/ru/feeds/resources.rss").content.decode()
    )


def test_resources_atom_feed(client, content):
    response = client.get("/en/feeds/resources.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    root, entries = atom_entries(response)
    assert root.findtext(f"{ATOM}title")
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        f"{SITE}/en/feeds/resources.atom"
    )
    assert [entry.findtext(f"{ATOM}title") for entry in entries][-1] == (
        "Border handbook"
    )
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert all(link.startswith(f"{SITE}/en/resources/") for link in links)
    assert all(entry.findtext(f"{ATOM}published") for entry in entries)
    assert all(entry.findtext(f"{ATOM}updated") for entry in entries)
    assert_no_secrets(response)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_activities_feeds(client, content, lang):
    title = {"ru": "Семинар в Найроби", "en": "Nairobi workshop"}[lang]
    city = {"ru": "Найроби", "en": "Nairobi"}[lang]

    channel, items = rss_items(client.get(f"/{lang}/feeds/activities.rss"))
    assert channel.findtext("link") == f"{SITE}/{lang}/programme/activities/"
    assert [item.findtext("title") for item in items] == [title]
    assert items[0].findtext("link") == (
        f"{SITE}/{lang}/programme/activities/nairobi-workshop/"
    )
    assert city in items[0].findtext("description")

    response = client.get(f"/{lang}/feeds/activities.atom")
    _root, entries = atom_entries(response)
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [title]
    assert_no_secrets(response)


def test_feed_categories_follow_the_theme_order_and_fall_back_in_language(
    client, content
):
    second = factories.ThemeFactory(name_en="Victims", name_ru="Жертвы", order=9)
    russian_only = factories.ThemeFactory(name_en="", name_ru="Только", order=5)
    content["activity"].themes.add(second, russian_only)

    _channel, items = rss_items(client.get("/en/feeds/activities.rss"))

    categories = [c.text for c in items[0].findall("category")]
    assert categories == ["Border security", "Только", "Victims"]


def test_feeds_hold_the_30_latest_items(client):
    start = timezone.now() - datetime.timedelta(days=40)
    for day in range(35):
        factories.ResourceFactory(
            slug=f"r{day}",
            title_en=f"Resource {day}",
            published_at=start + datetime.timedelta(days=day),
        )

    _channel, items = rss_items(client.get("/en/feeds/resources.rss"))

    assert len(items) == 30
    assert items[0].findtext("title") == "Resource 34"
    assert items[-1].findtext("title") == "Resource 5"


@pytest.mark.parametrize("who", ["anonymous", "mission_member", "editor"])
def test_feeds_are_the_same_for_everyone(client, content, who, request):
    """Feeds are public documents: a signed-in editor gets no draft or staff item."""
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    for path in (
        "/en/feeds/resources.rss",
        "/ru/feeds/resources.atom",
        "/en/feeds/activities.rss",
        "/ru/feeds/activities.atom",
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert_no_secrets(response)
        assert "MISSIONS BODY TEXT" not in response.content.decode()


def test_feeds_run_a_fixed_number_of_queries(
    client, content, django_assert_max_num_queries
):
    for index in range(20):
        factories.ResourceFactory(slug=f"more-{index}").themes.set(
            factories.ThemeFactory.create_batch(2)
        )
    with django_assert_max_num_queries(2):
        assert client.get("/en/feeds/resources.rss").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/en/feeds/activities.atom").status_code == 200


@pytest.mark.parametrize(
    "path", ["/ru/feeds/resources.rss", "/en/feeds/activities.atom"]
)
def test_a_feed_is_sent_in_one_piece(client, content, path):
    """A WSGI server writes each piece of a response with a system call of its own;
    the feed generator's thousands of small writes cost a third of the request."""
    response = client.get(path)
    assert response.status_code == 200
    pieces = list(response)
    assert len(pieces) == 1
    assert pieces[0].startswith(b"<?xml")


def test_footer_links_the_feeds_and_the_figures(client):
    html = client.get("/en/").content.decode()

    for path in (
        "/en/feeds/resources.rss",
        "/en/feeds/resources.atom",
        "/en/feeds/activities.rss",
        "/en/feeds/activities.atom",
        "/en/figures/",
    ):
        assert f'href="{path}"' in html
    assert 'type="application/rss+xml"' in html


# --- Sitemap ---------------------------------------------------------------------


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """Every <loc> of every section, with its alternates (hreflang -> href)."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    sections = [loc.text for loc in parse_xml(index.content).iter(f"{SITEMAP}loc")]
    assert sections and all(s.startswith(f"{SITE}/sitemap-") for s in sections)
    urls = {}
    for section in sections:
        response = client.get(section.removeprefix(SITE))
        assert response.status_code == 200, section
        for url in parse_xml(response.content).findall(f"{SITEMAP}url"):
            urls[url.findtext(f"{SITEMAP}loc")] = {
                "lastmod": url.findtext(f"{SITEMAP}lastmod"),
                **{
                    link.get("hreflang"): link.get("href")
                    for link in url.findall(f"{XHTML}link")
                },
            }
    return urls


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, content):
    urls = sitemap_urls(client)

    for path in (
        "/resources/handbook/",
        "/resources/closed-guide/",
        "/programme/activities/nairobi-workshop/",
        "/programme/projects/border-project/",
        "/partners/kenya-ncc/",
        "/about/",
    ):
        for lang in ("ru", "en"):
            entry = urls[f"{SITE}/{lang}{path}"]
            assert entry["ru"] == f"{SITE}/ru{path}"
            assert entry["en"] == f"{SITE}/en{path}"
            assert entry["x-default"] == f"{SITE}/ru{path}"  # as in the page head
            assert entry["lastmod"]
    home = urls[f"{SITE}/en/"]
    assert home["x-default"] == f"{SITE}/"
    for landing in ("/en/partners/", "/ru/resources/", "/en/figures/"):
        assert f"{SITE}{landing}" in urls


def test_sitemap_leaves_out_drafts_and_staff_items(client, content):
    locations = " ".join(sitemap_urls(client))

    for slug in (
        "staff-memo",
        "draft-resource",
        "draft-activity",
        "draft-partner",
        "draft-page",
    ):
        assert slug not in locations


def test_a_large_section_is_split_into_pages(client, content, monkeypatch):
    from portal.sitemaps import ResourceSitemap

    monkeypatch.setattr(ResourceSitemap, "limit", 2)  # 3 resources x 2 languages
    index = parse_xml(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]

    assert f"{SITE}/sitemap-resources.xml?p=2" in sections
    assert f"{SITE}/sitemap-resources.xml?p=3" in sections
    page = parse_xml(client.get("/sitemap-resources.xml?p=3").content)
    assert len(page.findall(f"{SITEMAP}url")) == 2


def test_sitemap_index_gives_each_section_its_newest_change(client, content):
    newest = content["public"]
    newest.save()  # the newest update of the resources
    index = parse_xml(client.get("/sitemap.xml").content)
    entries = {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in index.findall(f"{SITEMAP}sitemap")
    }

    newest.refresh_from_db()
    assert entries[f"{SITE}/sitemap-resources.xml"] == newest.updated_at.isoformat()
    assert entries[f"{SITE}/sitemap-sections.xml"] is None  # landing pages: no date
    for section in ("pages", "partners", "projects", "activities"):
        assert entries[f"{SITE}/sitemap-{section}.xml"]


@pytest.mark.parametrize("count", [5, 50])
def test_sitemap_index_runs_a_fixed_number_of_queries(
    client, content, django_assert_max_num_queries, count
):
    """The newest change of every section in one query, the stored totals in
    one, and the two small sections counted."""
    factories.ResourceFactory.create_batch(count)
    factories.ActivityFactory.create_batch(count)

    with django_assert_max_num_queries(4):
        response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"


def test_sitemap_of_an_unknown_section_or_page_is_not_found(client, content):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-resources.xml?p=99").status_code == 404
    assert client.get("/sitemap-resources.xml?p=abc").status_code == 404


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()

    assert f"Sitemap: {SITE}/sitemap.xml" in text.splitlines()
    assert "Disallow: /admin/" in text


# --- Canonical and Open Graph ---------------------------------------------------


def meta(html: str, prop: str) -> str:
    match = re.search(rf'<meta property="{prop}" content="([^"]*)">', html)
    return match.group(1) if match else ""


@pytest.mark.parametrize(
    "path",
    [
        "/{lang}/",
        "/{lang}/partners/",
        "/{lang}/partners/kenya-ncc/",
        "/{lang}/programme/activities/",
        "/{lang}/programme/activities/nairobi-workshop/",
        "/{lang}/resources/",
        "/{lang}/resources/handbook/",
        "/{lang}/figures/",
    ],
)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pages_have_canonical_and_open_graph_tags(client, content, path, lang):
    path = path.format(lang=lang)

    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<link rel="canonical" href="{SITE}{path}">' in html
    assert meta(html, "og:url") == f"{SITE}{path}"
    assert meta(html, "og:title")
    assert meta(html, "og:description")
    assert meta(html, "og:type") in ("website", "article", "profile")
    assert meta(html, "og:site_name")
    assert meta(html, "og:locale") == {"ru": "ru_RU", "en": "en_GB"}[lang]
    for code in ("ru", "en"):
        assert f'hreflang="{code}" href="{SITE}/{code}/' in html


def test_sitemap_pairs_are_read_a_page_at_a_time():
    from portal.sitemaps import ItemLanguagePairs

    pairs = ItemLanguagePairs(list("abcde"), ["ru", "en"], count=5)
    assert len(pairs) == 10
    assert pairs[0:3] == [("a", "ru"), ("a", "en"), ("b", "ru")]
    assert pairs[3:6] == [("b", "en"), ("c", "ru"), ("c", "en")]
    assert pairs[9] == ("e", "en")
    assert list(pairs[8:20]) == [("e", "ru"), ("e", "en")]
