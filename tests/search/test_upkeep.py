"""Entries follow changes from every side, and a save pays almost nothing for it:
the rebuild runs after commit (a task), once per transaction, however many
signals the save sent."""

import pytest
from django.db import transaction

from portal.search import upkeep
from portal.search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.postgres


def entry(obj, kind="resource"):
    return SearchEntry.objects.get(kind=kind, object_id=obj.pk)


def test_adding_items_from_the_themes_side_reindexes_them(postgres):
    theme = factories.ThemeFactory(slug="border")
    resource = factories.ResourceFactory()
    project = factories.ProjectFactory()
    activity = factories.ActivityFactory()
    partner = factories.PartnerFactory()

    theme.resources.add(resource)
    theme.projects.add(project)
    theme.activities.add(activity)
    theme.offered_by.add(partner)
    assert entry(resource).themes == ["border"]
    assert entry(project, "project").themes == ["border"]
    assert entry(activity, "activity").themes == ["border"]
    assert entry(partner, "partner").themes == ["border"]

    theme.resources.remove(resource)
    assert entry(resource).themes == []
    theme.projects.clear()
    theme.activities.set([])
    assert entry(project, "project").themes == []
    assert entry(activity, "activity").themes == []


def test_regions_from_their_side_too(postgres):
    region = factories.RegionFactory(slug="africa")
    resource = factories.ResourceFactory()
    region.resources.add(resource)
    assert entry(resource).regions == ["africa"]
    region.resources.clear()
    assert entry(resource).regions == []


def test_renaming_or_deleting_a_theme_follows_in_the_entries(postgres):
    theme = factories.ThemeFactory(slug="border")
    other = factories.ThemeFactory(slug="victims")
    resource = factories.ResourceFactory()
    resource.themes.add(theme, other)
    untouched = factories.ResourceFactory()
    untouched.themes.add(other)

    theme.slug = "borders-and-customs"
    theme.save()
    assert entry(resource).themes == ["borders-and-customs", "victims"]
    assert entry(untouched).themes == ["victims"]

    theme.name = "Renamed only"  # the name is not in the entries: nothing to do
    theme.save()
    other.delete()
    assert entry(resource).themes == ["borders-and-customs"]
    assert entry(untouched).themes == []


def test_renaming_a_region_and_moving_a_country(postgres):
    africa = factories.RegionFactory(slug="africa")
    asia = factories.RegionFactory(slug="asia")
    country = factories.CountryFactory(region=africa)
    activity = factories.ActivityFactory(host_country=country)
    assert entry(activity, "activity").regions == ["africa"]

    country.region = asia
    country.save()
    assert entry(activity, "activity").regions == ["asia"]

    asia.slug = "asia-pacific"
    asia.save()
    assert entry(activity, "activity").regions == ["asia-pacific"]


@pytest.fixture
def deferred(settings, postgres):
    settings.SEARCH_INDEX_SYNC = False


def test_a_save_only_notes_the_item_and_the_rebuild_runs_on_commit(
    deferred, django_capture_on_commit_callbacks
):
    theme = factories.ThemeFactory(slug="border")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        resource = factories.ResourceFactory(title_en="Deferred title")
        resource.themes.add(theme)
        resource.regions.set([])
        # Nothing is rebuilt inside the transaction.
        assert not SearchEntry.objects.filter(object_id=resource.pk).exists()
    # One callback for the whole transaction: the save and its tags together.
    assert len(callbacks) == 1
    row = entry(resource)
    assert row.title_en == "Deferred title" and row.themes == ["border"]


def test_the_admin_like_save_adds_no_query_for_search(
    deferred, django_assert_max_num_queries
):
    """The save's query count with search upkeep equals the count without it:
    the upkeep is a set insert and one on-commit hook (the bench times it)."""
    theme = factories.ThemeFactory(slug="border")
    resource = factories.ResourceFactory(body_en="<p>" + "word " * 5000 + "</p>")
    # UPDATE of the row, the change history's INSERT; themes.set: read the
    # current links (twice, Django's own), insert the new one.
    with django_assert_max_num_queries(5) as queries:
        resource.title_en = "Edited"
        resource.save()
        resource.themes.set([theme])
    assert not any(
        'FROM "search_' in q["sql"]
        or 'INTO "search_' in q["sql"]
        or 'UPDATE "search_' in q["sql"]
        for q in queries.captured_queries
    )
    assert ("resource", resource.pk) in upkeep._pending()
    hooks = transaction.get_connection().run_on_commit
    assert sum(hook[1] is upkeep._flush for hook in hooks) == 1


def test_the_rebuild_is_queued_as_one_task(deferred, monkeypatch):
    queued = []
    monkeypatch.setattr(
        upkeep, "queue_task", lambda task, **kw: queued.append((task.name, kw)) or True
    )
    upkeep._pending().clear()
    with transaction.atomic():
        upkeep.entries_schedule(kind="resource", ids=[3, 1])
        upkeep.entries_schedule(kind="resource", ids=[1])
        upkeep.entries_schedule(kind="page", ids=[None])
    upkeep._flush()  # what the commit would run (the test's transaction never does)
    assert queued == [
        ("search.refresh_entries", {"items": [["resource", 1], ["resource", 3]]})
    ]


def test_a_dead_broker_means_rebuilding_in_process(deferred, monkeypatch):
    resource = factories.ResourceFactory(title_en="Before")
    SearchEntry.objects.all().delete()
    monkeypatch.setattr(upkeep, "queue_task", lambda task, **kw: False)
    upkeep._pending().clear()
    upkeep.entries_schedule(kind="resource", ids=[resource.pk])
    upkeep._flush()
    assert entry(resource).title_en == "Before"


def test_the_task_rebuilds_and_drops(postgres):
    from portal.search.tasks import refresh_entries

    resource = factories.ResourceFactory(title_en="Task-built")
    SearchEntry.objects.all().delete()
    SearchEntry.objects.create(
        kind="page", object_id=987_654, slug="gone", audience="public"
    )
    assert refresh_entries(items=[["resource", resource.pk], ["page", 987_654]]) == 2
    assert entry(resource).title_en == "Task-built"
    assert not SearchEntry.objects.filter(kind="page").exists()


def test_the_rebuild_drops_cached_pages_and_pools(postgres):
    """The save bumped the content version before the worker rebuilt the entry:
    the rebuild bumps it again, so nothing cached in between outlives it."""
    from portal.cache import content_version

    resource = factories.ResourceFactory()
    before = content_version()
    upkeep.entries_catch_up(items=[("resource", resource.pk)], savepoint=True)
    assert content_version() != before
