"""Celery tasks of the arrangements app: thin wrappers that take ids and call a service."""

from __future__ import annotations

import logging

from celery import shared_task

from swv.tasks import TRANSIENTE_FOUTEN

logger = logging.getLogger(__name__)

#: A mail server that does not answer or refuses for now (smtplib's errors are OSErrors) is retried.
VERZENDFOUTEN = (*TRANSIENTE_FOUTEN, OSError)


@shared_task(bind=True, autoretry_for=VERZENDFOUTEN, retry_backoff=2, retry_backoff_max=120, max_retries=5)
def melding_versturen(self, melding_id: int) -> bool:
    """E-mail one notification (a link only). Sent at most once: the service claims the row first."""
    from arrangementen.services.meldingen import melding_email_mislukt, melding_email_versturen

    try:
        return melding_email_versturen(melding_id=melding_id)
    except VERZENDFOUTEN as fout:
        if self.request.retries >= self.max_retries:
            melding_email_mislukt(melding_id=melding_id, reden=type(fout).__name__)
        raise


@shared_task
def evaluatieherinneringen_versturen() -> int:
    """Daily (Celery beat): notify ib-ers of evaluation moments that are due or overdue."""
    from arrangementen.services.meldingen import evaluatieherinneringen_maken

    return evaluatieherinneringen_maken()
