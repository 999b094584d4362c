from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    label = "resources"
    verbose_name = _("Resources")

    def ready(self) -> None:
        from . import facet_listing  # noqa: F401 - registers its stored facet counts
