"""The library's filters and facets: what the query string of /resources/ accepts."""

from __future__ import annotations

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import facet_counts
from portal.accounts.models import User
from portal.facet_counts import TOTAL
from portal.facets import FacetList, build_facet, selected_values
from portal.filtersets import KeptFormClassMixin, copied_shallowly
from portal.taxonomy.choices import country_choices, region_choices, theme_choices
from portal.widgets import PanelSelect, PanelTextInput

from .facet_listing import RESOURCES
from .listing import DEFAULT_SORT, SORTS, LibraryRows
from .models import Access, ResourceKind
from .querysets import BOTH_LANGUAGES, FACET_NAMES, ResourceQuerySet, ResourceSelection

FIRST_YEAR = 1950  # older dates are typing mistakes, not resources


def year_choices() -> list[tuple[str, str]]:
    """Every year a resource can carry, newest first (no query)."""
    last = timezone.now().year + 1
    return [(str(year), str(year)) for year in range(last, FIRST_YEAR - 1, -1)]


def language_choices() -> list[tuple[str, str]]:
    return [
        ("ru", _("Russian")),
        ("en", _("English")),
        (BOTH_LANGUAGES, _("Russian and English")),
    ]


def access_choices(user: User) -> list[tuple[str, str]]:
    """``staff`` is an option only for staff: for anyone else it does not exist."""
    if user.is_authenticated and user.is_staff:
        return list(Access.choices)
    return [(value, label) for value, label in Access.choices if value != Access.STAFF]


def sort_key(value) -> str:
    """The sort a valid ``sort`` value asks for (``resources.listing.SORTS``)."""
    key = next((param for param in value or () if param), DEFAULT_SORT)
    return key if key in SORTS else DEFAULT_SORT


class ResourceOrdering(django_filters.OrderingFilter):
    """Only the listed keys; ``title`` sorts by the title in the active language."""

    def filter(self, qs: ResourceQuerySet, value) -> ResourceQuerySet:
        return SORTS[sort_key(value)](qs)


@copied_shallowly
class ResourceFilterSet(KeptFormClassMixin, django_filters.FilterSet):
    """Validates the query string; the filtering itself is ``ResourceQuerySet``'s.

    The declared filters give the form its fields, labels and allowed values;
    ``filter_queryset`` applies them through the queryset's methods, the same
    ones the facet counts use (``ResourceQuerySet.selected``).
    """

    q = django_filters.CharFilter(
        label=_("Search titles and summaries"), max_length=200, widget=PanelTextInput
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=ResourceKind.choices
    )
    theme = django_filters.MultipleChoiceFilter(label=_("Theme"), choices=theme_choices)
    region = django_filters.MultipleChoiceFilter(
        label=_("Region"), choices=region_choices
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), choices=country_choices
    )
    language = django_filters.ChoiceFilter(
        label=_("Language available"), choices=language_choices
    )
    year = django_filters.MultipleChoiceFilter(label=_("Year"), choices=year_choices)
    access = django_filters.MultipleChoiceFilter(
        label=_("Access"), choices=Access.choices
    )
    sort = ResourceOrdering(
        label=_("Sort by"),
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("title", _("Title (A–Z)")),
        ],
        empty_label=None,
        widget=PanelSelect,
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        if user is not None:
            self.filters["access"].extra["choices"] = access_choices(user)

    def form_class_key(self) -> tuple[str, ...]:
        # The access levels offered follow the reader (``access_choices``).
        return tuple(value for value, _label in self.filters["access"].extra["choices"])

    @property
    def search_text(self) -> str:
        return self.form.cleaned_data.get("q") or ""

    @property
    def selection(self) -> ResourceSelection:
        """The facet values of a valid form (``is_valid()`` must have run)."""
        data = self.form.cleaned_data
        return ResourceSelection(
            **{
                name: tuple(data.get(name) or ())
                for name in ("kind", "theme", "region", "country", "year", "access")
            },
            language=data.get("language") or "",
        )

    def rows(self) -> LibraryRows:
        """The rows an unbound or valid form lists, as ``filter_queryset`` would
        give them, read by a compiled statement (``resources.listing``)."""
        user = self.request.user
        if not self.is_bound:
            return LibraryRows(user=user, selection=ResourceSelection())
        return LibraryRows(
            user=user,
            selection=self.selection,
            text=self.search_text,
            sort=sort_key(self.form.cleaned_data.get("sort")),
        )

    def filter_queryset(self, queryset: ResourceQuerySet) -> ResourceQuerySet:
        queryset = queryset.search(self.search_text).selected(self.selection)
        return self.filters["sort"].filter(queryset, self.form.cleaned_data.get("sort"))


def resource_counts(
    base: ResourceQuerySet,
    *,
    staff: bool,
    text: str = "",
    selection: ResourceSelection | None = None,
) -> dict[str, dict[str, int]]:
    """Counts of every facet option, and the total, for a search and selection.

    ``base`` is what the reader may see; ``staff`` says whether that is every row.
    On PostgreSQL the counts come from the rows the triggers keep (stored totals
    when nothing is chosen); a text search, and SQLite, count the matching rows
    themselves (``ResourceQuerySet.facet_counts``).
    """
    selection = selection or ResourceSelection()
    if text or not facet_counts.is_supported():
        return base.search(text).facet_counts(selection)
    chosen = {
        name: [value] if isinstance(value, str) else value
        for name in FACET_NAMES
        if (value := getattr(selection, name))
    }
    if chosen:
        found = facet_counts.chosen_counts(RESOURCES, staff=staff, chosen=chosen)
    else:
        found = facet_counts.stored_counts(RESOURCES, staff=staff)
    counts = {name: found.get(name, {}) for name in (TOTAL, *FACET_NAMES)}
    if "language" not in chosen:
        counts["language"][""] = counts[TOTAL].get("", 0)  # "any language"
    return counts


class LibraryFacets(FacetList):
    """The library's facets, and how many results each year holds (``years``,
    as the year facet counts them): a deep page sorted by date starts reading
    at its year (``LibraryRows``)."""

    def __init__(self, facets=(), *, total=None, years=None):
        super().__init__(facets, total=total)
        self.years = years


def resource_facets(filterset: ResourceFilterSet) -> LibraryFacets:
    """The library's facets, each counted with the other facets applied.

    Counts start from ``filterset.queryset``, which is already limited to
    ``visible_to(user)``: a ``staff`` item is never counted for anyone else.
    Invalid input lists nothing (with the form's errors); its facets then count
    from a fresh start, so the reader can choose again.
    """
    user = getattr(filterset.request, "user", None)
    staff = bool(user and user.is_authenticated and user.is_staff)
    # Unbound (no query string) lists everything; invalid lists nothing.
    valid = not filterset.is_bound or filterset.is_valid()
    if filterset.is_bound and valid:
        counts = resource_counts(
            filterset.queryset,
            staff=staff,
            text=filterset.search_text,
            selection=filterset.selection,
        )
    else:
        counts = resource_counts(filterset.queryset, staff=staff)
    data = filterset.data
    # Years with results, plus any ticked (so it can be unticked); only years the
    # filter accepts, so no option leads to a form error.
    valid_years = {value for value, _label in year_choices()}
    years = {*counts["year"], *selected_values(data, "year")} & valid_years
    year_options = [(year, year) for year in sorted(years, reverse=True)]
    # Radios need a way back to "any language" without clearing every filter.
    language_options = [("", _("Any")), *language_choices()]
    specs: list[tuple[str, object, object, bool]] = [
        ("kind", _("Kind"), ResourceKind.choices, True),
        ("theme", _("Theme"), theme_choices(), True),
        ("region", _("Region"), region_choices(), True),
        ("country", _("Country"), country_choices(), True),
        ("language", _("Language available"), language_options, False),
        ("year", _("Year"), year_options, True),
        ("access", _("Access"), filterset.filters["access"].extra["choices"], True),
    ]
    facets = LibraryFacets(
        total=counts[TOTAL].get("", 0) if valid else None,
        years=counts["year"] if valid else None,
    )
    for name, label, choices, multiple in specs:
        selected = selected_values(data, name)
        if name == "language" and not any(selected):
            selected = [""]
        facets.append(
            build_facet(
                name=name,
                label=label,
                choices=choices,
                counts=counts[name],
                selected=selected,
                multiple=multiple,
            )
        )
    return facets
