"""The bench server's URLs: the portal's own, plus the yardstick.

``/bench/trivial/`` renders a tiny template, through the same middleware as every
page but with no context processor and no query: what the server, the framework
and the load generator cost before a page does any work of its own. Each page's
requests/s is read against it.
"""

from django.http import HttpResponse
from django.template import loader
from django.urls import path
from django.views.decorators.http import require_safe

from portal import urls as portal_urls


@require_safe
def trivial(request):
    template = loader.get_template("bench/trivial.html")
    return HttpResponse(template.render({"title": "trivial"}))


# portal.urls holds i18n_patterns, which Django refuses inside include():
# its patterns are appended as they are.
urlpatterns = [
    path("bench/trivial/", trivial, name="bench_trivial"),
    *portal_urls.urlpatterns,
]

handler404 = portal_urls.handler404
handler500 = portal_urls.handler500
