"""The Celery application.

Broker and schedule come from settings (``CELERY_*``). Without Redis the portal uses kombu's
filesystem transport so that jobs still run in a separate worker process in the embedded mode.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "swv.settings")

app = Celery("swv")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
