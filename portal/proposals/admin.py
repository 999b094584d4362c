"""Proposals from mission members, shown as written; moderation decides on them.

What the member wrote and who decided what stay read-only: a decision is taken
through a moderation service, not by editing the row.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.admin import admin_link

from .models import Proposal, ProposalAttachment


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
        "decided_by",
        "decided_at",
        "result_link",
    )

    def has_add_permission(self, request):
        # Proposals come from mission members through the site.
        return False

    def get_urls(self):
        return [
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
