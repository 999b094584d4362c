from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.admin import (
    PUBLISHING_FIELDSET,
    RECORD_FIELDSET,
    LanguagesFilter,
    PrivateFilesAdmin,
    PublishableAdmin,
)
from portal.admin_history import HistoryAdmin
from portal.imports.admin import SpreadsheetImportExportMixin

from .models import Resource
from .resources_io import ResourceSheet


@admin.register(Resource)
class ResourceAdmin(
    SpreadsheetImportExportMixin, HistoryAdmin, PrivateFilesAdmin, PublishableAdmin
):
    resource_classes = [ResourceSheet]
    private_file_fields = ("document",)
    list_display = (
        "title",
        "kind",
        "access",
        "published_on",
        "documents",
        "downloads",
        "status",
        "languages",
    )
    list_filter = (
        "status",
        LanguagesFilter,
        "kind",
        "access",
        ("themes", admin.RelatedOnlyFieldListFilter),
        ("regions", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = (
        "title_ru",
        "title_en",
        "summary_ru",
        "summary_en",
        "publisher_ru",
        "publisher_en",
        "slug",
    )
    autocomplete_fields = ("themes", "regions", "countries", "activities")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "published_on"
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "body")}),
        (
            _("Document and link"),
            {"fields": ("document", "url", "published_on", "publisher", "access")},
        ),
        (_("Related"), {"fields": ("themes", "regions", "countries", "activities")}),
        PUBLISHING_FIELDSET,
        (_("Use"), {"fields": ("downloads",)}),
        RECORD_FIELDSET,
    )

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "downloads"]

    @admin.display(description=_("documents"))
    def documents(self, obj: Resource) -> str:
        """The languages this resource has a file in, e.g. "RU EN"."""
        return " ".join(code.upper() for code in obj.document_languages()) or "—"
