from django.views.generic import DetailView, ListView

from portal.generic import VisibleToUserMixin

from .models import Activity, Photo, Project


class ProjectListView(VisibleToUserMixin, ListView):
    model = Project
    paginate_by = 20
    template_name = "programme/project_list.html"


class ProjectDetailView(VisibleToUserMixin, DetailView):
    model = Project
    template_name = "programme/project_detail.html"


class ActivityListView(VisibleToUserMixin, ListView):
    model = Activity
    paginate_by = 20
    template_name = "programme/activity_list.html"


class ActivityDetailView(VisibleToUserMixin, DetailView):
    model = Activity
    template_name = "programme/activity_detail.html"


class PhotoListView(ListView):
    paginate_by = 24
    template_name = "programme/photo_list.html"

    def get_queryset(self):
        return Photo.objects.visible_to(self.request.user).select_related("activity")
