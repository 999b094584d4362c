"""What the list pages' filter sets share: their filters and form fields are
built once per process, and each page copies only what it may change.

django-filter deep-copies a filter set's filters for every filter set, and
Django a form's fields for every form: labels, choices (a list of the world's
countries, a callable's iterator), widgets. Nothing here changes what those
hold in place: a filter set sets a filter's own attributes (``model``,
``parent``, its ``extra`` choices), a form assigns a field new choices, a widget
new attributes. So a copy of each filter and field, with its own ``extra``,
widget, attributes, error messages and validators, serves every page: 0.2 to
0.7 ms of each ledger, calendar, library and directory page.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable

import django_filters
from django import forms


class CopiedFilters(dict):
    """A filter set's ``base_filters``, which each filter set copies for itself.

    A ``method`` filter is bound anew to its copy, whose parent is the filter set
    that runs it.
    """

    def __deepcopy__(self, memo) -> dict:
        return {name: _copied_filter(filter_) for name, filter_ in self.items()}


def _copied_filter(filter_: django_filters.Filter) -> django_filters.Filter:
    copied = copy.copy(filter_)
    # A filter set may choose the choices it offers (the library's access levels).
    copied.extra = dict(filter_.extra)
    if filter_.method is not None:
        # The setter binds ``filter`` (a FilterMethod) to the copy.
        copied.method = filter_.method
    return copied


class CopiedFields(dict):
    """A form class's ``base_fields``, which each form copies for itself.

    A choice field keeps its choices: ``Field.__deepcopy__`` without
    ``ChoiceField``'s deep copy of them. A field with a queryset (whose copy must
    not share its cached rows) and any other field are deep-copied as usual.
    """

    def __deepcopy__(self, memo) -> dict:
        return {name: _copied_field(field, memo) for name, field in self.items()}


def _copied_field(field: forms.Field, memo) -> forms.Field:
    if not isinstance(field, forms.ChoiceField) or isinstance(
        field, forms.ModelChoiceField
    ):
        return copy.deepcopy(field, memo)
    copied = copy.copy(field)
    copied.widget = copy.copy(field.widget)
    copied.widget.attrs = field.widget.attrs.copy()
    copied.error_messages = field.error_messages.copy()
    copied.validators = field.validators[:]
    memo[id(field)] = copied
    return copied


def copied_shallowly(filterset_class: type) -> type:
    """Class decorator: the filter set's filters are copied, not deep-copied, for
    each filter set (``CopiedFilters``); a subclass needs its own decorator."""
    filterset_class.base_filters = CopiedFilters(filterset_class.base_filters)
    return filterset_class


class KeptFormClassMixin:
    """A filter set whose form class is built once per process and key.

    django-filter builds a form class and each of its fields anew for every
    filter set, on every page (a fifth to half a millisecond). Nothing in them
    belongs to a request: labels are lazy, the taxonomy's choices callables read
    when iterated, and each form copies the fields it is given
    (``CopiedFields``). What a request may still change in the fields (the
    access levels a reader may choose, say) goes into ``form_class_key``.
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
            form_class = super().get_form_class()
            form_class.base_fields = CopiedFields(form_class.base_fields)
            kept[key] = form_class
        return form_class
