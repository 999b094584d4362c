"""Site-wide views: the home page, the figures, the language redirect, health,
robots and error pages."""

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import charts, figures
from .home import home_content


@require_safe
def root_redirect(request):
    """``/`` sends the visitor to the language their browser asks for."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def home(request):
    """The programme at a glance, in a fixed number of queries (pinned in a test)."""
    return render(request, "portal/home.html", home_content(request.user))


@require_safe
def figures_page(request):
    """The programme in figures: server-drawn SVG charts, each with its data table.

    The figures come from ``figures.programme_figures()`` (cached per language);
    drawing the SVG from them is pure Python and cheap.
    """
    programme = figures.programme_figures()
    items = [
        {
            "chart": chart,
            "svg": charts.render(chart),
            "legend": charts.legend_items(chart),
            "table": charts.data_table(chart),
        }
        for chart in programme.charts.values()
    ]
    return render(
        request, "portal/figures.html", {"figures": programme, "charts": items}
    )


@require_safe
def figures_csv(request, chart):
    """One chart's table as CSV, in the visitor's language.

    UTF-8 with a byte order mark, so spreadsheets read Cyrillic right; cells that a
    spreadsheet would run as a formula are neutralised (see ``figures.chart_csv``).
    """
    found = figures.programme_figures().charts.get(chart)
    if found is None:
        raise Http404("No such chart.")
    language = translation.get_language()
    response = HttpResponse(
        "\ufeff" + figures.chart_csv(found), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{chart}-{language}.csv"'
    return response


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
    # The same host as the canonical links and the sitemap's own addresses.
    lines.append(f"Sitemap: {settings.SITE_URL.rstrip('/')}/sitemap.xml")
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
