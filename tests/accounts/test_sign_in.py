"""Missions sign in on the site itself (the admin login is for staff only)."""

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_mission_member_signs_in_and_lands_where_they_were(client, mission_member):
    mission_member.preferred_language = "en"
    mission_member.save()
    response = client.post(
        "/en/accounts/login/",
        {
            "username": mission_member.email.upper(),
            "password": "correct horse battery",
            "next": "/en/partners/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/partners/"
    assert client.get("/en/").context["user"] == mission_member


def test_signing_in_moves_the_site_to_the_members_language(client, mission_member):
    mission_member.preferred_language = "ru"
    mission_member.save()
    response = client.post(
        "/en/accounts/login/",
        {
            "username": mission_member.email,
            "password": "correct horse battery",
            "next": "/en/resources/?theme=human-rights&page=2",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ru/resources/?theme=human-rights&page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    # With no "next", the home page in that language.
    client.logout()
    response = client.post(
        "/en/accounts/login/",
        {"username": mission_member.email, "password": "correct horse battery"},
    )
    assert response["Location"] == "/ru/"


def test_a_wrong_password_gives_a_form_error_in_the_visitors_language(
    client, mission_member
):
    response = client.post(
        "/ru/accounts/login/", {"username": mission_member.email, "password": "nope"}
    )
    assert response.status_code == 200
    with translation.override("ru"):
        assert "пароль" in response.content.decode().lower()


def test_next_cannot_send_people_to_another_site(client, mission_member):
    mission_member.preferred_language = "en"
    mission_member.save()
    response = client.post(
        "/en/accounts/login/",
        {
            "username": mission_member.email,
            "password": "correct horse battery",
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_sign_out_is_a_post(client, mission_member):
    client.force_login(mission_member)
    assert client.get("/en/accounts/logout/").status_code == 405
    assert client.post("/en/accounts/logout/").status_code == 302
    assert client.get("/en/").context["user"].is_anonymous


def test_the_header_links_to_the_sites_sign_in(client):
    html = client.get("/en/partners/").content.decode()
    assert 'href="/en/accounts/login/?next=/en/partners/"' in html
