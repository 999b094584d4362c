"""The one mixin every list and detail view of publishable content uses."""

from django.utils.cache import add_never_cache_headers


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
