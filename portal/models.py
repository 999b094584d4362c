"""The site app's own tables: stored facet counts (see ``portal/facet_counts.py``)
and the workflow's review comments (see ``portal/services.py``)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Func, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FacetCount(models.Model):
    """How many rows of a list one audience sees with one facet option.

    Written only by database triggers (PostgreSQL), read by the list pages.
    """

    listing = models.CharField(_("list"), max_length=30)
    audience = models.CharField(_("audience"), max_length=10)
    # Empty: the option's count among all rows. Another option: among the rows
    # that have that one, so a list filtered by one option reads its counts too.
    given = models.CharField(_("among rows with"), max_length=250, blank=True)
    key = models.CharField(_("facet option"), max_length=250)
    count = models.IntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        ordering = ["listing", "audience", "given", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "audience", "given", "key"],
                name="portal_facetcount_once",
            ),
        ]
        indexes = [
            # The busiest options of one facet, read first (the ledger's partners
            # and projects: programme.facets), and the options of the facets a
            # list names. ``given`` is the condition's, not a column: as one, the
            # planner dropped the clause the condition implies and could not go
            # on to the facet (2.4 -> 1.5 ms for the ledger's counts).
            # PostgreSQL only (migration 0008).
            models.Index(
                F("listing"),
                F("audience"),
                Func(F("key"), Value(":"), Value(1), function="split_part"),
                F("count").desc(),
                F("key"),
                condition=Q(given=""),
                name="portal_facetcount_ranked",
            ),
        ]

    def __str__(self) -> str:
        given = f" | {self.given}" if self.given else ""
        return f"{self.listing}/{self.audience}/{self.key}{given}: {self.count}"


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


class ReviewComment(models.Model):
    """What a publisher said when returning an item to its editor (workflow).

    Kept for every publishable model through a generic relation; shown on the
    item's admin page in the order written. Written only by ``content_return``.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("kind")
    )
    object_id = models.PositiveBigIntegerField(_("item id"))
    content_object = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"],
                name="portal_review_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id}: {self.text[:50]}"

    def get_absolute_url(self) -> str:
        meta = self.content_type
        return reverse(
            f"admin:{meta.app_label}_{meta.model}_change", args=[self.object_id]
        )
