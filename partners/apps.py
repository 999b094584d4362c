from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    label = "partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from . import facet_listing  # noqa: F401 - registers its stored facet counts
