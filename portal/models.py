"""The site app's own tables: stored facet counts (see ``portal/facet_counts.py``)."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
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


class FacetRow(models.Model):
    """One row of a list as its facets see it: who sees it and its option keys.

    Written only by database triggers, and only on PostgreSQL (the table exists
    there alone). Narrow and GIN-indexed, so a filtered list counts its options
    without reading the wide content rows.
    """

    pk = models.CompositePrimaryKey("listing", "object_id")
    listing = models.CharField(max_length=30)
    object_id = models.BigIntegerField()
    public = models.BooleanField()
    keys = ArrayField(models.TextField())

    class Meta:
        indexes = [GinIndex(fields=["keys"], name="portal_facetrow_keys")]

    def __str__(self) -> str:
        return f"{self.listing} #{self.object_id}"
