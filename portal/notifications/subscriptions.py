"""Subscribing, confirming, changing and leaving: the subscriber's own writes.

One subscription per address. A request never tells whether the address is
known, and never changes a subscription that is in effect: only the owner of the
mailbox, through a signed link, can do that. Requests and confirmation mails are
rate-limited in the cache (Redis in production), per address and per client IP.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal import throttle
from portal.notifications.models import ContentKind, Subscription
from portal.notifications.tokens import CONFIRM, MANAGE, UNSUBSCRIBE, make_token
from portal.taxonomy.models import Region, Theme

logger = logging.getLogger(__name__)

HOUR = throttle.HOUR
# Requests (valid forms) one client IP may send in an hour.
REQUESTS_PER_IP = 20
# Requests for one address in an hour, whoever sends them.
REQUESTS_PER_ADDRESS = 5
# At most one confirmation mail per address per hour (the bad-input rule).
CONFIRMATION_MAIL_INTERVAL = HOUR


class Throttled(Exception):
    """Too many requests from one client or for one address; nothing was done."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _of_address(email: str) -> QuerySet[Subscription]:
    # Lower(email) = value uses the case-insensitive unique index.
    return Subscription.objects.alias(email_lower=Lower("email")).filter(
        email_lower=normalise_email(email)
    )


def find_subscription(email: str) -> Subscription | None:
    """The subscription of an address, whatever its case."""
    return _of_address(email).first()


def _locked_subscription(email: str) -> Subscription:
    """The address's subscription, locked for this transaction; created if none."""
    found = _of_address(email).select_for_update().first()
    if found is not None:
        return found
    try:
        with transaction.atomic():  # a savepoint: a concurrent request may win
            return Subscription.objects.create(email=email)
    except IntegrityError:
        return _of_address(email).select_for_update().get()


def _check_limits(*, email: str, ip: str) -> None:
    ip_over = throttle.over_limit("subscribe:ip", ip, REQUESTS_PER_IP)
    address_over = throttle.over_limit("subscribe:address", email, REQUESTS_PER_ADDRESS)
    if ip_over or address_over:
        raise Throttled


def _clean_kinds(kinds: Iterable[str]) -> list[str]:
    valid = set(ContentKind.values)
    return sorted({kind for kind in kinds if kind in valid})


def _set_preferences(
    subscription: Subscription,
    *,
    language: str,
    themes: Iterable[Theme],
    regions: Iterable[Region],
    kinds: Iterable[str],
    frequency: str,
) -> None:
    subscription.language = language
    subscription.kinds = _clean_kinds(kinds)
    subscription.frequency = frequency
    subscription.full_clean(exclude=["email", "user"])
    subscription.save()
    subscription.themes.set(themes)
    subscription.regions.set(regions)


def is_active(subscription: Subscription) -> bool:
    return (
        subscription.confirmed_at is not None and subscription.unsubscribed_at is None
    )


def _queue_confirmation(subscription: Subscription) -> None:
    """Queue the opt-in mail, unless this address had one in the last hour."""
    key = throttle.key("subscribe:mailed", normalise_email(subscription.email))
    if not cache.add(key, 1, CONFIRMATION_MAIL_INTERVAL):
        return
    pk = subscription.pk
    transaction.on_commit(lambda: _send_confirmation_later(pk, key))


def _send_confirmation_later(subscription_id: int, mailed_key: str) -> None:
    from portal.notifications.tasks import send_confirmation

    try:
        send_confirmation.delay(subscription_id)
    except Exception:  # kombu and redis raise many kinds; the page must not fail
        logger.exception("could not queue the confirmation of #%s", subscription_id)
        # No mail went: let the visitor ask again at once.
        try:
            cache.delete(mailed_key)
        except Exception:  # the cache is Redis too, and may be down with it
            logger.exception("could not clear %s", mailed_key)


@transaction.atomic
def subscription_request(
    *,
    email: str,
    language: str,
    themes: Iterable[Theme],
    regions: Iterable[Region],
    kinds: Iterable[str],
    frequency: str,
    ip: str,
) -> None:
    """A visitor asks to subscribe: the mailbox owner gets a link to confirm.

    Returns nothing on purpose: the caller answers the same whether the address
    was new, pending, active or unsubscribed. An active subscription is left as it
    is (its owner gets a link to their preferences); a pending or unsubscribed one
    takes the new preferences and waits for confirmation again, so the confirm
    page shows exactly what the owner is about to accept. Raises Throttled.
    """
    email = normalise_email(email)
    validate_email(email)  # the form checked it; a header must never get CR/LF
    _check_limits(email=email, ip=ip)
    subscription = _locked_subscription(email)
    if not is_active(subscription):
        subscription.confirmed_at = None
        subscription.unsubscribed_at = None
        _set_preferences(
            subscription,
            language=language,
            themes=themes,
            regions=regions,
            kinds=kinds,
            frequency=frequency,
        )
    _queue_confirmation(subscription)


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """The owner confirms a pending subscription; confirming twice changes nothing.

    A confirmation link kept after unsubscribing does not bring the subscription
    back: only a pending one (never confirmed since its last request) is confirmed.
    """
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return subscription


@transaction.atomic
def subscription_update(
    *,
    subscription: Subscription,
    language: str,
    themes: Iterable[Theme],
    regions: Iterable[Region],
    kinds: Iterable[str],
    frequency: str,
) -> Subscription:
    """The owner (holding a manage link, or signed in) changes their preferences."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    _set_preferences(
        subscription,
        language=language,
        themes=themes,
        regions=regions,
        kinds=kinds,
        frequency=frequency,
    )
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, subscription: Subscription) -> Subscription:
    """Stop every mail to this subscription; unsubscribing twice changes nothing."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


@transaction.atomic
def subscription_save_for_user(
    *,
    user,
    language: str,
    themes: Iterable[Theme],
    regions: Iterable[Region],
    kinds: Iterable[str],
    frequency: str,
) -> Subscription:
    """A signed-in user subscribes or changes preferences: no opt-in mail.

    Their account's address is known (accounts are invited by staff), so the
    subscription is confirmed at once and bound to the account.
    """
    email = normalise_email(user.email)
    subscription = _locked_subscription(email)
    subscription.user = user
    if not is_active(subscription):
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
    _set_preferences(
        subscription,
        language=language,
        themes=themes,
        regions=regions,
        kinds=kinds,
        frequency=frequency,
    )
    return subscription


def subscription_for_user(user) -> Subscription | None:
    return find_subscription(user.email)


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def subscriber_links(subscription: Subscription) -> dict[str, str]:
    """Absolute manage and unsubscribe links, in the subscriber's language."""
    with translation.override(subscription.language):
        return {
            "manage_url": absolute_url(
                reverse(
                    "notifications:manage",
                    kwargs={"token": make_token(subscription, MANAGE)},
                )
            ),
            "unsubscribe_url": absolute_url(
                reverse(
                    "notifications:unsubscribe",
                    kwargs={"token": make_token(subscription, UNSUBSCRIBE)},
                )
            ),
        }


def send_confirmation_mail(*, subscription_id: int) -> None:
    """Mail the opt-in link (or, to an active subscriber, their preferences link)."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:  # purged before the task ran
        return
    with translation.override(subscription.language):
        active = is_active(subscription)
        context = {
            "subscription": subscription,
            "already_active": active,
            "site_url": absolute_url(reverse("home")),
            "confirm_url": absolute_url(
                reverse(
                    "notifications:confirm",
                    kwargs={"token": make_token(subscription, CONFIRM)},
                )
            ),
            "LANGUAGE_CODE": subscription.language,
            **(subscriber_links(subscription) if active else {}),
        }
        if active:
            subject = gettext("Your subscription to the South-South portal")
        else:
            subject = gettext("Confirm your subscription to the South-South portal")
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("notifications/email/confirm.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscription.email],
        )
        message.attach_alternative(
            render_to_string("notifications/email/confirm.html", context), "text/html"
        )
    message.send()
