"""The subscribing pages, from the outside: forms, links from mails, access."""

import re
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils.html import escape

from portal.notifications.models import Subscription
from portal.notifications.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token
from tests import factories

pytestmark = pytest.mark.django_db

DAYS_3 = 3 * 24 * 60 * 60


def form_data(themes, /, **overrides):
    data = {
        "email": "reader@example.org",
        "language": "en",
        "themes": [themes[0].pk],
        "kinds": ["resource", "activity"],
        "frequency": "daily",
    }
    data.update(overrides)
    return data


def link(name, subscription, purpose, lang="en"):
    return f"/{lang}/subscribe/{name}/{make_token(subscription, purpose)}/"


# --- Subscribing --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_subscribe_page_has_the_form_in_the_visitors_language(
    client, themes, regions, lang
):
    response = client.get(f"/{lang}/subscribe/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'name="email"' in html and 'name="csrfmiddlewaretoken"' in html
    assert {"ru": "Границы", "en": "Borders"}[lang] in html
    assert f'value="{lang}" ' in html or f'value="{lang}"' in html
    assert response.context["form"]["language"].value() == lang


def test_the_footer_form_prefills_the_address_and_a_theme_link_the_theme(
    client, themes
):
    response = client.get("/en/subscribe/?email=someone%40example.org&theme=victims")

    form = response.context["form"]
    assert form["email"].value() == "someone@example.org"
    assert form["themes"].initial == [themes[1]]


def test_every_page_footer_leads_to_the_subscribe_page(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/subscribe/"' in html


def test_subscribing_redirects_to_check_your_mail_and_sends_one_mail(
    client, themes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/subscribe/", form_data(themes))

    assert response.status_code == 302
    assert response["Location"] == "/en/subscribe/sent/"
    assert client.get(response["Location"]).status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.frequency == "daily"
    assert sorted(subscription.kinds) == ["activity", "resource"]
    assert len(mail.outbox) == 1


def test_the_answer_is_the_same_for_a_new_a_pending_and_an_active_address(
    client, themes
):
    factories.SubscriptionFactory(email="active@example.org")
    factories.SubscriptionFactory(email="pending@example.org", confirmed_at=None)
    answers = set()
    for email in ("new@example.org", "pending@example.org", "active@example.org"):
        response = client.post("/en/subscribe/", form_data(themes, email=email))
        answers.add((response.status_code, response["Location"]))
    assert answers == {(302, "/en/subscribe/sent/")}


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(
    "email",
    [
        "not-an-address",
        "reader@example.org\r\nBcc: victim@example.org",
        "reader@example.org\nSubject: spam",
        "a" * 250 + "@example.org",
    ],
)
def test_a_bad_address_is_a_form_error_in_the_visitors_language(
    client, themes, lang, email
):
    response = client.post(f"/{lang}/subscribe/", form_data(themes, email=email))

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    for error in response.context["form"].errors["email"]:
        assert escape(error) in html
        assert bool(re.search("[а-я]", error)) == (lang == "ru"), error
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_an_unknown_choice_is_a_form_error(client, themes):
    for bad in (
        {"frequency": "hourly"},
        {"language": "fr"},
        {"kinds": ["x"]},
        {"themes": ["999999"]},
        {"themes": ["abc"]},
    ):
        response = client.post("/en/subscribe/", form_data(themes, **bad))
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not Subscription.objects.exists()


def test_a_filled_honeypot_pretends_success_and_does_nothing(client, themes):
    response = client.post(
        "/en/subscribe/", form_data(themes, website="http://spam.example")
    )

    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_the_subscribe_form_enforces_csrf(themes):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/subscribe/", form_data(themes))
    assert response.status_code == 403
    assert not Subscription.objects.exists()


# --- Confirming ---------------------------------------------------------------


def test_the_confirmation_link_from_the_mail_shows_a_button_and_get_changes_nothing(
    client, themes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/subscribe/", form_data(themes))
    url = re.search(r"https?://\S+/confirm/\S+/", mail.outbox[0].body).group(0)
    path = url.split("://", 1)[1].split("/", 1)[1]

    response = client.get("/" + path)

    assert response.status_code == 200
    assert "Confirm my subscription" in response.content.decode()
    assert "Borders" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None

    response = client.post("/" + path)
    assert response.status_code == 200
    assert "Your subscription is confirmed" in response.content.decode()
    assert Subscription.objects.active().count() == 1


def test_a_reused_confirmation_is_harmless(client):
    subscription = factories.SubscriptionFactory(confirmed_at=None)
    url = link("confirm", subscription, CONFIRM)
    client.post(url)
    first = Subscription.objects.get().confirmed_at

    response = client.post(url)

    assert response.status_code == 200
    assert "already confirmed" not in response.content.decode()  # POST: "is confirmed"
    assert Subscription.objects.get().confirmed_at == first
    assert "already confirmed" in client.get(url).content.decode()


def test_the_confirm_page_enforces_csrf():
    subscription = factories.SubscriptionFactory(confirmed_at=None)
    client = Client(enforce_csrf_checks=True)
    assert client.post(link("confirm", subscription, CONFIRM)).status_code == 403
    assert Subscription.objects.get().confirmed_at is None


# --- Bad links ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("name", ["confirm", "manage", "unsubscribe"])
def test_a_bad_token_shows_a_clear_page_with_a_way_to_a_new_link(client, name, lang):
    subscription = factories.SubscriptionFactory()
    good = make_token(
        subscription,
        {"confirm": CONFIRM, "manage": MANAGE, "unsubscribe": UNSUBSCRIBE}[name],
    )
    wrong_purpose = make_token(subscription, MANAGE if name != "manage" else CONFIRM)
    bad_tokens = [
        "forged",
        good[:-2] + ("AA" if not good.endswith("AA") else "BB"),  # altered signature
        "x" + good[1:],  # altered payload
        wrong_purpose,
        "..:..:..",
    ]
    for token in bad_tokens:
        for method in (client.get, client.post):
            response = method(f"/{lang}/subscribe/{name}/{token}/")
            assert response.status_code == 400, (token, method)
            html = response.content.decode()
            assert f'<html lang="{lang}">' in html
            assert f'href="/{lang}/subscribe/"' in html
    title = {"en": "This link does not work", "ru": "Ссылка не работает"}[lang]
    if lang == "en":
        assert title in html
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None


def test_a_confirmation_token_expires_after_three_days(client):
    subscription = factories.SubscriptionFactory(confirmed_at=None)
    url = link("confirm", subscription, CONFIRM)
    now = signing.time.time()

    with mock.patch("django.core.signing.time.time", return_value=now + DAYS_3 - 60):
        assert client.get(url).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=now + DAYS_3 + 60):
        assert client.get(url).status_code == 400
        assert client.post(url).status_code == 400

    assert Subscription.objects.get().confirmed_at is None


def test_a_token_stops_working_when_the_address_changes(client):
    subscription = factories.SubscriptionFactory()
    url = link("unsubscribe", subscription, UNSUBSCRIBE)
    Subscription.objects.filter(pk=subscription.pk).update(email="other@example.org")

    assert client.post(url).status_code == 400
    assert Subscription.objects.get().unsubscribed_at is None
