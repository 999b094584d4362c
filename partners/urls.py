from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("", views.PartnerListView.as_view(), name="list"),
    # Before the partner pages: "expertise" is not a partner's slug.
    path("expertise/", views.ExpertiseView.as_view(), name="expertise"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
]
