"""Celery tasks of the pupils app: thin wrappers that take ids and call a service."""

from __future__ import annotations

from celery import shared_task

from swv.tasks import TRANSIENTE_FOUTEN


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=300, max_retries=4)
def zorgplicht_herinneringen() -> int:
    """Daily (celery beat): claim due zorgplicht reminder moments and notify; idempotent."""
    from leerlingen.services.zorgplicht import zorgplicht_herinneringen_versturen

    return zorgplicht_herinneringen_versturen()


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=300, max_retries=4)
def privacyverzoeken_herinneren() -> int:
    """Daily (celery beat): remind the DB of privacy requests due within a week or overdue; idempotent."""
    from leerlingen.services.privacy import privacyverzoeken_herinneren as herinneren

    return herinneren()


@shared_task(autoretry_for=TRANSIENTE_FOUTEN, retry_backoff=2, retry_backoff_max=300, max_retries=4)
def bewaartermijn_uitvoeren() -> int:
    """Daily (celery beat): the retention job; idempotent (anonymised pupils are not found again,
    and two runs at once take turns on an advisory lock). Returns the number of pupils."""
    from leerlingen.services.bewaartermijn import bewaartermijn_uitvoeren as uitvoeren

    return len(uitvoeren().leerlingen)
