"""Projects, the exchange ledger (list, month calendar, iCal) and the photo archive.

Every page runs a fixed number of queries whatever the number of rows (pinned in
tests/programme/); filtering lives on the querysets and in ``filters.py``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import defaultdict

from django.apps import apps
from django.db.models import Count, Window
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from portal.facets import FacetList, build_facet, selected_values
from portal.generic import FacetedListView, VisibleToUserMixin
from portal.templatetags.portal_tags import lang_attr

from . import ical
from .facets import activity_facets
from .filters import (
    FIRST_YEAR,
    LAST_YEAR,
    ActivityFilterSet,
    CalendarFilterSet,
    PhotoFilterSet,
    filter_query,
)
from .models import Activity, Photo, Project

# How many activities a project page shows before linking to the ledger.
PROJECT_ACTIVITIES = 12
# The most activities one month of the calendar holds.
CALENDAR_LIMIT = 500
# A day of the month grid names this many; the month's list below names them all.
DAY_ENTRIES = 4
# The most events one iCal feed holds: calendar apps read a feed every few hours,
# and each event costs about a millisecond to write.
FEED_LIMIT = 100
# Without a year or upcoming/past filter, the feed starts this long ago.
FEED_HISTORY = datetime.timedelta(days=365)


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


# --- Projects -----------------------------------------------------------------------


class ProjectListView(VisibleToUserMixin, ListView):
    model = Project
    paginate_by = 20
    template_name = "programme/project_list.html"


class ProjectDetailView(VisibleToUserMixin, DetailView):
    model = Project
    template_name = "programme/project_detail.html"

    def get_queryset(self):
        return Project.objects.visible_to(self.request.user).with_detail_data(
            self.request.user
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each row carries the total (a window count): no COUNT query of its own.
        activities = list(
            self.object.activities.visible_to(self.request.user)
            .with_listing_data()
            .annotate(total=Window(Count("pk")))
            .order_by("-start_date", "slug")[:PROJECT_ACTIVITIES]
        )
        context["activities"] = activities
        context["activity_count"] = activities[0].total if activities else 0
        context["ledger_url"] = _with_query(
            reverse("programme:activity_list"), f"project={self.object.slug}"
        )
        return context


# --- The ledger -----------------------------------------------------------------------


class LedgerLinksMixin:
    """Links to the same activities as a list, a month calendar and an iCal feed."""

    def ledger_links(self) -> dict:
        query = filter_query(self.request.GET)
        return {
            "filter_query": query,
            "list_url": _with_query(reverse("programme:activity_list"), query),
            "calendar_url": _with_query(reverse("programme:calendar"), query),
            "ics_url": _with_query(reverse("programme:activities_ics"), query),
        }


class ActivityListView(LedgerLinksMixin, FacetedListView):
    model = Activity
    filterset_class = ActivityFilterSet
    template_name = "programme/activity_list.html"

    def get_queryset(self):
        return super().get_queryset().with_partners(self.request.user)

    def get_facets(self, queryset) -> list:
        return activity_facets(self.filterset, user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.ledger_links())
        return context


def women_share(activity: Activity) -> int | None:
    """Women as a whole percentage of participants (half up); None when unknown."""
    total, women = activity.participants, activity.women_participants
    if not total or women is None:
        return None
    return (200 * women + total) // (2 * total)


class ActivityDetailView(VisibleToUserMixin, DetailView):
    model = Activity
    template_name = "programme/activity_detail.html"

    def get_queryset(self):
        user = self.request.user
        return (
            Activity.objects.visible_to(user)
            .select_related("host_country")
            .with_visible_project(user)
            .prefetch_related("themes", "photos")
            .with_partners(user)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, activity = self.request.user, self.object
        # resources sits above programme (DESIGN.md): no import of its models here.
        resource_model = apps.get_model("resources", "Resource")
        context["resources"] = resource_model.objects.visible_to(user).filter(
            activities=activity
        )
        context["project"] = activity.project if activity.project_visible else None
        context["women_share"] = women_share(activity)
        return context


# --- The month calendar --------------------------------------------------------------

MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


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


def _shift(month: datetime.date, step: int) -> datetime.date | None:
    index = month.year * 12 + month.month - 1 + step
    year, month_index = divmod(index, 12)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return datetime.date(year, month_index + 1, 1)


class ActivityCalendarView(LedgerLinksMixin, TemplateView):
    """One month as a table, each day listing the activities running that day."""

    template_name = "programme/activity_calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request, user = self.request, self.request.user
        today = timezone.localdate()
        month, month_message = parse_month(request.GET.get("month"), today)
        weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
            month.year, month.month
        )
        grid_first, grid_last = weeks[0][0], weeks[-1][-1]
        month_last = month.replace(day=calendar.monthrange(month.year, month.month)[1])

        base = Activity.objects.visible_to(user)
        data = None
        if request.GET:
            # The panel carries the month shown (not a malformed one) as it is applied.
            data = request.GET.copy()
            data["month"] = f"{month:%Y-%m}"
        filterset = CalendarFilterSet(data=data, queryset=base, request=request)
        if filterset.is_bound and not filterset.is_valid():
            activities = []
        else:
            activities = list(
                filterset.qs.running_between(grid_first, grid_last)
                .select_related("host_country")
                .order_by("start_date", "end_date", "slug")[:CALENDAR_LIMIT]
            )
        by_day = defaultdict(list)
        for activity in activities:
            # Shown on each of its days: its address and title language, once.
            activity.url = activity.get_absolute_url()
            activity.title_lang = lang_attr(activity, "title")
            day = max(activity.start_date, grid_first)
            while day <= min(activity.end_date, grid_last):
                by_day[day].append(activity)
                day += datetime.timedelta(days=1)

        query = filter_query(request.GET)
        calendar_url = reverse("programme:calendar")

        def month_url(first_day: datetime.date | None) -> str:
            if first_day is None:
                return ""
            month_query = f"month={first_day:%Y-%m}"
            return f"{calendar_url}?{month_query}" + (f"&{query}" if query else "")

        context.update(self.ledger_links())
        context.update(
            {
                "filter": filterset,
                "facets": activity_facets(
                    filterset,
                    user=user,
                    base=base.running_between(month, month_last),
                ),
                "filter_active": any(
                    key not in ("page", "month") and values
                    for key, values in request.GET.lists()
                ),
                "month": month,
                "month_title": date_format(month, "YEAR_MONTH_FORMAT"),
                "month_message": month_message,
                "weekdays": [
                    {"short": date_format(day, "D"), "long": date_format(day, "l")}
                    for day in weeks[0]
                ],
                "weeks": [
                    [
                        {
                            "date": day,
                            "in_month": day.month == month.month,
                            "today": day == today,
                            "activities": by_day.get(day, [])[:DAY_ENTRIES],
                            "more": max(len(by_day.get(day, [])) - DAY_ENTRIES, 0),
                        }
                        for day in week
                    ]
                    for week in weeks
                ],
                "month_activities": [
                    activity
                    for activity in activities
                    if activity.start_date <= month_last and activity.end_date >= month
                ],
                "previous_url": month_url(_shift(month, -1)),
                "previous_title": _month_title(_shift(month, -1)),
                "next_url": month_url(_shift(month, 1)),
                "next_title": _month_title(_shift(month, 1)),
                "this_month_url": month_url(today.replace(day=1))
                if month != today.replace(day=1)
                else "",
            }
        )
        return context


def _month_title(month: datetime.date | None) -> str:
    return date_format(month, "YEAR_MONTH_FORMAT") if month else ""


# --- iCal -----------------------------------------------------------------------------


def _bad_filters(filterset) -> HttpResponseBadRequest:
    errors = [
        f"{filterset.form.fields[name].label}: {' '.join(messages)}"
        for name, messages in filterset.form.errors.items()
        if name in filterset.form.fields
    ]
    text = _("These filters could not be applied:") + "\n" + "\n".join(errors) + "\n"
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


@require_safe
def activities_ics(request):
    """The published activities of the ledger's filters as an iCal feed.

    At most FEED_LIMIT events; without a year or upcoming/past filter, those
    still running or that ended within the last year.
    """
    filterset = ActivityFilterSet(
        data=request.GET or None,
        queryset=Activity.objects.published()
        .select_related("host_country")
        .defer("body", "body_ru", "body_en", "outcomes", "outcomes_ru", "outcomes_en"),
        request=request,
    )
    if filterset.is_bound and not filterset.is_valid():
        return _bad_filters(filterset)
    activities = filterset.qs
    if not (filterset.is_bound and filterset.limits_dates()):
        activities = activities.since(timezone.localdate() - FEED_HISTORY)
    activities = activities.order_by("-start_date", "-end_date", "slug")[:FEED_LIMIT]
    calendar_ = ical.build_calendar(activities, request=request, name=ical.feed_name())
    return ical.calendar_response(
        calendar_, filename=ical.feed_filename(translation.get_language())
    )


@require_safe
def activity_ics(request, slug):
    """One activity as an .ics file ("add to calendar")."""
    activity = get_object_or_404(
        Activity.objects.visible_to(request.user).select_related("host_country"),
        slug=slug,
    )
    calendar_ = ical.build_calendar([activity], request=request, name=ical.feed_name())
    response = ical.calendar_response(calendar_, filename=f"{activity.slug}.ics")
    if not activity.is_published:
        add_never_cache_headers(response)
    return response


# --- Photo archive --------------------------------------------------------------------


class PhotoListView(FacetedListView):
    model = Photo
    filterset_class = PhotoFilterSet
    paginate_by = 24
    template_name = "programme/photo_list.html"

    def get_queryset(self):
        return Photo.objects.visible_to(self.request.user).with_listing_data()

    def get_facets(self, queryset) -> FacetList:
        filterset = self.filterset
        if filterset.is_bound and not filterset.is_valid():
            return FacetList()
        # Years count over every visible photo: choosing one year keeps the others.
        # One row per photo and year: a plain COUNT, and the total comes along.
        per_year = dict(
            Photo.objects.visible_to(self.request.user)
            .order_by()
            .values_list("taken_on__year")
            .annotate(photos=Count("pk"))
        )
        counts = {str(year): n for year, n in per_year.items() if year is not None}
        data = filterset.data if filterset.data is not None else {}
        chosen = selected_values(data, "year")
        total = (
            sum(counts.get(year, 0) for year in set(chosen))
            if chosen
            else sum(per_year.values())
        )
        years = sorted(counts, key=int, reverse=True)
        return FacetList(
            [
                build_facet(
                    name="year",
                    label=_("Year"),
                    choices=[(year, year) for year in years],
                    counts=counts,
                    selected=chosen,
                )
            ],
            total=total,
        )
