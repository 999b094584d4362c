"""Bad input at volume: one address or one IP asking a thousand times."""

import pytest
from django.core import mail

from portal.notifications import subscriptions
from portal.notifications.models import Subscription

pytestmark = pytest.mark.django_db


def post(client, email, ip="198.51.100.7", lang="en"):
    return client.post(
        f"/{lang}/subscribe/",
        {"email": email, "language": "en", "frequency": "immediate"},
        REMOTE_ADDR=ip,
    )


def test_a_thousand_requests_for_one_address_send_one_mail(
    client, django_capture_on_commit_callbacks
):
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(1000):
            # From many IPs, so only the per-address limit applies.
            response = post(
                client,
                "target@example.org",
                ip=f"10.0.{index // 250}.{index % 250}",
            )
            statuses.append(response.status_code)

    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1
    limit = subscriptions.REQUESTS_PER_ADDRESS
    assert statuses[:limit] == [302] * limit
    assert set(statuses[limit:]) == {429}
    assert response["Retry-After"] == "3600"


def test_a_thousand_addresses_from_one_ip_are_stopped_at_the_limit(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [
            post(client, f"victim{index}@example.org").status_code
            for index in range(1000)
        ]

    limit = subscriptions.REQUESTS_PER_IP
    assert statuses.count(302) == limit
    assert set(statuses[limit:]) == {429}
    assert len(mail.outbox) == limit
    assert Subscription.objects.count() == limit
    # Another client is not affected.
    assert post(client, "someone@example.org", ip="203.0.113.9").status_code == 302


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_throttled_request_changes_nothing(
    client, django_capture_on_commit_callbacks, lang
):
    for index in range(subscriptions.REQUESTS_PER_IP):
        post(client, f"reader{index}@example.org")
    before = Subscription.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, "late@example.org", lang=lang)

    assert response.status_code == 429
    assert f'<html lang="{lang}">' in response.content.decode()
    if lang == "en":
        assert "Too many requests" in response.content.decode()
    assert Subscription.objects.count() == before
    assert not Subscription.objects.filter(email="late@example.org").exists()


def test_one_mail_per_address_per_hour_then_another(
    client, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    with django_capture_on_commit_callbacks(execute=True):
        post(client, "reader@example.org")
        post(client, "reader@example.org")
    assert len(mail.outbox) == 1

    cache.clear()  # an hour later: every window has expired
    with django_capture_on_commit_callbacks(execute=True):
        post(client, "reader@example.org")
    assert len(mail.outbox) == 2


def test_form_errors_do_not_count_and_send_nothing(client):
    for _ in range(200):
        assert post(client, "not an address").status_code == 200
    assert mail.outbox == []


def test_behind_the_local_proxy_each_visitor_has_their_own_limit(client):
    """The proxy connects from a private address and appends the visitor's IP."""
    limit = subscriptions.REQUESTS_PER_IP
    for index in range(limit):
        response = client.post(
            "/en/subscribe/",
            {"email": f"a{index}@example.org", "language": "en", "frequency": "daily"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.1",
        )
        assert response.status_code == 302
    blocked = client.post(
        "/en/subscribe/",
        {"email": "late@example.org", "language": "en", "frequency": "daily"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.1",  # a spoofed first entry
    )
    other = client.post(
        "/en/subscribe/",
        {"email": "other@example.org", "language": "en", "frequency": "daily"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.2",
    )
    assert (blocked.status_code, other.status_code) == (429, 302)


def test_a_direct_client_cannot_dodge_the_limit_with_a_forged_header(client):
    for index in range(subscriptions.REQUESTS_PER_IP + 1):
        response = client.post(
            "/en/subscribe/",
            {"email": f"a{index}@example.org", "language": "en", "frequency": "daily"},
            REMOTE_ADDR="93.184.216.34",  # public: Python counts TEST-NETs private
            HTTP_X_FORWARDED_FOR=f"203.0.113.{index}",
        )
    assert response.status_code == 429
