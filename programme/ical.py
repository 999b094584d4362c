"""iCalendar (RFC 5545) files of activities.

Activities are whole days: DTSTART and DTEND are dates, and DTEND is exclusive
(the day after the last day), as RFC 5545 says for all-day events.

The few properties written here are serialised by hand: the ``icalendar``
package builds an object per property and cost about half a millisecond per
event, most of a feed's time. Its output is what this module writes (the tests
read the files back with it).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal.publishing import Status
from portal.translated import shown_at, shown_in

from .models import ActivityKind, ActivityQuerySet
from .rows import related_columns, translated_columns

PRODID = "-//UN Counter-Terrorism Centre//South-South Cooperation Portal//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# RFC 5545: content lines longer than 75 octets are folded.
FOLD_OCTETS = 74
# The columns an event is written from: both languages of the translated ones.
TRANSLATED = ("title", "summary", "city")
SLUG_MARK = "activity-slug"


@dataclass(frozen=True)
class EventData:
    """What one VEVENT says, in the active language (fallbacks applied)."""

    pk: int
    slug: str
    kind: str
    title: str
    summary: str
    city: str
    country: str
    start_date: datetime.date
    end_date: datetime.date
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    is_published: bool


# The columns of an event's row, then its host country's names.
EVENT_COLUMNS = (
    "pk",
    "slug",
    "kind",
    "start_date",
    "end_date",
    "created_at",
    "updated_at",
    "status",
    *translated_columns(*TRANSLATED),
    *translated_columns("country"),
)


def event_rows(activities: ActivityQuerySet) -> QuerySet:
    """``activities`` as plain rows of ``EVENT_COLUMNS`` (no model instances)."""
    # Plain rows: every language's column is named, no fallback to apply per row.
    return (
        activities.rewrite(False)
        .annotate(**related_columns("country", "host_country__name"))
        .values_list(*EVENT_COLUMNS)
    )


def events(rows) -> list[EventData]:
    """Rows of ``event_rows`` as events, in the active language (fallbacks
    applied); each row read by position, not turned into a dict."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    title_at, summary_at, city_at, country_at = (
        shown_at(EVENT_COLUMNS, field, language) for field in (*TRANSLATED, "country")
    )
    published = Status.PUBLISHED
    return [
        EventData(
            pk=row[0],
            slug=row[1],
            kind=row[2],
            title=shown_in(row, title_at, language)[0],
            summary=shown_in(row, summary_at, language)[0],
            city=shown_in(row, city_at, language)[0],
            country=shown_in(row, country_at, language)[0],
            start_date=row[3],
            end_date=row[4],
            created_at=row[5],
            updated_at=row[6],
            is_published=row[7] == published,
        )
        for row in rows
    ]


def event_data(activities: ActivityQuerySet) -> list[EventData]:
    """The events of ``activities`` in one query."""
    return events(event_rows(activities))


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) says."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> bytes:
    """One content line in UTF-8, folded into pieces of at most FOLD_OCTETS octets.

    Never inside a character's UTF-8 sequence, nor right after a backslash (some
    clients misread an escape split across a fold).
    """
    data = line.encode()
    if len(data) <= FOLD_OCTETS:
        return data
    pieces = []
    start = 0
    while len(data) - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        while data[end] & 0xC0 == 0x80:  # a continuation byte: back to its start
            end -= 1
        if data[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


# Dates and times written with format specs: strftime cost three times as much,
# and a feed writes five of them per event.
def _date(day: datetime.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _utc(moment: datetime.datetime) -> str:
    moment = moment.astimezone(datetime.UTC)
    return f"{_date(moment)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"


def _uid_host(request) -> str:
    """The site's own host name: UIDs stay the same whichever host was asked."""
    return urlsplit(settings.SITE_URL).hostname or request.get_host().split(":")[0]


def activity_location(event: EventData) -> str:
    return ", ".join(part for part in (event.city, event.country) if part)


def event_lines(event: EventData, *, url: str, host: str, kinds: dict) -> list[str]:
    """The content lines of one VEVENT, in icalendar's canonical order."""
    # strip_tags runs an HTML parser (and its lazy-text check) even on plain
    # text; without a "<" it would give the text back as it is.
    summary = strip_tags(event.summary) if "<" in event.summary else event.summary
    description = summary.strip()
    description = f"{description}\n\n{url}" if description else url
    modified = _utc(event.updated_at) if event.updated_at else None
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{_text(event.title)}",
        f"DTSTART;VALUE=DATE:{_date(event.start_date)}",
        f"DTEND;VALUE=DATE:{_date(event.end_date + datetime.timedelta(days=1))}",
        f"DTSTAMP:{modified or _utc(timezone.now())}",
        f"UID:activity-{event.pk}@{host}",
        f"CATEGORIES:{_text(kinds.get(event.kind, event.kind))}",
    ]
    if event.created_at:
        lines.append(f"CREATED:{_utc(event.created_at)}")
    lines.append(f"DESCRIPTION:{_text(description)}")
    if modified:
        lines.append(f"LAST-MODIFIED:{modified}")
    location = activity_location(event)
    if location:
        lines.append(f"LOCATION:{_text(location)}")
    lines += ["TRANSP:TRANSPARENT", f"URL:{url}", "END:VEVENT"]
    return lines


def build_calendar(events: Iterable[EventData], *, request, name: str) -> bytes:
    """A VCALENDAR of ``events``, as the bytes of an .ics file."""
    host = _uid_host(request)
    kinds = {value: str(label) for value, label in ActivityKind.choices}
    # reverse() once: every event's address differs only by its (ASCII) slug.
    pattern = reverse("programme:activity_detail", kwargs={"slug": SLUG_MARK})
    before, after = request.build_absolute_uri(pattern).rsplit(SLUG_MARK, 1)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_text(name)}",
    ]
    for event in events:
        url = f"{before}{event.slug}{after}"
        lines += event_lines(event, url=url, host=host, kinds=kinds)
    lines.append("END:VCALENDAR")
    return b"".join(_fold(line) + b"\r\n" for line in lines)


def calendar_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def feed_name() -> str:
    return _("South-South Cooperation: activities")


def feed_filename(language: str) -> str:
    # ASCII: every browser and calendar keeps it as it is.
    return f"south-south-activities-{language}.ics"
