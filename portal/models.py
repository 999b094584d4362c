"""The site app's own table: stored facet counts (see ``portal/facet_counts.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FacetCount(models.Model):
    """How many rows of a list one audience sees with one facet option.

    Written only by database triggers (PostgreSQL), read by the list pages.
    """

    listing = models.CharField(_("list"), max_length=30)
    audience = models.CharField(_("audience"), max_length=10)
    key = models.CharField(_("facet option"), max_length=250)
    count = models.IntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        ordering = ["listing", "audience", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "audience", "key"], name="portal_facetcount_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.listing}/{self.audience}/{self.key}: {self.count}"
