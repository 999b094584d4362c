"""What mission members propose to share: moderated by Publishers."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.storage import GeneratedFileName, private_storage
from portal.uploads import ATTACHMENTS, CheckedFileField


class ProposalKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", _("Good practice")
    RESOURCE = "resource", _("Resource")
    OFFER = "offer", _("Offer of expertise")
    REQUEST = "request", _("Request for expertise")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


def can_propose(user) -> bool:
    """Mission members propose; staff may too (on a mission's behalf)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_mission_member)
    )


class ProposalQuerySet(models.QuerySet):
    def submitted_by(self, user) -> ProposalQuerySet:
        return self.filter(submitted_by=user)

    def with_listing_data(self) -> ProposalQuerySet:
        """What the member's list shows: kind, status, country, attachment count."""
        # Explicit order: with the count's GROUP BY the default ordering is not kept.
        return (
            self.select_related("country")
            .annotate(attachment_count=models.Count("attachments"))
            .order_by("-created_at", "-pk")
        )


class Proposal(models.Model):
    """Written by a member in one language (``language``), so not translated."""

    kind = models.CharField(_("kind"), max_length=20, choices=ProposalKind.choices)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"))
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("themes"), blank=True, related_name="proposals"
    )
    regions = models.ManyToManyField(
        "taxonomy.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="proposals",
    )
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
        db_index=True,
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # The draft created when the proposal is accepted.
    result_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result_id = models.PositiveBigIntegerField(null=True, blank=True)
    result = GenericForeignKey("result_type", "result_id")
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        permissions = [("moderate_proposal", _("Can accept or decline proposals"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="submitted")
                | models.Q(decided_at__isnull=False),
                name="proposals_proposal_decision_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:proposals_proposal_change", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        return self.status != ProposalStatus.SUBMITTED


class ProposalAttachment(models.Model):
    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = CheckedFileField(
        _("file"),
        accept=ATTACHMENTS,
        upload_to=GeneratedFileName("proposals"),
        storage=private_storage,
        max_length=200,
    )
    original_name = models.CharField(_("original file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
