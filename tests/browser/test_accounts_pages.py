"""In a real browser: accept an invitation and land on the profile, and axe on the
account pages (profile, password change, invitation, password reset) in both
languages, their error states included."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.accounts import tokens
from portal.accounts.models import User
from tests import factories
from tests.browser.helpers import new_page, serious_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Tamarind-lantern-1987"


def test_accept_an_invitation_and_land_on_the_profile(
    chromium_path, browser, live_server, transactional_db
):
    country = factories.CountryFactory(name_en="Kenya", name_ru="Кения")
    invitation = factories.InvitationFactory(
        email="officer@mission.example", language="en", country=country
    )
    context, page = new_page(browser, "en")
    try:
        page.goto(
            f"{live_server.url}/en/accounts/invitation/{tokens.make_token(invitation)}/"
        )
        page.get_by_label("Full name").fill("Amina Diallo")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_label("Password again").fill(PASSWORD)
        page.get_by_role("button", name="Create my account").click()
        page.wait_for_load_state()

        assert page.url == f"{live_server.url}/en/accounts/profile/"
        assert page.get_by_role("heading", level=1).inner_text() == "My profile"
        assert page.get_by_label("Country (mission)").input_value() == str(country.pk)
        assert page.locator("header").get_by_role("link", name="Profile").is_visible()
    finally:
        context.close()
    user = User.objects.get(email="officer@mission.example")
    assert user.full_name == "Amina Diallo"
    assert user.is_mission_member


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_serious_accessibility_violations_on_the_account_pages(
    chromium_path, browser, live_server, transactional_db, lang
):
    factories.CountryFactory.create_batch(3)
    member = factories.MissionMemberFactory(preferred_language=lang)
    invitation = factories.InvitationFactory(language=lang)
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    reset = default_token_generator.make_token(member)
    anonymous_pages = [
        f"/{lang}/accounts/invitation/{tokens.make_token(invitation)}/",
        f"/{lang}/accounts/invitation/not-a-token/",
        f"/{lang}/accounts/password/reset/",
        f"/{lang}/accounts/password/reset/sent/",
        f"/{lang}/accounts/password/reset/{uid}/{reset}/",
        f"/{lang}/accounts/password/reset/{uid}/not-a-token/",
        f"/{lang}/accounts/login/",
    ]
    member_pages = [
        f"/{lang}/accounts/profile/",
        f"/{lang}/accounts/password/change/",
    ]

    problems = {}
    context, page = new_page(browser, lang)
    try:
        for path in anonymous_pages:
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == lang
            serious, results = serious_violations(page)
            if serious:
                problems[path] = results.generate_report()

        # A submitted form with errors: the error states are checked too.
        page.goto(f"{live_server.url}/{lang}/accounts/password/reset/")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        serious, results = serious_violations(page)
        if serious:
            problems["reset form with errors"] = results.generate_report()

        sign_in(context, live_server, member)
        for path in member_pages:
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == lang
            serious, results = serious_violations(page)
            if serious:
                problems[path] = results.generate_report()
        page.goto(f"{live_server.url}/{lang}/accounts/password/change/")
        page.locator("main input[name=old_password]").fill("wrong")
        page.locator("main input[name=new_password1]").fill("123")
        page.locator("main input[name=new_password2]").fill("456")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator("main [aria-invalid=true]").count() >= 1
        serious, results = serious_violations(page)
        if serious:
            problems["password change with errors"] = results.generate_report()
    finally:
        context.close()

    assert problems == {}, "\n\n".join(f"{k}:\n{v}" for k, v in problems.items())
