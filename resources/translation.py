from modeltranslation.translator import TranslationOptions, register

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
