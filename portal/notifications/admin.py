"""Subscriptions, the outbox and deliveries: the latter two are written by the
system, so the admin shows them read-only (failures stay visible here)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.admin import admin_link

from .models import ContentKind, Delivery, DeliveryStatus, Event, Subscription
from .services import delivery_resend


class SubscriptionForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("kinds of content"),
        choices=ContentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked means every kind."),
    )

    class Meta:
        model = Subscription
        fields = (
            "email",
            "user",
            "language",
            "frequency",
            "themes",
            "regions",
            "kinds",
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows the system writes: staff look, nobody edits or adds by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    form = SubscriptionForm
    list_display = (
        "email",
        "user",
        "language",
        "frequency",
        "confirmed_at",
        "unsubscribed_at",
        "deliveries_sent",
        "deliveries_pending",
        "deliveries_failed",
        "deliveries_total",
    )
    list_filter = (
        "language",
        "frequency",
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
        ("regions", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("user",)
    search_fields = ("email", "user__email", "user__full_name")
    autocomplete_fields = ("user", "themes", "regions")
    date_hierarchy = "created_at"
    fields = (
        "email",
        "user",
        "language",
        "frequency",
        "themes",
        "regions",
        "kinds",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    )
    # Confirming and unsubscribing are the subscriber's own acts.
    readonly_fields = ("created_at", "confirmed_at", "unsubscribed_at")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_total=Count("deliveries", distinct=True),
                n_sent=Count(
                    "deliveries",
                    filter=Q(deliveries__status=DeliveryStatus.SENT),
                    distinct=True,
                ),
                n_failed=Count(
                    "deliveries",
                    filter=Q(deliveries__status=DeliveryStatus.FAILED),
                    distinct=True,
                ),
                n_pending=Count(
                    "deliveries",
                    filter=Q(deliveries__status=DeliveryStatus.PENDING),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("pending"), ordering="n_pending")
    def deliveries_pending(self, obj):
        return obj.n_pending

    @admin.display(description=_("sent"), ordering="n_sent")
    def deliveries_sent(self, obj):
        return obj.n_sent

    @admin.display(description=_("failed"), ordering="n_failed")
    def deliveries_failed(self, obj):
        return obj.n_failed

    @admin.display(description=_("deliveries"), ordering="n_total")
    def deliveries_total(self, obj):
        return obj.n_total


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "content_type",
        "item",
        "dispatched_at",
        "deliveries_total",
    )
    list_filter = ("content_type", ("dispatched_at", admin.EmptyFieldListFilter))
    list_select_related = ("content_type",)
    date_hierarchy = "created_at"
    fields = (
        "content_type",
        "object_id",
        "item",
        "created_at",
        "dispatched_at",
        "deliveries_total",
    )
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("content_object")
            .annotate(n_total=Count("deliveries"))
        )

    @admin.display(description=_("published item"))
    def item(self, obj):
        return admin_link(obj.content_object)

    @admin.display(description=_("deliveries"), ordering="n_total")
    def deliveries_total(self, obj):
        return obj.n_total


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "subscription",
        "event",
        "status",
        "attempts",
        "short_error",
        "sent_at",
    )
    list_filter = (
        "status",
        "attempts",
        ("event__content_type", admin.RelatedOnlyFieldListFilter),
        "subscription__frequency",
    )
    list_select_related = ("subscription", "event", "event__content_type")
    search_fields = ("subscription__email", "last_error")
    date_hierarchy = "created_at"
    fields = (
        "subscription",
        "event",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
    )
    readonly_fields = fields
    actions = ("resend",)

    def has_resend_permission(self, request):
        return request.user.has_perm("notifications.change_delivery")

    @admin.action(
        description=_("Re-send the selected failed deliveries"),
        permissions=("resend",),
    )
    def resend(self, request, queryset):
        done = skipped = 0
        for delivery in queryset.filter(
            status__in=[DeliveryStatus.FAILED, DeliveryStatus.CANCELLED]
        ):
            try:
                delivery_resend(delivery=delivery, by=request.user)
            except (PermissionDenied, ValidationError):
                skipped += 1
            else:
                done += 1
        skipped += queryset.count() - done - skipped
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d delivery queued again.",
                    "%(count)d deliveries queued again.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d delivery was not failed and was left as it was.",
                    "%(count)d deliveries were not failed and were left as they were.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    def get_urls(self):
        status = self.admin_site.admin_view(self.queue_status_view)
        return [
            path("status/", status, name="notifications_delivery_status"),
            *super().get_urls(),
        ]

    def queue_status_view(self, request):
        """Pending, sent today and failed, at a glance."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        figures = Delivery.objects.aggregate(
            pending=Count("pk", filter=Q(status=DeliveryStatus.PENDING)),
            sent_today=Count(
                "pk", filter=Q(status=DeliveryStatus.SENT, sent_at__gte=today)
            ),
            failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
        )
        figures["undispatched"] = Event.objects.filter(
            dispatched_at__isnull=True
        ).count()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Mail queue"),
            "opts": self.model._meta,
            "figures": figures,
            "oldest_pending": Delivery.objects.filter(status=DeliveryStatus.PENDING)
            .order_by("created_at")
            .values_list("created_at", flat=True)
            .first(),
        }
        return TemplateResponse(
            request, "admin/notifications/delivery/status.html", context
        )

    @admin.display(description=_("last error"))
    def short_error(self, obj):
        return Truncator(obj.last_error).chars(80) or "—"
