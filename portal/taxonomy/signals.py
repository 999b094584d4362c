"""Cache invalidation only."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .choices import forget_choices
from .models import Country, Region, Theme


@receiver([post_save, post_delete], sender=Region)
@receiver([post_save, post_delete], sender=Country)
@receiver([post_save, post_delete], sender=Theme)
def taxonomy_changed(sender, **kwargs) -> None:
    forget_choices()
