from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.publishing import Publishable, PublishableQuerySet
from portal.richtext import RichTextField


class PageQuerySet(PublishableQuerySet):
    def in_menu(self) -> PageQuerySet:
        return self.published().filter(show_in_menu=True).order_by("menu_order", "slug")


class Page(Publishable):
    """A page of prose about the programme: about, how to take part, ..."""

    required_translated_fields = ("title", "body")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    menu_order = models.PositiveSmallIntegerField(_("menu order"), default=0)
    show_in_menu = models.BooleanField(_("show in menu"), default=False)

    objects = PageQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["menu_order", "slug"]
        permissions = [("publish_page", _("Can publish pages"))]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        if self.slug == "about":
            return reverse("pages:about")
        return reverse("pages:detail", kwargs={"slug": self.slug})
