"""Admin: deliveries with their state, the re-send action, the queue status view,
subscriptions with counts; what publishers may do and missions may not see."""

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.notifications.models import Delivery, DeliveryStatus, Event
from tests import factories
from tests.notifications.conftest import subscribe

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:notifications_delivery_changelist"
STATUS = "admin:notifications_delivery_status"


@pytest.fixture
def outbox(db):
    """One event, three deliveries: sent, failed, pending."""
    event = Event.objects.create(content_object=factories.ResourceFactory())
    rows = {}
    for status in ("sent", "failed", "pending"):
        subscription = subscribe(email=f"{status}@example.org", language="en")
        rows[status] = Delivery.objects.create(
            subscription=subscription,
            event=event,
            status=status,
            attempts=1,
            last_error="SMTPRecipientsRefused: 550 no such user"
            if status == "failed"
            else "",
            sent_at=event.created_at if status == "sent" else None,
        )
    return rows


def test_the_delivery_list_shows_state_and_filters(
    client, superuser, outbox, django_assert_max_num_queries
):
    client.force_login(superuser)
    with django_assert_max_num_queries(12):
        response = client.get(reverse(CHANGELIST))
    page = response.content.decode()
    assert response.status_code == 200
    assert "550 no such user" in page
    assert reverse(STATUS) in page
    response = client.get(reverse(CHANGELIST), {"status__exact": "failed"})
    assert list(response.context["cl"].result_list) == [outbox["failed"]]


def test_the_resend_action_queues_failed_deliveries_through_the_service(
    client, publisher, outbox, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(CHANGELIST),
            {
                "action": "resend",
                "_selected_action": [d.pk for d in outbox.values()],
            },
            follow=True,
            headers={"accept-language": "en"},
        )
    assert response.status_code == 200
    text = response.content.decode()
    assert "1 delivery queued again." in text
    assert "2 deliveries were not failed" in text
    outbox["failed"].refresh_from_db()
    assert outbox["failed"].status == DeliveryStatus.SENT
    assert [m.to[0] for m in mail.outbox] == ["failed@example.org"]


def test_the_queue_status_view_counts(
    client, publisher, outbox, django_assert_max_num_queries
):
    Event.objects.create(content_object=factories.ProjectFactory())
    client.force_login(publisher)
    with django_assert_max_num_queries(10):
        response = client.get(reverse(STATUS))
    assert response.status_code == 200
    assert response.context["figures"] == {
        "pending": 1,
        "sent_today": 1,
        "failed": 1,
        "undispatched": 2,  # the outbox fixture's event was never dispatched
    }


@pytest.mark.parametrize("who", ["anonymous", "plain", "mission", "editor"])
def test_the_queue_is_closed_to_everyone_else(client, who, mission_member, editor):
    user = {
        "anonymous": None,
        "plain": factories.UserFactory(),
        "mission": mission_member,
        "editor": editor,
    }[who]
    if user:
        client.force_login(user)
    for url in (reverse(STATUS), reverse(CHANGELIST)):
        response = client.get(url)
        assert response.status_code in (302, 403), (who, url)


def test_subscriptions_list_their_delivery_counts(
    client, superuser, outbox, django_assert_max_num_queries
):
    client.force_login(superuser)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("admin:notifications_subscription_changelist"))
    assert response.status_code == 200
    rows = {s.email: s for s in response.context["cl"].result_list}
    failed = rows["failed@example.org"]
    assert (failed.n_sent, failed.n_pending, failed.n_failed) == (0, 0, 1)
    assert rows["pending@example.org"].n_pending == 1


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["status__exact", "attempts", "o", "q", "p", "created_at__gte", "e"]
        ),
        st.text(max_size=20),
        max_size=3,
    )
)
def test_bad_query_strings_never_500(admin_client, params):
    for name in (CHANGELIST, STATUS, "admin:notifications_subscription_changelist"):
        response = admin_client.get(reverse(name), params)
        assert response.status_code in (200, 302), (name, params)
