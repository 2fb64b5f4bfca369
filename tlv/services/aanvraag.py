"""The school's side of a TLV request: start it from the dossier, fill in the checklist, record the
expert advice, submit (or resubmit after a request for information) and withdraw."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leerlingen.choices import MDOStatus, OPPStatus
from leerlingen.models import MDO, Dossier, Inschrijving, Leerling, OPPVersie
from swv import opmaak
from swv.access import school_ids
from swv.choices import Rol
from swv.overgangen import status_vastleggen
from swv.waarden import leeftijd_op, vereist
from tlv import conf
from tlv.checklist import SCHOOLSOORTEN, ontbrekend
from tlv.choices import (
    EERSTE_DESKUNDIGE,
    LOPENDE_AANVRAAG,
    Adviesconclusie,
    Beeindigingsreden,
    Categorie,
    Kwalificatie,
    Meldingsoort,
    OudersInstemming,
    Route,
    TLVSoort,
    TLVStatus,
)
from tlv.documenten import document_opslaan
from tlv.models import TLV, Deskundigenadvies
from tlv.services.basis import eis_recht, vergrendel, verplicht, wissel
from tlv.services.fouten import TLVFout
from tlv.services.meldingen import medewerkers, melden

#: The request fields the school edits (``tlv_aanvraag_bijwerken``); everything else is procedure.
AANVRAAGVELDEN = (
    "soort",
    "voorgestelde_categorie",
    "beoogde_school",
    "toelating_datum",
    "toelating_door",
    "toelating_toelichting",
    "voorgestelde_ingangsdatum",
    "voorgestelde_duur_maanden",
    "redenen",
    "rechtstreeks_toelichting",
    "evaluatie_huidige_periode",
    "opp_versie",
    "mdo",
    "ouders_zienswijze",
    "ouders_instemming",
    "ouders_instemming_datum",
    "ouders_uitzondering_toelichting",
    "evaluatieafspraken",
    "terugkeerafspraken",
)
BEWERKBAAR = (TLVStatus.CONCEPT, TLVStatus.AANVULLING_GEVRAAGD)
#: S(B)O admission is for children of school age: a child may go to school from its fourth birthday.
SCHOOLLEEFTIJD = 4


def eis_schoolleeftijd(leerling: Leerling, op: date) -> None:
    """Refuse a request (or a start date) before the pupil's fourth birthday."""
    if leeftijd_op(leerling.geboortedatum, op) < SCHOOLLEEFTIJD:
        raise TLVFout(
            _(
                "A TLV is for a child of school age: this pupil is not yet 4 years old on %(datum)s. "
                "A child may go to school from the fourth birthday."
            )
            % {"datum": opmaak.datum(op)}
        )


def eis_geen_lopende_aanvraag(leerling: Leerling) -> None:
    if TLV.objects.filter(leerling=leerling, status__in=LOPENDE_AANVRAAG).exists():
        raise TLVFout(_("There is already a TLV request in progress for this pupil."))


def nieuwe_aanvraag(**velden) -> TLV:
    """Create a draft (the unique constraint is the guarantee against a double click)."""
    try:
        with transaction.atomic():
            tlv = TLV.objects.create(status=TLVStatus.CONCEPT, **velden)
    except IntegrityError:
        raise TLVFout(_("There is already a TLV request in progress for this pupil.")) from None
    status_vastleggen(tlv, van="", naar=TLVStatus.CONCEPT, door=velden["aangemaakt_door"])
    return tlv


@transaction.atomic
def tlv_aanvraag_starten(
    *, door, leerling: Leerling, soort: str, route: str = Route.REGULIER, mdo: MDO | None = None
) -> TLV:
    """Open a draft request for a pupil of the ib-er's school, from the pupil's dossier (regular route)
    or as a direct entry (EMB, no dossier needed). An extension starts with ``tlv_verlenging_aanvragen``."""
    if soort not in TLVSoort.values:
        raise TLVFout(_("Choose SBO or SO."))
    if route not in (Route.REGULIER, Route.RECHTSTREEKS):
        raise TLVFout(_("Choose the regular route or a direct entry."))
    if not Leerling.objects.visible_to(door, "change").filter(pk=leerling.pk).exists():
        raise TLVFout(_("You may not request a TLV for this pupil."))
    eis_schoolleeftijd(leerling, timezone.localdate())
    inschrijving = (
        Inschrijving.objects.actief_op().filter(leerling=leerling, school_id__in=school_ids(door, [Rol.IB_ER])).first()
    )
    if inschrijving is None:
        raise TLVFout(_("The pupil is not enrolled at your school."))
    dossier = Dossier.objects.actief().filter(leerling=leerling, school_id=inschrijving.school_id).first()
    if route == Route.REGULIER and dossier is None:
        raise TLVFout(_("Open the pupil's dossier first: a TLV request follows the route of the dossier."))
    if mdo is not None and (dossier is None or mdo.dossier_id != dossier.pk):
        raise TLVFout(_("This MDO does not belong to the pupil's dossier."))
    eis_geen_lopende_aanvraag(leerling)
    return nieuwe_aanvraag(
        leerling=leerling,
        dossier=dossier,
        route=route,
        soort=soort,
        aanvragende_school_id=inschrijving.school_id,
        mdo=mdo,
        opp_versie=_huidige_opp(dossier),
        aangemaakt_door=door,
    )


def _huidige_opp(dossier: Dossier | None) -> OPPVersie | None:
    if dossier is None:
        return None
    return OPPVersie.objects.filter(opp__dossier=dossier, status=OPPStatus.VASTGESTELD).first()


def _valideer_aanvraag(tlv: TLV, velden: dict) -> dict:
    """Check the school's input field by field; returns the cleaned values (Dutch errors otherwise)."""
    soort = velden.get("soort", tlv.soort)
    if soort not in TLVSoort.values:
        raise TLVFout(_("Choose SBO or SO."))
    if soort == TLVSoort.SBO:
        velden["voorgestelde_categorie"] = ""
    elif velden.get("voorgestelde_categorie", tlv.voorgestelde_categorie) not in ("", *Categorie.values):
        raise TLVFout(_("Choose the funding category low, medium or high."))
    school = velden.get("beoogde_school", tlv.beoogde_school)
    if school is not None and school.soort not in SCHOOLSOORTEN[soort]:
        raise TLVFout(_("The intended school must be a school for %(soort)s.") % {"soort": soort})
    duur = velden.get("voorgestelde_duur_maanden")
    if duur is not None and not 1 <= duur <= conf.maximale_duur_maanden():
        raise TLVFout(_("The duration must be between 1 and %(max)s months.") % {"max": conf.maximale_duur_maanden()})
    if velden.get("voorgestelde_ingangsdatum"):
        eis_schoolleeftijd(tlv.leerling, velden["voorgestelde_ingangsdatum"])
    vandaag = timezone.localdate()
    for veld in ("toelating_datum", "ouders_instemming_datum"):
        if velden.get(veld) and velden[veld] > vandaag:
            raise TLVFout(_("A date of a statement or consent cannot be in the future."))
    if velden.get("ouders_instemming", "") not in ("", *OudersInstemming.values):
        raise TLVFout(_("Choose whether the parents consent."))
    opp = velden.get("opp_versie")
    if opp is not None and (opp.opp.dossier.leerling_id != tlv.leerling_id or opp.status != OPPStatus.VASTGESTELD):
        raise TLVFout(_("Choose the adopted OPP of this pupil."))
    mdo = velden.get("mdo")
    if mdo is not None and (mdo.dossier.leerling_id != tlv.leerling_id or mdo.status != MDOStatus.GEHOUDEN):
        raise TLVFout(_("Choose a held MDO of this pupil."))
    for veld, waarde in velden.items():
        if isinstance(waarde, str):
            velden[veld] = waarde.strip()
    return velden


@transaction.atomic
def tlv_aanvraag_bijwerken(*, door, tlv: TLV, versie: int, **velden) -> TLV:
    """Save the school's part of a draft (or a request sent back for more information)."""
    onbekend = set(velden) - set(AANVRAAGVELDEN)
    if onbekend:
        raise TypeError(f"Unknown request fields: {sorted(onbekend)}")
    eis_recht(door, tlv, "change")
    tlv = vergrendel(tlv, BEWERKBAAR, versie=versie)
    return wissel(tlv, None, door=door, **_valideer_aanvraag(tlv, dict(velden)))


@transaction.atomic
def deskundigenadvies_vastleggen(
    *,
    door,
    tlv: TLV,
    volgorde: int,
    naam: str,
    kwalificatie: str,
    datum: date,
    advies: str,
    conclusie: str,
    expertise: str = "",
    organisatie: str = "",
    bestand=None,
) -> Deskundigenadvies:
    """Record (or correct) the advice of expert 1 or 2, with its document."""
    eis_recht(door, tlv, "change")
    tlv = vergrendel(tlv, BEWERKBAAR)
    if volgorde not in (1, 2):
        raise TLVFout(_("A TLV request has two experts."))
    naam = verplicht(naam, _("Enter the name of the expert."))
    advies = verplicht(advies, _("Enter the advice."))
    if kwalificatie not in Kwalificatie.values:
        raise TLVFout(_("Choose the qualification of the expert."))
    if volgorde == 1 and kwalificatie not in EERSTE_DESKUNDIGE:
        raise TLVFout(_("The first expert must be an orthopedagogue or a psychologist."))
    if volgorde == 2 and not expertise.strip():
        raise TLVFout(_("State the expertise of the second expert that matches the pupil's needs."))
    if conclusie not in Adviesconclusie.values:
        raise TLVFout(_("Choose the conclusion of the advice."))
    if datum > timezone.localdate():
        raise TLVFout(_("The date of the advice cannot be in the future."))
    ander = tlv.deskundigenadviezen.exclude(volgorde=volgorde).first()
    if ander is not None and ander.naam.strip().lower() == naam.lower():
        raise TLVFout(_("The two advices must come from two different experts."))
    bestaand = tlv.deskundigenadviezen.filter(volgorde=volgorde).first()
    document = bestaand.document if bestaand else None
    if bestand is not None:
        document = document_opslaan(
            door=door,
            tlv=tlv,
            bestand=bestand,
            titel=_("Expert advice %(n)s: %(naam)s") % {"n": volgorde, "naam": naam},
        )
    advies_obj, _nieuw_advies = Deskundigenadvies.objects.update_or_create(
        tlv=tlv,
        volgorde=volgorde,
        defaults=dict(
            naam=naam,
            kwalificatie=kwalificatie,
            expertise=expertise.strip(),
            organisatie=organisatie.strip(),
            datum=datum,
            advies=advies,
            conclusie=conclusie,
            document=document,
            vastgelegd_door=door,
            vastgelegd_op=timezone.now(),
        ),
    )
    wissel(tlv, None, door=door)  # the request's version moves on: an open edit form is now stale
    return advies_obj


@transaction.atomic
def tlv_indienen(*, door, tlv: TLV) -> TLV:
    """Submit a complete request (or resubmit it with the information asked for) to the TLC.

    The decision term counts from the first complete submission; the days spent completing the
    request after the TLC asked are added to it (suspension, Awb 4:15).
    """
    eis_recht(door, tlv, "change")
    tlv = vergrendel(tlv, BEWERKBAAR)
    missend = ontbrekend(tlv)
    if missend:
        raise TLVFout(
            _("The request is not complete yet. Still missing: %(punten)s.")
            % {"punten": ", ".join(str(p.label) for p in missend)}
        )
    vandaag = timezone.localdate()
    if tlv.status == TLVStatus.CONCEPT:
        tlv = wissel(tlv, TLVStatus.INGEDIEND, door=door, ingediend_op=vandaag, eerst_ingediend_op=vandaag)
    else:
        gevraagd_op = vereist(tlv.aanvulling_gevraagd_op, "aanvulling_gevraagd_op of a request awaiting information")
        opgeschort = tlv.opgeschort_dagen + max(0, (vandaag - gevraagd_op).days)
        tlv = wissel(
            tlv,
            TLVStatus.INGEDIEND,
            door=door,
            reden=_("Completed with the information requested."),
            opgeschort_dagen=opgeschort,
            aanvulling_gevraagd_op=None,
        )
    overgang = vereist(tlv.statusovergangen.order_by("-pk").first(), "the status change just written")
    melden(tlv, Meldingsoort.INGEDIEND, medewerkers(swv_rollen=[Rol.TLC_LID]), f"ingediend:{overgang.pk}")
    return tlv


@transaction.atomic
def tlv_aanvraag_intrekken(*, door, tlv: TLV, reden: str) -> TLV:
    """The school withdraws its request before the decision (e.g. the parents chose another way)."""
    eis_recht(door, tlv, "change")
    reden = verplicht(reden, _("Explain why the request is withdrawn."))
    tlv = vergrendel(tlv, LOPENDE_AANVRAAG)
    return wissel(
        tlv,
        TLVStatus.INGETROKKEN,
        door=door,
        reden=reden,
        beeindigd_op=timezone.localdate(),
        beeindigingsreden=Beeindigingsreden.AANVRAAG_INGETROKKEN,
        beeindiging_toelichting=reden,
    )
