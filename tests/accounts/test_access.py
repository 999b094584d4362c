"""Every account URL tried as each kind of user, and the cookies of production.

Allowed: the page answers 200. Refused: anonymous visitors are sent to sign in
(302 to the login page); the invitation admin answers 403 to staff without the
permission and sends non-staff to the admin's sign-in; nothing is written.
"""

import pytest
from django.test import Client

from portal.accounts import tokens
from portal.accounts.models import Invitation
from tests import factories
from tests.test_settings import PRODUCTION, PRODUCTION_ENV, show

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "editor", "publisher"]

# URL -> the roles that get the page (everyone else is refused).
SITE_PAGES = {
    "/{lang}/accounts/login/": {"anonymous"},
    "/{lang}/accounts/profile/": {"member", "editor", "publisher"},
    "/{lang}/accounts/password/change/": {"member", "editor", "publisher"},
    "/{lang}/accounts/password/change/done/": {"member", "editor", "publisher"},
    "/{lang}/accounts/password/reset/": set(ROLES),
    "/{lang}/accounts/password/reset/sent/": set(ROLES),
    "/{lang}/accounts/password/reset/done/": set(ROLES),
    "/{lang}/accounts/invitation/{token}/": set(ROLES),
}
ADMIN_PAGES = {
    "/admin/accounts/invitation/": {"publisher"},
    "/admin/accounts/invitation/add/": {"publisher"},
}


@pytest.fixture
def as_role(client, mission_member, editor, publisher):
    users = {"member": mission_member, "editor": editor, "publisher": publisher}

    def sign_in(role: str) -> Client:
        client.logout()
        if role in users:
            client.force_login(users[role])
        return client

    return sign_in


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", list(SITE_PAGES))
def test_site_pages_by_role(as_role, role, url, lang):
    token = tokens.make_token(factories.InvitationFactory())
    client = as_role(role)

    response = client.get(url.format(lang=lang, token=token))

    if role in SITE_PAGES[url]:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(f"/{lang}/accounts/login/?next=")
    else:  # the sign-in page sends a signed-in user on
        assert response.status_code == 302


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", list(ADMIN_PAGES))
def test_invitation_admin_by_role(as_role, role, url):
    client = as_role(role)
    country = factories.CountryFactory()

    read = client.get(url)
    written = client.post(
        "/admin/accounts/invitation/add/",
        {"email": "new@mission.example", "country": country.pk, "language": "en"},
    )

    if role in ADMIN_PAGES[url]:
        assert read.status_code == 200
        assert written.status_code == 302
        assert Invitation.objects.filter(email="new@mission.example").exists()
    else:
        assert read.status_code in (302, 403)
        assert written.status_code in (302, 403)
        if role in ("anonymous", "member"):
            assert read["Location"].startswith("/admin/login/")
        assert not Invitation.objects.exists()


def test_production_cookies_are_secure_http_only_and_same_site():
    expression = (
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE"
    )
    assert show(PRODUCTION, PRODUCTION_ENV, expression) == (
        True,
        True,
        True,
        "Lax",
        "Lax",
    )


def test_the_session_cookie_says_httponly_and_samesite(client, mission_member):
    response = client.post(
        "/en/accounts/login/",
        {"username": mission_member.email, "password": "correct horse battery"},
    )
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
