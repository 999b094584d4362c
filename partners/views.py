"""The partners directory, a partner's page and "find expertise"."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from portal import facet_counts
from portal.accounts.models import can_see_restricted
from portal.compiled import CompiledQuery
from portal.facet_counts import TOTAL
from portal.facets import FacetList, build_facet, count_by, selected_values
from portal.generic import (
    CompiledObjectMixin,
    FacetedListView,
    VisibleToUserMixin,
    is_staff,
)
from portal.taxonomy.choices import country_choices, region_choices, theme_choices

from .directory import AtoZ, attach_listed_offers, directory_queryset
from .expertise import Offering, theme_by_slug
from .facet_listing import PARTNERS
from .filters import ExpertiseForm, PartnerFilterSet
from .matching import partner_matches
from .models import Partner, PartnerKind
from .profile import audience, partner_exchanges, partner_resources, partner_themes

# The directory's filters (sorting and paging aside).
FACET_PARAMETERS = ("q", "kind", "region", "country", "offers", "seeks")


class PartnerListView(FacetedListView):
    model = Partner
    filterset_class = PartnerFilterSet
    paginate_by = 24
    template_name = "partners/partner_list.html"

    def get_queryset(self):
        return directory_queryset(self.request.user)

    def get_paginator(self, queryset, per_page, **kwargs):
        if not self.request.GET.keys() - {"page"}:  # A to Z, nothing chosen
            queryset = AtoZ(queryset, self.request.user, per_page)
        return super().get_paginator(queryset, per_page, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(
            queryset, page_size
        )
        page.object_list = rows = list(rows)
        attach_listed_offers(rows)
        return paginator, page, rows, is_paginated

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


def partner_page_queryset(user) -> QuerySet:
    """The partners ``user`` may open, with what their page shows of each."""
    return (
        Partner.objects.visible_to(user)
        .select_related("country", "region")
        .with_exchange_counts(staff=is_staff(user))
    )


# The audience shapes the SQL.
PARTNER_BY_SLUG = CompiledQuery(
    lambda *, user, slug: partner_page_queryset(user).filter(slug=slug),
    params=("slug",),
)


class PartnerDetailView(CompiledObjectMixin, VisibleToUserMixin, DetailView):
    """A partner's profile, exchanges, resources, focal points and matches.

    A fixed number of queries whatever the partner's size (pinned in tests).
    """

    model = Partner
    template_name = "partners/partner_detail.html"
    object_query = PARTNER_BY_SLUG

    def get_queryset(self):
        return partner_page_queryset(self.request.user)

    def object_key(self, user):
        return audience(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner, user = self.object, self.request.user
        offers, seeks = partner_themes(partner)
        restricted = can_see_restricted(user)
        context.update(
            offers=offers,
            seeks=seeks,
            **partner_exchanges(partner, user),
            **partner_resources(
                partner,
                user,
                # One in which it was both provider and beneficiary counts twice.
                exchanges=partner.exchanges_provided + partner.exchanges_received,
            ),
            can_see_contacts=restricted,
            contacts=list(partner.contacts.all()) if restricted else [],
            **partner_matches(partner),
        )
        return context


class ExpertiseView(ListView):
    """Find expertise: who offers a theme, most experienced first."""

    paginate_by = 20
    template_name = "partners/expertise.html"

    def get(self, request, *args, **kwargs):
        self.form = ExpertiseForm(request.GET if "theme" in request.GET else None)
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet | Offering:
        self.theme = None
        if not self.form.is_bound or not self.form.is_valid():
            return Partner.objects.none()
        # Read first: the queries below then filter on its id, not on its slug.
        self.theme = theme = theme_by_slug(self.form.cleaned_data["theme"])
        if theme is None:  # deleted since the form's choices were cached
            return Partner.objects.none()
        region = self.form.cleaned_data["region"] or None
        return Offering(
            theme, region, per_page=self.paginate_by, first=self.first_page_asked()
        )

    def first_page_asked(self) -> bool:
        """Whether the first page is asked for (as ``paginate_queryset`` reads
        the number): ``Offering`` reads it with the count. Only the first: each
        page's statement is compiled and kept, and an unknown page must not be
        before it is known to exist."""
        page = self.request.GET.get(self.page_kwarg) or 1
        try:
            return int(page) == 1
        except ValueError:  # "last", or a 404
            return False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
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
