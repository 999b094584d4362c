"""What every list and detail view of publishable content shares."""

from django.utils.cache import add_never_cache_headers
from django_filters.views import FilterView


class VisibleToUserMixin:
    """Limit the queryset to what the visitor may see; never cache a staff preview."""

    model = None
    listing = True

    def get_queryset(self):
        queryset = self.model.objects.visible_to(self.request.user)
        if self.listing and hasattr(queryset, "with_listing_data"):
            queryset = queryset.with_listing_data()
        return queryset

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        obj = context.get("object")
        if obj is not None and not getattr(obj, "is_published", True):
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class FacetedListView(VisibleToUserMixin, FilterView):
    """A list with a django-filter FilterSet, facets with counts and pagination.

    Invalid filter values give the page with the form's errors and no results
    (``strict``), never a 500; a page past the end is a 404 (ListView). Sorting is
    an ``OrderingFilter`` in the FilterSet, so only its listed keys are accepted.
    Subclasses set ``filterset_class`` and return their facets from ``get_facets``.
    """

    paginate_by = 20
    template_name_suffix = "_list"

    def get_facets(self, queryset) -> list:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["facets"] = self.get_facets(self.object_list)
        context["filter_active"] = any(
            key != "page" and values for key, values in self.request.GET.lists()
        )
        return context
