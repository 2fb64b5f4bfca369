"""Celery tasks of the pupils app: thin wrappers that take ids and call a service."""

from __future__ import annotations

import logging

from celery import shared_task

from swv.tasks import TRANSIENTE_FOUTEN

logger = logging.getLogger(__name__)


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


@shared_task(bind=True, max_retries=6)
def ouder_uitnodiging_mailen(self, koppeling_id: int) -> bool:
    """E-mail a parent's invitation (links only). Only named transient errors are retried, with
    backoff (``swv.meldingen.is_tijdelijk``); anything else is logged and given up."""
    from leerlingen.services.ouders import uitnodiging_mailen
    from swv.meldingen import is_tijdelijk

    try:
        return uitnodiging_mailen(koppeling_id=koppeling_id)
    except Exception as fout:
        if is_tijdelijk(fout) and self.request.retries < self.max_retries:
            raise self.retry(exc=fout, countdown=min(5 * 2**self.request.retries, 600)) from fout
        logger.exception("Invitation e-mail of parent link %s failed", koppeling_id)
        return False
