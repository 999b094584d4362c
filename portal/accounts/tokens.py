"""Signed invitation links.

The token names one invitation, its generation (a resend makes the older links
stop working) and a digest of its address (changing the address in the admin
does too). The purpose is part of the salt, so no other signed value of the site
(a subscription link, a password reset) passes for an invitation. It expires
INVITATION_MAX_AGE after it was made, that is after the mail was sent.

Password reset links are Django's own (``default_token_generator``).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core import signing

from portal.accounts.models import Invitation

SALT = "portal.accounts.invitation"


class BadToken(Exception):
    """Forged, altered, expired, replaced by a resend, or its invitation is gone."""


def address_digest(email: str) -> str:
    """Binds a signed link to the address it was made for: change it, the link dies."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def make_token(invitation: Invitation) -> str:
    return signing.dumps(
        [invitation.pk, invitation.generation, address_digest(invitation.email)],
        salt=SALT,
    )


def read_token(token: str) -> Invitation:
    """The invitation a valid, current token names; BadToken for anything else.

    A used invitation is returned: the caller says "already used", which is more
    helpful than "broken link" and tells nothing to someone without the link.
    """
    try:
        pk, generation, digest = signing.loads(
            token, salt=SALT, max_age=settings.INVITATION_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken(str(error)) from error
    if not isinstance(pk, int) or not isinstance(generation, int):
        raise BadToken("malformed payload")
    invitation = Invitation.objects.select_related("country").filter(pk=pk).first()
    if (
        invitation is None
        or invitation.generation != generation
        or address_digest(invitation.email) != digest
    ):
        raise BadToken("no such invitation")
    return invitation
