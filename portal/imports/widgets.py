"""Widgets that read and write one cell, with errors a person can act on.

The library's relation widgets either raise ``DoesNotExist`` (reported as a crash
with a traceback) or drop unknown keys without a word (many-to-many): ours raise a
``ValueError`` naming the unknown keys, which the dry run shows against the row.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from import_export import widgets

# ISO on export; a Russian-style date is accepted on import.
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class DateWidget(widgets.DateWidget):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.formats = DATE_FORMATS

    def clean(self, value, row=None, **kwargs):
        # An XLSX date cell comes back as a datetime at midnight.
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, str):
            value = value.strip()
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date: write it as YYYY-MM-DD.")
                % {"value": value}
            ) from None


class KeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as its natural key (a slug, an ISO code)."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str):
            value = value.strip()
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("Unknown %(model)s: %(keys)s.")
                % {"model": self.model._meta.verbose_name, "keys": value}
            ) from None


class KeysWidget(widgets.ManyToManyWidget):
    """Many-to-many as comma-separated natural keys; an unknown key is an error."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return self.model.objects.none()
        keys = list(dict.fromkeys(k.strip() for k in str(value).split(self.separator)))
        keys = [key for key in keys if key]
        found = self.model.objects.filter(**{f"{self.field}__in": keys})
        known = {str(getattr(obj, self.field)) for obj in found}
        unknown = [key for key in keys if key not in known]
        if unknown:
            raise ValueError(
                _("Unknown %(model)s: %(keys)s.")
                % {
                    "model": self.model._meta.verbose_name_plural,
                    "keys": ", ".join(unknown),
                }
            )
        return found
