import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")


# History is registered here, after translation, so that the historical tables
# get the translated columns (title_ru, title_en...) and keep their previous values.
simple_history.register(Page, app="portal.pages")
