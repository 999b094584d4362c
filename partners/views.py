"""The partners directory, a partner's page and "find expertise"."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
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
from .profile import (
    activity_model,
    partner_exchanges,
    partner_matches,
    partner_resources,
    partner_themes,
    prepare_exchanges,
)

# The directory's filters (sorting and paging aside).
FACET_PARAMETERS = ("q", "kind", "region", "country", "offers", "seeks")
# Exchanges listed per partner in "find expertise".
EXCHANGES_PER_MATCH = 3
# What a result of "find expertise" shows of the partner and of its exchanges.
EXPERT_FIELDS = (
    "slug",
    "kind",
    "name_ru",
    "name_en",
    "acronym_ru",
    "acronym_en",
    "logo",
    "country__name_ru",
    "country__name_en",
    "region__name_ru",
    "region__name_en",
)
THEME_EXCHANGE_FIELDS = (
    "slug",
    "kind",
    "format",
    "title_ru",
    "title_en",
    "start_date",
    "end_date",
)


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


class PartnerDetailView(VisibleToUserMixin, DetailView):
    """A partner's profile, exchanges, resources, focal points and matches.

    A fixed number of queries whatever the partner's size (pinned in tests).
    """

    model = Partner
    template_name = "partners/partner_detail.html"

    def get_queryset(self):
        return (
            Partner.objects.visible_to(self.request.user)
            .select_related("country", "region")
            .with_exchange_total()
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
            **partner_resources(partner, user, exchanges=partner.exchange_total),
            can_see_contacts=restricted,
            contacts=list(partner.contacts.all()) if restricted else [],
            **partner_matches(partner, offers=offers, seeks=seeks),
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
        self.theme = None
        if not self.form.is_bound or not self.form.is_valid():
            return Partner.objects.none()
        # Read first: the queries below then filter on its id, not on its slug.
        self.theme = theme = Theme.objects.filter(
            slug=self.form.cleaned_data["theme"]
        ).first()
        if theme is None:  # deleted since the form's choices were cached
            return Partner.objects.none()
        on_theme = (
            activity_model()
            .objects.published()
            .filter(themes=theme)
            .only(*THEME_EXCHANGE_FIELDS)
            .order_by("-start_date", "-pk")
        )
        return (
            Partner.objects.offering(theme, self.form.cleaned_data["region"] or None)
            .select_related("country", "region")
            .only(*EXPERT_FIELDS)
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
        for partner in context["object_list"]:
            prepare_exchanges(partner.theme_exchanges)
        context["theme"] = self.theme
        chosen = self.theme is not None
        if not chosen:
            # Where to start: every theme someone offers, with how many offer it.
            counts = count_by(Partner.objects.published(), "offers__slug")
            context["offered_themes"] = [
                (slug, name, counts[slug])
                for slug, name in theme_choices()
                if counts.get(slug)
            ]
        return context
