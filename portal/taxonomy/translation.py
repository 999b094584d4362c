from modeltranslation.translator import TranslationOptions, register

from .models import Country, Region, Theme


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru", "en")


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ru", "en")


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ru": ("name",), "en": ("name",)}
