"""Stored facet counts: the triggers keep them equal to counting the rows live."""

import datetime
import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.utils import timezone, translation

from portal import facet_counts
from portal.facet_counts import TOTAL
from portal.publishing import Status
from programme.facet_listing import ACTIVITIES
from programme.facets import NAMED_FACETS, facet_rows, stored_facet_rows
from programme.filters import UPCOMING, ActivityFilterSet
from programme.models import Activity, ActivityFormat, ActivityKind
from resources.facet_listing import RESOURCES
from resources.models import Access, Resource, ResourceKind
from resources.querysets import ResourceSelection
from tests import factories
from tests.conftest import need

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres():
    need(connection.vendor == "postgresql", "stored counts need PostgreSQL")


def live_resource_counts(*, staff: bool) -> dict:
    user = factories.UserFactory(is_staff=True) if staff else AnonymousUser()
    counts = Resource.objects.visible_to(user).facet_counts(ResourceSelection())
    counts["language"].pop("", None)  # "any language" is the total, stored once
    return {name: options for name, options in counts.items() if options}


def stored_resource_counts(*, staff: bool) -> dict:
    counts = facet_counts.stored_counts(RESOURCES, staff=staff)
    return {name: options for name, options in counts.items() if any(options.values())}


def every_stored_count(listing) -> dict:
    """Every non-zero count, the pairs of options included."""
    from portal.models import FacetCount

    return {
        (audience, given, key): count
        for audience, given, key, count in FacetCount.objects.filter(
            listing=listing.name
        )
        .exclude(count=0)
        .values_list("audience", "given", "key", "count")
    }


def stored_bitmaps(listing) -> dict[str, set[int]]:
    """Each bitmap's key and the ids of its set bits; every bitmap one length."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT key, bits::text FROM portal_facetbits WHERE listing = %s",
            [listing.name],
        )
        rows = cursor.fetchall()
    assert len({len(bits) for _key, bits in rows}) <= 1
    return {
        key: {position for position, bit in enumerate(bits) if bit == "1"}
        for key, bits in rows
        if "1" in bits
    }


def bitmaps_from_rows(listing) -> dict[str, set[int]]:
    from portal.facet_bitmaps import PUBLIC_ROWS
    from portal.models import FacetRow

    expected: dict[str, set[int]] = {}
    for object_id, public, keys in FacetRow.objects.filter(
        listing=listing.name
    ).values_list("object_id", "public", "keys"):
        for key in [*keys, PUBLIC_ROWS] if public else keys:
            expected.setdefault(key, set()).add(object_id)
    return expected


def assert_same_counts(live: dict, stored: dict, *context) -> None:
    """Every non-zero count of ``live`` is ``stored``'s, and no other."""
    for name, counts in live.items():
        expected = {option: n for option, n in counts.items() if n}
        got = {
            option: n
            for option, n in stored[name].items()
            # "" is "any", an option of the language facet only.
            if n and (option or name in ("language", TOTAL))
        }
        assert got == expected, (name, *context)


def assert_resources_agree() -> None:
    for staff in (False, True):
        assert stored_resource_counts(staff=staff) == live_resource_counts(staff=staff)
    assert stored_bitmaps(RESOURCES) == bitmaps_from_rows(RESOURCES)


def rows_by_key(rows) -> dict:
    """(facet, option) -> count; rows without an option (no theme...) are no option."""
    return {
        (name, value): count
        for name, value, _ru, _en, count in rows
        if value is not None and count
    }


def assert_activities_agree() -> None:
    for user in (AnonymousUser(), factories.UserFactory(is_staff=True)):
        base = Activity.objects.visible_to(user)
        live = rows_by_key(
            facet_rows(
                ActivityFilterSet(data=None, queryset=base), user=user, base=base
            )
        )
        unfiltered = ActivityFilterSet(data=None, queryset=base)
        stored = rows_by_key(stored_facet_rows(unfiltered, user=user))
        # The stored rows keep only the busiest partners and projects.
        assert stored == {
            key: count
            for key, count in live.items()
            if key in stored or key[0] not in NAMED_FACETS
        }
        assert stored[(TOTAL, "")] == base.count()


def test_resource_counts_follow_every_kind_of_change():
    theme, other_theme = factories.ThemeFactory.create_batch(2)
    region = factories.RegionFactory()
    country = factories.CountryFactory(region=region)
    public = factories.ResourceFactory(document_ru="resources/a.pdf")
    public.themes.add(theme, other_theme)
    public.countries.add(country)
    restricted = factories.ResourceFactory(
        access=Access.MISSIONS, url_en="https://x.org"
    )
    restricted.regions.add(region)
    hidden = factories.ResourceFactory(access=Access.STAFF, published_on=None)
    hidden.themes.add(theme)
    draft = factories.ResourceFactory(status=Status.DRAFT, published_at=None)
    draft.themes.add(other_theme)
    assert_resources_agree()

    public.themes.remove(other_theme)
    restricted.access = Access.STAFF
    restricted.save()
    hidden.access = Access.PUBLIC
    hidden.kind = ResourceKind.TOOLKIT
    hidden.save()
    draft.status = Status.PUBLISHED
    draft.published_at = public.published_at
    draft.document_en = "resources/b.pdf"
    draft.save()
    assert_resources_agree()

    old_combination = f"kind:{hidden.kind}&theme:{theme.slug}"
    assert any(
        given == old_combination
        for _audience, given, _key in every_stored_count(RESOURCES)
    )
    theme.slug = "renamed-theme"
    theme.save()
    country.iso3 = "ZZZ"
    country.save()
    public.delete()
    assert_resources_agree()
    # The renamed theme's pairs and combinations follow it, as a rebuild finds.
    after = every_stored_count(RESOURCES)
    givens = {given for _audience, given, _key in after}
    assert old_combination not in givens
    assert f"kind:{hidden.kind}&theme:renamed-theme" in givens
    facet_counts.rebuild([RESOURCES])
    assert every_stored_count(RESOURCES) == after
    # "hidden" keeps the renamed theme; the published draft, the other one.
    assert stored_resource_counts(staff=True)["theme"] == {
        "renamed-theme": 1,
        other_theme.slug: 1,
    }


def test_random_changes_keep_resource_counts_exact():
    rng = random.Random(2026)
    themes = factories.ThemeFactory.create_batch(4)
    countries = factories.CountryFactory.create_batch(3)
    resources = []
    for _ in range(25):
        resource = factories.ResourceFactory(
            kind=rng.choice(ResourceKind.values),
            access=rng.choice(Access.values),
            status=rng.choice([Status.PUBLISHED, Status.DRAFT]),
            published_on=rng.choice(
                [None, datetime.date(rng.randint(2019, 2026), 1, 1)]
            ),
            document_ru=rng.choice(["", "resources/ru.pdf"]),
            url_en=rng.choice(["", "https://example.org"]),
        )
        resource.themes.set(rng.sample(themes, rng.randint(0, 3)))
        resource.countries.set(rng.sample(countries, rng.randint(0, 2)))
        resources.append(resource)
    for _ in range(40):
        resource = rng.choice(resources)
        change = rng.randrange(5)
        if change == 0:
            resource.access = rng.choice(Access.values)
            resource.save()
        elif change == 1:
            resource.themes.set(rng.sample(themes, rng.randint(0, 4)))
        elif change == 2:
            resource.status = rng.choice([Status.PUBLISHED, Status.ARCHIVED])
            resource.save()
        elif change == 3:
            resource.published_on = datetime.date(rng.randint(2019, 2026), 6, 1)
            resource.save()
        else:
            resource.kind = rng.choice(ResourceKind.values)
            resource.save()
    assert_resources_agree()

    # A rebuild from the rows finds exactly what the triggers kept, pairs,
    # combinations and bitmaps too.
    before = every_stored_count(RESOURCES)
    bitmaps_before = stored_bitmaps(RESOURCES)
    assert any(given for _audience, given, _key in before)
    assert any("&" in given for _audience, given, _key in before)
    facet_counts.rebuild([RESOURCES])
    assert every_stored_count(RESOURCES) == before
    assert stored_bitmaps(RESOURCES) == bitmaps_before


def test_bitmaps_grow_past_their_end_and_go_with_a_truncate():
    """A row past the bitmaps' end grows every bitmap of the list; TRUNCATE of
    the facet rows (the test runner's flush) empties them."""
    from portal.facet_bitmaps import BITMAP_STEP
    from resources.filters import resource_counts

    factories.ResourceFactory(kind=ResourceKind.TOOLKIT)
    far = factories.ResourceFactory(id=BITMAP_STEP + 5, kind=ResourceKind.VIDEO)
    far.themes.add(factories.ThemeFactory())
    assert_resources_agree()
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT length(bits) FROM portal_facetbits")
        assert cursor.fetchall() == [(2 * BITMAP_STEP,)]
    # Two options of one facet: counted from the bitmaps.
    counts = resource_counts(
        Resource.objects.visible_to(AnonymousUser()),
        staff=False,
        selection=ResourceSelection(kind=("video", "toolkit")),
    )
    assert counts[TOTAL][""] == 2

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE portal_facetrow")
        cursor.execute("SELECT count(*) FROM portal_facetbits")
        assert cursor.fetchone() == (0,)


def test_a_download_does_not_touch_the_counts(django_assert_num_queries):
    resource = factories.ResourceFactory()
    with django_assert_num_queries(1):
        Resource.objects.filter(pk=resource.pk).update(downloads=5)
    assert_resources_agree()


def test_activity_counts_follow_changes_and_dates():
    today = timezone.localdate()
    country = factories.CountryFactory()
    project = factories.ProjectFactory()
    provider, beneficiary = factories.PartnerFactory.create_batch(2)
    hidden_partner = factories.PartnerFactory(status=Status.DRAFT, published_at=None)
    past = factories.ActivityFactory(host_country=country, project=project)
    past.providers.add(provider, hidden_partner)
    past.beneficiaries.add(beneficiary)
    coming = factories.ActivityFactory(
        kind=ActivityKind.STUDY_VISIT,
        format=ActivityFormat.ONLINE,
        start_date=today,
        end_date=today + datetime.timedelta(days=3),
    )
    coming.themes.add(factories.ThemeFactory())
    factories.ActivityFactory(status=Status.DRAFT, published_at=None)
    assert_activities_agree()

    anonymous = AnonymousUser()
    unfiltered = ActivityFilterSet(
        data=None, queryset=Activity.objects.visible_to(anonymous)
    )
    stored = rows_by_key(stored_facet_rows(unfiltered, user=anonymous))
    assert stored[("when", UPCOMING)] == 1
    assert ("provider", hidden_partner.slug) not in stored  # a draft is no option

    project.slug = "renamed-project"
    project.save()
    past.host_country = None
    past.save()
    coming.status = Status.ARCHIVED
    coming.save()
    assert_activities_agree()
    assert facet_counts.rebuild([ACTIVITIES]) == ["activities"]
    assert_activities_agree()


def test_unfiltered_lists_read_stored_counts(client, django_assert_max_num_queries):
    for _ in range(3):
        factories.ResourceFactory().themes.add(factories.ThemeFactory())
    with translation.override("en"), django_assert_max_num_queries(8):
        response = client.get("/en/resources/")
    assert response.status_code == 200
    assert response.context["paginator"].count == 3
    theme_facet = next(f for f in response.context["facets"] if f.name == "theme")
    assert [option.count for option in theme_facet.options] == [1, 1, 1]


def test_directory_counts_follow_changes(client):
    theme = factories.ThemeFactory()
    partners = factories.PartnerFactory.create_batch(3)
    partners[0].offers.add(theme)
    partners[1].seeks.add(theme)
    factories.PartnerFactory(status=Status.DRAFT, published_at=None).offers.add(theme)
    partners[2].status = Status.ARCHIVED
    partners[2].save()

    def facets(query: str) -> dict:
        response = client.get(f"/en/partners/{query}")
        assert response.status_code == 200
        return {
            facet.name: {option.value: option.count for option in facet.options}
            for facet in response.context["facets"]
        }, response.context["paginator"].count

    stored, stored_total = facets("")
    # Every kind chosen: the same partners, counted live.
    every_kind = "&".join(f"kind={kind}" for kind in stored["kind"])
    live, live_total = facets(f"?{every_kind}")
    assert (stored, stored_total) == (live, live_total)
    assert stored["offers"] == {theme.slug: 1}
    assert stored_total == 2


def test_chosen_options_count_what_the_rows_give():
    """Counts from the facet rows equal counting the content rows, for any choice."""
    from resources.filters import resource_counts

    rng = random.Random(7)
    themes = factories.ThemeFactory.create_batch(3)
    countries = factories.CountryFactory.create_batch(2)
    for _ in range(30):
        resource = factories.ResourceFactory(
            kind=rng.choice(ResourceKind.values[:3]),
            access=rng.choice(Access.values),
            published_on=datetime.date(rng.choice([2023, 2024]), 1, 1),
            document_ru=rng.choice(["", "resources/ru.pdf"]),
            document_en=rng.choice(["", "resources/en.pdf"]),
        )
        resource.themes.set(rng.sample(themes, rng.randint(0, 2)))
        resource.countries.set(rng.sample(countries, rng.randint(0, 1)))
    options = {
        "kind": ResourceKind.values[:3],
        "theme": [theme.slug for theme in themes],
        "country": [country.iso3 for country in countries],
        "year": ["2023", "2024"],
        "access": ["public", "missions"],
    }
    staff_user = factories.UserFactory(is_staff=True)
    for _ in range(25):
        picked = rng.sample(sorted(options), rng.randint(1, 3))
        choice = {
            name: tuple(rng.sample(options[name], rng.randint(1, 2))) for name in picked
        }
        language = rng.choice(["", "ru", "en", "both"])
        selection = ResourceSelection(**choice, language=language)
        for user in (AnonymousUser(), staff_user):
            base = Resource.objects.visible_to(user)
            staff = user.is_authenticated
            live = base.facet_counts(selection)
            stored = resource_counts(base, staff=staff, selection=selection)
            assert_same_counts(live, stored, selection, staff)


def test_chosen_ledger_options_count_what_the_rows_give(rf):
    from django.http import QueryDict

    rng = random.Random(11)
    themes = factories.ThemeFactory.create_batch(2)
    partners = factories.PartnerFactory.create_batch(3)
    today = timezone.localdate()
    for _ in range(25):
        start = today + datetime.timedelta(days=rng.randint(-400, 60))
        activity = factories.ActivityFactory(
            kind=rng.choice(ActivityKind.values[:3]),
            format=rng.choice(ActivityFormat.values),
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randint(0, 3)),
            status=rng.choice([Status.PUBLISHED, Status.PUBLISHED, Status.DRAFT]),
        )
        activity.themes.set(rng.sample(themes, rng.randint(0, 2)))
        activity.providers.set(rng.sample(partners, rng.randint(0, 2)))
    options = {
        "kind": ActivityKind.values[:3],
        "format": ActivityFormat.values,
        "theme": [theme.slug for theme in themes],
        "provider": [partner.slug for partner in partners],
    }
    staff_user = factories.UserFactory(is_staff=True)
    for _ in range(15):
        picked = rng.sample(sorted(options), rng.randint(1, 3))
        query = QueryDict(mutable=True)
        for name in picked:
            query.setlist(name, rng.sample(options[name], rng.randint(1, 2)))
        for user in (AnonymousUser(), staff_user):
            base = Activity.objects.visible_to(user)
            filterset = ActivityFilterSet(data=query, queryset=base)
            assert filterset.is_valid(), filterset.errors
            live = rows_by_key(facet_rows(filterset, user=user, base=base))
            stored = rows_by_key(stored_facet_rows(filterset, user=user))
            assert stored == live, (query, user)


def test_wide_rows_store_no_pairs_and_still_count():
    """A row with more keys than WIDE_ROW_KEYS is counted from the rows."""
    from portal.facet_triggers import WIDE_ROW_KEYS
    from portal.models import FacetCount
    from resources.filters import resource_counts

    theme = factories.ThemeFactory()
    countries = factories.CountryFactory.create_batch(WIDE_ROW_KEYS + 5)
    wide = factories.ResourceFactory(kind=ResourceKind.TOOLKIT)
    wide.themes.set([theme])
    wide.countries.set(countries)
    narrow = factories.ResourceFactory(kind=ResourceKind.TOOLKIT)
    narrow.themes.set([theme])
    narrow.countries.set(countries[:2])
    paired = FacetCount.objects.filter(listing="resources", given=f"theme:{theme.slug}")
    assert paired.get(audience="public", key="kind:toolkit").count == 1  # narrow only

    anonymous = AnonymousUser()
    base = Resource.objects.visible_to(anonymous)
    for choice in (
        {"theme": (theme.slug,)},
        {"theme": (theme.slug,), "kind": ("toolkit",)},
    ):
        selection = ResourceSelection(**choice)
        live = base.facet_counts(selection)
        stored = resource_counts(base, staff=False, selection=selection)
        assert_same_counts(live, stored, choice)
    assert stored["country"][countries[0].iso3] == 2


def test_a_kind_within_a_theme_is_counted_from_its_stored_combination():
    """One kind and one theme chosen: counted from the stored combinations
    (``RESOURCES.combined_facets``), wide rows from the rows, no bitmap read;
    every count equals counting the rows."""
    from django.test.utils import CaptureQueriesContext

    from portal.facet_triggers import WIDE_ROW_KEYS
    from resources.filters import resource_counts

    rng = random.Random(5)
    themes = factories.ThemeFactory.create_batch(2)
    countries = factories.CountryFactory.create_batch(WIDE_ROW_KEYS + 3)
    kinds = ResourceKind.values[:2]
    for index in range(24):
        resource = factories.ResourceFactory(
            kind=rng.choice(kinds),
            access=rng.choice(Access.values),
            published_on=datetime.date(rng.choice([2023, 2024]), 1, 1),
            document_en=rng.choice(["", "resources/en.pdf"]),
        )
        resource.themes.set(rng.sample(themes, rng.randint(1, 2)))
        # Two rows too wide to store pairs or combinations.
        wide = index in (3, 7)
        resource.countries.set(countries if wide else rng.sample(countries[:3], 1))
    staff_user = factories.UserFactory(is_staff=True)
    for kind in kinds:
        for theme in themes:
            selection = ResourceSelection(kind=(kind,), theme=(theme.slug,))
            for user in (AnonymousUser(), staff_user):
                base = Resource.objects.visible_to(user)
                with CaptureQueriesContext(connection) as queries:
                    stored = resource_counts(
                        base, staff=user.is_authenticated, selection=selection
                    )
                assert not any("portal_facetbits" in q["sql"] for q in queries)
                assert any("&theme:" in q["sql"] for q in queries)
                live = base.facet_counts(selection)
                assert_same_counts(live, stored, kind, theme.slug, user)
