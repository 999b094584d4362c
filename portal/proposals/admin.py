"""Proposals from mission members, shown as written; moderation decides on them.

What the member wrote and who decided what stay read-only: a decision is taken
through a moderation service, not by editing the row.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from portal.admin import admin_link

from . import services
from .forms import DeclineForm
from .models import Proposal, ProposalAttachment, ProposalStatus


class AttachmentInline(admin.TabularInline):
    model = ProposalAttachment
    fields = ("download", "size", "uploaded_at")
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        url = reverse(
            "admin:proposals_proposal_attachment", args=[obj.proposal_id, obj.pk]
        )
        return format_html('<a href="{}">{}</a>', url, obj.original_name)

    @admin.display(description=_("size"))
    def size(self, obj):
        try:
            return filesizeformat(obj.file.size)
        except OSError:
            return "—"


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "kind",
        "language",
        "country",
        "submitted_by",
        "created_at",
        "status",
        "n_attachments",
    )
    list_filter = (
        "status",
        "kind",
        "language",
        ("country__region", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("country", "submitted_by")
    search_fields = (
        "title",
        "description",
        "submitted_by__email",
        "submitted_by__full_name",
        "country__name_ru",
        "country__name_en",
    )
    date_hierarchy = "created_at"
    inlines = (AttachmentInline,)
    actions = ("accept_selected", "decline_selected")
    change_form_template = "proposals/admin/change_form.html"
    fieldsets = (
        (
            _("Proposal"),
            {
                "fields": (
                    "kind",
                    "title",
                    "description",
                    "language",
                    "themes_list",
                    "regions_list",
                    "country",
                )
            },
        ),
        (_("Submitted"), {"fields": ("submitted_by", "created_at")}),
        (
            _("Decision"),
            {
                "fields": (
                    "status",
                    "decision_reason",
                    "decided_by",
                    "decided_at",
                    "result_link",
                )
            },
        ),
    )
    readonly_fields = (
        "kind",
        "title",
        "description",
        "language",
        "themes_list",
        "regions_list",
        "country",
        "submitted_by",
        "created_at",
        "status",
        # The reason is given through "decline" (which tells the member), never edited.
        "decision_reason",
        "decided_by",
        "decided_at",
        "result_link",
    )

    def has_add_permission(self, request):
        # Proposals come from mission members through the site.
        return False

    def has_moderate_permission(self, request) -> bool:
        return request.user.has_perm(services.MODERATE_PERMISSION)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/accept/",
                self.admin_site.admin_view(require_POST(self.accept_view)),
                name="proposals_proposal_accept",
            ),
            path(
                "<path:object_id>/decline/",
                self.admin_site.admin_view(self.decline_view),
                name="proposals_proposal_decline",
            ),
            path(
                "<path:object_id>/attachments/<int:attachment_id>/",
                self.admin_site.admin_view(self.attachment_view),
                name="proposals_proposal_attachment",
            ),
            *super().get_urls(),
        ]

    def attachment_view(self, request, object_id: str, attachment_id: int):
        """Moderators download what a member attached (never a public URL)."""
        proposal = self.get_object(request, unquote(object_id))
        if proposal is None:
            raise Http404
        if not self.has_view_or_change_permission(request, proposal):
            raise PermissionDenied
        attachment = get_object_or_404(proposal.attachments, pk=attachment_id)
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
        )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(attachment_count=Count("attachments"))
        )

    @admin.display(description=_("attachments"), ordering="attachment_count")
    def n_attachments(self, obj):
        return obj.attachment_count

    @admin.display(description=_("themes"))
    def themes_list(self, obj):
        return ", ".join(str(theme) for theme in obj.themes.all()) or "—"

    @admin.display(description=_("regions"))
    def regions_list(self, obj):
        return ", ".join(str(region) for region in obj.regions.all()) or "—"

    @admin.display(description=_("result"))
    def result_link(self, obj):
        return admin_link(obj.result) if obj.result_id else "—"

    # --- decisions: every path calls the services, which check the permission ---

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_moderate"] = (
            obj is not None
            and obj.status == ProposalStatus.SUBMITTED
            and self.has_moderate_permission(request)
        )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def _proposal_or_404(self, request, object_id: str) -> Proposal:
        proposal = self.get_object(request, unquote(object_id))
        if proposal is None:
            raise Http404
        return proposal

    def _change_url(self, proposal: Proposal) -> str:
        return reverse("admin:proposals_proposal_change", args=[proposal.pk])

    def accept_view(self, request, object_id: str):
        proposal = self._proposal_or_404(request, object_id)
        try:
            result = services.proposal_accept(proposal=proposal, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                format_html(
                    "{} {}",
                    gettext("Accepted; the draft to complete and publish:"),
                    admin_link(result),
                ),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self._change_url(proposal))

    def decline_view(self, request, object_id: str):
        proposal = self._proposal_or_404(request, object_id)
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        form = DeclineForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.proposal_decline(
                    proposal=proposal,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("Declined; the member has been told the reason."),
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(self._change_url(proposal))
        return self._decline_page(request, [proposal], form, action=None)

    def _decline_page(self, request, proposals, form, action):
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Decline proposals"),
            "opts": self.model._meta,
            "proposals": proposals,
            "form": form,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "proposals/admin/decline.html", context)

    def _report(self, request, done: int, done_message: str, problems: list[str]):
        if done:
            self.message_user(request, done_message % {"count": done}, messages.SUCCESS)
        for problem in problems:
            self.message_user(request, problem, messages.WARNING)

    @admin.action(
        description=_("Accept the selected proposals"), permissions=["moderate"]
    )
    def accept_selected(self, request, queryset):
        done, problems = 0, []
        for proposal in queryset:
            try:
                services.proposal_accept(proposal=proposal, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                problems.append(_problem(proposal, error))
            else:
                done += 1
        self._report(
            request,
            done,
            ngettext(
                "%(count)d proposal accepted; its draft waits in the content lists.",
                "%(count)d proposals accepted; their drafts wait in the content lists.",
                done,
            ),
            problems,
        )

    @admin.action(
        description=_("Decline the selected proposals…"), permissions=["moderate"]
    )
    def decline_selected(self, request, queryset):
        form = DeclineForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            done, problems = 0, []
            for proposal in queryset:
                try:
                    services.proposal_decline(
                        proposal=proposal,
                        by=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                except (ValidationError, PermissionDenied) as error:
                    problems.append(_problem(proposal, error))
                else:
                    done += 1
            self._report(
                request,
                done,
                ngettext(
                    "%(count)d proposal declined; the member has been told the reason.",
                    "%(count)d proposals declined; the members have been told the reason.",
                    done,
                ),
                problems,
            )
            return None
        return self._decline_page(
            request, list(queryset), form, action="decline_selected"
        )


def _problem(proposal: Proposal, error: Exception) -> str:
    if isinstance(error, PermissionDenied):
        return gettext("“%(title)s”: you may not decide on proposals.") % {
            "title": proposal.title
        }
    return " ".join(error.messages)
