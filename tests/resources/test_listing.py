"""The library's pages read by compiled statements (resources.listing) give the
rows the ORM gives, to each reader, in both languages, on every page."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.urls import reverse
from django.utils import translation

from portal.publishing import Status
from resources.filters import ResourceFilterSet, resource_counts
from resources.listing import FIRST_PAGE, LATER_PAGE, LibraryRows
from resources.models import Access, Resource, ResourceKind
from resources.querysets import ResourceSelection
from tests import factories

pytestmark = pytest.mark.django_db

PER_PAGE = 4


@pytest.fixture
def shelf(db):
    """Thirty resources of every access level and status, spread over kinds,
    themes, regions, countries, years, languages and titles in one language."""
    region = factories.RegionFactory(slug="asia")
    themes = [factories.ThemeFactory(slug=f"theme-{n}") for n in range(3)]
    country = factories.CountryFactory(iso3="KAZ", region=region)
    kinds = [ResourceKind.PUBLICATION, ResourceKind.TOOLKIT, ResourceKind.VIDEO]
    levels = [Access.PUBLIC, Access.MISSIONS, Access.STAFF]
    statuses = [Status.PUBLISHED, Status.PUBLISHED, Status.DRAFT]
    for n in range(30):
        resource = factories.ResourceFactory(
            slug=f"item-{n:02}",
            kind=kinds[n % 3],
            access=levels[n % 5 % 3],
            status=statuses[n % 7 % 3],
            title_en=f"Item {29 - n:02} border" if n % 4 else "",
            title_ru=f"Ресурс {n:02}",
            # Some undated, some sharing a date: the slug breaks ties.
            published_on=None if n % 9 == 0 else datetime.date(2020 + n % 4, 1, 1),
            url_en="https://example.org/" if n % 2 else "",
        )
        resource.themes.add(themes[n % 3], *([themes[0]] if n % 5 == 0 else []))
        if n % 2:
            resource.regions.add(region)
        if n % 3 == 0:
            resource.countries.add(country)


SELECTIONS = [
    (ResourceSelection(), ""),
    (ResourceSelection(kind=("publication",)), ""),
    (ResourceSelection(kind=("publication", "video"), theme=("theme-0",)), ""),
    (ResourceSelection(theme=("theme-1", "theme-2"), region=("asia",)), ""),
    (ResourceSelection(country=("KAZ",), access=("missions",)), ""),
    (ResourceSelection(year=("2021",)), ""),
    (ResourceSelection(year=("2020", "2023"), language="en"), ""),
    (ResourceSelection(language="both"), ""),
    (ResourceSelection(access=("public", "staff")), "border"),
    (ResourceSelection(), "Ресурс 1"),
]


@pytest.mark.parametrize("who", ["anonymous", "member", "editor"])
@pytest.mark.parametrize("sort", ["newest", "oldest", "title"])
def test_every_page_has_the_rows_of_the_orm(shelf, mission_member, editor, who, sort):
    user = {"anonymous": AnonymousUser(), "member": mission_member, "editor": editor}
    for (selection, text), language in itertools.product(SELECTIONS, ["ru", "en"]):
        with translation.override(language):
            rows = LibraryRows(
                user=user[who], selection=selection, text=text, sort=sort
            )
            expected = [resource.slug for resource in rows.queryset()]
            listed = [
                resource.slug
                for start in range(0, 32, PER_PAGE)
                for resource in rows[start : start + PER_PAGE]
            ]
            assert listed == expected, (selection, text, language)
            assert rows.count() == len(expected)


@pytest.mark.parametrize("who", ["anonymous", "editor"])
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_pages_that_start_at_their_year_have_the_rows_of_the_orm(
    shelf, editor, who, sort
):
    """Given the year facet's counts, a page sorted by date starts reading at
    its year: the same rows, across years, into the undated ones last."""
    user = {"anonymous": AnonymousUser(), "editor": editor}[who]
    base = Resource.objects.visible_to(user)
    for (selection, text), language in itertools.product(SELECTIONS, ["ru", "en"]):
        counts = resource_counts(
            base, staff=who == "editor", text=text, selection=selection
        )
        with translation.override(language):
            rows = LibraryRows(
                user=user,
                selection=selection,
                text=text,
                sort=sort,
                years=counts["year"],
            )
            expected = [resource.slug for resource in rows.queryset()]
            for per_page in (1, 3, PER_PAGE):
                listed = [
                    resource.slug
                    for start in range(0, 32, per_page)
                    for resource in rows[start : start + per_page]
                ]
                assert listed == expected, (selection, text, language, per_page)


def test_a_page_starts_at_its_year_only_within_the_dated_rows():
    years = {"2021": 3, "2023": 2, "2020": 0, "2022": 4}
    newest = LibraryRows(
        user=AnonymousUser(), selection=ResourceSelection(), years=years
    )
    assert newest._year_start(0, 2) == (datetime.date(2024, 1, 1), 0)
    assert newest._year_start(2, 4) == (datetime.date(2023, 1, 1), 0)
    assert newest._year_start(7, 9) == (datetime.date(2022, 1, 1), 1)
    # Rows past the dated ones are undated, in no year.
    assert newest._year_start(8, 10) is None
    oldest = LibraryRows(
        user=AnonymousUser(), selection=ResourceSelection(), sort="oldest", years=years
    )
    assert oldest._year_start(3, 5) == (datetime.date(2022, 1, 1), 0)
    # Only the chosen years are listed; a facet counts every year.
    chosen = LibraryRows(
        user=AnonymousUser(),
        selection=ResourceSelection(year=("2021", "2023")),
        years=years,
    )
    assert chosen._year_start(2, 4) == (datetime.date(2022, 1, 1), 0)
    assert chosen._year_start(4, 6) is None
    by_title = LibraryRows(
        user=AnonymousUser(), selection=ResourceSelection(), sort="title", years=years
    )
    assert by_title._year_start(2, 4) is None


def test_later_pages_of_a_list_sorted_by_date_follow_the_first(client, db):
    """The view gives the rows its facets counted per year (``years``): pages
    past the first start at their year, a chosen year's too."""
    LATER_PAGE._statements.clear()
    for n in range(110):
        factories.ResourceFactory(
            slug=f"item-{n:02}",
            published_on=None
            if n % 7 == 0
            else datetime.date(2015 + n % 5, 1, n % 28 + 1),
        )
    with translation.override("en"):
        url = reverse("resources:list")
    for sort, years in itertools.product(("newest", "oldest"), ((), ("2016", "2018"))):
        rows = LibraryRows(
            AnonymousUser(), ResourceSelection(year=years), sort=sort
        ).queryset()
        listed = []
        for page in range(1, 10):
            response = client.get(url, {"sort": sort, "page": page, "year": years})
            if response.status_code == 404:
                break
            listed += [resource.slug for resource in response.context["object_list"]]
        assert listed == [resource.slug for resource in rows], (sort, years)
    if connection.vendor == "postgresql":
        started_at_year = [
            key for (key, _language) in LATER_PAGE._statements if key[-1]
        ]
        assert started_at_year


def test_staff_and_draft_items_are_never_read_for_others(shelf, mission_member):
    for user in (AnonymousUser(), mission_member):
        rows = LibraryRows(user=user, selection=ResourceSelection())
        listed = rows[0:PER_PAGE] + rows[PER_PAGE:40]
        assert listed
        assert {resource.access for resource in listed} == {"public", "missions"}
        assert {resource.status for resource in listed} == {"published"}
        # Asking for the staff level lists nothing rather than staff items.
        staff_only = ResourceSelection(access=("staff",))
        assert LibraryRows(user=user, selection=staff_only)[0:PER_PAGE] == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statements are compiled on PostgreSQL"
)
def test_one_statement_serves_every_page_and_option(shelf):
    FIRST_PAGE._statements.clear()
    LATER_PAGE._statements.clear()
    visitor = AnonymousUser()
    with translation.override("en"):
        for themes in (("theme-0",), ("theme-1",), ("theme-1", "theme-2")):
            rows = LibraryRows(user=visitor, selection=ResourceSelection(theme=themes))
            for start in range(0, 20, PER_PAGE):
                rows[start : start + PER_PAGE]
    # One option or several shape the SQL (= or ANY); the pages do not.
    assert len(FIRST_PAGE._statements) == 2
    assert len(LATER_PAGE._statements) == 2


def test_a_page_is_a_slice_with_an_end():
    rows = LibraryRows(user=AnonymousUser(), selection=ResourceSelection())
    with pytest.raises(TypeError):
        rows[3]
    with pytest.raises(TypeError):
        rows[4:]
    assert rows[4:4] == []


def test_later_pages_of_the_list_follow_the_first(client, db):
    for n in range(25):
        factories.ResourceFactory(
            slug=f"item-{n:02}", title_en=f"Item {(n * 7) % 25:02}", title_ru=""
        )
    with translation.override("en"):
        url = reverse("resources:list")
    first = client.get(url, {"sort": "title"})
    second = client.get(url, {"sort": "title", "page": 2})
    titles = [r.title for page in (first, second) for r in page.context["object_list"]]
    with translation.override("en"):
        assert titles == [f"Item {n:02}" for n in range(25)]
    assert client.get(url, {"page": 3}).status_code == 404


def test_the_form_class_kept_for_staff_never_serves_a_visitor(rf, editor):
    """Form classes are kept per set of access options: a visitor after staff
    is never offered, nor accepts, the staff level."""
    for user, staff_offered in ((editor, True), (AnonymousUser(), False)):
        request = rf.get("/", {"access": "staff"})
        request.user = user
        filterset = ResourceFilterSet(
            request.GET, queryset=Resource.objects.visible_to(user), request=request
        )
        values = [value for value, _label in filterset.form.fields["access"].choices]
        assert ("staff" in values) is staff_offered
        assert filterset.is_valid() is staff_offered
