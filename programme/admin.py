from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from portal.admin import (
    PUBLISHING_FIELDSET,
    RECORD_FIELDSET,
    LanguagesFilter,
    PartOfPublishableAdmin,
    PublishableAdmin,
    TranslatedAdmin,
    thumbnail,
)
from portal.admin_history import HistoryAdmin
from portal.imports.admin import SpreadsheetImportExportMixin

from .models import Activity, Photo, Project
from .resources_io import ActivitySheet


@admin.register(Project)
class ProjectAdmin(HistoryAdmin, PublishableAdmin):
    list_display = ("title", "start_date", "end_date", "status", "languages")
    list_filter = ("status", LanguagesFilter, "regions", "themes")
    search_fields = ("title_ru", "title_en", "summary_ru", "summary_en", "slug")
    autocomplete_fields = ("themes", "regions", "partners")
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (
            _("Scope"),
            {"fields": ("start_date", "end_date", "themes", "regions", "partners")},
        ),
        PUBLISHING_FIELDSET,
        RECORD_FIELDSET,
    )


class PhotoInline(TranslationTabularInline):
    model = Photo
    fields = ("preview", "image", "caption", "credit", "taken_on")
    readonly_fields = ("preview",)
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image)


@admin.register(Activity)
class ActivityAdmin(SpreadsheetImportExportMixin, HistoryAdmin, PublishableAdmin):
    resource_classes = [ActivitySheet]
    list_display = (
        "title",
        "kind",
        "start_date",
        "end_date",
        "format",
        "host_country",
        "project",
        "status",
        "languages",
    )
    list_filter = (
        "status",
        LanguagesFilter,
        "kind",
        "format",
        ("host_country__region", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
        ("project", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("host_country", "project")
    search_fields = (
        "title_ru",
        "title_en",
        "city_ru",
        "city_en",
        "slug",
        "host_country__name_ru",
        "host_country__name_en",
    )
    autocomplete_fields = (
        "project",
        "host_country",
        "providers",
        "beneficiaries",
        "themes",
    )
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "start_date"
    inlines = (PhotoInline,)
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "summary", "body", "outcomes")}),
        (
            _("When and where"),
            {"fields": ("start_date", "end_date", "format", "city", "host_country")},
        ),
        (
            _("Who and what"),
            {
                "fields": (
                    "project",
                    "providers",
                    "beneficiaries",
                    "themes",
                    "participants",
                    "women_participants",
                )
            },
        ),
        PUBLISHING_FIELDSET,
        RECORD_FIELDSET,
    )


@admin.register(Photo)
class PhotoAdmin(PartOfPublishableAdmin, HistoryAdmin, TranslatedAdmin):
    """The photo archive: photos of activities and of the programme in general."""

    parent_field = "activity"

    required_translated_fields = ("caption",)
    list_display = ("preview", "caption", "activity", "taken_on", "languages")
    list_display_links = ("preview", "caption")
    list_filter = (LanguagesFilter, ("activity", admin.EmptyFieldListFilter))
    list_select_related = ("activity",)
    search_fields = (
        "caption_ru",
        "caption_en",
        "credit_ru",
        "credit_en",
        "activity__title_ru",
        "activity__title_en",
    )
    autocomplete_fields = ("activity",)
    date_hierarchy = "taken_on"
    fields = ("image", "preview", "caption", "credit", "taken_on", "activity")
    readonly_fields = ("preview",)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image)
