from django.views.generic import DetailView

from portal.generic import VisibleToUserMixin

from .models import Page


class PageDetailView(VisibleToUserMixin, DetailView):
    model = Page
    template_name = "pages/page_detail.html"


class AboutView(PageDetailView):
    def get_object(self, queryset=None):
        self.kwargs["slug"] = "about"
        return super().get_object(queryset)
