import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Resource


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "document", "url", "publisher")


# History is registered here, after translation, so that the historical tables
# get the translated columns (title_ru, title_en...) and keep their previous values.
# The download counter changes without an editor: not a change worth a version.
simple_history.register(Resource, app="resources", excluded_fields=["downloads"])
