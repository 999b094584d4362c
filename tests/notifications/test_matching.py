"""Who hears about what: themes, regions, kinds (empty means all) and audience."""

import pytest
from django.utils import timezone

from portal.notifications.models import ContentKind
from portal.notifications.services import matching_subscriptions
from portal.publishing import Status
from resources.models import Access
from tests import factories
from tests.notifications.conftest import subscribe

pytestmark = pytest.mark.django_db


def matched(item) -> set[str]:
    return set(matching_subscriptions(item).values_list("email", flat=True))


def test_themes_match_any_chosen_theme_and_no_choice_means_all(theme):
    other = factories.ThemeFactory()
    subscribe(email="same@example.org", themes=[theme])
    subscribe(email="other@example.org", themes=[other])
    subscribe(email="all@example.org")
    resource = factories.ResourceFactory()
    resource.themes.add(theme)
    assert matched(resource) == {"same@example.org", "all@example.org"}


def test_regions_match_many_to_many_and_foreign_keys(region):
    other = factories.RegionFactory()
    subscribe(email="here@example.org", regions=[region])
    subscribe(email="there@example.org", regions=[other])
    project = factories.ProjectFactory()
    project.regions.add(region)
    assert matched(project) == {"here@example.org"}
    # An activity's region is its host country's; a partner's its own or its country's.
    activity = factories.ActivityFactory(
        host_country=factories.CountryFactory(region=region)
    )
    assert matched(activity) == {"here@example.org"}
    partner = factories.PartnerFactory(country=factories.CountryFactory(region=other))
    assert matched(partner) == {"there@example.org"}


def test_kinds_filter_and_empty_kinds_mean_every_kind():
    subscribe(email="resources@example.org", kinds=[ContentKind.RESOURCE])
    subscribe(email="projects@example.org", kinds=[ContentKind.PROJECT])
    subscribe(email="all@example.org")
    assert matched(factories.ResourceFactory()) == {
        "resources@example.org",
        "all@example.org",
    }
    assert matched(factories.ActivityFactory()) == {"all@example.org"}


def test_partners_match_on_expertise_offered_or_sought(theme):
    subscribe(email="theme@example.org", themes=[theme])
    partner = factories.PartnerFactory()
    assert matched(partner) == set()
    partner.seeks.add(theme)
    assert matched(partner) == {"theme@example.org"}


def test_unconfirmed_and_unsubscribed_subscriptions_hear_nothing():
    subscribe(email="fresh@example.org", confirmed_at=None)
    subscribe(email="gone@example.org", unsubscribed_at=timezone.now())
    subscribe(email="ok@example.org")
    assert matched(factories.ResourceFactory()) == {"ok@example.org"}


def test_mission_items_reach_only_subscribers_who_may_see_them():
    subscribe(email="anonymous@example.org")
    subscribe(email="plain@example.org", user=factories.UserFactory())
    member = factories.MissionMemberFactory()
    subscribe(email="member@example.org", user=member)
    subscribe(email="staff@example.org", user=factories.EditorFactory())
    left = factories.MissionMemberFactory(is_active=False)
    subscribe(email="left@example.org", user=left)

    missions = factories.ResourceFactory(access=Access.MISSIONS)
    assert matched(missions) == {"member@example.org", "staff@example.org"}
    staff_only = factories.ResourceFactory(access=Access.STAFF)
    assert matched(staff_only) == {"staff@example.org"}
    public = factories.ResourceFactory(access=Access.PUBLIC)
    assert len(matched(public)) == 5


def test_drafts_and_pages_are_never_announced():
    subscribe(email="all@example.org")
    assert matched(factories.ResourceFactory(status=Status.DRAFT)) == set()
    assert matched(factories.PageFactory()) == set()
