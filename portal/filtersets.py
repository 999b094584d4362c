"""What the list pages' filter sets share."""

from __future__ import annotations

from collections.abc import Hashable


class KeptFormClassMixin:
    """A filter set whose form class is built once per process and key.

    django-filter builds a form class and each of its fields anew for every
    filter set, on every page (a fifth to half a millisecond). Nothing in them
    belongs to a request: labels are lazy, the taxonomy's choices callables read
    when iterated, and each form deep-copies the fields it is given. What a
    request may still change in the fields (the access levels a reader may
    choose, say) goes into ``form_class_key``.
    """

    def form_class_key(self) -> Hashable:
        return ()

    def get_form_class(self):
        cls = type(self)
        # Per concrete class: a subclass (the calendar's) has fields of its own.
        kept = cls.__dict__.get("_kept_form_classes")
        if kept is None:
            kept = {}
            cls._kept_form_classes = kept
        key = self.form_class_key()
        form_class = kept.get(key)
        if form_class is None:
            form_class = kept[key] = super().get_form_class()
        return form_class
