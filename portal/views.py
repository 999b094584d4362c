"""Site-wide views: the home page, the language redirect, health and error pages."""

from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from partners.models import Partner
from portal.pages.models import Page
from programme.models import Activity
from resources.models import Resource

from . import figures


@require_safe
def root_redirect(request):
    """``/`` sends the visitor to the language their browser asks for."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def home(request):
    """The programme at a glance, in a fixed number of queries (pinned in a test).

    The cards here show kind, title, dates and place, never themes, so nothing
    needs prefetching: one query per list.
    """
    today = timezone.localdate()
    activities = Activity.objects.published()
    context = {
        "intro": Page.objects.published().filter(slug="about").first(),
        "latest_resources": Resource.objects.visible_to(request.user)
        .published()
        .order_by("-published_at", "-pk")[:4],
        "upcoming_activities": activities.filter(end_date__gte=today)
        .select_related("host_country")
        .order_by("start_date", "pk")[:3],
        "recent_activities": activities.filter(end_date__lt=today)
        .select_related("host_country")
        .order_by("-end_date", "-pk")[:3],
        "featured_partners": Partner.objects.published()
        .select_related("country")
        .order_by("-published_at", "-pk")[:6],
        "key_figures": figures.key_figures(),
    }
    return render(request, "portal/home.html", context)


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers: for load balancers and compose health checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy", whatever its class
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /i18n/"]
    lines += [f"Disallow: /{code}/accounts/" for code in ("ru", "en")]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception):
    """The 404 page, through the base template, in the language of the request."""
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors, no database: the error might be there.
    template = loader.get_template("500.html")
    return HttpResponse(
        template.render({"LANGUAGE_CODE": translation.get_language()}), status=500
    )
