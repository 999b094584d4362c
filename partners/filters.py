"""The partners directory's filters and the "find expertise" form."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.filtersets import KeptFormClassMixin, copied_shallowly
from portal.publishing import translated_sort_key
from portal.taxonomy.choices import country_choices, region_choices, theme_choices
from portal.widgets import PanelSelect, PanelTextInput

from .models import Partner, PartnerKind

SEARCH_MAX_LENGTH = 200


class PartnerOrderingFilter(django_filters.OrderingFilter):
    """A to Z by the name in the active language, or the latest updated first.

    Only the listed keys are accepted; anything else is a form error.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "choices",
            [("name", _("Name, A to Z")), ("-updated", _("Recently updated"))],
        )
        kwargs.setdefault("empty_label", None)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        ordering = []
        for param in value:
            if param == "name":
                ordering.append(translated_sort_key("name").asc())
            elif param == "-updated":
                ordering.append("-updated_at")
        return qs.order_by(*ordering, "pk") if ordering else qs


@copied_shallowly
class PartnerFilterSet(KeptFormClassMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or acronym"),
        method="search",
        max_length=SEARCH_MAX_LENGTH,
        widget=PanelTextInput,
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=PartnerKind.choices
    )
    region = django_filters.MultipleChoiceFilter(
        label=_("Region"), field_name="region__slug", choices=region_choices
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), field_name="country__iso3", choices=country_choices
    )
    offers = django_filters.MultipleChoiceFilter(
        label=_("Offers expertise in"),
        field_name="offers__slug",
        choices=theme_choices,
        distinct=True,
    )
    seeks = django_filters.MultipleChoiceFilter(
        label=_("Seeks expertise in"),
        field_name="seeks__slug",
        choices=theme_choices,
        distinct=True,
    )
    sort = PartnerOrderingFilter(label=_("Sort by"), widget=PanelSelect)

    class Meta:
        model = Partner
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search_names(value)


class ExpertiseForm(forms.Form):
    """Which theme (required) and, optionally, which region of partners."""

    theme = forms.ChoiceField(label=_("Expertise in"), widget=PanelSelect)
    region = forms.ChoiceField(
        label=_("Partners from"), required=False, widget=PanelSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Choose a theme")), *theme_choices()]
        self.fields["region"].choices = [("", _("Any region")), *region_choices()]
