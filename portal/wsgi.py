import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# What Django has loaded by now (about 120,000 objects: modules, models, admin)
# lives as long as the worker. Frozen, it is left out of the collector's full
# collections, which otherwise walk it every few hundred requests (tens of ms).
gc.freeze()
