"""The resource library: documents (one file per language), links and access levels."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import can_see_restricted
from portal.publishing import Publishable, PublishableQuerySet
from portal.richtext import RichTextField
from portal.storage import GeneratedFileName, private_storage


class ResourceKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    TOOLKIT = "toolkit", _("Handbook or toolkit")
    GOOD_PRACTICE = "good_practice", _("Good practice")
    TRAINING_MATERIAL = "training", _("Training material")
    LEGAL_INSTRUMENT = "legal", _("Legal instrument")
    VIDEO = "video", _("Video")
    LINK = "link", _("Link")


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    MISSIONS = "missions", _("Missions and staff")
    STAFF = "staff", _("Staff only")


class ResourceQuerySet(PublishableQuerySet):
    def visible_to(self, user) -> ResourceQuerySet:
        """Staff see everything; others see published public and mission items.

        A ``missions`` item is listed to everyone (with its summary and a lock); its
        body and documents are for mission members and staff only (see
        ``Resource.is_open_to``). A ``staff`` item does not exist for anyone else.
        """
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published().exclude(access=Access.STAFF)

    def with_listing_data(self) -> ResourceQuerySet:
        return self.prefetch_related("themes", "regions")


class Resource(Publishable):
    required_translated_fields = ("title", "summary")

    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    document = models.FileField(
        _("document"),
        upload_to=GeneratedFileName("resources"),
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    url = models.URLField(_("link"), blank=True, max_length=500)
    published_on = models.DateField(_("date of the resource"), null=True, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    themes = models.ManyToManyField(
        "taxonomy.Theme", verbose_name=_("themes"), blank=True, related_name="resources"
    )
    regions = models.ManyToManyField(
        "taxonomy.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="resources",
    )
    countries = models.ManyToManyField(
        "taxonomy.Country",
        verbose_name=_("countries"),
        blank=True,
        related_name="resources",
    )
    activities = models.ManyToManyField(
        "programme.Activity",
        verbose_name=_("activities"),
        blank=True,
        related_name="resources",
    )
    access = models.CharField(
        _("access"),
        max_length=10,
        choices=Access.choices,
        default=Access.PUBLIC,
        db_index=True,
    )
    # Filled by the extraction task from each language's document; searched, never shown.
    document_text = models.TextField(
        _("text of the document"), blank=True, editable=False
    )
    search_vector = SearchVectorField(null=True, editable=False)
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    objects = ResourceQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_on", "slug"]
        permissions = [("publish_resource", _("Can publish resources"))]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", kwargs={"slug": self.slug})

    def is_open_to(self, user) -> bool:
        """May this user read the body and download the documents?"""
        if self.access == Access.PUBLIC:
            return True
        if self.access == Access.MISSIONS:
            return can_see_restricted(user)
        return bool(user.is_authenticated and user.is_staff)

    def document_languages(self) -> list[str]:
        """Codes of the languages this resource has a document in."""
        return [
            code
            for code, _name in settings.LANGUAGES
            if getattr(self, f"document_{code}")
        ]
