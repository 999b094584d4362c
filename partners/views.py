from django.views.generic import DetailView, ListView

from portal.generic import VisibleToUserMixin

from .models import Partner


class PartnerListView(VisibleToUserMixin, ListView):
    model = Partner
    paginate_by = 24
    template_name = "partners/partner_list.html"


class PartnerDetailView(VisibleToUserMixin, DetailView):
    model = Partner
    template_name = "partners/partner_detail.html"
