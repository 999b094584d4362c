"""The subscriber's writes: request, confirm, update, unsubscribe, signed-in users."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from portal.notifications import subscriptions
from portal.notifications.models import Subscription
from portal.notifications.tokens import CONFIRM, make_token
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_request_creates_a_pending_subscription_and_mails_the_link(
    request_subscription, themes
):
    request_subscription(email="  Reader@Example.ORG ", language="ru")

    subscription = Subscription.objects.get()
    assert subscription.email == "reader@example.org"
    assert subscription.confirmed_at is None
    assert list(subscription.themes.all()) == [themes[0]]
    assert subscription.kinds == ["resource"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["reader@example.org"]
    # The subscriber chose Russian: the mail is in Russian.
    assert message.subject == (
        "Подтвердите подписку на обновления портала сотрудничества Юг — Юг"
    )
    html = message.alternatives[0][0]
    assert "/ru/subscribe/confirm/" in message.body
    assert "/ru/subscribe/confirm/" in html
    assert '<html lang="ru">' in html


def test_the_mail_is_in_the_subscribers_language(request_subscription):
    request_subscription(language="en")

    message = mail.outbox[0]
    assert "/en/subscribe/confirm/" in message.body
    assert "three days" in message.body


def test_confirming_makes_it_active_and_twice_changes_nothing(request_subscription):
    request_subscription()
    subscription = Subscription.objects.get()

    confirmed = subscriptions.subscription_confirm(subscription=subscription)
    first = confirmed.confirmed_at
    again = subscriptions.subscription_confirm(subscription=subscription)

    assert first is not None
    assert again.confirmed_at == first
    assert Subscription.objects.active().count() == 1


def test_a_request_for_an_active_address_changes_nothing_and_mails_the_manage_link(
    request_subscription, themes
):
    active = factories.SubscriptionFactory(email="reader@example.org", language="en")
    active.themes.set([themes[1]])
    before = Subscription.objects.values().get()

    request_subscription(email="READER@example.org", language="ru", kinds=[])

    assert Subscription.objects.values().get() == before
    assert list(active.themes.all()) == [themes[1]]
    (message,) = mail.outbox
    assert message.subject == "Your subscription to the South-South portal"
    assert "/en/subscribe/manage/" in message.body
    assert "/subscribe/confirm/" not in message.body


def test_a_second_request_within_the_hour_sends_no_second_mail(request_subscription):
    request_subscription()
    request_subscription(email="reader@EXAMPLE.org")

    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_pending_subscription_takes_the_latest_preferences(
    request_subscription, themes
):
    request_subscription(frequency="immediate")
    request_subscription(frequency="weekly", themes=[themes[1]])

    subscription = Subscription.objects.get()
    assert subscription.frequency == "weekly"
    assert list(subscription.themes.all()) == [themes[1]]
    assert subscription.confirmed_at is None


def test_unsubscribing_stops_it_and_an_old_confirmation_does_not_bring_it_back(
    request_subscription,
):
    request_subscription()
    subscription = subscriptions.subscription_confirm(
        subscription=Subscription.objects.get()
    )

    subscriptions.subscription_unsubscribe(subscription=subscription)
    left = subscriptions.subscription_unsubscribe(subscription=subscription)
    subscriptions.subscription_confirm(subscription=subscription)

    subscription.refresh_from_db()
    assert subscription.unsubscribed_at == left.unsubscribed_at is not None
    assert not Subscription.objects.active().exists()


def test_after_unsubscribing_a_new_request_needs_a_new_confirmation(
    request_subscription, settings
):
    subscription = factories.SubscriptionFactory(email="reader@example.org")
    subscriptions.subscription_unsubscribe(subscription=subscription)

    request_subscription(frequency="daily")

    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert subscription.unsubscribed_at is None
    assert subscription.frequency == "daily"
    assert "/subscribe/confirm/" in mail.outbox[0].body
    subscriptions.subscription_confirm(subscription=subscription)
    assert Subscription.objects.active().get() == subscription


def test_update_changes_the_preferences(themes, regions):
    subscription = factories.SubscriptionFactory()

    subscriptions.subscription_update(
        subscription=subscription,
        language="en",
        themes=themes,
        regions=[regions[1]],
        kinds=["activity", "no-such-kind"],
        frequency="daily",
    )

    subscription.refresh_from_db()
    assert (subscription.language, subscription.frequency) == ("en", "daily")
    assert subscription.kinds == ["activity"]
    assert set(subscription.themes.all()) == set(themes)
    assert list(subscription.regions.all()) == [regions[1]]


def test_update_refuses_an_unknown_frequency_or_language():
    subscription = factories.SubscriptionFactory()
    for bad in (
        {"frequency": "hourly", "language": "en"},
        {"frequency": "daily", "language": "fr"},
    ):
        with pytest.raises(ValidationError):
            subscriptions.subscription_update(
                subscription=subscription, themes=[], regions=[], kinds=[], **bad
            )


@pytest.mark.parametrize(
    "email",
    ["not-an-address", "reader@example.org\r\nBcc: victim@example.org", ""],
)
def test_the_service_refuses_a_bad_address(request_subscription, email):
    with pytest.raises(ValidationError):
        request_subscription(email=email)
    assert not Subscription.objects.exists()
    assert mail.outbox == []


def test_a_signed_in_user_subscribes_without_a_mail(plain_user, themes):
    subscription = subscriptions.subscription_save_for_user(
        user=plain_user,
        language="en",
        themes=[themes[0]],
        regions=[],
        kinds=[],
        frequency="weekly",
    )

    assert subscription.user == plain_user
    assert subscription.email == plain_user.email.lower()
    assert Subscription.objects.active().get() == subscription
    assert mail.outbox == []


def test_a_signed_in_user_takes_over_the_subscription_of_their_address(plain_user):
    earlier = factories.SubscriptionFactory(
        email=plain_user.email.upper(), confirmed_at=None
    )

    subscription = subscriptions.subscription_save_for_user(
        user=plain_user,
        language="ru",
        themes=[],
        regions=[],
        kinds=[],
        frequency="daily",
    )

    assert subscription.pk == earlier.pk
    assert subscription.user == plain_user
    assert subscription.confirmed_at is not None
    assert subscriptions.subscription_for_user(plain_user) == subscription


def test_the_confirmation_task_ignores_a_purged_subscription():
    subscriptions.send_confirmation_mail(subscription_id=987654)
    assert mail.outbox == []


def test_the_confirmation_link_in_the_mail_is_a_valid_token(request_subscription):
    request_subscription(language="en")
    subscription = Subscription.objects.get()

    assert make_token(subscription, CONFIRM) in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_for_a_new_address_make_one_subscription(postgres):
    """The second insert meets the unique index and takes the first one's row."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(2)
    errors = []

    def ask(ip):
        try:
            barrier.wait()
            subscriptions.subscription_request(
                email="both@example.org",
                ip=ip,
                language="en",
                themes=[],
                regions=[],
                kinds=[],
                frequency="daily",
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=ask, args=(ip,)) for ip in ("1.1.1.1", "2.2.2.2")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Subscription.objects.filter(email="both@example.org").count() == 1


def test_a_dead_broker_does_not_break_the_request_and_the_visitor_may_retry(
    request_subscription, caplog
):
    from unittest import mock

    from kombu.exceptions import OperationalError

    with mock.patch(
        "portal.notifications.tasks.send_confirmation.delay",
        side_effect=OperationalError("broker down"),
    ):
        request_subscription()
    assert mail.outbox == []
    assert "could not queue the confirmation" in caplog.text

    request_subscription()  # the broker is back: no hour to wait
    assert len(mail.outbox) == 1
