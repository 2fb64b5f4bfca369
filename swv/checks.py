"""System checks that keep production honest."""

from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def demo_modus_niet_in_productie(app_configs, **kwargs):
    errors = []
    if settings.DEMO_MODE:
        errors.append(
            Error(
                "SWV_DEMO_MODE is on: demo accounts could skip two-factor authentication.",
                hint="Set SWV_DEMO_MODE=false in production.",
                id="swv.E001",
            )
        )
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        errors.append(Error("Production must run on PostgreSQL (set DATABASE_URL).", id="swv.E002"))
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        errors.append(Error("Production must use Redis as broker (set CELERY_BROKER_URL).", id="swv.E003"))
    return errors
