"""The cells of a figures table and how people read them: grouped numbers, shares
in per cent, a dash for what is missing."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import formats
from django.utils.translation import pgettext


class Percent(float):
    """A share in per cent: shown with one decimal and a per cent sign."""


Cell = str | int | Percent | None


def format_number(value: int | None) -> str:
    if value is None:
        return "—"
    return formats.number_format(value, decimal_pos=0, force_grouping=True)


def number_formatter() -> Callable[[int | None], str]:
    """``format_number`` for the active language, its formats read once.

    A page formats hundreds of numbers, and reading the language's formats cost
    more than the rest of each call; Python's own grouping is what Django's gives
    for groups of three.
    """
    if formats.get_format("NUMBER_GROUPING") != 3:
        return format_number
    separator = formats.get_format("THOUSAND_SEPARATOR")

    def fmt(value: int | None) -> str:
        if value is None:
            return "—"
        return f"{value:,}".replace(",", separator)

    return fmt


def format_percent(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return "—"
    number = formats.number_format(value, decimal_pos=decimals)
    return pgettext("percentage", "%(value)s%%") % {"value": number}


def format_cell(cell: Cell, fmt: Callable[[int | None], str] = format_number) -> str:
    if isinstance(cell, Percent):
        return format_percent(cell)
    if isinstance(cell, int):
        return fmt(cell)
    if cell is None:
        return "—"
    return str(cell)
