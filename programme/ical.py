"""iCalendar (RFC 5545) files of activities, built with the ``icalendar`` package.

Activities are whole days: DTSTART and DTEND are dates, and DTEND is exclusive
(the day after the last day), as RFC 5545 says for all-day events.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import Activity

PRODID = "-//UN Counter-Terrorism Centre//South-South Cooperation Portal//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _uid_host(request) -> str:
    """The site's own host name: UIDs stay the same whichever host was asked."""
    return urlsplit(settings.SITE_URL).hostname or request.get_host().split(":")[0]


def activity_location(activity: Activity) -> str:
    parts = [activity.city, activity.host_country.name if activity.host_country else ""]
    return ", ".join(part for part in parts if part)


def activity_event(activity: Activity, *, request) -> Event:
    """One VEVENT, in the active language (with modeltranslation's fallback)."""
    event = Event()
    event.add("uid", f"activity-{activity.pk}@{_uid_host(request)}")
    event.add("dtstamp", activity.updated_at or timezone.now())
    if activity.created_at:
        event.add("created", activity.created_at)
    if activity.updated_at:
        event.add("last-modified", activity.updated_at)
    event.add("dtstart", activity.start_date)
    event.add("dtend", activity.end_date + datetime.timedelta(days=1))
    event.add("summary", activity.title)
    url = request.build_absolute_uri(activity.get_absolute_url())
    description = strip_tags(activity.summary or "").strip()
    event.add("description", f"{description}\n\n{url}" if description else url)
    location = activity_location(activity)
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("categories", [activity.get_kind_display()])
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(activities: Iterable[Activity], *, request, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for activity in activities:
        calendar.add_component(activity_event(activity, request=request))
    return calendar


def calendar_response(calendar: Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def feed_name() -> str:
    return _("South-South Cooperation: activities")


def feed_filename(language: str) -> str:
    # ASCII: every browser and calendar keeps it as it is.
    return f"south-south-activities-{language}.ics"
