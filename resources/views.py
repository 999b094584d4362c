"""The resource library: list with facets, detail pages and protected downloads."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, resolve_url
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from portal.compiled import CompiledQuery, kept
from portal.generic import (
    CompiledObjectMixin,
    FacetedListView,
    VisibleToUserMixin,
    is_staff,
)
from programme.models import Activity

from .filters import ResourceFilterSet, resource_facets
from .listing import LibraryRows
from .models import Resource
from .querysets import detail_terms
from .services import (
    NoSuchDocument,
    download_filename,
    is_restricted,
    resource_download,
)


def _visible_base(user):
    """``Resource.objects.visible_to(user)``, kept per process (``visible_to``
    tells only staff from everyone else)."""
    return kept(
        ("resources", is_staff(user)), lambda: Resource.objects.visible_to(user)
    )


class ResourceListView(FacetedListView):
    model = Resource
    filterset_class = ResourceFilterSet
    template_name = "resources/resource_list.html"
    # A page reads the keys of its rows first in its own statement (LibraryRows).
    deferred_key = ""

    def get(self, request, *args, **kwargs):
        """``FilterView.get``, but the rows of a valid choice are read by a
        compiled statement (``ResourceFilterSet.rows``): building the filtered
        queryset cost more than running it."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_bound or self.filterset.is_valid():
            self.object_list = self.filterset.rows()
        else:
            # Strict, as FilterView: an invalid choice lists nothing.
            self.object_list = self.filterset.queryset.none()
        context = self.get_context_data(
            filter=self.filterset, object_list=self.object_list
        )
        return self.render_to_response(context)

    def get_queryset(self):
        # What the reader may see: the base of the filter set and of the facets'
        # live counts. A page's rows, their columns and order: LibraryRows.
        return _visible_base(self.request.user)

    def get_facets(self, queryset):
        return resource_facets(self.filterset)

    def get_paginator(self, queryset, per_page, **kwargs):
        # The facets, counted first, tell a deep page where its year starts.
        years = getattr(self.facets, "years", None)
        if years and isinstance(queryset, LibraryRows):
            queryset = replace(queryset, years=years)
        return super().get_paginator(queryset, per_page, **kwargs)


# The detail page's two reads, compiled once per process: building them through
# the ORM cost more than running them. The user shapes the SQL only as staff or not.
RESOURCE_BY_SLUG = CompiledQuery(
    lambda *, user, slug: Resource.objects.visible_to(user).filter(slug=slug),
    params=("slug",),
)
RELATED_ACTIVITIES = CompiledQuery(
    lambda *, user, resource: (
        Activity.objects.visible_to(user)
        .filter(resources=resource)
        .order_by("-start_date", "slug")
    ),
    params=("resource",),
)


class ResourceDetailView(CompiledObjectMixin, VisibleToUserMixin, DetailView):
    model = Resource
    listing = False
    template_name = "resources/resource_detail.html"
    object_query = RESOURCE_BY_SLUG

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        resource, user = self.object, self.request.user
        is_open = resource.is_open_to(user)
        context.update(
            is_open=is_open,
            documents=resource.documents() if is_open else [],
            links=resource.links() if is_open else [],
            login_url=resolve_url(settings.LOGIN_URL),
            terms=detail_terms(resource),
            related_activities=RELATED_ACTIVITIES.objects(
                is_staff(user), user=user, resource=resource.pk
            ),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if is_restricted(self.object):
            # What a member sees must never come back to anyone from a cache.
            patch_cache_control(response, private=True)
        return response


@require_safe
def download(request, slug: str, doc_lang: str):
    """Serve one language's document after checking access; GET counts it, HEAD not.

    Not visible to the user (a ``staff`` item, a draft) or no such document: 404.
    A ``missions`` document asked for by a visitor who is not signed in: a redirect
    to sign in, then back here; by a signed-in user without mission access: 403.
    The file is never at a public URL: Django streams it from the private storage,
    or nginx does when ``PRIVATE_MEDIA_X_ACCEL_PREFIX`` is set (X-Accel-Redirect).
    """
    resource = get_object_or_404(Resource.objects.visible_to(request.user), slug=slug)
    try:
        document = resource_download(
            resource=resource,
            language=doc_lang,
            user=request.user,
            count=request.method == "GET",
        )
    except PermissionDenied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    except NoSuchDocument:
        raise Http404("No such document.") from None

    filename = download_filename(resource=resource, document=document)
    prefix = settings.PRIVATE_MEDIA_X_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=document.content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(document.name)}"
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=filename
        )
    else:
        field = getattr(resource, f"document_{document.language}")
        try:
            handle = field.storage.open(field.name, "rb")
        except OSError:
            raise Http404("The document is missing from storage.") from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=filename,
            content_type=document.content_type,
        )
    response["X-Content-Type-Options"] = "nosniff"
    if is_restricted(resource):
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, private=True)
    return response
