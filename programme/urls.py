from django.urls import path

from portal.cache import for_visitors

from . import views

app_name = "programme"

urlpatterns = [
    path("", for_visitors(views.ProjectListView.as_view()), name="project_list"),
    path(
        "projects/<slug:slug>/",
        for_visitors(views.ProjectDetailView.as_view()),
        name="project_detail",
    ),
    path(
        "activities/",
        for_visitors(views.ActivityListView.as_view()),
        name="activity_list",
    ),
    path("activities.ics", for_visitors(views.activities_ics), name="activities_ics"),
    path(
        "activities/<slug:slug>/",
        for_visitors(views.ActivityDetailView.as_view()),
        name="activity_detail",
    ),
    path(
        "activities/<slug:slug>.ics",
        for_visitors(views.activity_ics),
        name="activity_ics",
    ),
    path(
        "calendar/", for_visitors(views.ActivityCalendarView.as_view()), name="calendar"
    ),
    path("photos/", for_visitors(views.PhotoListView.as_view()), name="photos"),
]
