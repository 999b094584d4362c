"""Whatever a client sends to the subscribing pages: a page, never a 500."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.notifications.models import Subscription
from portal.notifications.tokens import MANAGE, make_token
from tests import factories

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"
FIELDS = ["email", "language", "themes", "regions", "kinds", "frequency", "website"]
NASTY = [
    "reader@example.org",
    "reader@example.org\r\nBcc: x@example.org",
    "\x00",
    "ru",
    "en",
    "daily",
    "resource",
    "1",
    "-1",
    "99999999999999999999",
    "x" * 3000,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
values = st.one_of(st.text(max_size=60), st.sampled_from(NASTY))
bodies = st.lists(st.tuples(st.sampled_from([*FIELDS, "", "x"]), values), max_size=8)


@FUZZ
@given(body=bodies, query=bodies, lang=st.sampled_from(["ru", "en"]))
def test_any_subscribe_post_gives_a_page_or_a_redirect(
    client, themes, body, query, lang
):
    response = client.post(
        f"/{lang}/subscribe/?{urlencode(query)}", urlencode(body), content_type=FORM
    )
    assert response.status_code in (200, 302, 429)
    if response.status_code == 302:
        assert response["Location"] == f"/{lang}/subscribe/sent/"
    for subscription in Subscription.objects.all():
        assert "\n" not in subscription.email and "\r" not in subscription.email


@FUZZ
@given(query=bodies)
def test_any_subscribe_query_string_gives_the_form(client, themes, query):
    response = client.get(f"/en/subscribe/?{urlencode(query)}")
    assert response.status_code == 200


@FUZZ
@given(body=bodies)
def test_any_manage_post_gives_a_page_or_a_redirect(client, themes, body):
    # Examples share the test's transaction: one subscription for all of them.
    subscription = Subscription.objects.first() or factories.SubscriptionFactory()
    response = client.post(
        f"/en/subscribe/manage/{make_token(subscription, MANAGE)}/",
        urlencode(body),
        content_type=FORM,
    )
    assert response.status_code in (200, 302)


@FUZZ
@given(
    token=st.text(
        alphabet=st.characters(
            blacklist_characters="/?#%", blacklist_categories=["Cs"]
        ),
        min_size=1,
        max_size=200,
    ),
    name=st.sampled_from(["confirm", "manage", "unsubscribe"]),
)
def test_any_token_gives_the_bad_link_page(client, token, name):
    response = client.post(f"/en/subscribe/{name}/{quote(token)}/")
    assert response.status_code in (400, 404)
