"""Writes on MDO/OT meetings: plan, edit, cancel, record the verslag (with the child's voice, outcomes
and agreements), add advice; agreements are marked done.

``gepland`` -> ``gehouden`` | ``geannuleerd``: each transition locks the MDO row and refuses other
source states. Planning moves the dossier to ``in_behandeling_mdo``; when no planned MDO is left, it
returns to ``open``. Invitations to portal users are e-mailed (a link only) after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from leerlingen.choices import (
    AfspraakStatus,
    Deelnemersrol,
    DossierStatus,
    MDOSoort,
    MDOStatus,
    StemNietGehoordReden,
    StemWijze,
    Uitkomstsoort,
)
from leerlingen.models import (
    MDO,
    Afspraak,
    Dossier,
    MDOAdvies,
    MDODeelnemer,
    MDOUitkomst,
    StemVanHetKind,
)
from leerlingen.services.dossier import (
    activiteit_registreren,
    dossier_status_zetten,
    eis_open,
    eis_wijzigrecht,
)
from leerlingen.services.fouten import DossierFout, GelijktijdigeWijziging
from swv.access import school_ids
from swv.choices import Rol
from swv.historie import met_historie
from swv.meldingen import melden
from swv.models import Gebruiker, Lidmaatschap
from swv.waarden import vereist

#: Roles of portal users who can take part in an MDO of a school (their membership on that school).
DEELNEMER_ROLLEN = (Rol.IB_ER, Rol.LEERKRACHT, Rol.DIRECTEUR, Rol.CONSULENT)


@dataclass(frozen=True)
class Deelnemer:
    rol: str
    gebruiker: Gebruiker | None = None
    naam: str = ""
    organisatie: str = ""


@dataclass(frozen=True)
class StemGegevens:
    """The child's voice as entered: heard (how, what it said and wants) or not (why)."""

    gehoord: bool
    wijze: str = ""
    wat_zei_kind: str = ""
    wat_wil_kind: str = ""
    reden_niet_gehoord: str = ""
    toelichting: str = ""


@dataclass(frozen=True)
class AfspraakGegevens:
    omschrijving: str
    uiterlijk: date
    uitvoerder: Gebruiker | None = None
    uitvoerder_naam: str = ""


@dataclass(frozen=True)
class Verslag:
    gehouden_op: date
    verslag: str
    stem: StemGegevens
    uitkomsten: list[tuple[str, str]]
    afspraken: list[AfspraakGegevens] = field(default_factory=list)
    aanwezig: list[int] | None = None  # participant ids present; None = everyone


def mogelijke_deelnemers(dossier: Dossier):
    """Portal users who may be invited: staff and consulenten of the school holding the dossier."""
    ids = Lidmaatschap.objects.actief_op().filter(school_id=dossier.school_id, rol__in=DEELNEMER_ROLLEN)
    return Gebruiker.objects.filter(is_active=True, pk__in=ids.values("gebruiker_id")).order_by(
        "achternaam", "voornaam"
    )


def _valideer_planning(begint_om: datetime, duur_minuten: int) -> None:
    if timezone.is_naive(begint_om):
        raise DossierFout(_("Give the date and time of the meeting."))
    if begint_om > timezone.now() + timedelta(days=366):
        raise DossierFout(_("A meeting can be planned at most a year ahead."))
    if not 5 <= duur_minuten <= 600:
        raise DossierFout(_("The duration must be between 5 and 600 minutes."))


def _deelnemers_toevoegen(mdo: MDO, deelnemers: list[Deelnemer]) -> None:
    toegestaan = set(mogelijke_deelnemers(mdo.dossier).values_list("pk", flat=True))
    gezien: set[int] = set(mdo.deelnemers.filter(gebruiker__isnull=False).values_list("gebruiker_id", flat=True))
    for d in deelnemers:
        if d.rol not in Deelnemersrol.values:
            raise DossierFout(_("Choose the role of each participant."))
        if d.gebruiker is not None:
            if d.gebruiker.pk not in toegestaan:
                raise DossierFout(
                    _(
                        "%(naam)s is not a staff member or consultant of this school and cannot be invited as a portal user."
                    )
                    % {"naam": d.gebruiker}
                )
            if d.gebruiker.pk in gezien:
                continue
            gezien.add(d.gebruiker.pk)
        elif not d.naam.strip():
            raise DossierFout(_("Fill in the name of each external participant."))
        MDODeelnemer.objects.create(
            mdo=mdo, gebruiker=d.gebruiker, naam=d.naam.strip(), organisatie=d.organisatie.strip(), rol=d.rol
        )


@transaction.atomic
def mdo_plannen(
    *,
    door,
    dossier: Dossier,
    begint_om: datetime,
    deelnemers: list[Deelnemer],
    soort: str = MDOSoort.MDO,
    duur_minuten: int = 60,
    locatie: str = "",
    agenda: str = "",
) -> MDO:
    """Plan an MDO/OT meeting in an open dossier with its participants; the planner takes part too."""
    eis_wijzigrecht(door, dossier)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    eis_open(dossier)
    _valideer_planning(begint_om, duur_minuten)
    if soort not in MDOSoort.values:
        raise DossierFout(_("Choose the kind of meeting."))
    mdo = MDO.objects.create(
        dossier=dossier,
        school=dossier.school,
        soort=soort,
        begint_om=begint_om,
        duur_minuten=duur_minuten,
        locatie=locatie.strip(),
        agenda=agenda.strip(),
        gepland_door=door,
    )
    _deelnemers_toevoegen(mdo, [Deelnemer(rol=Deelnemersrol.IB_ER, gebruiker=door), *deelnemers])
    if dossier.status == DossierStatus.OPEN:
        dossier_status_zetten(dossier=dossier, naar=DossierStatus.IN_BEHANDELING_MDO, door=door, reden=str(mdo))
    else:
        activiteit_registreren(dossier)
    mdo_uitnodigingen_sturen(mdo_id=mdo.pk)
    return mdo


def mdo_uitnodigingen_sturen(*, mdo_id: int) -> int:
    """Invite each participant with a portal account (not the planner) through ``swv.meldingen``:
    an in-app notification and an e-mail with a link only (never pupil details); returns the count.

    Idempotent: a participant is marked ``uitgenodigd_op`` and the notification is unique per
    meeting and participant, so planning again or a retry invites nobody twice.
    """
    mdo = MDO.objects.filter(pk=mdo_id, status=MDOStatus.GEPLAND).first()
    if mdo is None:
        return 0
    te_sturen = list(
        mdo.deelnemers.filter(gebruiker__isnull=False, uitgenodigd_op__isnull=True).exclude(
            gebruiker_id=mdo.gepland_door_id
        )
    )
    if not te_sturen:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        titel = _("Invitation: %(soort)s on %(datum)s") % {
            "soort": mdo.get_soort_display(),
            "datum": date_format(timezone.localtime(mdo.begint_om), "l j F Y, H:i"),
        }
    melden(
        soort="leerlingen.mdo_uitnodiging",
        doel=mdo,
        ontvangers=[vereist(d.gebruiker_id, "user of an invited participant") for d in te_sturen],
        sleutel=f"mdo:{mdo.pk}",
        titel=titel,
    )
    MDODeelnemer.objects.filter(pk__in=[d.pk for d in te_sturen]).update(uitgenodigd_op=timezone.now())
    return len(te_sturen)


def _vergrendel_gepland(mdo: MDO, versie: int | None = None) -> MDO:
    mdo = MDO.objects.select_for_update().select_related("dossier").get(pk=mdo.pk)
    if mdo.status != MDOStatus.GEPLAND:
        raise DossierFout(_("This meeting is no longer planned (it was held or cancelled)."))
    if versie is not None and mdo.versie != versie:
        raise GelijktijdigeWijziging(
            _(
                "Someone else changed this meeting while you were editing it. Your changes have not been saved: "
                "reload the page and make them again."
            )
        )
    return mdo


def _terug_naar_open(dossier: Dossier, door, reden: str) -> None:
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if (
        dossier.status == DossierStatus.IN_BEHANDELING_MDO
        and not dossier.mdos.filter(status=MDOStatus.GEPLAND).exists()
    ):
        dossier_status_zetten(dossier=dossier, naar=DossierStatus.OPEN, door=door, reden=reden)
    else:
        activiteit_registreren(dossier)


@transaction.atomic
def mdo_bijwerken(
    *,
    door,
    mdo: MDO,
    versie: int,
    begint_om: datetime,
    duur_minuten: int,
    locatie: str,
    agenda: str,
    nieuwe_deelnemers: list[Deelnemer] | None = None,
    verwijder_deelnemers: list[int] | None = None,
) -> MDO:
    """Change a planned meeting (time, place, agenda, participants); optimistic lock on ``versie``."""
    eis_wijzigrecht(door, mdo.dossier)
    mdo = _vergrendel_gepland(mdo, versie)
    _valideer_planning(begint_om, duur_minuten)
    mdo.begint_om = begint_om
    mdo.duur_minuten = duur_minuten
    mdo.locatie = locatie.strip()
    mdo.agenda = agenda.strip()
    mdo.versie += 1
    mdo.save()
    if verwijder_deelnemers:
        for d in mdo.deelnemers.filter(pk__in=verwijder_deelnemers).exclude(gebruiker_id=mdo.gepland_door_id):
            d.delete()
    if nieuwe_deelnemers:
        _deelnemers_toevoegen(mdo, nieuwe_deelnemers)
        mdo_uitnodigingen_sturen(mdo_id=mdo.pk)
    activiteit_registreren(mdo.dossier)
    return mdo


@transaction.atomic
def mdo_annuleren(*, door, mdo: MDO, reden: str) -> MDO:
    """``gepland`` -> ``geannuleerd`` with a reason."""
    if not reden.strip():
        raise DossierFout(_("Give a reason for cancelling the meeting."))
    eis_wijzigrecht(door, mdo.dossier)
    mdo = _vergrendel_gepland(mdo)
    mdo.status = MDOStatus.GEANNULEERD
    mdo.annuleringsreden = reden.strip()
    mdo.versie += 1
    met_historie(mdo, reden=reden.strip()).save()
    _terug_naar_open(mdo.dossier, door, _("Meeting cancelled"))
    return mdo


def _valideer_stem(stem: StemGegevens) -> None:
    if stem.gehoord:
        if stem.wijze not in StemWijze.values:
            raise DossierFout(_("Record how the child was heard."))
        if not (stem.wat_zei_kind.strip() or stem.wat_wil_kind.strip()):
            raise DossierFout(_("Record what the child said or wants."))
    else:
        if stem.reden_niet_gehoord not in StemNietGehoordReden.values:
            raise DossierFout(_("Record why the child could not be heard."))
        if stem.reden_niet_gehoord == StemNietGehoordReden.ANDERS and not stem.toelichting.strip():
            raise DossierFout(_("Explain why the child could not be heard."))


@transaction.atomic
def mdo_verslag_vastleggen(*, door, mdo: MDO, versie: int, verslag: Verslag) -> MDO:
    """``gepland`` -> ``gehouden``: the verslag, attendance, the child's voice, the outcome(s) and the
    agreements, all in one transaction (nothing half-saved)."""
    eis_wijzigrecht(door, mdo.dossier)
    mdo = _vergrendel_gepland(mdo, versie)
    eis_open(mdo.dossier)
    if not verslag.verslag.strip():
        raise DossierFout(_("Write the minutes of the meeting."))
    if verslag.gehouden_op > timezone.localdate():
        raise DossierFout(_("A meeting cannot be held in the future; record the minutes afterwards."))
    if verslag.gehouden_op < mdo.dossier.geopend_op:
        raise DossierFout(_("The meeting date cannot be before the dossier was opened."))
    soorten = [s for s, _t in verslag.uitkomsten]
    if not soorten:
        raise DossierFout(_("Choose at least one outcome of the meeting."))
    if any(s not in Uitkomstsoort.values for s in soorten) or len(set(soorten)) != len(soorten):
        raise DossierFout(_("Choose each outcome once."))
    _valideer_stem(verslag.stem)
    for a in verslag.afspraken:
        if not a.omschrijving.strip():
            raise DossierFout(_("Describe each agreement."))
        if a.uitvoerder is None and not a.uitvoerder_naam.strip():
            raise DossierFout(_("Say who carries out each agreement."))
        if a.uiterlijk < verslag.gehouden_op:
            raise DossierFout(_("The deadline of an agreement cannot be before the meeting."))

    mdo.status = MDOStatus.GEHOUDEN
    mdo.gehouden_op = verslag.gehouden_op
    mdo.verslag = verslag.verslag.strip()
    mdo.verslag_door = door
    mdo.versie += 1
    mdo.save()
    if verslag.aanwezig is not None:
        for d in mdo.deelnemers.all():
            d.aanwezig = d.pk in verslag.aanwezig
            d.save(update_fields=["aanwezig"])
    else:
        mdo.deelnemers.update(aanwezig=True)
    s = verslag.stem
    StemVanHetKind.objects.create(
        mdo=mdo,
        gehoord=s.gehoord,
        wijze=s.wijze if s.gehoord else "",
        wat_zei_kind=s.wat_zei_kind.strip() if s.gehoord else "",
        wat_wil_kind=s.wat_wil_kind.strip() if s.gehoord else "",
        reden_niet_gehoord="" if s.gehoord else s.reden_niet_gehoord,
        toelichting=s.toelichting.strip(),
    )
    for soort, toelichting in verslag.uitkomsten:
        MDOUitkomst.objects.create(mdo=mdo, soort=soort, toelichting=toelichting.strip())
    for a in verslag.afspraken:
        Afspraak.objects.create(
            dossier=mdo.dossier,
            mdo=mdo,
            school=mdo.school,
            omschrijving=a.omschrijving.strip(),
            uitvoerder=a.uitvoerder,
            uitvoerder_naam=a.uitvoerder_naam.strip(),
            uiterlijk=a.uiterlijk,
        )
    _terug_naar_open(mdo.dossier, door, _("Minutes recorded"))
    return mdo


@transaction.atomic
def mdo_advies_toevoegen(*, door, mdo: MDO, tekst: str) -> MDOAdvies:
    """Add advice to the verslag: the consulent assigned to the school (or the school's ib-er)."""
    if not tekst.strip():
        raise DossierFout(_("Write your advice."))
    if not MDO.objects.visible_to(door).filter(pk=mdo.pk).exists():
        raise DossierFout(_("You may not add advice to this meeting."))
    if not (mdo.school_id in school_ids(door, [Rol.CONSULENT, Rol.IB_ER]) and mdo.school_id == mdo.dossier.school_id):
        raise DossierFout(_("Only the consultant of the school or its ib-er can add advice."))
    if mdo.status == MDOStatus.GEANNULEERD:
        raise DossierFout(_("This meeting was cancelled."))
    advies = MDOAdvies.objects.create(mdo=mdo, auteur=door, tekst=tekst.strip())
    activiteit_registreren(mdo.dossier)
    return advies


@transaction.atomic
def afspraak_afronden(*, door, afspraak: Afspraak) -> Afspraak:
    """``open`` -> ``afgerond``: by the dossier's ib-er or the person who carries the agreement out."""
    afspraak = Afspraak.objects.select_for_update().select_related("dossier").get(pk=afspraak.pk)
    mag = (
        afspraak.uitvoerder_id == door.pk
        or Dossier.objects.visible_to(door, "change").filter(pk=afspraak.dossier_id).exists()
    )
    if not mag or not Afspraak.objects.visible_to(door).filter(pk=afspraak.pk).exists():
        raise DossierFout(_("You may not change this agreement."))
    if afspraak.status != AfspraakStatus.OPEN:
        raise DossierFout(_("This agreement is no longer open."))
    afspraak.status = AfspraakStatus.AFGEROND
    afspraak.afgerond_op = timezone.localdate()
    afspraak.save()
    activiteit_registreren(afspraak.dossier)
    return afspraak
