from django.contrib import admin

from portal.admin import (
    PUBLISHING_FIELDSET,
    RECORD_FIELDSET,
    LanguagesFilter,
    PublishableAdmin,
)
from portal.admin_history import HistoryAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(HistoryAdmin, PublishableAdmin):
    list_display = (
        "title",
        "slug",
        "menu_order",
        "show_in_menu",
        "status",
        "languages",
    )
    list_filter = ("status", LanguagesFilter, "show_in_menu")
    search_fields = ("title_ru", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (None, {"fields": ("menu_order", "show_in_menu")}),
        PUBLISHING_FIELDSET,
        RECORD_FIELDSET,
    )
