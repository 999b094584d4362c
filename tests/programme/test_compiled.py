"""Queries compiled once per process give the rows the ORM gives, for every user."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from portal.compiled import CompiledQuery, Param, one_of
from portal.facet_counts import PUBLIC, STAFF
from portal.publishing import Status
from programme import facets, month, rows, views
from programme.models import Activity
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"status": Status.DRAFT, "published_at": None}
DAY = datetime.date(2025, 3, 10)


@pytest.fixture
def world():
    """Two projects and activities with themes and partners, one of each a draft."""
    themes = factories.ThemeFactory.create_batch(2)
    published, draft = factories.PartnerFactory(), factories.PartnerFactory(**DRAFT)
    project = factories.ProjectFactory()
    project.themes.set(themes)
    project.regions.set(factories.RegionFactory.create_batch(2))
    project.partners.set([published, draft])
    activities = [
        factories.ActivityFactory(project=project, start_date=DAY, end_date=DAY),
        factories.ActivityFactory(start_date=DAY, end_date=DAY, **DRAFT),
    ]
    for activity in activities:
        activity.themes.set(themes)
        activity.providers.set([published, draft])
        activity.beneficiaries.set([draft])
    return project, activities


def users(editor, mission_member):
    return [AnonymousUser(), mission_member, editor]


def both(query: CompiledQuery, key, **arguments):
    """The compiled rows, twice (the second from the kept SQL), and the ORM's."""
    compiled = [query.rows(key, **arguments) for _ in range(2)]
    return compiled, list(query.build(**arguments))


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_compiled_rows_are_the_orms(
    postgres, world, editor, mission_member, language
):
    project, activities = world
    ids = [activity.pk for activity in activities]
    with translation.override(language):
        for user in users(editor, mission_member):
            staff = bool(user.is_authenticated and user.is_staff)
            for partners in (True, False):
                compiled, orm = both(
                    rows.CARD_NAMES,
                    (partners, staff),
                    user=user,
                    partners=partners,
                    ids=ids,
                )
                assert compiled == [orm, orm]
            compiled, orm = both(
                rows.PROJECT_NAMES, staff, user=user, project=project.pk, ids=ids
            )
            assert compiled == [orm, orm]
            compiled, orm = both(
                facets.OPTION_NAMES,
                staff,
                user=user,
                partners=",".join(p.slug for p in project.partners.all()),
                projects=project.slug,
            )
            assert compiled == [orm, orm]
            compiled, orm = both(
                facets.RANKED_COUNTS,
                staff,
                user=user,
                audience=STAFF if staff else PUBLIC,
                today=DAY,
            )
            assert compiled == [orm, orm]
            compiled, orm = both(
                month.GRID_ROWS, (staff, 10), user=user, first=DAY, last=DAY, limit=10
            )
            assert compiled == [orm, orm]
            assert orm  # the month holds what this user may see
            compiled, orm = both(
                views.LEDGER_FIRST_PAGE, (staff, 20), user=user, size=20
            )
            assert compiled == [orm, orm]
            # The rows are the list's own page, in its order (Meta.ordering).
            listed = Activity.objects.visible_to(user)[:20]
            assert [row[0] for row in orm] == [activity.pk for activity in listed]
            assert len(orm) == (2 if staff else 1)


def test_the_ranked_counts_name_only_the_partners_a_user_may_see(
    postgres, world, editor
):
    """The busiest partners come with their names in the same query; a draft
    partner, with none for visitors (it is no option), with its own for staff."""
    project, _activities = world
    published, draft = sorted(
        project.partners.all(), key=lambda p: p.status != "published"
    )
    for user, audience, draft_named in (
        (AnonymousUser(), PUBLIC, False),
        (editor, STAFF, True),
    ):
        rows = facets.RANKED_COUNTS.rows(
            audience == STAFF, user=user, audience=audience, today=DAY
        )
        names = {key: names for key, _count, names in rows}
        ru, _sep, en = names[f"provider:{published.slug}"].partition(
            facets.FIELD_SEPARATOR
        )
        assert (ru, en) == (published.name_ru or "", published.name_en or "")
        draft_names = names.get(f"provider:{draft.slug}")
        assert (draft_names is not None) == draft_named


def test_option_names_take_slugs_as_one_text(postgres, world):
    """Joined by commas: an empty text names nothing, unknown slugs are skipped."""
    project, _activities = world
    user = AnonymousUser()
    assert facets.OPTION_NAMES.rows(False, user=user, partners="", projects="") == []
    published = project.partners.get(status="published")
    rows = facets.OPTION_NAMES.rows(
        False, user=user, partners=f"nobody,{published.slug}", projects=project.slug
    )
    assert sorted((slug, source) for slug, _ru, _en, source in rows) == sorted(
        [(published.slug, "partner"), (project.slug, "project")]
    )


def test_a_list_of_any_length_is_one_parameter(postgres, world):
    """``one_of`` keeps one statement for lists of every length, empty included."""
    _project, activities = world
    query = CompiledQuery(
        lambda *, ids: Activity.objects.filter(one_of("pk", ids)).values_list("pk"),
        params=("ids",),
    )
    for ids in ([], [activities[0].pk], [a.pk for a in activities]):
        assert sorted(query.rows("all", ids=ids)) == sorted((pk,) for pk in ids)
    assert len(query._statements) == 1


def test_a_param_stands_for_its_value_until_run(postgres):
    sql, params = (
        Activity.objects.filter(start_date__gte=Param("day"))
        .values_list("pk")
        .query.sql_with_params()
    )
    assert [param.name for param in params if isinstance(param, Param)] == ["day"]
    assert "%s" in sql
