from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project_list"),
    path(
        "projects/<slug:slug>/",
        views.ProjectDetailView.as_view(),
        name="project_detail",
    ),
    path("activities/", views.ActivityListView.as_view(), name="activity_list"),
    path(
        "activities/<slug:slug>/",
        views.ActivityDetailView.as_view(),
        name="activity_detail",
    ),
    path("photos/", views.PhotoListView.as_view(), name="photos"),
]
