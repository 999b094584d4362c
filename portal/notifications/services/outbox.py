"""Publications become deliveries: queueing, matching, dispatch, the sweeper."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from portal.accounts.models import MISSION_MEMBERS_GROUP, User
from portal.notifications import tasks, tokens
from portal.notifications.models import (
    ContentKind,
    Delivery,
    DeliveryStatus,
    Event,
    Frequency,
    Subscription,
)
from portal.publishing import Status
from portal.queueing import queue_on_commit, queue_task

logger = logging.getLogger(__name__)

CHUNK_SIZE = 200

# What each kind of item is tagged with: (kind, theme relations, region paths).
# A region path is a many-to-many ("regions") or a foreign key ("country__region").
ITEM_FACETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "partners.partner": (
        ContentKind.PARTNER,
        ("offers", "seeks"),
        ("region", "country__region"),
    ),
    "programme.project": (ContentKind.PROJECT, ("themes",), ("regions",)),
    "programme.activity": (
        ContentKind.ACTIVITY,
        ("themes",),
        ("host_country__region",),
    ),
    "resources.resource": (ContentKind.RESOURCE, ("themes",), ("regions",)),
}


# --- queueing: never lets a broker failure reach the caller --------------------


def event_queue_dispatch(*, event: Event) -> None:
    """Called by the publishing service inside its transaction."""
    queue_on_commit(tasks.dispatch_event, event.pk)


def _queue_sends(delivery_ids: list[int]) -> None:
    for start in range(0, len(delivery_ids), CHUNK_SIZE):
        queue_task(tasks.send_deliveries, delivery_ids[start : start + CHUNK_SIZE])


# --- matching -------------------------------------------------------------------


def _related_ids(item, paths: tuple[str, ...]) -> set[int]:
    ids: set[int] = set()
    model = type(item)
    for path in paths:
        field = model._meta.get_field(path.split("__")[0])
        if field.many_to_many:
            ids.update(getattr(item, path).values_list("pk", flat=True))
        else:
            value = model.objects.filter(pk=item.pk).values_list(path, flat=True)[0]
            if value is not None:
                ids.add(value)
    return ids


def _wants_any(relation: str, ids: set[int]) -> Q:
    """No choice made in ``relation`` (means all), or one of ``ids`` chosen."""
    through = getattr(Subscription, relation).through
    column = f"{relation[:-1]}_id"  # themes -> theme_id, regions -> region_id
    chosen = through.objects.filter(subscription_id=OuterRef("pk"))
    return ~Exists(chosen) | Exists(chosen.filter(**{f"{column}__in": ids}))


def _audience(access: str | None) -> Q:
    """Subscribers who may see an item with this access level.

    Mirrors ``User.can_see_restricted`` (active staff or mission members) as a
    query; anonymous subscriptions only ever hear about public items.
    """
    if access in (None, "public"):
        return Q()
    active = Q(user__isnull=False, user__is_active=True)
    if access == "missions":
        member = User.groups.through.objects.filter(
            user_id=OuterRef("user_id"), group__name=MISSION_MEMBERS_GROUP
        )
        return active & (Q(user__is_staff=True) | Exists(member))
    return active & Q(user__is_staff=True)


def matching_subscriptions(item) -> QuerySet[Subscription]:
    """Active subscriptions that want to hear about ``item`` and may see it."""
    facets = ITEM_FACETS.get(item._meta.label_lower)
    if facets is None or item.status != Status.PUBLISHED:
        return Subscription.objects.none()
    kind, theme_paths, region_paths = facets
    # icontains on the JSON text works on PostgreSQL and SQLite alike; kinds are
    # fixed slugs, quoted so that one never matches inside another.
    wants_kind = Q(kinds=[]) | Q(kinds__icontains=f'"{kind}"')
    return (
        Subscription.objects.active()
        .filter(wants_kind)
        .filter(_wants_any("themes", _related_ids(item, theme_paths)))
        .filter(_wants_any("regions", _related_ids(item, region_paths)))
        .filter(_audience(getattr(item, "access", None)))
    )


# --- dispatch -------------------------------------------------------------------


def event_dispatch(*, event_id: int) -> int:
    """Create the event's deliveries once and queue the immediate ones; return how
    many deliveries were created (0 when already dispatched)."""
    with transaction.atomic():
        event = (
            Event.objects.select_for_update(skip_locked=True)
            .filter(pk=event_id, dispatched_at__isnull=True)
            .first()
        )
        if event is None:  # dispatched already, or being dispatched right now
            return 0
        now = timezone.now()
        item = event.content_object
        rows = []
        if item is not None:
            for pk, frequency in matching_subscriptions(item).values_list(
                "pk", "frequency"
            ):
                immediate = frequency == Frequency.IMMEDIATE
                rows.append(
                    Delivery(
                        subscription_id=pk,
                        event=event,
                        next_attempt_at=now if immediate else None,
                    )
                )
        Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        event.dispatched_at = now
        event.save(update_fields=["dispatched_at"])
        transaction.on_commit(lambda: _queue_sends(_immediate_pending(event_id)))
    return len(rows)


def _immediate_pending(event_id: int) -> list[int]:
    return list(
        Delivery.objects.filter(
            event_id=event_id,
            status=DeliveryStatus.PENDING,
            subscription__frequency=Frequency.IMMEDIATE,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


# --- housekeeping ---------------------------------------------------------------


def outbox_sweep(*, older_than: timedelta | None = None) -> dict[str, int]:
    """Dispatch Events and re-queue immediate Deliveries left behind."""
    if older_than is None:
        older_than = timedelta(seconds=settings.NOTIFICATIONS_SWEEP_AFTER)
    cutoff = timezone.now() - older_than
    events = list(
        Event.objects.filter(dispatched_at__isnull=True, created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    for event_id in events:
        event_dispatch(event_id=event_id)
    stale = Delivery.objects.filter(
        status=DeliveryStatus.PENDING,
        subscription__frequency=Frequency.IMMEDIATE,
        next_attempt_at__lte=cutoff,
    ).exclude(event_id__in=events)  # just queued by their dispatch
    ids = list(stale.order_by("pk").values_list("pk", flat=True))
    # A later sweep leaves them alone unless they stay pending long again.
    Delivery.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now())
    _queue_sends(ids)
    return {"events": len(events), "deliveries": len(ids)}


def subscriptions_purge_unconfirmed(*, now=None) -> int:
    """Delete subscriptions whose confirmation link has expired unused."""
    now = now or timezone.now()
    cutoff = now - tokens.MAX_AGE[tokens.CONFIRM]
    deleted, _detail = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted
