"""The programme in figures: each chart's numbers, its SVG, table and CSV.

Only published activities count (and, in the flow diagram, published partners);
resources never enter these charts, so staff-only ones cannot either. Visible text
is asserted on /en/ pages or on content data: the Russian catalogue comes later.
"""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partners.models import Partner
from portal import charts, facet_counts, figure_counts, figures
from portal.figures.shapes import Chart, Series, Table
from portal.publishing import Status
from programme.models import ActivityKind
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.django_db


def parse_xml(data) -> ET.Element:
    """Our own responses, not untrusted input: the standard library parser will do."""
    return ET.fromstring(data)  # noqa: S314


CSV_PATHS = [
    f"/{lang}/figures/{slug}.csv"
    for slug in figures.CHART_SLUGS
    for lang in ("ru", "en")
]


def day(year: int, month: int = 3) -> datetime.date:
    return datetime.date(year, month, 10)


def activity(year: int, kind=ActivityKind.WORKSHOP, **kwargs):
    themes = kwargs.pop("themes", [])
    providers = kwargs.pop("providers", [])
    beneficiaries = kwargs.pop("beneficiaries", [])
    item = factories.ActivityFactory(
        kind=kind, start_date=day(year), end_date=day(year), **kwargs
    )
    item.themes.set(themes)
    item.providers.set(providers)
    item.beneficiaries.set(beneficiaries)
    return item


@pytest.fixture
def programme():
    """Two regions, a few partners and exchanges in 2023 and 2025 (none in 2024),
    plus a draft exchange and a draft partner that must never count."""
    africa = factories.RegionFactory(
        slug="africa", name_en="Africa", name_ru="Африка", order=1
    )
    asia = factories.RegionFactory(
        slug="asia", name_en="Asia and the Pacific", name_ru="Азия", order=2
    )
    kenya = factories.CountryFactory(region=africa, name_en="Kenya", name_ru="Кения")
    india = factories.CountryFactory(region=asia, name_en="India", name_ru="Индия")
    border = factories.ThemeFactory(
        slug="border", name_en="Border security", name_ru="Границы", order=1
    )
    victims = factories.ThemeFactory(
        slug="victims", name_en="Victims", name_ru="Жертвы", order=2
    )
    kenyan = factories.PartnerFactory(country=kenya, slug="kenyan")
    indian = factories.PartnerFactory(country=india, slug="indian")
    hidden = factories.PartnerFactory(country=india, status=Status.DRAFT)

    activity(
        2023,
        ActivityKind.TRAINING_COURSE,
        host_country=kenya,
        themes=[border, victims],
        providers=[indian],
        beneficiaries=[kenyan],
        participants=30,
        women_participants=12,
    )
    activity(
        2023,
        ActivityKind.WORKSHOP,
        host_country=india,
        themes=[border],
        providers=[kenyan, indian],
        beneficiaries=[kenyan],
        participants=10,
        women_participants=None,  # not reported: out of the women's share
    )
    activity(
        2025,
        ActivityKind.WORKSHOP,
        host_country=None,  # online
        themes=[victims],
        providers=[hidden],  # a draft partner: no flow from it
        beneficiaries=[indian],
        participants=20,
        women_participants=15,
    )
    activity(
        2025,
        ActivityKind.TRAINING_COURSE,
        host_country=kenya,
        themes=[border],
        providers=[kenyan],
        beneficiaries=[indian],
        participants=None,
        women_participants=None,
    )
    # Never counted: a draft and an exchange in review.
    activity(
        2023,
        ActivityKind.CONFERENCE,
        status=Status.DRAFT,
        published_at=None,
        host_country=kenya,
        themes=[border],
        providers=[indian],
        beneficiaries=[kenyan],
        participants=1000,
        women_participants=900,
    )
    activity(
        2030,
        ActivityKind.WEBINAR,
        status=Status.REVIEW,
        published_at=None,
        participants=500,
    )
    # Resources do not enter the charts; the staff one must not enter anything.
    factories.ResourceFactory(access=Access.STAFF, title_en="Staff only memo")
    factories.ResourceFactory(status=Status.DRAFT, published_at=None)
    return {"africa": africa, "asia": asia, "border": border, "victims": victims}


def compute(language="en") -> figures.Figures:
    with translation.override(language):
        return figures.compute_figures()


# --- Numbers ---------------------------------------------------------------------


def test_exchanges_per_year_and_kind_count_published_exchanges_only(programme):
    result = compute()
    chart = result.charts["exchanges-by-year"]

    assert result.total == 4
    assert (result.first_year, result.last_year) == (2023, 2025)
    assert chart.table.columns == ["Year", "Training course", "Workshop", "Total"]
    # 2024 had no exchange: it is still a row, so the years read as a time line.
    assert chart.table.rows == [
        ["2023", 1, 1, 2],
        ["2024", 0, 0, 0],
        ["2025", 1, 1, 2],
    ]
    assert [bar["total"] for bar in chart.data["bars"]] == [2, 0, 2]


def test_exchanges_by_region_of_the_host_country(programme):
    chart = compute().charts["exchanges-by-region"]

    assert chart.table.columns == ["Region", "Exchanges"]
    assert chart.table.rows == [
        ["Africa", 2],
        ["Asia and the Pacific", 1],
        ["Region not specified", 1],
    ]


def test_exchanges_by_theme_most_frequent_first(programme):
    chart = compute().charts["exchanges-by-theme"]

    assert chart.table.rows == [["Border security", 3], ["Victims", 2]]


def test_participants_and_the_share_of_women(programme):
    chart = compute().charts["participants"]

    assert chart.table.columns == ["Year", "Participants", "Women", "Share of women"]
    # 2023: 40 participants; women reported for 30 of them, 12 women: 40 %.
    # 2025: 20 participants (the other exchange reported none), 15 women: 75 %.
    assert chart.table.rows == [
        ["2023", 40, 12, 40.0],
        ["2024", 0, 0, None],
        ["2025", 20, 15, 75.0],
    ]
    assert compute().participants == 60


def test_flow_matrix_from_provider_to_beneficiary_regions(programme):
    chart = compute().charts["flows"]

    assert chart.table.columns == ["Provider region", "Africa", "Asia and the Pacific"]
    # Asia -> Africa: two exchanges (the second also had an African provider);
    # Africa -> Africa: one; Africa -> Asia: one; the draft partner's exchange: none.
    assert chart.table.rows == [["Africa", 1, 1], ["Asia and the Pacific", 2, 0]]
    assert sorted(chart.data["links"]) == [(0, 0, 1), (0, 1, 1), (1, 0, 2)]


def test_key_figures_of_the_home_page_ignore_drafts_and_staff_resources(programme):
    factories.ResourceFactory(access=Access.MISSIONS)
    # A draft partner in a country of its own: neither it nor its country counts.
    factories.PartnerFactory(status=Status.DRAFT, published_at=None)
    published_countries = {
        partner.country_id for partner in Partner.objects.published()
    }

    numbers = figures.key_figures()

    assert numbers["activities"] == 4
    assert numbers["participants"] == 60
    assert numbers["partners"] == 2
    assert numbers["countries"] == len(published_countries) > 0
    assert numbers["resources"] == 1  # the missions one; not staff, not the draft


def test_key_figures_are_one_query_and_integers(programme, django_assert_num_queries):
    """The stored path (PostgreSQL) reads every headline number at once; the
    participants stay an integer, which the plural forms of the label need."""
    with django_assert_num_queries(1):
        numbers = figures.key_figures()

    assert all(type(value) is int for value in numbers.values())
    assert numbers["participants"] == 60


def test_figures_read_the_stored_counts_in_one_query(
    programme, django_assert_max_num_queries
):
    """The stored counts, plus the taxonomy lists (cold)."""
    cache.clear()
    with django_assert_max_num_queries(2), translation.override("en"):
        figures.compute_figures()


# --- Stored counts ---------------------------------------------------------------


def as_compared(counts: figure_counts.Counts) -> tuple:
    """Counts in a form that compares stored and live: sorted, no zeros or Nones."""
    years = sorted(
        (
            row["year"],
            row["kind"],
            row["exchanges"],
            row["people"] or 0,
            row["women"] or 0,
            row["reported"] or 0,
        )
        for row in counts.per_year_kind
    )
    return years, counts.per_region, counts.per_theme, counts.flows


def assert_stored_counts_are_live():
    assert as_compared(figure_counts.stored_counts()) == as_compared(
        figure_counts.live_counts()
    )


def test_stored_counts_follow_every_change_that_moves_a_figure(programme):
    """Each write below moves a chart; the triggers keep the stored counts equal to
    the counts from the rows in the same transaction."""
    assert_stored_counts_are_live()
    exchange = factories.ActivityFactory(
        kind=ActivityKind.WEBINAR, start_date=day(2024), end_date=day(2024)
    )
    partner = factories.PartnerFactory(region=programme["africa"])
    steps = [
        lambda: exchange.themes.set([programme["border"]]),
        lambda: exchange.providers.set([partner]),
        lambda: exchange.beneficiaries.set([partner]),
        lambda: setattr(exchange, "participants", 70),
        lambda: setattr(exchange, "women_participants", 30),
        lambda: setattr(exchange, "kind", ActivityKind.WORKSHOP),
        lambda: setattr(exchange, "start_date", day(2022)),
        lambda: setattr(exchange, "status", Status.DRAFT),
        lambda: setattr(exchange, "status", Status.PUBLISHED),
        lambda: exchange.themes.remove(programme["border"]),
    ]
    for step in steps:
        step()
        exchange.save()
        assert_stored_counts_are_live()

    partner.status = Status.DRAFT  # its flows go
    partner.save()
    assert_stored_counts_are_live()
    partner.status = Status.PUBLISHED
    partner.region = programme["asia"]  # its flows move
    partner.save()
    assert_stored_counts_are_live()

    kenya = exchange.host_country or factories.CountryFactory()
    exchange.host_country = kenya
    exchange.save()
    kenya.region = factories.RegionFactory(slug="europe")  # the host region moves
    kenya.save()
    assert_stored_counts_are_live()

    programme["victims"].delete()
    programme["africa"].slug = "africa-renamed"  # nothing moves; the key follows
    programme["africa"].save()
    exchange.delete()
    assert_stored_counts_are_live()
    assert "africa-renamed" in figure_counts.stored_counts().per_region


def test_rebuilt_counts_are_the_counts_of_the_rows(programme):
    """After a load with the triggers paused, ``rebuild_counts`` heals the store."""
    with facet_counts.triggers_paused():
        factories.ActivityFactory(start_date=day(2021), end_date=day(2021))
    assert as_compared(figure_counts.stored_counts()) != as_compared(
        figure_counts.live_counts()
    )

    assert figure_counts.rebuild_counts()

    assert_stored_counts_are_live()


def test_the_rebuild_command_recounts_the_figures_too(programme):
    with facet_counts.triggers_paused():
        factories.ActivityFactory(start_date=day(2021), end_date=day(2021))
    out = io.StringIO()

    call_command("rebuild_facet_counts", stdout=out)

    assert "Figure counts rebuilt." in out.getvalue()
    assert_stored_counts_are_live()


def test_a_truncated_table_leaves_no_stored_count(programme):
    """The test runner's flush empties tables with TRUNCATE, which no row
    trigger sees."""
    with connection.cursor() as cursor:
        # The factories' deferred foreign key checks first: TRUNCATE waits for none.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE programme_activity CASCADE")

    assert as_compared(figure_counts.stored_counts()) == ([], {}, {}, {})


def test_a_publication_shows_on_the_figures_page_at_once(client, programme):
    before = client.get("/en/figures/").content.decode()
    assert "4 published exchanges from 2023 to 2025" in before

    factories.ActivityFactory(start_date=day(2026), end_date=day(2026))

    after = client.get("/en/figures/").content.decode()
    assert "5 published exchanges from 2023 to 2026" in after


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_fast_number_format_is_django_s(language):
    with translation.override(language):
        fmt = figures.number_formatter()
        for value in (None, 0, 7, 999, 1000, 12345, 1234567, -4321):
            assert fmt(value) == figures.format_number(value)


# --- The page --------------------------------------------------------------------


def test_figures_page_draws_each_chart_as_accessible_svg(client, programme):
    response = client.get("/en/figures/")

    assert response.status_code == 200
    html = response.content.decode()
    for slug in figures.CHART_SLUGS:
        figure = re.search(
            rf'<figure class="chart[^"]*" id="{slug}">(.*?)</figure>', html, re.S
        ).group(1)
        assert "<h2" in figure
        svg = re.search(r"<svg class=\"chart__svg\".*?</svg>", figure, re.S).group(0)
        root = parse_xml(svg)
        assert root.get("role") == "img"
        assert root.get("viewBox").startswith("0 0 ")
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find("title").get("id") == title_id
        assert root.find("desc").get("id") == desc_id
        assert root.find("title").text
        assert root.find("desc").text
        # The values are written on or next to the bars, not told by colour alone.
        assert root.findall("text")
        assert 'class="chart__legend"' in figure
        assert "<details" in figure and "<caption" in figure
        assert '<th scope="col">' in figure and '<th scope="row">' in figure
        assert f'href="/en/figures/{slug}.csv"' in figure
    assert "Download the data (CSV)" in html
    assert 'href="/static/css/figures.css"' in html


def test_figures_page_in_russian_shows_russian_names(client, programme):
    response = client.get("/ru/figures/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Африка" in html and "Границы" in html
    assert "Border security" not in html


def test_each_language_gets_its_own_figures(client, programme):
    assert "Africa" in client.get("/en/figures/").content.decode()

    html = client.get("/ru/figures/").content.decode()

    assert "Африка" in html
    assert "Africa" not in html


def test_figures_page_renders_with_an_empty_cache_and_a_warm_one(
    client, programme, django_assert_max_num_queries
):
    """At most 4 queries cold (menu pages, taxonomy lists, the stored counts), and
    only the stored counts once the menu and taxonomy are cached."""
    cache.clear()
    with django_assert_max_num_queries(4):
        cold = client.get("/en/figures/")
    with django_assert_max_num_queries(1):
        warm = client.get("/en/figures/")

    assert cold.status_code == warm.status_code == 200
    assert cold.content == warm.content


@pytest.mark.parametrize("count", [5, 50])
def test_figures_page_query_count_does_not_grow_with_the_data(
    client, django_assert_max_num_queries, count
):
    """The same bound with 5 and with 50 exchanges, each with partners and themes."""
    themes = factories.ThemeFactory.create_batch(3)
    partners = factories.PartnerFactory.create_batch(4)
    for index in range(count):
        activity(
            2020 + index % 5,
            list(ActivityKind)[index % len(ActivityKind)],
            host_country=partners[index % 4].country,
            themes=themes[: 1 + index % 3],
            providers=partners[:2],
            beneficiaries=partners[2:],
            participants=10 + index,
            women_participants=index % 10,
        )
    cache.clear()

    with django_assert_max_num_queries(4):
        response = client.get("/en/figures/")

    assert response.status_code == 200
    assert response.content.decode().count('<svg class="chart__svg"') == 5


def test_figures_page_without_any_exchange_shows_an_empty_state(client):
    factories.ActivityFactory(status=Status.DRAFT, published_at=None)

    response = client.get("/en/figures/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "No exchanges have been published yet" in html
    assert "<svg" not in html.split('<main id="content"')[1].split("</main>")[0]
    assert "<figure" not in html


def test_a_chart_without_data_says_so_instead_of_drawing(client):
    """Exchanges without themes, partners or participants: three empty charts."""
    activity(2024, participants=None, women_participants=None)

    html = client.get("/en/figures/").content.decode()

    assert html.count('<svg class="chart__svg"') == 2  # per year and by region
    assert html.count("There are no data for this chart yet.") == 3
    for slug in ("exchanges-by-theme", "participants", "flows"):
        assert f'href="/en/figures/{slug}.csv"' not in html


def test_figures_page_never_mentions_draft_or_staff_items(client, programme):
    html = client.get("/en/figures/").content.decode()

    assert "1000" not in html and "1 000" not in html  # the draft's participants
    assert "2030" not in html  # the year of the exchange in review
    assert "Staff only memo" not in html
    assert "Conference" not in html  # the draft's kind


# --- CSV -------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    """Rows of a CSV response: commas in English, semicolons in Russian."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    delimiter = ";" if response.wsgi_request.path.startswith("/ru/") else ","
    return list(csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_csv_has_a_header_row_in_the_visitors_language(client, programme):
    response = client.get("/en/figures/exchanges-by-year.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="exchanges-by-year-en.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    assert read_csv(response) == [
        ["Year", "Training course", "Workshop", "Total"],
        ["2023", "1", "1", "2"],
        ["2024", "0", "0", "0"],
        ["2025", "1", "1", "2"],
    ]


def test_russian_csv_uses_russian_names_semicolons_and_decimal_commas(
    client, programme
):
    rows = read_csv(client.get("/ru/figures/exchanges-by-region.csv"))
    assert rows[1:3] == [["Африка", "2"], ["Азия", "1"]]

    response = client.get("/ru/figures/participants.csv")
    assert response["Content-Disposition"].endswith('filename="participants-ru.csv"')
    text = response.content.decode("utf-8")
    assert text.splitlines()[1] == "2023;40;12;40,0"


def test_english_csv_of_the_flows_is_the_matrix(client, programme):
    rows = read_csv(client.get("/en/figures/flows.csv"))

    assert rows == [
        ["Provider region", "Africa", "Asia and the Pacific"],
        ["Africa", "1", "1"],
        ["Asia and the Pacific", "2", "0"],
    ]


def test_csv_cells_that_look_like_formulas_are_neutralised(client):
    evil = factories.ThemeFactory(
        slug="evil", name_en='=HYPERLINK("http://evil.example","x")', name_ru="-1+1"
    )
    other = factories.ThemeFactory(slug="at", name_en="@SUM(A1)", name_ru="+7")
    activity(2024, themes=[evil, other])

    rows = read_csv(client.get("/en/figures/exchanges-by-theme.csv"))
    labels = sorted(row[0] for row in rows[1:])
    assert labels == ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)"]

    rows = read_csv(client.get("/ru/figures/exchanges-by-theme.csv"))
    assert sorted(row[0] for row in rows[1:]) == ["'+7", "'-1+1"]


@pytest.mark.parametrize(
    "path",
    [
        "/en/figures/nope.csv",
        "/en/figures/FLOWS.csv",
        "/en/figures/flows.csv.csv",
        "/en/figures/flows.xlsx",
        "/ru/figures/..%2Fsecrets.csv",
        "/en/figures/%00.csv",
    ],
)
def test_unknown_charts_are_not_found(client, programme, path):
    response = client.get(path)

    assert response.status_code == 404


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=st.text(max_size=60))
def test_any_chart_name_gives_a_csv_or_a_404(client, name):
    response = client.get(f"/en/figures/{quote(name, safe='')}.csv")

    assert response.status_code in (200, 404)
    assert b"Traceback" not in response.content


def test_every_csv_route_answers_without_data(client):
    for path in CSV_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content.startswith(b"\xef\xbb\xbf")


# --- The SVG itself --------------------------------------------------------------


def test_chart_labels_are_escaped(client):
    theme = factories.ThemeFactory(name_en="<script>alert(1)</script> & co")
    partner = factories.PartnerFactory()
    activity(2024, themes=[theme], providers=[partner], beneficiaries=[partner])

    html = client.get("/en/figures/").content.decode()

    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_every_chart_svg_parses_as_xml(programme):
    with translation.override("en"):
        result = figures.compute_figures()
        for chart in result.charts.values():
            parse_xml(str(charts.render(chart)))


def test_each_data_table_holds_its_chart_s_table(programme):
    with translation.override("ru"):
        for chart in figures.compute_figures().charts.values():
            root = parse_xml(str(charts.data_table(chart)))
            assert root.find("caption").get("id") == f"{chart.slug}-caption"
            assert root.find("caption").text == chart.table.caption
            header = [th.text for th in root.iter("th") if th.get("scope") == "col"]
            assert header == [str(column) for column in chart.table.columns]
            rows = [
                (row.find("th").text, [td.text for td in row.findall("td")])
                for row in root.find("tbody")
            ]
            assert rows == chart.table.display_rows


def test_legend_entries_escape_their_labels():
    chart = Chart(
        slug="x",
        kind="bars",
        title="t",
        summary="s",
        note="n",
        table=Table(caption="c", columns=["a"], rows=[]),
        series=[Series("k", "<b>Bold</b> & co", 0), Series("u", "Plain", -1)],
    )
    items = parse_xml(f"<ul>{charts.legend_items(chart)}</ul>")
    assert ["".join(item.itertext()) for item in items] == ["<b>Bold</b> & co", "Plain"]
    assert [item.find("svg").get("aria-hidden") for item in items] == ["true"] * 2
    assert items[1].find("svg/rect").get("fill") == charts.UNSPECIFIED_COLOUR


def test_palette_text_and_outlines_keep_their_contrast():
    for fill in charts.PALETTE:
        # Labels written on a bar: at least 4.5:1 (WCAG AA for normal text).
        assert charts.contrast(charts.text_on(fill), fill) >= 4.5
        # A bar under 3:1 on white gets a dark outline that is.
        edge = charts.outline(fill)
        assert (
            max(charts.contrast(fill, "#ffffff"), charts.contrast(edge, "#ffffff")) >= 3
        )
    assert charts.contrast(charts.UNSPECIFIED_COLOUR, "#ffffff") >= 4.5


def test_long_labels_wrap():
    lines = charts.wrap(
        "Другие регионы (трехстороннее сотрудничество)", width=150, size=15
    )

    assert len(lines) > 1
    assert " ".join(lines) == "Другие регионы (трехстороннее сотрудничество)"
    assert all(charts.text_width(line, 15) <= 150 for line in lines)
