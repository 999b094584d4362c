"""Keep search entries current: note the items whose entry a change makes stale.

Saves and tag changes, from either side of the relation (``resource.themes.add``
and ``theme.resources.add``), schedule a rebuild after commit (``upkeep.py``).
A theme or region whose slug changes or that is deleted is renamed in the
entries in one statement; a country moved to another region re-indexes the
activities it hosts (their region comes from their host country).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_save,
)

from portal.taxonomy.models import Country, Region, Theme

from .indexing import SOURCES, enabled, entry_delete, kind_of
from .models import Kind
from .upkeep import entries_rename_facet, entries_schedule

logger = logging.getLogger(__name__)

# Many-to-many relations whose change alters an entry's facets.
M2M_FIELDS = {
    Kind.PARTNER: ("offers",),
    Kind.PROJECT: ("themes", "regions"),
    Kind.ACTIVITY: ("themes",),
    Kind.RESOURCE: ("themes", "regions"),
}
# Which entry column holds the slugs of each taxonomy model.
FACET_COLUMN = {Theme: "themes", Region: "regions"}


def item_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        entries_schedule(kind=kind_of(sender), ids=[instance.pk])


def item_deleted(sender, instance, **kwargs) -> None:
    if not enabled():
        return
    try:
        with transaction.atomic():
            entry_delete(kind=kind_of(sender), object_id=instance.pk)
    except DatabaseError:
        logger.exception("Search entry of %s not deleted", instance.pk)


def _linked_ids(through, item_model, other) -> list[int]:
    """Ids of the items linked to ``other`` (a theme, say) through ``through``."""
    fields = [f for f in through._meta.concrete_fields if f.is_relation]
    item_field = next(f for f in fields if f.related_model is item_model)
    other_field = next(f for f in fields if f is not item_field)
    return list(
        through.objects.filter(**{other_field.attname: other.pk}).values_list(
            item_field.attname, flat=True
        )
    )


def tags_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if not enabled():
        return
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            entries_schedule(kind=kind_of(type(instance)), ids=[instance.pk])
        return
    # theme.resources.add(...): ``instance`` is the theme, ``model`` the items.
    kind = kind_of(model)
    if action in ("post_add", "post_remove"):
        entries_schedule(kind=kind, ids=pk_set or ())
    elif action == "pre_clear":
        # post_clear does not say which items lost the tag: note them now.
        cleared = instance.__dict__.setdefault("_search_cleared", {})
        cleared[sender] = _linked_ids(sender, model, instance)
    elif action == "post_clear":
        cleared = instance.__dict__.get("_search_cleared", {}).pop(sender, ())
        entries_schedule(kind=kind, ids=cleared)


def taxonomy_before_save(sender, instance, raw=False, **kwargs) -> None:
    """Remember what a theme's or region's slug, or a country's region, was."""
    if raw or not enabled() or instance.pk is None:
        return
    field = "region_id" if sender is Country else "slug"
    instance._search_was = (
        sender.objects.filter(pk=instance.pk).values_list(field, flat=True).first()
    )


def taxonomy_saved(sender, instance, raw=False, created=False, **kwargs) -> None:
    was = instance.__dict__.pop("_search_was", None)
    if raw or created or was is None:
        return
    if sender is Country:
        if was != instance.region_id:
            from programme.models import Activity

            hosted = Activity.objects.filter(host_country=instance)
            entries_schedule(
                kind=Kind.ACTIVITY, ids=hosted.values_list("pk", flat=True)
            )
        return
    entries_rename_facet(column=FACET_COLUMN[sender], old=was, new=instance.slug)


def taxonomy_deleted(sender, instance, **kwargs) -> None:
    # Deleting a theme drops its M2M rows without any m2m_changed signal.
    entries_rename_facet(column=FACET_COLUMN[sender], old=instance.slug, new=None)


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

for _model in (Theme, Region, Country):
    _name = _model._meta.model_name
    pre_save.connect(
        taxonomy_before_save, sender=_model, dispatch_uid=f"search-was-{_name}"
    )
    post_save.connect(taxonomy_saved, sender=_model, dispatch_uid=f"search-tax-{_name}")
for _model in (Theme, Region):
    post_delete.connect(
        taxonomy_deleted,
        sender=_model,
        dispatch_uid=f"search-tax-delete-{_model._meta.model_name}",
    )
