"""Notifications: an in-app row per recipient and event, and one e-mail with a link (never pupil
details), sent by Celery after the transaction commits. The unique ``sleutel`` makes an event
notify each recipient once; the e-mail is claimed with a conditional UPDATE before it is sent."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from arrangementen import conf
from arrangementen.choices import AanvraagStatus, Beoordelaar, Meldingsoort, Verzendstatus
from arrangementen.models import Aanvraag, Evaluatiemoment, Melding
from swv.choices import Rol
from swv.models import Gebruiker, Lidmaatschap


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
    """One notification per recipient for this event (``kenmerk`` tells repeated events apart);
    existing ones are left alone. E-mails are queued once the transaction commits."""
    from arrangementen.tasks import melding_versturen

    nieuw = []
    gezien = set()
    for ontvanger in ontvangers:
        if ontvanger is None or not ontvanger.is_active or ontvanger.pk in gezien:
            continue
        if behalve is not None and ontvanger.pk == behalve.pk:
            continue
        gezien.add(ontvanger.pk)
        melding, aangemaakt = Melding.objects.get_or_create(
            sleutel=f"{soort}:{aanvraag.pk}:{kenmerk}:{ontvanger.pk}",
            defaults={"ontvanger": ontvanger, "soort": soort, "aanvraag": aanvraag},
        )
        if aangemaakt:
            nieuw.append(melding)
    for melding in nieuw:
        transaction.on_commit(partial(melding_versturen.delay, melding.pk))
    return nieuw


def zin_bij(soort: str) -> str:
    zinnen: dict[str, str] = {
        Meldingsoort.INGEDIEND: _("An arrangement request has been submitted that you can assess."),
        Meldingsoort.AANVULLING_GEVRAAGD: _(
            "The assessor asks for more information about an arrangement request of your school."
        ),
        Meldingsoort.BESLOTEN: _("A decision has been taken on an arrangement request."),
        Meldingsoort.EVALUATIE: _("An evaluation moment of an arrangement is coming up or has passed."),
    }
    return zinnen[soort]


def melding_email_versturen(*, melding_id: int) -> bool:
    """Send the notification's e-mail once. Returns False when it was already claimed or sent.

    A failure puts the claim back (so the task's retry can send it) and re-raises.
    """
    geclaimd = Melding.objects.filter(pk=melding_id, email_status=Verzendstatus.WACHTRIJ).update(
        email_status=Verzendstatus.BEZIG, email_pogingen=F("email_pogingen") + 1
    )
    if not geclaimd:
        return False
    melding = Melding.objects.select_related("ontvanger", "aanvraag").get(pk=melding_id)
    ctx = {
        "zin": zin_bij(melding.soort),
        "link": conf.portaal_url() + reverse("arrangementen:detail", args=[melding.aanvraag.uuid]),
        "soort": melding.get_soort_display(),
    }
    try:
        send_mail(
            render_to_string("emails/arrangementen_melding_subject.txt", ctx).strip(),
            render_to_string("emails/arrangementen_melding.txt", ctx),
            None,
            [melding.ontvanger.email],
            html_message=render_to_string("emails/arrangementen_melding.html", ctx),
        )
    except Exception:
        Melding.objects.filter(pk=melding_id, email_status=Verzendstatus.BEZIG).update(
            email_status=Verzendstatus.WACHTRIJ
        )
        raise
    Melding.objects.filter(pk=melding_id).update(
        email_status=Verzendstatus.VERSTUURD, email_verstuurd_op=timezone.now()
    )
    return True


def melding_email_mislukt(*, melding_id: int, reden: str) -> None:
    Melding.objects.filter(pk=melding_id).exclude(email_status=Verzendstatus.VERSTUURD).update(
        email_status=Verzendstatus.MISLUKT, email_fout=reden[:200]
    )


@transaction.atomic
def melding_gelezen(*, melding: Melding, door) -> None:
    if melding.ontvanger_id != door.pk:
        return
    Melding.objects.filter(pk=melding.pk, gelezen_op__isnull=True).update(gelezen_op=timezone.now())


@transaction.atomic
def meldingen_alle_gelezen(*, door) -> int:
    return Melding.objects.filter(ontvanger=door, gelezen_op__isnull=True).update(gelezen_op=timezone.now())


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
