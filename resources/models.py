"""The resource library: documents (one file per language), links and access levels."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import can_see_restricted
from portal.links import slug_url
from portal.publishing import Publishable
from portal.richtext import RichTextField
from portal.storage import GeneratedFileName, private_storage
from portal.uploads import DOCUMENTS, CheckedFileField

from .querysets import LANGUAGE_CODES, ResourceQuerySet


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


@dataclass(frozen=True)
class DocumentInfo:
    """One language's document as the download button describes it."""

    language: str  # the language code: ru, en
    name: str  # the stored name (generated, never the uploader's)
    format: str  # PDF, DOCX... from the extension
    size: int | None  # bytes; None when the file is missing from storage

    @property
    def language_name(self) -> str:
        return translation.get_language_info(self.language)["name_translated"]

    @property
    def content_type(self) -> str:
        guessed, _encoding = mimetypes.guess_type(self.name, strict=False)
        return guessed or "application/octet-stream"

    @property
    def extension(self) -> str:
        return PurePath(self.name).suffix.lower()


class Resource(Publishable):
    required_translated_fields = ("title", "summary")

    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    # PDF, DOCX, XLSX or PPTX, checked on the content (portal/uploads).
    document = CheckedFileField(
        _("document"),
        accept=DOCUMENTS,
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
    downloads = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    objects = ResourceQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_on", "slug"]
        permissions = [("publish_resource", _("Can publish resources"))]
        # What visitors list: partial indexes, so the first page and its count
        # need not read the 100,000-row table (see `make bench`).
        indexes = [
            models.Index(
                models.F("published_on").desc(nulls_last=True),
                models.F("published_at").desc(nulls_last=True),
                "slug",
                condition=models.Q(status="published") & ~models.Q(access="staff"),
                name="resources_listed_newest",
            ),
            models.Index(
                "id",
                condition=models.Q(status="published") & ~models.Q(access="staff"),
                name="resources_listed_ids",
            ),
            # What staff list, every status and access: without it, the resources
            # of a busy partner's exchanges were a sort of the whole table (130 ms).
            models.Index(
                models.F("published_on").desc(nulls_last=True),
                models.F("id").desc(),
                name="resources_newest_all",
            ),
            # The library filtered by kind, newest first: the page reads only that
            # kind's rows instead of skipping the others (a quarter per kind).
            models.Index(
                "kind",
                models.F("published_on").desc(nulls_last=True),
                models.F("published_at").desc(nulls_last=True),
                "slug",
                condition=models.Q(status="published") & ~models.Q(access="staff"),
                name="resources_listed_kind_newest",
            ),
            models.Index(
                models.F("published_at").desc(),
                models.F("id").desc(),
                condition=models.Q(status="published"),
                name="resources_latest_published",
            ),
            # The sitemap's "last modified".
            models.Index(
                fields=["-updated_at"],
                condition=models.Q(status="published") & ~models.Q(access="staff"),
                name="resources_listed_updated",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return slug_url("resources:detail", self.slug)

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

    def document_info(self, code: str) -> DocumentInfo | None:
        """Format and size of the document in language ``code``; None if there is none.

        The size comes from storage (a ``stat``), never from a database query.
        """
        if code not in LANGUAGE_CODES:
            return None
        document = getattr(self, f"document_{code}")
        if not document:
            return None
        try:
            size = document.size
        except OSError:
            size = None
        suffix = PurePath(document.name).suffix.lstrip(".")
        return DocumentInfo(
            language=code,
            name=document.name,
            format=suffix.upper() or "FILE",
            size=size,
        )

    def documents(self) -> list[DocumentInfo]:
        """The document of each language that has one, in the site's language order."""
        infos = (self.document_info(code) for code in LANGUAGE_CODES)
        return [info for info in infos if info is not None]

    def links(self) -> list[dict]:
        """External addresses: ``{"url": ..., "languages": [codes]}``, one per URL.

        The same address given for both languages appears once, with both codes.
        """
        links: dict[str, list[str]] = {}
        for code in LANGUAGE_CODES:
            url = (getattr(self, f"url_{code}") or "").strip()
            if url:
                links.setdefault(url, []).append(code)
        return [{"url": url, "languages": codes} for url, codes in links.items()]

    def available_languages(self) -> list[str]:
        """Languages the reader can get this resource in: a document or a link.

        A resource with neither (text only) is available in the languages its
        text is complete in. The library's "language" filter uses documents and
        links only (see ``ResourceQuerySet.available_in``).
        """
        codes = [
            code
            for code in LANGUAGE_CODES
            if getattr(self, f"document_{code}")
            or (getattr(self, f"url_{code}") or "").strip()
        ]
        return codes or self.complete_languages()
