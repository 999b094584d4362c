"""Projects, the exchange ledger (list, month calendar, iCal) and the photo archive.

Every page runs a fixed number of queries whatever the number of rows (pinned in
tests/programme/); filtering lives on the querysets and in ``filters.py``.
"""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict

from django.apps import apps
from django.db.models import Count, Window
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponseBadRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from portal import facet_counts
from portal.compiled import CompiledCount, CompiledQuery, kept
from portal.facets import FacetList, build_facet, selected_values
from portal.generic import (
    CompiledObjectMixin,
    CountedPaginator,
    FacetedListView,
    VisibleToUserMixin,
    is_staff,
)

from . import ical
from .facets import activity_facets, stored_count
from .filters import (
    ActivityFilterSet,
    CalendarFilterSet,
    PhotoFilterSet,
    filter_query,
)
from .models import Activity, Photo, Project
from .month import (
    ENTRY_ORDER,
    Choice,
    agenda_markup,
    grid_entries,
    grid_markup,
    listed_entries,
    month_title,
    parse_month,
    results,
    shift,
    weekday_names,
)
from .month import facet_rows as month_facet_rows
from .rows import (
    ActivityCard,
    PhotoCard,
    attach_card_names,
    attach_project_themes,
    card_rows,
    photo_rows,
    project_names,
)

# How many activities a project page shows before linking to the ledger.
PROJECT_ACTIVITIES = 12
# The most activities one month of the calendar holds.
CALENDAR_LIMIT = 500
# The most activities of a month grid filtered and counted in Python (month.py).
MONTH_ROWS = 2000
# A day of the month grid names this many; the month's list below names them all.
DAY_ENTRIES = 4
# The most events one iCal feed holds: calendar apps read a feed every few hours,
# and each event costs about a millisecond to write.
FEED_LIMIT = 100
# Without a year or upcoming/past filter, the feed starts this long ago.
FEED_HISTORY = datetime.timedelta(days=365)
# The feed's order: the latest activities first.
FEED_ORDER = ("-start_date", "-end_date", "slug")


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


# --- Projects -----------------------------------------------------------------------


# The list's reads, compiled once per process (portal.compiled): its count, and
# its first page in the list's order (``Project.Meta.ordering``). Visibility
# tells staff from the others only.
PROJECT_COUNT = CompiledCount(lambda *, user: Project.objects.visible_to(user))
PROJECT_FIRST_PAGE = CompiledQuery(
    lambda *, user, size: Project.objects.visible_to(user).for_cards()[:size]
)


class ProjectListView(ListView):
    model = Project
    paginate_by = 20
    template_name = "programme/project_list.html"

    def get_queryset(self):
        # Themes are attached to the page's projects (rows.attach_project_themes).
        user = self.request.user
        return kept(
            ("projects", is_staff(user)),
            lambda: Project.objects.visible_to(user).for_cards(),
        )

    def get_paginator(self, queryset, per_page, **kwargs):
        user = self.request.user
        count = PROJECT_COUNT.count(is_staff(user), user=user)
        return CountedPaginator(queryset, per_page, count=count, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(
            queryset, page_size
        )
        # The page's rows are not read yet: the first page is read by its
        # compiled query instead (the same rows, in the same order).
        if page.number == 1:
            user = self.request.user
            rows = PROJECT_FIRST_PAGE.objects(
                (is_staff(user), page_size), user=user, size=page_size
            )
        page.object_list = rows = list(rows)
        attach_project_themes(rows)
        return paginator, page, rows, is_paginated


def _project_activities(*, user, project, key):
    """The first activities of ``project`` that ``user`` may see, newest first,
    each carrying the total (``total``).

    The total is the stored count of the facet ``key`` ("project:<slug>"), else
    (SQLite) a window count, which reads every activity of the project: no COUNT
    query of its own.
    """
    # Not through ``project.activities``: that manager would set each row's
    # project, reading its project_id, which a card does not fetch.
    total = stored_count(key, user=user) or Window(Count("pk"))
    return (
        Activity.objects.visible_to(user)
        .filter(project=project)
        .with_listing_data()
        .annotate(total=total)
        .order_by("-start_date", "slug")[:PROJECT_ACTIVITIES]
    )


# A project page's reads, compiled once per process (portal.compiled): building
# them through the ORM cost more than running them. Visibility and the stored
# counts' audience tell staff from the others only.
PROJECT_BY_SLUG = CompiledQuery(
    lambda *, user, slug: Project.objects.visible_to(user).filter(slug=slug),
    params=("slug",),
)
PROJECT_ACTIVITIES_QUERY = CompiledQuery(_project_activities, params=("project", "key"))


class ProjectDetailView(CompiledObjectMixin, VisibleToUserMixin, DetailView):
    model = Project
    listing = False
    template_name = "programme/project_detail.html"
    object_query = PROJECT_BY_SLUG

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        activities = PROJECT_ACTIVITIES_QUERY.objects(
            is_staff(user),
            user=user,
            project=self.object.pk,
            key=f"project:{self.object.slug}",
        )
        # The project's themes, regions and partners with its activities' themes.
        context.update(project_names(self.object, activities, user=user))
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


# The ledger's first page without filters, its busiest: compiled once per
# process (portal.compiled), and read as card rows (rows.ActivityCard), not as
# model instances. The list's queryset, unfiltered, in its default order.
LEDGER_FIRST_PAGE = CompiledQuery(
    lambda *, user, size: card_rows(Activity.objects.visible_to(user))[:size]
)


class ActivityListView(LedgerLinksMixin, FacetedListView):
    model = Activity
    filterset_class = ActivityFilterSet
    template_name = "programme/activity_list.html"

    def get_queryset(self):
        user = self.request.user
        return kept(
            ("ledger", is_staff(user)),
            lambda: Activity.objects.visible_to(user).with_listing_data(),
        )

    def get_facets(self, queryset) -> list:
        return activity_facets(self.filterset, user=self.request.user)

    def unfiltered(self) -> bool:
        """No filter nor sort chosen (a page number at most)."""
        filterset = self.filterset
        if not filterset.is_bound:
            return True
        return filterset.is_valid() and not any(filterset.form.cleaned_data.values())

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(
            queryset, page_size
        )
        # The page's rows are not read yet: the first page without filters is
        # read by its compiled query instead (the same rows, in the same order).
        if page.number == 1 and self.unfiltered():
            user = self.request.user
            found = LEDGER_FIRST_PAGE.rows(
                (is_staff(user), page_size), user=user, size=page_size
            )
            page.object_list = rows = [ActivityCard(row) for row in found]
        return paginator, page, rows, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The page's rows (the page object holds the same ones).
        activities = list(context["object_list"])
        attach_card_names(activities, user=self.request.user)
        context["object_list"] = activities
        context.update(self.ledger_links())
        return context


def women_share(activity: Activity) -> int | None:
    """Women as a whole percentage of participants (half up); None when unknown."""
    total, women = activity.participants, activity.women_participants
    if not total or women is None:
        return None
    return (200 * women + total) // (2 * total)


def _activity_detail(user):
    """An activity page's activity, with its host country and project."""
    return (
        Activity.objects.visible_to(user)
        .select_related("host_country")
        .with_visible_project(user)
    )


def _activity_by_slug(*, user, slug):
    return _activity_detail(user).filter(slug=slug)


def _activity_resources(*, user, activity):
    # resources sits above programme (DESIGN.md): no import of its models here.
    resource_model = apps.get_model("resources", "Resource")
    return (
        resource_model.objects.visible_to(user).filter(activities=activity).for_cards()
    )


# The detail page's reads, compiled once per process (portal.compiled): building
# them through the ORM cost more than running them. Every visibility rule here
# tells staff from the others only (PublishableQuerySet.visible_to).
ACTIVITY_BY_SLUG = CompiledQuery(_activity_by_slug, params=("slug",))
ACTIVITY_PHOTOS = CompiledQuery(
    lambda *, activity: Photo.objects.filter(activity=activity),
    params=("activity",),
)
ACTIVITY_RESOURCES = CompiledQuery(_activity_resources, params=("activity",))


class ActivityDetailView(CompiledObjectMixin, VisibleToUserMixin, DetailView):
    model = Activity
    template_name = "programme/activity_detail.html"
    object_query = ACTIVITY_BY_SLUG

    def get_queryset(self):
        # The staff preview asks by pk (portal.preview); by slug: object_query.
        return _activity_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, activity = self.request.user, self.object
        # Its themes and the partners the visitor may see, in one query.
        attach_card_names([activity], user=user)
        context["photos"] = ACTIVITY_PHOTOS.objects(None, activity=activity.pk)
        context["resources"] = ACTIVITY_RESOURCES.objects(
            is_staff(user), user=user, activity=activity.pk
        )
        context["project"] = activity.project if activity.project_visible else None
        context["women_share"] = women_share(activity)
        return context


# --- The month calendar --------------------------------------------------------------


class ActivityCalendarView(LedgerLinksMixin, TemplateView):
    """One month as a table, each day listing the activities running that day."""

    template_name = "programme/activity_calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        today = timezone.localdate()
        month, month_message = parse_month(request.GET.get("month"), today)
        weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
            month.year, month.month
        )
        grid_first, grid_last = weeks[0][0], weeks[-1][-1]
        month_last = month.replace(day=calendar.monthrange(month.year, month.month)[1])

        data = None
        if request.GET:
            # The panel carries the month shown (not a malformed one) as it is applied.
            data = request.GET.copy()
            data["month"] = f"{month:%Y-%m}"
        user = request.user
        filterset = CalendarFilterSet(
            data=data,
            queryset=kept(
                ("calendar", is_staff(user)), lambda: Activity.objects.visible_to(user)
            ),
            request=request,
        )
        # An invalid query string: the panel shows its errors, the month nothing.
        activities, facets = [], FacetList()
        if not filterset.is_bound or filterset.is_valid():
            activities, facets = self.month_activities(
                filterset, (grid_first, grid_last), (month, month_last), today
            )
        by_day = defaultdict(list)
        for entry in activities:
            # Listed on each of its days within the grid.
            day = max(entry.start_date, grid_first)
            while day <= min(entry.end_date, grid_last):
                by_day[day].append(entry)
                day += datetime.timedelta(days=1)

        query = filter_query(request.GET)
        calendar_url = reverse("programme:calendar")

        def month_url(first_day: datetime.date | None) -> str:
            if first_day is None:
                return ""
            month_query = f"month={first_day:%Y-%m}"
            return f"{calendar_url}?{month_query}" + (f"&{query}" if query else "")

        previous, following = shift(month, -1), shift(month, 1)
        context.update(self.ledger_links())
        context.update(
            {
                "filter": filterset,
                "facets": facets,
                "filter_active": any(
                    key not in ("page", "month") and values
                    for key, values in request.GET.lists()
                ),
                "month": month,
                "month_title": month_title(month),
                "month_message": month_message,
                "weekdays": weekday_names(),
                "grid": grid_markup(
                    weeks, by_day, month=month, today=today, shown_per_day=DAY_ENTRIES
                ),
                "agenda": agenda_markup(
                    [
                        entry
                        for entry in activities
                        if entry.start_date <= month_last and entry.end_date >= month
                    ]
                ),
                "previous_url": month_url(previous),
                "previous_title": month_title(previous),
                "next_url": month_url(following),
                "next_title": month_title(following),
                "this_month_url": month_url(today.replace(day=1))
                if month != today.replace(day=1)
                else "",
            }
        )
        return context

    def month_activities(self, filterset, grid, month, today):
        """The entries of the grid that pass the filters, and the month's facets.

        With the stored facet keys: one query, filtered and counted in Python
        (``month.py``); else, or in a month too crowded to read whole, in SQL.
        """
        user = self.request.user
        if facet_counts.is_supported():
            text = filterset.form.cleaned_data.get("q") if filterset.is_bound else ""
            in_grid = grid_entries(user, *grid, text=text, limit=MONTH_ROWS + 1)
            if len(in_grid) <= MONTH_ROWS:
                choice = Choice.of(filterset, today)
                in_month = [
                    entry
                    for entry in in_grid
                    if entry.start_date <= month[1] and entry.end_date >= month[0]
                ]
                counted = month_facet_rows(in_month, choice, user=user)
                facets = activity_facets(filterset, user=user, rows=counted)
                return results(in_grid, choice)[:CALENDAR_LIMIT], facets
        shown = filterset.qs.running_between(*grid).order_by(*ENTRY_ORDER)[
            :CALENDAR_LIMIT
        ]
        facets = activity_facets(
            filterset,
            user=user,
            base=Activity.objects.visible_to(user).running_between(*month),
        )
        return listed_entries(shown), facets


# --- iCal -----------------------------------------------------------------------------


def _bad_filters(filterset) -> HttpResponseBadRequest:
    errors = [
        f"{filterset.form.fields[name].label}: {' '.join(messages)}"
        for name, messages in filterset.form.errors.items()
        if name in filterset.form.fields
    ]
    text = _("These filters could not be applied:") + "\n" + "\n".join(errors) + "\n"
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")


def _feed_activities(activities, limit: int):
    """The feed's activities among ``activities``: the latest ``limit``."""
    return activities.order_by(*FEED_ORDER)[:limit]


# The feed without filters, the one calendar apps subscribe to: compiled once
# per process (portal.compiled), as the rows ``ical.events`` reads.
FEED_EVENTS = CompiledQuery(
    lambda *, since, limit: ical.event_rows(
        _feed_activities(Activity.objects.published().since(since), limit)
    ),
    params=("since",),
)


@require_safe
def activities_ics(request):
    """The published activities of the ledger's filters as an iCal feed.

    At most FEED_LIMIT events; without a year or upcoming/past filter, those
    still running or that ended within the last year.
    """
    since = timezone.localdate() - FEED_HISTORY
    if not request.GET:
        events = ical.events(
            FEED_EVENTS.rows(FEED_LIMIT, since=since, limit=FEED_LIMIT)
        )
    else:
        filterset = ActivityFilterSet(
            data=request.GET, queryset=Activity.objects.published(), request=request
        )
        if not filterset.is_valid():
            return _bad_filters(filterset)
        activities = filterset.qs
        if not filterset.limits_dates():
            activities = activities.since(since)
        events = ical.event_data(_feed_activities(activities, FEED_LIMIT))
    content = ical.build_calendar(events, request=request, name=ical.feed_name())
    return ical.calendar_response(
        content, filename=ical.feed_filename(translation.get_language())
    )


@require_safe
def activity_ics(request, slug):
    """One activity as an .ics file ("add to calendar")."""
    events = ical.event_data(
        Activity.objects.visible_to(request.user).filter(slug=slug)
    )
    if not events:
        raise Http404
    content = ical.build_calendar(events, request=request, name=ical.feed_name())
    response = ical.calendar_response(content, filename=f"{slug}.ics")
    if not events[0].is_published:
        add_never_cache_headers(response)
    return response


# --- Photo archive --------------------------------------------------------------------


# The archive's reads, compiled once per process (portal.compiled): building
# them through the ORM cost more than running them (3,000 photos count in a
# millisecond). Visibility tells staff from the others only (PhotoQuerySet).
class _Year(ExtractYear):
    """A date's year; on PostgreSQL an integer: ``EXTRACT`` gives a numeric,
    slower to compute for each of the archive's photos (0.15 ms a count)."""

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"date_part('year', {sql})::integer", params


PHOTO_YEARS = CompiledQuery(
    lambda *, user: (
        Photo.objects.visible_to(user)
        .order_by()
        .annotate(year=_Year("taken_on"))
        .values_list("year")
        .annotate(photos=Count("pk"))
    )
)
# The first page without a chosen year, its busiest: the list's queryset, in
# its default order, as rows of ``rows.PhotoCard``.
PHOTO_FIRST_PAGE = CompiledQuery(
    lambda *, user, size: photo_rows(Photo.objects.visible_to(user))[:size]
)


class PhotoListView(FacetedListView):
    model = Photo
    filterset_class = PhotoFilterSet
    paginate_by = 24
    template_name = "programme/photo_list.html"
    # Photos have no slug, and a few thousand of them: a deep page's OFFSET
    # over the ordering's index is cheap (portal.generic.CountedPaginator).
    deferred_key = ""

    def get_queryset(self):
        # Plain rows (rows.PhotoCard), not Photo instances.
        user = self.request.user
        return kept(
            ("archive", is_staff(user)),
            lambda: photo_rows(Photo.objects.visible_to(user)),
        )

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(
            queryset, page_size
        )
        # The page's rows are not read yet: the first page without a year
        # chosen is read by its compiled query instead (the same rows, in the
        # same order).
        filterset = self.filterset
        unfiltered = not filterset.is_bound or (
            filterset.is_valid() and not filterset.form.cleaned_data.get("year")
        )
        if page.number == 1 and unfiltered:
            user = self.request.user
            rows = PHOTO_FIRST_PAGE.rows(
                (is_staff(user), page_size), user=user, size=page_size
            )
        page.object_list = rows = [PhotoCard(row) for row in rows]
        return paginator, page, rows, is_paginated

    def get_facets(self, queryset) -> FacetList:
        filterset = self.filterset
        if filterset.is_bound and not filterset.is_valid():
            return FacetList()
        # Years count over every visible photo: choosing one year keeps the others.
        # One row per photo and year: a plain COUNT, and the total comes along.
        user = self.request.user
        per_year = dict(PHOTO_YEARS.rows(is_staff(user), user=user))
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
