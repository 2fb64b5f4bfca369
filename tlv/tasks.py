"""Celery tasks of the TLV app: thin wrappers that take ids and call a service (see swv/tasks.py)."""

from __future__ import annotations

from celery import shared_task

from swv.tasks import TRANSIENTE_FOUTEN


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=300, max_retries=5)
def tlv_dagelijkse_ronde() -> dict:
    """Celery beat, daily: start/expire TLVs by date and send the reminders (idempotent)."""
    from tlv.services.looptijd import tlv_dagelijkse_ronde as ronde

    return ronde()
