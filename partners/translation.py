from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Partner


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "summary", "description")


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("position",)
