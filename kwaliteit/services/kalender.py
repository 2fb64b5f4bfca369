"""Writes of the accountability calendar: products, the status of a due occurrence, reminders."""

from __future__ import annotations

import logging
from datetime import date

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kwaliteit import conf
from kwaliteit.choices import MomentStatus
from kwaliteit.models import KalenderItem, KalenderMoment
from kwaliteit.services.fouten import KwaliteitFout
from kwaliteit.services.historie import controleer_versie
from swv.access import heeft_rol

logger = logging.getLogger(__name__)


def _vereis_bewerken(door) -> None:
    if not heeft_rol(door, *conf.KALENDER_BEWERKEN):
        raise PermissionDenied


def _valideer_maanden(maanden) -> list[int]:
    try:
        schoon = sorted({int(m) for m in maanden})
    except (TypeError, ValueError):
        raise KwaliteitFout(_("Due months must be numbers from 1 to 12."))
    if any(m < 1 or m > 12 for m in schoon):
        raise KwaliteitFout(_("Due months must be numbers from 1 to 12."))
    return schoon


@transaction.atomic
def kalenderitem_opslaan(
    *, item: KalenderItem | None = None, versie: int | None = None, door, **velden
) -> KalenderItem:
    """Create or change a calendar product (``velden``: the model's editable fields)."""
    _vereis_bewerken(door)
    velden["maanden"] = _valideer_maanden(velden.get("maanden", []))
    if velden.get("interval_jaren", 1) > 1 and not velden.get("referentiejaar"):
        raise KwaliteitFout(_("A product that is due every few years needs a reference year."))
    if item is not None:
        item = KalenderItem.objects.select_for_update().get(pk=item.pk)
        controleer_versie(item, versie)
        item.versie += 1
    else:
        item = KalenderItem()
    for veld, waarde in velden.items():
        setattr(item, veld, waarde)
    item.save()
    return item


def _moment(item: KalenderItem, jaar: int, maand: int) -> KalenderMoment:
    if not item.is_verwacht_in(jaar, maand):
        raise KwaliteitFout(_("This product is not due in that month."))
    try:
        with transaction.atomic():
            moment, _nieuw = KalenderMoment.objects.get_or_create(item=item, jaar=jaar, maand=maand)
    except IntegrityError:  # created concurrently
        moment = KalenderMoment.objects.get(item=item, jaar=jaar, maand=maand)
    return moment


@transaction.atomic
def kalendermoment_bijwerken(
    *, item: KalenderItem, jaar: int, maand: int, status: str, opmerking: str = "", versie: int | None = None, door
) -> KalenderMoment:
    """Set the status of a product's due occurrence (to do, in preparation, done, not applicable)."""
    _vereis_bewerken(door)
    if status not in MomentStatus.values:
        raise KwaliteitFout(_("Choose a valid status."))
    moment = KalenderMoment.objects.select_for_update().get(pk=_moment(item, jaar, maand).pk)
    controleer_versie(moment, versie)
    moment.status, moment.opmerking, moment.bijgewerkt_door = status, opmerking, door
    moment.versie += 1
    moment.save()
    return moment


def volgende_maand(jaar: int, maand: int) -> tuple[int, int]:
    return (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)


def vorige_maand(jaar: int, maand: int) -> tuple[int, int]:
    return (jaar - 1, 12) if maand == 1 else (jaar, maand - 1)


def _ontvangers(rol: str) -> list[str]:
    from swv.models import Gebruiker, Lidmaatschap

    ids = Lidmaatschap.objects.actief_op().filter(rol=rol).values("gebruiker_id")
    return list(Gebruiker.objects.filter(pk__in=ids, is_active=True).values_list("email", flat=True).distinct())


def _stuur_herinnering(moment: KalenderMoment, ontvangers: list[str]) -> None:
    context = {
        "product": moment.item.product,
        "maand": date(moment.jaar, moment.maand, 1),
        "url": conf.basis_url() + reverse("kwaliteit:kalender"),
    }
    onderwerp = render_to_string("emails/kwaliteit_kalender_herinnering_onderwerp.txt", context).strip()
    tekst = render_to_string("emails/kwaliteit_kalender_herinnering.txt", context)
    html = render_to_string("emails/kwaliteit_kalender_herinnering.html", context)
    send_mail(onderwerp, tekst, None, ontvangers, html_message=html)


def kalender_herinneringen_versturen(*, vandaag: date | None = None) -> int:
    """Remind the owners of every product due this month or next month that is not done yet; a
    product due in consecutive months (April-May) is announced once, for its first month.

    Idempotent: each occurrence is claimed with a conditional UPDATE (``herinnering_verstuurd`` is
    still empty) before its e-mail goes out, so running the job again, or twice at once, sends
    nothing twice. The e-mail holds a link only. Returns the number of reminders sent.
    """
    vandaag = vandaag or timezone.localdate()
    verstuurd = 0
    perioden = [(vandaag.year, vandaag.month), volgende_maand(vandaag.year, vandaag.month)]
    for item in KalenderItem.objects.filter(actief=True).exclude(herinneren_rol=""):
        for jaar, maand in perioden:
            if not item.is_verwacht_in(jaar, maand) or item.is_verwacht_in(*vorige_maand(jaar, maand)):
                continue  # not due, or a continuation of a period already announced (April-May: once)
            moment = _moment(item, jaar, maand)
            if moment.status in (MomentStatus.GEREED, MomentStatus.NVT):
                continue
            # Claim and send in one transaction: if sending fails, the claim is rolled back for a retry.
            with transaction.atomic():
                if not KalenderMoment.objects.filter(pk=moment.pk, herinnering_verstuurd__isnull=True).update(
                    herinnering_verstuurd=timezone.now()
                ):
                    continue
                ontvangers = _ontvangers(item.herinneren_rol)
                if ontvangers:
                    _stuur_herinnering(moment, ontvangers)
                    verstuurd += 1
            logger.info("Reminder for calendar occurrence %s sent to %s recipients", moment.pk, len(ontvangers))
    return verstuurd
