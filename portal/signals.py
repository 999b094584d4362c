"""Cache invalidation only: any change to content drops the visitors' page cache."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import bump_content_version

CONTENT_APPS = frozenset({"partners", "programme", "resources", "pages", "taxonomy"})


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs) -> None:
    # For m2m_changed the sender is the through model, which lives in the same app.
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.app_label in CONTENT_APPS:
        bump_content_version()
