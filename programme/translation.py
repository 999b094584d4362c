from modeltranslation.translator import TranslationOptions, register

from .models import Activity, Photo, Project


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Activity)
class ActivityTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "outcomes", "city")


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "credit")
