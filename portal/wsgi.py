import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What Django has loaded by now (about 120,000 objects: modules, models, admin)
# lives as long as the worker. Frozen, it is left out of the collector's full
# collections, which otherwise walk it every few hundred requests (tens of ms).
gc.freeze()
# A list page leaves 400-800 objects in reference cycles (the template context,
# django-filter's filters and their filter set) for the collector. At the default
# threshold (700) that is a young collection on almost every request, each also
# walking the request's live objects; at 10,000, one every dozen or so requests,
# walking mostly garbage: 1.5% fewer instructions on the ledger's page.
gc.set_threshold(10_000, 10, 10)
