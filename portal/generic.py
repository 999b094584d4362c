"""What every list and detail view of publishable content shares."""

import hashlib
from collections.abc import Hashable
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django_filters.views import FilterView

from portal.cache import content_version
from portal.compiled import CompiledQuery

FACET_CACHE_SECONDS = 300


# From this many rows in, a page first reads only the keys of its rows.
DEFERRED_JOIN_FROM = 1000


class CountedPaginator(Paginator):
    """A paginator told its count, when the facets have already counted the rows.

    Deep pages (``DEFERRED_JOIN_FROM``) read the keys of their rows first, then
    those rows: OFFSET then skips thousands of index entries (the ordering's
    index holds the key, e.g. the library's slug) instead of thousands of rows.
    """

    def __init__(
        self, *args, count: int | None = None, deferred_key: str = "", **kwargs
    ):
        super().__init__(*args, **kwargs)
        if count is not None:
            self.count = count  # replaces the cached_property's COUNT query
        self.deferred_key = deferred_key

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not self.deferred_key or bottom < DEFERRED_JOIN_FROM:
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        key = self.deferred_key
        keys = list(
            self.object_list.prefetch_related(None).values_list(key, flat=True)[
                bottom:top
            ]
        )
        found = {
            getattr(row, key): row
            for row in self.object_list.filter(**{f"{key}__in": keys})
        }
        rows = [found[value] for value in keys if value in found]
        return self._get_page(rows, number, self)


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


def is_staff(user) -> bool:
    """What ``visible_to`` tells apart: staff see every item, in any status."""
    return bool(user.is_authenticated and user.is_staff)


class CompiledObjectMixin:
    """A detail page whose item is read by slug through a compiled query.

    ``object_query`` builds from ``user`` and ``slug`` (``portal.compiled``);
    ``object_key`` says what of the user shapes its SQL. The staff preview
    (``portal.preview``) asks by pk, through ``get_queryset()`` as usual.
    """

    object_query: CompiledQuery

    def object_key(self, user) -> Hashable:
        return is_staff(user)

    def get_object(self, queryset=None):
        if "slug" not in self.kwargs:
            return super().get_object(queryset)
        user = self.request.user
        found = self.object_query.objects(
            self.object_key(user), user=user, slug=self.kwargs["slug"]
        )
        if not found:
            raise Http404  # the 404 page says what a missing page is
        return found[0]


class FacetedListView(VisibleToUserMixin, FilterView):
    """A list with a django-filter FilterSet, facets with counts and pagination.

    Invalid filter values give the page with the form's errors and no results
    (``strict``), never a 500; a page past the end is a 404 (ListView). Sorting is
    an ``OrderingFilter`` in the FilterSet, so only its listed keys are accepted.
    Subclasses set ``filterset_class`` and return their facets from ``get_facets``.
    """

    paginate_by = 20
    template_name_suffix = "_list"
    # Unique, and last in every ordering's index (see CountedPaginator).
    deferred_key = "slug"

    def get_facets(self, queryset) -> list:
        return []

    def cached_facets(self) -> list:
        """The facets, counted once per filter set, language and content version.

        Counting scans every matching row, which costs most of a list page on a large
        library. Staff and everyone else see different sets of rows; among the rest,
        visitors, signed-in users and missions see the same (``visible_to``), so one
        count serves them all, and a page cached for members' own use stays cheap.
        """
        request = self.request
        params = sorted(
            (key, value)
            for key, values in request.GET.lists()
            if key not in ("page", "sort")
            for value in values
        )
        digest = hashlib.sha256(repr(params).encode()).hexdigest()
        key = ":".join(
            (
                "facets",
                str(content_version()),
                f"{type(self).__module__}.{type(self).__qualname__}",
                translation.get_language() or "",
                "staff" if request.user.is_staff else "public",
                digest,
            )
        )
        facets = cache.get(key)
        if facets is None:
            facets = self.get_facets(self.object_list)
            cache.set(key, facets, FACET_CACHE_SECONDS)
        return facets

    def get_paginator(self, queryset, per_page, **kwargs):
        total = getattr(self.facets, "total", None)
        return CountedPaginator(
            queryset, per_page, count=total, deferred_key=self.deferred_key, **kwargs
        )

    def get_context_data(self, **kwargs):
        # Facets first: their counts hold the number of results the paginator needs.
        self.facets = self.cached_facets()
        context = super().get_context_data(**kwargs)
        context["facets"] = self.facets
        context["filter_active"] = any(
            key != "page" and values for key, values in self.request.GET.lists()
        )
        context["subscribe_url"] = self.subscribe_url()
        return context

    def subscribe_url(self) -> str:
        """The subscription form with the themes this list is filtered by, if any."""
        themes = [slug for slug in self.request.GET.getlist("theme")[:20] if slug]
        if not themes:
            return ""
        query = urlencode([("theme", slug) for slug in themes])
        return f"{reverse('notifications:subscribe')}?{query}"
