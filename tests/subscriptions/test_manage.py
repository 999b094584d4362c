"""Managing and leaving: the manage link, one-click unsubscribe, "my subscription"."""

import pytest
from django.test import Client

from portal.notifications.models import Subscription
from portal.notifications.tokens import MANAGE, UNSUBSCRIBE, make_token
from tests import factories

pytestmark = pytest.mark.django_db


def manage_url(subscription, lang="en"):
    return f"/{lang}/subscribe/manage/{make_token(subscription, MANAGE)}/"


def unsubscribe_url(subscription, lang="en"):
    return f"/{lang}/subscribe/unsubscribe/{make_token(subscription, UNSUBSCRIBE)}/"


# --- Manage -------------------------------------------------------------------


def test_the_manage_page_shows_the_current_preferences(client, themes):
    subscription = factories.SubscriptionFactory(frequency="weekly", kinds=["project"])
    subscription.themes.set([themes[1]])

    response = client.get(manage_url(subscription))

    assert response.status_code == 200
    form = response.context["form"]
    assert form["frequency"].value() == "weekly"
    assert form["themes"].value() == [themes[1].pk]
    assert form["kinds"].value() == ["project"]
    assert subscription.email in response.content.decode()


def test_saving_preferences_redirects_and_says_so(client, themes, regions):
    subscription = factories.SubscriptionFactory()
    url = manage_url(subscription)

    response = client.post(
        url,
        {"language": "en", "frequency": "daily", "regions": [regions[0].pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == url + "?saved=1"
    subscription.refresh_from_db()
    assert subscription.frequency == "daily"
    assert list(subscription.regions.all()) == [regions[0]]
    assert (
        "Your preferences are saved."
        in client.get(response["Location"]).content.decode()
    )


def test_a_bad_manage_form_changes_nothing(client):
    subscription = factories.SubscriptionFactory(frequency="weekly")
    response = client.post(
        manage_url(subscription), {"language": "xx", "frequency": "daily"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    subscription.refresh_from_db()
    assert subscription.frequency == "weekly"


def test_the_manage_form_enforces_csrf():
    subscription = factories.SubscriptionFactory(frequency="weekly")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        manage_url(subscription), {"language": "en", "frequency": "daily"}
    )
    assert response.status_code == 403


def test_a_manage_token_cannot_unsubscribe(client):
    subscription = factories.SubscriptionFactory()
    token = make_token(subscription, MANAGE)
    response = client.post(f"/en/subscribe/unsubscribe/{token}/")
    assert response.status_code == 400
    assert Subscription.objects.active().exists()


# --- Unsubscribe --------------------------------------------------------------


def test_the_unsubscribe_link_shows_a_button_and_get_changes_nothing(client):
    subscription = factories.SubscriptionFactory()

    response = client.get(unsubscribe_url(subscription))

    assert response.status_code == 200
    assert '<button type="submit" class="button">Unsubscribe</button>' in (
        response.content.decode()
    )
    assert Subscription.objects.active().exists()


def test_the_button_unsubscribes(client):
    subscription = factories.SubscriptionFactory()

    response = client.post(unsubscribe_url(subscription))

    assert response.status_code == 200
    assert "You have unsubscribed" in response.content.decode()
    assert not Subscription.objects.active().exists()


def test_one_click_unsubscribe_from_a_mail_client_needs_no_csrf_token():
    """RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, no cookies."""
    subscription = factories.SubscriptionFactory()
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        unsubscribe_url(subscription, lang="ru"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not Subscription.objects.active().exists()
    # Twice is harmless.
    assert client.post(unsubscribe_url(subscription)).status_code == 200


def test_the_manage_page_of_an_unsubscribed_address_says_so(client):
    subscription = factories.SubscriptionFactory()
    client.post(unsubscribe_url(subscription))

    html = client.get(manage_url(subscription)).content.decode()

    assert "You have unsubscribed" in html
    assert 'href="/en/subscribe/"' in html


# --- My subscription (signed in) ----------------------------------------------


def test_my_subscription_needs_signing_in(client):
    response = client.get("/en/subscribe/mine/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert (
        client.post("/en/subscribe/mine/", {"action": "unsubscribe"}).status_code == 302
    )


def test_a_signed_in_user_subscribes_edits_and_leaves_without_a_mail(
    client, plain_user, themes, mailoutbox
):
    client.force_login(plain_user)
    html = client.get("/en/subscribe/mine/").content.decode()
    assert "You are not subscribed" in html

    response = client.post(
        "/en/subscribe/mine/",
        {"language": "en", "frequency": "weekly", "themes": [themes[0].pk]},
    )
    assert response["Location"] == "/en/subscribe/mine/?saved=1"
    subscription = Subscription.objects.active().get()
    assert subscription.user == plain_user
    assert mailoutbox == []

    client.post("/en/subscribe/mine/", {"language": "ru", "frequency": "daily"})
    subscription.refresh_from_db()
    assert (subscription.language, subscription.frequency) == ("ru", "daily")

    response = client.post("/en/subscribe/mine/", {"action": "unsubscribe"})
    assert response["Location"] == "/en/subscribe/mine/?left=1"
    assert not Subscription.objects.active().exists()


def test_a_user_sees_only_the_subscription_of_their_own_address(
    client, plain_user, mission_member
):
    factories.SubscriptionFactory(email=mission_member.email, frequency="weekly")
    client.force_login(plain_user)

    response = client.get("/en/subscribe/mine/")

    assert response.context["subscription"] is None
    assert mission_member.email not in response.content.decode()
    client.post("/en/subscribe/mine/", {"action": "unsubscribe"})
    assert Subscription.objects.active().count() == 1


def test_my_subscription_enforces_csrf(plain_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(plain_user)
    response = client.post(
        "/en/subscribe/mine/", {"language": "en", "frequency": "daily"}
    )
    assert response.status_code == 403
    assert not Subscription.objects.exists()


def test_the_footer_links_a_signed_in_user_to_their_subscription(client, plain_user):
    client.force_login(plain_user)
    assert 'href="/en/subscribe/mine/"' in client.get("/en/").content.decode()
