"""The month calendar of activities and the iCal feeds, from the outside."""

import datetime
import re
from urllib.parse import urlencode

import icalendar
import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.publishing import Status
from programme.models import ActivityKind
from programme.month import weekday_names
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}


def calendar_url(language="en", **params) -> str:
    query = urlencode(params, doseq=True)
    url = f"/{language}/programme/calendar/"
    return f"{url}?{query}" if query else url


def feed_url(language="en", **params) -> str:
    query = urlencode(params, doseq=True)
    url = f"/{language}/programme/activities.ics"
    return f"{url}?{query}" if query else url


def days_of(html: str, title: str) -> list[str]:
    """The dates (YYYY-MM-DD) of the calendar cells that list ``title``."""
    cells = re.findall(r"<td class=\"calendar__day.*?</td>", html, flags=re.S)
    found = []
    for cell in cells:
        if f">{title}</a>" in cell:
            found.append(re.search(r'datetime="([\d-]+)"', cell)[1])
    return found


def events(response) -> list:
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def summaries(response) -> set[str]:
    return {str(event["SUMMARY"]) for event in events(response)}


# --- The month calendar ---------------------------------------------------------------


@pytest.fixture
def december():
    """A three-day workshop across a weekend, a one-day webinar and a draft."""
    workshop = factories.ActivityFactory(
        slug="workshop",
        title_en="Border workshop",
        kind=ActivityKind.WORKSHOP,
        start_date=datetime.date(2026, 12, 4),
        end_date=datetime.date(2026, 12, 6),
    )
    webinar = factories.ActivityFactory(
        slug="webinar",
        title_en="Victims webinar",
        kind=ActivityKind.WEBINAR,
        start_date=datetime.date(2026, 12, 15),
        end_date=datetime.date(2026, 12, 15),
    )
    factories.ActivityFactory(
        slug="draft",
        title_en="Secret draft exchange",
        start_date=datetime.date(2026, 12, 10),
        end_date=datetime.date(2026, 12, 11),
        **DRAFT,
    )
    return {"workshop": workshop, "webinar": webinar}


def test_a_multi_day_activity_appears_on_each_of_its_days(client, december):
    html = client.get(calendar_url(month="2026-12")).content.decode()

    assert days_of(html, "Border workshop") == [
        "2026-12-04",
        "2026-12-05",
        "2026-12-06",
    ]
    assert days_of(html, "Victims webinar") == ["2026-12-15"]


def test_a_busy_day_names_four_activities_and_counts_the_others(client):
    for number in range(6):
        factories.ActivityFactory(
            title_en=f"Busy day exchange {number}",
            start_date=datetime.date(2026, 12, 9),
            end_date=datetime.date(2026, 12, 9),
        )
    html = client.get(calendar_url(month="2026-12")).content.decode()
    table = html[html.index('<table class="calendar"') : html.index("</table>")]
    assert table.count("Busy day exchange") == 4
    assert "and 2 more" in table
    # The month's list below the grid names every one of them.
    assert html.count("Busy day exchange") == 4 + 6


def test_the_month_is_an_accessible_table_in_the_visitors_language(client, december):
    english = client.get(calendar_url("en", month="2026-12")).content.decode()
    russian = client.get(calendar_url("ru", month="2026-12")).content.decode()

    assert '<caption id="calendar-caption">December 2026</caption>' in english
    assert "Декабрь 2026" in re.search(r"<caption[^>]*>([^<]+)<", russian)[1]
    # Seven column headers, Monday first.
    headers = re.findall(r'<th scope="col"><abbr title="(\w+)">', english)
    assert headers == [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    assert re.findall(r'<th scope="col"><abbr title="(\w+)">', russian)[0] == (
        "Понедельник"
    )
    # 2026-12-01 is a Tuesday: the grid starts on Monday 30 November.
    assert re.search(
        r'<td class="calendar__day[^"]*">\s*<time[^>]+"2026-11-30"', english
    )


def test_drafts_are_not_in_the_calendar_for_visitors(client, december, editor):
    html = client.get(calendar_url(month="2026-12")).content.decode()
    assert "Secret draft exchange" not in html

    client.force_login(editor)
    html = client.get(calendar_url(month="2026-12")).content.decode()
    assert days_of(html, "Secret draft exchange") == ["2026-12-10", "2026-12-11"]


def test_the_calendar_applies_the_ledgers_filters(client, december):
    response = client.get(calendar_url(month="2026-12", kind="webinar"))
    html = response.content.decode()

    assert days_of(html, "Victims webinar") == ["2026-12-15"]
    assert days_of(html, "Border workshop") == []
    # Facets count the month's activities; the panel keeps the other kinds.
    kinds = {
        option.value: option.count
        for item in response.context["facets"]
        if item.name == "kind"
        for option in item.options
    }
    assert kinds == {"workshop": 1, "webinar": 1}


def test_previous_and_next_months_keep_the_filters(client, december):
    html = client.get(calendar_url(month="2026-12", kind="webinar")).content.decode()

    assert 'href="/en/programme/calendar/?month=2026-11&amp;kind=webinar"' in html
    assert 'href="/en/programme/calendar/?month=2027-01&amp;kind=webinar"' in html
    assert 'href="/en/programme/activities.ics?kind=webinar"' in html
    assert 'href="/en/programme/activities/?kind=webinar"' in html


@pytest.mark.parametrize(
    ("month", "carried"),
    [("2026-12", "2026-12"), ("2026-7", "2026-07"), ("junk", None)],
)
def test_the_filter_form_carries_the_month_shown(client, december, month, carried):
    """A hidden ``month`` field, so that applying filters stays on that month."""
    response = client.get(calendar_url(month=month, kind="webinar"))

    shown = response.context["month"]
    assert response.context["filter"].form["month"].value() == f"{shown:%Y-%m}"
    if carried:
        assert f"{shown:%Y-%m}" == carried


def test_the_default_month_is_the_current_one(client):
    today = timezone.localdate()

    response = client.get(calendar_url())

    assert response.status_code == 200
    assert response.context["month"] == today.replace(day=1)
    assert 'aria-current="date"' in response.content.decode()


@pytest.mark.parametrize(
    "month", ["2026-13", "2026-00", "december", "2026/12", "-1", "2026-1-1", "\x00"]
)
def test_a_malformed_month_shows_the_current_month_with_a_message(client, month):
    response = client.get(calendar_url(month=month))

    assert response.status_code == 200
    assert response.context["month"] == timezone.localdate().replace(day=1)
    assert "The month could not be read" in response.content.decode()


@pytest.mark.parametrize(
    ("month", "shown"),
    [("1066-10", datetime.date(1990, 1, 1)), ("9999-01", datetime.date(2100, 12, 1))],
)
def test_months_out_of_range_are_clamped(client, month, shown):
    response = client.get(calendar_url(month=month))

    assert response.status_code == 200
    assert response.context["month"] == shown
    html = response.content.decode()
    assert 'class="notice"' in html
    # No link beyond the range.
    assert 'rel="prev"' not in html if shown.year == 1990 else 'rel="next"' not in html


def test_invalid_filters_on_the_calendar_show_a_form_error(client, december):
    response = client.get(calendar_url(month="2026-12", kind="nonsense"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert days_of(html, "Border workshop") == []


@pytest.fixture
def busy_month():
    """This month's activities: kinds, themes, partners, a country, some past and
    some still to come, one running into the next month, and a draft."""
    today = timezone.localdate()
    first = today.replace(day=1)
    themes = factories.ThemeFactory.create_batch(3)
    partners = factories.PartnerFactory.create_batch(3)
    kenya = factories.CountryFactory(iso3="KEN", name_en="Kenya")
    kinds = [ActivityKind.WEBINAR, ActivityKind.WORKSHOP, ActivityKind.CONFERENCE]
    for number in range(12):
        start = first + datetime.timedelta(days=number * 2)
        activity = factories.ActivityFactory(
            kind=kinds[number % 3],
            start_date=start,
            end_date=start + datetime.timedelta(days=number % 5),
            host_country=kenya if number % 4 == 0 else None,
            **(DRAFT if number == 7 else {}),
        )
        activity.themes.set(themes[: 1 + number % 3])
        activity.providers.set(partners[number % 3 : number % 3 + 1])
        activity.beneficiaries.set(partners[(number + 1) % 3 :])
    return {"month": f"{first:%Y-%m}", "themes": themes, "partners": partners}


def facet_table(response) -> dict:
    facets = response.context["facets"]
    table = {
        facet.name: {
            option.value: (option.label, option.count, option.selected)
            for option in facet.options
        }
        for facet in facets
    }
    return {"total": facets.total, **table}


@pytest.mark.parametrize(
    "choice",
    [
        {},
        {"kind": "webinar"},
        {"kind": ["webinar", "conference"], "theme": "THEME0"},
        {"when": "past", "country": "KEN"},
        {"provider": "PARTNER1", "q": "Workshop"},
    ],
)
@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_the_months_facets_and_activities_are_those_sql_counts(
    client, busy_month, monkeypatch, request, choice, who
):
    """Filtered and counted on the month's rows and their stored facet keys, the
    calendar shows what the filters and counts in SQL give (its fallback)."""
    if who == "editor":
        client.force_login(request.getfixturevalue("editor"))
    slugs = {
        f"THEME{index}": theme.slug for index, theme in enumerate(busy_month["themes"])
    }
    slugs |= {
        f"PARTNER{index}": partner.slug
        for index, partner in enumerate(busy_month["partners"])
    }
    params = {
        key: slugs.get(value, value) if isinstance(value, str) else value
        for key, value in choice.items()
    }
    path = calendar_url(month=busy_month["month"], **params)

    stored = client.get(path)
    monkeypatch.setattr("programme.views.MONTH_ROWS", 0)
    counted_in_sql = client.get(path)

    assert facet_table(stored) == facet_table(counted_in_sql)
    assert month_of(stored) == month_of(counted_in_sql)


def month_of(response) -> str:
    """The month's grid and list (the page's shell differs: a CSRF token)."""
    html = response.content.decode()
    return html[html.index('<table class="calendar"') : html.index("</section>")]


# --- iCal: the feed ---------------------------------------------------------------------


@pytest.fixture
def feed_world():
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    kenya = factories.CountryFactory(iso3="KEN", name_en="Kenya")
    upcoming = factories.ActivityFactory(
        slug="upcoming",
        title_en="Upcoming workshop",
        title_ru="Предстоящий семинар",
        summary_en="<b>Judges</b> and prosecutors.",
        summary_ru="Судьи и прокуроры.",
        city_en="Nairobi",
        city_ru="Найроби",
        host_country=kenya,
        kind=ActivityKind.WORKSHOP,
        start_date=today + 10 * day,
        end_date=today + 12 * day,
    )
    recent = factories.ActivityFactory(
        slug="recent",
        title_en="Recent webinar",
        kind=ActivityKind.WEBINAR,
        start_date=today - 100 * day,
        end_date=today - 100 * day,
    )
    old = factories.ActivityFactory(
        slug="old",
        title_en="Old course",
        kind=ActivityKind.TRAINING_COURSE,
        start_date=today - 500 * day,
        end_date=today - 498 * day,
    )
    factories.ActivityFactory(
        slug="draft",
        title_en="Secret draft exchange",
        start_date=today + 3 * day,
        end_date=today + 3 * day,
        **DRAFT,
    )
    return {"upcoming": upcoming, "recent": recent, "old": old, "today": today}


def test_the_feed_is_a_calendar_of_the_upcoming_and_last_years_activities(
    client, feed_world
):
    response = client.get(feed_url())

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert ".ics" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert "South-South" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "South-South Cooperation: activities"
    assert summaries(response) == {"Upcoming workshop", "Recent webinar"}


def test_the_feed_honours_the_ledgers_filters(client, feed_world):
    assert summaries(client.get(feed_url(kind="webinar"))) == {"Recent webinar"}
    assert summaries(client.get(feed_url(when="upcoming"))) == {"Upcoming workshop"}
    # A year or "past" chooses the period: older activities come back.
    assert summaries(client.get(feed_url(when="past"))) == {
        "Recent webinar",
        "Old course",
    }
    old_year = str(feed_world["old"].start_date.year)
    assert "Old course" in summaries(client.get(feed_url(year=old_year)))
    assert summaries(client.get(feed_url(country="KEN"))) == {"Upcoming workshop"}


def test_drafts_are_never_in_the_feed_even_for_staff(client, feed_world, editor):
    client.force_login(editor)

    response = client.get(feed_url())

    assert "Secret draft exchange" not in summaries(response)
    assert b"Secret draft" not in response.content


def test_an_event_is_all_day_with_an_exclusive_end_a_stable_uid_and_a_url(
    client, feed_world
):
    upcoming = feed_world["upcoming"]

    (event,) = events(client.get(feed_url(kind="workshop")))

    assert event.decoded("DTSTART") == upcoming.start_date
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
    assert event.decoded("DTEND") == upcoming.end_date + datetime.timedelta(days=1)
    assert str(event["UID"]) == f"activity-{upcoming.pk}@127.0.0.1"
    assert event.get("DTSTAMP") is not None
    assert str(event["URL"]) == "http://testserver/en/programme/activities/upcoming/"
    assert str(event["LOCATION"]) == "Nairobi, Kenya"
    description = str(event["DESCRIPTION"])
    assert "Judges and prosecutors." in description
    assert "<b>" not in description

    again = events(client.get(feed_url()))
    assert str(event["UID"]) in {str(other["UID"]) for other in again}


def test_the_feed_speaks_the_language_of_its_url(client, feed_world):
    english = events(client.get(feed_url("en", kind="workshop")))[0]
    russian_response = client.get(feed_url("ru", kind="workshop"))
    russian = events(russian_response)[0]

    assert str(english["SUMMARY"]) == "Upcoming workshop"
    assert str(russian["SUMMARY"]) == "Предстоящий семинар"
    assert str(russian["LOCATION"]).startswith("Найроби")
    assert "Судьи и прокуроры." in str(russian["DESCRIPTION"])
    assert str(russian["URL"]).endswith("/ru/programme/activities/upcoming/")
    calendar = icalendar.Calendar.from_ical(russian_response.content)
    with translation.override("ru"):
        expected = gettext("South-South Cooperation: activities")
    assert str(calendar["X-WR-CALNAME"]) == expected


def test_text_is_escaped_and_lines_folded_as_icalendar_writes_them(client):
    """The hand-written file is byte for byte what the icalendar package writes."""
    title = "Border; checks, rules \\ and a very long title " + "ж" * 60
    factories.ActivityFactory(
        title_en=title,
        summary_en="First line,\nsecond line; " + "Кириллица " * 30,
        city_en="Nairobi",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
    )

    response = client.get(feed_url("en"))

    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    (event,) = events(response)
    assert str(event["SUMMARY"]) == title
    assert "First line,\nsecond line; Кириллица" in str(event["DESCRIPTION"])
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar.to_ical() == response.content


def test_a_missing_translation_falls_back_to_the_other_language(client):
    factories.ActivityFactory(
        slug="ru-only",
        title_en="",
        summary_en="",
        title_ru="Только по-русски",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
    )

    assert summaries(client.get(feed_url("en"))) == {"Только по-русски"}


@pytest.mark.parametrize(
    "params",
    [{"kind": "nonsense"}, {"year": "1800"}, {"provider": "not a slug!"}],
)
def test_invalid_filters_are_a_bad_request_with_a_short_message(client, params):
    response = client.get(feed_url(**params))

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert len(response.content) < 500
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_feed_without_filters_is_the_feed_any_filter_set_would_write(
    client, feed_world, language
):
    """Without filters the feed is read by a compiled query of plain rows
    (views.FEED_EVENTS); a sort, which keeps every activity, goes through the
    filter set and the ORM: both write the same file, byte for byte."""
    factories.ActivityFactory(
        title_en="",
        title_ru="Только по-русски",
        summary_en="",
        summary_ru="<p>Кратко</p>",
        start_date=feed_world["today"],
        end_date=feed_world["today"],
    )

    plain = client.get(feed_url(language)).content
    through_filters = client.get(feed_url(language, sort="newest")).content

    assert plain == through_filters
    assert re.search(rb"\r\nCREATED:\d{8}T\d{6}Z\r\n", plain)
    assert re.search(rb"\r\nLAST-MODIFIED:\d{8}T\d{6}Z\r\n", plain)
    assert b"<p>" not in plain


def test_the_feed_holds_at_most_feed_limit_events(client, monkeypatch):
    monkeypatch.setattr("programme.views.FEED_LIMIT", 3)
    factories.ActivityFactory.create_batch(
        5, start_date=timezone.localdate(), end_date=timezone.localdate()
    )

    assert len(events(client.get(feed_url()))) == 3


def test_the_feed_runs_one_query(client, feed_world, django_assert_max_num_queries):
    """One query whatever the filters (after a warm-up: the choices are cached)."""
    path = feed_url(kind="workshop", country="KEN")
    client.get(path)

    with django_assert_max_num_queries(1):
        client.get(path)


# --- iCal: one activity -----------------------------------------------------------------


def test_one_activity_downloads_as_an_ics_file(client, feed_world):
    upcoming = feed_world["upcoming"]

    response = client.get("/en/programme/activities/upcoming.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="upcoming.ics"'
    (event,) = events(response)
    assert str(event["SUMMARY"]) == "Upcoming workshop"
    assert event.decoded("DTEND") == upcoming.end_date + datetime.timedelta(days=1)


def test_an_unpublished_activity_has_no_ics_for_visitors(
    client, feed_world, mission_member, editor
):
    assert client.get("/en/programme/activities/draft.ics").status_code == 404
    client.force_login(mission_member)
    assert client.get("/en/programme/activities/draft.ics").status_code == 404
    client.force_login(editor)
    response = client.get("/en/programme/activities/draft.ics")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


# --- Fuzzing ---------------------------------------------------------------------------

KEYS = ["month", "q", "kind", "theme", "region", "country", "provider"]
KEYS += ["beneficiary", "year", "format", "when", "project", "sort", "page", "x", ""]
VALUES = ["2026-12", "1990-01", "2101-01", "0000-00", "2026-1", "workshop", "KEN"]
VALUES += ["upcoming", "past", "2025", "newest", "-1", "x" * 3000, "\x00", "%", "é"]


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
def test_any_query_string_gives_a_calendar_or_a_bad_request(
    client, december, params, language
):
    query = urlencode(params)

    page = client.get(f"/{language}/programme/calendar/?{query}")
    feed = client.get(f"/{language}/programme/activities.ics?{query}")

    assert page.status_code in (200, 404)
    assert b"Traceback" not in page.content
    assert feed.status_code in (200, 400)
    if feed.status_code == 200:
        icalendar.Calendar.from_ical(feed.content)
    assert b"Secret draft" not in feed.content


# --- Query counts ------------------------------------------------------------------------


@pytest.mark.parametrize("n", [5, 50])
@pytest.mark.parametrize("who", ["anonymous", "mission_member"])
def test_the_calendar_runs_at_most_ten_queries(
    client, django_assert_max_num_queries, request, n, who
):
    """The same bound with 5 and with 50 activities in the month (and partners):
    at most ten, as every page; pinned at the month's rows and the partners'
    names, plus session and user when signed in.

    One warm-up request first: the taxonomy choices and the menu are cached.
    """
    partners = factories.PartnerFactory.create_batch(4)
    themes = factories.ThemeFactory.create_batch(3)
    for index in range(n):
        activity = factories.ActivityFactory(
            start_date=datetime.date(2026, 12, 1 + index % 28),
            end_date=datetime.date(2026, 12, 1 + index % 28)
            + datetime.timedelta(days=index % 4),
        )
        activity.providers.set(partners[:2])
        activity.beneficiaries.set(partners[2:])
        activity.themes.set(themes)
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    path = calendar_url(month="2026-12", theme=themes[0].slug)
    client.get(path)

    with django_assert_max_num_queries(2 + (2 if who != "anonymous" else 0)):
        response = client.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_weekday_headings_are_those_of_any_week(language):
    """Named once per language (``month.weekday_names``), as each week names them."""
    week = [datetime.date(2026, 11, 30) + datetime.timedelta(days=n) for n in range(7)]
    with translation.override(language):
        assert list(weekday_names()) == [
            {"short": date_format(day, "D"), "long": date_format(day, "l")}
            for day in week
        ]
