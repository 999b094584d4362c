"""Programme figures, read through each app's querysets.

``key_figures()`` feeds the home page. ``programme_figures()`` feeds the figures
page and its CSV downloads: the counts of ``portal.figure_counts`` (stored on
PostgreSQL) named with the cached taxonomy names and shaped into charts. Only
published items count; resources never appear here, so staff-only ones cannot
either.
"""

from .building import compute_figures, key_figures, programme_figures
from .csv_export import chart_csv, csv_delimiter
from .formatting import (
    Cell,
    Percent,
    format_cell,
    format_number,
    format_percent,
    number_formatter,
)
from .shapes import CHART_SLUGS, Chart, Figures, Series, Table

__all__ = [
    "CHART_SLUGS",
    "Cell",
    "Chart",
    "Figures",
    "Percent",
    "Series",
    "Table",
    "chart_csv",
    "compute_figures",
    "csv_delimiter",
    "format_cell",
    "format_number",
    "format_percent",
    "key_figures",
    "number_formatter",
    "programme_figures",
]
