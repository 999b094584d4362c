"""E-mail subscriptions and the outbox that turns publications into deliveries."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class ContentKind(models.TextChoices):
    """What a subscriber may ask to hear about."""

    PARTNER = "partner", _("Partners")
    PROJECT = "project", _("Projects")
    ACTIVITY = "activity", _("Activities")
    RESOURCE = "resource", _("Resources")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As soon as published")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class SubscriptionQuerySet(models.QuerySet):
    def active(self) -> SubscriptionQuerySet:
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscription(models.Model):
    email = models.EmailField(_("e-mail address"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subscriptions",
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="subscriptions",
    )
    regions = models.ManyToManyField(
        "taxonomy.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="subscriptions",
    )
    # ContentKind values; empty means every kind.
    kinds = models.JSONField(_("kinds of content"), default=list, blank=True)
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATE,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="notifications_subscription_email_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:notifications_subscription_change", args=[self.pk])


class Event(models.Model):
    """The outbox: one row per publication, written in the publishing transaction."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    dispatched_at = models.DateTimeField(_("dispatched at"), null=True, blank=True)

    class Meta:
        verbose_name = _("publication event")
        verbose_name_plural = _("publication events")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(
                fields=["created_at"],
                condition=models.Q(dispatched_at__isnull=True),
                name="notifications_event_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:notifications_event_change", args=[self.pk])


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    # The subscriber left, or the item stopped being public, before the send.
    CANCELLED = "cancelled", _("Cancelled")


class Delivery(models.Model):
    """One e-mail about one event to one subscription; never created twice."""

    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # When a send was last queued or is due again: the sweeper re-queues rows whose
    # time passed long ago (the broker lost the task, a worker died).
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event"], name="notifications_delivery_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="notifications_delivery_sent_has_time",
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="notifications_delivery_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subscription} - {self.event}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:notifications_delivery_change", args=[self.pk])
