"""Invitations: staff invite a mission member from the admin, the mail goes out in
the invitee's language, and its link makes one account, once, for a limited time."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import mail, signing
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portal.accounts import services, tokens
from portal.accounts.models import MISSION_MEMBERS_GROUP, Invitation, User
from portal.notifications.tokens import CONFIRM
from portal.notifications.tokens import make_token as subscription_token
from tests import factories
from tests.accounts.helpers import (
    NEW_PASSWORD,
    committed,
    csrf_client_token,
    link_in_last_mail,
    signed_in_the_past,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/accounts/invitation/add/"
LIST_URL = "/admin/accounts/invitation/"


def invite(*, by, **fields) -> Invitation:
    """The service the admin calls, with a fresh country by default."""
    fields.setdefault("country", factories.CountryFactory())
    fields.setdefault("email", "officer@mission.example")
    with committed():
        return services.invitation_create(invitation=Invitation(**fields), by=by)


def accept_url(invitation: Invitation, lang: str = "en") -> str:
    return f"/{lang}/accounts/invitation/{tokens.make_token(invitation)}/"


def accept(client, url, **overrides):
    data = {
        "full_name": "Amina Diallo",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **overrides,
    }
    return client.post(url, data)


def assert_bad_link(response, lang: str, *, used: bool = False):
    assert response.status_code == 400
    html = response.content.decode()
    assert f'lang="{lang}"' in html
    assert '<meta name="robots" content="noindex">' in html
    with translation.override(lang):
        title = (
            gettext("This invitation has been used")
            if used
            else gettext("This invitation link does not work")
        )
        assert title in html


# --- Inviting, from the admin -------------------------------------------------


def test_a_publisher_invites_from_the_admin_and_the_mail_is_in_russian(
    client, publisher
):
    country = factories.CountryFactory(name_en="Kenya", name_ru="Кения")
    client.force_login(publisher)

    with committed():
        response = client.post(
            ADD_URL,
            {
                "email": "  Officer@Mission.Example ",
                "full_name": "Amina Diallo",
                "country": country.pk,
                "organisation": "Permanent Mission of Kenya",
                "language": "ru",
            },
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    invitation = Invitation.objects.get()
    assert invitation.email == "officer@mission.example"
    assert invitation.invited_by == publisher
    assert invitation.mailed_generation == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@mission.example"]
    with translation.override("ru"):
        assert message.subject == gettext(
            "Your invitation to the South-South cooperation portal"
        )
    assert "Кения" in message.body
    html = message.alternatives[0][0]
    assert 'lang="ru"' in html
    path = link_in_last_mail(r"/accounts/invitation/")
    assert path.startswith("/ru/accounts/invitation/")
    assert tokens.read_token(path.split("/")[-2]) == invitation


def test_editors_and_members_cannot_invite(client, editor, mission_member):
    country = factories.CountryFactory()
    data = {"email": "x@mission.example", "country": country.pk, "language": "en"}

    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 403
    assert client.post(ADD_URL, data).status_code == 403
    assert client.get(LIST_URL).status_code == 403

    client.force_login(mission_member)  # not staff: the admin sends them to log in
    assert client.post(ADD_URL, data).status_code == 302

    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_service_refuses_someone_without_the_permission(editor, mission_member):
    for who in (editor, mission_member):
        with pytest.raises(PermissionDenied):
            invite(by=who)
    assert not Invitation.objects.exists()


def test_only_publishers_hold_the_invitation_permission(publisher, editor):
    assert publisher.has_perm("accounts.add_invitation")
    assert publisher.has_perm("accounts.delete_invitation")
    assert not publisher.has_perm("accounts.change_invitation")
    assert not editor.has_perm("accounts.add_invitation")
    assert not Group.objects.get(name=MISSION_MEMBERS_GROUP).permissions.exists()


def test_inviting_an_address_with_an_account_makes_no_duplicate(
    client, publisher, mission_member
):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin in English
    client.force_login(publisher)

    response = client.post(
        ADD_URL,
        {
            "email": mission_member.email.upper(),
            "country": factories.CountryFactory().pk,
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "An account with this e-mail address already exists" in (
        response.content.decode().replace("&nbsp;", " ")
    )
    assert not Invitation.objects.exists()
    assert User.objects.filter(email__iexact=mission_member.email).count() == 1
    assert mail.outbox == []


def test_a_second_invitation_to_a_pending_address_is_refused(client, publisher):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin in English
    invite(by=publisher, email="officer@mission.example")
    client.force_login(publisher)

    response = client.post(
        ADD_URL,
        {
            "email": "OFFICER@mission.example",
            "country": factories.CountryFactory().pk,
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "Resend the invitation" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_a_sent_invitation_is_read_only_in_the_admin(client, superuser):
    invitation = invite(by=superuser, language="en")
    client.force_login(superuser)
    url = f"{LIST_URL}{invitation.pk}/change/"

    client.post(url, {"email": "other@mission.example", "language": "ru"})

    invitation.refresh_from_db()
    assert invitation.email == "officer@mission.example"
    assert invitation.language == "en"


def test_resend_mails_a_new_link_and_the_old_one_stops_working(client, publisher):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin in English
    invitation = invite(by=publisher)
    old = link_in_last_mail(r"/accounts/invitation/")
    client.force_login(publisher)

    with committed():
        response = client.post(
            LIST_URL,
            {"action": "resend", "_selected_action": [invitation.pk]},
            follow=True,
        )

    assert response.status_code == 200
    assert len(mail.outbox) == 2
    new = link_in_last_mail(r"/accounts/invitation/")
    assert new != old
    invitation.refresh_from_db()
    assert invitation.generation == invitation.mailed_generation == 2
    anonymous = Client()
    # The links are in the invitee's language (Russian by default).
    assert old.startswith("/ru/")
    assert_bad_link(anonymous.get(old), "ru")
    assert anonymous.get(new).status_code == 200


def test_resend_skips_an_accepted_invitation(client, publisher):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin in English
    invitation = invite(by=publisher)
    services.invitation_accept(
        invitation=invitation, full_name="A", password=NEW_PASSWORD
    )
    client.force_login(publisher)

    response = client.post(
        LIST_URL, {"action": "resend", "_selected_action": [invitation.pk]}, follow=True
    )

    assert "already accepted" in response.content.decode()
    assert len(mail.outbox) == 1


def test_an_editor_cannot_resend(client, publisher, editor):
    invitation = invite(by=publisher)
    client.force_login(editor)

    response = client.post(
        LIST_URL, {"action": "resend", "_selected_action": [invitation.pk]}
    )

    assert response.status_code == 403
    assert len(mail.outbox) == 1
    with pytest.raises(PermissionDenied):
        services.invitation_resend(invitation=invitation, by=editor)


def test_the_mail_task_is_safe_to_run_twice(publisher):
    invitation = invite(by=publisher)
    assert len(mail.outbox) == 1

    assert services.invitation_send_mail(invitation_id=invitation.pk) is False
    assert len(mail.outbox) == 1


def test_the_mail_waits_for_the_commit(publisher, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.invitation_create(
            invitation=Invitation(
                email="officer@mission.example", country=factories.CountryFactory()
            ),
            by=publisher,
        )
    assert mail.outbox == []
    assert len(callbacks) == 1


# --- Accepting ----------------------------------------------------------------


def test_accepting_makes_a_mission_member_signs_in_and_lands_on_the_profile(client):
    country = factories.CountryFactory()
    invitation = factories.InvitationFactory(
        email="officer@mission.example",
        language="ru",
        country=country,
        organisation="Mission",
    )
    url = accept_url(invitation, "ru")
    page = client.get(url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert 'lang="ru"' in page.content.decode()
    session = client.session
    session["before"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    response = accept(client, url)

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/profile/"
    user = User.objects.get(email="officer@mission.example")
    assert user.check_password(NEW_PASSWORD)
    assert user.full_name == "Amina Diallo"
    assert user.country == country
    assert user.preferred_language == "ru"
    assert user.organisation == "Mission"
    assert user.is_mission_member and not user.is_staff
    invitation.refresh_from_db()
    assert invitation.is_accepted and invitation.user == user
    # Signed in, under a new session key.
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before
    assert client.get("/ru/accounts/profile/").status_code == 200


def test_a_used_link_gets_a_400_page_that_offers_to_sign_in(client):
    invitation = factories.InvitationFactory()
    url = accept_url(invitation)
    assert accept(client, url).status_code == 302

    again = Client()
    assert_bad_link(again.get(url), "en", used=True)
    assert_bad_link(accept(again, url, full_name="Someone else"), "en", used=True)
    assert User.objects.count() == 1


def test_an_address_that_got_an_account_meanwhile_makes_no_second_one(client):
    invitation = factories.InvitationFactory(email="officer@mission.example")
    factories.UserFactory(email="officer@mission.example")

    assert_bad_link(accept(client, accept_url(invitation)), "en", used=True)
    assert User.objects.filter(email="officer@mission.example").count() == 1


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_an_expired_link_is_refused_in_the_visitors_language(client, lang):
    invitation = factories.InvitationFactory()
    with signed_in_the_past(settings.INVITATION_MAX_AGE.total_seconds() + 60):
        url = accept_url(invitation, lang)

    assert_bad_link(client.get(url), lang)
    assert_bad_link(accept(client, url), lang)
    assert not User.objects.exists()


def test_a_link_just_inside_its_age_works(client):
    invitation = factories.InvitationFactory()
    with signed_in_the_past(settings.INVITATION_MAX_AGE.total_seconds() - 60):
        url = accept_url(invitation)

    assert client.get(url).status_code == 200


def test_the_max_age_is_a_setting(client, settings):
    settings.INVITATION_MAX_AGE = timedelta(hours=1)
    invitation = factories.InvitationFactory()
    with signed_in_the_past(2 * 60 * 60):
        url = accept_url(invitation)

    assert client.get(url).status_code == 400


def altered(token: str) -> list[str]:
    payload, _, signature = token.rpartition(":")
    flip = "A" if token[0] != "A" else "B"
    return [
        flip + token[1:],  # payload changed
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        payload,  # signature dropped
        token[: len(token) // 2],  # cut in half
        token + "x",
        "not-a-token",
    ]


@pytest.mark.parametrize("case", range(6))
def test_an_altered_link_is_refused(client, case):
    invitation = factories.InvitationFactory()
    token = altered(tokens.make_token(invitation))[case]

    assert_bad_link(client.get(f"/en/accounts/invitation/{token}/"), "en")
    assert_bad_link(accept(client, f"/en/accounts/invitation/{token}/"), "en")
    assert not User.objects.exists()


def test_another_invitations_id_in_a_forged_payload_is_refused(client):
    first = factories.InvitationFactory()
    second = factories.InvitationFactory()
    token = tokens.make_token(first)
    forged = tokens.make_token(second).split(":")[0] + ":" + token.split(":", 1)[1]

    assert_bad_link(client.get(f"/en/accounts/invitation/{forged}/"), "en")


def test_tokens_made_for_another_purpose_are_refused(client, mission_member):
    invitation = factories.InvitationFactory()
    subscription = factories.SubscriptionFactory(email=invitation.email)
    wrong = [
        subscription_token(subscription, CONFIRM),
        default_token_generator.make_token(mission_member),
        # Signed with the site's key, but not as an invitation.
        signing.dumps([invitation.pk, invitation.generation, "0" * 16]),
    ]
    for token in wrong:
        url = f"/en/accounts/invitation/{token}/"
        assert_bad_link(client.get(url), "en")
        assert_bad_link(accept(client, url), "en")
    assert not Invitation.objects.accepted().exists()


def test_changing_the_address_or_deleting_the_invitation_kills_the_link(client):
    changed = factories.InvitationFactory()
    url = accept_url(changed)
    Invitation.objects.filter(pk=changed.pk).update(email="someone@else.example")
    assert_bad_link(client.get(url), "en")

    deleted = factories.InvitationFactory()
    url = accept_url(deleted)
    deleted.delete()
    assert_bad_link(client.get(url), "en")


def test_a_weak_or_mismatched_password_is_a_form_error_in_russian(client):
    invitation = factories.InvitationFactory(full_name="Amina Diallo")
    url = accept_url(invitation, "ru")

    weak = accept(client, url, password1="12345678", password2="12345678")
    mismatch = accept(client, url, password2=NEW_PASSWORD + "x")
    similar = accept(
        client, url, password1=invitation.email, password2=invitation.email
    )

    for response in (weak, mismatch, similar):
        assert response.status_code == 200
        assert 'lang="ru"' in response.content.decode()
        assert response.context["form"].errors
    with translation.override("ru"):
        assert gettext("This password is entirely numeric.") in weak.content.decode()
    assert not User.objects.exists()
    invitation.refresh_from_db()
    assert not invitation.is_accepted


def test_a_blank_name_is_a_form_error(client):
    invitation = factories.InvitationFactory(full_name="")

    response = accept(client, accept_url(invitation), full_name="  ")

    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors


def test_a_get_changes_nothing(client):
    invitation = factories.InvitationFactory()
    client.get(accept_url(invitation))
    client.head(accept_url(invitation))
    invitation.refresh_from_db()
    assert not invitation.is_accepted
    assert not User.objects.exists()


def test_other_methods_are_refused(client):
    invitation = factories.InvitationFactory()
    assert client.put(accept_url(invitation)).status_code == 405


def test_the_accept_form_enforces_csrf():
    invitation = factories.InvitationFactory()
    url = accept_url(invitation)
    client = Client(enforce_csrf_checks=True)

    assert accept(client, url).status_code == 403
    assert not User.objects.exists()

    token = csrf_client_token(client, url)
    response = accept(client, url, csrfmiddlewaretoken=token)
    assert response.status_code == 302
    assert User.objects.filter(email=invitation.email).exists()


def test_a_signed_in_user_who_opens_an_invitation_ends_up_in_the_new_account(
    client, mission_member
):
    invitation = factories.InvitationFactory()
    client.force_login(mission_member)

    assert accept(client, accept_url(invitation)).status_code == 302

    assert client.session["_auth_user_id"] == str(Invitation.objects.get().user_id)


def test_the_accept_page_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    invitation = factories.InvitationFactory()
    url = accept_url(invitation)
    # The invitation (with its country), the "no account yet" check, the footer's
    # pages menu (cached after the first page).
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(url[:-1] + "x/").status_code == 400


def test_the_invitation_queryset_sorts_pending_expired_and_accepted():
    pending = factories.InvitationFactory()
    expired = factories.InvitationFactory()
    Invitation.objects.filter(pk=expired.pk).update(
        sent_at=expired.sent_at - settings.INVITATION_MAX_AGE - timedelta(minutes=1)
    )
    accepted = factories.InvitationFactory()
    services.invitation_accept(
        invitation=accepted, full_name="A", password=NEW_PASSWORD
    )

    assert set(Invitation.objects.pending()) == {pending, expired}
    assert list(Invitation.objects.expired()) == [expired]
    assert list(Invitation.objects.accepted()) == [accepted]


@pytest.mark.parametrize("status", ["", "pending", "expired", "accepted"])
def test_the_admin_list_filters_by_status(client, publisher, status):
    invite(by=publisher)
    client.force_login(publisher)

    response = client.get(LIST_URL, {"status": status} if status else {})

    assert response.status_code == 200
    shown = response.context["cl"].result_count
    assert shown == (1 if status in ("", "pending") else 0)


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(token=st.text(alphabet=st.characters(blacklist_characters="/?#%"), min_size=1))
def test_any_token_gets_a_page_never_a_server_error(client, token):
    response = client.get(f"/en/accounts/invitation/{token}/")
    assert response.status_code in (400, 404)
