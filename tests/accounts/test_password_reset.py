"""Password reset with Django's views: the mail in the user's language, answers that
never tell whether an account exists, and links that work once, unaltered, in time."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from portal.accounts import tokens
from tests import factories
from tests.accounts.helpers import (
    NEW_PASSWORD,
    PASSWORD,
    committed,
    csrf_client_token,
    link_in_last_mail,
)

pytestmark = pytest.mark.django_db

RESET = "/{lang}/accounts/password/reset/"


def ask_for_reset(client, email, lang="en", **extra):
    with committed():
        return client.post(RESET.format(lang=lang), {"email": email}, **extra)


def reset_path(user, lang="en") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"/{lang}/accounts/password/reset/{uid}/{token}/"


def set_password(client, path, password=NEW_PASSWORD):
    """Open the mailed link (it redirects to a URL without the token), then submit."""
    opened = client.get(path)
    if opened.status_code != 302:
        return opened
    return client.post(
        opened["Location"], {"new_password1": password, "new_password2": password}
    )


def assert_bad_reset_link(response, lang="en"):
    assert response.status_code == 400
    html = response.content.decode()
    assert f'lang="{lang}"' in html
    with translation.override(lang):
        assert gettext("This link does not work") in html
        assert gettext("Ask for a new link") in html


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pages_are_in_the_visitors_language(client, lang):
    for path in ("", "sent/", "done/"):
        response = client.get(RESET.format(lang=lang) + path)
        assert response.status_code == 200
        assert f'<html lang="{lang}"' in response.content.decode()


def test_the_mail_goes_in_the_users_language_with_a_link_on_the_sites_address(
    client, mission_member
):
    mission_member.preferred_language = "ru"
    mission_member.save()

    # Asked from the English page, with a forged Host: neither leaks into the mail.
    response = ask_for_reset(
        client, mission_member.email.upper(), "en", HTTP_HOST="evil.example"
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [mission_member.email]
    with translation.override("ru"):
        assert message.subject == gettext(
            "A new password for the South-South cooperation portal"
        )
    assert "evil.example" not in message.body
    path = link_in_last_mail(r"/accounts/password/reset/.+/.+/")
    assert path.startswith("/ru/accounts/password/reset/")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, mission_member):
    known = ask_for_reset(client, mission_member.email)
    unknown = ask_for_reset(Client(), "nobody@example.org")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    sent_page = [Client().get(r["Location"]).content.decode() for r in (known, unknown)]
    assert sent_page[0] == sent_page[1]


def test_inactive_accounts_and_accounts_without_a_password_get_no_mail(client):
    inactive = factories.UserFactory(is_active=False)
    no_password = factories.UserFactory()
    no_password.set_unusable_password()
    no_password.save()

    for user in (inactive, no_password):
        assert ask_for_reset(client, user.email).status_code == 302
    assert mail.outbox == []


def test_the_mailed_link_sets_a_new_password_that_signs_in(client, mission_member):
    ask_for_reset(client, mission_member.email)
    path = link_in_last_mail(r"/accounts/password/reset/.+/.+/")

    response = set_password(client, path)

    assert response.status_code == 302
    # The link, and so the pages after it, are in the member's language (default ru).
    assert response["Location"] == "/ru/accounts/password/reset/done/"
    mission_member.refresh_from_db()
    assert mission_member.check_password(NEW_PASSWORD)
    signed_in = Client().post(
        "/en/accounts/login/",
        {"username": mission_member.email, "password": NEW_PASSWORD},
    )
    assert signed_in.status_code == 302


def test_a_used_link_is_refused(client, mission_member):
    path = reset_path(mission_member)
    assert set_password(client, path).status_code == 302

    assert_bad_reset_link(Client().get(path))
    assert_bad_reset_link(set_password(Client(), path, "Another-pass-2026"))
    mission_member.refresh_from_db()
    assert mission_member.check_password(NEW_PASSWORD)


def test_signing_in_after_the_mail_kills_the_link(client, mission_member):
    path = reset_path(mission_member)
    sign_in = Client().post(
        "/en/accounts/login/",
        {"username": mission_member.email, "password": PASSWORD},
    )
    assert sign_in.status_code == 302

    assert_bad_reset_link(client.get(path))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_expired_link_is_refused_in_the_visitors_language(
    client, mission_member, monkeypatch, lang
):
    path = reset_path(mission_member, lang)
    later = default_token_generator._now() + timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)

    assert_bad_reset_link(client.get(path), lang)
    mission_member.refresh_from_db()
    assert mission_member.check_password(PASSWORD)


def test_altered_links_are_refused(client, mission_member):
    other = factories.UserFactory()
    good = reset_path(mission_member)
    prefix, uid, token = good.rsplit("/", 3)[0], *good.rsplit("/", 3)[1:3]
    other_uid = urlsafe_base64_encode(force_bytes(other.pk))
    flipped = token[:-1] + ("a" if token[-1] != "a" else "b")
    for path in (
        f"{prefix}/{uid}/{flipped}/",
        f"{prefix}/{other_uid}/{token}/",  # the token of another account
        f"{prefix}/{uid}/{token[:10]}/",
        f"{prefix}/!!/{token}/",
        f"{prefix}/{uid}/set-password/",  # no token in the session
    ):
        assert_bad_reset_link(client.get(path))
    mission_member.refresh_from_db()
    assert mission_member.check_password(PASSWORD)


def test_an_invitation_token_is_no_reset_token(client, mission_member):
    invitation = factories.InvitationFactory()
    uid = urlsafe_base64_encode(force_bytes(mission_member.pk))

    response = client.get(
        f"/en/accounts/password/reset/{uid}/{tokens.make_token(invitation)}/"
    )

    assert response.status_code in (400, 404)


def test_the_reset_form_enforces_csrf(mission_member):
    client = Client(enforce_csrf_checks=True)
    url = RESET.format(lang="en")

    assert ask_for_reset(client, mission_member.email).status_code == 403
    assert mail.outbox == []

    token = csrf_client_token(client, url)
    with committed():
        response = client.post(
            url, {"email": mission_member.email, "csrfmiddlewaretoken": token}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_the_new_password_form_enforces_csrf(mission_member):
    client = Client(enforce_csrf_checks=True)
    opened = client.get(reset_path(mission_member))
    assert opened.status_code == 302
    form_url = opened["Location"]
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}

    assert client.post(form_url, data).status_code == 403

    token = csrf_client_token(client, form_url)
    assert (
        client.post(form_url, {**data, "csrfmiddlewaretoken": token}).status_code == 302
    )


def test_a_bad_address_is_a_form_error_not_a_server_error(client):
    response = client.post(RESET.format(lang="ru"), {"email": "not an address"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert mail.outbox == []


def test_a_weak_new_password_is_refused(client, mission_member):
    response = set_password(client, reset_path(mission_member), "123")
    assert response.status_code == 200
    assert response.context["form"].errors


def test_the_pages_run_a_fixed_number_of_queries(
    client, mission_member, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        assert client.get(RESET.format(lang="en")).status_code == 200
    # The lookup of the address; the mail is queued, not sent, in the request.
    with django_assert_max_num_queries(2):
        ask_for_reset(Client(), "nobody@example.org")
    opened = client.get(reset_path(mission_member))
    with django_assert_max_num_queries(4):
        assert client.get(opened["Location"]).status_code == 200


def test_the_sign_in_page_links_to_the_reset(client):
    html = client.get("/ru/accounts/login/").content.decode()
    assert 'href="/ru/accounts/password/reset/"' in html


def test_a_stranger_cannot_flood_a_mailbox_and_the_answer_does_not_change(
    client, mission_member
):
    from portal.accounts.services import RESET_MAILS_PER_ADDRESS

    answers = [
        ask_for_reset(Client(REMOTE_ADDR=f"203.0.113.{n}"), mission_member.email)
        for n in range(RESET_MAILS_PER_ADDRESS + 2)
    ]

    assert len(mail.outbox) == RESET_MAILS_PER_ADDRESS
    assert {answer.status_code for answer in answers} == {302}
    assert {answer["Location"] for answer in answers} == {answers[0]["Location"]}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_too_many_requests_from_one_network_get_a_429_in_the_visitors_language(
    lang, mission_member
):
    from portal.accounts.services import RESETS_PER_IP

    client = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [
        ask_for_reset(client, f"someone{n}@example.org", lang).status_code
        for n in range(RESETS_PER_IP)
    ]
    refused = ask_for_reset(client, mission_member.email, lang)

    assert set(statuses) == {302}
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert f'<html lang="{lang}"' in html
    with translation.override(lang):
        assert gettext("Too many requests") in html
    assert mail.outbox == []  # the member's mail was not sent
    # Another network is not held up.
    assert ask_for_reset(Client(), mission_member.email, lang).status_code == 302
    assert len(mail.outbox) == 1
