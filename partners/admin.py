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
)
from portal.admin_history import HistoryAdmin
from portal.imports.admin import SpreadsheetImportExportMixin

from .models import Contact, Partner
from .resources_io import PartnerSheet


class ContactInline(TranslationTabularInline):
    model = Contact
    fields = ("name", "position", "email", "phone", "is_primary")
    extra = 0


@admin.register(Partner)
class PartnerAdmin(SpreadsheetImportExportMixin, HistoryAdmin, PublishableAdmin):
    resource_classes = [PartnerSheet]
    list_display = (
        "name",
        "acronym",
        "kind",
        "country",
        "region",
        "status",
        "languages",
        "updated_at",
    )
    list_display_links = ("name",)
    list_filter = (
        "status",
        LanguagesFilter,
        "kind",
        "region",
        ("offers", admin.RelatedOnlyFieldListFilter),
        ("seeks", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("country", "region")
    search_fields = (
        "name_ru",
        "name_en",
        "acronym_ru",
        "acronym_en",
        "slug",
        "country__name_ru",
        "country__name_en",
    )
    autocomplete_fields = ("country", "region", "offers", "seeks")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = (ContactInline,)
    fieldsets = (
        (
            None,
            {"fields": ("kind", "name", "slug", "acronym", "summary", "description")},
        ),
        (
            _("Where and since when"),
            {"fields": ("country", "region", "website", "logo", "since")},
        ),
        (_("Expertise"), {"fields": ("offers", "seeks")}),
        PUBLISHING_FIELDSET,
        RECORD_FIELDSET,
    )


@admin.register(Contact)
class ContactAdmin(PartOfPublishableAdmin, HistoryAdmin, TranslatedAdmin):
    """Focal points across partners; usually edited inline in their partner."""

    parent_field = "partner"

    list_display = ("name", "partner", "position", "email", "phone", "is_primary")
    list_filter = ("is_primary", "partner__kind")
    list_select_related = ("partner",)
    search_fields = (
        "name",
        "email",
        "position_ru",
        "position_en",
        "partner__name_ru",
        "partner__name_en",
    )
    autocomplete_fields = ("partner",)
