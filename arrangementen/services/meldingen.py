"""Who hears about an arrangement request, and when (the evaluation reminders); the notifications
themselves are ``swv.meldingen``'s: one row per recipient and event, an e-mail with a link only."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from arrangementen import conf
from arrangementen.choices import AanvraagStatus, Beoordelaar, Meldingsoort
from arrangementen.models import Aanvraag, Evaluatiemoment
from swv.choices import Rol
from swv.meldingen import melden
from swv.models import Gebruiker, Lidmaatschap, Melding


def _met_rol(rol: str, **scope):
    actief = Lidmaatschap.objects.actief_op().filter(rol=rol, **scope)
    return Gebruiker.objects.filter(is_active=True, lidmaatschappen__in=actief).distinct()


def beoordelaars_van(aanvraag: Aanvraag) -> list:
    """Who assesses the request: the school's consulent(s) and/or the AC members."""
    ontvangers = []
    if aanvraag.beoordelaar in (Beoordelaar.CONSULENT, Beoordelaar.CONSULENT_AC):
        ontvangers += list(_met_rol(Rol.CONSULENT, school_id=aanvraag.school_id))
    if aanvraag.beoordelaar == Beoordelaar.AC or (aanvraag.beoordelaar == Beoordelaar.CONSULENT_AC and not ontvangers):
        ontvangers += list(_met_rol(Rol.AC_LID))
    return ontvangers


def consulenten_van(aanvraag: Aanvraag) -> list:
    return list(_met_rol(Rol.CONSULENT, school_id=aanvraag.school_id))


def meldingen_maken(*, soort: str, aanvraag: Aanvraag, ontvangers, kenmerk: str = "", behalve=None) -> list[Melding]:
    """One notification per recipient for this event (``kenmerk`` tells repeated events apart),
    through ``swv.meldingen``: existing ones are left alone, e-mails queued once the transaction commits."""
    return melden(
        soort=soort, doel=aanvraag, ontvangers=ontvangers, sleutel=f"{soort}:{aanvraag.pk}:{kenmerk}", behalve=behalve
    )


@transaction.atomic
def evaluatieherinneringen_maken(*, vandaag=None) -> int:
    """Notify the filing ib-er of every evaluation moment of a running arrangement that is due
    within ``SWV_ARRANGEMENT_EVALUATIE_HERINNERING_DAGEN`` (or overdue) and not yet recorded.
    Runs daily (Celery beat); the unique key makes a moment notify once, however often it runs."""
    vandaag = vandaag or timezone.localdate()
    grens = vandaag + timedelta(days=conf.evaluatie_herinnering_dagen())
    momenten = (
        Evaluatiemoment.objects.filter(aanvraag__status=AanvraagStatus.LOPEND, datum__lte=grens, evaluatie__isnull=True)
        .select_related("aanvraag__aangemaakt_door")
        .order_by("pk")
    )
    n = 0
    for moment in momenten:
        n += len(
            meldingen_maken(
                soort=Meldingsoort.EVALUATIE,
                aanvraag=moment.aanvraag,
                ontvangers=[moment.aanvraag.aangemaakt_door],
                kenmerk=str(moment.pk),
            )
        )
    return n
