"""The partners directory, a partner's page and "find expertise"."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from portal import facet_counts
from portal.accounts.models import can_see_restricted
from portal.facet_counts import TOTAL
from portal.facets import FacetList, build_facet, count_by, selected_values
from portal.generic import FacetedListView, VisibleToUserMixin
from portal.taxonomy.choices import country_choices, region_choices, theme_choices
from portal.taxonomy.models import Theme

from .facet_listing import PARTNERS
from .filters import ExpertiseForm, PartnerFilterSet
from .models import Partner, PartnerKind

# The directory's filters (sorting and paging aside).
FACET_PARAMETERS = ("q", "kind", "region", "country", "offers", "seeks")
# Exchanges and resources of a partner page, and matches shown per list.
RELATED_LIMIT = 10
RECOMMENDATIONS = 6
EXCHANGES_PER_MATCH = 3
PARTNER_LONG_TEXT = ("description", "description_ru", "description_en")
ACTIVITY_LONG_TEXT = (
    "body",
    "body_ru",
    "body_en",
    "outcomes",
    "outcomes_ru",
    "outcomes_en",
)
RESOURCE_LONG_TEXT = ("body", "body_ru", "body_en")


def _activity_model():
    # programme imports partners, never the other way round (see DESIGN.md).
    return apps.get_model("programme", "Activity")


def _resource_model():
    # resources imports programme and partners, never the other way round.
    return apps.get_model("resources", "Resource")


class PartnerListView(FacetedListView):
    model = Partner
    filterset_class = PartnerFilterSet
    paginate_by = 24
    template_name = "partners/partner_list.html"

    def get_queryset(self):
        return (
            Partner.objects.visible_to(self.request.user).for_directory().alphabetical()
        )

    def get_facets(self, queryset) -> FacetList:
        filterset = self.filterset
        if filterset.is_bound and not filterset.is_valid():
            return FacetList()
        counts = self.facet_counts(queryset)
        facets = [
            ("kind", _("Kind"), PartnerKind.choices),
            ("region", _("Region"), region_choices()),
            ("country", _("Country"), country_choices()),
            ("offers", _("Offers expertise in"), theme_choices()),
            ("seeks", _("Seeks expertise in"), theme_choices()),
        ]
        return FacetList(
            (
                build_facet(
                    name=name,
                    label=label,
                    choices=choices,
                    counts=counts.get(name, {}),
                    selected=selected_values(self.request.GET, name),
                )
                for name, label, choices in facets
            ),
            total=counts.get(TOTAL, {}).get("", 0),
        )

    def facet_counts(self, queryset) -> dict[str, dict[str, int]]:
        """Counts of the options among the matching partners, and their number.

        Unfiltered on PostgreSQL: the stored counts. Otherwise counted on a fresh
        query over the matching ids, so that a theme filter's join does not
        restrict the counts of the other themes to the chosen ones.
        """
        user = self.request.user
        chosen = self.filterset.is_bound and any(
            self.filterset.form.cleaned_data.get(name) for name in FACET_PARAMETERS
        )
        if not chosen and facet_counts.is_supported():
            staff = bool(user.is_authenticated and user.is_staff)
            return facet_counts.stored_counts(PARTNERS, staff=staff)
        matching = Partner.objects.filter(pk__in=queryset.order_by().values("pk"))
        counts = count_single_valued(
            matching, ["kind", "region__slug", "country__iso3"]
        )
        return {
            TOTAL: {"": matching.count()},
            "kind": counts["kind"],
            "region": counts["region__slug"],
            "country": counts["country__iso3"],
            "offers": count_by(matching, "offers__slug"),
            "seeks": count_by(matching, "seeks__slug"),
        }


def count_single_valued(queryset, lookups: list[str]) -> dict[str, dict[str, int]]:
    """``count_by`` for several lookups of one value per row, in one query.

    Grouping by all of them at once gives each row exactly one group, so the sums
    per value are the same as separate counts (one query instead of one each).
    """
    counts: dict[str, dict[str, int]] = {lookup: {} for lookup in lookups}
    rows = queryset.order_by().values_list(*lookups).annotate(rows=Count("pk"))
    for *values, number in rows:
        for lookup, value in zip(lookups, values, strict=True):
            if value is not None:
                key = str(value)
                counts[lookup][key] = counts[lookup].get(key, 0) + number
    return counts


def partner_themes(partner: Partner) -> tuple[list[Theme], list[Theme]]:
    """The themes a partner offers and those it seeks, in one query."""
    offered = Partner.offers.through.objects.filter(
        partner_id=partner.pk, theme_id=OuterRef("pk")
    )
    sought = Partner.seeks.through.objects.filter(
        partner_id=partner.pk, theme_id=OuterRef("pk")
    )
    themes = list(
        Theme.objects.annotate(offered=Exists(offered), sought=Exists(sought)).filter(
            Q(offered=True) | Q(sought=True)
        )
    )
    return [t for t in themes if t.offered], [t for t in themes if t.sought]


def _taking_part(partner: Partner) -> tuple[Q, QuerySet]:
    """A filter on activities the partner provided or received, and the subquery
    of those it provided (the through tables' partner index answers both)."""
    activity = _activity_model()
    provided = activity.providers.through.objects.filter(partner_id=partner.pk)
    received = activity.beneficiaries.through.objects.filter(partner_id=partner.pk)
    condition = Q(pk__in=provided.values("activity_id")) | Q(
        pk__in=received.values("activity_id")
    )
    return condition, provided


def partner_exchanges(partner: Partner, user, limit: int = RELATED_LIMIT) -> dict:
    """The latest exchanges a partner provided and received, in one query.

    Each list holds at most ``limit`` activities (``limit + 1`` are read to know
    whether there are more). An exchange in which the partner is both provider and
    beneficiary is listed as provided.
    """
    taking_part, provided = _taking_part(partner)
    rows = list(
        _activity_model()
        .objects.visible_to(user)
        .filter(taking_part)
        .annotate(provided=Exists(provided.filter(activity_id=OuterRef("pk"))))
        .annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("provided")],
                order_by=[F("start_date").desc(), F("pk").desc()],
            )
        )
        .filter(row__lte=limit + 1)
        .select_related("host_country")
        .defer(*ACTIVITY_LONG_TEXT)
        .order_by("-start_date", "-pk")
    )
    as_provider = [row for row in rows if row.provided]
    as_beneficiary = [row for row in rows if not row.provided]
    return {
        "provided": as_provider[:limit],
        "more_provided": len(as_provider) > limit,
        "received": as_beneficiary[:limit],
        "more_received": len(as_beneficiary) > limit,
    }


def partner_resources(partner: Partner, user, limit: int = RELATED_LIMIT) -> dict:
    """Resources of the exchanges this user can see the partner take part in."""
    taking_part, _provided = _taking_part(partner)
    exchanges = _activity_model().objects.visible_to(user).filter(taking_part)
    resource = _resource_model()
    linked = resource.activities.through.objects.filter(
        activity_id__in=exchanges.values("pk")
    )
    rows = list(
        resource.objects.visible_to(user)
        .filter(pk__in=linked.values("resource_id"))
        # Cards show none of the long texts: do not read documents' extracted text.
        .defer(*RESOURCE_LONG_TEXT)
        .order_by(F("published_on").desc(nulls_last=True), "-pk")[: limit + 1]
    )
    return {"resources": rows[:limit], "more_resources": len(rows) > limit}


class PartnerDetailView(VisibleToUserMixin, DetailView):
    """A partner's profile, exchanges, resources, focal points and matches.

    A fixed number of queries whatever the partner's size (pinned in tests).
    """

    model = Partner
    template_name = "partners/partner_detail.html"

    def get_queryset(self):
        return Partner.objects.visible_to(self.request.user).select_related(
            "country", "region"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner, user = self.object, self.request.user
        offers, seeks = partner_themes(partner)
        restricted = can_see_restricted(user)
        context.update(
            offers=offers,
            seeks=seeks,
            **partner_exchanges(partner, user),
            **partner_resources(partner, user),
            can_see_contacts=restricted,
            contacts=list(partner.contacts.all()) if restricted else [],
            able_to_help=list(
                Partner.objects.able_to_help(partner)
                .select_related("country")
                .defer(*PARTNER_LONG_TEXT)[:RECOMMENDATIONS]
            )
            if seeks
            else [],
            seeking_offers=list(
                Partner.objects.seeking_offers_of(partner)
                .select_related("country")
                .defer(*PARTNER_LONG_TEXT)[:RECOMMENDATIONS]
            )
            if offers
            else [],
        )
        return context


class ExpertiseView(ListView):
    """Find expertise: who offers a theme, most experienced first."""

    paginate_by = 20
    template_name = "partners/expertise.html"

    def get(self, request, *args, **kwargs):
        self.form = ExpertiseForm(request.GET if "theme" in request.GET else None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet:
        if not self.form.is_bound or not self.form.is_valid():
            return Partner.objects.none()
        theme = self.form.cleaned_data["theme"]
        on_theme = (
            _activity_model()
            .objects.published()
            .filter(themes__slug=theme)
            .select_related("host_country")
            .order_by("-start_date", "-pk")
        )
        return (
            Partner.objects.offering(theme, self.form.cleaned_data["region"] or None)
            .select_related("country", "region")
            .prefetch_related(
                Prefetch(
                    "activities_provided",
                    queryset=on_theme[:EXCHANGES_PER_MATCH],
                    to_attr="theme_exchanges",
                )
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        chosen = self.form.is_bound and self.form.is_valid()
        context["theme"] = (
            Theme.objects.filter(slug=self.form.cleaned_data["theme"]).first()
            if chosen
            else None
        )
        if not chosen:
            # Where to start: every theme someone offers, with how many offer it.
            counts = count_by(Partner.objects.published(), "offers__slug")
            context["offered_themes"] = [
                (slug, name, counts[slug])
                for slug, name in theme_choices()
                if counts.get(slug)
            ]
        return context
