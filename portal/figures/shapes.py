"""What a chart is made of: its series, its table and the figures page's whole."""

from __future__ import annotations

from dataclasses import dataclass, field

from .formatting import Cell, format_cell, number_formatter


@dataclass
class Series:
    """One colour of a chart, as its legend names it."""

    key: str
    label: str
    colour: int


@dataclass
class Table:
    """A chart's data for people (the HTML table) and for spreadsheets (CSV).

    The first cell of each row names the row (a ``th scope="row"``).
    """

    caption: str
    columns: list[str]
    rows: list[list[Cell]]

    @property
    def display_rows(self) -> list[tuple[str, list[str]]]:
        """(the row's name, its other cells), formatted for the HTML table."""
        fmt = number_formatter()
        return [
            (format_cell(head, fmt), [format_cell(cell, fmt) for cell in cells])
            for head, *cells in self.rows
        ]


@dataclass
class Chart:
    """What the figures page, the SVG renderer and the CSV download need.

    ``kind`` picks the renderer in ``portal.charts``; ``data`` is what that
    renderer draws (see each ``_chart_*`` function in ``building`` for its shape).
    """

    slug: str
    kind: str
    title: str
    summary: str
    note: str
    table: Table
    series: list[Series] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.table.rows


@dataclass
class Figures:
    total: int
    first_year: int | None
    last_year: int | None
    participants: int
    charts: dict[str, Chart]


CHART_SLUGS = (
    "exchanges-by-year",
    "exchanges-by-region",
    "exchanges-by-theme",
    "participants",
    "flows",
)
