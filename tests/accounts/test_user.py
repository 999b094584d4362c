import pytest
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from portal.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_users_sign_in_with_their_email_whatever_its_case():
    user = User.objects.create_user(
        email="Officer@Mission.Example", password="s3cret-pass"
    )
    assert user.email == "officer@mission.example"
    # axes (the login throttle) refuses an authenticate() without the request it counts.
    signed_in = authenticate(
        HttpRequest(), username="OFFICER@mission.example", password="s3cret-pass"
    )
    assert signed_in == user


def test_an_email_belongs_to_one_user_only():
    UserFactory(email="one@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ONE@example.org")


def test_createsuperuser_needs_no_username():
    admin = User.objects.create_superuser(email="root@example.org", password="x")
    assert admin.is_staff and admin.is_superuser


def test_who_may_see_restricted_content(mission_member, editor):
    plain = UserFactory()
    assert mission_member.can_see_restricted
    assert editor.can_see_restricted
    assert not plain.can_see_restricted
    mission_member.is_active = False
    assert not mission_member.can_see_restricted


def test_ensure_admin_creates_one_administrator_once(capsys):
    from django.core.management import call_command

    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out
    assert "password:" in first
    assert "password" not in second
    assert User.objects.filter(is_superuser=True).count() == 1
