"""The job machinery: start a background job, run it on the worker, report progress.

A job kind is registered once with ``@taaksoort("kind")``; its handler receives the ``Taak`` and a
``voortgang(percent, text)`` callback and returns ``(file name, bytes)``, or ``(file name, None)``
when it stored the file with its subject itself (a letter kept once, on the decision). Apps register
their report jobs in their own ``reports.py`` (imported by the app config) and start them with
``taak_starten``.

A file with pupil data is not served because "you requested it": a kind that makes one registers
``onderwerp`` (a letter: the pupil-bearing object it is about, whose ``visible_to`` decides now) or
``nog_toegang`` (an export: the requester's current right to the list); ``taak_bestand_of_404``
applies it at every download and writes the access-log row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Model
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from swv.models import Taak

logger = logging.getLogger(__name__)

Voortgang = Callable[[int, str], None]
Handler = Callable[[Taak, Voortgang], tuple[str, bytes | None]]


class TaakFout(Exception):
    """A domain error in a job: shown to the user with its reason, never retried."""


@dataclass(frozen=True)
class TaakSoort:
    naam: str
    handler: Handler
    # Who may see the job and its file besides the requester (a callable user -> bool).
    mag_inzien: Callable | None = None
    # A letter: taak -> (the object it is about, its pupil), e.g. (tlv, tlv.leerling); the file is
    # served only while the object is in ``visible_to(user)`` today, and each download is logged.
    onderwerp: Callable[[Taak], tuple[Model, Model] | None] | None = None
    # An export with pupil data: (user, taak) -> may the user still have it today; logged too.
    nog_toegang: Callable[..., bool] | None = None

    @property
    def bevat_leerlinggegevens(self) -> bool:
        return self.onderwerp is not None or self.nog_toegang is not None


_REGISTER: dict[str, TaakSoort] = {}


def taaksoort(
    naam: str,
    *,
    mag_inzien: Callable | None = None,
    onderwerp: Callable[[Taak], tuple[Model, Model] | None] | None = None,
    nog_toegang: Callable[..., bool] | None = None,
) -> Callable[[Handler], Handler]:
    def registreer(handler: Handler) -> Handler:
        _REGISTER[naam] = TaakSoort(
            naam=naam, handler=handler, mag_inzien=mag_inzien, onderwerp=onderwerp, nog_toegang=nog_toegang
        )
        return handler

    return registreer


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
        if inhoud is not None:  # None: the handler kept the file with its subject (stored once)
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


def taak_of_404(user, uuid) -> Taak:
    """The job ``user`` may follow now, or 404: theirs (or a kind's ``mag_inzien``) and, for a file
    with pupil data, still within the pupil's current scope or the export's current right."""
    from swv.access import zichtbaar_of_404

    taak = zichtbaar_of_404(taken_zichtbaar_voor(user), uuid=uuid)
    _leerlingtoegang(user, taak)
    return taak


def _leerlingtoegang(user, taak: Taak) -> tuple[Model, Model] | None:
    """404 unless ``user`` may have this job's pupil data today; the letter's object and pupil."""
    soort = _REGISTER.get(taak.soort)
    if soort is None:
        raise Http404
    if soort.onderwerp is not None:
        gevonden = soort.onderwerp(taak)
        if gevonden is None:
            raise Http404
        obj = gevonden[0]
        zichtbaar = type(obj)._default_manager.visible_to(user, "view")  # type: ignore[attr-defined]
        if not zichtbaar.filter(pk=obj.pk).exists():
            raise Http404
        return gevonden
    if soort.nog_toegang is not None and not soort.nog_toegang(user, taak):
        raise Http404
    return None


def taak_bestand_of_404(user, uuid, request=None) -> Taak:
    """The job whose file ``user`` may download now, or 404; a file with pupil data is checked
    against the pupil's current scope (or the export's current right) and its download is logged."""
    from swv.protocol import log_document_gedownload, log_export

    taak = taak_of_404(user, uuid)
    if not taak.bestand:
        raise Http404
    soort = _REGISTER[taak.soort]
    gevonden = _leerlingtoegang(user, taak)
    if gevonden is not None:
        obj, leerling = gevonden
        log_document_gedownload(gebruiker=user, document=obj, leerling=leerling, request=request)
    elif soort.nog_toegang is not None:
        log_export(gebruiker=user, gebeurtenis=f"{taak.soort}_gedownload", aantal=1, obj=taak, request=request)
    return taak
