"""Cache invalidation only: the menu of pages is cached per language."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Page


def menu_cache_key(language: str) -> str:
    return f"portal:menu-pages:{language}"


@receiver([post_save, post_delete], sender=Page)
def forget_menu(sender, **kwargs) -> None:
    cache.delete_many([menu_cache_key(code) for code, _name in settings.LANGUAGES])
