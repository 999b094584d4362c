"""The month calendar: which month is asked for, its activities and their facets.

A month grid names a hundred-odd activities, each on every day it runs. They are
read as plain rows with their stored facet keys (``portal_facetrow``, kept by
triggers) in ONE query; the ledger's filters and the month's facet counts are
then applied to those rows in Python, instead of a dozen GROUP BY queries over
the same few rows. Without stored keys (SQLite), or in a month too crowded to
read whole, filters and counts run in SQL as on the ledger.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from html import escape

from django.conf import settings
from django.db.models import F, Func, OuterRef, QuerySet, Subquery, TextField, Value
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.compiled import CompiledQuery
from portal.facet_counts import TOTAL
from portal.models import FacetRow
from portal.publishing import Status
from portal.templatetags.portal_tags import date_range
from portal.translated import shown_at, shown_in

from .facet_listing import ACTIVITIES
from .facets import (
    FIELD_SEPARATOR,
    KEYED_FACETS,
    labelled_rows,
    limit_named_options,
)
from .filters import FIRST_YEAR, LAST_YEAR, PAST, UPCOMING
from .models import Activity, ActivityKind
from .rows import related_columns, translated_columns

MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")
# The columns of an entry's row, and the order of a month's entries.
ENTRY_COLUMNS = (
    "slug",
    "status",
    "kind",
    "start_date",
    "end_date",
    *translated_columns("title", "city"),
)
ENTRY_ORDER = ("start_date", "end_date", "slug")
SLUG_MARK = "activity-slug"


def parse_month(value: str | None, today: datetime.date) -> tuple[datetime.date, str]:
    """The first day of the month asked for, and a message when it was not usable.

    No value: this month. Not YYYY-MM: this month, with a message. A year outside
    FIRST_YEAR..LAST_YEAR: the nearest month inside, with a message.
    """
    current = today.replace(day=1)
    if value is None or value == "":
        return current, ""
    match = MONTH_RE.match(value.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        return current, _("The month could not be read; this month is shown.")
    year, month = int(match[1]), int(match[2])
    if year < FIRST_YEAR:
        return datetime.date(FIRST_YEAR, 1, 1), _(
            "The calendar starts in %(year)d; its first month is shown."
        ) % {"year": FIRST_YEAR}
    if year > LAST_YEAR:
        return datetime.date(LAST_YEAR, 12, 1), _(
            "The calendar ends in %(year)d; its last month is shown."
        ) % {"year": LAST_YEAR}
    return datetime.date(year, month, 1), ""


def shift(month: datetime.date, step: int) -> datetime.date | None:
    """The first day of the month ``step`` months away; None outside the range."""
    index = month.year * 12 + month.month - 1 + step
    year, month_index = divmod(index, 12)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return datetime.date(year, month_index + 1, 1)


def month_title(month: datetime.date | None) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT") if month else ""


# --- Entries ---------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One activity as the calendar shows it: its link (on each of its days), the
    line of the month's list, and its stored facet keys."""

    start_date: datetime.date
    end_date: datetime.date
    link: SafeString
    kind: str
    place: SafeString
    keys: frozenset[str]


def _lang(code: str, language: str) -> str:
    return "" if code == language else f' lang="{code}"'


def _entry_rows(queryset, *, keyed: bool) -> QuerySet:
    """``queryset`` as plain rows of ``ENTRY_COLUMNS`` (and their stored facet
    keys, PostgreSQL only, with ``keyed``)."""
    annotations = related_columns("country", "host_country__name")
    if keyed:
        # One text rather than an array: a month's hundred rows of a dozen keys
        # each were read 0.3 ms faster so.
        joined = Func(
            F("keys"),
            Value(FIELD_SEPARATOR),
            function="array_to_string",
            output_field=TextField(),
        )
        annotations["keys"] = Subquery(
            FacetRow.objects.filter(listing=ACTIVITIES.name, object_id=OuterRef("pk"))
            .annotate(joined=joined)
            .values("joined")
        )
    # Plain rows: every language's column is named, no fallback to apply per row.
    return (
        queryset.rewrite(False)
        .annotate(**annotations)
        .values_list(*ENTRY_COLUMNS, *annotations)
    )


def _grid_rows(*, user, first, last, limit: int) -> QuerySet:
    return _entry_rows(
        Activity.objects.visible_to(user)
        .running_between(first, last)
        .order_by(*ENTRY_ORDER)[:limit],
        keyed=True,
    )


# Activities' visibility depends on staff or not only (PublishableQuerySet). The
# grid's first and last days are written into the SQL (a statement per month
# shown, most often this one): as parameters, PostgreSQL planned the statement
# anew on every run (0.2 ms), its plan for any dates costing more than theirs.
GRID_ROWS = CompiledQuery(_grid_rows)


def grid_entries(user, first, last, *, text: str, limit: int) -> list[Entry]:
    """The activities ``user`` may see running from ``first`` to ``last`` (with
    ``text`` in their title or summary), with their stored facet keys
    (PostgreSQL only); at most ``limit``."""
    if text:
        rows = (
            Activity.objects.visible_to(user)
            .running_between(first, last)
            .search(text)
            .order_by(*ENTRY_ORDER)[:limit]
        )
        return entries(_entry_rows(rows, keyed=True))
    staff = bool(user.is_authenticated and user.is_staff)
    return entries(
        GRID_ROWS.rows(
            (staff, limit, first, last), user=user, first=first, last=last, limit=limit
        )
    )


def listed_entries(queryset) -> list[Entry]:
    """The activities of ``queryset`` as entries, without facet keys."""
    return entries(_entry_rows(queryset, keyed=False))


def entries(rows) -> list[Entry]:
    """Rows of ``_entry_rows`` as entries.

    The markup of an entry is built once here, not on each of its days; every
    value in it is escaped with ``html.escape`` (what Django's ``escape`` does,
    without its per-call overhead, which a month of entries would repeat a
    thousand times). A month grid holds a hundred-odd rows: each is read by
    position, not turned into a dict.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    names = (*ENTRY_COLUMNS, *translated_columns("country"), "keys")
    slug_at, status_at, kind_at = (names.index(n) for n in ("slug", "status", "kind"))
    start_at, end_at = names.index("start_date"), names.index("end_date")
    keys_at = names.index("keys")
    title_at = shown_at(names, "title", language)
    city_at = shown_at(names, "city", language)
    country_at = shown_at(names, "country", language)
    # One reverse(): the activities' addresses differ only by their (ASCII) slug.
    before, after = reverse(
        "programme:activity_detail", kwargs={"slug": SLUG_MARK}
    ).rsplit(SLUG_MARK, 1)
    kinds = {value: str(label) for value, label in ActivityKind.choices}
    statuses = {value: escape(str(label)) for value, label in Status.choices}
    result = []
    for values in rows:
        title, code = shown_in(values, title_at, language)
        link = (
            f'<a href="{escape(before + values[slug_at] + after)}"'
            f"{_lang(code, language)}>{escape(title)}</a>"
        )
        status = values[status_at]
        if status != Status.PUBLISHED:
            link += (
                f' <span class="badge badge--draft">{statuses.get(status, "")}</span>'
            )
        city, code = shown_in(values, city_at, language)
        place = escape(shown_in(values, country_at, language)[0])
        if city:
            comma = ", " if place else ""
            place = f"<span{_lang(code, language)}>{escape(city)}</span>{comma}{place}"
        kind = values[kind_at]
        # Rows without stored keys (``keyed=False``) end before the keys.
        keys = values[keys_at] if len(values) > keys_at else ""
        result.append(
            Entry(
                start_date=values[start_at],
                end_date=values[end_at],
                # SafeString, as mark_safe gives for a str, without its check for
                # lazy text (a call per entry): every value is escaped above.
                link=SafeString(link),
                kind=kinds.get(kind, kind),
                place=SafeString(place),
                keys=frozenset(keys.split(FIELD_SEPARATOR) if keys else ()),
            )
        )
    return result


# --- Filters and facets on the entries ---------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """The filter panel's choice: stored keys per keyed facet, and upcoming/past."""

    keys: dict[str, frozenset[str]]
    when: str
    today: datetime.date

    @classmethod
    def of(cls, filterset, today: datetime.date) -> Choice:
        data = filterset.form.cleaned_data if filterset.is_bound else {}
        keys = {
            name: frozenset(f"{name}:{value}" for value in data[name])
            for name in KEYED_FACETS
            if data.get(name)
        }
        return cls(keys=keys, when=data.get("when") or "", today=today)

    def period(self, entry: Entry) -> str:
        return UPCOMING if entry.end_date >= self.today else PAST

    def failing(self, entry: Entry) -> list[str]:
        """The chosen facets ``entry`` does not pass (none: it is a result)."""
        failed = [
            name for name, keys in self.keys.items() if entry.keys.isdisjoint(keys)
        ]
        if self.when and self.period(entry) != self.when:
            failed.append("when")
        return failed

    def options(self) -> dict[str, list[str]]:
        return {
            name: [key.partition(":")[2] for key in keys]
            for name, keys in self.keys.items()
        }


def count_facets(month: list[Entry], choice: Choice) -> dict[str, dict[str, int]]:
    """``{facet: {option: count}}`` over the month's entries, and the results.

    Each facet counts its options among the entries that every *other* chosen
    facet lets through (as ``facets.facet_rows`` does in SQL): an entry failing
    one facet alone counts for that facet only.
    """
    counts: dict[str, dict[str, int]] = {name: {} for name in (*KEYED_FACETS, "when")}
    total = 0
    for entry in month:
        failed = choice.failing(entry)
        if len(failed) > 1:
            continue
        only = failed[0] if failed else None
        if only is None:
            total += 1
        if only in (None, "when"):
            period = choice.period(entry)
            counts["when"][period] = counts["when"].get(period, 0) + 1
            if only == "when":
                continue
        for key in entry.keys:
            name, colon, value = key.partition(":")
            if colon and (only is None or name == only) and name in counts:
                counts[name][value] = counts[name].get(value, 0) + 1
    counts[TOTAL] = {"": total}
    return counts


def facet_rows(month: list[Entry], choice: Choice, *, user) -> list[tuple]:
    """The rows of ``facets.facet_rows``, counted on the month's entries."""
    counts = count_facets(month, choice)
    limit_named_options(counts, chosen=choice.options())
    return labelled_rows(counts, user=user)


def results(grid: list[Entry], choice: Choice) -> list[Entry]:
    return [entry for entry in grid if not choice.failing(entry)]


# --- The grid --------------------------------------------------------------------------

# A Monday: the grid's weeks start on Mondays (``calendar.MONDAY``).
_A_MONDAY = datetime.date(2024, 1, 1)


@functools.lru_cache(maxsize=16)
def _weekday_names(language: str) -> tuple[dict[str, str], ...]:
    # Fourteen names in words cost a fifth of a millisecond, the same for every
    # month; ``language`` keys the cache (date_format reads the active language).
    days = [_A_MONDAY + datetime.timedelta(days=offset) for offset in range(7)]
    return tuple(
        {"short": date_format(day, "D"), "long": date_format(day, "l")} for day in days
    )


def weekday_names() -> tuple[dict[str, str], ...]:
    """The grid's column headings, Monday first: short and full day names."""
    return _weekday_names(translation.get_language() or settings.LANGUAGE_CODE)


@functools.lru_cache(maxsize=2048)
def _day_label(day: datetime.date, language: str) -> str:
    # A day in words costs tens of microseconds and a grid names forty-two;
    # ``language`` keys the cache (date_format reads the active language).
    return escape(date_format(day, "DATE_FORMAT"))


def grid_markup(weeks, by_day, *, month, today, shown_per_day: int) -> SafeString:
    """The grid's rows of day cells, each naming its first entries.

    Built here rather than by template loops: a month is forty-two cells, each
    with a dozen values to look up, escape and join.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    rows = []
    for week in weeks:
        cells = []
        for day in week:
            listed = by_day.get(day, ())
            classes = "calendar__day"
            if day.month != month.month:
                classes += " calendar__day--outside"
            if day == today:
                classes += " calendar__day--today"
            if listed:
                classes += " calendar__day--busy"
            current = ' aria-current="date"' if day == today else ""
            label = _day_label(day, language)
            cell = [
                f'<td class="{classes}"{current}>\n'
                f'              <time class="calendar__date" datetime="{day.isoformat()}">'
                f'<span aria-hidden="true">{day.day}</span>'
                f'<span class="visually-hidden">{label}</span></time>\n'
                "              "
            ]
            if listed:
                # The links are markup already (escaped in ``entries``).
                links = "".join(
                    f"<li>{entry.link}</li>" for entry in listed[:shown_per_day]
                )
                cell.append(
                    f'<ul class="calendar__events">{links}</ul>\n              '
                )
                more = len(listed) - shown_per_day
                if more > 0:
                    text = ngettext(
                        "and %(counter)s more", "and %(counter)s more", more
                    )
                    cell.append(
                        '<p class="calendar__more"><a href="#agenda-title">'
                        f"{escape(text % {'counter': more})}</a></p>"
                    )
            cell.append("\n            </td>")
            cells.append("".join(cell))
        rows.append("<tr>\n            " + "".join(cells) + "\n          </tr>")
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped above


def agenda_markup(month_entries: list[Entry]) -> SafeString:
    """The month's list: each entry's link, kind, dates and place."""
    items = []
    language = translation.get_language()
    for entry in month_entries:
        place = f" · {entry.place}" if entry.place else ""
        dates = date_range(entry.start_date, entry.end_date, language)
        items.append(
            f'<li>{entry.link} <span class="agenda__meta">{escape(entry.kind)} · '
            f"{dates}{place}</span></li>\n          "
        )
    return mark_safe("".join(items))  # noqa: S308 - every value escaped above
