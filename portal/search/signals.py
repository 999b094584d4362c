"""Keep search entries current: rebuild an item's entry when it or its tags change.

A failure here is logged and never stops the save that triggered it (a savepoint
keeps the outer transaction usable); ``rebuild_search_index`` repairs any gap.
Document texts are extracted by the worker, queued once the save has committed.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.queueing import queue_on_commit

from .indexing import SOURCES, enabled, entry_delete, entry_refresh, kind_of
from .models import Kind

logger = logging.getLogger(__name__)

# Many-to-many relations whose change alters an entry's facets.
M2M_FIELDS = {
    Kind.PARTNER: ("offers",),
    Kind.PROJECT: ("themes", "regions"),
    Kind.ACTIVITY: ("themes",),
    Kind.RESOURCE: ("themes", "regions"),
}


def _refresh(kind: str, item) -> None:
    try:
        with transaction.atomic():
            known = entry_refresh(kind=kind, item=item)
            if kind == Kind.RESOURCE:
                _queue_extraction(item, known)
    except DatabaseError:
        logger.exception("Search entry of %s %s not updated", kind, item.pk)


def _queue_extraction(resource, known: dict[str, str]) -> None:
    from .documents import stale_languages
    from .tasks import extract_document

    for language in stale_languages(resource, known):
        queue_on_commit(extract_document, resource_id=resource.pk, language=language)


def item_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw or not enabled():
        return
    _refresh(kind_of(sender), instance)


def item_deleted(sender, instance, **kwargs) -> None:
    if not enabled():
        return
    try:
        with transaction.atomic():
            entry_delete(kind=kind_of(sender), object_id=instance.pk)
    except DatabaseError:
        logger.exception("Search entry of %s not deleted", instance.pk)


def tags_changed(sender, instance, action, reverse, **kwargs) -> None:
    if not enabled() or action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        # theme.resources.add(...): rare (admin edits items, not themes); the
        # rebuild command catches it up.
        return
    _refresh(kind_of(type(instance)), instance)


for _kind, _source in SOURCES.items():
    _model = _source.get_model()
    post_save.connect(item_saved, sender=_model, dispatch_uid=f"search-save-{_kind}")
    post_delete.connect(
        item_deleted, sender=_model, dispatch_uid=f"search-delete-{_kind}"
    )
    for _field in M2M_FIELDS.get(_kind, ()):
        m2m_changed.connect(
            tags_changed,
            sender=getattr(_model, _field).through,
            dispatch_uid=f"search-m2m-{_kind}-{_field}",
        )
