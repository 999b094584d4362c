"""The file formats staff may use: CSV and XLSX, with formula cells neutralised.

A cell that a spreadsheet would read as a formula (it starts with = + - @, a tab
or a carriage return) is exported with an apostrophe in front, so that opening an
export never runs what a visitor typed into a title (CSV/formula injection). An
import drops that apostrophe again, so an export imports back unchanged.
"""

from __future__ import annotations

import tablib
from import_export.formats import base_formats

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def neutralise(value):
    """``value`` as a spreadsheet will show it, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return ESCAPE + value
    return value


def restore(value):
    """Undo ``neutralise`` on an imported cell."""
    if (
        isinstance(value, str)
        and value.startswith(ESCAPE)
        and value[1:].startswith(FORMULA_TRIGGERS)
    ):
        return value[1:]
    return value


def _map_cells(dataset: tablib.Dataset, function) -> tablib.Dataset:
    mapped = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        mapped.append([function(cell) for cell in row])
    return mapped


class _NeutralisedFormat:
    """Escape formula cells on export (the library calls ``_escape_formulae`` when
    IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is on), restore them on import."""

    def _escape_formulae(self, dataset: tablib.Dataset) -> None:
        # In place: the library ignores a return value. Numbers and dates stay
        # typed (the library's own version turns every cell into text).
        escaped = _map_cells(dataset, neutralise)
        dataset.wipe()
        dataset.headers = escaped.headers
        dataset.title = escaped.title
        dataset.extend(list(escaped))

    def create_dataset(self, in_stream, **kwargs):
        return _map_cells(super().create_dataset(in_stream, **kwargs), restore)


class CSV(_NeutralisedFormat, base_formats.CSV):
    pass


class XLSX(_NeutralisedFormat, base_formats.XLSX):
    def create_dataset(self, in_stream, **kwargs):
        # The library's XLSX reader takes no keyword arguments.
        return _map_cells(base_formats.XLSX.create_dataset(self, in_stream), restore)


FORMATS = (CSV, XLSX)
