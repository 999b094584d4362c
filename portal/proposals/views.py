from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, ListView

from . import services
from .forms import ProposalForm
from .models import Proposal, can_propose


@method_decorator(never_cache, name="dispatch")
class ProposerMixin:
    """Mission members and staff; others: sign in (anonymous) or 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_propose(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProposalListView(ProposerMixin, ListView):
    template_name = "proposals/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = 25

    def get_queryset(self):
        return Proposal.objects.submitted_by(self.request.user).with_listing_data()


class ProposalCreateView(ProposerMixin, FormView):
    template_name = "proposals/proposal_form.html"
    form_class = ProposalForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            services.proposal_submit(by=self.request.user, **form.submission())
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Thank you: your proposal was sent. The programme team will reply here."),
        )
        return redirect("proposals:list")
