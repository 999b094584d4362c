"""What the site-wide search reads: one entry per item, extracted document texts,
and the vocabulary that typo correction looks words up in.

Everything search needs lives here, so the content apps carry no search columns
of their own. Entries are rebuilt from the content on every save (``signals.py``)
and all at once by ``manage.py rebuild_search_index``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import can_see_restricted

BOTH_LANGUAGES = "both"


class Kind(models.TextChoices):
    PARTNER = "partner", _("Partner")
    PROJECT = "project", _("Project")
    ACTIVITY = "activity", _("Activity")
    RESOURCE = "resource", _("Resource")
    PAGE = "page", _("Page")


class Audience(models.TextChoices):
    """Who may find an entry: from the item's status and a resource's access."""

    PUBLIC = "public", _("Everyone")
    # Everyone finds the title and summary; members and staff the whole text.
    MISSIONS = "missions", _("Missions and staff")
    # Staff-only resources and anything not published.
    STAFF = "staff", _("Staff only")


class Reader(models.TextChoices):
    """What a user may find: three kinds of reader see three sets of entries."""

    VISITOR = "visitor"  # anonymous, or signed in without mission access
    MEMBER = "member"  # mission members (and staff, who see more still)
    STAFF = "staff"


def reader_of(user) -> Reader:
    if user.is_authenticated and user.is_staff:
        return Reader.STAFF
    if can_see_restricted(user):
        return Reader.MEMBER
    return Reader.VISITOR


@functools.lru_cache(maxsize=512)
def parsed_query(text: str) -> str:
    """The reader's words as tsquery text, parsed with both configurations
    (websearch syntax, so operators typed by a visitor are plain words or
    harmless ``or``/``-``); "" when no word is left (stop words only).

    An English word parses the same in both ("terrorism": 'terror'), and then
    appears once: the planner would count ``'terror' | 'terror'`` as two
    independent words and think it twice as common. One small query, no table;
    memoised, since it depends only on the text and the dictionaries.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery('russian', %s)::text,"
            " websearch_to_tsquery('english', %s)::text",
            [text, text],
        )
        parts = list(dict.fromkeys(part for part in cursor.fetchone() if part))
    if len(parts) < 2:
        return "".join(parts)
    return " | ".join(f"( {part} )" for part in parts)


class ParsedQuery(SearchQuery):
    """A tsquery given in its text form, already parsed: a constant to PostgreSQL."""

    def as_sql(self, compiler, connection, function=None, template=None):
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"({sql})::tsquery", params


def text_query(text: str) -> ParsedQuery:
    """``parsed_query`` of ``text``, for the ``@@`` lookups, ranks and headlines."""
    return ParsedQuery(parsed_query(text))


class SearchEntryQuerySet(models.QuerySet):
    def for_reader(self, reader: str) -> SearchEntryQuerySet:
        """Staff find everything; others published items that are not staff-only."""
        if reader == Reader.STAFF:
            return self.all()
        return self.filter(audience__in=[Audience.PUBLIC, Audience.MISSIONS])

    def readable_heads(self, reader: str) -> SearchEntryQuerySet:
        """Entries whose title and summary the reader may search."""
        return self.for_reader(reader)

    def readable_bodies(self, reader: str) -> SearchEntryQuerySet:
        """Entries whose whole text the reader may search: a visitor searches a
        ``missions`` entry by its title and summary only, so its body never
        shows through a result."""
        if reader == Reader.VISITOR:
            return self.filter(audience=Audience.PUBLIC)
        return self.for_reader(reader)

    def with_facets(
        self,
        *,
        kind: Iterable[str] = (),
        theme: Iterable[str] = (),
        region: Iterable[str] = (),
        year: Iterable[str] = (),
        languages: Iterable[str] = (),
    ) -> SearchEntryQuerySet:
        """Entries of these kinds, themes, regions and years (any of each), available
        in all of ``languages``."""
        entries = self
        if kind:
            entries = entries.filter(kind__in=list(kind))
        if theme:
            entries = entries.filter(themes__has_any_keys=list(theme))
        if region:
            entries = entries.filter(regions__has_any_keys=list(region))
        if year:
            entries = entries.filter(year__in=[int(value) for value in year])
        if languages:
            entries = entries.filter(languages__contains=list(languages))
        return entries


class SearchEntry(models.Model):
    """One searchable item, both languages in one row.

    The Russian text is indexed with the ``russian`` configuration and the English
    with ``english``, into one vector (weights: A title, B summary, C body and
    document): a query is parsed with both configurations, so it finds the item
    through whichever language it is written in. One row per item (not per
    language) keeps counts, facets and pagination to plain per-row SQL.
    """

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.BigIntegerField(_("object id"))
    slug = models.CharField(_("slug"), max_length=120)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices)
    title_ru = models.TextField(blank=True)
    title_en = models.TextField(blank=True)
    summary_ru = models.TextField(blank=True)
    summary_en = models.TextField(blank=True)
    # Plain text (tags stripped) of the body, then of the document, capped.
    body_ru = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    # Both titles in lower case, for suggestions (``contains``, served by a trigram
    # index; Django's ``icontains`` wraps the column in UPPER(), which no index has).
    titles = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # Facet keys, as the query string spells them (slugs and language codes).
    themes = models.JSONField(default=list, blank=True)
    regions = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    vector = SearchVectorField(null=True)
    # Titles and summaries: all that visitors may search of a ``missions`` entry.
    head_vector = SearchVectorField(null=True)
    # Titles only, small and stored inline (migration 0005): a search takes its
    # title matches first, newest first, by walking ``search_entry_newest`` and
    # testing this column row by row, or through its GIN index when rare.
    title_vector = SearchVectorField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["kind", "object_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_entry_one_per_item"
            ),
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector"),
            GinIndex(fields=["head_vector"], name="search_entry_head"),
            GinIndex(fields=["title_vector"], name="search_entry_title"),
            models.Index(
                models.OrderBy(models.F("date"), descending=True, nulls_last=True),
                models.OrderBy(models.F("id"), descending=True),
                name="search_entry_newest",
            ),
            GinIndex(
                fields=["titles"],
                opclasses=["gin_trgm_ops"],
                name="search_entry_titles_trgm",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title_ru or self.title_en}"


class SearchWord(models.Model):
    """A word of some title or summary: what a misspelt query word is corrected to.

    Looked up by trigram similarity (a few thousand short rows, so a typo costs
    well under a millisecond). Words are added as content is indexed and only
    dropped by a full rebuild: a stale word at worst suggests a query that finds
    nothing.
    """

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        ordering = ["word"]
        indexes = [
            # Without the pending list (fastupdate): words added by saves would
            # wait there, read through by every look-up, until a vacuum.
            GinIndex(
                fields=["word"],
                opclasses=["gin_trgm_ops"],
                name="search_word_trgm",
                fastupdate=False,
            ),
        ]

    def __str__(self) -> str:
        return self.word


class ExtractionStatus(models.TextChoices):
    OK = "ok", _("Extracted")
    EMPTY = "empty", _("No text (a scan?)")
    ENCRYPTED = "encrypted", _("Encrypted")
    FAILED = "failed", _("Could not be read")
    UNSUPPORTED = "unsupported", _("Format not supported")


class DocumentText(models.Model):
    """The text of one language's document of a resource, extracted by the worker."""

    resource = models.ForeignKey(
        "resources.Resource",
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=2)
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ExtractionStatus.choices
    )
    error = models.TextField(_("error"), blank=True)
    # Which file the text came from: a new upload has another name or size.
    file_name = models.CharField(_("file name"), max_length=200)
    file_size = models.BigIntegerField(_("file size"), null=True)
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")
        ordering = ["resource_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "language"], name="search_documenttext_one_per_lang"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} ({self.language}): {self.status}"
