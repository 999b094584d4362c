"""Writes of the accounts app: invitations, and the mails of invitations and resets.

Mails are queued on commit (Celery) and rendered by the worker in the recipient's
language, with absolute links built from SITE_URL, never from the request's Host.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from portal import throttle
from portal.accounts import tokens
from portal.accounts.models import MISSION_MEMBERS_GROUP, Invitation, User
from portal.notifications.mail import absolute_url, build_message
from portal.queueing import queue_on_commit

INVITE_PERMISSION = "accounts.add_invitation"
# Reset requests one client IP may send in an hour, then a 429 page.
RESETS_PER_IP = 20
# Reset requests per address in an hour that send a mail; later ones send none.
RESET_MAILS_PER_ADDRESS = 3


class InvitationUnusable(Exception):
    """The invitation was used, or an account with its address exists already."""


def invitation_check_address(*, email: str, exclude_pk: int | None = None) -> None:
    """Refuse an address that has an account or an open invitation already.

    Inviting an existing account would make a second one: staff give an existing
    user the Mission members group in the admin instead.
    """
    if User.objects.filter(email__iexact=email.strip()).exists():
        raise ValidationError(
            _(
                "An account with this e-mail address already exists. To give it "
                "access for a mission, add it to the Mission members group."
            ),
            code="account_exists",
        )
    pending = Invitation.objects.pending().for_email(email)
    if exclude_pk is not None:
        pending = pending.exclude(pk=exclude_pk)
    if pending.exists():
        raise ValidationError(
            _(
                "This address has an open invitation already. To send its link "
                "again, use the action “Resend the invitation”."
            ),
            code="pending_invitation",
        )


@transaction.atomic
def invitation_create(*, invitation: Invitation, by: User) -> Invitation:
    """Save a new invitation built by a form, and mail it once committed."""
    from portal.accounts.tasks import send_invitation

    if not by.has_perm(INVITE_PERMISSION):
        raise PermissionDenied
    invitation.invited_by = by
    # The address check below says it better than the constraint's own message.
    invitation.full_clean(exclude=["invited_by"], validate_constraints=False)
    invitation_check_address(email=invitation.email)
    invitation.sent_at = timezone.now()
    invitation.save()
    queue_on_commit(send_invitation, invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by: User) -> bool:
    """Mail a fresh link (the older links stop working); False if already used."""
    from portal.accounts.tasks import send_invitation

    if not by.has_perm(INVITE_PERMISSION):
        raise PermissionDenied
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.is_accepted:
        return False
    invitation.generation += 1
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["generation", "sent_at"])
    queue_on_commit(send_invitation, invitation_id=invitation.pk)
    return True


def invitation_send_mail(*, invitation_id: int) -> bool:
    """Mail the current link of a pending invitation, once per generation.

    Safe to run twice (a redelivered task): the row is locked and the generation
    already mailed is remembered, so the second run sends nothing.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(pk=invitation_id).first()
        )
        if (
            invitation is None
            or invitation.is_accepted
            or invitation.mailed_generation >= invitation.generation
        ):
            return False
        with translation.override(invitation.language):
            path = reverse(
                "accounts:invitation",
                kwargs={"token": tokens.make_token(invitation)},
            )
        message = build_message(
            template="accounts/email/invitation",
            context={
                "invitation": invitation,
                "accept_url": absolute_url(path),
                "max_age_days": settings.INVITATION_MAX_AGE.days,
                "LANGUAGE_CODE": invitation.language,
            },
            to=invitation.email,
            language=invitation.language,
        )
        message.send()
        invitation.mailed_generation = invitation.generation
        invitation.save(update_fields=["mailed_generation"])
    return True


def invitation_check_usable(*, invitation: Invitation) -> None:
    """InvitationUnusable when the link can no longer make an account."""
    if (
        invitation.is_accepted
        or User.objects.filter(email__iexact=invitation.email).exists()
    ):
        raise InvitationUnusable


@transaction.atomic
def invitation_accept(*, invitation: Invitation, full_name: str, password: str) -> User:
    """Make the member's account from the invitation and mark it used.

    The row lock makes two simultaneous submissions of one link create one account.
    """
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("country")
        .get(pk=invitation.pk)
    )
    invitation_check_usable(invitation=invitation)
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        full_name=full_name.strip(),
        preferred_language=invitation.language,
        country=invitation.country,
        organisation=invitation.organisation,
    )
    user.groups.add(Group.objects.get_or_create(name=MISSION_MEMBERS_GROUP)[0])
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def password_reset_over_ip_limit(ip: str) -> bool:
    """Count a reset request from ``ip``; True past ``RESETS_PER_IP`` in the hour."""
    return throttle.over_limit("reset:ip", ip, RESETS_PER_IP)


def password_reset_request(*, email: str, users) -> None:
    """Queue one reset mail per account; the caller answers the same either way.

    Past ``RESET_MAILS_PER_ADDRESS`` requests for one address in an hour, nothing
    more is sent to it: a stranger cannot flood a member's mailbox.
    """
    from portal.accounts.tasks import send_password_reset

    if throttle.over_limit(
        "reset:address", email.strip().lower(), RESET_MAILS_PER_ADDRESS
    ):
        return
    for user in users:
        queue_on_commit(send_password_reset, user_id=user.pk)


def password_reset_send_mail(*, user_id: int) -> bool:
    """Mail a reset link to an active account, in its preferred language."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    language = user.preferred_language
    with translation.override(language):
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    message = build_message(
        template="accounts/email/password_reset",
        context={
            "user": user,
            "reset_url": absolute_url(path),
            "max_age_days": settings.PASSWORD_RESET_TIMEOUT // (60 * 60 * 24),
            "LANGUAGE_CODE": language,
        },
        to=user.email,
        language=language,
    )
    message.send()
    return True
