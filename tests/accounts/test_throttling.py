"""Login throttling (django-axes), session rotation at sign-in, secure cookies.

After AXES_FAILURE_LIMIT failures for one e-mail from one address even the right
password is refused for the cool-off, with a page that says nothing about whether
the account exists.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import F
from django.http import HttpRequest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.test_settings import PRODUCTION, PRODUCTION_ENV, show

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = "/{lang}/accounts/login/"
# The admin sits outside the language prefix: it follows Accept-Language.
ADMIN_LOGIN = "/admin/login/"


def sign_in(client, email, password, *, lang="en", url=LOGIN, ip="10.0.0.1"):
    return client.post(
        url.format(lang=lang),
        {"username": email, "password": password},
        REMOTE_ADDR=ip,
        HTTP_ACCEPT_LANGUAGE=lang,
    )


def fail_until_locked(client, email, **kwargs):
    """Use up the allowed failures; the last one already answers with the lockout."""
    responses = [
        sign_in(client, email, "wrong password", **kwargs)
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert [r.status_code for r in responses[:-1]] == [200] * (len(responses) - 1)
    return responses[-1]


def assert_lockout_page(response, lang):
    assert response.status_code == 429
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'lang="{lang}"' in html
    with translation.override(lang):
        assert gettext("Too many sign-in attempts") in html
        assert gettext("Sign in") in html


def lockout_text(response) -> str:
    """The page's main text, without the CSRF token and nonces that vary per request."""
    html = response.content.decode()
    return html[html.index("<h1>") : html.index("</main>")]


def test_the_limit_is_a_few_failures():
    assert 3 <= settings.AXES_FAILURE_LIMIT <= 10
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_after_five_failures_even_the_right_password_is_refused(
    client, mission_member, lang
):
    assert_lockout_page(
        fail_until_locked(client, mission_member.email, lang=lang), lang
    )

    response = sign_in(client, mission_member.email, PASSWORD, lang=lang)

    assert_lockout_page(response, lang)
    assert "_auth_user_id" not in client.session


def test_below_the_limit_the_right_password_still_works_and_clears_the_count(
    client, mission_member
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, mission_member.email, "wrong password")

    assert sign_in(client, mission_member.email, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_changing_the_case_of_the_email_does_not_buy_more_tries(client, mission_member):
    email = mission_member.email
    variants = [email.upper(), email.title(), f" {email} ", email.swapcase(), email]
    for variant in variants[: settings.AXES_FAILURE_LIMIT]:
        response = sign_in(client, variant, "wrong password")

    assert response.status_code == 429
    assert sign_in(client, email.upper(), PASSWORD).status_code == 429


def test_an_unknown_email_gets_the_same_page_as_a_real_account(client, mission_member):
    real = fail_until_locked(client, mission_member.email)
    unknown = fail_until_locked(client, "nobody-here@example.org")

    assert_lockout_page(unknown, "en")
    assert lockout_text(unknown) == lockout_text(real)
    assert "nobody-here" not in unknown.content.decode()
    assert mission_member.email not in real.content.decode()


def test_another_address_is_not_blocked(client, mission_member):
    fail_until_locked(client, mission_member.email, ip="10.0.0.1")

    response = sign_in(Client(), mission_member.email, PASSWORD, ip="10.0.0.2")

    assert response.status_code == 302


def test_behind_the_proxy_each_visitor_is_counted_by_their_own_address(
    client, mission_member
):
    def through_proxy(visitor: str, password: str, http=None):
        return (http or client).post(
            LOGIN.format(lang="en"),
            {"username": mission_member.email, "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.7, {visitor}",
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = through_proxy("203.0.113.5", "wrong password")
    assert locked.status_code == 429
    # The member, from their own address, still signs in: the attacker's failures
    # counted against the attacker's address, not the proxy's.
    assert through_proxy("203.0.113.77", PASSWORD, http=Client()).status_code == 302


def test_another_account_from_the_same_address_is_not_blocked(client, mission_member):
    fail_until_locked(client, "someone-else@example.org")

    assert sign_in(client, mission_member.email, PASSWORD).status_code == 302


def test_after_the_cool_off_the_right_password_works_again(client, mission_member):
    fail_until_locked(client, mission_member.email)
    assert sign_in(client, mission_member.email, PASSWORD).status_code == 429

    # Travel in time: the attempts are now older than the cool-off.
    AccessAttempt.objects.update(
        attempt_time=F("attempt_time")
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )

    assert sign_in(client, mission_member.email, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(mission_member.pk)


def test_the_cool_off_can_be_set_shorter(client, mission_member, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)
    fail_until_locked(client, mission_member.email)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=2))

    assert sign_in(client, mission_member.email, PASSWORD).status_code == 302


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_admin_login_is_throttled_too(client, superuser, lang):
    fail_until_locked(client, superuser.email, lang=lang, url=ADMIN_LOGIN)

    response = sign_in(client, superuser.email, PASSWORD, lang=lang, url=ADMIN_LOGIN)

    assert_lockout_page(response, lang)
    assert client.get("/admin/").status_code == 302


def test_failures_on_the_site_and_the_admin_add_up(client, superuser):
    for i in range(settings.AXES_FAILURE_LIMIT):
        url = ADMIN_LOGIN if i % 2 else LOGIN
        response = sign_in(client, superuser.email, "wrong password", url=url)

    assert response.status_code == 429
    assert (
        sign_in(client, superuser.email, PASSWORD, url=ADMIN_LOGIN).status_code == 429
    )


def test_the_login_form_enforces_csrf(mission_member):
    client = Client(enforce_csrf_checks=True)

    refused = sign_in(client, mission_member.email, PASSWORD)
    assert refused.status_code == 403
    assert "_auth_user_id" not in client.session

    client.get("/en/accounts/login/")
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        "/en/accounts/login/",
        {"username": mission_member.email, "password": PASSWORD},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 302


def test_the_session_key_changes_at_sign_in(client, mission_member):
    session = client.session
    session["seen"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    assert sign_in(client, mission_member.email, PASSWORD).status_code == 302

    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert client.session["seen"] is True


def test_production_cookies_are_secure_and_http_only():
    expression = (
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " 'axes.middleware.AxesMiddleware' in s.MIDDLEWARE,"
        " s.AUTHENTICATION_BACKENDS[0]"
    )
    assert show(PRODUCTION, PRODUCTION_ENV, expression) == (
        True,
        True,
        True,
        True,
        "axes.backends.AxesStandaloneBackend",
    )


def test_force_login_is_unaffected_and_client_login_needs_a_request(mission_member):
    client = Client()
    client.force_login(mission_member)
    assert client.get("/en/").context["user"] == mission_member

    # axes refuses an authenticate() without a request (it could not count it);
    # tests that want client.login() hand it one.
    other = Client()
    assert other.login(
        request=HttpRequest(), username=mission_member.email, password=PASSWORD
    )


@hypothesis_settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    username=st.text(max_size=300),
    password=st.text(max_size=100),
    ip=st.ip_addresses().map(str),
)
def test_odd_login_bodies_never_fail_with_a_server_error(
    client, username, password, ip
):
    response = sign_in(client, username, password, ip=ip)
    assert response.status_code in {200, 429}
