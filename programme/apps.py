from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "programme"
    label = "programme"
    verbose_name = _("Programme")

    def ready(self) -> None:
        from . import facet_listing  # noqa: F401 - registers its stored facet counts
