"""Building search entries from the content: one item, or all of them in batches.

The text of an entry is copied from the item (tags stripped) and the vector is
computed by PostgreSQL from those columns, Russian with the ``russian``
configuration and English with ``english``. Only PostgreSQL has entries: SQLite
searches the content tables by substring instead (``fallback.py``).
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.contrib.postgres.search import SearchVector
from django.db import connection, models
from django.db.models import Case, Value, When
from django.utils.html import strip_tags

from portal.publishing import Status

from .models import (
    Audience,
    DocumentText,
    ExtractionStatus,
    Kind,
    SearchEntry,
    SearchWord,
)

LANGUAGES = ("ru", "en")
CONFIGS = {"ru": "russian", "en": "english"}
# Per language: body and document text together. tsvector positions stop at
# 16,383 anyway; the cap keeps rows and rebuilds bounded.
MAX_TEXT = 200_000
WORD = re.compile(r"[^\W\d_]{4,40}")
# Control characters never reach an entry: the snippet markers are built from them.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Source:
    """How one kind of item becomes an entry."""

    model: str  # app_label.ModelName
    title: str
    summary: str
    body: tuple[str, ...]
    extra_title: tuple[str, ...] = ()

    def get_model(self) -> type[models.Model]:
        return apps.get_model(self.model)


SOURCES = {
    Kind.PARTNER: Source(
        "partners.Partner", "name", "summary", ("description",), ("acronym",)
    ),
    Kind.PROJECT: Source("programme.Project", "title", "summary", ("body",)),
    Kind.ACTIVITY: Source(
        "programme.Activity", "title", "summary", ("body", "outcomes", "city")
    ),
    Kind.RESOURCE: Source(
        "resources.Resource", "title", "summary", ("body", "publisher")
    ),
    Kind.PAGE: Source("pages.Page", "title", "summary", ("body",)),
}


def kind_of(model: type[models.Model]) -> str | None:
    label = model._meta.label
    return next((kind for kind, src in SOURCES.items() if src.model == label), None)


def plain(value: str | None) -> str:
    """Text of a rich-text field: no tags, entities decoded, spaces collapsed."""
    if not value:
        return ""
    text = html.unescape(strip_tags(value.replace("<", " <")))
    return " ".join(CONTROL.sub(" ", text).split())


def _vector(column: str, language: str, weight: str) -> SearchVector:
    return SearchVector(column, config=CONFIGS[language], weight=weight)


def _weighted(columns: Iterable[tuple[str, str]]) -> SearchVector:
    parts = [
        _vector(f"{column}_{code}", code, weight)
        for column, weight in columns
        for code in LANGUAGES
    ]
    vector = parts[0]
    for part in parts[1:]:
        vector = vector + part
    return vector


# Title A, summary B, body and document C; the head (title and summary) is what
# visitors may search in a ``missions`` resource; the title alone ranks first.
VECTOR = _weighted([("title", "A"), ("summary", "B"), ("body", "C")])
HEAD_VECTOR = _weighted([("title", "A"), ("summary", "B")])
TITLE_VECTOR = _weighted([("title", "A")])
UPDATE_VECTORS = {
    "vector": VECTOR,
    "head_vector": HEAD_VECTOR,
    "title_vector": TITLE_VECTOR,
}


def _audience(kind: str, item) -> str:
    if item.status != Status.PUBLISHED:
        return Audience.STAFF
    if kind == Kind.RESOURCE:
        return {"public": Audience.PUBLIC, "missions": Audience.MISSIONS}.get(
            item.access, Audience.STAFF
        )
    return Audience.PUBLIC


def _date(kind: str, item) -> datetime.date | None:
    if kind == Kind.RESOURCE and item.published_on:
        return item.published_on
    if kind in (Kind.ACTIVITY, Kind.PROJECT) and item.start_date:
        return item.start_date
    return item.published_at.date() if item.published_at else None


def _slugs(manager) -> list[str]:
    return sorted({obj.slug for obj in manager.all()})


def _facets(kind: str, item) -> tuple[list[str], list[str], list[str]]:
    """Themes, regions and languages available, as the query string spells them."""
    themes: list[str] = []
    regions: list[str] = []
    if kind == Kind.PARTNER:
        themes = _slugs(item.offers)
        regions = [item.region.slug] if item.region_id else []
    elif kind in (Kind.PROJECT, Kind.RESOURCE):
        themes, regions = _slugs(item.themes), _slugs(item.regions)
    elif kind == Kind.ACTIVITY:
        themes = _slugs(item.themes)
        country = item.host_country
        regions = [country.region.slug] if country is not None else []
    if kind == Kind.RESOURCE:
        languages = item.available_languages()
    else:
        languages = item.complete_languages()
    return themes, regions, languages


def prefetched(kind: str, queryset: models.QuerySet) -> models.QuerySet:
    """What building an entry reads, in a fixed number of queries per batch."""
    if kind == Kind.PARTNER:
        return queryset.select_related("region").prefetch_related("offers")
    if kind == Kind.ACTIVITY:
        return queryset.select_related("host_country__region").prefetch_related(
            "themes"
        )
    if kind in (Kind.PROJECT, Kind.RESOURCE):
        return queryset.prefetch_related("themes", "regions")
    return queryset


def entry_for(kind: str, item, documents: dict[str, str]) -> SearchEntry:
    """The entry of ``item`` (unsaved, without vectors); ``documents`` by language."""
    source = SOURCES[kind]
    values: dict[str, str] = {}
    for code in LANGUAGES:
        title = plain(getattr(item, f"{source.title}_{code}"))
        extra = [plain(getattr(item, f"{name}_{code}")) for name in source.extra_title]
        values[f"title_{code}"] = " ".join([title, *[e for e in extra if e]]).strip()
        values[f"summary_{code}"] = plain(getattr(item, f"{source.summary}_{code}"))
        body = [plain(getattr(item, f"{name}_{code}")) for name in source.body]
        body.append(CONTROL.sub(" ", documents.get(code, "")))
        values[f"body_{code}"] = " ".join(part for part in body if part)[:MAX_TEXT]
    themes, regions, languages = _facets(kind, item)
    date = _date(kind, item)
    titles = " ".join(values[f"title_{code}"] for code in LANGUAGES).lower()
    return SearchEntry(
        kind=kind,
        object_id=item.pk,
        slug=item.slug,
        audience=_audience(kind, item),
        titles=titles,
        date=date,
        year=date.year if date else None,
        themes=themes,
        regions=regions,
        languages=languages,
        **values,
    )


def words_of(entries: Iterable[SearchEntry]) -> set[str]:
    """The vocabulary of titles and summaries, lower case, letters only."""
    found: set[str] = set()
    for entry in entries:
        for code in LANGUAGES:
            text = (
                f"{getattr(entry, f'title_{code}')} {getattr(entry, f'summary_{code}')}"
            )
            found.update(word.lower() for word in WORD.findall(text))
    return found


def _save(entries: list[SearchEntry]) -> None:
    """Upsert the rows (one INSERT ... ON CONFLICT), then compute their vectors."""
    if not entries:
        return
    fields = [
        f.name
        for f in SearchEntry._meta.concrete_fields
        if f.name not in ("id", "kind", "object_id", *UPDATE_VECTORS)
    ]
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=fields,
    )
    condition = models.Q()
    by_kind: dict[str, list[int]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry.object_id)
    for kind, ids in by_kind.items():
        condition |= models.Q(kind=kind, object_id__in=ids)
    SearchEntry.objects.filter(condition).update(**UPDATE_VECTORS)
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words_of(entries))],
        ignore_conflicts=True,
    )


def document_texts(resource_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    texts: dict[int, dict[str, str]] = {}
    for resource_id, language, _name, text in _documents(resource_ids):
        if text:
            texts.setdefault(resource_id, {})[language] = text
    return texts


def _documents(resource_ids: Iterable[int]):
    """(resource id, language, file name, text if extracted) of these resources."""
    return DocumentText.objects.filter(resource_id__in=list(resource_ids)).values_list(
        "resource_id",
        "language",
        "file_name",
        Case(
            When(status=ExtractionStatus.OK, then="text"),
            default=Value(""),
            output_field=models.TextField(),
        ),
    )


def enabled() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class Rebuilt:
    """An item whose entry was rebuilt; for a resource, ``files`` holds the file
    name each language's stored text came from (so the caller can tell a new
    upload without another query)."""

    kind: str
    item: models.Model
    files: dict[str, str]


def entries_refresh(*, items: Iterable[tuple[str, int]]) -> list[Rebuilt]:
    """Rebuild the entries of these (kind, id) items from the database; drop those
    whose item is gone. A fixed number of queries per kind, however many items."""
    if not enabled():
        return []
    by_kind: dict[str, set[int]] = {}
    for kind, pk in items:
        by_kind.setdefault(kind, set()).add(int(pk))
    rebuilt: list[Rebuilt] = []
    for kind, ids in by_kind.items():
        model = SOURCES[kind].get_model()
        found = list(prefetched(kind, model._default_manager.filter(pk__in=ids)))
        texts: dict[int, dict[str, str]] = {}
        files: dict[int, dict[str, str]] = {}
        if kind == Kind.RESOURCE and found:
            for pk, language, name, text in _documents(item.pk for item in found):
                files.setdefault(pk, {})[language] = name
                if text:
                    texts.setdefault(pk, {})[language] = text
        _save([entry_for(kind, item, texts.get(item.pk, {})) for item in found])
        gone = ids - {item.pk for item in found}
        if gone:
            SearchEntry.objects.filter(kind=kind, object_id__in=gone).delete()
        rebuilt += [Rebuilt(kind, item, files.get(item.pk, {})) for item in found]
    return rebuilt


def entry_refresh(
    *, kind: str, item=None, object_id: int | None = None
) -> dict[str, str]:
    """Rebuild the entry of one item now (or drop it if it is gone); for a
    resource, returns the file name each language's stored text came from."""
    pk = item.pk if item is not None else object_id
    rebuilt = entries_refresh(items=[(kind, pk)])
    return rebuilt[0].files if rebuilt else {}


def entry_delete(*, kind: str, object_id: int) -> None:
    if enabled():
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def _batches(kind: str, batch_size: int) -> Iterator[list]:
    """Every item of ``kind``, ``batch_size`` at a time, by primary key."""
    model = SOURCES[kind].get_model()
    last = 0
    while True:
        batch = list(
            prefetched(kind, model._default_manager.filter(pk__gt=last)).order_by("pk")[
                :batch_size
            ]
        )
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def entries_rebuild(*, batch_size: int = 1000, progress=None) -> dict[str, int]:
    """Build every entry again; drop entries whose item is gone. Idempotent."""
    if not enabled():
        return {}
    SearchWord.objects.all().delete()
    counts: dict[str, int] = {}
    for kind in SOURCES:
        counts[kind] = 0
        for batch in _batches(kind, batch_size):
            documents = (
                document_texts(item.pk for item in batch)
                if kind == Kind.RESOURCE
                else {}
            )
            _save([entry_for(kind, item, documents.get(item.pk, {})) for item in batch])
            counts[kind] += len(batch)
            if progress:
                progress(kind, counts[kind])
        model = SOURCES[kind].get_model()
        gone = SearchEntry.objects.filter(kind=kind).exclude(
            object_id__in=model._default_manager.values("pk")
        )
        gone.delete()
    return counts


def entries_store_newest_first() -> None:
    """Rewrite the entries table newest first, and refresh its statistics.

    A search reads each tier's matches in storage order and stops at its pool
    (``ranking.py``): in this order, those are the newest. Entries changed later
    are stored wherever there is room, so the order wears; the rebuild command
    restores it. CLUSTER locks the table while it runs (seconds for 100,000
    entries; searches wait), so it is a maintenance step, not part of a save.
    """
    if not enabled():
        return
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"CLUSTER {table} USING search_entry_newest")
        cursor.execute(f"ANALYZE {table}")
