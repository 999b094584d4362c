import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Contact, Partner


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "summary", "description")


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("position",)


# History is registered here, after translation, so that the historical tables
# get the translated columns (title_ru, title_en...) and keep their previous values.
simple_history.register(Partner, app="partners")
simple_history.register(Contact, app="partners")
