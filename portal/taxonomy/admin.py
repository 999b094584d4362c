from django.contrib import admin

from portal.admin import LanguagesFilter, TranslatedAdmin

from .models import Country, Region, Theme


@admin.register(Region)
class RegionAdmin(TranslatedAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_ru", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Country)
class CountryAdmin(TranslatedAdmin):
    list_display = ("name", "iso3", "iso2", "region", "un_member")
    list_filter = ("region", "un_member")
    list_select_related = ("region",)
    search_fields = ("name_ru", "name_en", "iso3", "iso2")
    autocomplete_fields = ("region",)


@admin.register(Theme)
class ThemeAdmin(TranslatedAdmin):
    required_translated_fields = ("name", "description")
    list_display = ("name", "slug", "parent", "order", "languages")
    list_filter = (LanguagesFilter, ("parent", admin.EmptyFieldListFilter))
    list_select_related = ("parent",)
    search_fields = ("name_ru", "name_en", "slug")
    autocomplete_fields = ("parent",)
    prepopulated_fields = {"slug": ("name_en",)}
