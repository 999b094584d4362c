"""Staff preview of any publishable item as its public page shows it, in each language.

``/<lang>/preview/<app_label>/<model_name>/<pk>/`` renders the real detail view and
template of the item, drafts included, for staff who may view that model; anyone
else gets a 404, as if nothing were there. Never cached (not wrapped in
``for_visitors``, and ``never_cache`` marks it private, which Django's cache
middleware never stores) and never indexed (header and meta robots).
"""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# The models with a public page, by label.
PREVIEWABLE = frozenset(
    {
        "partners.partner",
        "programme.project",
        "programme.activity",
        "resources.resource",
        "pages.page",
    }
)
ROBOTS = "noindex, nofollow"


def detail_views() -> dict:
    # Imported when used: the apps import portal, never the other way round.
    from partners.views import PartnerDetailView
    from portal.pages.views import PageDetailView
    from programme.views import ActivityDetailView, ProjectDetailView
    from resources.views import ResourceDetailView

    return {
        "partners.partner": PartnerDetailView,
        "programme.project": ProjectDetailView,
        "programme.activity": ActivityDetailView,
        "resources.resource": ResourceDetailView,
        "pages.page": PageDetailView,
    }


@never_cache
@require_safe
def preview_detail(request, app_label: str, model_name: str, pk: int):
    label = f"{app_label}.{model_name}"
    user = request.user
    if (
        label not in PREVIEWABLE
        or not user.is_authenticated
        or not user.is_active
        or not user.is_staff
        or not user.has_perm(f"{app_label}.view_{model_name}")
    ):
        raise Http404
    view_class = detail_views()[label]
    # The detail view finds the item by pk among what staff may see (everything),
    # and renders its own template inside ours (robots meta, preview banner).
    view = view_class.as_view(
        template_name="preview/detail.html",
        extra_context={"detail_template": view_class.template_name, "preview": True},
    )
    response = view(request, pk=pk)
    response["X-Robots-Tag"] = ROBOTS
    return response


app_name = "preview"
urlpatterns = [
    path(
        "<slug:app_label>/<slug:model_name>/<int:pk>/",
        preview_detail,
        name="detail",
    ),
]
