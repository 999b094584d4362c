"""Signed links for subscribers: each token names one subscription and one purpose.

A token made for one purpose is refused for another (the purpose is part of the
salt), a confirmation token expires, and a token stops working when the
subscription's e-mail address changes (the address is signed in with it).
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

from portal.accounts.tokens import address_digest
from portal.notifications.models import Subscription

CONFIRM = "confirm"
MANAGE = "manage"
UNSUBSCRIBE = "unsubscribe"

# How long each kind of link works; None: as long as the subscription exists.
MAX_AGE: dict[str, timedelta | None] = {
    CONFIRM: timedelta(days=3),
    MANAGE: None,
    UNSUBSCRIBE: None,
}


class BadToken(Exception):
    """Forged, altered, expired, for another purpose, or its subscription is gone."""


def _salt(purpose: str) -> str:
    if purpose not in MAX_AGE:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return f"portal.notifications.{purpose}"


def make_token(subscription: Subscription, purpose: str) -> str:
    return signing.dumps(
        [subscription.pk, address_digest(subscription.email)], salt=_salt(purpose)
    )


def read_token(token: str, purpose: str) -> Subscription:
    """The subscription a valid token names; BadToken for anything else."""
    try:
        pk, digest = signing.loads(token, salt=_salt(purpose), max_age=MAX_AGE[purpose])
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken(str(error)) from error
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or address_digest(subscription.email) != digest:
        raise BadToken("no such subscription")
    return subscription
