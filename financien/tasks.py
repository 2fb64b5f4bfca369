"""Celery tasks of the finance app: thin wrappers that call a service (the PDF itself runs as a
``swv.taken`` job, see ``financien.reports``)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from swv.tasks import TRANSIENTE_FOUTEN


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=60, max_retries=4)
def t_rapportage_volgens_kalender() -> str | None:
    """Celery beat (first day of each month): start the T-rapportage of a configured month."""
    from financien.services.rapportage import t_rapportage_volgens_kalender as starten

    rapport = starten(vandaag=timezone.localdate())
    return str(rapport.uuid) if rapport else None


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=60, max_retries=4)
def innovatie_evaluatieherinneringen() -> int:
    """Daily (celery beat): granted innovation projects due for evaluation (idempotent)."""
    from financien.services.innovatie import innovatie_evaluatieherinneringen as herinneren

    return herinneren()
