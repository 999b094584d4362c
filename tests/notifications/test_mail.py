"""What the mail says: language and fallback, links, headers, both parts."""

import pytest
from django.core import mail
from django.urls import resolve
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from portal.notifications import tokens
from portal.notifications.mail import header_text
from portal.notifications.models import Delivery, Event
from portal.notifications.services import delivery_send, event_dispatch
from portal.publishing import Status
from portal.services import content_publish
from tests import factories
from tests.notifications.conftest import subscribe

pytestmark = pytest.mark.django_db


def mail_for(item, subscription):
    """Dispatch ``item`` and send the one delivery of ``subscription``."""
    event = Event.objects.create(content_object=item)
    event_dispatch(event_id=event.pk)
    delivery = Delivery.objects.get(event=event, subscription=subscription)
    mail.outbox.clear()
    assert delivery_send(delivery_id=delivery.pk) == "sent"
    (message,) = mail.outbox
    return message


def html_of(message) -> str:
    (html, mimetype), *_rest = message.alternatives
    assert mimetype == "text/html"
    return html


def test_each_subscriber_reads_in_their_language_with_links_in_it():
    ru = subscribe(email="ru@example.org", language="ru")
    en = subscribe(email="en@example.org", language="en")
    resource = factories.ResourceFactory(
        slug="handbook", title_ru="Пособие", title_en="Handbook"
    )
    russian = mail_for(resource, ru)
    assert "Пособие" in russian.subject and "Ресурс" in russian.subject
    assert "https://portal.example.org/ru/resources/handbook/" in russian.body
    english = mail_for(factories.ResourceFactory(slug="guide", title_en="Guide"), en)
    assert english.subject == "Resource: Guide"
    assert "https://portal.example.org/en/resources/guide/" in english.body
    assert "Read on the portal" in html_of(english)


def test_missing_translation_falls_back_to_the_other_language_and_says_so():
    en = subscribe(email="en@example.org", language="en")
    resource = factories.ResourceFactory(
        title_ru="Только по-русски", title_en="", summary_en=""
    )
    message = mail_for(resource, en)
    assert "Только по-русски" in message.subject
    assert "Not yet available in your language: here it is in Russian." in message.body
    assert 'lang="ru"' in html_of(message)
    assert "/en/resources/" in message.body  # the page still in the reader's language


def test_headers_offer_one_click_unsubscribe_and_links_carry_purpose_tokens():
    subscription = subscribe(email="reader@example.org", language="en")
    message = mail_for(factories.ProjectFactory(), subscription)
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    path = url.removeprefix("https://portal.example.org")
    with translation.override("en"):
        match = resolve(path)
    assert match.view_name == "notifications:unsubscribe"
    assert tokens.read_token(match.kwargs["token"], tokens.UNSUBSCRIBE) == subscription
    with pytest.raises(tokens.BadToken):
        tokens.read_token(match.kwargs["token"], tokens.MANAGE)
    assert url in message.body and url in html_of(message)
    assert "/en/subscribe/manage/" in message.body
    assert "reader@example.org subscribed" in message.body


def test_a_title_with_line_breaks_never_reaches_a_header_as_two_lines():
    subscription = subscribe(email="reader@example.org", language="en")
    resource = factories.ResourceFactory(
        title_en="Guide\r\nBcc: victim@example.org\nX-Evil: 1"
    )
    message = mail_for(resource, subscription)
    assert "\n" not in message.subject and "\r" not in message.subject
    raw = message.message().as_string()
    assert "\nBcc:" not in raw and "\nX-Evil" not in raw


def test_text_part_is_plain_and_html_part_is_escaped():
    subscription = subscribe(email="reader@example.org", language="en")
    resource = factories.ResourceFactory(title_en="Tom & Jerry <script>")
    message = mail_for(resource, subscription)
    assert message.subject == "Resource: Tom & Jerry <script>"
    assert "Tom & Jerry <script>" in message.body
    assert "Tom &amp; Jerry &lt;script&gt;" in html_of(message)
    assert "<script>" not in html_of(message)


@given(st.text())
def test_header_text_is_always_one_line(value):
    cleaned = header_text(value)
    assert not set(cleaned) & set("\r\n\x00\x85\u2028\u2029")
    assert len(cleaned) <= 150


def test_published_partner_announces_its_name(
    publisher, django_capture_on_commit_callbacks
):
    subscribe(email="reader@example.org", language="en")
    partner = factories.PartnerFactory(
        status=Status.REVIEW, published_at=None, name_en="Ministry of Justice"
    )
    with django_capture_on_commit_callbacks(execute=True):
        content_publish(item=partner, by=publisher)
    assert mail.outbox[0].subject == "Partner: Ministry of Justice"


def test_header_text_counts_combining_marks_as_characters():
    value = "a" * 149 + "\u0301" * 5  # accents that Truncator counts as nothing
    cleaned = header_text(value)
    assert len(cleaned) <= 150
    assert cleaned.endswith("…")
