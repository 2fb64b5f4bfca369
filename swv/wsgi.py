import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "swv.settings")
application = get_wsgi_application()

# Move everything loaded at start-up (modules, URL patterns, templates, translations) out of the
# cyclic garbage collector's reach: its full collections then no longer walk ~200,000 long-lived
# objects in the middle of a request (p95 of large pages 150 -> 61 ms, docs/benchmarks.md).
gc.collect()
gc.freeze()
