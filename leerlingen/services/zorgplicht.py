"""Writes of zorgplicht cases: register the written application, extend the term once, decide;
and the daily reminders (idempotent: one row per case and moment) with their e-mails."""

from __future__ import annotations

import logging
import uuid as uuidlib
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from leerlingen import conf
from leerlingen.models import Zorgplichtcasus, ZorgplichtHerinnering
from leerlingen.services.thuiszitters import (
    Domeinfout,
    _bestaande_bij_dubbel_verzenden,
    controleer_leeftijd,
    controleer_niet_in_toekomst,
    leerling_zonder_inschrijving_aanmaken,
)
from swv.access import controleer_nog_zichtbaar, school_ids
from swv.choices import Rol
from swv.meldingen import melden
from swv.models import Gebruiker, Lidmaatschap, School
from swv.overgangen import overgang, status_vastleggen

logger = logging.getLogger(__name__)


def termijn_na(aanmeldingsdatum: date) -> date:
    """The decision deadline: the application date plus the term of the settings (6 weeks)."""
    return aanmeldingsdatum + timedelta(weeks=conf.zorgplicht_termijn_weken())


@transaction.atomic
def zorgplicht_registreren(
    *,
    door,
    school: School,
    voornaam: str,
    tussenvoegsel: str = "",
    achternaam: str,
    geboortedatum: date,
    aanmeldingsdatum: date,
    ondersteuningsvraag: str = "",
    uuid: uuidlib.UUID | None = None,
) -> Zorgplichtcasus:
    """Register the written application of a child at the school; from that date the school's
    board holds the zorgplicht. The child is recorded without enrolment (it is not yet a pupil of
    the school); only the ib-er or directeur of that school can do this."""
    if (bestaand := _bestaande_bij_dubbel_verzenden(Zorgplichtcasus, uuid, door)) is not None:
        return bestaand
    if school.pk not in school_ids(door, [Rol.IB_ER, Rol.DIRECTEUR]):
        raise Domeinfout(_("You can only register an application at your own school."))
    controleer_niet_in_toekomst(aanmeldingsdatum, "aanmeldingsdatum", _("The date of the written application"))
    controleer_leeftijd(geboortedatum, aanmeldingsdatum, minimum=2, maximum=conf.thuiszitters_maximum_leeftijd())
    leerling = leerling_zonder_inschrijving_aanmaken(
        voornaam=voornaam, tussenvoegsel=tussenvoegsel, achternaam=achternaam, geboortedatum=geboortedatum
    )
    casus = Zorgplichtcasus.objects.create(
        uuid=uuid or uuidlib.uuid4(),
        leerling=leerling,
        school=school,
        bestuur_id=school.bestuur_id,
        aanmeldingsdatum=aanmeldingsdatum,
        termijn_datum=termijn_na(aanmeldingsdatum),
        ondersteuningsvraag=ondersteuningsvraag,
        aangemaakt_door=door,
    )
    status_vastleggen(casus, van="", naar=casus.status, door=door)
    controleer_nog_zichtbaar(casus, door)
    return casus


def _vergrendel(casus: Zorgplichtcasus, door) -> Zorgplichtcasus:
    vergrendeld = Zorgplichtcasus.objects.visible_to(door, "change").select_for_update().filter(pk=casus.pk).first()
    if vergrendeld is None:
        raise Domeinfout(_("You may not change this zorgplicht case."))
    if not vergrendeld.is_lopend:
        raise Domeinfout(_("A decision on this application has already been recorded."))
    return vergrendeld


@transaction.atomic
def zorgplicht_verlengen(*, door, casus: Zorgplichtcasus, reden: str) -> Zorgplichtcasus:
    """Extend the decision term once by the extension of the settings (4 weeks), with a reason,
    before the first term has passed (``aangemeld`` -> ``verlengd``). A second extension is refused."""
    casus = _vergrendel(casus, door)
    if casus.status == Zorgplichtcasus.Status.VERLENGD or casus.verlengd_tot is not None:
        raise Domeinfout(_("The decision term has already been extended once; the law allows only one extension."))
    if not reden.strip():
        raise Domeinfout({"reden": _("Give the reason for the extension.")})
    if timezone.localdate() > casus.termijn_datum:
        raise Domeinfout(
            _("The term of %(weken)s weeks ended on %(datum)s; it can only be extended before it ends.")
            % {"weken": conf.zorgplicht_termijn_weken(), "datum": date_format(casus.termijn_datum, "j F Y")}
        )
    return overgang(
        casus,
        Zorgplichtcasus.Status.VERLENGD,
        door=door,
        reden=reden.strip(),
        velden={
            "verlengd_tot": casus.termijn_datum + timedelta(weeks=conf.zorgplicht_verlenging_weken()),
            "verlenging_reden": reden.strip(),
        },
    )


@transaction.atomic
def zorgplicht_besluiten(
    *,
    door,
    casus: Zorgplichtcasus,
    uitkomst: str,
    besluitdatum: date,
    andere_school: School | None = None,
    andere_school_naam: str = "",
    toelichting: str = "",
) -> Zorgplichtcasus:
    """Record the outcome (PROCESSES.md section 5) and close the case (-> ``besloten``)."""
    casus = _vergrendel(casus, door)
    if uitkomst not in Zorgplichtcasus.Uitkomst.values:
        raise Domeinfout({"uitkomst": _("Choose the outcome.")})
    if besluitdatum < casus.aanmeldingsdatum:
        raise Domeinfout(
            {
                "besluitdatum": _("The decision date cannot be before the date of the application (%(datum)s).")
                % {"datum": date_format(casus.aanmeldingsdatum, "j F Y")}
            }
        )
    controleer_niet_in_toekomst(besluitdatum, "besluitdatum", _("The decision date"))
    if uitkomst == Zorgplichtcasus.Uitkomst.ANDERE_SCHOOL:
        if andere_school is None and not andere_school_naam.strip():
            raise Domeinfout({"andere_school": _("Name the other school where the pupil is placed.")})
        if andere_school is not None and andere_school.pk == casus.school_id:
            raise Domeinfout({"andere_school": _("The other school cannot be the school the parents applied to.")})
    else:
        andere_school, andere_school_naam = None, ""
    casus = overgang(
        casus,
        Zorgplichtcasus.Status.BESLOTEN,
        door=door,
        reden=str(Zorgplichtcasus.Uitkomst(uitkomst).label),
        velden={
            "uitkomst": uitkomst,
            "besluitdatum": besluitdatum,
            "toelichting": toelichting,
            "andere_school": andere_school,
            "andere_school_naam": andere_school_naam.strip(),
        },
    )
    controleer_nog_zichtbaar(casus, door)
    return casus


# --- reminders ---


def herinnering_moment(casus: Zorgplichtcasus, vandaag: date) -> str | None:
    """The reminder moment due for ``casus`` on ``vandaag``: the nearest configured day before the
    deadline in force that has arrived (``termijn-7``), or ``...-verlopen`` once it has passed. Only
    the most urgent moment is due, so a case registered late gets one warning, not a burst."""
    if not casus.is_lopend:
        return None
    soort = "verlenging" if casus.verlengd_tot else "termijn"
    resterend = (casus.uiterste_datum - vandaag).days
    if resterend < 0:
        return f"{soort}-verlopen"
    bereikt = [d for d in conf.zorgplicht_herinnering_dagen() if resterend <= d]
    return f"{soort}-{min(bereikt)}" if bereikt else None


def _titel(moment: str, casus: Zorgplichtcasus) -> str:
    if moment.endswith("-verlopen"):
        return _("Zorgplicht: the decision term has passed (%(datum)s)") % {
            "datum": date_format(casus.uiterste_datum, "j F Y")
        }
    dagen = int(moment.rsplit("-", 1)[1])
    return ngettext(
        "Zorgplicht: the decision term ends in %(n)s day (%(datum)s)",
        "Zorgplicht: the decision term ends in %(n)s days (%(datum)s)",
        dagen,
    ) % {"n": dagen, "datum": date_format(casus.uiterste_datum, "j F Y")}


def ontvangers(casus: Zorgplichtcasus, vandaag: date) -> list[Gebruiker]:
    """ib-er, directeur and consulent of the school and the board's bestuurder (setting), in office today."""
    rollen = set(conf.zorgplicht_herinnering_rollen())
    school_rollen = rollen & {Rol.IB_ER, Rol.DIRECTEUR, Rol.CONSULENT}
    regel = Q(rol__in=school_rollen, school_id=casus.school_id)
    if Rol.BESTUURDER in rollen:
        regel |= Q(rol=Rol.BESTUURDER, bestuur_id=casus.bestuur_id)
    ids = Lidmaatschap.objects.actief_op(vandaag).filter(regel).values("gebruiker_id")
    return list(Gebruiker.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


def zorgplicht_herinneringen_versturen(*, vandaag: date | None = None) -> int:
    """The daily beat run: claim each due moment once (unique constraint) and notify in-app and by
    e-mail (a link only). Running twice, or in two workers at once, sends nothing twice.
    Returns the number of moments claimed."""
    vandaag = vandaag or timezone.localdate()
    horizon = vandaag + timedelta(days=max(conf.zorgplicht_herinnering_dagen(), default=0))
    kandidaten = (
        Zorgplichtcasus.objects.lopend()
        .filter(Q(verlengd_tot__isnull=True, termijn_datum__lte=horizon) | Q(verlengd_tot__lte=horizon))
        .select_related("school")
    )
    geclaimd = 0
    for casus in kandidaten.iterator():
        moment = herinnering_moment(casus, vandaag)
        if moment is not None and _herinnering_claimen(casus, moment, vandaag):
            geclaimd += 1
    return geclaimd


@transaction.atomic
def _herinnering_claimen(casus: Zorgplichtcasus, moment: str, vandaag: date) -> bool:
    herinnering, nieuw = ZorgplichtHerinnering.objects.get_or_create(
        casus=casus, moment=moment, defaults={"uiterste_datum": casus.uiterste_datum}
    )
    if not nieuw:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        titel = _titel(moment, casus)
    melden(
        soort="leerlingen.zorgplicht",
        doel=casus,
        ontvangers=ontvangers(casus, vandaag),
        sleutel=f"zorgplicht:{herinnering.pk}",
        titel=titel,
    )
    return True
