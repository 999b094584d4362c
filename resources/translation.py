import simple_history
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from .models import Resource


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    # document_text is the text extracted from each language's document.
    fields = (
        "title",
        "summary",
        "body",
        "document",
        "url",
        "publisher",
        "document_text",
    )


# History is registered here, after translation, so that the historical tables
# get the translated columns (title_ru, title_en...) and keep their previous values.
# Computed columns nobody edits: the extracted text is large and the counter and the
# search vector change without an editor.
simple_history.register(
    Resource,
    app="resources",
    excluded_fields=[
        "search_vector",
        "downloads",
        "document_text",
        *(
            build_localized_fieldname("document_text", code)
            for code in AVAILABLE_LANGUAGES
        ),
    ],
)
