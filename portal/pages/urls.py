from django.urls import path

from portal.cache import for_visitors

from . import views

app_name = "pages"

urlpatterns = [
    path("about/", for_visitors(views.AboutView.as_view()), name="about"),
    path(
        "pages/<slug:slug>/",
        for_visitors(views.PageDetailView.as_view()),
        name="detail",
    ),
]
