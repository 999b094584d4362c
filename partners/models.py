"""Partners of the programme and their focal points."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.translation import gettext_lazy as _

from portal.links import slug_url
from portal.publishing import (
    Publishable,
    PublishableQuerySet,
    Status,
    translated_sort_key,
)
from portal.richtext import RichTextField
from portal.storage import GeneratedFileName
from portal.taxonomy.models import Theme
from portal.uploads import CheckedImageField


def _provided_on_theme(theme, key: str) -> Subquery:
    """The published exchanges on ``theme`` that the outer partner provided.

    On PostgreSQL the stored counts of the exchange ledger hold exactly that: the
    provider's count among the activities with the theme (the theme is a paired
    facet). Elsewhere they are counted, per partner in a subquery: grouping the
    partners' wide rows by their exchange rows would sort megabytes.
    """
    from portal import facet_counts
    from portal.models import FacetCount

    if facet_counts.is_supported():
        if key:  # the theme's slug
            slug = Value(theme)
        else:  # a Theme, its id or a compiled query's Param for the id
            themes = Theme.objects.filter(pk=getattr(theme, "pk", theme))
            slug = Subquery(themes.values("slug"))
        stored = FacetCount.objects.filter(
            listing="activities",
            audience=facet_counts.PUBLIC,
            given=Concat(Value("theme:"), slug),
            key=Concat(Value("provider:"), OuterRef("slug")),
        )
        return Subquery(stored.values("count")[:1])
    # One row per (partner, activity) and per (activity, theme): count(*).
    provided = (
        Partner.activities_provided.through.objects.filter(
            partner_id=OuterRef("pk"),
            activity__status=Status.PUBLISHED,
            **{f"activity__themes{key}": theme},
        )
        .order_by()
        .values("partner_id")
        .annotate(exchanges=Count("*"))
        .values("exchanges")
    )
    return Subquery(provided)


class PartnerKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member state")
    REGIONAL_ORGANISATION = "regional_org", _("Regional organisation")
    INTERNATIONAL_ORGANISATION = "international_org", _("International organisation")
    UN_ENTITY = "un_entity", _("UN entity")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


# Labels of the kinds, looked up per card (see Partner.get_kind_display).
KIND_LABELS = dict(PartnerKind.choices)
# The columns a partner card shows (partners/templatetags/partner_tags.py).
CARD_FIELDS = (
    "slug",
    "status",
    "kind",
    "name_ru",
    "name_en",
    "acronym_ru",
    "acronym_en",
    "summary_ru",
    "summary_en",
    "logo",
    "since",
    "country__name_ru",
    "country__name_en",
)


class PartnerQuerySet(PublishableQuerySet):
    def with_listing_data(self) -> PartnerQuerySet:
        return self.select_related("country", "region").prefetch_related(
            "offers", "seeks"
        )

    def for_directory(self) -> PartnerQuerySet:
        """What a directory card shows, and only that: its texts and country (not
        the long description, read for two dozen cards). The themes it offers:
        ``partners.directory.attach_listed_offers``."""
        return self.select_related("country").only(*CARD_FIELDS)

    def with_exchange_counts(self, *, staff: bool = True) -> PartnerQuerySet:
        """``exchanges_provided`` and ``exchanges_received``: how many exchanges
        it provided and received, among those ``staff`` see (in any status), or
        among the published ones. Its size, cheaply.

        On PostgreSQL the stored counts of the exchange ledger hold exactly that
        (the provider and beneficiary facets, per audience): two index look-ups
        rather than counting a busy partner's thousands of links (0.3 ms on the
        bench's busiest). Elsewhere they are counted.
        """
        from portal import facet_counts
        from portal.models import FacetCount

        counts = {}
        for name, facet, through in (
            ("exchanges_provided", "provider", Partner.activities_provided.through),
            ("exchanges_received", "beneficiary", Partner.activities_received.through),
        ):
            if facet_counts.is_supported():
                counted = FacetCount.objects.filter(
                    listing="activities",
                    audience=facet_counts.STAFF if staff else facet_counts.PUBLIC,
                    given="",
                    key=Concat(Value(f"{facet}:"), OuterRef("slug")),
                ).values("count")[:1]
            else:
                links = through.objects.filter(partner_id=OuterRef("pk"))
                if not staff:
                    links = links.filter(activity__status=Status.PUBLISHED)
                counted = (
                    links.order_by()
                    .values("partner_id")
                    .annotate(rows=Count("*"))
                    .values("rows")
                )
            counts[name] = Coalesce(Subquery(counted), 0)
        return self.annotate(**counts)

    def alphabetical(self, language: str | None = None) -> PartnerQuerySet:
        """A to Z by the name shown in ``language`` (the active one by default)."""
        return self.order_by(translated_sort_key("name", language).asc(), "pk")

    def recently_updated(self) -> PartnerQuerySet:
        return self.order_by("-updated_at", "-pk")

    def search_names(self, text: str) -> PartnerQuerySet:
        """Name or acronym in either language contains ``text``."""
        text = text.strip()
        if not text:
            return self
        condition = Q()
        for code, _name in settings.LANGUAGES:
            condition |= Q(**{f"name_{code}__icontains": text})
            condition |= Q(**{f"acronym_{code}__icontains": text})
        return self.filter(condition)

    def offering(
        self, theme: Theme | int | str, region_slug: str | None = None
    ) -> PartnerQuerySet:
        """Published partners offering a theme (a Theme, its id or its slug),
        those with most exchanges on it first.

        ``exchange_count``: the published exchanges on that theme the partner
        provided. Within a count, A to Z.
        """
        # A Theme or an id (or a compiled query's Param for it) spares joining the
        # themes table in the per-partner count.
        key = "__slug" if isinstance(theme, str) else ""
        partners = self.published().filter(**{f"offers{key}": theme})
        if region_slug:
            partners = partners.filter(region__slug=region_slug)
        return partners.annotate(
            exchange_count=Coalesce(_provided_on_theme(theme, key), 0)
        ).order_by("-exchange_count", translated_sort_key("name").asc(), "pk")

    def offering_any(self, themes) -> PartnerQuerySet:
        """Partners offering any of ``themes`` (ids or a Theme queryset).

        ``matches``: how many of them each offers; most matches first, then A to Z.
        """
        # The filter comes first, so the count sees only the matching themes.
        return (
            self.filter(offers__in=themes)
            .annotate(matches=Count("offers", distinct=True))
            .order_by("-matches", translated_sort_key("name").asc(), "pk")
        )

    def seeking_any(self, themes) -> PartnerQuerySet:
        """Partners seeking any of ``themes``; ``matches`` as in ``offering_any``."""
        return (
            self.filter(seeks__in=themes)
            .annotate(matches=Count("seeks", distinct=True))
            .order_by("-matches", translated_sort_key("name").asc(), "pk")
        )

    def able_to_help(self, partner: Partner, sought=None) -> PartnerQuerySet:
        """Published partners offering what ``partner`` seeks, itself excluded.

        ``sought``: those themes (or their ids), when the caller has them already.
        """
        if sought is None:
            sought = partner.seeks.values("pk")
        return self.published().exclude(pk=partner.pk).offering_any(sought)

    def seeking_offers_of(self, partner: Partner, offered=None) -> PartnerQuerySet:
        """Published partners seeking what ``partner`` offers, itself excluded.

        ``offered``: those themes (or their ids), when the caller has them already.
        """
        if offered is None:
            offered = partner.offers.values("pk")
        return self.published().exclude(pk=partner.pk).seeking_any(offered)


class Partner(Publishable):
    required_translated_fields = ("name", "summary")

    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"), blank=True)
    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    region = models.ForeignKey(
        "taxonomy.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    website = models.URLField(_("website"), blank=True)
    # Content checked and re-encoded (portal/uploads); the stored name is generated.
    logo = CheckedImageField(
        _("logo"), upload_to=GeneratedFileName("partners/logos"), blank=True
    )
    offers = models.ManyToManyField(
        "taxonomy.Theme",
        verbose_name=_("expertise offered"),
        blank=True,
        related_name="offered_by",
    )
    seeks = models.ManyToManyField(
        "taxonomy.Theme",
        verbose_name=_("expertise sought"),
        blank=True,
        related_name="sought_by",
    )
    since = models.PositiveSmallIntegerField(
        _("partner since (year)"), null=True, blank=True
    )

    objects = PartnerQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        permissions = [("publish_partner", _("Can publish partners"))]
        # The directory A to Z in each language (``alphabetical``): a page reads
        # two dozen index entries instead of sorting every partner by its name.
        indexes = [
            models.Index(
                translated_sort_key("name", code),
                "id",
                condition=models.Q(status=Status.PUBLISHED),
                name=f"partners_listed_{code}",
            )
            for code in ("ru", "en")
        ] + [
            # The home page's newest partners: six entries instead of sorting all.
            models.Index(
                models.F("published_at").desc(),
                models.F("id").desc(),
                condition=models.Q(status=Status.PUBLISHED),
                name="partners_latest_published",
            ),
            # "Find expertise" ranks a theme's partners by their count and name
            # (``partners.expertise``) and a page's recommendations read and sort
            # hundreds (``partners.matching``): from here, not their wide rows.
            # Key columns, not INCLUDE, which SQLite lacks (models.W040).
            models.Index(
                fields=["id", "slug", "kind", "name_ru", "name_en", "country_id"],
                condition=models.Q(status=Status.PUBLISHED),
                name="partners_offering",
            ),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(since__isnull=True)
                | models.Q(since__gte=1945, since__lte=2100),
                name="partners_partner_since_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.slug

    def get_absolute_url(self) -> str:
        return slug_url("partners:detail", self.slug)

    def get_kind_display(self) -> str:
        # Django's own rebuilds a dict of every choice per call; lists call it per
        # card.
        return str(KIND_LABELS.get(self.kind, self.kind))

    @property
    def title(self) -> str:
        """Partners have a name; lists, feeds and mails ask every item for a title."""
        return self.name


class Contact(models.Model):
    """A focal point of a partner: seen by mission members and staff only."""

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["-is_primary", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner"],
                condition=models.Q(is_primary=True),
                name="partners_contact_one_primary",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.partner.get_absolute_url()
