import simple_history
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


# History is registered here, after translation, so that the historical tables
# get the translated columns (title_ru, title_en...) and keep their previous values.
simple_history.register(Project, app="programme")
simple_history.register(Activity, app="programme")
simple_history.register(Photo, app="programme")
