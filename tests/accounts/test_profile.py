"""The profile page and the password change of a signed-in user."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests import factories
from tests.accounts.helpers import NEW_PASSWORD, PASSWORD, csrf_client_token

pytestmark = pytest.mark.django_db

PROFILE = "/{lang}/accounts/profile/"
CHANGE = "/{lang}/accounts/password/change/"


def profile_data(user, **overrides):
    return {
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "country": user.country_id or "",
        "organisation": user.organisation,
        **overrides,
    }


# --- Who may see it ---------------------------------------------------------


@pytest.mark.parametrize("url", [PROFILE, CHANGE, CHANGE + "done/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url.format(lang="en"))
    assert response.status_code == 302
    assert response["Location"] == (f"/en/accounts/login/?next={url.format(lang='en')}")


@pytest.mark.parametrize("who", ["plain", "member", "editor"])
def test_each_signed_in_user_sees_their_own_profile(as_user, who, mission_member):
    client = as_user(who)

    response = client.get(PROFILE.format(lang="en"))

    assert response.status_code == 200
    user = response.context["user"]
    html = response.content.decode()
    assert user.email in html
    assert response.context["form"].instance == user
    if user != mission_member:
        assert mission_member.email not in html
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in html


def test_the_profile_links_to_the_password_and_the_subscription(client, mission_member):
    client.force_login(mission_member)
    html = client.get(PROFILE.format(lang="ru")).content.decode()
    assert 'href="/ru/accounts/password/change/"' in html
    assert 'href="/ru/subscribe/mine/"' in html


def test_the_header_links_signed_in_users_to_their_profile(client, mission_member):
    assert 'href="/en/accounts/profile/"' not in client.get("/en/").content.decode()
    client.force_login(mission_member)
    assert 'href="/en/accounts/profile/"' in client.get("/en/").content.decode()


# --- Editing ----------------------------------------------------------------


def test_a_member_edits_their_details(client, mission_member):
    client.force_login(mission_member)
    country = factories.CountryFactory()
    mission_member.preferred_language = "en"
    mission_member.save()

    response = client.post(
        PROFILE.format(lang="en"),
        profile_data(
            mission_member,
            full_name="Amina Diallo",
            country=country.pk,
            organisation="Permanent Mission",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/?saved=1"
    mission_member.refresh_from_db()
    assert (mission_member.full_name, mission_member.country) == (
        "Amina Diallo",
        country,
    )
    assert mission_member.organisation == "Permanent Mission"
    saved = client.get(response["Location"])
    with translation.override("en"):
        assert gettext("Your profile is saved.") in saved.content.decode()


def test_a_new_language_moves_the_site_to_it(client, mission_member):
    mission_member.preferred_language = "en"
    mission_member.save()
    client.force_login(mission_member)

    response = client.post(
        PROFILE.format(lang="en"),
        profile_data(mission_member, preferred_language="ru"),
    )

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/profile/?saved=1"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    page = client.get(response["Location"])
    assert '<html lang="ru"' in page.content.decode()
    # "/" follows the choice too.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/ru/"
    mission_member.refresh_from_db()
    assert mission_member.preferred_language == "ru"


@pytest.mark.parametrize(
    "bad",
    [
        {"preferred_language": "fr"},
        {"country": "999999"},
        {"country": "not-a-number"},
        {"full_name": "x" * 201},
    ],
)
def test_bad_input_is_a_form_error_in_the_visitors_language(
    client, mission_member, bad
):
    client.force_login(mission_member)
    before = (mission_member.full_name, mission_member.country_id)

    response = client.post(
        PROFILE.format(lang="ru"), profile_data(mission_member, **bad)
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    html = response.content.decode()
    assert 'lang="ru"' in html
    with translation.override("ru"):
        assert gettext("Please correct the errors below.") in html
    mission_member.refresh_from_db()
    assert (mission_member.full_name, mission_member.country_id) == before


def test_the_profile_cannot_make_anyone_staff(client, mission_member):
    client.force_login(mission_member)
    client.post(
        PROFILE.format(lang="en"),
        profile_data(mission_member, is_staff="on", is_superuser="on", email="x@y.z"),
    )
    mission_member.refresh_from_db()
    assert not mission_member.is_staff and not mission_member.is_superuser
    assert mission_member.email != "x@y.z"


def test_the_profile_form_enforces_csrf(mission_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(mission_member)
    url = PROFILE.format(lang="en")
    data = profile_data(mission_member, full_name="Changed")

    assert client.post(url, data).status_code == 403
    mission_member.refresh_from_db()
    assert mission_member.full_name != "Changed"

    token = csrf_client_token(client, url)
    assert client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code == 302


def test_the_profile_runs_a_fixed_number_of_queries(
    client, mission_member, django_assert_max_num_queries
):
    factories.CountryFactory.create_batch(5)
    client.force_login(mission_member)
    # Session, user, the country list, and the member's proposals (their list and
    # the membership check): the same whatever the number of countries.
    with django_assert_max_num_queries(6):
        assert client.get(PROFILE.format(lang="en")).status_code == 200


# --- Password change --------------------------------------------------------


def test_a_member_changes_their_password_and_stays_signed_in(client, mission_member):
    client.force_login(mission_member)

    response = client.post(
        CHANGE.format(lang="en"),
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/change/done/"
    mission_member.refresh_from_db()
    assert mission_member.check_password(NEW_PASSWORD)
    assert client.get(response["Location"]).status_code == 200
    assert client.get(PROFILE.format(lang="en")).status_code == 200


def test_a_wrong_old_password_changes_nothing(client, mission_member):
    client.force_login(mission_member)

    response = client.post(
        CHANGE.format(lang="ru"),
        {
            "old_password": "wrong",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    mission_member.refresh_from_db()
    assert mission_member.check_password(PASSWORD)


def test_the_password_change_enforces_csrf(mission_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(mission_member)
    url = CHANGE.format(lang="en")
    data = {
        "old_password": PASSWORD,
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
    }

    assert client.post(url, data).status_code == 403

    token = csrf_client_token(client, url)
    assert client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code == 302


def test_the_password_change_page_runs_a_fixed_number_of_queries(
    client, mission_member, django_assert_max_num_queries
):
    client.force_login(mission_member)
    # Session, user, the footer's pages menu.
    with django_assert_max_num_queries(3):
        assert client.get(CHANGE.format(lang="en")).status_code == 200
