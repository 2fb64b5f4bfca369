"""Celery tasks of the platform: thin wrappers that take ids and call a service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: Errors worth a retry: the database or a connection hiccupped. Domain errors are never retried.
TRANSIENTE_FOUTEN = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENTE_FOUTEN,
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=4,
    # Acknowledged only when done: a worker that dies (SIGKILL, OOM, a lost machine) leaves the
    # message with the broker, which hands it out again; the job row's lease decides who runs it.
    acks_late=True,
    reject_on_worker_lost=True,
)
def taak_uitvoeren(self, taak_id: int) -> None:
    from swv.taken import taak_mislukt_markeren, taak_uitvoeren_service

    try:
        taak_uitvoeren_service(taak_id=taak_id)
    except TRANSIENTE_FOUTEN:
        if self.request.retries >= self.max_retries:
            taak_mislukt_markeren(taak_id=taak_id, reden=_("A technical failure; please try again later."))
        raise
    except Exception as exc:  # an unexpected bug: fail visibly with a reason, do not retry
        logger.exception("Job %s failed", taak_id)
        taak_mislukt_markeren(
            taak_id=taak_id,
            reden=_("An unexpected error stopped the job (%(soort)s); please try again later.")
            % {"soort": type(exc).__name__},
        )


@shared_task(acks_late=True)
def taken_herplannen() -> dict[str, int]:
    """Beat, each minute: re-queue jobs whose worker died or that the broker refused, and the
    e-mails of notifications that never reached the broker. Idempotent (claims decide)."""
    from swv.meldingen import mails_herplannen
    from swv.taken import taken_herplannen_service

    return {**taken_herplannen_service(), "mails": mails_herplannen()}


@shared_task
def worker_ping(naam: str = "worker") -> None:
    """Answer the health page: record that a worker picked up a message just now."""
    from swv.models import WorkerHartslag

    WorkerHartslag.objects.update_or_create(naam=naam, defaults={"laatst_gezien": timezone.now()})


#: The wait before retry n of a notification e-mail (seconds): 5, 10, 20, ... at most 10 minutes.
def _wachttijd(poging: int) -> int:
    return min(5 * 2**poging, 600)


@shared_task(bind=True, max_retries=6)
def melding_mailen(self, melding_id: int) -> bool:
    """E-mail one notification (a link only). Sent at most once: the service claims the row first.

    Only named transient errors (``swv.meldingen.is_tijdelijk``: the mail server or network did not
    answer, an SMTP 4xx) are retried, with backoff, ``max_retries`` times; then, or at once for any
    other error (a refused address, a bug), the e-mail is marked failed with the error's name.
    """
    from swv.meldingen import is_tijdelijk, melding_mail_mislukt
    from swv.meldingen import melding_mailen as mailen

    try:
        return mailen(melding_id=melding_id)
    except Exception as fout:
        if is_tijdelijk(fout) and self.request.retries < self.max_retries:
            raise self.retry(exc=fout, countdown=_wachttijd(self.request.retries)) from fout
        if not is_tijdelijk(fout):
            logger.exception("Notification e-mail %s failed", melding_id)
        melding_mail_mislukt(melding_id=melding_id, reden=type(fout).__name__)
        return False
