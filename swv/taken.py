"""The job machinery: start a background job, run it on the worker, report progress.

A job kind is registered once with ``@taaksoort("kind")``; its handler receives the ``Taak`` and a
``voortgang(percent, text)`` callback and returns ``(file name, bytes)``. Apps register their report
jobs in their own ``reports.py`` (imported by the app config) and start them with ``taak_starten``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from swv.models import Taak

logger = logging.getLogger(__name__)

Voortgang = Callable[[int, str], None]
Handler = Callable[[Taak, Voortgang], tuple[str, bytes]]


class TaakFout(Exception):
    """A domain error in a job: shown to the user with its reason, never retried."""


@dataclass(frozen=True)
class TaakSoort:
    naam: str
    handler: Handler
    # Who may see the job and its file besides the requester (a callable user -> bool).
    mag_inzien: Callable | None = None
    # What the job belongs to: ``terug(taak) -> (url, link text)`` or None, so that a finished
    # job's page leads back (e.g. to the report to adopt and publish).
    terug: Callable[[Taak], tuple[str, Any] | None] | None = None


_REGISTER: dict[str, TaakSoort] = {}


def taaksoort(
    naam: str, *, mag_inzien: Callable | None = None, terug: Callable[[Taak], tuple[str, Any] | None] | None = None
) -> Callable[[Handler], Handler]:
    def registreer(handler: Handler) -> Handler:
        _REGISTER[naam] = TaakSoort(naam=naam, handler=handler, mag_inzien=mag_inzien, terug=terug)
        return handler

    return registreer


def terug_naar(taak: Taak) -> tuple[str, Any] | None:
    """The page the job belongs to, as ``(url, link text)``, when its kind names one. The page
    itself checks access (404 for who may not see it)."""
    soort = _REGISTER.get(taak.soort)
    if soort is None or soort.terug is None:
        return None
    return soort.terug(taak)


def get_taaksoort(naam: str) -> TaakSoort:
    try:
        return _REGISTER[naam]
    except KeyError:
        raise TaakFout(_("Unknown kind of job: %(soort)s.") % {"soort": naam}) from None


def taak_starten(*, soort: str, omschrijving: str, aangevraagd_door=None, parameters: dict | None = None) -> Taak:
    """Create the job row and queue it on the worker once the transaction commits."""
    get_taaksoort(soort)  # refuse unknown kinds before writing anything
    taak = Taak.objects.create(
        soort=soort, omschrijving=omschrijving, aangevraagd_door=aangevraagd_door, parameters=parameters or {}
    )
    from swv.tasks import taak_uitvoeren

    transaction.on_commit(lambda: taak_uitvoeren.delay(taak.pk))
    return taak


def _claim(taak_id: int) -> bool:
    """Claim a queued job with a conditional UPDATE; a duplicate delivery finds nothing to claim."""
    return bool(
        Taak.objects.filter(pk=taak_id, status=Taak.Status.WACHTRIJ).update(
            status=Taak.Status.BEZIG, gestart=timezone.now(), voortgang=0
        )
    )


def taak_uitvoeren_service(*, taak_id: int) -> None:
    """Run one job on the worker. Idempotent: a finished job or one with its file is skipped."""
    taak = Taak.objects.filter(pk=taak_id).first()
    if taak is None or taak.status == Taak.Status.KLAAR or taak.bestand:
        return
    if not _claim(taak_id):
        return
    taak.refresh_from_db()
    Taak.objects.filter(pk=taak_id).update(pogingen=taak.pogingen + 1)

    def voortgang(percent: int, tekst: str = "") -> None:
        Taak.objects.filter(pk=taak_id).update(voortgang=max(0, min(100, int(percent))), voortgang_tekst=tekst[:200])

    try:
        naam, inhoud = get_taaksoort(taak.soort).handler(taak, voortgang)
    except TaakFout as fout:
        Taak.objects.filter(pk=taak_id).update(
            status=Taak.Status.MISLUKT, foutmelding=str(fout) or "?", afgerond=timezone.now()
        )
        return
    except Exception:
        # Unknown errors: back to the queue state so that a retry can claim it; the task decides.
        Taak.objects.filter(pk=taak_id).update(status=Taak.Status.WACHTRIJ)
        raise
    with transaction.atomic():
        taak = Taak.objects.select_for_update().get(pk=taak_id)
        taak.bestand.save(naam, ContentFile(inhoud), save=False)
        taak.bestandsnaam = naam
        taak.status = Taak.Status.KLAAR
        taak.voortgang = 100
        taak.afgerond = timezone.now()
        taak.save(update_fields=["bestand", "bestandsnaam", "status", "voortgang", "afgerond"])


def taak_mislukt_markeren(*, taak_id: int, reden: str) -> None:
    Taak.objects.filter(pk=taak_id).exclude(status=Taak.Status.KLAAR).update(
        status=Taak.Status.MISLUKT, foutmelding=reden or "?", afgerond=timezone.now()
    )


def taken_zichtbaar_voor(user):
    """Jobs a user may follow and download: their own, and kinds whose rule admits the user."""
    from django.db.models import Q

    if not user.is_authenticated:
        return Taak.objects.none()
    extra = [naam for naam, s in _REGISTER.items() if s.mag_inzien is not None and s.mag_inzien(user)]
    return Taak.objects.filter(Q(aangevraagd_door=user) | Q(soort__in=extra))
