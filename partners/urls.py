from django.urls import path

from portal.cache import for_visitors

from . import views

app_name = "partners"

urlpatterns = [
    path("", for_visitors(views.PartnerListView.as_view()), name="list"),
    # Before the partner pages: "expertise" is not a partner's slug.
    path("expertise/", for_visitors(views.ExpertiseView.as_view()), name="expertise"),
    path(
        "<slug:slug>/", for_visitors(views.PartnerDetailView.as_view()), name="detail"
    ),
]
