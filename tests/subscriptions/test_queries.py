"""Each subscribing page runs a fixed, small number of queries, whatever the data."""

import pytest

from portal.notifications.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token
from tests import factories

pytestmark = pytest.mark.django_db


def populate(size):
    themes = [factories.ThemeFactory() for _ in range(size)]
    regions = [factories.RegionFactory() for _ in range(min(size, 8))]
    subscription = factories.SubscriptionFactory(kinds=["resource", "activity"])
    subscription.themes.set(themes)
    subscription.regions.set(regions)
    return subscription


@pytest.mark.parametrize("size", [3, 30])
def test_visitor_pages_run_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, size
):
    subscription = populate(size)
    pages = {
        # The choices: themes and regions.
        "/en/subscribe/": 2,
        # ... and the themes named in ?theme=.
        "/en/subscribe/?theme=x&email=a%40b.c": 3,
        "/en/subscribe/sent/": 0,
        # The subscription, its themes and regions.
        f"/en/subscribe/confirm/{make_token(subscription, CONFIRM)}/": 3,
        # ... and the choices.
        f"/en/subscribe/manage/{make_token(subscription, MANAGE)}/": 5,
        f"/en/subscribe/unsubscribe/{make_token(subscription, UNSUBSCRIBE)}/": 1,
        "/en/subscribe/confirm/forged/": 0,
    }
    for path, limit in pages.items():
        client.get(path)  # warm-up: the menu pages are cached
        with django_assert_max_num_queries(limit):
            response = client.get(path)
        assert response.status_code in (200, 400), path


@pytest.mark.parametrize("size", [3, 30])
def test_my_subscription_runs_a_fixed_number_of_queries(
    client, plain_user, django_assert_max_num_queries, size
):
    subscription = populate(size)
    subscription.email = plain_user.email
    subscription.save()
    client.force_login(plain_user)
    client.get("/en/subscribe/mine/")
    with django_assert_max_num_queries(8):
        assert client.get("/en/subscribe/mine/").status_code == 200
