from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.compiled import CompiledQuery
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
        return page_url(self.slug)


# Every page of the site shows the menu: its query is compiled once per process.
MENU_ROWS = CompiledQuery(
    lambda: Page.objects.in_menu().values_list(
        "slug", *(f"title_{code}" for code, _name in settings.LANGUAGES)
    )
)


def menu_entries() -> list[dict[str, str]]:
    """Slug, title, the title's language and URL of each page in the menu.

    Plain rows, not pages: the menu shows only titles.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    current = translation.get_language()
    # The page's language first, then the others: modeltranslation's fallback.
    order = sorted(range(len(codes)), key=lambda index: codes[index] != current)
    entries = []
    for slug, *titles in MENU_ROWS.rows(None):
        shown = next((i for i in order if (titles[i] or "").strip()), order[0])
        entries.append(
            {
                "slug": slug,
                "title": titles[shown] or "",
                "lang": codes[shown],
                "url": page_url(slug),
            }
        )
    return entries


def page_url(slug: str) -> str:
    """The about page has an address of its own; the others share one pattern."""
    if slug == "about":
        return reverse("pages:about")
    return reverse("pages:detail", kwargs={"slug": slug})
