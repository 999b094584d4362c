from django.views.generic import DetailView, ListView

from portal.generic import VisibleToUserMixin

from .models import Resource


class ResourceListView(VisibleToUserMixin, ListView):
    model = Resource
    paginate_by = 20
    template_name = "resources/resource_list.html"


class ResourceDetailView(VisibleToUserMixin, DetailView):
    model = Resource
    template_name = "resources/resource_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_open"] = self.object.is_open_to(self.request.user)
        return context
