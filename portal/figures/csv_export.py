"""A chart's table as a CSV download that spreadsheets open safely."""

from __future__ import annotations

import csv
import io

from django.utils import formats

from .formatting import Cell, Percent
from .shapes import Chart

# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(cell: Cell) -> str:
    if isinstance(cell, Percent):
        return formats.number_format(cell, decimal_pos=1)
    if cell is None:
        return ""
    if isinstance(cell, int):
        return str(cell)
    text = str(cell)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_delimiter() -> str:
    """A semicolon where the decimal separator is a comma (Russian), as the
    spreadsheets of that language expect; a comma otherwise."""
    return ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","


def chart_csv(chart: Chart) -> str:
    """The chart's table as CSV text: the header row, then one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_delimiter(), lineterminator="\r\n")
    writer.writerow([_csv_cell(column) for column in chart.table.columns])
    writer.writerows([_csv_cell(cell) for cell in row] for row in chart.table.rows)
    return buffer.getvalue()
