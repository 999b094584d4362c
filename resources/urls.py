from django.urls import path

from portal.cache import for_visitors

from . import views

app_name = "resources"

urlpatterns = [
    path("", for_visitors(views.ResourceListView.as_view()), name="list"),
    path(
        "<slug:slug>/", for_visitors(views.ResourceDetailView.as_view()), name="detail"
    ),
    path(
        "<slug:slug>/download/<slug:doc_lang>/",
        views.download,
        name="download",
    ),
]
