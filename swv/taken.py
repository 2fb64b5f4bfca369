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
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connections, transaction
from django.db.models import F, Model, Q, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from swv.fouten import DomeinFout
from swv.models import Taak

logger = logging.getLogger(__name__)

Voortgang = Callable[[int, str], None]
Handler = Callable[[Taak, Voortgang], tuple[str, bytes | None]]


class TaakFout(DomeinFout):
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
    # Whose data an export holds (taak -> pupil), so that its download is logged against the pupil.
    leerling_van: Callable[[Taak], Model | None] | None = None
    # What the job belongs to: ``terug(taak) -> (url, link text)`` or None, so that a finished
    # job's page leads back (e.g. to the report to adopt and publish).
    terug: Callable[[Taak], tuple[str, Any] | None] | None = None


_REGISTER: dict[str, TaakSoort] = {}


def taaksoort(
    naam: str,
    *,
    mag_inzien: Callable | None = None,
    onderwerp: Callable[[Taak], tuple[Model, Model] | None] | None = None,
    nog_toegang: Callable[..., bool] | None = None,
    leerling_van: Callable[[Taak], Model | None] | None = None,
    terug: Callable[[Taak], tuple[str, Any] | None] | None = None,
) -> Callable[[Handler], Handler]:
    def registreer(handler: Handler) -> Handler:
        _REGISTER[naam] = TaakSoort(
            naam=naam,
            handler=handler,
            mag_inzien=mag_inzien,
            onderwerp=onderwerp,
            nog_toegang=nog_toegang,
            leerling_van=leerling_van,
            terug=terug,
        )
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
    """Create the job row and queue it on the worker once the transaction commits.

    If the broker is down the row stays queued with the reason (``wachtrijfout``) and the re-queue
    sweep sends it when the broker is back; the progress page says so. Nothing raises to the user.
    """
    get_taaksoort(soort)  # refuse unknown kinds before writing anything
    taak = Taak.objects.create(
        soort=soort, omschrijving=omschrijving, aangevraagd_door=aangevraagd_door, parameters=parameters or {}
    )
    transaction.on_commit(lambda: taak_in_wachtrij_zetten(taak.pk))
    return taak


def brokerfouten() -> tuple[type[BaseException], ...]:
    """What sending a message can raise when the broker is down or unreachable."""
    from kombu.exceptions import OperationalError as KombuOperationalError

    fouten: tuple[type[BaseException], ...] = (KombuOperationalError, ConnectionError, OSError, TimeoutError)
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - the embedded mode runs without redis-py
        return fouten
    return (*fouten, RedisError)


def taak_in_wachtrij_zetten(taak_id: int) -> bool:
    """Hand the job to the broker; record when, or why not (the broker is down). Returns success."""
    from swv.tasks import taak_uitvoeren

    try:
        taak_uitvoeren.delay(taak_id)
    except brokerfouten() as fout:
        logger.warning("Job %s not queued, broker unreachable: %s", taak_id, type(fout).__name__)
        Taak.objects.filter(pk=taak_id, status=Taak.Status.WACHTRIJ).update(
            in_wachtrij_op=None, wachtrijfout=type(fout).__name__[:200]
        )
        return False
    Taak.objects.filter(pk=taak_id).update(in_wachtrij_op=timezone.now(), wachtrijfout="")
    return True


class ClaimVerloren(Exception):
    """This worker's lease on the job lapsed and another worker took it over: stop, quietly."""


def _lease() -> timedelta:
    return settings.SWV_TAAK_LEASE


def _claim(taak_id: int) -> uuid.UUID | None:
    """Claim a job with a conditional UPDATE: a queued job, or a running one whose lease lapsed (its
    worker died). A duplicate delivery of a live job finds nothing to claim. Returns the claim token."""
    token = uuid.uuid4()
    nu = timezone.now()
    geclaimd = (
        Taak.objects.filter(pk=taak_id, pogingen__lt=settings.SWV_TAAK_MAX_POGINGEN)
        .filter(Q(status=Taak.Status.WACHTRIJ) | Q(status=Taak.Status.BEZIG, geclaimd_tot__lt=nu))
        .update(
            status=Taak.Status.BEZIG,
            claim=token,
            geclaimd_tot=nu + _lease(),
            gestart=Coalesce(F("gestart"), Value(nu)),
            pogingen=F("pogingen") + 1,
        )
    )
    return token if geclaimd else None


def _van_mij(taak_id: int, token: uuid.UUID):
    return Taak.objects.filter(pk=taak_id, status=Taak.Status.BEZIG, claim=token)


@contextmanager
def _lease_verlengen(taak_id: int, token: uuid.UUID) -> Iterator[None]:
    """Renew the lease in a thread while the handler runs (a long PDF render reports no progress)."""
    stop = threading.Event()
    interval = max(_lease().total_seconds() / 3, 0.5)

    def verleng() -> None:
        try:
            while not stop.wait(interval):
                if not _van_mij(taak_id, token).update(geclaimd_tot=timezone.now() + _lease()):
                    return
        except Exception:  # noqa: BLE001 - a missed renewal only risks a takeover, which is safe
            logger.warning("Lease of job %s not renewed", taak_id, exc_info=True)
        finally:
            connections.close_all()

    thread = threading.Thread(target=verleng, name=f"taak-{taak_id}-lease", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def taak_uitvoeren_service(*, taak_id: int) -> None:
    """Run one job on the worker, exactly once however often its message arrives.

    The claim gives this worker a lease (renewed while it works and by each progress report). A
    worker that dies leaves the lease to lapse; the next delivery, or the sweep, lets another
    worker take the job over from the start. Only the holder of the current claim may finish the
    job (store its one file) or fail it: a worker that lost its claim stops at its next progress
    report and writes nothing.
    """
    taak = Taak.objects.filter(pk=taak_id).first()
    if taak is None or taak.status == Taak.Status.KLAAR or taak.bestand:
        return
    token = _claim(taak_id)
    if token is None:
        return
    taak.refresh_from_db()
    if taak.pogingen > 1:
        logger.info("Job %s resumed (attempt %s)", taak_id, taak.pogingen)

    def voortgang(percent: int, tekst: str = "") -> None:
        if not _van_mij(taak_id, token).update(
            voortgang=max(0, min(100, int(percent))),
            voortgang_tekst=tekst[:200],
            geclaimd_tot=timezone.now() + _lease(),
        ):
            raise ClaimVerloren(taak_id)

    try:
        with _lease_verlengen(taak_id, token):
            naam, inhoud = get_taaksoort(taak.soort).handler(taak, voortgang)
    except ClaimVerloren:
        logger.info("Job %s was taken over by another worker", taak_id)
        return
    except DomeinFout as fout:  # a TaakFout, or a service's refusal: its Dutch reason, no retry
        _van_mij(taak_id, token).update(
            status=Taak.Status.MISLUKT,
            foutmelding=str(fout) or "?",
            afgerond=timezone.now(),
            claim=None,
            geclaimd_tot=None,
        )
        return
    except Exception:
        # Unknown errors: back to the queue state so that a retry can claim it; the task decides.
        _van_mij(taak_id, token).update(status=Taak.Status.WACHTRIJ, claim=None, geclaimd_tot=None)
        raise
    with transaction.atomic():
        taak = Taak.objects.select_for_update().get(pk=taak_id)
        if taak.status != Taak.Status.BEZIG or taak.claim != token:
            logger.info("Job %s was taken over by another worker; result discarded", taak_id)
            return
        if inhoud is not None:  # None: the handler kept the file with its subject (stored once)
            taak.bestand.save(naam, ContentFile(inhoud), save=False)
        taak.bestandsnaam = naam
        taak.status = Taak.Status.KLAAR
        taak.voortgang = 100
        taak.afgerond = timezone.now()
        taak.claim = None
        taak.geclaimd_tot = None
        taak.save(update_fields=["bestand", "bestandsnaam", "status", "voortgang", "afgerond", "claim", "geclaimd_tot"])


def taken_herplannen_service() -> dict[str, int]:
    """The beat sweep (each minute; idempotent: a duplicate message finds nothing to claim).

    - a job whose lease lapsed (its worker died) or that waits, and that used up its attempts,
      fails with a reason;
    - a running job whose lease lapsed is sent again, so that a worker takes it over;
    - a queued job that never reached the broker (it was down), or whose message is older than
      the broker's visibility timeout (lost), is sent again.
    Stops at the first refusal of the broker (it is still down). Returns the counts.
    """
    nu = timezone.now()
    maximum = settings.SWV_TAAK_MAX_POGINGEN
    verlopen = Q(status=Taak.Status.BEZIG, geclaimd_tot__lt=nu)
    wachtend = Q(status=Taak.Status.WACHTRIJ)
    opgegeven = Taak.objects.filter(verlopen | wachtend, pogingen__gte=maximum).update(
        status=Taak.Status.MISLUKT,
        foutmelding=_("The job was interrupted %(aantal)s times and has been stopped.") % {"aantal": maximum},
        afgerond=nu,
        claim=None,
        geclaimd_tot=None,
    )
    zichtbaarheid = timedelta(
        seconds=(getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", None) or {}).get("visibility_timeout", 3600)
    )
    opnieuw = list(
        Taak.objects.filter(
            verlopen
            | Q(status=Taak.Status.WACHTRIJ, in_wachtrij_op__isnull=True, aangemaakt__lt=nu - timedelta(minutes=1))
            | Q(status=Taak.Status.WACHTRIJ, in_wachtrij_op__lt=nu - zichtbaarheid)
        )
        .order_by("aangemaakt")
        .values_list("pk", flat=True)
    )
    verzonden = 0
    for pk in opnieuw:
        if not taak_in_wachtrij_zetten(pk):
            break
        verzonden += 1
    return {"opgegeven": opgegeven, "opnieuw": verzonden, "niet_verzonden": len(opnieuw) - verzonden}


def taak_mislukt_markeren(*, taak_id: int, reden: str) -> None:
    Taak.objects.filter(pk=taak_id).exclude(status=Taak.Status.KLAAR).update(
        status=Taak.Status.MISLUKT, foutmelding=reden or "?", afgerond=timezone.now(), claim=None, geclaimd_tot=None
    )


def taken_zichtbaar_voor(user):
    """Jobs a user may follow and download: their own, and kinds whose rule admits the user."""
    if not user.is_authenticated:
        return Taak.objects.none()
    extra = [naam for naam, s in _REGISTER.items() if s.mag_inzien is not None and s.mag_inzien(user)]
    return Taak.objects.filter(Q(aangevraagd_door=user) | Q(soort__in=extra))


def taak_of_404(user, uuid) -> Taak:
    """The job ``user`` may follow now, or 404: theirs (or a kind's ``mag_inzien``) and, for a file
    with pupil data, still within the pupil's current scope or the export's current right."""
    return _taak_met_toegang(user, uuid)[0]


def _taak_met_toegang(user, uuid) -> tuple[Taak, TaakSoort, tuple[Model, Model] | None]:
    """The one access check for a job's page and its file (404 when refused): the job, its kind and,
    for a letter, the object it is about and its pupil."""
    from swv.access import zichtbaar_of_404

    taak = zichtbaar_of_404(taken_zichtbaar_voor(user), uuid=uuid)
    soort = _REGISTER.get(taak.soort)
    if soort is None:
        raise Http404
    return taak, soort, _leerlingtoegang(user, taak, soort)


def _leerlingtoegang(user, taak: Taak, soort: TaakSoort) -> tuple[Model, Model] | None:
    """404 unless ``user`` may have this job's pupil data today; the letter's object and pupil."""
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
    from swv.protocol import log_document_gedownload, log_export, log_taakbestand_gedownload

    taak, soort, gevonden = _taak_met_toegang(user, uuid)
    if not taak.bestand:
        raise Http404
    if gevonden is not None:
        obj, leerling = gevonden
        log_document_gedownload(gebruiker=user, document=obj, leerling=leerling, request=request)
    elif soort.nog_toegang is not None:
        van: Any = soort.leerling_van(taak) if soort.leerling_van else None
        if van is not None:
            log_taakbestand_gedownload(gebruiker=user, taak=taak, leerling_uuid=van.uuid, request=request)
        else:
            log_export(gebruiker=user, gebeurtenis=f"{taak.soort}_gedownload", aantal=1, obj=taak, request=request)
    return taak
