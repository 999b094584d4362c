"""The resource library: documents (one file per language), links and access levels."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Count, Prefetch, Q, Value
from django.db.models.functions import (
    Cast,
    Concat,
    ExtractYear,
)
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import can_see_restricted
from portal.facet_counts import TOTAL
from portal.publishing import Publishable, PublishableQuerySet, translated_sort_key
from portal.request_memo import memoised
from portal.richtext import RichTextField
from portal.storage import GeneratedFileName, private_storage
from portal.taxonomy.models import Theme
from portal.uploads import DOCUMENTS, CheckedFileField


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


LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
# The "language available" filter: a language, or every one of them.
BOTH_LANGUAGES = "both"
FACET_NAMES = ("kind", "theme", "region", "country", "language", "year", "access")
# The columns a card reads (includes/cards/resource.html): title and summary with
# their fallback, kind, date, access, status, and the documents and links that
# make its language badge. A list reads no more (its query count is pinned).
CARD_FIELDS = (
    "slug",
    "status",
    "kind",
    "access",
    "published_on",
    "published_at",
    *(
        f"{field}_{code}"
        for field in ("title", "summary", "document", "url")
        for code in LANGUAGE_CODES
    ),
)


def _filled(field: str) -> Q:
    """A translated column that holds a value: neither NULL (trap 4) nor empty."""
    return Q(**{f"{field}__gt": ""})


def available_in(code: str) -> Q:
    """Rows the reader can get in language ``code``: a document, or a link."""
    return _filled(f"document_{code}") | _filled(f"url_{code}")


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
        """What a card shows: its columns, and its themes' names in
        ``listed_themes`` (one query a page).

        A plain list attribute, not ``resource.themes.all``: prefetching into the
        manager builds a queryset per row, which cost more than the query itself.
        """
        return self.only(*CARD_FIELDS).prefetch_related(
            Prefetch(
                "themes",
                queryset=Theme.objects.only("name_ru", "name_en"),
                to_attr="listed_themes",
            )
        )

    def with_detail_data(self, user) -> ResourceQuerySet:
        """Everything the detail page shows, in one query per relation.

        Linked activities are limited to those ``user`` may see.
        """
        from programme.models import Activity

        return self.prefetch_related(
            "themes",
            "regions",
            "countries",
            Prefetch(
                "activities",
                queryset=Activity.objects.visible_to(user).order_by(
                    "-start_date", "slug"
                ),
            ),
        )

    # Filters of the library, one per facet. Relations are matched with a subquery,
    # not a join, so results need no DISTINCT and the facet counts stay exact.

    def of_kinds(self, kinds) -> ResourceQuerySet:
        return self.filter(kind__in=kinds)

    def with_themes(self, slugs) -> ResourceQuerySet:
        return self.filter(
            pk__in=Resource.themes.through.objects.filter(theme__slug__in=slugs).values(
                "resource_id"
            )
        )

    def in_regions(self, slugs) -> ResourceQuerySet:
        return self.filter(
            pk__in=Resource.regions.through.objects.filter(
                region__slug__in=slugs
            ).values("resource_id")
        )

    def in_countries(self, iso3_codes) -> ResourceQuerySet:
        return self.filter(
            pk__in=Resource.countries.through.objects.filter(
                country__iso3__in=iso3_codes
            ).values("resource_id")
        )

    def available_in(self, language: str) -> ResourceQuerySet:
        """With a document or link in ``language`` (``both``: in every language)."""
        if language == BOTH_LANGUAGES:
            condition = Q()
            for code in LANGUAGE_CODES:
                condition &= available_in(code)
            return self.filter(condition)
        if language not in LANGUAGE_CODES:
            raise ValueError(f"Unknown language: {language!r}")
        return self.filter(available_in(language))

    def from_years(self, years) -> ResourceQuerySet:
        """Dated in any of ``years`` (a date range each, so an index can serve it)."""
        condition = Q()
        for year in years:
            condition |= Q(published_on__year=int(year))
        return self.filter(condition)

    def with_access(self, levels) -> ResourceQuerySet:
        return self.filter(access__in=levels)

    def selected(
        self, selection: ResourceSelection, *, skip: str = ""
    ) -> ResourceQuerySet:
        """Apply every facet of ``selection`` (options of one facet: any of them;
        facets together: all of them), except the facet named ``skip``."""
        queryset = self
        for name, method in SELECTION_METHODS.items():
            value = getattr(selection, name)
            if value and name != skip:
                queryset = getattr(queryset, method)(value)
        return queryset

    def search(self, text: str) -> ResourceQuerySet:
        """A plain substring match on titles and summaries in both languages.

        The site-wide search ranks with PostgreSQL full text; the library's box
        only narrows the list.
        """
        text = text.strip()
        if not text:
            return self
        condition = Q()
        for code in LANGUAGE_CODES:
            condition |= Q(**{f"title_{code}__icontains": text})
            condition |= Q(**{f"summary_{code}__icontains": text})
        return self.filter(condition)

    # Orderings; each ends with the slug, so pages never overlap.

    def newest_first(self) -> ResourceQuerySet:
        return self.order_by(
            models.F("published_on").desc(nulls_last=True),
            models.F("published_at").desc(nulls_last=True),
            "slug",
        )

    def oldest_first(self) -> ResourceQuerySet:
        return self.order_by(
            models.F("published_on").asc(nulls_last=True),
            models.F("published_at").asc(nulls_last=True),
            "slug",
        )

    def by_title(self, language: str | None = None) -> ResourceQuerySet:
        """A-Z by the title shown in ``language`` (the active one by default).

        A missing title falls back to the other language, as the page shows it.
        """
        return self.order_by(translated_sort_key("title", language), "slug")

    # Facet counts.

    def facet_counts(self, selection: ResourceSelection) -> dict[str, dict[str, int]]:
        """How many resources each option of each facet would give.

        ``self`` is what the reader can see (and their search); ``selection`` their
        ticks. A facet is counted with every other facet applied but not itself, so
        an option's count is what choosing it (instead of that facet's current
        choice) would list. One query whatever the size of the data: a UNION ALL
        of a GROUP BY per facet. Keys are the query-string values.
        """
        base = self.order_by()

        def scope(name: str) -> ResourceQuerySet:
            return base.selected(selection, skip=name)

        def key(name: str, option) -> Concat:
            # One "facet:option" column: UNION matches columns by position, and
            # Django does not keep two annotations in the same order in every branch.
            return Concat(Value(f"{name}:"), option, output_field=models.CharField())

        def grouped(queryset, name: str, option, counted: str = "pk"):
            return (
                queryset.order_by()
                .annotate(key=key(name, option))
                .values_list("key")
                .annotate(count=Count(counted))
            )

        year = Cast(ExtractYear("published_on"), models.CharField())
        languages = scope("language")
        branches = [
            # The number of results: the paginator need not count them again.
            grouped(base.selected(selection), TOTAL, Value("")),
            grouped(scope("kind"), "kind", models.F("kind")),
            grouped(scope("access"), "access", models.F("access")),
            grouped(scope("year").filter(published_on__isnull=False), "year", year),
            # Constant keys: no GROUP BY, one row with the count. "" is any language.
            grouped(languages, "language", Value("")),
            *(
                grouped(languages.available_in(code), "language", Value(code))
                for code in (*LANGUAGE_CODES, BOTH_LANGUAGES)
            ),
            # Each link row is unique per (resource, term): no DISTINCT needed.
            *(
                grouped(
                    through.objects.filter(resource_id__in=scope(name).values("pk")),
                    name,
                    models.F(lookup),
                    counted="resource_id",
                )
                for name, through, lookup in (
                    ("theme", Resource.themes.through, "theme__slug"),
                    ("region", Resource.regions.through, "region__slug"),
                    ("country", Resource.countries.through, "country__iso3"),
                )
            ),
        ]
        counts: dict[str, dict[str, int]] = {name: {} for name in (TOTAL, *FACET_NAMES)}
        for facet_option, count in branches[0].union(*branches[1:], all=True):
            name, _sep, option = facet_option.partition(":")
            if count or name == TOTAL:
                counts[name][option] = count
        return counts


@dataclass(frozen=True)
class ResourceSelection:
    """What a reader ticked in the library's facets, as query-string values."""

    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    language: str = ""
    year: tuple[str, ...] = ()
    access: tuple[str, ...] = ()


# Facet -> the ResourceQuerySet method that applies it.
SELECTION_METHODS = {
    "kind": "of_kinds",
    "theme": "with_themes",
    "region": "in_regions",
    "country": "in_countries",
    "language": "available_in",
    "year": "from_years",
    "access": "with_access",
}


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


def _detail_url_parts() -> tuple[str, str, str]:
    """The detail URL around a slug: (before it, the marker, after it)."""
    marker = "resource-slug"
    return reverse("resources:detail", kwargs={"slug": marker}).rpartition(marker)


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
        # A list links twenty of these: reverse() once per request and language.
        head, _marker, tail = memoised(
            f"resources:detail-url:{translation.get_language()}", _detail_url_parts
        )
        return f"{head}{self.slug}{tail}"

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
