"""What every publishable item shares: status, schedule, audit fields and querysets.

Partner, Project, Activity, Resource and Page inherit ``Publishable``; services
change the status (see each app's ``services.py``), never views or admin code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from portal.accounts.models import User


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def translated_sort_key(field: str, language: str | None = None) -> Lower:
    """``field`` as a page in ``language`` shows it: its own text, else the other's.

    Queries do not apply modeltranslation's fallback: without the Coalesce an item
    with no English title would sort first (empty) on the English pages.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    if language not in codes:
        language = translation.get_language()
    if language not in codes:
        language = settings.LANGUAGE_CODE
    ordered = [language] + [code for code in codes if code != language]
    values = [NullIf(f"{field}_{code}", Value("")) for code in ordered]
    return Lower(Coalesce(*values, Value(""), output_field=models.CharField()))


class PublishableQuerySet(models.QuerySet):
    def published(self) -> PublishableQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user: User | AnonymousUser) -> PublishableQuerySet:
        """Staff see every item, in any status; everyone else what is published."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()

    def due_for_publishing(self, now=None) -> PublishableQuerySet:
        """Items whose scheduled time has come but that are not yet published."""
        now = now or timezone.now()
        return self.filter(
            status__in=[Status.DRAFT, Status.REVIEW],
            publish_at__isnull=False,
            publish_at__lte=now,
        )


class Publishable(models.Model):
    # Translated fields that must be filled for a language to count as complete.
    required_translated_fields: tuple[str, ...] = ("title",)

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to publish by hand; set a time to publish automatically."
        ),
    )
    published_at = models.DateTimeField(
        _("published at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published")
                | models.Q(published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_date",
            ),
        ]

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def complete_languages(self) -> list[str]:
        """Language codes in which every required translated field is filled."""
        return [
            code
            for code, _name in settings.LANGUAGES
            if all(
                (getattr(self, f"{field}_{code}", "") or "").strip()
                for field in self.required_translated_fields
            )
        ]
