"""Celery tasks of the quality app: thin wrappers calling a service."""

from __future__ import annotations

from celery import shared_task

from swv.tasks import TRANSIENTE_FOUTEN


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=60, max_retries=4)
def kalender_herinneringen() -> int:
    """Daily (celery beat): remind owners of calendar products due this month or next (idempotent)."""
    from kwaliteit.services.kalender import kalender_herinneringen_versturen

    return kalender_herinneringen_versturen()


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=60, max_retries=4)
def klacht_herinneringen() -> int:
    """Daily (celery beat): remind the handlers of complaint terms that end soon or passed (idempotent)."""
    from kwaliteit.services.klachten import klacht_herinneringen_versturen

    return klacht_herinneringen_versturen()
